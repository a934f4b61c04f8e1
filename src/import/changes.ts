/**
 * What a newly imported version of a study changes in the catalogue's record of it: the old and
 * the new file are each read as the build reads them (`readSourceFile`, `assemble`) and their
 * public trials compared field by field (`diffTrials`): "status: "RECRUITING" → "COMPLETED"".
 * Each file is read on its own, not merged with the trial's other records.
 */
import { assemble, readSourceFile } from '../ingest/catalogue.ts';
import { diffTrials } from '../ingest/diff.ts';
import { IngestError } from '../ingest/types.ts';
import { toPublicTrial, type CatalogueEntry } from '../schemas/trial.ts';

/** A study file as the build would publish it (alone). Throws IngestError naming the file. */
export function readStudyFile(path: string, content: string, asOf: Date): CatalogueEntry {
  const entries = assemble([readSourceFile({ path, content })], { asOf });
  if (entries.length !== 1) {
    throw new IngestError(path, 'the study file does not make exactly one trial', { expected: '1 trial', found: `${entries.length}` });
  }
  return entries[0]!;
}

/**
 * The field-level changes from the `before` text of a study file to its new version (already
 * read: `after`), as lines. A previous file the catalogue could not read makes every field new.
 */
export function studyChanges(path: string, before: string, after: CatalogueEntry, asOf: Date): string[] {
  let old: CatalogueEntry;
  try {
    old = readStudyFile(path, before, asOf);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return [`the previous file could not be read (${error.message.split('\n')[0]}); every field is new`];
  }
  const changes = diffTrials(toPublicTrial(old), toPublicTrial(after));
  if (changes.length === 0) return ['no field of the public record changes (the registry changed other parts of its record)'];
  return changes.map((c) => `${c.path}: ${c.before} → ${c.after}`);
}

/** Whether a study screens out of the catalogue. */
export type ScopeVerdict = { screened: false } | { screened: true; outOfScope: string | null };

/** A study read alone screens out when its scope is OTHER (scope.ts); the reason says why. */
export function scopeVerdict(entry: CatalogueEntry): ScopeVerdict {
  return { screened: true, outOfScope: entry.scope.value === 'OTHER' ? entry.scope.reason : null };
}
