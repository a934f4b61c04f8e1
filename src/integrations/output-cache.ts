/**
 * A build step's output folder, kept between builds under a digest of everything it was made
 * from: when the digest is unchanged the folder is copied back instead of made again (a warm
 * build re-indexes nothing); otherwise the step runs and its output replaces the stored one.
 * One stored output per step, so the cache never grows past the size of one build's output.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const cacheRoot = () =>
  process.env.CATALOGUE_CACHE_DIR ? join(process.env.CATALOGUE_CACHE_DIR, 'msc-steps') : join(process.cwd(), 'node_modules/.cache/msc-steps');

/** A digest of the files under `dir` whose names pass `keep` (paths and bytes, in a fixed order), plus `extra`. */
export function digestFiles(dir: string, keep: (path: string) => boolean, extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const e of extra) hash.update(e).update('\0');
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (keep(p)) hash.update(relative(dir, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** What the site folder already holds (src/integrations/site-output.ts), folder by folder. */
export interface PlacedTrees {
  currentTree(dir: string, digest: string): boolean;
  wroteTree(dir: string, digest: string): void;
}

/**
 * Copies the stored output of step `name` for `key` into `outDir` (or leaves it, when `placed`
 * says the folder is there as the last build wrote it for `key`), or runs `make` (which writes
 * `outDir`) and stores what it wrote. Returns whether the output came from the cache.
 */
export async function withOutputCache(name: string, key: string, outDir: string, make: () => Promise<void>, root = cacheRoot(), placed?: PlacedTrees): Promise<boolean> {
  const slot = join(root, name);
  const stamp = join(slot, 'key');
  const stored = join(slot, 'output');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === key && existsSync(stored)) {
    if (placed?.currentTree(outDir, key)) return true;
    rmSync(outDir, { recursive: true, force: true });
    cpSync(stored, outDir, { recursive: true });
    placed?.wroteTree(outDir, key);
    return true;
  }
  // the step starts from an empty folder: the site folder is kept between builds (src/integrations/site-output.ts),
  // and a step that adds files (Pagefind names its fragments by content) would keep the old ones beside the new
  rmSync(outDir, { recursive: true, force: true });
  await make();
  placed?.wroteTree(outDir, key);
  try {
    // store beside, then swap, so an interrupted copy never leaves a stamp over a partial folder
    rmSync(stamp, { force: true });
    const next = join(slot, 'output.next');
    rmSync(next, { recursive: true, force: true });
    mkdirSync(slot, { recursive: true });
    cpSync(outDir, next, { recursive: true });
    rmSync(stored, { recursive: true, force: true });
    renameSync(next, stored);
    writeFileSync(stamp, key);
  } catch {
    // a read-only cache folder only costs the next build its shortcut
  }
  return false;
}
