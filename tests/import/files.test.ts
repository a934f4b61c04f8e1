/**
 * How the import writes: stable bytes, atomic replacement, and bookkeeping files the catalogue's
 * loader never reads as records.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BOOKKEEPING_FILES, isIgnored, listSourceFiles, loadCatalogue } from '../../src/ingest/catalogue.ts';
import { removeStaleTemps, stableStringify, tempNameFor, TEMP_FILE, writeFileAtomic } from '../../src/import/files.ts';
import { IMPORT_FOLDER, LOCK_FILE, MANIFEST_FILE, STATE_FILE } from '../../src/import/run.ts';
import { EXPORT } from './registry.ts';

const temp = mkdtempSync(join(tmpdir(), 'msc-import-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('stable serialisation', () => {
  it('writes keys sorted, two-space indented, with a final newline', () => {
    expect(stableStringify({ b: 1, a: [true, null, 'x'], c: { z: {}, y: [] } })).toBe(
      '{\n  "a": [\n    true,\n    null,\n    "x"\n  ],\n  "b": 1,\n  "c": {\n    "y": [],\n    "z": {}\n  }\n}\n',
    );
    expect(stableStringify({ '10': 'ten', '9': 'nine', 'é': 1, Z: 2 })).toBe('{\n  "10": "ten",\n  "9": "nine",\n  "Z": 2,\n  "é": 1\n}\n');
  });

  it('gives the same bytes for the same study whatever order its keys came in, and keeps its content', () => {
    const study = EXPORT[3]!;
    const reversed = JSON.parse(JSON.stringify(study), (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    );
    expect(Object.keys(reversed)).toEqual(Object.keys(study).reverse());
    expect(stableStringify(reversed)).toBe(stableStringify(study));
    expect(JSON.parse(stableStringify(study))).toEqual(study);
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => stableStringify({ a: Number.NaN })).toThrow('cannot write NaN as JSON');
    expect(() => stableStringify({ a: undefined })).toThrow('cannot write a undefined as JSON');
  });
});

describe('atomic writes', () => {
  it('replaces the file whole and leaves no temporary file', () => {
    const path = join(temp, 'NCT05287867.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new content\n');
    expect(readFileSync(path, 'utf8')).toBe('new content\n');
    expect(readdirSync(temp)).toEqual(['NCT05287867.json']);
  });

  it('writes beside the target under a name the loader ignores, and removes what a killed run left', () => {
    const name = tempNameFor(join(temp, 'NCT05287867.json'));
    expect(name.startsWith(`${temp}/.NCT05287867.json.${process.pid}.`)).toBe(true);
    const base = name.slice(temp.length + 1);
    expect(TEMP_FILE.test(base)).toBe(true);
    expect(isIgnored(base)).toBe(true);
    writeFileSync(name, '{"half": ');
    expect(removeStaleTemps(temp)).toEqual([base]);
    expect(readdirSync(temp)).toEqual(['NCT05287867.json']);
  });
});

describe('the catalogue does not read the import bookkeeping as records', () => {
  it('skips the manifest, the resume state, the lock and temporary files', () => {
    expect(BOOKKEEPING_FILES).toContain(`${IMPORT_FOLDER}/${MANIFEST_FILE}`);
    expect(isIgnored(STATE_FILE)).toBe(true);
    expect(isIgnored(LOCK_FILE)).toBe(true);

    const sources = join(temp, 'sources');
    mkdirSync(join(sources, IMPORT_FOLDER), { recursive: true });
    mkdirSync(join(sources, 'elsewhere'), { recursive: true });
    const dir = join(sources, IMPORT_FOLDER);
    writeFileSync(join(dir, 'NCT05287867.json'), stableStringify(EXPORT[0]));
    writeFileSync(join(dir, MANIFEST_FILE), JSON.stringify({ version: 1, lastRun: {}, studies: {} }));
    writeFileSync(join(dir, STATE_FILE), '{"version": 1}');
    writeFileSync(join(dir, LOCK_FILE), '12345');
    writeFileSync(join(dir, '.NCT06144970.json.12345.1.tmp'), '{"protocolSection": ');
    // only the import folder's manifest is bookkeeping: a record may be called import.json elsewhere
    writeFileSync(join(sources, 'elsewhere', MANIFEST_FILE), stableStringify(EXPORT[1]));

    expect(listSourceFiles(sources)).toEqual(['ctgov/NCT05287867.json', 'elsewhere/import.json']);
    expect(loadCatalogue(sources, { asOf: new Date('2026-12-01T00:00:00Z') }).map((t) => t.id)).toEqual(['NCT05287867', 'NCT06144970']);
  });
});
