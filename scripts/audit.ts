/**
 * npm run audit — Lighthouse (mobile: its default emulation and simulated slow 4G / 4× CPU) on the
 * overview, a trial page, /compare/ and /search/ of the built site, with Debian's Chromium where
 * present. Prints a table of the four category scores and writes docs/lighthouse.md; exits 1 when
 * a page misses the targets (performance ≥ 95; accessibility, best practices, SEO = 100), listing
 * the audits that cost points. Not part of `npm test`: scores are measurements, not assertions.
 *
 * Usage: npm run audit [-- --dist <dir>] (default dist/, built by npm run build)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { preview } from 'astro';
import lighthouse from 'lighthouse';

const argDist = process.argv.indexOf('--dist');
const dist = resolve(argDist > 0 ? process.argv[argDist + 1]! : 'dist');
const write = !process.argv.includes('--no-write');
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first.`);
  process.exit(2);
}
const firstTrial = (JSON.parse(readFileSync(join(dist, 'data/browse.json'), 'utf8')) as { url: string }[])[0]!.url;
const PAGES = [
  ['overview', '/'],
  ['trial page', firstTrial],
  ['compare', '/compare/'],
  ['search', '/search/'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const port = 4390;
const debugPort = 9333;
const server = await preview({ outDir: dist, server: { host: '127.0.0.1', port }, logLevel: 'error' });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: [`--remote-debugging-port=${debugPort}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

interface Row {
  name: string;
  path: string;
  scores: Record<string, number>;
  lost: string[];
  metrics: { fcp: string; lcp: string; tbt: string; cls: string };
}
const rows: Row[] = [];
let missed = false;
try {
  for (const [name, path] of PAGES) {
    const result = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: debugPort, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const { lhr } = result;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
    const lost: string[] = [];
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${c}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
      }
      if ((scores[c] ?? 0) < TARGET[c]) missed = true;
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    rows.push({ name, path, scores, lost, metrics: { fcp: metric('first-contentful-paint'), lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') } });
    console.log(`${name} ${path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${lost.length ? `\n  ${lost.join('\n  ')}` : ''}`);
  }
} finally {
  await browser.close();
  await server.stop();
}

const table = [
  '| page | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} (\`${r.path}\`) | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${r.metrics.fcp} | ${r.metrics.lcp} | ${r.metrics.tbt} | ${r.metrics.cls} |`),
].join('\n');
const lostText = rows.flatMap((r) => r.lost.map((l) => `- ${r.name}: ${l}`)).join('\n');
if (write) {
  writeFileSync(
    'docs/lighthouse.md',
    `# Lighthouse\n\nMeasured by \`npm run audit\` (scripts/audit.ts) on ${new Date().toISOString().slice(0, 10)}: Lighthouse ${
      (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version
    }, mobile (its default emulation, simulated slow 4G and 4× CPU slowdown), Debian Chromium, the built site of this commit served by Astro's preview server (no compression). Targets: performance ≥ 95; accessibility, best practices and SEO 100.\n\n${table}\n\n${
      lostText ? `Audits that cost points:\n\n${lostText}\n` : 'No audit cost a point.\n'
    }`,
  );
}
console.log(`\n${table}`);
process.exit(missed ? 1 : 0);
