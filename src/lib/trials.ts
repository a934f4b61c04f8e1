/** Reading the `trials` collection for pages: one place, sorted by id. */
import { getCollection } from 'astro:content';
import { toPublicTrial, type CatalogueEntry, type Trial } from '../schemas/trial.ts';
import { idSlug } from './site.ts';

let cache: Promise<CatalogueEntry[]> | null = null;

export function allTrials(): Promise<CatalogueEntry[]> {
  cache ??= getCollection('trials').then((entries) =>
    entries.map((e) => e.data as CatalogueEntry).sort((a, b) => a.id.localeCompare(b.id, 'en')),
  );
  return cache;
}

export async function publicTrials(): Promise<Trial[]> {
  return (await allTrials()).map(toPublicTrial);
}

export async function trialById(id: string): Promise<CatalogueEntry | undefined> {
  const wanted = id.toLowerCase();
  return (await allTrials()).find((t) => t.id.toLowerCase() === wanted || t.registryIds.some((r) => r.toLowerCase() === wanted));
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
