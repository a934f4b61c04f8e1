/**
 * The bad-input corpus (tests/fixtures/bad/, listed in its README): every file gives its named
 * error — file, field, what was expected, what was found — or a visible flag. Files are read as
 * the build reads them, bytes first (sourceFileAt), so encodings and binary data take the real path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile, sourceFileAt, validate } from '../../src/ingest/catalogue.ts';
import { IngestError } from '../../src/ingest/types.ts';

const BAD = 'tests/fixtures/bad';
const read = (path: string, content: string) => () => readSourceFile({ path, content });
const fixture = (name: string) => () => readSourceFile(sourceFileAt(BAD, name));
const asOf = new Date('2026-11-22T00:00:00Z');

function errorOf(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected an IngestError');
}

describe('bad records', () => {
  it('an empty file', () => {
    const e = errorOf(fixture('empty.txt'));
    expect(e.message).toBe('empty.txt: the file is empty\n  expected: a trial record (a copied trial page or ClinicalTrials.gov JSON)\n  found: zero bytes');
  });

  it('a file of white space', () => expect(errorOf(fixture('blank.txt')).message).toContain('blank.txt: the file is empty'));

  it('binary junk from the corpus (a damaged PNG)', () => {
    const e = errorOf(fixture('junk.bin'));
    expect(e.message).toMatch(/^junk\.bin: the file is not text \(binary data or a wrong encoding\)/u);
    expect(e.expected).toBe('UTF-8 text: a copied trial page or ClinicalTrials.gov JSON');
    expect(e.found).toMatch(/^\d+ control or undecodable characters in the first \d+ characters$/u);
  });

  it('invalid JSON (a trailing comma) names the place', () => {
    const e = errorOf(fixture('invalid.json'));
    expect(e.message).toMatch(/^invalid\.json: the file looks like JSON but cannot be parsed/u);
    expect(e.expected).toBe('a complete ClinicalTrials.gov API v2 JSON document');
    expect(e.found).toMatch(/line 3 column 103/u);
  });

  it('binary junk', () => {
    const junk = String.fromCharCode(...Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const e = errorOf(read('junk.bin', junk));
    expect(e.message).toMatch(/^junk\.bin: the file is not text \(binary data or a wrong encoding\)/u);
    expect(e.expected).toContain('UTF-8 text');
    expect(e.found).toMatch(/control or undecodable characters/u);
  });

  it('truncated JSON', () => {
    const e = errorOf(fixture('truncated.json'));
    expect(e.message).toMatch(/^truncated\.json: the file looks like JSON but cannot be parsed \(truncated or damaged\?\)/u);
    expect(e.found).toMatch(/Unterminated string/u);
  });

  it('JSON that is not ClinicalTrials.gov', () => {
    const e = errorOf(fixture('other.json'));
    expect(e.field).toBe('protocolSection');
    expect(e.found).toBe('{"foo":1,"bar":[true,null]}');
  });

  it('an unknown layout with no title', () => {
    const e = errorOf(fixture('no-title.txt'));
    expect(e.field).toBe('title');
    expect(e.message).toContain('no-title.txt: the layout of this file is not one the catalogue knows, and no title could be read from it');
    expect(e.found).toBe('no such label; the file starts with "Some exported sheet"');
  });

  it('a known layout whose title is missing', () => {
    const e = errorOf(fixture('veeva-no-title.txt'));
    expect(e.message).toContain('veeva-no-title.txt: no title could be read from this ClinicalTrials.Veeva page');
    expect(e.field).toBe('title');
  });

  it('two copies of one record merge into one trial with both as sources, and no conflict', () => {
    const content = readFileSync('../shared/seeds/000_86288b0c402870c7.txt', 'utf8');
    const entries = assemble([readSourceFile({ path: 'a.txt', content }), readSourceFile({ path: 'b/a-copy.txt', content })], { asOf: new Date() });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sources.map((s) => s.file)).toEqual(['a.txt', 'b/a-copy.txt']);
    expect(entries[0]!.flags.map((f) => f.code)).not.toContain('source-conflict');
  });

  it('a record that violates the schema names the field, the expectation and the value found', () => {
    const content = readFileSync('../shared/seeds/000_86288b0c402870c7.txt', 'utf8');
    const [entry] = assemble([readSourceFile({ path: 'x.txt', content })], { asOf: new Date() });
    const broken = { ...entry!, enrollment: { count: -3, type: 'GUESSED' } };
    const e = errorOf(() => validate(broken, 'x.txt'));
    expect(e.message).toMatch(/^x\.txt: trial NCT06688318 does not match the trial record schema/u);
    expect(e.field).toBe('enrollment.count');
    expect(e.expected).toMatch(/>=0|greater than or equal to 0/u);
    expect(e.found).toBe('-3');
  });
});

describe('bad records that are published, with a flag', () => {
  it('a record that is not UTF-8 is read as Windows-1252, keeps its accents and says so', () => {
    const bytes = readFileSync(`${BAD}/latin1.txt`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const reading = fixture('latin1.txt')();
    const [trial] = assemble([reading], { asOf });
    expect(trial!.id).toBe('ISRCTN99999903');
    expect(trial!.title).toBe("Mesenchymal stromal cells for Sjögren's syndrome: a pilot study in São Paulo");
    expect(trial!.sponsor).toBe('Universidade de São Paulo - Faculdade de Medicina');
    expect(JSON.stringify(trial)).not.toContain('\uFFFD');
    const flag = trial!.flags.find((f) => f.code === 'encoding-converted');
    expect(flag).toMatchObject({ severity: 'warning', field: null });
    expect(flag!.message).toContain('read as Windows-1252 (Latin-1)');
  });

  it('markup in a record stays text and is flagged with the fields that carry it', () => {
    const [trial] = assemble([fixture('script-injection.json')()], { asOf });
    expect(trial!.title).toBe("<script>alert('title')</script> Umbilical cord MSC for knee osteoarthritis");
    const flag = trial!.flags.find((f) => f.code === 'markup-in-text')!;
    expect(flag.field).toBe('title');
    expect(flag.message).toBe(
      "The record's text contains HTML markup (title: “<script>”; officialTitle: “</script>”; sponsor: “<img src=x onerror=alert('sponsor')>”; 8 more fields). It is shown as plain text and never run.",
    );
  });

  it('comparisons in criteria are not markup', () => {
    const [trial] = assemble([readSourceFile({ path: 'x.txt', content: readFileSync('../shared/seeds/003_437f84a799927563.txt', 'utf8') })], { asOf });
    expect(trial!.flags.map((f) => f.code)).not.toContain('markup-in-text');
  });

  it('an id collision with conflicting data merges into one trial and flags every disagreement', () => {
    const seed = readSourceFile({ path: '000_86288b0c402870c7.txt', content: readFileSync('../shared/seeds/000_86288b0c402870c7.txt', 'utf8') });
    const entries = assemble([seed, fixture('collision-NCT06688318.json')()], { asOf });
    expect(entries).toHaveLength(1);
    const [trial] = entries;
    expect(trial!.sources.map((s) => s.file)).toEqual(['collision-NCT06688318.json', '000_86288b0c402870c7.txt']);
    const conflicts = trial!.flags.filter((f) => f.code === 'source-conflict');
    expect(conflicts.map((f) => f.field).sort()).toEqual(['enrollment', 'status']);
    expect(conflicts.find((f) => f.field === 'enrollment')!.message).toBe(
      'Sources disagree on enrollment: “300 (estimated)” in collision-NCT06688318.json (clinicaltrials.gov) vs “11” in 000_86288b0c402870c7.txt (ctv.veeva.com). Shown: “300 (estimated)”, from ClinicalTrials.gov API v2 JSON, first in precedence.',
    );
  });
});
