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
import { applyClassifications, applyCorrections, readCuration, type Curation } from './curation.ts';
import { groupRecords, mergeRecords, type Merged, type SourcedDraft } from './merge.ts';
import { flagTrial, type FlagOptions } from './flags.ts';
import { normalizeTrial, type Draft } from './normalize.ts';
import { readRecord } from './read.ts';
import { decodeRecord } from './encoding.ts';
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
  return { path: file.path, format: result.format, site: result.site, drafts };
}

export interface CurationInput {
  path: string;
  content: string;
}

export interface AssembleOptions extends FlagOptions {
  /** curation overlays (content/curation/*.yaml), applied after merging */
  curations?: readonly CurationInput[];
}

/**
 * Readings of all files → catalogue entries, sorted by id: records of the same trial merged
 * (merge.ts), facets classified, flags raised on what the records state, then curation overlays
 * applied on top (the flags keep describing the records; the curated values carry their reason).
 */
export function assemble(readings: readonly FileReading[], options: AssembleOptions): CatalogueEntry[] {
  const items: SourcedDraft[] = readings.flatMap((reading) =>
    reading.drafts.map((draft) => ({ draft, source: { file: reading.path, format: reading.format, site: reading.site } })),
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

  const entries = groupRecords(items).map((group) => finish(mergeRecords(group), options, overlays));
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
  const flags = flagTrial(draft, options);
  const { notes: _notes, ...fields } = draft;
  const provenance: Provenance = Object.fromEntries(Object.entries(merged.provenance).map(([k, v]) => [k, { sources: v.sources }]));
  const entry = { ...fields, therapy, sources, flags, provenance, sourceValues, facetEvidence: evidence };

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

/** Read a whole sources folder (for the CLI and tests; the Astro loader caches per file). */
export function loadCatalogue(dir: string, options: AssembleOptions): CatalogueEntry[] {
  const readings = listSourceFiles(dir).map((path) => readSourceFile(sourceFileAt(dir, path)));
  return assemble(readings, options);
}
