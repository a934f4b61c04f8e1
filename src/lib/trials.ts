/** Reading the `trials` collection for pages: one place, sorted by id. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import { toPublicTrial, type CatalogueEntry, type Trial } from '../schemas/trial.ts';
import { SITE, idSlug } from './site.ts';

let everything: Promise<CatalogueEntry[]> | null = null;

/** Every record the collection holds, catalogue and screened out, sorted by id. */
function everyEntry(): Promise<CatalogueEntry[]> {
  everything ??= getCollection('trials').then((entries) =>
    entries.map((e) => e.data as CatalogueEntry).sort((a, b) => a.id.localeCompare(b.id, 'en')),
  );
  return everything;
}

/**
 * The catalogue: every trial whose scope is MSC, MSC_CONTAINING or UNCLEAR (scope.ts), sorted by
 * id — a fresh array each call (callers sort and filter their own copy). Records that screen out
 * (OTHER) are not catalogue trials: they have no trial page and are listed by `screenedOut()`.
 */
export async function allTrials(): Promise<CatalogueEntry[]> {
  return (await everyEntry()).filter((e) => e.scope.value !== 'OTHER');
}

/** Every record the collection holds, catalogue and screened out (for counts that cover both). */
export async function everyRecord(): Promise<CatalogueEntry[]> {
  return [...(await everyEntry())];
}

/** The records read but screened out of the catalogue (scope OTHER), sorted by id. */
export async function screenedOut(): Promise<CatalogueEntry[]> {
  return (await everyEntry()).filter((e) => e.scope.value === 'OTHER');
}

let screenedPublicCache: Promise<Trial[]> | null = null;

/** The public records of the screened-out ones, for /data/screened-out.json. */
export async function screenedOutPublic(): Promise<Trial[]> {
  screenedPublicCache ??= screenedOut().then((entries) => entries.map(toPublicTrial));
  return [...(await screenedPublicCache)];
}

let publicCache: Promise<Trial[]> | null = null;

/** The public records of every trial, made once per build (every page and endpoint shares them). */
export async function publicTrials(): Promise<Trial[]> {
  publicCache ??= allTrials().then((entries) => entries.map(toPublicTrial));
  return [...(await publicCache)];
}

let byIdCache: Promise<Map<string, CatalogueEntry>> | null = null;

/** A trial by its id or any of its registry ids, in any case. */
export async function trialById(id: string): Promise<CatalogueEntry | undefined> {
  byIdCache ??= allTrials().then((entries) => {
    const map = new Map<string, CatalogueEntry>();
    for (const t of entries) map.set(t.id.toLowerCase(), t);
    for (const t of entries) for (const r of t.registryIds) if (!map.has(r.toLowerCase())) map.set(r.toLowerCase(), t);
    return map;
  });
  return (await byIdCache).get(id.toLowerCase());
}

export interface CatalogueStats {
  trials: number;
  files: number;
  /** record files by format */
  byFormat: Map<string, number>;
}

let statsCache: Promise<CatalogueStats> | null = null;

/** What the footer of every page says about the catalogue: counted once per build. */
export function catalogueStats(): Promise<CatalogueStats> {
  statsCache ??= allTrials().then((trials) => {
    const byFormat = new Map<string, number>();
    for (const t of trials) for (const s of t.sources) byFormat.set(s.format, (byFormat.get(s.format) ?? 0) + 1);
    return { trials: trials.length, files: new Set(trials.flatMap((t) => t.sources.map((s) => s.file))).size, byFormat };
  });
  return statsCache;
}

/**
 * Other paths that lead to a trial: its other registry ids and the lower-case forms of all its
 * ids. A path that is some trial's own id, or already an alias of an earlier trial, is skipped.
 */
export function trialAliases<T extends Trial>(trials: readonly T[]): { alias: string; trial: T }[] {
  const taken = new Set(trials.map((t) => idSlug(t.id)));
  const out: { alias: string; trial: T }[] = [];
  for (const trial of trials) {
    const candidates = [...trial.registryIds, ...trial.registryIds.map((r) => r.toLowerCase())].map(idSlug);
    for (const alias of candidates) {
      if (taken.has(alias)) continue;
      taken.add(alias);
      out.push({ alias, trial });
    }
  }
  return out;
}

/*
 * Cache keys for Astro's incremental builds (experimental.incrementalBuild): a page whose key and
 * code are unchanged since the last build is copied from the build cache instead of rendered.
 * A key must change whenever anything the page shows changes, so it is made of the trial's own
 * entry and of everything site-wide a page prints (the footer's counts, the build date, whether
 * social images exist).
 */
const entryHashes = new WeakMap<CatalogueEntry, string>();
const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** A digest of one trial's entry: its data, flags, provenance and curation. */
export function entryKey(entry: CatalogueEntry): string {
  let key = entryHashes.get(entry);
  if (!key) {
    key = sha(JSON.stringify(entry));
    entryHashes.set(entry, key);
  }
  return key;
}

let siteKeyCache: Promise<string> | null = null;

/**
 * The code and class names behind every page's shared assets. Astro's incremental build hashes a
 * page's own modules, but the one stylesheet (Tailwind's output, made from the class names in all
 * of src/ and the MDX) and the script chunk names can change through another file: a restored page
 * would then point at a stylesheet that no longer exists. Any change there renders every page.
 */
function assetSourcesDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['src', 'content/guides', 'content/notes']) walk(join(process.cwd(), dir));
  for (const file of ['astro.config.mjs', 'package-lock.json']) if (existsSync(file)) hash.update(file).update(readFileSync(file));
  return hash.digest('base64url').slice(0, 22);
}

/** What every page's frame shows and links: the footer's counts per format, the build date, the social images setting, the shared assets. */
export function siteKey(): Promise<string> {
  siteKeyCache ??= catalogueStats().then((s) =>
    sha(JSON.stringify([s.trials, s.files, [...s.byFormat].sort(), SITE.buildDate, SITE.ogImages, assetSourcesDigest()])),
  );
  return siteKeyCache;
}

let catalogueKeyCache: Promise<string> | null = null;

/** A digest of the whole catalogue: for pages that may show other trials (a trial page with an editorial note). */
export function catalogueKey(): Promise<string> {
  catalogueKeyCache ??= allTrials().then((entries) => sha(entries.map(entryKey).join(':')));
  return catalogueKeyCache;
}

/** Every entry with its public record (made once per build), in id order: for routes that need both. */
export async function trialsWithPublic(): Promise<{ entry: CatalogueEntry; trial: Trial }[]> {
  const [entries, trials] = await Promise.all([allTrials(), publicTrials()]);
  return entries.map((entry, i) => ({ entry, trial: trials[i]! }));
}
