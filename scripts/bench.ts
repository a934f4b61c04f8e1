/**
 * npm run bench — the catalogue's build and pages, measured on this machine (never asserted in tests).
 *
 * Records: the real catalogue (content/sources) and synthetic catalogues of each size in
 * BENCH_SIZES (default 2,000 and 10,000) in five formats (scripts/bench/). For each: a cold build
 * (empty caches, social images on, as `npm run build`), a warm build with nothing changed, a build
 * after one record changed — each with its phases from Astro's log — and the framework's floor (a
 * bare Astro + Pagefind site of as many pages, scripts/bench/builds.ts) built in the same run, our
 * times given as multiples of it. Then it serves the site and drives Debian Chromium: a trial
 * page's transfer and the JS it runs, and the first searches. BENCH_REAL=0 skips the real
 * catalogue; BENCH_AUDIT=1 adds Lighthouse on it; BENCH_PROFILE=1 profiles the largest cold build.
 * Results go to docs/benchmarks.md and stdout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'astro';
import { ROOT, workspace, writeSources } from './bench/sources.ts';
import { measureSearch, type Measure } from './bench/search.ts';
import { summariseProfile } from './bench/profile.ts';
import { buildCatalogue, buildFloor, type Build, type Floor } from './bench/builds.ts';
import { listFiles } from './quality/site.ts';

const SIZES = (process.env.BENCH_SIZES ?? '2000,10000').split(',').filter(Boolean).map(Number);
const QUERIES = ['secretome', "wharton's jelly", 'NCT10000042'];

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      const s = dirSize(p);
      bytes += s.bytes;
      files += s.files;
    } else {
      bytes += statSync(p).size;
      files += 1;
    }
  }
  return { bytes, files };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A trial page as a reader on a gzipping host receives it: HTML + CSS (gzip), and the JS it runs on load. */
async function measureTrialPages(base: string, dist: string) {
  const rows = JSON.parse(readFileSync(join(dist, 'data/browse.json'), 'utf8')) as { url: string }[];
  const sample = rows.filter((_, k) => k % Math.max(1, Math.floor(rows.length / 50)) === 0).slice(0, 50);
  const gz = (path: string) => gzipSync(readFileSync(path)).length;
  const sizes = sample
    .map((r) => {
      const html = readFileSync(join(dist, r.url, 'index.html'), 'utf8');
      const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].map((m) => gz(join(dist, m[1]!)));
      return { url: r.url, html: Buffer.byteLength(html), htmlGzip: gzipSync(html).length, cssGzip: css.reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => a.htmlGzip + a.cssGzip - (b.htmlGzip + b.cssGzip));
  const median = sizes[Math.floor(sizes.length / 2)]!;
  const largest = sizes[sizes.length - 1]!;
  // the JS a trial page loads before anyone interacts (a person can read it without any)
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  const js: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') js.push(new URL(r.url()).pathname);
  });
  await page.goto(`${base}${median.url}`, { waitUntil: 'networkidle' });
  await browser.close();
  const jsGzip = js.reduce((sum, p) => sum + gz(join(dist, p)), 0);
  return { median, largest, jsFiles: js.length, jsGzip };
}

/** The analysis lives beside the figures, written by people: docs/build-speed.md (build) and docs/search.md (search). */
const READING = `
## Reading the figures

What the figures mean, the profile behind each phase, what was changed and what each change saved, and the targets
met or missed with their reasons: **docs/build-speed.md** (builds) and **docs/search.md** (the search payload).
Profiles: \`BENCH_PROFILE=1 npm run bench\` writes a V8 CPU profile of the largest build and prints its top functions.
Sizes: \`BENCH_SIZES=2000 npm run bench\` measures the real catalogue and 2,000 synthetic trials only; \`BENCH_REAL=0\`
skips the real catalogue.
`;

interface Dataset {
  label: string;
  /** synthetic size, or null for the real catalogue */
  n: number | null;
  queries: string[];
  write: (dir: string) => { changeOne: () => void };
}

