/** Collections: wiring only. Parsing lives in src/ingest; the schema in src/schemas. */
import { defineCollection } from 'astro:content';
import { trialsLoader } from './loaders/trials.ts';
import { CatalogueEntrySchema } from './schemas/trial.ts';

export const collections = {
  trials: defineCollection({
    // CATALOGUE_SOURCES points a build at another folder of records (tests, benchmarks)
    loader: trialsLoader({ base: process.env.CATALOGUE_SOURCES ?? 'content/sources' }),
    schema: CatalogueEntrySchema,
  }),
};
