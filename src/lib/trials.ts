/** Reading the `trials` collection for pages: one place, sorted by id. */
import { getCollection } from 'astro:content';
import { toPublicTrial, type CatalogueEntry, type Trial } from '../schemas/trial.ts';

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
