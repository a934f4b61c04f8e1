/** Full-text search on the real Pagefind index of the built site. */
import { expect, test, type Page } from '@playwright/test';
import { categorySlugsOf } from '../../src/domain/conditions.ts';
import { watchConsole } from './helpers.ts';

const resultIds = async (page: Page) => page.locator('[data-search-results] > li .font-mono').allTextContents();
async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).toContainText(/\d+ trials?/u);
  // the count is announced first; the cards follow as their fragments arrive
  const count = Number(/(\d+) trials?/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(count, 10));
}

interface T {
  id: string;
  title: string;
  officialTitle: string | null;
  summary: string | null;
  description: string | null;
  keywords: string[];
  conditionMesh: { terms: string[]; ancestors: string[] } | null;
  registryIds: string[];
  countries: string[];
  scope: { value: string };
  dates: { lastUpdated: { date: string } | null };
  interventions: { name: string; otherNames: string[] }[];
  outcomes: { primary: { measure: string }[]; secondary: { measure: string }[]; other: { measure: string }[] };
  eligibility: { inclusion: string[]; exclusion: string[] };
  status: string | null;
  phases: string[];
  conditions: string[];
  enrollment: { count: number } | null;
  therapy: { products: string[]; cellSources: string[] };
  flags: { code: string }[];
}
let trials: Map<string, T>;
test.beforeAll(async ({ request }) => {
  trials = new Map(((await (await request.get('/trials.json')).json()) as T[]).map((t) => [t.id, t]));
});
/** A trial's own text: title, official title, conditions, interventions, summary, description, outcomes, criteria. */
const ownText = (t: T) =>
  [t.title, t.officialTitle, ...t.conditions, ...t.interventions.flatMap((i) => [i.name, ...i.otherNames]), t.summary, t.description, ...[...t.outcomes.primary, ...t.outcomes.secondary, ...t.outcomes.other].map((o) => o.measure), ...t.eligibility.inclusion, ...t.eligibility.exclusion]
    .filter(Boolean)
    .join(' ');
const shown = async (page: Page) => (await resultIds(page)).map((id) => trials.get(id)!).filter(Boolean);
const statusCount = async (page: Page) => Number(/(\d+) trials?/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);

test('"secretome" finds the secretome trials of the catalogue, with the words marked', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await search(page, 'secretome');
  const found = await shown(page);
  // the guide is in its own group: the first ten results are trials
  expect(found.length).toBe(10);
  for (const t of found) expect(t.therapy.products, t.id).toContain('SECRETOME');
  const secretome = [...trials.values()].filter((t) => t.therapy.products.includes('SECRETOME')).length;
  expect(await statusCount(page)).toBeGreaterThanOrEqual(secretome);
  await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
  consoleErrors.expectNone();
});

test('"osteoporosis" puts an osteoporosis trial first', async ({ page }) => {
  await search(page, 'osteoporosis');
  const [first] = await shown(page);
  expect(first!.conditions.join(' ')).toMatch(/osteopor/iu);
});

test('"adipose" finds adipose-derived trials, the seed NCT04208646 among them', async ({ page }) => {
  await search(page, 'adipose');
  // classified adipose, or saying so in its title or interventions where the classifier left the source empty (NCT05280002)
  for (const t of await shown(page)) expect(t.therapy.cellSources.includes('ADIPOSE') || /adipose/iu.test(ownText(t)), t.id).toBe(true);
  await page.goto('/search/?q=adipose+knee+osteoarthritis+allogeneic+progenitor');
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  expect(await resultIds(page)).toContain('NCT04208646');
});

test.describe('ids and synonyms', () => {
  for (const query of ['NCT06688318', 'nct06688318', 'NCT 0668 8318', '  nct06688318 ']) {
    test(`the id typed as "${query}" puts that trial first`, async ({ page }) => {
      await search(page, query);
      expect((await resultIds(page))[0]).toBe('NCT06688318');
      await expect(page.getByRole('link', { name: 'Open trial NCT06688318' })).toHaveAttribute('href', '/trials/NCT06688318/');
    });
  }
  for (const [query, facet, value, words] of [
    ['UC-MSC', 'cellSources', 'UMBILICAL_CORD', /umbilical|UC-?MSC/iu],
    ["Wharton's jelly", 'cellSources', 'UMBILICAL_CORD', /wharton/iu],
    ['umbilical cord', 'cellSources', 'UMBILICAL_CORD', /umbilical cord/iu],
    ['conditioned medium', 'products', 'SECRETOME', /conditioned medi/iu],
    ['AD-MSC', 'cellSources', 'ADIPOSE', /adipose|AD-?MSC/iu],
  ] as const) {
    test(`"${query}" finds trials whose ${facet} include ${value}`, async ({ page }) => {
      await search(page, query);
      const found = await shown(page);
      expect(found.length).toBeGreaterThan(0);
      // the facet, or the record's own words where the classifier left the facet empty ("Use of Wharton Jelly in Diabetic Nephropathy")
      const matching = found.filter((t) => (t.therapy[facet] as string[]).includes(value) || words.test(ownText(t)));
      // the synonym finds the facet: most of the first results have it (a few may say the words in their text only)
      expect(matching.length, found.map((t) => t.id).join(', ')).toBeGreaterThanOrEqual(Math.ceil(found.length * 0.8));
    });
  }
});

