/**
 * The whole ingestion: record files → trials of the catalogue.
 *
 *   files ──read──▶ what each states ──normalize──▶ drafts ──merge by id──▶ classify ▸ flag ▸ curate ▸ validate
 * `readSourceFile` is the per-file step (cacheable by content digest); `assemble` is the
 * cross-file step. `loadCatalogue` runs both over a folder, for the CLI and tests; the Astro
 * loader calls the two steps itself so it can cache the first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CatalogueEntrySchema, type CatalogueEntry, type Format, type Provenance } from '../schemas/trial.ts';
import { classify } from './classify.ts';
import { screenScope } from './scope.ts';
import { applyClassifications, applyCorrections, readCuration, type Curation } from './curation.ts';
import { groupRecords, mergeRecords, type Merged, type SourcedDraft } from './merge.ts';
import { flagTrial, type FlagOptions } from './flags.ts';
import { normalizeTrial, type Draft } from './normalize.ts';
import { readRecord } from './read.ts';
import { decodeRecord } from './encoding.ts';
import { IngestError, showFound, unreadableOf, type SourceFile, type Unreadable } from './types.ts';
import { IMPORT_MANIFEST, NO_RETRIEVALS, RETRIEVAL_REGISTER, readRetrievals, retrievedOf, type RetrievalFile, type Retrievals } from './retrieval.ts';

/** What one record file yields: its trials, normalised, with the file's format and site, and the rows it could not read. */
export interface FileReading {
  path: string;
  format: Format;
  site: string | null;
  drafts: Draft[];
  /** rows of a multi-record file (a CSV download) that cannot become trials; the other rows are read */
  unreadable: Unreadable[];
  /** labels the page has that its reader does not read (for the curator command) */
  ignored?: string[];
}

/** Files that are not records: names starting with "_" or ".", and READMEs. */
export function isIgnored(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.') || /^readme(\.[a-z0-9]+)?$/iu.test(name);
}

/**
 * Files of the sources folder that are bookkeeping, not records: the manifest `npm run import`
 * keeps beside the studies it writes (src/import/run.ts). Its resume state and temporary files
 * start with "." and are ignored by name.
 */
export const BOOKKEEPING_FILES: readonly string[] = [IMPORT_MANIFEST];

/** Every record file under `dir` (any depth), as paths relative to it with forward slashes, sorted. */
export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      if (isIgnored(name)) continue;
      const full = join(at, name);
      const path = relative(dir, full).split(sep).join('/');
      if (statSync(full).isDirectory()) walk(full);
      else if (!BOOKKEEPING_FILES.includes(path)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** Read and normalise one record file. Throws IngestError with the file named. */
export function readSourceFile(file: SourceFile): FileReading {
  const result = readRecord(file);
  const unreadable = result.failures ?? [];
  if (result.trials.length === 0 && unreadable.length === 0) {
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
    const draft = normalizeTrial(raw, file, i, result.trials.length);
    if (file.encoding === 'windows-1252') {
      draft.notes.push({
        code: 'encoding-converted',
        field: null,
        severity: 'warning',
        message: 'The record file is not UTF-8 text; it reads as Windows-1252 (Latin-1) and was read that way. Check accented names against the source.',
      });
    } else if (file.encoding === 'utf-8-damaged') {
      draft.notes.push({
        code: 'encoding-damaged',
        field: null,
        severity: 'warning',
        message: 'The record file is UTF-8 text with some damaged bytes (a cut-off or stray character); they are shown as “�”. Check the text against the source.',
      });
    }
    return draft;
  });
  return { path: file.path, format: result.format, site: result.site, drafts, unreadable, ...(result.ignored?.length ? { ignored: result.ignored } : {}) };
}

/**
 * Read one file without letting it stop the others: a file that cannot be read comes back as an
 * import-report entry (file, field, expected, found) instead of a reading; a multi-record file
 * brings the rows it could not read. Errors that are not IngestErrors are bugs and still throw.
 */
