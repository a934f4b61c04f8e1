/** Site-wide behaviour: navigation, 404, overview, browse, guides, feeds. (Every page's axe/console/CSP gate: gates.spec.ts.) */
import { expect, test } from '@playwright/test';
import { SEED_IDS, watchConsole } from './helpers.ts';

test('the header links every section and the footer links data, citing and feeds', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [name, href] of [['Trials', '/trials/'], ['Compare', '/compare/'], ['Search', '/search/'], ['Guides', '/guides/'], ['Data', '/data/'], ['About', '/about/']]) {
    await expect(nav.getByRole('link', { name })).toHaveAttribute('href', href!);
  }
  const footer = page.locator('footer[data-site-footer]');
  await expect(footer).toContainText('Built 2026-11-22'.slice(0, 6));
  for (const href of ['/data/', '/about/#cite', '/feed.xml', '/sitemap.xml']) await expect(footer.locator(`a[href="${href}"]`)).toHaveCount(1);
});

test('a missing page answers 404 with a way on', async ({ page }) => {
  const response = await page.goto('/trials/NCT00000000/');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'No page at this address' })).toBeVisible();
  await expect(page.locator('#notfound-search')).toHaveValue('NCT00000000');
});

test('overview: counts and charts with table equivalents', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'The catalogue in numbers' }).or(page.locator('section[aria-labelledby="counts"]'))).toContainText('5');
  for (const title of ['Trials by status', 'Trials by phase', 'Trials by MSC product', 'Trials by cell source', 'Trials by condition', 'From start to completion']) {
    const figure = page.locator('figure', { has: page.getByText(title, { exact: true }) });
    await expect(figure).toHaveCount(1);
    await figure.getByText('Show as a table').click();
    await expect(figure.locator('table')).toBeVisible();
  }
  await expect(page.locator('figure', { hasText: 'Trials by MSC product' }).locator('table')).toContainText('Secretome / conditioned medium');
});

test('browse: sorting and filtering keep their state in the URL', async ({ page }) => {
  const consoleErrors = watchConsole(page);
  await page.goto('/trials/');
  await page.getByLabel('Product').selectOption('SECRETOME');
  await expect(page).toHaveURL(/\?product=SECRETOME/u);
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(3);
  await page.getByRole('button', { name: 'Enrollment' }).click();
  await expect(page).toHaveURL(/sort=-enrollment/u);
  await expect(page.locator('[data-browse-body] tr').first()).toContainText('NCT07157891');
  await page.reload();
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(3);
  await expect(page.getByLabel('Product')).toHaveValue('SECRETOME');
  await page.goBack();
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(3);
  consoleErrors.expectNone();
});

test('guide: trial cards and comparison tables rendered from the catalogue', async ({ page }) => {
  await page.goto('/guides/secretome-vs-cells-knee-osteoarthritis/');
  await expect(page.locator('article.card')).toHaveCount(3);
  await expect(page.locator('table').first()).toContainText('Secretome / conditioned medium');
  await expect(page.locator('table').nth(1)).toContainText('106 participants');
});

test('feeds: RSS, sitemap with every trial, robots', async ({ request }) => {
  const feed = await (await request.get('/feed.xml')).text();
  expect(feed).toContain('<rss');
  expect(feed).toContain('/trials/NCT07157891/');
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const id of SEED_IDS) expect(sitemap).toContain(`/trials/${id}/</loc>`);
  expect(sitemap).not.toContain('/trials/nct');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: https?:\/\/.+\/sitemap\.xml/u);
  const manifest = await (await request.get('/site.webmanifest')).json();
  expect(manifest.icons.length).toBeGreaterThan(1);
});