test('a phase filter narrows the results, and the URL holds it', async ({ page }) => {
  await search(page, 'secretome');
  const before = await statusCount(page);
  await page.getByRole('checkbox', { name: /Early phase 1/u }).check();
  await expect(page).toHaveURL(/phase=EARLY_PHASE1/u);
  await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ trials? for “secretome”, with 1 filter\.$/u);
  const after = await statusCount(page);
  expect(after).toBeLessThan(before);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(after, 10));
  for (const t of await shown(page)) expect(t.phases, t.id).toContain('EARLY_PHASE1');
});

test('a deep link restores query, filters and sort; back and forward restore earlier states', async ({ page }) => {
  await page.goto('/search/?q=knee&status=COMPLETED&status=ACTIVE_NOT_RECRUITING&sort=enrollment');
  await expect(page.locator('#search-q')).toHaveValue('knee');
  await expect(page.locator('[data-search-sort]')).toHaveValue('enrollment');
  await expect(page.getByRole('checkbox', { name: /^Completed/u })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Active, not recruiting/u })).toBeChecked();
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  for (const t of await shown(page)) expect(['COMPLETED', 'ACTIVE_NOT_RECRUITING'], t.id).toContain(t.status);
  const both = await statusCount(page);
  await page.getByRole('checkbox', { name: /^Completed/u }).uncheck();
  await expect.poll(() => statusCount(page)).toBeLessThan(both);
  for (const t of await shown(page)) expect(t.status, t.id).toBe('ACTIVE_NOT_RECRUITING');
  await page.goBack();
  await expect(page.getByRole('checkbox', { name: /^Completed/u })).toBeChecked();
  await expect.poll(() => statusCount(page)).toBe(both);
  await page.goForward();
  await expect.poll(() => statusCount(page)).toBeLessThan(both);
});

test('sort by enrollment orders the results largest first', async ({ page }) => {
  await search(page, 'knee');
  await page.locator('[data-search-sort]').selectOption('enrollment');
  await expect(page).toHaveURL(/sort=enrollment/u);
  await expect.poll(async () => {
    const counts = (await shown(page)).map((t) => t.enrollment?.count ?? -1);
    return counts.length > 1 && counts.every((c, i) => i === 0 || c <= counts[i - 1]!);
  }).toBe(true);
});

test('facets show counts, and results show their metadata', async ({ page }) => {
  await search(page, 'knee');
  await expect(page.getByRole('checkbox', { name: /MSC cells \(\d+\)/u })).toBeVisible();
  const first = page.locator('[data-search-results] > li', { has: page.locator('.font-mono') }).first();
  await expect(first.locator('.badge').first()).toBeVisible();
  await expect(first).toContainText(/participants/u);
});

test('evidence signals are a facet: small samples only', async ({ page }) => {
  await page.goto('/search/?q=knee&evidence=small-sample');
  await expect(page.getByRole('checkbox', { name: /^Small sample/u })).toBeChecked();
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  for (const t of await shown(page)) expect(t.flags.map((f) => f.code), t.id).toContain('small-sample');
});

test('no results: the page says so and helps', async ({ page }) => {
  // no withdrawn phase 4 secretome trial exists in the catalogue (checked against the data)
  expect([...trials.values()].filter((t) => t.status === 'WITHDRAWN' && t.phases.includes('PHASE4') && t.therapy.products.includes('SECRETOME'))).toEqual([]);
  await page.goto('/search/?q=secretome&status=WITHDRAWN&phase=PHASE4'); // no cards will come
  await expect(page.locator('[data-search-status]')).toHaveText('0 trials for “secretome”, with 2 filters.');
  await expect(page.locator('[data-search-empty]')).toBeVisible();
  await expect(page.locator('[data-search-empty]')).toContainText('Browse every trial');
});

