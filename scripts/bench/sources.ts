/**
 * The benchmark's catalogues and build folder (npm run bench, scripts/bench/search.ts): synthetic
 * record files of any size, and a copy of the project to build in.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticStudy } from './synthetic.ts';
import { TEXT_LAYOUTS, syntheticPage } from './synthetic-text.ts';

export const ROOT = '.bench';

/**
 * The synthetic records, a fifth in each format, plus the real ones of content/sources (the guides
 * cite those). Trial i goes to format i mod 5; JSON studies go in files of up to 500.
 */
export function writeSources(n: number, dir: string): { changeOne: () => void } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // the seeds too: the guides cite them (the real catalogue is measured on its own)
  cpSync('content/sources/seeds', join(dir, 'seeds'), { recursive: true });
  const json: number[] = [];
  let firstText: { path: string; i: number } | null = null;
  for (let i = 1; i <= n; i += 1) {
    const layout = i % 5 === 0 ? null : TEXT_LAYOUTS[(i % 5) - 1]!;
    if (!layout) {
      json.push(i);
      continue;
    }
    const path = join(dir, layout, String(Math.floor(i / 1000)).padStart(3, '0'), `trial-${i}.txt`);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, syntheticPage(i, layout));
    firstText ??= { path, i };
  }
  for (let k = 0; k < json.length; k += 500) {
    writeFileSync(join(dir, `ctgov-${String(k / 500).padStart(3, '0')}.json`), JSON.stringify(json.slice(k, k + 500).map(syntheticStudy)));
  }
  return {
    // what a curator does between builds: one record file edited (here: a sentence added)
    changeOne: () => {
      if (!firstText) return;
      const text = readFileSync(firstText.path, 'utf8');
      writeFileSync(firstText.path, text.replace(`(${firstText.i})`, `(${firstText.i}, edited)`));
    },
  };
}

/**
 * A copy of the project to build in, so a benchmark build never shares Astro's caches (.astro,
 * node_modules/.astro) with the developer's own builds running at the same time.
 */
export function workspace(): string {
  const root = join(process.cwd(), ROOT, 'project');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const item of ['src', 'content', 'public', 'docs', 'astro.config.mjs', 'tsconfig.json', 'package.json', '.gitignore']) cpSync(item, join(root, item), { recursive: true });
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'), 'dir');
  return root;
}

