/**
 * The overview at catalogue scale, on the built site: the world map and its table against the
 * published data, the condition categories adding up to the catalogue, charts readable on a phone,
 * no page wider than its viewport, and the category facet of browse.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { Trial } from '../../src/schemas/trial.ts';
import { watchConsole } from './helpers.ts';

const trials = JSON.parse(readFileSync('dist/trials.json', 'utf8')) as Trial[];
const number = (text: string | null) => Number((text ?? '').replace(/[^0-9]/gu, ''));

/** The numbers of a chart's table, by row key, opened as a reader opens it. */
async function tableOf(page: Page, chart: string): Promise<Map<string, number>> {
  const figure = page.locator(`figure[data-chart="${chart}"]`);
  await figure.getByText('Show as a table').click();
  const rows = figure.locator('tbody tr');
  const out = new Map<string, number>();
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    out.set((await row.getAttribute('data-key'))!, number(await row.locator('[data-value]').textContent()));
  }
  return out;
}

test('the map table lists every country of the data with its trials, and every country is on the map or named as not on it', async ({ page }) => {
  const expected = new Map<string, number>();
  for (const t of trials) for (const c of new Set(t.countries)) expected.set(c, (expected.get(c) ?? 0) + 1);
  const withSite = trials.filter((t) => t.countries.length > 0).length;

  await page.goto('/');
  const figure = page.locator('figure[data-chart="world-map"]');
  await expect(figure.locator('figcaption')).toContainText(`Countries of the ${withSite.toLocaleString('en')} trials that list a site`);
  const table = await tableOf(page, 'world-map');
  expect(table).toEqual(expected);
  expect(number(await figure.locator('[data-sum]').textContent())).toBe([...expected.values()].reduce((a, b) => a + b, 0));
  expect(number(await figure.locator('[data-trials]').textContent())).toBe(withSite);

  // each country with trials is a shape or a dot on the map, with its count in its tooltip; the rest are named
  const placed = await figure.locator('svg [data-country] > title').allTextContents();
  const unplacedNote = figure.locator('[data-unplaced]');
  const unplaced = (await unplacedNote.count()) ? Number(await unplacedNote.getAttribute('data-unplaced')) : 0;
  const note = unplaced ? await unplacedNote.textContent() : '';
  for (const [country, n] of expected) {
    const onMap = placed.includes(`${country}: ${n.toLocaleString('en')} ${n === 1 ? 'trial' : 'trials'}`);
    expect(onMap || note!.includes(`${country} (${n})`), `${country} on the map or listed as not on it`).toBe(true);
  }
  expect(placed.length + unplaced).toBe(expected.size);
  // the picture has a name and its numbers for screen readers
  await expect(figure.locator('svg[role="img"] desc')).toContainText('China: 269');
});

test('the condition categories add up: memberships explained, plus Unclassified, equal the catalogue', async ({ page }) => {
  await page.goto('/');
  const bars = await tableOf(page, 'by-category');
  const totals = page.locator('[data-category-totals]');
  const rows = totals.locator('tbody tr');
  let trialsCounted = 0;
  let memberships = 0;
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = rows.nth(i);
    const k = Number(await row.getAttribute('data-categories'));
    const n = number(await row.locator('[data-trials]').textContent());
    trialsCounted += n;
    memberships += k === 0 ? n : k * n;
    expect(number(await row.locator('[data-memberships]').textContent())).toBe(k === 0 ? n : k * n);
  }
  // every catalogue trial is in the table once: in some categories, or unclassified
  expect(trialsCounted).toBe(trials.length);
  expect(number(await totals.locator('[data-total]').textContent())).toBe(trials.length);
  // the chart's bars (Unclassified is its "not stated" bar) sum to the memberships
  const barSum = [...bars.values()].reduce((a, b) => a + b, 0);
  expect(barSum).toBe(memberships);
  expect(number(await totals.locator('[data-sum]').textContent())).toBe(barSum);
  expect(bars.get('NOT_STATED')).toBe(number(await totals.locator('tr[data-categories="0"] [data-trials]').textContent()));
  // and each bar links to the browse list of exactly its trials
  await page.locator('figure[data-chart="by-category"] tbody tr[data-key="eye"] a').click();
  await expect(page).toHaveURL(/\/trials\/\?category=eye$/u);
  await expect(page.locator('[data-browse-count]')).toContainText(`of ${bars.get('eye')} trials (filtered from ${trials.length.toLocaleString('en')})`);
});

