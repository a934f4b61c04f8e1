/**
 * How the import writes: a stable serialisation (the same object always gives the same bytes,
 * whatever order the registry sent its keys in) and atomic file replacement (a reader, or a
 * killed run, sees the old file or the new one, never half of one).
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * JSON with every object's keys in code-unit order, two-space indentation and a final newline.
 * Array order is kept (it means something); strings and numbers are written as JSON.stringify
 * writes them. Refuses what JSON cannot carry (undefined, functions, non-finite numbers).
 */
export function stableStringify(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as JSON`);
    return JSON.stringify(value);
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${write(v, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    if (keys.length === 0) return '{}';
    const record = value as Record<string, unknown>;
    return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write(record[k], inner)}`).join(',\n')}\n${indent}}`;
  }
  throw new Error(`cannot write a ${typeof value} as JSON`);
}

let counter = 0;

/**
 * The temporary name for a file being written: in the same folder (so the rename is atomic),
 * starting with "." (so the catalogue's loader never reads it as a record).
 */
export function tempNameFor(path: string): string {
  counter += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${counter}.tmp`);
}

/** Temporary files of earlier, killed runs in a folder. */
export const TEMP_FILE = /^\..+\.\d+\.\d+\.tmp$/u;

/** Write a file atomically: a temporary file in the same folder, flushed to disk, then renamed over the target. */
export function writeFileAtomic(path: string, data: string): void {
  const temp = tempNameFor(path);
  let fd: number | null = openSync(temp, 'wx');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** A file's text, or null when it does not exist. */
export function readIfExists(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Remove the temporary files a killed run left in `dir`; returns their names. */
export function removeStaleTemps(dir: string): string[] {
  const stale = readdirSync(dir).filter((name) => TEMP_FILE.test(name));
  for (const name of stale) unlinkSync(join(dir, name));
  return stale;
}
