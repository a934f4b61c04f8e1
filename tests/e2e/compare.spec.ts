/**
 * The comparison grid on the built real catalogue (1,340 trials): selection in the URL and local
 * storage, shared links that ask before replacing a saved selection, rows shaded where the chosen
 * trials disagree, only-differences, the picker by condition category, exports, ready-made pages,
 * the layout at 390 and 1280 px and the grid's styles, the same on /compare/ and inside a guide.
 *
 * The trials named here and what their records state (as built from content/sources/):
 * - NCT04208646 (Veeva copy): adipose MSC cells, randomised, double-masked, parallel, 106 participants, completed;
 * - NCT06688318 (Veeva copy): umbilical-cord secretome, single group, open label, 11 participants;
 * - NCT07157891 (meddatax copy): secretome ± PRGF, randomised, open label, parallel, 25 participants;
 *   all three are knee osteoarthritis trials, in the category "Bones, joints and muscles";
 * - NCT04447833 (CSV row): 7 participants; NCT00447460 carries the EudraCT number 2005-003674-14;
 *   NCT04261335 carries jRCT2043190112. No catalogue id contains "/": the "/"-as-"-" form is
 *   covered by tests/unit/compare.test.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, watchConsole } from './helpers.ts';
import { sitemapUrls } from '../../scripts/quality/site.ts';

const GUIDE = '/guides/secretome-vs-cells-knee-osteoarthritis/';
const KNEE = ['NCT04208646', 'NCT06688318', 'NCT07157891'];

const columns = (page: Page) => page.locator('.compare-grid thead th.grid-head a').allTextContents();
const row = (page: Page, key: string) => page.locator(`.compare-grid tr[data-row="${key}"]`);
const caption = (page: Page) => page.locator('[data-compare-caption]');
/** The visible text of a row's cells, list items joined with " | ". */
const cells = (page: Page, key: string) =>
  row(page, key)
    .locator('td')
    .evaluateAll((tds) =>
      tds.map((td) => {
        const items = [...td.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/gu, ' ').trim());
        return items.length ? items.join(' | ') : (td.textContent ?? '').replace(/\s+/gu, ' ').trim();
      }),
    );