test('keyboard only: type in the header box, Enter, tab to a filter and a result', async ({ page }) => {
  await page.goto('/about/');
  await page.keyboard.press('Tab'); // skip link
  await page.locator('#site-search').focus();
  await page.keyboard.type('secretome');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=secretome/u);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(10);
  const status = page.getByRole('checkbox', { name: /^Completed/u });
  await status.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/status=COMPLETED/u);
  await expect.poll(async () => (await shown(page)).every((t) => t.status === 'COMPLETED')).toBe(true);
  await page.locator('[data-search-results] a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trials\/NCT\d{8}\/$/u);
});

test('pages other than /search/ load no search script, even after focusing the header box', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/trials/NCT06688318/');
  await page.locator('#site-search').focus();
  await page.waitForTimeout(300);
  expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('/search/ says search needs JavaScript and links to the browse list', async ({ page }) => {
    await page.goto('/search/?q=secretome');
    // Playwright's text engine skips <noscript>, so read the rendered text of the page
    const main = await page.locator('main').innerText();
    expect(main).toContain('Search runs in your browser and needs JavaScript.');
    expect(await page.locator('main noscript a', { hasText: 'browse every trial' }).getAttribute('href')).toBe('/trials/');
    await expect(page.locator('[data-search]')).toBeHidden();
  });
});

