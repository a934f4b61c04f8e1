/** Bad input gets a clear error naming the file, the field, what was expected and what was found. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile, validate } from '../../src/ingest/catalogue.ts';
import { IngestError } from '../../src/ingest/types.ts';

const BAD = 'tests/fixtures/records/bad';
const read = (path: string, content: string) => () => readSourceFile({ path, content });
const fixture = (name: string) => read(name, readFileSync(`${BAD}/${name}`, 'utf8'));

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
    const e = errorOf(read('other.json', '{"foo": 1}'));
    expect(e.field).toBe('protocolSection');
    expect(e.found).toBe('{"foo":1}');
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
