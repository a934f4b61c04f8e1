/**
 * The browse list at catalogue scale, on the built real catalogue: compact rows, the country,
 * category and scope filters in the URL with counts that say what they count, exports of exactly
 * the rows a filter shows, the phone cards, no sideways scrolling, and the static list without
 * JavaScript. (The axe/console/CSP gate of /trials/ and its last page: gates.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Trial } from '../../src/schemas/trial.ts';
import { axeViolations, watchConsole } from './helpers.ts';

const trials = JSON.parse(readFileSync('dist/trials.json', 'utf8')) as Trial[];
const siteCsv = parse(readFileSync('dist/trials.csv'), { columns: true }) as Record<string, string>[];
const csvById = new Map(siteCsv.map((r) => [r.id!, r]));
const WIDTHS = [390, 1280] as const;
const rowsOf = (page: Page) => page.locator('[data-browse-body] > tr');
const shownIds = (page: Page) => page.locator('[data-browse-body] .browse-id').allTextContents();
/** "Showing 1–50 of 269 trials (filtered from 1,340), …" → 269 */
async function total(page: Page): Promise<number> {
  const text = (await page.locator('[data-browse-count]').textContent()) ?? '';
  if (text.startsWith('No trials')) return 0;
  return Number(/ of ([\d,]+) trials?/u.exec(text)![1]!.replaceAll(',', ''));
}
/** Waits until the list shows the state of the URL (the script has loaded the rows and drawn them). */
async function settled(page: Page) {
  await expect(page.locator('[data-browse-count]')).toHaveText(/^(Showing|No trials)/u);
  await expect(page.locator('[data-browse-body] [data-compare-slot]:not([data-ready])')).toHaveCount(0);
}

