/**
 * The whole ingestion: record files → trials of the catalogue.
 *
 *   files ──read──▶ what each states ──normalize──▶ drafts ──group by id──▶ classify ▸ flag ▸ validate
 *
 * Two records of one trial are refused for now (see `assemble`), so no record silently replaces
 * another; merging them field by field is the job of merge.ts.
 * `readSourceFile` is the per-file step (cacheable by content digest); `assemble` is the
 * cross-file step. `loadCatalogue` runs both over a folder, for the CLI and tests; the Astro
 * loader calls the two steps itself so it can cache the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import {
  CatalogueEntrySchema,
  type CatalogueEntry,
  type Format,
  type Provenance,
  type Source,
} from '../schemas/trial.ts';
import { classify } from './classify.ts';
import { flagTrial, type FlagOptions } from './flags.ts';
import { normalizeTrial, type Draft } from './normalize.ts';
import { readRecord } from './read.ts';
import { IngestError, showFound, type SourceFile } from './types.ts';

/** What one record file yields: its trials, normalised, with the file's format and site. */
export interface FileReading {
  path: string;
  format: Format;
  site: string | null;
  drafts: Draft[];
}

/** Files that are not records: names starting with "_" or ".", and READMEs. */
export function isIgnored(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.') || /^readme(\.[a-z0-9]+)?$/iu.test(name);
}

/** Every record file under `dir` (any depth), as paths relative to it with forward slashes, sorted. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      if (isIgnored(name)) continue;
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Read and normalise one record file. Throws IngestError with the file named. */
export function readSourceFile(file: SourceFile): FileReading {
  const result = readRecord(file);
  if (result.trials.length === 0) {
    throw new IngestError(file.path, 'the file holds no trial', { expected: 'at least one study', found: 'none' });
  }
  const drafts = result.trials.map((raw, i) => {
    if (!raw.title) {
      throw new IngestError(file.path, `no title could be read${result.trials.length > 1 ? ` for study ${i + 1}` : ''}`, {
        field: 'title',
        expected: 'the brief title of the trial',
        found: 'nothing',
      });
    }
    return normalizeTrial(raw, file, i, result.trials.length);
  });
  return { path: file.path, format: result.format, site: result.site, drafts };
}

export interface AssembleOptions extends FlagOptions {}

/**
 * Readings of all files → catalogue entries, sorted by id. Two records of the same trial are
 * an error until merging exists, so no trial silently replaces another.
 */
export function assemble(readings: readonly FileReading[], options: AssembleOptions): CatalogueEntry[] {
  const byId = new Map<string, { draft: Draft; source: Source }[]>();
  for (const reading of readings) {
    for (const draft of reading.drafts) {
      const list = byId.get(draft.id) ?? [];
      list.push({ draft, source: { file: reading.path, format: reading.format, site: reading.site } });
      byId.set(draft.id, list);
    }
  }
  const entries: CatalogueEntry[] = [];
  for (const [id, records] of byId) {
    if (records.length > 1) {
      const files = records.map((r) => r.source.file);
      throw new IngestError(files[1]!, `a second record of trial ${id}`, {
        field: 'id',
        expected: 'one record file per trial',
        found: `${id} in ${files.join(' and ')}`,
      });
    }
    const { draft, source } = records[0]!;
    entries.push(finish(draft, [source], options));
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

function finish(draft: Draft, sources: Source[], options: AssembleOptions): CatalogueEntry {
  const { therapy, evidence } = classify(draft);
  const flags = flagTrial(draft, options);
  const { notes: _notes, ...fields } = draft;
  const provenance: Provenance = {};
  const entry = { ...fields, therapy, sources, flags, provenance, facetEvidence: evidence };
  return validate(entry, sources[0]!.file);
}

/** Check an entry against the schema; a violation names the file, the field, what was expected and found. */
export function validate(entry: unknown, file: string): CatalogueEntry {
  const result = CatalogueEntrySchema.safeParse(entry);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  let found: unknown = entry;
  for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
  const id = (entry as { id?: unknown }).id;
  throw new IngestError(file, `trial ${typeof id === 'string' ? id : '(no id)'} does not match the trial record schema`, {
    field: path || '(the record)',
    expected: issue.message,
    found: showFound(found),
  });
}

/** Read a whole sources folder (for the CLI and tests; the Astro loader caches per file). */
export function loadCatalogue(dir: string, options: AssembleOptions): CatalogueEntry[] {
  const readings = listSourceFiles(dir).map((path) =>
    readSourceFile({ path, content: readFileSync(join(dir, path), 'utf8') }),
  );
  return assemble(readings, options);
}
