/**
 * When the catalogue retrieved each record: the hand-written register (content/sources/_retrieved.yaml),
 * the import manifest (ctgov/import.json), a record's own statement — and the "possibly out of
 * date" flag they feed, judged against the catalogue's date.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, listSourceFiles, readSourceFile, retrievalsOf, sourceFileAt } from '../../src/ingest/catalogue.ts';
import { COPY_MAX_AGE_DAYS, flagTrial } from '../../src/ingest/flags.ts';
import { byRecency } from '../../src/ingest/merge.ts';
import { IMPORT_MANIFEST, RETRIEVAL_REGISTER, readRetrievals, retrievedOf } from '../../src/ingest/retrieval.ts';
import { IngestError } from '../../src/ingest/types.ts';
import type { Source } from '../../src/schemas/trial.ts';
import { draft } from './draft.ts';

const CSV = 'ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv';
const FILES = ['seeds/a.txt', 'seeds/deeper/b.txt', 'ctgov/NCT04042844.json', CSV];
const register = (content: string) => ({ path: RETRIEVAL_REGISTER, content });
const caught = (run: () => unknown): IngestError => {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
};

describe('the register of the real sources folder', () => {
  const retrievals = retrievalsOf('content/sources');
  it('dates the 2022 download to 2022-10-09 and leaves the seed copies undated', () => {
    expect(retrievedOf(retrievals, CSV)).toBe('2022-10-09');
    for (const seed of listSourceFiles('content/sources').filter((f) => f.startsWith('seeds/'))) expect(retrievedOf(retrievals, seed)).toBeNull();
  });
  it('gives every row of the download its file’s date, beside the row’s own last update', () => {
    const csv = readSourceFile(sourceFileAt('content/sources', CSV));
    const [first] = assemble([{ ...csv, drafts: csv.drafts.slice(0, 1) }], { asOf: new Date('2026-12-01T00:00:00Z'), retrievals });
    expect(first!.sources).toEqual([{ file: CSV, format: 'ctgov-csv-classic', site: 'clinicaltrials.gov', asOf: '2021-03-04', retrieved: '2022-10-09', row: 2 }]);
    const flag = first!.flags.find((f) => f.code === 'possibly-out-of-date')!;
    expect(flag.message).toBe(
      "The newest record the catalogue holds was retrieved on 2022-10-09 (the registry had last updated it on 2021-03-04): 4 years before this catalogue's date (2026-12-01). The registry may have changed the record since; its own page has the current one.",
    );
  });
});

describe('reading the register and the manifest', () => {
  it('a file’s own entry wins over its folder’s, a deeper folder over a shallower one', () => {
    const r = readRetrievals([register('seeds/: 2024-01-01\nseeds/deeper/: 2025-02-02\nseeds/a.txt: 2023-03-03\n')], FILES);
    expect(retrievedOf(r, 'seeds/a.txt')).toBe('2023-03-03');
    expect(retrievedOf(r, 'seeds/deeper/b.txt')).toBe('2025-02-02');
    expect(retrievedOf(r, CSV)).toBeNull();
  });
  it('takes each imported study’s date from the manifest, for its file ctgov/<id>.json', () => {
    const manifest = { path: IMPORT_MANIFEST, content: JSON.stringify({ version: 1, studies: { NCT04042844: { lastUpdatePostDate: '2024-04-16', retrieved: '2026-12-01' } } }) };
    expect(retrievedOf(readRetrievals([manifest], FILES), 'ctgov/NCT04042844.json')).toBe('2026-12-01');
  });
  it('an empty register dates nothing', () => {
    expect(retrievedOf(readRetrievals([register('# nothing yet\n')], FILES), CSV)).toBeNull();
  });
  it('refuses a value that is not a date, naming the register, the entry, what was expected and found', () => {
    const e = caught(() => readRetrievals([register(`${CSV}: October 2022\n`)], FILES));
    expect([e.file, e.field, e.expected, e.found]).toEqual([RETRIEVAL_REGISTER, CSV, 'a date, YYYY-MM-DD', '"October 2022"']);
    expect(caught(() => readRetrievals([register(`${CSV}: 2022-02-30\n`)], FILES)).found).toBe('"2022-02-30"');
  });
  it('refuses an entry for a file or folder that holds no record, so no date is silently unused', () => {
    const e = caught(() => readRetrievals([register('seeds/renamed.txt: 2024-01-01\n')], FILES));
    expect(e.reason).toBe('the retrieval register names a file that is not a record file of the sources folder');
    expect(e.field).toBe('seeds/renamed.txt');
    expect(caught(() => readRetrievals([register('old/: 2024-01-01\n')], FILES)).reason).toBe('the retrieval register names a folder with no record file');
  });
  it('refuses a register that is not a map, and a manifest study without a date', () => {
    expect(caught(() => readRetrievals([register('- a\n- b\n')], FILES)).reason).toBe('the retrieval register is not a map of files to dates');
    expect(caught(() => readRetrievals([register('a: [\n')], FILES)).reason).toBe('the retrieval register is not valid YAML');
    const manifest = { path: IMPORT_MANIFEST, content: JSON.stringify({ version: 1, studies: { NCT04042844: { lastUpdatePostDate: null } } }) };
    const e = caught(() => readRetrievals([manifest], FILES));
    expect([e.file, e.field, e.found]).toEqual([IMPORT_MANIFEST, 'studies.NCT04042844.retrieved', 'nothing']);
  });
});

describe('a record’s own retrieval date', () => {
  it('ICTRP’s “Last refreshed on” wins over the register', () => {
    const path = 'ictrp/chictr-nct-twin.txt';
    const reading = readSourceFile({ path, content: readFileSync(`tests/fixtures/records/${path}`, 'utf8') });
    const retrievals = readRetrievals([register(`ictrp/: 2026-01-01\n`)], [path]);
    const [entry] = assemble([reading], { asOf: new Date('2026-11-22T00:00:00Z'), retrievals });
    expect(entry!.sources[0]!.retrieved).toBe('2020-04-21');
  });
});

describe('recency between copies', () => {
  const src = (asOf: string | null, retrieved: string | null): Source => ({ file: 'x', format: 'ctgov-json', site: null, asOf, retrieved, row: null });
  it('of the same registry update, the later retrieval comes first; the last update still decides first', () => {
    expect(byRecency([src('2024-01-01', '2024-02-01'), src('2024-01-01', '2025-06-01')])).toEqual([1, 0]);
    expect(byRecency([src('2024-01-01', null), src('2024-01-01', '2025-06-01')])).toEqual([1, 0]);
    expect(byRecency([src('2024-03-01', '2024-03-02'), src('2024-01-01', '2026-06-01')])).toEqual([0, 1]);
  });
});

describe('possibly out of date', () => {
  const AS_OF = new Date('2026-11-22T00:00:00Z');
  const flag = (origin: { asOf: string | null; retrieved: string | null }) =>
    flagTrial(draft({ origin: { ...origin, row: null } }), { asOf: AS_OF }).find((f) => f.code === 'possibly-out-of-date') ?? null;
  it('is raised when the newest copy was retrieved more than a year before the catalogue’s date', () => {
    expect(flag({ asOf: '2021-03-04', retrieved: '2022-10-09' })).toEqual({
      code: 'possibly-out-of-date',
      field: 'sources',
      severity: 'info',
      message:
        "The newest record the catalogue holds was retrieved on 2022-10-09 (the registry had last updated it on 2021-03-04): 4 years before this catalogue's date (2026-11-22). The registry may have changed the record since; its own page has the current one.",
    });
  });
  it('is not raised for a recent copy of a record the registry last updated long ago', () => {
    expect(flag({ asOf: '2015-05-01', retrieved: '2026-11-01' })).toBeNull();
  });
  it('without a retrieval date, judges by the last update, and says the retrieval date is unknown', () => {
    expect(flag({ asOf: '2023-06', retrieved: null })!.message).toBe(
      "The newest record the catalogue holds was last updated on 2023-06, and the catalogue has no date of retrieval for it: 3 years before this catalogue's date (2026-11-22). The registry may have changed the record since; its own page has the current one.",
    );
    expect(flag({ asOf: '2026-01-10', retrieved: null })).toBeNull();
  });
  it(`is raised from ${COPY_MAX_AGE_DAYS + 1} days, not at ${COPY_MAX_AGE_DAYS}`, () => {
    expect(flag({ asOf: null, retrieved: '2025-11-22' })).toBeNull(); // 365 days
    expect(flag({ asOf: null, retrieved: '2025-11-21' })).not.toBeNull(); // 366 days
  });
  it('is not raised when no date is known at all (the page says the as-of date is not stated)', () => {
    expect(flag({ asOf: null, retrieved: null })).toBeNull();
  });
});
