/**
 * The site folder is built in place, as `make` builds: Astro is told not to empty it
 * (`vite.build.emptyOutDir: false`), so a page whose cache key is unchanged is left where it is
 * ("(cached)" in the log) instead of being deleted and copied back, and the files written after
 * the pages (trial data files, social images, the search index) are written only when what they
 * hold has changed. Then, as the build's last step, every file this build did not produce is
 * removed — a withdrawn trial's pages, an old stylesheet — so the folder holds exactly what a
 * clean build writes (tests/integration/build.test.ts compares the two file by file).
 *
 * What this build produced: every file written since it started (Astro's pages and bundles,
 * `public/`), every page Astro kept (the `assets` of `astro:build:done`), and every file placed
 * through the ledger below, written or kept. On a warm build of 2,000 trials this saves deleting
 * and re-creating ≈ 20,000 files (docs/build-speed.md has the figures).
 *
 * The ledger records, for each file the catalogue's own steps write, a digest of what it holds and
 * the size and modification time the file had after writing. A file is kept only when the digest
 * of what would be written is the one recorded and the file on disk is still the one written
 * (same size, same modification time); anything else — a new digest, a deleted or touched file, a
 * ledger from another folder — writes it again.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheRoot } from './output-cache.ts';

interface Entry {
  digest: string;
  size: number;
  mtimeMs: number;
}

const LEDGER_VERSION = 1;

export class OutputLedger {
  private readonly previous: Record<string, Entry>;
  private readonly next = new Map<string, Entry>();
  written = 0;
  kept = 0;

  readonly site: string;
  readonly file: string;

  constructor(site: string, file: string) {
    this.site = site;
    this.file = file;
    let previous: Record<string, Entry> = {};
    try {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as { version: number; site: string; entries: Record<string, Entry> };
      if (stored.version === LEDGER_VERSION && stored.site === site) previous = stored.entries;
    } catch {
      // no ledger yet (a first build) or an unreadable one: every file is written
    }
    this.previous = previous;
  }

  /** Whether the file at `path` (inside the site) is the one written for `digest`; if it is, it counts as this build's output. */
  current(path: string, digest: string): boolean {
    const rel = this.rel(path);
    if (!this.matches(rel, digest)) return false;
    this.next.set(rel, this.previous[rel]!);
    this.kept += 1;
    return true;
  }

  /** Records that the file at `path` was just written for `digest`. */
  wrote(path: string, digest: string): void {
    const stat = statSync(path);
    this.next.set(this.rel(path), { digest, size: stat.size, mtimeMs: stat.mtimeMs });
    this.written += 1;
  }

  /** Writes `content` to `path` unless it is already there (by digest); returns whether it wrote. */
  write(path: string, content: string | Buffer): boolean {
    const digest = createHash('sha256').update(content).digest('hex');
    if (this.current(path, digest)) return false;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    this.wrote(path, digest);
    return true;
  }

  /** Whether every file last recorded under folder `dir` for `digest` is still there as written (and there was at least one). */
  currentTree(dir: string, digest: string): boolean {
    const prefix = `${this.rel(dir)}/`;
    const files = Object.keys(this.previous).filter((rel) => rel.startsWith(prefix));
    if (!files.length || !files.every((rel) => this.matches(rel, digest))) return false;
    for (const rel of files) this.next.set(rel, this.previous[rel]!);
    this.kept += files.length;
    return true;
  }

  /** Records every file under folder `dir` as just written for `digest`. */
  wroteTree(dir: string, digest: string): void {
    for (const path of listFiles(dir)) this.wrote(path, digest);
  }

  /** Was `rel` (a path inside the site, with /) placed through this ledger in this build? */
  has(rel: string): boolean {
    return this.next.has(rel);
  }

  save(): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const entries = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      writeFileSync(this.file, JSON.stringify({ version: LEDGER_VERSION, site: this.site, entries }));
    } catch {
      // a read-only cache folder only costs the next build its shortcut
    }
  }

  private matches(rel: string, digest: string): boolean {
    const entry = this.previous[rel];
    if (!entry || entry.digest !== digest) return false;
    const stat = statSync(join(this.site, rel), { throwIfNoEntry: false });
    return !!stat?.isFile() && stat.size === entry.size && stat.mtimeMs === entry.mtimeMs;
  }

  private rel(path: string): string {
    const rel = relative(this.site, path);
    if (rel.startsWith('..') || resolve(this.site, rel) !== resolve(path)) throw new Error(`${path} is outside the site folder ${this.site}`);
    return rel.split(sep).join('/');
  }
}

/** Every file under `dir`, as full paths, in name order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

const ledgers = new Map<string, OutputLedger>();

/** The ledger of the site folder `site` for this build (one per folder and process). */
export function ledgerFor(site: string, root = cacheRoot()): OutputLedger {
  const key = resolve(site);
  let ledger = ledgers.get(key);
  if (!ledger) {
    const name = createHash('sha256').update(key).digest('hex').slice(0, 16);
    ledger = new OutputLedger(key, join(root, 'output-ledger', `${name}.json`));
    ledgers.set(key, ledger);
  }
  return ledger;
}

/**
 * Removes from `site` every file that is not this build's output (see the top of this file) and
 * every folder left empty; `.git` is left alone, as Astro leaves it. Returns the paths removed.
 */
export function prune(site: string, produced: (rel: string, mtimeMs: number) => boolean): string[] {
  const removed: string[] = [];
  const walk = (d: string): boolean => {
    let empty = true;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) {
        if (d === site && entry.name === '.git') {
          empty = false;
          continue;
        }
        if (walk(p)) rmdirSync(p);
        else empty = false;
        continue;
      }
      const rel = relative(site, p).split(sep).join('/');
      if (produced(rel, statSync(p).mtimeMs)) empty = false;
      else {
        unlinkSync(p);
        removed.push(rel);
      }
    }
    return empty;
  };
  walk(site);
  return removed.sort();
}

/** The integration: keeps the site folder between builds, then removes what this build did not produce. List it last. */
export function siteOutput(): AstroIntegration {
  let started = 0;
  return {
    name: 'msc-site-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:build:start': () => {
        // the kernel stamps files from a coarse clock (a few ms behind Date.now()): a 100 ms margin keeps
        // every file written from here on, and no file of the last build is that recent (Node alone takes longer to start)
        started = Date.now() - 100;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const t0 = performance.now();
        const site = fileURLToPath(dir);
        const ledger = ledgerFor(site);
        const pages = new Set([...assets.values()].flat().map((url) => relative(site, fileURLToPath(url)).split(sep).join('/')));
        const removed = prune(site, (rel, mtimeMs) => mtimeMs >= started || pages.has(rel) || ledger.has(rel));
        ledger.save();
        ledgers.delete(resolve(site));
        const shown = removed.slice(0, 5).join(', ') + (removed.length > 5 ? ', …' : '');
        logger.info(
          `${ledger.written} data files written, ${ledger.kept} kept as they were; ${removed.length} file(s) from an earlier build removed${removed.length ? ` (${shown})` : ''} in ${Math.round(performance.now() - t0)} ms`,
        );
      },
    },
  };
}
