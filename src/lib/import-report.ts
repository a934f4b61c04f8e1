/** The import report for pages: the record files (or rows) that could not become a trial, sorted by file and row. */
import { getEntry } from 'astro:content';
import { IMPORT_REPORT_ID, type UnreadableEntry } from '../schemas/import-report.ts';

async function read(): Promise<UnreadableEntry[]> {
  const entry = await getEntry('importReport', IMPORT_REPORT_ID);
  const list = (entry?.data.unreadable ?? []) as UnreadableEntry[];
  return [...list].sort((a, b) => a.file.localeCompare(b.file, 'en') || (a.row ?? 0) - (b.row ?? 0));
}

let cache: Promise<UnreadableEntry[]> | null = null;

export function unreadableRecords(): Promise<UnreadableEntry[]> {
  cache ??= read();
  return cache;
}
