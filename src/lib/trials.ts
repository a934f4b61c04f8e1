/** Reading the `trials` collection for pages: one place, sorted by id. */
import { getCollection } from 'astro:content';
import { toPublicTrial, type CatalogueEntry, type Trial } from '../schemas/trial.ts';
import { idSlug } from './site.ts';

let cache: Promise<CatalogueEntry[]> | null = null;

/** Every entry, sorted by id: a fresh array each call (callers sort and filter their own copy). */
export async function allTrials(): Promise<CatalogueEntry[]> {
  cache ??= getCollection('trials').then((entries) =>
    entries.map((e) => e.data as CatalogueEntry).sort((a, b) => a.id.localeCompare(b.id, 'en')),
  );
  return [...(await cache)];
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
export function trialAliases(trials: readonly Trial[]): { alias: string; trial: Trial }[] {
  const taken = new Set(trials.map((t) => idSlug(t.id)));
  const out: { alias: string; trial: Trial }[] = [];
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
