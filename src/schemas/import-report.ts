/**
 * The import report: record files — or rows of a multi-record file — that could not become a
 * trial, each with why. Published as /data/import-report/ and /data/import-report.json.
 */
import { z } from 'astro/zod';

export const UnreadableSchema = z
  .object({
    file: z.string().min(1).describe('Path of the record file relative to content/sources/'),
    row: z.number().int().min(1).nullable().describe('The row of a multi-record file (a CSV download, counting the header as row 1); null for the whole file'),
    reason: z.string().min(1).describe('Why the file or row cannot become a trial'),
    field: z.string().nullable().describe('The field concerned'),
    expected: z.string().nullable().describe('What the catalogue expected'),
    found: z.string().nullable().describe('What the file holds instead'),
  })
  .strict();

export type UnreadableEntry = z.infer<typeof UnreadableSchema>;

/** The report of one build: one entry (so the collection is never empty), every unreadable file or row in it. */
export const ImportReportSchema = z.object({ unreadable: z.array(UnreadableSchema) }).strict();

/** The id of the report's one entry in the `importReport` collection. */
export const IMPORT_REPORT_ID = 'report';