export function readSourceFileOrReport(file: SourceFile): { reading: FileReading | null; unreadable: Unreadable[] } {
  try {
    const reading = readSourceFile(file);
    return { reading, unreadable: reading.unreadable };
  } catch (error) {
    if (error instanceof IngestError) return { reading: null, unreadable: [unreadableOf(error)] };
    throw error;
  }
}

export interface CurationInput {
  path: string;
  content: string;
}

export interface AssembleOptions extends FlagOptions {
  /** when each record file was retrieved (retrieval.ts); none known when absent */
  retrievals?: Retrievals;
  /** curation overlays (content/curation/*.yaml), applied after merging */
  curations?: readonly CurationInput[];
  /**
   * When given, a trial that does not match the schema is left out and reported here (one entry
   * per record file of it) instead of stopping the assembly.
   */
  unreadable?: Unreadable[];
}

/**
 * Readings of all files → catalogue entries, sorted by id: records of the same trial merged
 * (merge.ts), facets classified, flags raised on what the records state, then curation overlays
 * applied on top (the flags keep describing the records; the curated values carry their reason).
 */
export function assemble(readings: readonly FileReading[], options: AssembleOptions): CatalogueEntry[] {
  const items: SourcedDraft[] = readings.flatMap((reading) =>
    reading.drafts.map((draft) => ({
      draft,
      source: {
        file: reading.path,
        format: reading.format,
        site: reading.site,
        asOf: draft.origin.asOf,
        // a date the record states about its own retrieval wins over the register's
        retrieved: draft.origin.retrieved ?? retrievedOf(options.retrievals ?? NO_RETRIEVALS, reading.path),
        row: draft.origin.row,
      },
    })),
  );
  const overlays = new Map<string, { path: string; curation: Curation }>();
  for (const file of options.curations ?? []) {
    const { trial, curation } = readCuration(file);
    const previous = overlays.get(trial.toLowerCase());
    if (previous) {
      throw new IngestError(file.path, `a second curation file for trial ${trial}`, { expected: 'one overlay per trial', found: `${previous.path} and ${file.path}` });
    }
    overlays.set(trial.toLowerCase(), { path: file.path, curation });
  }

  const entries = groupRecords(items).flatMap((group) => {
    try {
      return [finish(mergeRecords(group), options, overlays)];
    } catch (error) {
      if (!(error instanceof IngestError) || !options.unreadable) throw error;
      for (const item of group) options.unreadable.push({ ...unreadableOf(error), file: item.source.file });
      return [];
    }
  });
  const seen = new Map<string, CatalogueEntry>();
  for (const entry of entries) {
    const other = seen.get(entry.id);
    if (other) {
      throw new IngestError(entry.sources[0]!.file, `two trials came out with the same id ${entry.id}`, {
        field: 'id',
        expected: 'one trial per id',
        found: `${entry.id} from ${[...other.sources, ...entry.sources].map((s) => s.file).join(', ')}`,
      });
    }
    seen.set(entry.id, entry);
  }
  for (const [trial, { path }] of overlays) {
    if (![...seen.values()].some((e) => e.id.toLowerCase() === trial || e.registryIds.some((r) => r.toLowerCase() === trial))) {
      throw new IngestError(path, `the curation file is for trial ${trial.toUpperCase()}, which is not in the catalogue`, {
        field: 'trial',
        expected: 'the id (or another registry id) of a trial in content/sources',
        found: showFound(trial),
      });
    }
  }
  return entries.sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

function finish(merged: Merged, options: AssembleOptions, overlays: Map<string, { path: string; curation: Curation }>): CatalogueEntry {
  const { draft, sources, sourceValues } = merged;
  const { therapy, evidence } = classify(draft);
  const scope = screenScope(draft);
  const flags = flagTrial({ ...draft, scope }, { ...options, formats: sources.map((s) => s.format) });
  const { notes: _notes, origin: _origin, ...fields } = draft;
  const provenance: Provenance = Object.fromEntries(Object.entries(merged.provenance).map(([k, v]) => [k, { sources: v.sources }]));
  const entry = { ...fields, scope, therapy, sources, flags, provenance, sourceValues, facetEvidence: evidence };

  const overlay = [draft.id, ...draft.registryIds].map((id) => overlays.get(id.toLowerCase())).find(Boolean);
  if (overlay) {
    const changes = [
      ...applyCorrections(entry as unknown as Record<string, unknown>, overlay.curation),
      ...applyClassifications(entry.therapy, overlay.curation),
    ];
    for (const change of changes) {
      entry.provenance[change.field] = {
        sources: entry.provenance[change.field]?.sources ?? [],
        curated: { reviewer: change.reviewer, reason: change.reason, date: change.date, original: change.original },
      };
    }
    entry.flags.push({
      code: 'curated',
      field: null,
      severity: 'info',
      message: `A curator corrected ${changes.map((c) => c.field).join(', ')} (${overlay.path}); the original values are kept with the reasons.`,
    });
  }
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

/** The curation overlays of a folder (content/curation/*.yaml), as paths relative to the project. */
export function readCurationFiles(dir: string): CurationInput[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/iu.test(name) && !isIgnored(name))
    .sort()
    .map((name) => ({ path: `${dir.replace(/\/+$/u, '').split(sep).join('/')}/${name}`, content: readFileSync(join(dir, name), 'utf8') }));
}

/** A record file as the readers take it: its bytes decoded (UTF-8, else Windows-1252 with a flag). */
export function sourceFileAt(dir: string, path: string): SourceFile {
  const { content, encoding } = decodeRecord(readFileSync(join(dir, path)));
  return { path, content, ...(encoding === 'utf-8' ? {} : { encoding }) };
}

/** The retrieval register and the import manifest of a sources folder, those present. */
export function readRetrievalFiles(dir: string): RetrievalFile[] {
  return [RETRIEVAL_REGISTER, IMPORT_MANIFEST].flatMap((path) => {
    try {
      return [{ path, content: readFileSync(join(dir, path), 'utf8') }];
    } catch {
      return [];
    }
  });
}

/** When each record file of a folder was retrieved (retrieval.ts). */
export function retrievalsOf(dir: string, paths: readonly string[] = listSourceFiles(dir)): Retrievals {
  return readRetrievals(readRetrievalFiles(dir), paths);
}

/** Read a whole sources folder (for the CLI and tests; the Astro loader caches per file). Stops at the first unreadable file. */
export function loadCatalogue(dir: string, options: AssembleOptions): CatalogueEntry[] {
  const paths = listSourceFiles(dir);
  const readings = paths.map((path) => readSourceFile(sourceFileAt(dir, path)));
  return assemble(readings, { retrievals: retrievalsOf(dir, paths), ...options });
}

/** Read a whole sources folder as the build does: every readable trial, and the files (or rows) that could not be read. */
export function loadCatalogueReport(dir: string, options: AssembleOptions): { entries: CatalogueEntry[]; unreadable: Unreadable[] } {
  const unreadable: Unreadable[] = [];
  const readings: FileReading[] = [];
  const paths = listSourceFiles(dir);
  for (const path of paths) {
    const result = readSourceFileOrReport(sourceFileAt(dir, path));
    unreadable.push(...result.unreadable);
    if (result.reading) readings.push(result.reading);
  }
  const entries = assemble(readings, { retrievals: retrievalsOf(dir, paths), ...options, unreadable });
  return { entries, unreadable: sortUnreadable(unreadable) };
}

/** The import report in a stable order: by file, then row. */
export function sortUnreadable(list: readonly Unreadable[]): Unreadable[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file, 'en') || (a.row ?? 0) - (b.row ?? 0));
}
