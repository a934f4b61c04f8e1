/**
 * The first searches on a built site, measured in Debian Chromium: what is transferred from the
 * first keystroke until the first result card is on screen (counting for the first query what the
 * page fetched ahead for search while idle: Pagefind's JS, WASM and metadata, and the empty page's
 * facet counts), and how long it takes. `npm run bench` calls it for every catalogue it builds;
 * alone, `node scripts/bench/search.ts` measures the search only:
 *
 *   node scripts/bench/search.ts                  the built site in dist/ (the real catalogue)
 *   BENCH_SIZES=2000,10000 node scripts/bench/search.ts   synthetic catalogues of those sizes too,
 *                                                 each built first (social images off) under .bench/
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'astro';
import { buildCatalogue } from './builds.ts';
import { ROOT, workspace, writeSources } from './sources.ts';

export interface Measure {
  query: string;
  /** from the last keystroke to the first result on screen */
  ms: number;
  /** from the first keystroke (includes the automated typing itself) */
  fromFirstKey: number;
  /** until the first result is on screen */
  bytes: number;
  /** once the first page of results and the facet counts have loaded */
  settled: number;
  gzipBytes: number;
  requests: number;
}

export async function measureSearch(base: string, dist: string, queries: readonly string[]): Promise<{ first: Measure; warm: Measure[]; pageBytes: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  // Playwright sees the requests of the page and of Pagefind's web worker alike
  let transferred: { url: string; bytes: number }[] = [];
  context.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => transferred.push({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize }));
  });

  await page.goto(`${base}/search/`, { waitUntil: 'load' });
  await page.waitForTimeout(50);
  const pageRequests = transferred.length;
  const pageBytes = transferred.reduce((s, t) => s + t.bytes, 0);
  // a person reads the page for a moment before typing; the page readies Pagefind meanwhile
  await page.waitForTimeout(1500);
  let preloaded = transferred.slice(pageRequests);

  const type = async (query: string): Promise<Measure> => {
    const input = page.locator('#search-q');
    await input.evaluate((el: HTMLInputElement) => {
      el.value = '';
      el.blur();
    });
    await page.waitForTimeout(400);
    // the first query counts what the page loaded for search before it (Pagefind's JS and WASM)
    transferred = [...preloaded];
    preloaded = [];
    const started = await page.evaluate(() => performance.now());
    // focus and type as a person would
    await input.click();
    await input.pressSequentially(query, { delay: 0 });
    const typed = await page.evaluate(() => performance.now());
    // the first result card for this query is on screen
    await page.waitForFunction(
      (q) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${q}”`) && document.querySelector('[data-search-results] > li'),
      query,
      { timeout: 60_000, polling: 'raf' },
    );
    const now = await page.evaluate(() => performance.now());
    const ms = now - typed;
    const fromFirstKey = now - started;
    await page.waitForTimeout(50); // let the size callbacks of the requests that finished settle
    const atFirst = transferred.length;
    const bytes = transferred.reduce((s, t) => s + t.bytes, 0);
    await page.waitForTimeout(1500);
    const settled = transferred.reduce((s, t) => s + t.bytes, 0);
    // what a host that gzips text would send: Pagefind's own chunks are already compressed
    let gzipBytes = 0;
    for (const t of transferred.slice(0, atFirst)) {
      const path = join(dist, decodeURIComponent(new URL(t.url).pathname));
      if (!existsSync(path) || statSync(path).isDirectory()) continue;
      const body = readFileSync(path);
      gzipBytes += /\.(js|css|json|html|wasm)$/u.test(path) && !/\.pf_/u.test(path) ? gzipSync(body).length : body.length;
    }
    if (process.env.BENCH_DEBUG) console.log(transferred.map((t) => `${t.url} ${t.bytes}`).join('\n'));
    return { query, ms, fromFirstKey, bytes, gzipBytes, requests: atFirst, settled };
  };

  const first = await type(queries[0]!);
  const warm: Measure[] = [];
  for (const q of queries.slice(1)) warm.push(await type(q));
  await browser.close();
  return { first, warm, pageBytes };
}


const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
export const searchRow = (label: string, x: Measure, kind: string) =>
  `| ${label} | ${kind} “${x.query}” | ${Math.round(x.ms)} ms (${Math.round(x.fromFirstKey)} ms from the first key) | ${kb(x.bytes)} (${x.requests} requests) | ${kb(x.settled)} |`;

async function main() {
  const sets: { label: string; dist: string; project: string; queries: string[] }[] = [];
  if (process.env.BENCH_REAL !== '0') sets.push({ label: 'real catalogue', dist: resolve(process.env.BENCH_DIST ?? 'dist'), project: process.cwd(), queries: ['secretome', "wharton's jelly", 'NCT04447833'] });
  const sizes = (process.env.BENCH_SIZES ?? '').split(',').filter(Boolean).map(Number);
  const project = sizes.length ? workspace() : process.cwd();
  for (const n of sizes) {
    const dir = join(process.cwd(), ROOT, `search-${n}`);
    writeSources(n, join(dir, 'sources'));
    rmSync(join(dir, 'dist'), { recursive: true, force: true });
    const build = buildCatalogue(project, { sources: join(dir, 'sources'), outDir: join(dir, 'dist'), cacheDir: join(dir, 'cache'), ogImages: false });
    console.log(`built ${n} synthetic trials in ${build.seconds.toFixed(1)} s (search index ${build.phases.pagefind?.toFixed(1)} s)`);
    sets.push({ label: `${n.toLocaleString('en')} synthetic`, dist: join(dir, 'dist'), project, queries: ['secretome', "wharton's jelly", 'NCT10000042'] });
  }
  const rows: string[] = [];
  for (const [k, set] of sets.entries()) {
    const port = 4480 + k;
    const server = await preview({ root: set.project, outDir: set.dist, server: { host: '127.0.0.1', port }, logLevel: 'error' });
    try {
      const m = await measureSearch(`http://127.0.0.1:${port}`, set.dist, set.queries);
      rows.push(searchRow(set.label, m.first, 'first query'), ...m.warm.map((w) => searchRow(set.label, w, 'next query')));
      console.log(rows.slice(-1 - m.warm.length).join('\n'));
    } finally {
      await server.stop();
    }
  }
  console.log(`\n| trials | query | last keystroke → first result | transferred until then | with 10 results and facet counts |\n|---|---|---|---|---|\n${rows.join('\n')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
