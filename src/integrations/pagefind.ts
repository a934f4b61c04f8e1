/**
 * Builds the Pagefind index as the last step of `astro build` (the `astro:build:done` hook), so
 * `npm run build` always ships a search index that matches the pages. Uses Pagefind's Node API.
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

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'msc-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        const ranked = writeSortRanks(site);
        logger.info(`read ${added.page_count} HTML pages into the search index in ${Math.round(performance.now() - started)} ms (${ranked} trials ranked for sorting)`);
      },
    },
  };
}