interface SizeResult {
  label: string;
  n: number | null;
  trials: number;
  floor: Floor;
  cold: Build;
  warm: Build;
  changed: Build;
  site: { bytes: number; files: number };
  index: { bytes: number; files: number };
  htmlPages: number;
  trialPage: Awaited<ReturnType<typeof measureTrialPages>>;
  search: Awaited<ReturnType<typeof measureSearch>>;
  audit: string | null;
}

/** The real catalogue as committed: content/sources copied; the edit between builds is a sentence added to a seed. */
function writeReal(dir: string): { changeOne: () => void } {
  rmSync(dir, { recursive: true, force: true });
  cpSync('content/sources', dir, { recursive: true });
  const seed = join(dir, 'seeds/002_51703b8323fab20c.txt');
  return { changeOne: () => writeFileSync(seed, `${readFileSync(seed, 'utf8')}\nA sentence a curator added.\n`) };
}

const DATASETS: Dataset[] = [
  ...(process.env.BENCH_REAL === '0' ? [] : [{ label: 'real catalogue', n: null, queries: ['secretome', "wharton's jelly", 'NCT04447833'], write: writeReal }]),
  ...SIZES.map((n) => ({ label: `${n.toLocaleString('en')} synthetic`, n, queries: QUERIES, write: (dir: string) => writeSources(n, dir) })),
];