const saved = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('msc-compare-ids') ?? '[]') as string[]);
/** How far the document scrolls sideways: 0 when nothing is wider than the screen. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('?ids= with two ids shows exactly those two columns, in that order', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await page.goto('/compare/?ids=NCT07157891,NCT06688318');
  await expect(caption(page)).toContainText('Showing 2 trials');
  expect(await columns(page)).toEqual(['NCT07157891', 'NCT06688318']);
  expect(await cells(page, 'enrollment')).toEqual(['25 participants', '11 participants']);
  consoleErrors.expectNone();
});

test('a row is shaded "differs" when the chosen trials disagree among themselves, whichever column disagrees', async ({ page }) => {
  await page.goto(`/compare/?ids=${KNEE.join(',')}`);
  await expect(caption(page)).toContainText('Showing 3 trials');
  // allocation: the first and the third agree, the second does not; masking: the first disagrees with the other two
  expect(await cells(page, 'allocation')).toEqual(['Randomised', 'Not applicable', 'Randomised']);
  expect(await cells(page, 'masking')).toEqual(['Double', 'None (open label)', 'None (open label)']);
  for (const key of ['allocation', 'masking', 'enrollment']) {
    await expect(row(page, key)).toHaveClass(/\bdiffers\b/u);
    await expect(row(page, key).locator('th')).toContainText('differs');
    // every cell of the row is shaded alike, the first column's too
    const backgrounds = await row(page, key).locator('td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    expect(new Set(backgrounds).size, `${key}: one shade for the whole row`).toBe(1);
    expect(backgrounds[0]).not.toBe('rgba(0, 0, 0, 0)');
  }
  // the same for all three: not shaded, not marked
  expect(await cells(page, 'studyType')).toEqual(['Interventional', 'Interventional', 'Interventional']);
  await expect(row(page, 'studyType')).not.toHaveClass(/\bdiffers\b/u);
  await expect(row(page, 'studyType').locator('th')).not.toContainText('differs');
  // the sentence above the grid counts them
  await expect(page.locator('[data-grid-legend]')).toHaveText(/^\d+ of the \d+ attributes shown differ among these 3 trials/u);
});

test('"only rows that differ" hides exactly the rows equal across all chosen trials, and shows them again', async ({ page }) => {
  await page.goto(`/compare/?ids=${KNEE.join(',')}`);
  await expect(caption(page)).toContainText('Showing 3 trials');
  const toggle = page.getByLabel('Show only rows that differ');
  await toggle.check();
  const rows = await page.locator('.compare-grid tbody tr[data-row]').evaluateAll((trs) =>
    trs.map((tr) => {
      const texts = [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/gu, ' ').trim().toLowerCase());
      return { key: (tr as HTMLElement).dataset.row!, visible: (tr as HTMLElement).offsetParent !== null, allEqual: new Set(texts).size === 1 };
    }),
  );
  expect(rows.length).toBe(35);
  for (const r of rows) expect(r.visible, `${r.key}: ${r.allEqual ? 'equal across the trials, hidden' : 'differs, shown'}`).toBe(!r.allEqual);
  expect(rows.filter((r) => !r.visible).map((r) => r.key)).toContain('studyType');
  expect(rows.filter((r) => !r.visible).map((r) => r.key)).toContain('categories');
  // a group whose rows are all equal goes with them
  const emptyGroups = await page.locator('.compare-grid tbody').evaluateAll((bodies) =>
    bodies.filter((b) => ![...b.querySelectorAll('tr[data-row]')].some((tr) => !tr.hasAttribute('data-same'))).map((b) => ({ group: (b as HTMLElement).dataset.group, visible: (b as HTMLElement).offsetParent !== null })),
  );
  for (const g of emptyGroups) expect(g.visible, `${g.group} has no differing row`).toBe(false);
  await toggle.uncheck();
  await expect(row(page, 'studyType')).toBeVisible();
});

test('each chosen trial’s condition categories are a row of the grid', async ({ page }) => {
  await page.goto('/compare/?ids=NCT04208646,NCT04447833,NCT04261335');
  await expect(caption(page)).toContainText('Showing 3 trials');
  await expect(row(page, 'categories').locator('th')).toContainText('Condition categories');
  const [knee, ...others] = await cells(page, 'categories');
  expect(knee).toBe('Bones, joints and muscles');
  expect(others).toHaveLength(2);
  for (const c of others) expect(c).not.toBe('');
});

test('an id the catalogue does not have gets a notice, and the rest still compare', async ({ page }) => {
  await page.goto('/compare/?ids=NCT06688318,NCT99999999');
  await expect(page.locator('[data-compare-notice]')).toContainText('Not in the catalogue: NCT99999999');
  expect(await columns(page)).toEqual(['NCT06688318']);
  await expect(page.locator('[data-grid-legend]')).toHaveText('Add a second trial to see where they differ.');
});

test('a link’s ids are read in any case and by other registry ids, and the address then shows the catalogue ids', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await page.goto('/compare/?ids=nct04447833,2005-003674-14,JRCT2043190112,NCT04447833');
  await expect(caption(page)).toContainText('Showing 3 trials');
  expect(await columns(page)).toEqual(['NCT04447833', 'NCT00447460', 'NCT04261335']);
  await expect(page).toHaveURL(/\/compare\/\?ids=NCT04447833,NCT00447460,NCT04261335$/u);
  expect(await cells(page, 'enrollment')).toEqual(['7 participants', '15 participants', '9 participants']);
  expect(await saved(page)).toEqual(['NCT04447833', 'NCT00447460', 'NCT04261335']);
  await expect(page.locator('[data-compare-notice]')).toBeEmpty();
  consoleErrors.expectNone();
});

test.describe('a shared link and a saved selection', () => {
  const mine = ['NCT04208646', 'NCT06688318', 'NCT07157891'];
  const link = '/compare/?ids=nct04447833,NCT00447460';
  const prompt = (page: Page) => page.getByRole('region', { name: 'Replace your saved selection?' });

  test.beforeEach(async ({ page }) => {
    // the reader's own selection, saved by an earlier visit
    await page.goto(`/compare/?ids=${mine.join(',')}`);
    await expect(caption(page)).toContainText('Showing 3 trials');
    expect(await saved(page)).toEqual(mine);
  });

  test('asks before replacing it, shows the link’s trials meanwhile, and keeps it on "Keep"', async ({ page }) => {
    const consoleErrors = watchConsole(page);
    await page.goto(link);
    await expect(prompt(page)).toBeVisible();
    await expect(prompt(page)).toContainText('This link compares 2 trials (NCT04447833, NCT00447460)');
    await expect(prompt(page)).toContainText(`Your saved selection holds 3 trials (${mine.join(', ')})`);
    expect(await columns(page)).toEqual(['NCT04447833', 'NCT00447460']);
    await expect(page).toHaveURL(/\?ids=NCT04447833,NCT00447460$/u);
    // nothing is replaced until the reader answers, not even by a reload
    expect(await saved(page)).toEqual(mine);
    await page.reload();
    await expect(prompt(page)).toBeVisible();
    expect(await saved(page)).toEqual(mine);
    await expect(page.locator('[data-compare-selection]')).toBeHidden();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Keep it, and show it' }).click();
    await expect(prompt(page)).toBeHidden();
    await expect.poll(() => columns(page)).toEqual(mine);
    await expect(page).toHaveURL(new RegExp(`\\?ids=${mine.join(',')}$`, 'u'));
    expect(await saved(page)).toEqual(mine);
    await expect(page.getByRole('heading', { name: /^Your selection/u })).toBeFocused();
    consoleErrors.expectNone();
  });

  test('"Replace" makes the link’s trials the saved selection', async ({ page }) => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Replace it with the link’s trials' }).click();
    await expect(prompt(page)).toBeHidden();
    expect(await saved(page)).toEqual(['NCT04447833', 'NCT00447460']);
    expect(await columns(page)).toEqual(['NCT04447833', 'NCT00447460']);
    await expect(page.locator('[data-compare-chips] > li')).toHaveCount(2);
  });

  test('"Add" appends the link’s trials to the saved ones', async ({ page }) => {
    await page.goto(link);
    await page.getByRole('button', { name: 'Add the link’s trials to it' }).click();
    await expect.poll(() => saved(page)).toEqual([...mine, 'NCT04447833', 'NCT00447460']);
    await expect.poll(() => columns(page)).toEqual([...mine, 'NCT04447833', 'NCT00447460']);
    await expect(page).toHaveURL(new RegExp(`\\?ids=${[...mine, 'NCT04447833', 'NCT00447460'].join(',')}$`, 'u'));
  });

  test('does not ask when the link is the saved selection, written in another case', async ({ page }) => {
    await page.goto(`/compare/?ids=${mine.map((id) => id.toLowerCase()).join(',')}`);
    await expect(caption(page)).toContainText('Showing 3 trials, in the order chosen');
    await expect(prompt(page)).toBeHidden();
    expect(await columns(page)).toEqual(mine);
  });

  test('a link of ids none of which is in the catalogue leaves the saved selection alone', async ({ page }) => {
    await page.goto('/compare/?ids=NCT99999999');
    await expect(page.locator('[data-compare-notice]')).toContainText('Not in the catalogue: NCT99999999');
    await expect(prompt(page)).toBeHidden();
    expect(await saved(page)).toEqual(mine);
  });
});

test('the picker lists the trials of a condition category and ticking one adds it to the grid', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await page.goto('/compare/?ids=NCT04208646');
  await expect(caption(page)).toContainText('Showing 1 trial');
  await page.getByText('Add trials by condition category').click();
  const category = page.getByLabel('Condition category');
  // the menu lists the taxonomy's categories with their counts (docs/conditions.md)
  await expect(category.locator('option')).toHaveText([
    'Every category (1340 trials)',
    'Bones, joints and muscles (272)',
    'Brain, spinal cord and nerves (235)',
    'Heart and blood vessels (111)',
    'Lungs and airways (189)',
    'GVHD and transplantation (92)',
    'Autoimmune and inflammatory (184)',
    'Digestive tract (69)',
    'Liver and bile ducts (74)',
    'Kidney and urinary tract (68)',
    'Diabetes, endocrine and metabolic (87)',
    'Skin, wounds and burns (108)',
    'Eye (22)',
    'Reproductive and sexual health (47)',
    'Blood and bone marrow (36)',
    'Cancer (34)',
    'Mouth, teeth and jaw (35)',
    'Infection, sepsis and organ failure (25)',
    'Ageing and frailty (9)',
    'Unclassified (2)',
  ]);
  await category.selectOption('eye');
  const status = page.locator('[data-picker-status]');
  await expect(status).toHaveText('22 trials in Eye; showing the 20 most recently started.');
  const results = page.locator('[data-picker-results] > li');
  await expect(results).toHaveCount(20);
  await page.getByRole('button', { name: 'Show 2 more (2 not shown)' }).click();
  await expect(results).toHaveCount(22);
  await expect(status).toHaveText('22 trials in Eye; the most recently started first.');
  // every row listed is an eye trial
  await expect(results.filter({ hasNotText: 'Eye' })).toHaveCount(0);
  const first = results.first().getByRole('checkbox');
  const id = (await first.getAttribute('value'))!;
  await first.check();
  await expect.poll(() => columns(page)).toEqual(['NCT04208646', id]);
  await expect(page).toHaveURL(new RegExp(`\\?ids=NCT04208646,${id}$`, 'u'));
  expect(await cells(page, 'categories')).toEqual(['Bones, joints and muscles', expect.stringContaining('Eye')]);
  // words narrow the category
  await page.getByLabel('Words in the title, or an id').fill(id.toLowerCase());
  await expect(results).toHaveCount(1);
  await expect(results.first().getByRole('checkbox')).toBeChecked();
  await results.first().getByRole('checkbox').uncheck();
  await expect.poll(() => columns(page)).toEqual(['NCT04208646']);
  await category.selectOption('unclassified');
  await page.getByLabel('Words in the title, or an id').fill('');
  await expect(status).toHaveText('2 trials in Unclassified; the most recently started first.');
  await expect(page.locator('[data-picker-results] input[type="checkbox"]')).toHaveCount(2);
  const ids = await page.locator('[data-picker-results] input[type="checkbox"]').evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value).sort());
  expect(ids).toEqual(['NCT01087996', 'NCT04313647']);
  expect(await axeViolations(page)).toEqual([]);
  consoleErrors.expectNone();
});

test('adding from a trial page and from search builds the selection, which the compare page puts in its URL', async ({ page }) => {
  await page.goto('/trials/NCT04208646/');
  await page.getByRole('button', { name: '+ Add to compare' }).click();
  await expect(page.getByRole('button', { name: '✓ In comparison' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: 'Compare 1 trial' })).toHaveAttribute('href', '/compare/?ids=NCT04208646');
  await page.goto('/search/?q=osteoporosis');
  const result = page.locator('[data-search-results] > li', { hasText: 'NCT04501354' });
  await result.getByRole('button', { name: '+ Add to compare' }).click();
  await expect(result.getByRole('link', { name: 'Compare 2 trials' })).toHaveAttribute('href', '/compare/?ids=NCT04208646,NCT04501354');
  await page.goto('/compare/');
  await expect(page).toHaveURL(/\/compare\/\?ids=NCT04208646,NCT04501354$/u);
  expect(await columns(page)).toEqual(['NCT04208646', 'NCT04501354']);
});

test('chips reorder and remove with the keyboard, and the URL follows', async ({ page }) => {
  await page.goto('/compare/?ids=NCT06688318,NCT07157891,NCT04208646');
  await page.getByRole('button', { name: 'Move right NCT06688318' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ids=NCT07157891,NCT06688318,NCT04208646$/u);
  expect(await columns(page)).toEqual(['NCT07157891', 'NCT06688318', 'NCT04208646']);
  await page.getByRole('button', { name: 'Remove NCT07157891' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/ids=NCT06688318,NCT04208646$/u);
  expect(await columns(page)).toEqual(['NCT06688318', 'NCT04208646']);
  // going back through the page's own history asks nothing
  await page.goBack();
  await expect.poll(() => columns(page)).toEqual(['NCT07157891', 'NCT06688318', 'NCT04208646']);
  await expect(page.locator('[data-link-prompt]')).toBeHidden();
});

test('CSV and JSON exports contain the selected trials', async ({ page }) => {
  await page.goto('/compare/?ids=NCT05921058,NCT04501354');
  await expect(caption(page)).toContainText('Showing 2 trials');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.split('\n')[0]).toBe('group,attribute,NCT05921058,NCT04501354');
  expect(text).toContain('Design,Enrollment,15 participants (actual),5 participants');
  expect(text).toMatch(/^Population,Condition categories,/mu);
  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const trials = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { id: string }[];
  expect(trials.map((t) => t.id)).toEqual(['NCT05921058', 'NCT04501354']);
});

test('the dynamic grid, the picker open, is axe-clean in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/compare/?ids=${KNEE.join(',')}`);
    await expect(caption(page)).toContainText('Showing 3 trials');
    await page.getByText('Add trials by condition category').click();
    await expect(page.locator('[data-picker-results] > li')).toHaveCount(20);
    expect(await axeViolations(page)).toEqual([]);
  }
});

test('knee osteoarthritis: the ready-made page shows the 12 most recently started of its 84 trials', async ({ page }) => {
  await page.goto('/compare/condition/knee-osteoarthritis/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knee osteoarthritis: 12 of 84 trials compared');
  expect(await columns(page)).toEqual([
    'NCT07157891',
    'NCT04825730',
    'NCT04821102',
    'NCT04448106',
    'NCT05288725',
    'NCT05344157',
    'NCT05182034',
    'NCT05160831',
    'NCT05081921',
    'NCT04893174',
    'NCT05060107',
    'NCT05027581',
  ]);
  // newest start first: the start row reads as dates that never rise
  const starts = await row(page, 'start').locator('td').allTextContents();
  const times = starts.map((s) => Date.parse(s.trim()));
  expect(times.every((t) => !Number.isNaN(t))).toBe(true);
  expect([...times].sort((a, b) => b - a)).toEqual(times);
  await expect(page.getByRole('link', { name: 'Open all 84 in browse' })).toHaveAttribute('href', '/trials/?condition=knee-osteoarthritis&sort=-start');
  // twelve knee trials all in the musculoskeletal category
  for (const c of await cells(page, 'categories')) expect(c).toContain('Bones, joints and muscles');
});

test('knee osteoarthritis: the three seed records side by side, as they state them', async ({ page }) => {
  await page.goto(`/compare/?ids=${KNEE.join(',')}`);
  expect(await columns(page)).toEqual(KNEE);
  expect(await cells(page, 'products')).toEqual(['MSC cells', 'Secretome / conditioned medium', 'Secretome / conditioned medium | Combined with another agent']);
  expect(await cells(page, 'cellSources')).toEqual(['Adipose tissue', 'Umbilical cord', 'Umbilical cord | Adipose tissue']);
  expect(await cells(page, 'model')).toEqual(['Parallel', 'Single group', 'Parallel']);
  expect(await cells(page, 'enrollment')).toEqual(['106 participants', '11 participants', '25 participants']);
  expect(await cells(page, 'categories')).toEqual(['Bones, joints and muscles', 'Bones, joints and muscles', 'Bones, joints and muscles']);
  await expect(row(page, 'categories')).toHaveAttribute('data-same', '');
  await expect(row(page, 'ages').locator('svg')).toHaveCount(3);
});

test.describe('layout', () => {
  const readyMade = sitemapUrls('dist')
    .map((url) => new URL(url).pathname)
    .filter((p) => /^\/compare\/(condition|product)\/[^/]+\/$/u.test(p));

  test('no compare page is wider than the screen at 390 and 1280 px: the grid scrolls inside its own box', async ({ page }) => {
    test.setTimeout(180_000);
    // 54 condition groups and 5 products of two trials or more (the two retired condition pages are redirects, not listed)
    expect(readyMade.length).toBe(59);
    const pages = ['/compare/', `/compare/?ids=${KNEE.join(',')}`, ...readyMade, GUIDE];
    const wide: string[] = [];
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of pages) {
        await page.goto(path);
        if (path.includes('?ids=')) await expect(caption(page)).toContainText('Showing 3 trials');
        const over = await pageOverflow(page);
        if (over > 0) wide.push(`${path} at ${width} px: ${over} px too wide`);
      }
    }
    expect(wide).toEqual([]);
    // the widest grid does scroll, inside its box
    await page.goto('/compare/condition/knee-osteoarthritis/');
    const box = await page.locator('.compare-scroll').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
  });

  test('on a phone two trials sit side by side, the attribute column pinned while more scroll by', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/compare/?ids=NCT04208646,NCT06688318');
    await expect(caption(page)).toContainText('Showing 2 trials');
    const scroller = page.locator('.compare-scroll');
    const fit = await scroller.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth, right: el.getBoundingClientRect().right }));
    expect(fit.scroll, 'two trials fit without scrolling').toBeLessThanOrEqual(fit.client);
    expect(fit.right).toBeLessThanOrEqual(390);
    for (const head of await page.locator('.compare-grid thead th').all()) {
      const b = (await head.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(390.5);
      expect(b.width).toBeGreaterThan(90);
    }
    // a third trial: the grid scrolls sideways, the attribute column stays where it was
    await page.evaluate(() => localStorage.clear());
    await page.goto(`/compare/?ids=${KNEE.join(',')}`);
    await expect(caption(page)).toContainText('Showing 3 trials');
    const label = page.locator('.compare-grid tr[data-row="enrollment"] th');
    const before = (await label.boundingBox())!;
    await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    const after = (await label.boundingBox())!;
    expect(after.x).toBe(before.x);
    const third = (await page.locator('.compare-grid thead th.grid-head').nth(2).boundingBox())!;
    expect(third.x + third.width).toBeLessThanOrEqual(390.5);
    expect(third.x).toBeGreaterThanOrEqual(after.x + after.width - 1);
    expect(await pageOverflow(page)).toBe(0);
  });

  /** The computed styles that the base reset wiped when the compare stylesheet came first. */
  const styles = (page: Page) =>
    page.evaluate(() => {
      const pick = (selector: string, props: string[]) => {
        const el = document.querySelector(selector);
        if (!el) return `missing: ${selector}`;
        const cs = getComputedStyle(el);
        return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
      };
      const box = ['padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-bottom-width', 'border-bottom-style', 'border-bottom-color', 'border-right-width', 'border-right-style', 'font-size', 'vertical-align', 'text-align'];
      return {
        scroll: pick('.compare-scroll', ['border-top-width', 'border-top-style', 'border-top-color', 'border-top-left-radius', 'overflow-x', 'position']),
        head: pick('.compare-grid thead th.grid-head', [...box, 'position', 'background-color']),
        attr: pick('.compare-grid tbody th.grid-attr', [...box, 'position', 'font-weight']),
        group: pick('.compare-grid .grid-group th', [...box, 'text-transform', 'letter-spacing']),
        cell: pick('.compare-grid tbody td', box),
        differs: pick('.compare-grid tr.differs > td', ['background-color']),
        mark: pick('.differs-mark', ['padding-left', 'border-top-left-radius', 'background-color', 'font-size']),
        list: pick('.compare-grid td ul', ['list-style-type', 'padding-left', 'margin-top']),
        legend: pick('.grid-legend', ['margin-top', 'margin-bottom', 'font-size']),
        button: pick('[data-theme-toggle]', ['padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'border-top-left-radius', 'background-color', 'font-size']),
      };
    });

  for (const width of [1280, 390]) {
    test(`at ${width} px the grid's computed styles on /compare/ and the ready-made pages equal those inside a guide`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(GUIDE);
      await expect(page.locator('[data-theme-toggle]')).toBeVisible();
      const guide = await styles(page);
      // not the reset's zeros: padding, borders and the button's frame are there
      expect(guide.cell).toMatchObject({ 'border-bottom-width': '1px', 'border-bottom-style': 'solid', 'border-right-width': '1px' });
      expect((guide.cell as Record<string, string>)['padding-top']).not.toBe('0px');
      expect((guide.scroll as Record<string, string>)['overflow-x']).toBe('auto');
      expect((guide.list as Record<string, string>)['list-style-type']).toBe('disc');
      expect(guide.button).toMatchObject({ 'border-top-width': '1px', 'border-top-style': 'solid' });
      expect((guide.button as Record<string, string>)['padding-top']).not.toBe('0px');
      for (const path of ['/compare/', '/compare/condition/knee-osteoarthritis/', '/compare/product/secretome/']) {
        await page.goto(path);
        await expect(page.locator('[data-theme-toggle]')).toBeVisible();
        expect(await styles(page), path).toEqual(guide);
      }
      // and the button is the one every page has
      await page.goto('/');
      expect((await styles(page)).button).toEqual(guide.button);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('/compare/ shows the largest ready-made comparison and links to the others; the picker opens the trial list of a category', async ({ page }) => {
    await page.goto('/compare/');
    await expect(caption(page)).toHaveText('Showing COVID-19 and ARDS (12 trials).');
    expect(await columns(page)).toHaveLength(12);
    await expect(page.getByRole('link', { name: 'Knee osteoarthritis' })).toHaveAttribute('href', '/compare/condition/knee-osteoarthritis/');
    await page.getByLabel('Show only rows that differ').check();
    await expect(row(page, 'studyType')).toBeHidden();
    await page.getByText('Add trials by condition category').click();
    await page.getByLabel('Condition category').selectOption('eye');
    await page.getByRole('button', { name: 'Show them in the trial list' }).click();
    await expect(page).toHaveURL(/\/trials\/\?category=eye$/u);
  });
});
