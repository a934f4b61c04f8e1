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
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { trialSearchDocument } from '../lib/search-index.ts';
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

/** Writes the search index of a built site (its folder); returns what was indexed. */
export async function buildSearchIndex(site: string): Promise<{ trials: number; guides: number; ranked: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const trials = JSON.parse(readFileSync(join(site, 'trials.json'), 'utf8')) as Trial[];
  for (const t of trials) {
    const doc = trialSearchDocument(t);
    const res = await index.addHTMLFile({ url: doc.url, content: doc.html });
    if (res.errors.length) throw new Error(`Pagefind could not index ${t.id}: ${res.errors.join('; ')}`);
  }
  const added = await index.addDirectory({ path: site, glob: 'guides/*/index.html' });
  if (added.errors.length) throw new Error(`Pagefind could not index the guides: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return { trials: trials.length, guides: added.page_count, ranked: writeSortRanks(site) };
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'msc-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const { trials, guides, ranked } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${trials} trial records and ${guides} guide pages into the search index in ${Math.round(performance.now() - started)} ms (${ranked} trials ranked for sorting)`);
      },
    },
  };
}
