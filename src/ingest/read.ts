/**
 * One record file → what it states: detect the format, run that format's reader.
 */
import { detectFormat } from './detect.ts';
import { readCtgovClassic } from './formats/ctgov-classic.ts';
import { readCtgovJson } from './formats/ctgov-json.ts';
import { readGeneric } from './formats/generic.ts';
import { readMeddatax } from './formats/meddatax.ts';
import { readMedpath } from './formats/medpath.ts';
import { readVeeva } from './formats/veeva.ts';
import type { ReadResult, Reader, SourceFile } from './types.ts';
import type { Format } from '../schemas/trial.ts';

export const READERS: Record<Exclude<Format, 'ctgov-json'>, Reader> = {
  veeva: readVeeva,
  meddatax: readMeddatax,
  medpath: readMedpath,
  'ctgov-classic': readCtgovClassic,
  generic: readGeneric,
};

export function readRecord(file: SourceFile): ReadResult {
  const detection = detectFormat(file);
  if (detection.format === 'ctgov-json') return readCtgovJson(file, detection.json);
  return READERS[detection.format](file);
}
