/** Full-text search on the real Pagefind index of the built site. */
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers.ts';

const resultIds = async (page: Page) => page.locator('[data-search-results] > li .font-mono').allTextContents();
async function search(page: Page, query: string) {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-search-status]')).toContainText(/result/u);
  // the count is announced first; the cards follow as their fragments arrive
  const count = Number(/^(\d+)/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(count, 10));
}

test('"secretome" returns the three secretome seed trials', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await search(page, 'secretome');
  const ids = await resultIds(page);
  expect(ids.sort()).toEqual(['NCT05921058', 'NCT06688318', 'NCT07157891']);
  await expect(page.locator('[data-search-results] mark').first()).toBeVisible();
  consoleErrors.expectNone();
});

test('"osteoporosis" puts NCT04501354 first', async ({ page }) => {
  await search(page, 'osteoporosis');
  expect((await resultIds(page))[0]).toBe('NCT04501354');
});

test('"adipose" finds NCT04208646', async ({ page }) => {
  await search(page, 'adipose');
  expect(await resultIds(page)).toContain('NCT04208646');
});

test.describe('ids and synonyms', () => {
  for (const query of ['NCT06688318', 'nct06688318', 'NCT 0668 8318', '  nct06688318 ']) {
    test(`the id typed as "${query}" puts that trial first`, async ({ page }) => {
      await search(page, query);
      expect((await resultIds(page))[0]).toBe('NCT06688318');
    });
  }
  for (const [query, expected] of [
    ['UC-MSC', ['NCT04501354', 'NCT06688318', 'NCT07157891']],
    ["Wharton's jelly", ['NCT04501354', 'NCT06688318', 'NCT07157891']],
    ['umbilical cord', ['NCT04501354', 'NCT06688318', 'NCT07157891']],
    ['conditioned medium', ['NCT05921058', 'NCT06688318', 'NCT07157891']],
    ['AD-MSC', ['NCT04208646', 'NCT07157891']],
  ] as const) {
    test(`"${query}" finds ${expected.join(', ')}`, async ({ page }) => {
      await search(page, query);
      expect(await resultIds(page)).toEqual(expect.arrayContaining([...expected]));
    });
  }
});

test('a phase filter narrows the results, and the URL holds it', async ({ page }) => {
  await search(page, 'secretome');
  await page.getByRole('checkbox', { name: /Early phase 1/u }).check();
  await expect(page).toHaveURL(/phase=EARLY_PHASE1/u);
  await expect(page.locator('[data-search-status]')).toHaveText(/^1 result for “secretome”, with 1 filter\.$/u);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(1);
  expect(await resultIds(page)).toEqual(['NCT07157891']);
});

test('a deep link restores query, filters and sort; back and forward restore earlier states', async ({ page }) => {
  await page.goto('/search/?q=knee&status=COMPLETED&status=ACTIVE_NOT_RECRUITING&sort=enrollment');
  await expect(page.locator('#search-q')).toHaveValue('knee');
  await expect(page.locator('[data-search-sort]')).toHaveValue('enrollment');
  await expect(page.getByRole('checkbox', { name: /^Completed/u })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /^Active, not recruiting/u })).toBeChecked();
  await expect(page.locator('[data-search-results] > li')).toHaveCount(2);
  expect(await resultIds(page)).toEqual(['NCT04208646', 'NCT06688318']);
  await page.getByRole('checkbox', { name: /^Completed/u }).uncheck();
  await expect(page.locator('[data-search-results] > li')).toHaveCount(1);
  expect(await resultIds(page)).toEqual(['NCT06688318']);
  await page.goBack();
  await expect(page.getByRole('checkbox', { name: /^Completed/u })).toBeChecked();
  await expect(page.locator('[data-search-results] > li')).toHaveCount(2);
  await page.goForward();
  await expect(page.locator('[data-search-results] > li')).toHaveCount(1);
});

test('sort by enrollment orders the results largest first', async ({ page }) => {
  await search(page, 'knee');
  await page.locator('[data-search-sort]').selectOption('enrollment');
  await expect(page).toHaveURL(/sort=enrollment/u);
  await expect.poll(() => resultIds(page)).toEqual(['NCT04208646', 'NCT07157891', 'NCT06688318']);
  await page.goto('/search/?q=knee&sort=enrollment');
  await expect(page.locator('[data-search-results] > li')).toHaveCount(4);
  expect(await resultIds(page)).toEqual(['NCT04208646', 'NCT07157891', 'NCT06688318']);
});

test('facets show counts, and results show their metadata', async ({ page }) => {
  await search(page, 'knee');
  await expect(page.getByRole('checkbox', { name: /MSC cells \(1\)/u })).toBeVisible();
  const first = page.locator('[data-search-results] > li', { has: page.locator('.font-mono') }).first();
  await expect(first.locator('.badge').first()).toBeVisible();
  await expect(first).toContainText(/participants/u);
});

test('evidence signals are a facet: small samples only', async ({ page }) => {
  await page.goto('/search/?q=knee&evidence=small-sample');
  await expect(page.getByRole('checkbox', { name: /^Small sample/u })).toBeChecked();
  await expect(page.locator('[data-search-status]')).toContainText('2 results');
  await expect(page.locator('[data-search-results] > li')).toHaveCount(2);
  expect((await resultIds(page)).sort()).toEqual(['NCT06688318', 'NCT07157891']);
});

test('no results: the page says so and helps', async ({ page }) => {
  await page.goto('/search/?q=zzyzx'); // no cards will come
  await expect(page.locator('[data-search-status]')).toHaveText('0 results for “zzyzx”.');
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
  await expect(page.locator('[data-search-results] > li')).toHaveCount(4); // three trials and the guide
  const status = page.getByRole('checkbox', { name: /^Completed/u });
  await status.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/status=COMPLETED/u);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(1);
  await page.locator('[data-search-results] a').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/trials\/NCT05921058\/$/u);
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