test('every chart shows its not-stated share and a table equal to its description', async ({ page }) => {
  await page.goto('/');
  for (const chart of ['by-category', 'by-status', 'by-phase', 'by-results', 'by-source', 'by-donor', 'by-route']) {
    const figure = page.locator(`figure[data-chart="${chart}"]`);
    const table = await tableOf(page, chart);
    expect(table.has('NOT_STATED'), `${chart} has a not-stated row`).toBe(true);
    const desc = (await figure.locator('svg desc').textContent())!;
    for (const n of table.values()) expect(desc).toContain(`: ${n.toLocaleString('en')}`);
  }
  // one-value fields add up to the catalogue
  for (const chart of ['by-status', 'by-results', 'by-donor']) {
    expect([...(await tableOf(page, chart)).values()].reduce((a, b) => a + b, 0)).toBe(trials.length);
  }
  const years = page.locator('figure[data-chart="by-year"]');
  await years.getByText('Show as a table').click();
  const undated = trials.filter((t) => !t.dates.start).length;
  expect(number(await years.locator('[data-sum]').textContent())).toBe(trials.length - undated);
  await expect(years).toContainText(`Not drawn: ${undated} trials whose records state no start date.`);
});

for (const width of [390, 1280]) {
  test(`at ${width} px the overview and browse are no wider than the screen, and chart text is at least 12 px`, async ({ page }) => {
    const errors = watchConsole(page);
    await page.setViewportSize({ width, height: 900 });
    for (const path of ['/', '/trials/', '/trials/?category=musculoskeletal', '/trials/?status=TEMPORARILY_NOT_AVAILABLE']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
    }
    await page.goto('/');
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll<SVGTextElement>('main svg text')].map((t) => {
        const scale = t.getScreenCTM()!.a;
        return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
      }),
    );
    expect(sizes.length).toBeGreaterThan(100);
    const small = sizes.filter((s) => s.px < 12);
    expect(small, JSON.stringify(small.slice(0, 5))).toEqual([]);
    errors.expectNone();
  });
}

test('browse filters by condition category, in the URL, from the full list', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto('/trials/');
  const select = page.getByLabel('Condition category', { exact: true });
  await expect(select.locator('option')).toHaveCount(20);
  await select.selectOption('unclassified');
  await expect(page).toHaveURL(/\?category=unclassified/u);
  await expect(page.locator('[data-browse-count]')).toContainText(`Showing 1–2 of 2 trials (filtered from ${trials.length.toLocaleString('en')})`);
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(2);
  await page.reload();
  await expect(select).toHaveValue('unclassified');
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(2);
  errors.expectNone();
});

test('a ready-made comparison says how many of its trials it shows and links all of them in browse', async ({ page }) => {
  await page.goto('/compare/condition/knee-osteoarthritis/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Knee osteoarthritis: 12 of \d+ trials compared$/u);
  const total = number((await page.getByRole('heading', { level: 1 }).textContent())!.split(' of ')[1]!);
  await expect(page.locator('.compare-grid thead th.grid-head')).toHaveCount(12);
  await page.getByRole('link', { name: `Open all ${total} in browse` }).click();
  await expect(page).toHaveURL(/\/trials\/\?condition=knee-osteoarthritis&sort=-start$/u);
  await expect(page.locator('[data-browse-count]')).toContainText(`of ${total} trials`);
});

test('how current the records are: the overview gives the ranges of registry updates and retrievals, and the count possibly out of date, from the data', async ({ page }) => {
  const newest = (days: (string | null)[]) => days.filter((d): d is string => !!d).sort().at(-1) ?? null;
  const asOf = trials.map((t) => newest(t.sources.map((s) => s.asOf))).filter((d): d is string => !!d).sort();
  const flagged = trials.filter((t) => t.flags.some((f) => f.code === 'possibly-out-of-date')).length;
  const unretrieved = trials.filter((t) => !newest(t.sources.map((s) => s.retrieved))).length;
  await page.goto('/');
  const block = page.locator('[data-freshness]');
  // the range runs from the oldest to the newest of the trials' newest updates, in the page's date style
  const year = (iso: string) => iso.slice(0, 4);
  await expect(block).toContainText(new RegExp(`Registry updates\\s*(\\d{1,2} )?\\w{3} ${year(asOf[0]!)} to (\\d{1,2} )?\\w{3} ${year(asOf.at(-1)!)}`, 'u'));
  await expect(block.locator('[data-out-of-date-count]')).toHaveAttribute('data-out-of-date-count', String(flagged));
  await expect(block.locator('[data-out-of-date-count]')).toContainText(`${flagged.toLocaleString('en')} of ${trials.length.toLocaleString('en')} trials`);
  await expect(block).toContainText(`not recorded for ${unretrieved.toLocaleString('en')} trials`);
});
