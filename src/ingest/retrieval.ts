/**
 * When the catalogue retrieved each record file from its registry. A record states when the
 * registry last updated it (its as-of date); the date we copied it is ours to record, in two
 * places beside the records:
 *
 * - `ctgov/import.json`, the manifest `npm run import` keeps: per study, the date of the
 *   registry's answer that carried it (`studies.<NCT id>.retrieved`), for `ctgov/<NCT id>.json`;
 * - `_retrieved.yaml` at the root of the sources folder, written by hand for files placed by
 *   hand: `<file or folder/>: YYYY-MM-DD`. A folder (ending in "/") covers every file under it;
 *   a file's own entry wins over its folder's, a deeper folder over a shallower one.
 *
 * A date a record states about its own retrieval (ICTRP's "Last refreshed on") wins over both.
 * Pure functions: the loader reads the files and passes their text.
 */
import { isValid, parseISO } from 'date-fns';
import { parse as parseYaml } from 'yaml';
import { IngestError, showFound } from './types.ts';

/** The hand-written register, at the root of the sources folder (its "_" keeps it from being read as a record). */
export const RETRIEVAL_REGISTER = '_retrieved.yaml';
/** The import's manifest, relative to the sources folder. */
export const IMPORT_MANIFEST = 'ctgov/import.json';

export interface RetrievalFile {
  /** relative to the sources folder: RETRIEVAL_REGISTER or IMPORT_MANIFEST */
  path: string;
  content: string;
}

/** Retrieval dates by file path, and by folder prefix ("seeds/"). */
export interface Retrievals {
  files: ReadonlyMap<string, string>;
  folders: ReadonlyMap<string, string>;
}

export const NO_RETRIEVALS: Retrievals = { files: new Map(), folders: new Map() };

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(value) && isValid(parseISO(value));

/**
 * The register and the manifest → retrieval dates. `recordFiles` are the record files of the
 * folder: a register entry that names none of them is an error (a renamed or deleted file), so
 * no date is silently left unused. Throws IngestError naming the file, the entry, what was
 * expected and what was found.
 */
export function readRetrievals(inputs: readonly RetrievalFile[], recordFiles: readonly string[]): Retrievals {
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const manifest = inputs.find((f) => f.path === IMPORT_MANIFEST);
  if (manifest) {
    for (const [id, day] of manifestDates(manifest)) files.set(`ctgov/${id}.json`, day);
  }
  const register = inputs.find((f) => f.path === RETRIEVAL_REGISTER);
  if (register) {
    let doc: unknown;
    try {
      doc = parseYaml(register.content);
    } catch (error) {
      throw new IngestError(register.path, 'the retrieval register is not valid YAML', { expected: '<file or folder/>: YYYY-MM-DD, one per line', found: showFound((error as Error).message) });
    }
    if (doc === null || doc === undefined) return { files, folders };
    if (typeof doc !== 'object' || Array.isArray(doc)) {
      throw new IngestError(register.path, 'the retrieval register is not a map of files to dates', { expected: '<file or folder/>: YYYY-MM-DD, one per line', found: showFound(doc) });
    }
    for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
      const day = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (!isDay(day)) {
        throw new IngestError(register.path, `the retrieval date of ${key} is not a date`, { field: key, expected: 'a date, YYYY-MM-DD', found: showFound(value) });
      }
      const folder = key.endsWith('/');
      const known = folder ? recordFiles.some((f) => f.startsWith(key)) : recordFiles.includes(key);
      if (!known) {
        throw new IngestError(register.path, `the retrieval register names ${folder ? 'a folder with no record file' : 'a file that is not a record file of the sources folder'}`, {
          field: key,
          expected: folder ? 'a folder of content/sources holding record files, ending in "/"' : 'the path of a record file, relative to content/sources',
          found: showFound(key),
        });
      }
      (folder ? folders : files).set(key, day);
    }
  }
  return { files, folders };
}

function manifestDates(file: RetrievalFile): [string, string][] {
  let doc: unknown;
  try {
    doc = JSON.parse(file.content);
  } catch (error) {
    throw new IngestError(file.path, 'the import manifest is not valid JSON (restore it from version control, or run npm run import again)', { expected: 'JSON', found: showFound((error as Error).message) });
  }
  const studies = (doc as { studies?: unknown } | null)?.studies;
  if (typeof studies !== 'object' || studies === null || Array.isArray(studies)) {
    throw new IngestError(file.path, 'the import manifest lists no studies', { field: 'studies', expected: 'an object of studies by NCT number', found: showFound(studies) });
  }
  return Object.entries(studies as Record<string, unknown>).map(([id, entry]) => {
    const day = (entry as { retrieved?: unknown } | null)?.retrieved;
    if (!isDay(day)) {
      throw new IngestError(file.path, `the import manifest gives no retrieval date for ${id}`, { field: `studies.${id}.retrieved`, expected: 'a date, YYYY-MM-DD', found: showFound(day) });
    }
    return [id, day];
  });
}

/** The retrieval date of a record file: its own entry, else its deepest folder's, else null. */
export function retrievedOf(retrievals: Retrievals, file: string): string | null {
  const own = retrievals.files.get(file);
  if (own) return own;
  let best: { length: number; day: string } | null = null;
  for (const [folder, day] of retrievals.folders) {
    if (file.startsWith(folder) && (!best || folder.length > best.length)) best = { length: folder.length, day };
  }
  return best?.day ?? null;
}