const results: SizeResult[] = [];
const project = workspace();
const largest = Math.max(...SIZES);
const ratio = (b: Build, f: Floor) => `${(b.seconds / f.seconds).toFixed(1)}×`;
for (const set of DATASETS) {
  const dir = join(process.cwd(), ROOT, set.n === null ? 'real' : String(set.n));
  const sources = join(dir, 'sources');
  const dist = join(dir, 'dist');
  const cache = join(dir, 'cache');
  console.log(`\n== ${set.label}`);
  const { changeOne } = set.write(sources);
  rmSync(cache, { recursive: true, force: true });
  const profileDir = process.env.BENCH_PROFILE && set.n === largest ? join(dir, 'profile') : undefined;
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true }); // a clean build: no earlier output to empty first
  // as npm run build runs it: social images on
  const cold = buildCatalogue(project, { sources, outDir: dist, cacheDir: cache, ogImages: true, profileDir });
  const site = dirSize(dist);
  const index = dirSize(join(dist, 'pagefind'));
  const trials = (JSON.parse(readFileSync(join(dist, 'trials.json'), 'utf8')) as unknown[]).length;
  const htmlPages = listFiles(dist).filter((f) => f.endsWith('.html')).length;
  const floor = buildFloor(join(dir, 'floor'), join(process.cwd(), 'node_modules'), trials);
  console.log(`floor (bare Astro + Pagefind, ${trials.toLocaleString('en')} pages): ${floor.seconds.toFixed(1)} s (astro ${floor.astro.toFixed(1)} s, pagefind ${floor.pagefind.toFixed(1)} s)`);
  console.log(`cold build ${cold.seconds.toFixed(1)} s = ${ratio(cold, floor)} the floor; ${phaseLine(cold)}; peak ${cold.peakMb.toFixed(0)} MB; dist ${mb(site.bytes)} in ${site.files} files`);
  if (profileDir) console.log(`\nwhere the cold build spends its time (CPU profile of the Astro process):\n${summariseProfile(profileDir)}\n`);
  const warm = buildCatalogue(project, { sources, outDir: dist, cacheDir: cache, ogImages: true });
  console.log(`warm build, nothing changed: ${warm.seconds.toFixed(1)} s = ${ratio(warm, floor)} the floor; ${phaseLine(warm)}; ${warm.ingestLine}`);
  changeOne();
  const changed = buildCatalogue(project, { sources, outDir: dist, cacheDir: cache, ogImages: true });
  console.log(`one record changed: ${changed.seconds.toFixed(1)} s = ${ratio(changed, floor)} the floor; ${phaseLine(changed)}; ${changed.ingestLine}`);
  const port = 4400 + ((set.n ?? 1) % 97);
  const server = await preview({ root: project, outDir: dist, server: { host: '127.0.0.1', port }, logLevel: 'error' });
  let trialPage: SizeResult['trialPage'];
  let search: SizeResult['search'];
  try {
    trialPage = await measureTrialPages(`http://127.0.0.1:${port}`, dist);
    console.log(`trial page (median of 50): HTML ${kb(trialPage.median.html)}, ${kb(trialPage.median.htmlGzip)} gzip + CSS ${kb(trialPage.median.cssGzip)} gzip; JS on load ${trialPage.jsFiles} files, ${kb(trialPage.jsGzip)} gzip`);
    search = await measureSearch(`http://127.0.0.1:${port}`, dist, set.queries);
    console.log(searchLine(set.label, search.first, 'first query'));
    for (const w of search.warm) console.log(searchLine(set.label, w, 'next query'));
  } finally {
    await server.stop();
  }
  let audit: string | null = null;
  if (process.env.BENCH_AUDIT && set.n === null) {
    const run = spawnSync(process.execPath, ['scripts/audit.ts', '--dist', dist, '--no-write'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    audit = run.stdout.slice(run.stdout.indexOf('| page |')).trim();
    console.log(audit);
  }
  results.push({ label: set.label, n: set.n, trials, floor, cold, warm, changed, site, index, htmlPages, trialPage, search, audit });
}

function phaseLine(b: Build): string {
  const p = b.phases;
  const f = (x: number | null) => (x === null ? '?' : `${x.toFixed(1)} s`);
  return `ingest ${f(p.ingest)}, content sync ${f(p.sync)}, types ${f(p.types)}, pages ${f(p.generate)} (HTML ${f(p.routes.pages)}, data files ${f(p.routes.dataFiles)}), trial data files ${f(p.trialFiles)}, then at once social images ${f(p.socialImages)} and search index ${f(p.pagefind)}: ${f(p.afterBuild)}`;
}

function searchLine(label: string, x: Measure, kind: string) {
  return `| ${label} | ${kind} “${x.query}” | ${x.ms.toFixed(0)} ms (${x.fromFirstKey.toFixed(0)} ms from the first key) | ${kb(x.bytes)} (${x.requests} requests) | ${kb(x.settled)} |`;
}

const s1 = (x: number | null) => (x === null ? '?' : `${x.toFixed(1)} s`);
const times = (b: Build, f: Floor) => `${s1(b.seconds)} (${(b.seconds / f.seconds).toFixed(1)}×)`;
const buildTable = [
  '| records | trials | floor: bare Astro + Pagefind | cold build | warm, nothing changed | one record changed | peak memory (cold) | dist | files | search index |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.label} | ${r.trials.toLocaleString('en')} | ${s1(r.floor.seconds)} | ${times(r.cold, r.floor)} | ${times(r.warm, r.floor)} | ${times(r.changed, r.floor)} | ${r.cold.peakMb.toFixed(0)} MB | ${mb(r.site.bytes)} | ${r.site.files.toLocaleString('en')} | ${mb(r.index.bytes)} in ${r.index.files.toLocaleString('en')} files |`,
  ),
].join('\n');
const phaseRow = (r: SizeResult, kind: string, b: Build) => {
  const p = b.phases;
  // Astro's "[types] Generated" time runs from before the content sync to after it: it includes the sync
  const known = (p.types ?? p.sync ?? 0) + (p.generate ?? 0) + (p.trialFiles ?? 0) + (p.afterBuild ?? 0);
  return `| ${r.label} | ${kind} | ${s1(b.seconds)} | ${s1(p.ingest)} | ${s1(p.sync)} | ${s1(p.types)} | ${s1(p.generate)} | ${s1(p.routes.pages)} | ${s1(p.routes.dataFiles)} | ${s1(p.trialFiles)} | ${s1(p.socialImages)} | ${s1(p.pagefind)} | ${s1(p.afterBuild)} | ${s1(b.seconds - known)} |`;
};
const phaseTable = [
  '| records | build | total | ingest (trials loader) | content sync (incl. ingest) | types (incl. content sync) | pages | of which HTML | of which data files | trial data files | social images | search index | both, at once | start-up, bundling, rest |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...results.flatMap((r) => [phaseRow(r, 'cold', r.cold), phaseRow(r, 'warm', r.warm), phaseRow(r, 'one changed', r.changed)]),
].join('\n');
const pageTable = [
  '| records | trial page HTML | HTML gzip | + CSS gzip | = total gzip (median) | largest sampled | JS run on load |',
  '|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.label} | ${kb(r.trialPage.median.html)} | ${kb(r.trialPage.median.htmlGzip)} | ${kb(r.trialPage.median.cssGzip)} | ${kb(r.trialPage.median.htmlGzip + r.trialPage.median.cssGzip)} | ${kb(r.trialPage.largest.htmlGzip + r.trialPage.largest.cssGzip)} | ${r.trialPage.jsFiles} files, ${kb(r.trialPage.jsGzip)} gzip |`,
  ),
].join('\n');
const searchTable = [
  '| records | query | last keystroke → first result | transferred until then | with 10 results and facet counts |',
  '|---|---|---|---|---|',
  ...results.flatMap((r) => [searchLine(r.label, r.search.first, 'first query'), ...r.search.warm.map((w) => searchLine(r.label, w, 'next query'))]),
].join('\n');
const audits = results.filter((r) => r.audit).map((r) => `Lighthouse (mobile) on the ${r.label} (${r.trials.toLocaleString('en')} trials):\n\n${r.audit}\n`);

