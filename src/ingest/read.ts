/**
 * One record file → what it states: detect the format, run that format's reader.
 */
import { detectFormat } from './detect.ts';
import { readCtgovClassic } from './formats/ctgov-classic.ts';
import { readCtgovJson } from './formats/ctgov-json.ts';
import { readCtgovCsv } from './formats/ctgov-csv.ts';
import { readGeneric } from './formats/generic.ts';
import { readIctrp } from './formats/ictrp.ts';
import { readMeddatax } from './formats/meddatax.ts';
import { readMedpath } from './formats/medpath.ts';
import { readVeeva } from './formats/veeva.ts';
import { IngestError, type ReadResult, type Reader, type SourceFile } from './types.ts';
import { FORMAT } from '../domain/vocabulary.ts';
import type { Format } from '../schemas/trial.ts';

export const READERS: Record<Exclude<Format, 'ctgov-json' | 'ctgov-csv' | 'ctgov-csv-classic'>, Reader> = {
  veeva: readVeeva,
  meddatax: readMeddatax,
  medpath: readMedpath,
  'ctgov-classic': readCtgovClassic,
  ictrp: readIctrp,
  generic: readGeneric,
};

/**
 * Read a file with the reader of its layout. When a page looks like a known site but that site's
 * reader cannot read it (a variant the reader does not know: another page type, a copy that lost
 * its labels), the generic reader tries it, and the trial says so; if that fails too, the known
 * reader's error stands, as it is the more precise.
 */
export function readRecord(file: SourceFile): ReadResult {
  const detection = detectFormat(file);
  if (detection.format === 'ctgov-json') return readCtgovJson(file, detection.json);
  if (detection.format === 'ctgov-csv') return readCtgovCsv(file, 'modern');
  if (detection.format === 'ctgov-csv-classic') return readCtgovCsv(file, 'classic');
  try {
    return READERS[detection.format](file);
  } catch (error) {
    if (!(error instanceof IngestError) || detection.format === 'generic') throw error;
    let fallback: ReadResult;
    try {
      fallback = readGeneric(file);
    } catch {
      throw error;
    }
    for (const trial of fallback.trials) {
      trial.notes.push({
        code: 'generic-reader',
        field: null,
        severity: 'warning',
        message: `The page looks like ${FORMAT[detection.format].label} but that reader could not read it (${error.reason}); it was read by the generic reader instead.`,
      });
    }
    return fallback;
  }
}
