/** Collections: wiring only. Parsing lives in src/ingest; the schemas in src/schemas. */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { importReportLoader, trialsLoader } from './loaders/trials.ts';
import { CatalogueEntrySchema } from './schemas/trial.ts';
import { ImportReportSchema } from './schemas/import-report.ts';

export const collections = {
  trials: defineCollection({
    // CATALOGUE_SOURCES points a build at another folder of records (tests, benchmarks)
    loader: trialsLoader({
      base: process.env.CATALOGUE_SOURCES ?? 'content/sources',
      curation: process.env.CATALOGUE_CURATION ?? 'content/curation',
    }),
    schema: CatalogueEntrySchema,
  }),
  // the record files (or rows) the trials loader could not read, each with why: /data/import-report/
  importReport: defineCollection({ loader: importReportLoader(), schema: ImportReportSchema }),
  guides: defineCollection({
    loader: glob({ pattern: '*.mdx', base: 'content/guides' }),
    schema: z.object({
      title: z.string().min(1),
      description: z.string().min(1),
      published: z.coerce.date(),
      updated: z.coerce.date().optional(),
      author: z.string().min(1),
      /** trials the guide discusses; checked against the catalogue at build time */
      trials: z.array(z.string()).default([]),
    }),
  }),
  notes: defineCollection({
    // content/notes/<trial id>.mdx: editorial commentary shown on that trial's page
    loader: glob({ pattern: '*.mdx', base: 'content/notes' }),
    schema: z.object({
      author: z.string().min(1),
      date: z.coerce.date(),
      summary: z.string().optional(),
    }),
  }),
};