const doc = `# Benchmarks

Measured by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}: a 2-core, 24 GiB Debian machine,
Node ${process.version}, Debian Chromium, Astro's preview server on loopback (no compression, no latency).

Records: the **real catalogue** (content/sources as committed: the 1,389-row ClinicalTrials.gov download and the seeds), and
**synthetic** records (scripts/bench/) in five formats — a fifth each as ClinicalTrials.gov JSON (files of 500 studies) and
as one copied page per trial in the Veeva, meddatax, MedPath and ClinicalTrials.gov classic layouts — with varied lengths,
conditions, sponsors and countries, plus the five seed records (the guides cite them). Every build is \`astro build\` as \`npm run build\` runs it,
social images included. **Cold**: empty caches and output. **Warm**: the same build again, nothing changed. **One record
changed**: one record file edited, then built with the caches of the warm build.

**The floor** (scripts/bench/builds.ts): a bare Astro project on the project's own node_modules, with one dynamic route that
renders as many one-screen pages (a title, eight facts, two paragraphs) from a JSON file, then the Pagefind CLI over its
output; built from empty caches in the same run. The figures in brackets are our time as a multiple of it.

Targets (issue 16): cold build at 2,000 trials ≤ 5× the floor; warm and one-record-changed builds ≤ 2× the floor; 10,000
trials cold ≤ 120 s and ≤ 4 GB peak; output byte-identical to a clean build (tests/integration/build.test.ts).

## Build

${buildTable}

## Where a build's time goes

Phases as Astro logs them: the trials loader (ingest) runs inside the content sync; "pages" is static route generation,
split by what the per-route lines say each route wrote (HTML pages, data files); each trial's record and citation files are
written after the pages (src/integrations/trial-files.ts); then the social images and the search
index are made at the same time (src/integrations/concurrently.ts), each as its integration reports it, and "both, at
once" is the wall time of the two together; the rest is Node and Astro start-up, the data store, bundling and writing.

${phaseTable}

## A trial page

${pageTable}

## Search

"Transferred" counts every response from the first keystroke until the first result card is on screen, counting for
the first query what the page fetched ahead for search (Pagefind's JS, WASM and metadata, loaded while the page is
idle) plus the index chunks and result fragments.

${searchTable}

${audits.join('\n')}
${READING}`;
writeFileSync('docs/benchmarks.md', doc);
console.log(`\n${buildTable}\n\n${phaseTable}\n\n${pageTable}\n\n${searchTable}\n${audits.length ? `\n${audits.join('\n')}` : ''}\nwrote docs/benchmarks.md`);
process.exit(0);
