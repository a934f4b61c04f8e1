/**
 * The browser gate on EVERY page of the sitemap (so new pages are covered as they are added), in
 * light and dark: axe WCAG 2.0/2.1/2.2 A and AA with zero violations, no console errors, no
 * failed requests, no Content-Security-Policy violations. See docs/quality.md.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './helpers.ts';
import { sitemapUrls } from '../../scripts/quality/site.ts';

const PAGES = sitemapUrls('dist').map((url) => new URL(url).pathname);
// the one page a sitemap does not list
PAGES.push('/404.html');

/** Records every problem a page can show in the browser while it loads and settles. */
export async function watchPage(page: Page) {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // a request the browser drops because the test navigates on (the favicon of a page being left)
    // is not a failure; a missing file answers 404 (below), a blocked one is a CSP violation (above)
    if (error === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

test('the sitemap lists every kind of page', () => {
  for (const path of ['/', '/trials/', '/search/', '/compare/', '/guides/', '/data/', '/about/']) expect(PAGES).toContain(path);
  expect(PAGES.filter((p) => /^\/trials\/[^/]+\/$/u.test(p)).length).toBeGreaterThan(0);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of PAGES) {
    test(`${path} (${scheme}): zero axe violations, console errors, failed requests, CSP violations`, async ({ page }) => {
      const problems = await watchPage(page);
      await page.emulateMedia({ colorScheme: scheme });
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
}

test('under the CSP, search, compare and the theme toggle work with zero violations', async ({ page }) => {
  const problems = await watchPage(page);
  // the policy is the strict one: no unsafe-inline, Pagefind's WebAssembly allowed
  await page.goto('/search/');
  const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/u);
  expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/u);
  expect(csp).toContain("object-src 'none'");

  // search: Pagefind's JS, WASM and worker run, results and facet counts render
  await page.locator('#search-q').fill('secretome');
  await expect(page.locator('[data-search-status]')).toContainText(/^\d+ results? for “secretome”/u);
  // the count is announced first; the cards and then the facet counts follow: wait for all of them
  const count = Number(/^(\d+)/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  await expect(page.locator('[data-search-results] > li')).toHaveCount(Math.min(count, 10));
  const completed = page.getByRole('checkbox', { name: /^Completed \(\d+\)/u });
  await expect(completed).toBeVisible();
  await completed.check();
  await expect(page).toHaveURL(/status=COMPLETED/u);

  // compare: the grid renders in the browser, the differences toggle and CSV export work
  await page.goto('/compare/?ids=NCT07157891,NCT06688318');
  await expect(page.locator('.compare-grid thead th.grid-head a')).toHaveText(['NCT07157891', 'NCT06688318']);
  await page.getByLabel('Show only rows that differ').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/u);

  // the theme toggle (a bundled script) and the theme set before paint (an inline, hashed script)
  await page.getByRole('button', { name: /Switch to (dark|light) theme/u }).click();
  const theme = await page.locator('html').getAttribute('data-theme');
  expect(theme).toMatch(/^(dark|light)$/u);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme!);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('the gate sees what the policy blocks: an injected inline script or style attribute is refused and reported', async ({ page }) => {
  const problems = await watchPage(page);
  await page.goto('/about/');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    document.body.insertAdjacentHTML('beforeend', '<p style="color:red" id="styled">x</p>');
  });
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => problems.filter((p) => p.includes('CSP violation')).length).toBeGreaterThanOrEqual(2);
  expect(problems.join('\n')).toMatch(/CSP violation: script-src-elem/u);
  expect(problems.join('\n')).toMatch(/CSP violation: style-src-attr/u);
});
