/** Site-wide behaviour: navigation, 404, overview, browse, guides, feeds. (Every page's axe/console/CSP gate: gates.spec.ts.) */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Trial } from '../../src/schemas/trial.ts';
import { SEED_IDS, watchConsole } from './helpers.ts';

const trials = JSON.parse(readFileSync('dist/trials.json', 'utf8')) as Trial[];

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

test('overview: counts that say what they count, and charts with table equivalents', async ({ page }) => {
  await page.goto('/');
  const headline = (label: string) => page.locator('[data-headlines] > div', { has: page.locator('dt', { hasText: label }) }).locator('dd');
  await expect(headline('trials of MSC products in the catalogue')).toHaveText(trials.length.toLocaleString('en'));
  const countries = new Set(trials.flatMap((t) => t.countries)).size;
  await expect(headline(`countries where the ${trials.filter((t) => t.countries.length).length.toLocaleString('en')} trials that list a site run`)).toHaveText(String(countries));
  for (const title of ['Trials by condition category', 'Trials started per year, by product', 'Trials by status', 'Trials by phase', 'Results posted at the registry', 'Trials by cell source', 'Trials by donor', 'Trials by route of administration']) {
    const figure = page.locator('figure', { has: page.getByText(title, { exact: true }) });
    await expect(figure).toHaveCount(1);
    await figure.getByText('Show as a table').click();
    await expect(figure.locator('table')).toBeVisible();
  }
  await expect(page.locator('figure[data-chart="by-year"]')).toContainText('Secretome / conditioned medium');
});

test('browse: sorting and filtering keep their state in the URL', async ({ page, request }) => {
  const consoleErrors = watchConsole(page);
  const trials = (await (await request.get('/trials.json')).json()) as { id: string; therapy: { products: string[] }; enrollment: { count: number } | null }[];
  const secretome = trials.filter((t) => t.therapy.products.includes('SECRETOME'));
  const largest = [...secretome].sort((a, b) => (b.enrollment?.count ?? -1) - (a.enrollment?.count ?? -1))[0]!;
  const shown = Math.min(secretome.length, 50);
  await page.goto('/trials/');
  await page.getByLabel('Product', { exact: true }).selectOption('SECRETOME');
  await expect(page).toHaveURL(/\?product=SECRETOME/u);
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(shown);
  await page.getByRole('button', { name: 'Enrollment' }).click();
  await expect(page).toHaveURL(/sort=-enrollment/u);
  await expect(page.locator('[data-browse-body] tr').first()).toContainText(largest.id);
  await page.reload();
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(shown);
  await expect(page.getByLabel('Product')).toHaveValue('SECRETOME');
  await page.goBack();
  await expect(page.locator('[data-browse-body] tr')).toHaveCount(shown);
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
