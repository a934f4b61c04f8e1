/** Collections: wiring only. Parsing lives in src/ingest; the schema in src/schemas. */
import { defineCollection } from 'astro:content';
import { trialsLoader } from './loaders/trials.ts';
import { CatalogueEntrySchema } from './schemas/trial.ts';

export const collections = {
  trials: defineCollection({
    loader: trialsLoader({ base: 'content/sources' }),
    schema: CatalogueEntrySchema,
  }),
};
