/**
 * One bad file never hides the catalogue: a file (or a row of a multi-record file) that cannot
 * become a trial is reported — file, row, reason, field, expected, found — and every other trial
 * is read. The build lists the report on /data/import-report/ (tests/integration/build.test.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble, loadCatalogueReport, readSourceFileOrReport, sortUnreadable, validate } from '../../src/ingest/catalogue.ts';
import { IngestError, unreadableOf } from '../../src/ingest/types.ts';
import { CONTRACT_FIELDS, explainTrial } from '../../src/ingest/explain.ts';
import { readFileSync } from 'node:fs';
import { toPublicTrial } from '../../src/schemas/trial.ts';
import { ImportReportSchema, UnreadableSchema } from '../../src/schemas/import-report.ts';

const key = (u: { file: string; row: number | null }) => (u.row === null ? u.file : `${u.file}#row-${u.row}`);

const asOf = new Date('2026-11-22T00:00:00Z');
const temp = mkdtempSync(join(tmpdir(), 'msc-report-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('a file that cannot be read', () => {
  it('becomes an import-report entry with its reason, field, expectation and finding', () => {
    const { reading, unreadable } = readSourceFileOrReport({ path: 'sub/untitled.txt', content: readFileSync('tests/fixtures/bad/no-title.txt', 'utf8') });
    expect(reading).toBeNull();
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]).toMatchObject({ file: 'sub/untitled.txt', row: null, field: 'title' });
    expect(unreadable[0]!.reason).toBe('the layout of this file is not one the catalogue knows, and no title could be read from it');
    expect(unreadable[0]!.found).toContain('"Some exported sheet"');
    expect(UnreadableSchema.parse(unreadable[0])).toEqual(unreadable[0]);
  });

  it('a readable file gives its reading and no entry', () => {
    const { reading, unreadable } = readSourceFileOrReport({ path: 'a.txt', content: readFileSync('content/sources/seeds/000_86288b0c402870c7.txt', 'utf8') });
    expect(reading?.drafts[0]!.id).toBe('NCT06688318');
    expect(unreadable).toEqual([]);
  });

  it('an error that is not about the record (a bug) is not hidden in the report', () => {
    expect(() => readSourceFileOrReport({ path: 'x.txt', content: null as unknown as string })).toThrow(TypeError);
  });
});

describe('the report can name a row of a multi-record file', () => {
  it('IngestError carries the row into the message and the entry', () => {
    const error = new IngestError('downloads/ctgov.csv', 'the row has no NCT Number', { row: 12, field: 'NCT Number', expected: 'NCT + 8 digits', found: '""' });
    expect(error.message).toBe('downloads/ctgov.csv, row 12: the row has no NCT Number\n  column: NCT Number\n  expected: NCT + 8 digits\n  found: ""');
    const entry = unreadableOf(error);
    expect(entry).toEqual({ file: 'downloads/ctgov.csv', row: 12, reason: 'the row has no NCT Number', field: 'NCT Number', expected: 'NCT + 8 digits', found: '""' });
    expect(ImportReportSchema.parse({ unreadable: [entry] })).toEqual({ unreadable: [entry] });
  });

  it('entries sort by file, then row', () => {
    const e = (file: string, row: number | null) => ({ file, row, reason: 'r', field: null, expected: null, found: null });
    expect(sortUnreadable([e('b.csv', 3), e('a.txt', null), e('b.csv', 1)]).map(key)).toEqual(['a.txt', 'b.csv#row-1', 'b.csv#row-3']);
  });
});

describe('a sources folder with bad files', () => {
  it('gives every readable trial and reports each bad file', () => {
    const dir = join(temp, 'sources');
    cpSync('content/sources/seeds', dir, { recursive: true });
    cpSync('tests/fixtures/bad/truncated.json', join(dir, 'bad/truncated.json'), { recursive: true });
    cpSync('tests/fixtures/bad/no-title.txt', join(dir, 'bad/untitled.txt'));
    writeFileSync(join(dir, 'bad/empty.txt'), '');
    const { entries, unreadable } = loadCatalogueReport(dir, { asOf });
    expect(entries.map((e) => e.id)).toEqual(['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891']);
    expect(unreadable.map((u) => [u.file, u.reason])).toEqual([
      ['bad/empty.txt', 'the file is empty'],
      ['bad/truncated.json', 'the file looks like JSON but cannot be parsed (truncated or damaged?)'],
      ['bad/untitled.txt', 'the layout of this file is not one the catalogue knows, and no title could be read from it'],
    ]);
  });

  it('a CSV download with bad rows: its other rows are trials, each bad row an entry with its row and column', () => {
    const dir = join(temp, 'csv-sources');
    cpSync('tests/fixtures/records/ctgov-csv/modern-fields-subset.csv', join(dir, 'downloads/subset.csv'), { recursive: true });
    const { entries, unreadable } = loadCatalogueReport(dir, { asOf });
    expect(entries.flatMap((e) => e.sources.map((s) => s.row))).toEqual([2, 3]);
    expect(unreadable.map((u) => [u.file, u.row, u.field])).toEqual([
      ['downloads/subset.csv', 4, 'Study Title'],
      ['downloads/subset.csv', 5, null],
      ['downloads/subset.csv', 6, 'NCT Number'],
    ]);
    expect(unreadable.map(key)).toEqual(['downloads/subset.csv#row-4', 'downloads/subset.csv#row-5', 'downloads/subset.csv#row-6']);
  });

  it('a trial that fails the schema is reported for each of its files when a report is kept, and stops the assembly otherwise', () => {
    const content = readFileSync('content/sources/seeds/000_86288b0c402870c7.txt', 'utf8');
    const reading = readSourceFileOrReport({ path: 'x.txt', content }).reading!;
    const broken = { ...reading, drafts: [{ ...reading.drafts[0]!, enrollment: { count: -3, type: null } }] };
    const unreadable: ReturnType<typeof sortUnreadable> = [];
    expect(assemble([broken], { asOf, unreadable })).toEqual([]);
    expect(unreadable).toEqual([
      expect.objectContaining({ file: 'x.txt', row: null, reason: 'trial NCT06688318 does not match the trial record schema', field: 'enrollment.count', found: '-3' }),
    ]);
    expect(() => assemble([broken], { asOf })).toThrow(/does not match the trial record schema/u);
    expect(() => validate({}, 'y.txt')).toThrow(IngestError);
  });
});

describe('what the curator command explains', () => {
  it('every contract field is read, or not read with why', () => {
    const content = readFileSync('tests/fixtures/records/ictrp/euctr-phases-answered.txt', 'utf8');
    const reading = readSourceFileOrReport({ path: 'e.txt', content }).reading!;
    const trial = toPublicTrial(assemble([reading], { asOf })[0]!);
    const { read, notRead } = explainTrial(trial);
    expect(read).toContain('phases');
    expect(notRead.find((n) => n.field === 'status')?.why).toContain('"Not Recruiting"');
    expect(notRead.find((n) => n.field === 'acronym')?.why).toBe('no field of the record states it');
    expect(read.length + notRead.length).toBe(CONTRACT_FIELDS.length);
  });
});
