/**
 * Writes the search index of an already built site again (what the `astro:build:done` hook does),
 * e.g. to measure indexing alone: `node scripts/search-index.ts [dist]`.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSearchIndex } from '../src/integrations/pagefind.ts';

const site = resolve(process.argv[2] ?? 'dist');
rmSync(resolve(site, 'pagefind'), { recursive: true, force: true });
const started = performance.now();
const done = await buildSearchIndex(site);
console.log(`${done.trials} trials, ${done.guides} guides, ${done.ranked} ranked, in ${Math.round(performance.now() - started)} ms`);
