/**
 * Builds the Pagefind index as the last step of `astro build` (the `astro:build:done` hook), so
 * `npm run build` always ships a search index that matches the pages. Uses Pagefind's Node API.
 *
 * Trials are indexed from their public records (the site's /trials.json), one small document each
 * (src/lib/search-index.ts: the record's own text, then the words it is found by), not from their
 * pages: no navigation, badges or labels reach the index or the snippets, and Pagefind parses
 * ~4 KB per trial instead of a ~34 KB page. Guides are indexed from their pages.
 *
 * It also writes one rank file per sort key (pagefind/sort/<key>.json: the result ids of every
 * trial, best first, unknown values last). Sorting with Pagefind's own sort keys would add every
 * page's order to the metadata each first query loads; these files load only when someone sorts.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { trialSearchDocument } from '../lib/search-index.ts';
import { cacheRoot, digestFiles, withOutputCache } from './output-cache.ts';
import { ledgerFor } from './site-output.ts';
import type { Trial } from '../schemas/trial.ts';

interface BrowseRow {
  url: string;
  start: string | null;
  enrollment: number | null;
  updated: string | null;
}

/** Rank files: for each key, fragment ids ordered newest/largest first, trials without a value last. */
export function writeSortRanks(site: string): number {
  const rowsPath = join(site, 'data/browse.json');
  if (!existsSync(rowsPath)) return 0;
  const byUrl = new Map((JSON.parse(readFileSync(rowsPath, 'utf8')) as BrowseRow[]).map((r) => [r.url, r]));
  const fragments = join(site, 'pagefind/fragment');
  const pages: { id: string; row: BrowseRow }[] = [];
  for (const name of readdirSync(fragments)) {
    // a fragment is gzipped JSON behind a 12-byte signature ("pagefind_dcd")
    const json = JSON.parse(gunzipSync(readFileSync(join(fragments, name))).subarray(12).toString('utf8')) as { url: string };
    const row = byUrl.get(json.url);
    if (row) pages.push({ id: name.replace(/\.pf_fragment$/u, ''), row });
  }
  mkdirSync(join(site, 'pagefind/sort'), { recursive: true });
  for (const key of ['start', 'enrollment', 'updated'] as const) {
    const ranked = pages
      .filter((p) => p.row[key] !== null)
      .sort((a, b) => (a.row[key]! < b.row[key]! ? 1 : a.row[key]! > b.row[key]! ? -1 : a.row.url.localeCompare(b.row.url)));
    writeFileSync(join(site, `pagefind/sort/${key}.json`), JSON.stringify(ranked.map((p) => p.id)));
  }
  return pages.length;
}

const INDEX_OPTIONS = { forceLanguage: 'en' } as const;
/** Pagefind's installed version: its package.json, found as Node finds the package (its `exports` lists neither). */
function pagefindVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules/pagefind/package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  throw new Error('Pagefind is not installed: no node_modules/pagefind/package.json above src/integrations');
}
const PAGEFIND_VERSION = pagefindVersion();
const isGuidePage = (site: string) => (path: string) => /^guides\/[^/]+\/index\.html$/u.test(relative(site, path).split(sep).join('/'));

/**
 * Writes the search index of a built site (its folder); returns what was indexed. The index is
 * kept between builds under a digest of everything Pagefind is given — its version and options,
 * every trial's search document (so a change to the code that makes them changes the key too) and
 * every guide page — and copied back when that digest is unchanged (src/integrations/output-cache.ts):
 * a warm build indexes nothing. The sort rank files are made again every time (they are cheap).
 */
export async function buildSearchIndex(site: string): Promise<{ trials: number; guides: number; ranked: number; cached: boolean }> {
  const trials = JSON.parse(readFileSync(join(site, 'trials.json'), 'utf8')) as Trial[];
  const docs = trials.map((t) => ({ id: t.id, ...trialSearchDocument(t) }));
  const guides = existsSync(join(site, 'guides')) ? readdirSync(join(site, 'guides')).filter((d) => existsSync(join(site, 'guides', d, 'index.html'))).length : 0;
  const key = createHash('sha256')
    .update(digestFiles(site, isGuidePage(site), [`pagefind ${PAGEFIND_VERSION}`, JSON.stringify(INDEX_OPTIONS)]))
    .update(JSON.stringify(docs))
    .digest('hex');
  const cached = await withOutputCache('pagefind', key, join(site, 'pagefind'), async () => {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    // every document is sent before any answer is awaited: Pagefind's process handles them one by one
    // in the order sent while this thread goes on (one await per document made each wait for a turn
    // of an event loop that the social images keep busy: 2.3 s alone, 33 s beside them on the real catalogue)
    const results = await Promise.all(docs.map((doc) => index.addHTMLFile({ url: doc.url, content: doc.html }).then((res) => ({ id: doc.id, res }))));
    for (const { id, res } of results) {
      if (res.errors.length) throw new Error(`Pagefind could not index ${id}: ${res.errors.join('; ')}`);
    }
    const added = await index.addDirectory({ path: site, glob: 'guides/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind could not index the guides: ${added.errors.join('; ')}`);
    if (added.page_count !== guides) throw new Error(`Pagefind indexed ${added.page_count} guide pages, but the site has ${guides}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await pagefind.close();
  }, cacheRoot(), ledgerFor(site));
  return { trials: trials.length, guides, ranked: writeSortRanks(site), cached };
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'msc-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { trials, guides, ranked, cached } = await buildSearchIndex(fileURLToPath(dir));
        const ms = Math.round(performance.now() - started);
        logger.info(
          cached
            ? `search index of ${trials} trial records and ${guides} guide pages copied from the cache (nothing it is made from changed) in ${ms} ms`
            : `indexed ${trials} trial records and ${guides} guide pages into the search index in ${ms} ms (${ranked} trials ranked for sorting)`,
        );
      },
    },
  };
}
