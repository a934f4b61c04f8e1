/**
 * One trial, many records: merging by shared registry ids, field precedence, conflicts,
 * provenance, and curation overlays (good and bad).
 */
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue, readCurationFiles } from '../../src/ingest/catalogue.ts';
import { groupRecords } from '../../src/ingest/merge.ts';
import { IngestError } from '../../src/ingest/types.ts';
import { toPublicTrial } from '../../src/schemas/trial.ts';

const AS_OF = new Date('2026-11-22T00:00:00Z');
const load = (dir: string, curation?: string) => loadCatalogue(dir, { asOf: AS_OF, curations: curation ? readCurationFiles(curation) : [] });

describe('the same trial as a Veeva page and as ClinicalTrials.gov JSON', () => {
  const [trial, ...rest] = load('tests/fixtures/merge/conflict');
  it('gives one trial, with both records as sources, the JSON first', () => {
    expect(rest).toEqual([]);
    expect(trial!.id).toBe('NCT06688318');
    expect(trial!.sources).toEqual([
      { file: 'NCT06688318.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: '2024-11-14', retrieved: null, row: null },
      { file: 'veeva-000.txt', format: 'veeva', site: 'ctv.veeva.com', asOf: null, retrieved: null, row: null },
    ]);
  });
  it('takes each field from the first source that states it', () => {
    expect(trial!.enrollment).toEqual({ count: 12, type: 'ACTUAL' }); // JSON wins
    expect(trial!.summary).toMatch(/^Osteoarthritis \(OA\) is a joint disorder/u); // only the Veeva page states it
    expect(trial!.dates.start).toEqual({ date: '2024-08-01', type: 'ACTUAL' });
    expect(trial!.eligibility.inclusion).toEqual(['age over 45 years', 'primary knee joint OA Kellgrance-Lawrence grade 2 or 3', 'never had surgery or intra-articular injection before']);
    expect(trial!.outcomes.primary).toEqual([{ measure: 'KOOS', timeFrame: '6 months', description: null }]);
    expect(trial!.countries).toEqual(['Indonesia']);
  });
  it('unions lists without duplicates', () => {
    expect(trial!.conditions).toEqual(['Osteoarthritis Knee']);
    expect(trial!.secondaryIds).toEqual(['932/VII/HREC/2024']);
    expect(trial!.interventions.map((i) => i.name)).toEqual(['Intra-articular secretome injection therapy']);
  });
  it('flags the one field in conflict, naming both values and their sources', () => {
    const conflicts = trial!.flags.filter((f) => f.code === 'source-conflict');
    expect(conflicts).toEqual([
      {
        code: 'source-conflict',
        field: 'enrollment',
        severity: 'warning',
        message:
          'Sources disagree on enrollment: “12 (actual)” in NCT06688318.json (clinicaltrials.gov), as of 2024-11-14 vs “11” in veeva-000.txt (ctv.veeva.com). Shown: “12 (actual)”, from the most recently updated record (ClinicalTrials.gov API v2 JSON, as of 2024-11-14).',
      },
    ]);
    expect(trial!.sourceValues.find((v) => v.field === 'enrollment')).toEqual({
      field: 'enrollment',
      conflict: true,
      values: [
        { source: 0, value: { count: 12, type: 'ACTUAL' } },
        { source: 1, value: { count: 11, type: null } },
      ],
    });
  });
  it('keeps per-field provenance', () => {
    expect(trial!.provenance.enrollment).toEqual({ sources: [0] });
    expect(trial!.provenance.status).toEqual({ sources: [0, 1] });
    expect(trial!.provenance.summary).toEqual({ sources: [1] });
    expect(trial!.provenance['dates.start']).toEqual({ sources: [0] });
    expect(trial!.provenance['eligibility.minAge']).toEqual({ sources: [0, 1] });
    expect(trial!.provenance.locations).toEqual({ sources: [0] });
  });
  it('publishes only the contract fields', () => {
    expect(Object.keys(toPublicTrial(trial!))).not.toContain('provenance');
  });
});

describe('a trial linked only through a secondary registry id', () => {
  const entries = load('tests/fixtures/merge/linked');
  it('merges the EU register page into the ClinicalTrials.gov record through the EudraCT number', () => {
    expect(entries).toHaveLength(1);
    const t = entries[0]!;
    expect(t.id).toBe('NCT09100001');
    expect(t.registryIds).toEqual(['NCT09100001', '2020-004567-12']);
    expect(t.sources.map((s) => [s.file, s.format])).toEqual([
      ['NCT09100001.json', 'ctgov-json'],
      ['eu-register.txt', 'generic'],
    ]);
    expect(t.title).toBe('Bone Marrow MSCs in Type 1 Diabetes (test fixture)');
    expect(t.countries).toEqual(['Sweden', 'Denmark']); // only the EU page states them
    expect(t.provenance.countries).toEqual({ sources: [1] });
    expect(t.flags.find((f) => f.code === 'generic-reader')?.message).toMatch(/\(eu-register\.txt\)$/u);
    // the titles differ but are not a conflict field: both are kept
    expect(t.sourceValues).toEqual([
      {
        field: 'title',
        conflict: false,
        values: [
          { source: 0, value: 'Bone Marrow MSCs in Type 1 Diabetes (test fixture)' },
          { source: 1, value: 'Bone marrow mesenchymal stromal cells in recent-onset type 1 diabetes' },
        ],
      },
    ]);
  });
  it('groups by any shared id, transitively', () => {
    const d = (id: string, registryIds: string[]) => ({ draft: { id, registryIds } as never, source: { file: id, format: 'generic' as const, site: null, asOf: null, retrieved: null, row: null } });
    const groups = groupRecords([d('A', ['NCT1', 'E1']), d('B', ['E2']), d('C', ['E1', 'E2']), d('D', ['X'])]);
    expect(groups.map((g) => g.map((x) => x.source.file))).toEqual([['A', 'B', 'C'], ['D']]);
  });
});

describe('curation overlays', () => {
  const sources = mkdtempSync(join(tmpdir(), 'msc-cur-'));
  cpSync('content/sources/seeds', sources, { recursive: true });

  it('a correction of seed 000’s minimum age wins, keeps the original and the reason, and is marked', () => {
    const t = load(sources, 'tests/fixtures/curation/good').find((x) => x.id === 'NCT06688318')!;
    expect(t.eligibility.minAge).toEqual({ text: '45 Years', years: 45 });
    expect(t.provenance['eligibility.minAge']).toEqual({
      sources: [0],
      curated: {
        reviewer: 'A. Curator',
        reason: 'The inclusion criteria say "age over 45 years"; the 45-month age is a unit slip in the registry record.',
        date: '2026-11-20',
        original: { text: '45 Months', years: 3.75 },
      },
    });
    expect(t.therapy.routes).toEqual(['INTRA_ARTICULAR']);
    expect(t.provenance['therapy.routes']?.curated?.original).toEqual(['INTRA_ARTICULAR']);
    // the data-quality flag still describes the record; a curated flag says what changed
    expect(t.flags.map((f) => f.code)).toContain('age-unit-mismatch');
    expect(t.flags.find((f) => f.code === 'curated')?.message).toBe(
      'A curator corrected eligibility.minAge, therapy.routes (tests/fixtures/curation/good/NCT06688318.yaml); the original values are kept with the reasons.',
    );
  });

  const errorOf = (dir: string): IngestError => {
    try {
      load(sources, dir);
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      return error as IngestError;
    }
    throw new Error('expected an error');
  };
  it('an overlay for an id that does not exist stops the build', () => {
    const e = errorOf('tests/fixtures/curation/unknown-id');
    expect(e.message).toContain('tests/fixtures/curation/unknown-id/NCT00000001.yaml: the curation file is for trial NCT00000001, which is not in the catalogue');
    expect(e.field).toBe('trial');
  });
  it('an overlay for a field that does not exist stops the build', () => {
    const e = errorOf('tests/fixtures/curation/unknown-field');
    expect(e.message).toContain('unknown-field/NCT06688318.yaml: the curation file does not match its schema');
    expect(e.field).toBe('corrections.0.field');
    expect(e.found).toBe('"eligibility.minimumAge"');
  });
  it('a value of the wrong type stops the build', () => {
    const e = errorOf('tests/fixtures/curation/wrong-type');
    expect(e.message).toContain('wrong-type/NCT06688318.yaml: the value for enrollment does not fit that field');
    expect(e.field).toBe('corrections.0.value');
    expect(e.found).toBe('"eleven"');
  });
  it('the fixture folders hold one overlay each', () => {
    for (const d of ['good', 'unknown-id', 'unknown-field', 'wrong-type']) expect(readdirSync(`tests/fixtures/curation/${d}`)).toHaveLength(1);
  });
});