test.describe('compact rows', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px, the add-to-compare button adds no height to any row`, async ({ page }) => {
      // the rule: each row's height with its button — and with a comparison chosen, so the slot's
      // link would show — equals, within 1 px, the same row's height once the button is removed
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/trials/', '/trials/?category=respiratory&sort=-enrollment']) {
        await page.goto(path);
        await settled(page);
        await rowsOf(page).first().getByRole('button', { name: '+ Add to compare' }).click();
        await expect(page.locator('[data-browse-compare]')).toHaveText('Compare 1 chosen trial');
        const heights = () => rowsOf(page).evaluateAll((trs) => trs.map((tr) => tr.getBoundingClientRect().height));
        const withButton = await heights();
        expect(withButton).toHaveLength(50);
        // the button is a full target (WCAG 2.2: at least 24 px) on the id line
        const box = (await rowsOf(page).nth(1).getByRole('button').boundingBox())!;
        expect(box.height).toBeGreaterThanOrEqual(24);
        await page.locator('[data-browse-body] [data-compare-slot]').evaluateAll((slots) => slots.forEach((s) => s.replaceChildren()));
        const without = await heights();
        withButton.forEach((h, i) => expect(Math.abs(h - without[i]!), `${path} row ${i + 1}: ${h} px with the button, ${without[i]} px without`).toBeLessThanOrEqual(1));
        await page.evaluate(() => localStorage.clear());
      }
    });
  }

  test('at 1280 px the table fits its column widths: no sideways scrolling inside the list', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/trials/');
    const wrap = page.locator('.browse-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});

test.describe('filters', () => {
  test('country, condition category and scope: in the URL, restored by a deep link, stepped by back and forward', async ({ page }) => {
    const errors = watchConsole(page);
    const china = trials.filter((t) => t.countries.includes('China'));
    const chinaMsc = china.filter((t) => t.scope.value === 'MSC');
    await page.goto('/trials/');
    await page.getByLabel('Country of a site').selectOption('China');
    await expect(page).toHaveURL(/\/trials\/\?country=China$/u);
    await settled(page);
    expect(await total(page)).toBe(china.length);
    await page.getByLabel('Scope').selectOption('MSC');
    await expect(page).toHaveURL(/\?country=China&scope=MSC$/u);
    await expect.poll(() => total(page)).toBe(chinaMsc.length);
    await page.getByLabel('Condition category').selectOption('musculoskeletal');
    await expect(page).toHaveURL(/\?category=musculoskeletal&country=China&scope=MSC$/u);
    const three = (await (await page.request.get('/data/browse.json')).json()) as { id: string; categories: string[]; countries: string[]; scope: string }[];
    const expected = three.filter((r) => r.categories.includes('musculoskeletal') && r.countries.includes('China') && r.scope === 'MSC').map((r) => r.id);
    await expect.poll(() => total(page)).toBe(expected.length);
    expect(await shownIds(page)).toEqual(expected.slice(0, 50));

    // back and forward step through the states, form and rows alike
    await page.goBack();
    await expect(page).toHaveURL(/\?country=China&scope=MSC$/u);
    await expect(page.getByLabel('Condition category')).toHaveValue('');
    await expect.poll(() => total(page)).toBe(chinaMsc.length);
    await page.goBack();
    await expect(page.getByLabel('Scope')).toHaveValue('');
    await expect.poll(() => total(page)).toBe(china.length);
    await page.goForward();
    await expect(page.getByLabel('Scope')).toHaveValue('MSC');
    await expect.poll(() => total(page)).toBe(chinaMsc.length);

    // a deep link restores every control, the rows and the page
    await page.goto('/trials/?country=China&scope=MSC&sort=-start&page=2');
    await settled(page);
    await expect(page.getByLabel('Country of a site')).toHaveValue('China');
    await expect(page.getByLabel('Scope')).toHaveValue('MSC');
    await expect(page.getByLabel('Sort by')).toHaveValue('-start');
    await expect(page.locator('[data-browse-pages] [aria-current="page"]')).toHaveText('2');
    await expect(page.locator('[data-browse-count]')).toHaveText(new RegExp(`^Showing 51–100 of ${chinaMsc.length} trials \\(filtered from 1,340\\), sorted by start, newest first\\.$`, 'u'));
    await expect(page.locator('summary')).toContainText('(2 filters on)');
    errors.expectNone();
  });

  test('each option’s count is what choosing it shows, with the other filters kept; the form says so', async ({ page }) => {
    await page.goto('/trials/?scope=MSC');
    await settled(page);
    const country = page.getByLabel('Country of a site');
    await expect(country).toHaveAccessibleDescription(/how many trials it would show, with your other filters kept/u);
    for (const name of ['China', 'South Korea', 'No site listed']) {
      const option = country.locator('option', { hasText: new RegExp(`^${name} \\(`, 'u') });
      const stated = Number(/\(([\d,]+)\)$/u.exec((await option.textContent())!)![1]!.replaceAll(',', ''));
      const expected = trials.filter((t) => t.scope.value === 'MSC' && (name === 'No site listed' ? t.countries.length === 0 : t.countries.includes(name))).length;
      expect(stated, name).toBe(expected);
      await country.selectOption({ label: (await option.textContent())! });
      await expect.poll(() => total(page), name).toBe(expected);
    }
    // country names are the catalogue's short English names, never the registry's spellings
    await expect(country.locator('option', { hasText: /^Korea, Republic of/u })).toHaveCount(0);
    // the scope options count the catalogue's three verdicts, with their words
    const scope = page.getByLabel('Scope');
    await page.goto('/trials/');
    for (const [label, value] of [['MSC product', 'MSC'], ['MSC-containing preparation', 'MSC_CONTAINING'], ['Scope needs review', 'UNCLEAR']] as const) {
      await expect(scope.locator(`option[value="${value}"]`)).toHaveText(`${label} (${trials.filter((t) => t.scope.value === value).length.toLocaleString('en')})`);
    }
  });

  test('a value no option has is dropped from the address, not shown as an empty list', async ({ page }) => {
    await page.goto('/trials/?country=Narnia&scope=UNCLEAR');
    await settled(page);
    await expect(page).toHaveURL(/\/trials\/\?scope=UNCLEAR$/u);
    expect(await total(page)).toBe(trials.filter((t) => t.scope.value === 'UNCLEAR').length);
  });

  test('a filter that matches nothing says so, with no empty table or file, and the counts say why', async ({ page }) => {
    expect(trials.filter((t) => t.status === 'WITHDRAWN' && t.countries.includes('Spain'))).toHaveLength(0);
    await page.goto('/trials/?status=WITHDRAWN&country=Spain');
    await settled(page);
    await expect(page.locator('[data-browse-count]')).toHaveText('No trials match these filters.');
    await expect(page.locator('.browse-wrap')).toBeHidden();
    await expect(page.locator('[data-browse-export]')).toBeHidden();
    await expect(page.getByLabel('Country of a site').locator('option:checked')).toHaveText('Spain (0)');
    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await expect(page).toHaveURL(/\/trials\/$/u);
    await expect(rowsOf(page)).toHaveCount(50);
    await expect(page.locator('[data-browse-export]')).toBeVisible();
  });

  test('the filtered list passes axe in light and dark', async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/trials/?country=United+States&scope=MSC_CONTAINING');
      await settled(page);
      expect(await axeViolations(page), scheme).toEqual([]);
    }
  });
});

/** Every id the filtered list shows, page after page, by its own Next link. */
async function allShown(page: Page): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    await settled(page);
    ids.push(...(await shownIds(page)));
    const next = page.locator('[data-browse-pages] a[rel="next"]');
    if ((await next.count()) === 0) return ids;
    const before = await page.locator('[data-browse-count]').textContent();
    await next.click();
    await expect(page.locator('[data-browse-count]')).not.toHaveText(before!);
  }
}

async function download(page: Page, kind: 'CSV' | 'JSON') {
  const event = page.waitForEvent('download');
  await page.locator('[data-browse-export]').getByRole('link', { name: kind, exact: true }).click();
  const file = await event;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test.describe('exports', () => {
  for (const [path, name] of [
    ['/trials/?country=China&scope=MSC', 'msc-trials-country-china-scope-msc'],
    ['/trials/?category=musculoskeletal&status=COMPLETED&sort=-start', 'msc-trials-status-completed-category-musculoskeletal'],
    ['/trials/?phase=none&sort=-enrollment', 'msc-trials-phase-none'],
  ] as const) {
    test(`CSV and JSON hold exactly the rows ${path} shows, across all its pages`, async ({ page }) => {
      const errors = watchConsole(page);
      await page.goto(path);
      await settled(page);
      const count = await total(page);
      expect(count).toBeGreaterThan(0);
      await expect(page.locator('[data-browse-export-what]')).toHaveText(`the ${count} trial${count === 1 ? '' : 's'} listed`);
      const csv = await download(page, 'CSV');
      const json = await download(page, 'JSON');
      await expect(page.locator('[data-browse-export-status]')).toHaveText(`Downloaded ${count.toLocaleString('en')} trials as JSON.`);
      const shown = await allShown(page);
      expect(shown).toHaveLength(count);

      expect(csv.name).toBe(`${name}.csv`);
      const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.id)).toEqual(shown);
      // the site's CSV, restricted: the same header and, row by row, the same values
      expect(csv.text.slice(0, csv.text.indexOf('\r\n'))).toBe(readFileSync('dist/trials.csv', 'utf8').split('\r\n')[0]);
      for (const r of rows) expect(r).toEqual(csvById.get(r.id!));

      expect(json.name).toBe(`${name}.json`);
      const records = JSON.parse(json.text) as Trial[];
      expect(records.map((t) => t.id)).toEqual(shown);
      const full = new Map(trials.map((t) => [t.id, t]));
      for (const t of records) expect(t).toEqual(full.get(t.id));
      errors.expectNone();
    });
  }

  test('the unfiltered list links the site’s own files, which hold every row', async ({ page }) => {
    await page.goto('/trials/');
    await expect(page.locator('[data-browse-export-what]')).toHaveText(`all ${trials.length.toLocaleString('en')} trials`);
    await expect(page.locator('[data-browse-export] a[data-export="csv"]')).toHaveAttribute('href', '/trials.csv');
    await expect(page.locator('[data-browse-export] a[data-export="json"]')).toHaveAttribute('href', '/trials.json');
  });
});

test.describe('layout', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px no browse page is wider than the viewport`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const pages = Math.ceil(trials.length / 50);
      for (const path of ['/trials/', '/trials/page/2/', `/trials/page/${pages}/`, '/trials/?category=neurological&country=United+States', '/trials/?status=TEMPORARILY_NOT_AVAILABLE']) {
        await page.goto(path);
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
      }
    });
  }

  test('at 390 px every card of every page holds its content: nothing spills out of its card', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 900 });
    const pages = Math.ceil(trials.length / 50);
    for (let n = 1; n <= pages; n += 1) {
      await page.goto(n === 1 ? '/trials/' : `/trials/page/${n}/`);
      await settled(page);
      const spills = await rowsOf(page).evaluateAll((cards) =>
        cards.flatMap((card) => {
          const box = card.getBoundingClientRect();
          return [...card.querySelectorAll('*')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
            })
            .map((el) => `${card.querySelector('.browse-id')?.textContent}: <${el.tagName.toLowerCase()}> ${el.textContent?.slice(0, 40)}`);
        }),
      );
      expect(spills, `page ${n}`).toEqual([]);
      const inView = await rowsOf(page).evaluateAll((cards) => cards.every((c) => c.getBoundingClientRect().right <= window.innerWidth));
      expect(inView, `page ${n}`).toBe(true);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first page and its pagination work; the controls stay hidden; the full files are linked', async ({ page }) => {
    await page.goto('/trials/');
    await expect(rowsOf(page)).toHaveCount(50);
    await expect(page.locator('[data-browse-filters]')).toBeHidden();
    await expect(page.locator('[data-browse-count]')).toHaveText(`Showing 1–50 of ${trials.length.toLocaleString('en')} trials, sorted by registry id.`);
    await expect(page.locator('[data-browse-export] a[data-export="csv"]')).toHaveAttribute('href', '/trials.csv');
    await page.locator('[data-browse-pages]').getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/trials\/page\/2\/$/u);
    await expect(rowsOf(page)).toHaveCount(50);
    await expect(page.locator('[data-browse-count]')).toHaveText(/^Showing 51–100 of /u);
    expect(await shownIds(page)).toEqual([...trials].map((t) => t.id).slice(50, 100));
    await page.locator('[data-browse-pages]').getByRole('link', { name: '1', exact: true }).click();
    await expect(page).toHaveURL(/\/trials\/$/u);
  });
});
