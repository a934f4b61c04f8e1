/**
 * The bad-input corpus (tests/fixtures/bad/, listed in its README): every file gives its named
 * error — file, field, what was expected, what was found — or a visible flag. Files are read as
 * the build reads them, bytes first (sourceFileAt), so encodings and binary data take the real path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile, sourceFileAt, validate } from '../../src/ingest/catalogue.ts';
import { IngestError } from '../../src/ingest/types.ts';
import { decodeRecord } from '../../src/ingest/encoding.ts';
import { markupFields } from '../../src/ingest/flags.ts';
import type { Draft } from '../../src/ingest/normalize.ts';

const emptyText = { title: 'x', officialTitle: null, sponsor: null, summary: null, description: null, conditions: [], keywords: [], interventions: [], eligibility: { inclusion: [], exclusion: [] }, locations: [] } as unknown as Draft;

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
    expect(e.found).toBe('no such label or heading; the first heading-like line, "Some exported sheet", is not taken as the title because the page names no registry id either (and it is too short to be a trial\'s title)');
  });

  it('a known layout whose title is missing', () => {
    const e = errorOf(fixture('veeva-no-title.txt'));
    expect(e.message).toContain('veeva-no-title.txt: no title could be read from this ClinicalTrials.Veeva page');
    expect(e.field).toBe('title');
  });

  it('two copies of one record merge into one trial with both as sources, and no conflict', () => {
    const content = readFileSync('content/sources/seeds/000_86288b0c402870c7.txt', 'utf8');
    const entries = assemble([readSourceFile({ path: 'a.txt', content }), readSourceFile({ path: 'b/a-copy.txt', content })], { asOf: new Date() });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.sources.map((s) => s.file)).toEqual(['a.txt', 'b/a-copy.txt']);
    expect(entries[0]!.flags.map((f) => f.code)).not.toContain('source-conflict');
  });

  it('a record that violates the schema names the field, the expectation and the value found', () => {
    const content = readFileSync('content/sources/seeds/000_86288b0c402870c7.txt', 'utf8');
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
    expect(flag!.message).toContain('reads as Windows-1252 (Latin-1)');
    // Windows-1252's own punctuation in 0x80–0x9F, not Latin-1's control codes
    expect(trial!.eligibility.inclusion).toContain('Primary Sjögren’s syndrome (ACR/EULAR 2016) – ESSDAI >= 5; “active” disease; cost under €500');
  });

  it('a UTF-8 file with one damaged byte stays UTF-8: its accents are kept, the byte shows as �, and it is flagged', () => {
    const text = readFileSync('tests/fixtures/bad/latin1.txt').toString('latin1').replace(/[\u0080-\uffff]/gu, '');
    const utf8 = Buffer.from(text.replace('Public title: Mesenchymal', 'Public title: São Paulo – Sjögren’s mesenchymal'), 'utf8');
    const damaged = Buffer.concat([utf8.subarray(0, 200), Buffer.from([0xe3]), utf8.subarray(200)]);
    const decoded = decodeRecord(damaged);
    expect(decoded.encoding).toBe('utf-8-damaged');
    expect(decoded.content).toContain('São Paulo – Sjögren’s mesenchymal');
    expect(decoded.content).toContain('\uFFFD');
    const [trial] = assemble([readSourceFile({ path: 'd.txt', content: decoded.content, encoding: decoded.encoding })], { asOf });
    expect(trial!.flags.map((f) => f.code)).toContain('encoding-damaged');
  });

  it('double-byte text (GBK) is refused as not text, not published as garbled Latin-1', () => {
    // "间充质干细胞治疗" in GBK, repeated as a record body would be
    const gbk = Buffer.from('bca3b3e4d6cab8c9cfb8b0fbd6cec1c6'.repeat(40), 'hex');
    const decoded = decodeRecord(Buffer.concat([Buffer.from('Title: '), gbk]));
    expect(decoded.encoding).toBe('utf-8');
    const e = errorOf(() => readSourceFile({ path: 'gbk.txt', content: decoded.content }));
    expect(e.message).toMatch(/^gbk\.txt: the file is not text \(binary data or a wrong encoding\)/u);
  });

  it('markup in a record stays text and is flagged with the fields that carry it', () => {
    const [trial] = assemble([fixture('script-injection.json')()], { asOf });
    expect(trial!.title).toBe("<script>alert('title')</script> Umbilical cord MSC for knee osteoarthritis");
    const flag = trial!.flags.find((f) => f.code === 'markup-in-text')!;
    expect(flag.field).toBe('title');
    expect(flag.message).toBe(
      "The record's text contains HTML markup (title: “<script>”; officialTitle: “</script>”; sponsor: “<img src=x onerror=”; 7 more fields). It is shown as plain text and never run.",
    );
  });

  it('comparisons in criteria are not markup; pasted formatting and active markup are', () => {
    const quotes = (text: string) => markupFields({ ...emptyText, eligibility: { ...emptyText.eligibility, inclusion: [text] } }).map((f) => f.quote);
    for (const prose of ['Age <18 years', 'p<0.05', 'HbA1c < 7%', 'eGFR <a threshold of 30 ml/min and ALT >3x ULN', 'weight <i.e. 40 kg> excluded', 'Time from symptom onset = 72 h', 'ONSET=acute', 'neutrophils < 1.0 × 10^9/L', 'a<b and c>d'])
      expect(quotes(prose), prose).toEqual([]);
    const marked: [string, string][] = [
      ['10<sup>6</sup> cells/kg', '<sup>'],
      ['<ul><li>x</li></ul>', '<ul>'],
      ['<base href=//evil.example>', '<base href=//evil.example>'],
      ['<script src=//evil.js', '<script'],
      ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
      ['<b onmouseover=alert(1)>bold</b>', '<b onmouseover=alert(1)>'],
      ['<a href="javascript:alert(2)">x</a>', '<a href="javascript:alert(2)">'],
      ['see javascript:alert(3)', 'javascript:'],
    ];
    for (const [text, quote] of marked) expect(quotes(text), text).toEqual([quote]);
    // the real records: criteria full of "<" and ">" comparisons, none flagged
    for (const seed of ['002_51703b8323fab20c.txt', '004_1f41135654dbd125.txt', '003_437f84a799927563.txt']) {
      const content = readFileSync(`content/sources/seeds/${seed}`, 'utf8');
      const [trial] = assemble([readSourceFile({ path: seed, content })], { asOf });
      expect(trial!.flags.map((f) => f.code), seed).not.toContain('markup-in-text');
    }
    expect(readFileSync('content/sources/seeds/002_51703b8323fab20c.txt', 'utf8') + readFileSync('content/sources/seeds/004_1f41135654dbd125.txt', 'utf8')).toMatch(/<\s?\d|p\s?<\s?0\.05/u);
  });

  it('an id collision with conflicting data merges into one trial and flags every disagreement', () => {
    const seed = readSourceFile({ path: '000_86288b0c402870c7.txt', content: readFileSync('content/sources/seeds/000_86288b0c402870c7.txt', 'utf8') });
    const entries = assemble([seed, fixture('collision-NCT06688318.json')()], { asOf });
    expect(entries).toHaveLength(1);
    const [trial] = entries;
    expect(trial!.sources.map((s) => s.file)).toEqual(['collision-NCT06688318.json', '000_86288b0c402870c7.txt']);
    const conflicts = trial!.flags.filter((f) => f.code === 'source-conflict');
    expect(conflicts.map((f) => f.field).sort()).toEqual(['enrollment', 'status']);
    expect(conflicts.find((f) => f.field === 'enrollment')!.message).toBe(
      'Sources disagree on enrollment: “300 (estimated)” in collision-NCT06688318.json (clinicaltrials.gov), as of 2024-11-14 vs “11” in 000_86288b0c402870c7.txt (ctv.veeva.com). Shown: “300 (estimated)”, from the most recently updated record (ClinicalTrials.gov API v2 JSON, as of 2024-11-14).',
    );
  });
});
