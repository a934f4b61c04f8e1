/**
 * The browser gate, in light and dark: axe WCAG 2.0/2.1/2.2 A and AA with zero violations, no
 * console errors, no failed requests, no Content-Security-Policy violations. It opens every page
 * of the sitemap that is not one of a family of similar pages, one page of each family (the
 * first and the last page of browse, the largest ready-made comparison of each kind) and the fixed
 * sample of trial pages of sample.ts — so a new template is covered as soon as it is added, while
 * the 1,340 trial pages are read whole by the file-level checks of dist.spec.ts. docs/quality.md.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './helpers.ts';
import { TRIAL_SAMPLE } from './sample.ts';
import { sitemapUrls } from '../../scripts/quality/site.ts';

const ALL = sitemapUrls('dist').map((url) => new URL(url).pathname);
/** Families of pages built from one template: opened once each (first and last), not every member. */
const FAMILIES = [/^\/trials\/(?!page\/)[^/]+\/$/u, /^\/trials\/page\/\d+\/$/u, /^\/compare\/condition\/[^/]+\/$/u, /^\/compare\/product\/[^/]+\/$/u, /^\/guides\/[^/]+\/$/u];
const family = (path: string) => FAMILIES.findIndex((re) => re.test(path));
const PAGES = [
  ...ALL.filter((p) => family(p) < 0),
  ...FAMILIES.slice(1).flatMap((_, i) => {
    const members = ALL.filter((p) => family(p) === i + 1);
    return [...new Set([members[0], members.at(-1)])].filter((p): p is string => !!p);
  }),
  ...TRIAL_SAMPLE.map((t) => `/trials/${t.id}/`),
  // the one page a sitemap does not list
  '/404.html',
];

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

test('the sitemap lists every kind of page, and the sample is a set of catalogue trials', () => {
  for (const path of ['/', '/trials/', '/search/', '/compare/', '/guides/', '/data/', '/about/', '/data/screened-out/']) expect(PAGES).toContain(path);
  for (const { id } of TRIAL_SAMPLE) expect(ALL, `${id} of the sample is a catalogue trial`).toContain(`/trials/${id}/`);
  expect(ALL.filter((p) => family(p) === 0).length).toBeGreaterThan(1000);
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
  await expect(page.locator('[data-search-status]')).toHaveText(/^\d+ trials?(?: and \d+ guides?)? for “secretome”\.$/u);
  // the count is announced first; the cards and then the facet counts follow: wait for all of them
  const count = Number(/^(\d+) trials?/u.exec((await page.locator('[data-search-status]').textContent()) ?? '')?.[1] ?? 0);
  expect(count).toBeGreaterThan(0);
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