/** The words of a trial's own text: what a snippet may be cut from. */
const bare = (w: string) => w.replace(/^[(["“'‘]+|[.,;:)\]"”'’]+$/gu, '');
const ownWords = (t: T) => new Set(ownText(t).split(/\s+/u).map(bare));

test.describe('clean snippets', () => {
  for (const query of ['secretome', 'UC-MSC', 'knee osteoarthritis', 'Mesoblast', 'NCT04208646']) {
    test(`"${query}": every snippet is cut from the trial's own text, never ids, badges or synonyms`, async ({ page }) => {
      await search(page, query);
      const cards = page.locator('[data-search-results] > li');
      const n = await cards.count();
      expect(n).toBeGreaterThan(0);
      for (let i = 0; i < n; i++) {
        const card = cards.nth(i);
        const t = trials.get((await card.locator('.font-mono').textContent())!)!;
        const snippet = card.locator('p.mt-2.text-sm').first();
        const text = (await snippet.count()) ? ((await snippet.textContent()) ?? '') : '';
        expect(text, t.id).not.toMatch(/¶|◆|Interventional|NCT\d{8}|Overview/u);
        const own = ownWords(t);
        const foreign = text.replace(/…/gu, ' ').split(/\s+/u).map(bare).filter((w) => w && !own.has(w));
        expect(foreign, `${t.id}: “${text}”`).toEqual([]);
      }
    });
  }
  test('matched words are marked in the snippet', async ({ page }) => {
    await search(page, 'knee osteoarthritis');
    const marks = await page.locator('[data-search-results] mark').allTextContents();
    expect(marks.length).toBeGreaterThan(5);
    // Pagefind matches by stem: "osteoarthrosis" is marked for "osteoarthritis"
    for (const m of marks) expect(m.toLowerCase()).toMatch(/knee|osteoarthr/u);
  });
});

test('trials and guides are counted and shown apart', async ({ page }) => {
  await search(page, 'secretome');
  await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ trials and 1 guide for “secretome”\.$/u);
  const guides = page.locator('[data-search-guides]');
  await expect(guides).toBeVisible();
  await expect(guides.getByRole('heading', { name: 'Guides (1)' })).toBeVisible();
  await expect(guides.locator('a[href^="/guides/"]')).toHaveCount(1);
  await expect(page.locator('[data-search-results] a[href^="/guides/"]')).toHaveCount(0);
  // with a facet filter on, only trials are searched
  await page.goto('/search/?q=secretome&status=COMPLETED');
  await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ trials? for “secretome”, with 1 filter\.$/u);
  await expect(guides).toBeHidden();
});

test.describe('spelling', () => {
  test('"osteoartritis" (one title spells it so) finds little and offers "osteoarthritis", applied with one click', async ({ page }) => {
    await search(page, 'osteoartritis');
    expect(await statusCount(page)).toBeLessThan(3);
    expect(await resultIds(page)).toContain('NCT01436058');
    const offer = page.locator('[data-search-suggest]');
    await expect(offer).toHaveText('Did you mean osteoarthritis?');
    await offer.getByRole('button', { name: 'osteoarthritis' }).click();
    await expect(page).toHaveURL(/\?q=osteoarthritis$/u);
    await expect(page.locator('#search-q')).toHaveValue('osteoarthritis');
    await expect.poll(() => statusCount(page)).toBeGreaterThan(50);
    for (const t of await shown(page)) expect([t.title, ...t.conditions].join(' '), t.id).toMatch(/osteoarthr/iu);
  });
  test('a misspelling that finds nothing is corrected at once, and the page says so', async ({ page }) => {
    await page.goto('/search/?q=ostearthritis');
    await expect(page.locator('[data-search-status]')).toHaveText(/^No results for “ostearthritis”; showing \d+ trials and 1 guide for “osteoarthritis”\.$/u);
    await expect(page.locator('[data-search-results] > li')).toHaveCount(10);
    for (const t of await shown(page)) expect([t.title, ...t.conditions].join(' '), t.id).toMatch(/osteoarthr/iu);
    // the URL keeps what was typed
    await expect(page).toHaveURL(/\?q=ostearthritis$/u);
  });
  test('a query with many results loads no vocabulary', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await search(page, 'knee');
    expect(requests).not.toContain('/search/vocabulary.json');
  });
});

test.describe('registry ids of every registry', () => {
  for (const [typed, id] of [
    ['2005-003674-14', 'NCT00447460'],
    ['2005 003674 14', 'NCT00447460'],
    ['irct2015110524890n1', 'NCT02749448'],
    ['JRCT 2043190112', 'NCT04261335'],
  ] as const) {
    test(`"${typed}" puts ${id} first, with an Open trial action`, async ({ page }) => {
      expect(trials.get(id)!.registryIds.map((r) => r.toLowerCase().replace(/\W/gu, ''))).toContain(typed.toLowerCase().replace(/\W/gu, ''));
      await search(page, typed);
      expect((await resultIds(page))[0]).toBe(id);
      await page.getByRole('link', { name: `Open trial ${id}` }).click();
      await expect(page).toHaveURL(`/trials/${id}/`);
    });
  }
  test('Enter on an exact id goes straight to the trial page', async ({ page }) => {
    await page.goto('/search/');
    await page.locator('#search-q').fill('nct 0420 8646');
    await page.locator('#search-q').press('Enter');
    await expect(page).toHaveURL('/trials/NCT04208646/');
    await expect(page.locator('h1')).toHaveText(trials.get('NCT04208646')!.title);
  });
});

test('the empty search page starts browsing: facets with counts and the most recently updated trials', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('[data-search-status]')).toHaveText('Browse 1,340 trials: choose filters, or type a word or a registry id.');
  const all = [...trials.values()];
  const completed = all.filter((t) => t.status === 'COMPLETED').length;
  await expect(page.getByRole('checkbox', { name: `Completed (${completed})` })).toBeVisible();
  const recent = all
    .filter((t) => t.dates.lastUpdated)
    .sort((a, b) => b.dates.lastUpdated!.date.localeCompare(a.dates.lastUpdated!.date) || a.id.localeCompare(b.id))
    .slice(0, 10)
    .map((t) => t.id);
  await expect(page.locator('[data-recent] > li')).toHaveCount(10);
  expect(await page.locator('[data-recent] .font-mono').allTextContents()).toEqual(recent);
  await page.locator('#search-q').fill('knee');
  await expect(page.locator('[data-search-browse]')).toBeHidden();
});

test('condition category, country and scope are facets with counts', async ({ page }) => {
  await page.goto('/search/');
  const all = [...trials.values()];
  const neuro = all.filter((t) => categorySlugsOf(t).includes('neurological')).length;
  const unclear = all.filter((t) => t.scope.value === 'UNCLEAR').length;
  const iran = all.filter((t) => t.countries.includes('Iran')).length;
  await page.locator('details[data-key="category"] > summary').click();
  await expect(page.getByRole('checkbox', { name: `Brain, spinal cord and nerves (${neuro})` })).toBeVisible();
  await page.locator('details[data-key="scope"] > summary').click();
  await expect(page.getByRole('checkbox', { name: `Scope needs review (${unclear})` })).toBeVisible();
  await page.goto('/search/?q=stem&category=neurological&country=Iran');
  await expect(page.locator('[data-search-results] > li').first()).toBeVisible();
  for (const t of await shown(page)) {
    expect(categorySlugsOf(t), t.id).toContain('neurological');
    expect(t.countries, t.id).toContain('Iran');
  }
  expect(iran).toBeGreaterThan(0);
});
