/**
 * The five seed records, read by their readers, against hand-checked expected records
 * (tests/fixtures/expected/<seed>.json): every field of the public contract, exactly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile } from '../../src/ingest/catalogue.ts';
import { detectFormat } from '../../src/ingest/detect.ts';
import { SIGNAL_CODES } from '../../src/ingest/flags.ts';
import { TrialSchema, toPublicTrial } from '../../src/schemas/trial.ts';

const SEEDS = 'content/sources/seeds';
const AS_OF = new Date('2026-11-22T00:00:00Z');

function read(name: string) {
  const file = { path: name, content: readFileSync(`${SEEDS}/${name}`, 'utf8') };
  const [entry] = assemble([readSourceFile(file)], { asOf: AS_OF });
  return { file, trial: toPublicTrial(entry!) };
}

/** Data-quality flag codes, without the evidence signals. */
const quality = (t: { flags: { code: string }[] }) => t.flags.map((f) => f.code).filter((c) => !(SIGNAL_CODES as readonly string[]).includes(c));
const expected = (name: string) => JSON.parse(readFileSync(`tests/fixtures/expected/${name.replace(/\.txt$/u, '.json')}`, 'utf8'));

describe('seed records', () => {
  it('content/sources/seeds holds the five seed page copies', () => {
    expect(readdirSync(SEEDS).sort()).toEqual([
      '000_86288b0c402870c7.txt',
      '001_a3c49bb06900f447.txt',
      '002_51703b8323fab20c.txt',
      '003_437f84a799927563.txt',
      '004_1f41135654dbd125.txt',
    ]);
  });

  it.each([
    ['000_86288b0c402870c7.txt', 'veeva'],
    ['001_a3c49bb06900f447.txt', 'meddatax'],
    ['002_51703b8323fab20c.txt', 'veeva'],
    ['003_437f84a799927563.txt', 'medpath'],
    ['004_1f41135654dbd125.txt', 'ctgov-classic'],
  ])('%s is detected as %s from its content', (name, format) => {
    const content = readFileSync(`${SEEDS}/${name}`, 'utf8');
    expect(detectFormat({ path: 'renamed.data', content }).format).toBe(format);
  });

  it.each(readdirSync(SEEDS).sort())('%s gives exactly the expected record', (name) => {
    const { trial } = read(name);
    expect(TrialSchema.parse(trial)).toEqual(trial);
    expect(trial).toEqual(expected(name));
  });

  it('000 (Veeva): the 45-months age is kept with its text and flagged against "over 45 years"', () => {
    const { trial } = read('000_86288b0c402870c7.txt');
    expect(trial.id).toBe('NCT06688318');
    expect(trial.eligibility.minAge).toEqual({ text: '45 Months', years: 3.75 });
    expect(trial.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(trial.therapy).toEqual({
      products: ['SECRETOME'],
      cellSources: ['UMBILICAL_CORD'],
      donor: ['ALLOGENEIC'],
      routes: ['INTRA_ARTICULAR'],
    });
    expect(quality(trial)).toEqual(['age-unit-mismatch']);
    expect(trial.flags[0]!.message).toContain('age over 45 years');
  });

  it('001 (meddatax): the related trial NCT03477942 is not this trial; the prose phase is flagged', () => {
    const { trial } = read('001_a3c49bb06900f447.txt');
    expect(trial.id).toBe('NCT07157891');
    expect(trial.registryIds).toEqual(['NCT07157891']);
    expect(JSON.stringify(trial)).not.toContain('NCT03477942');
    expect(trial.phases).toEqual(['EARLY_PHASE1']);
    expect(trial.flags.find((f) => f.code === 'phase-prose-mismatch')?.message).toContain('Phase I/II');
    expect(trial.therapy.products).toEqual(['SECRETOME', 'COMBINATION']);
    expect(trial.therapy.donor).toEqual([]); // "autologous PRGF" is not an autologous MSC product
  });

  it('002 (Veeva): cells from allogeneic adipose tissue, randomised double-blind, 106 participants', () => {
    const { trial } = read('002_51703b8323fab20c.txt');
    expect(trial.therapy).toEqual({ products: ['CELLS'], cellSources: ['ADIPOSE'], donor: ['ALLOGENEIC'], routes: [] });
    expect(trial.design).toEqual({
      allocation: 'RANDOMIZED',
      interventionModel: 'PARALLEL',
      primaryPurpose: 'TREATMENT',
      masking: 'DOUBLE',
      whoMasked: [],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.enrollment).toEqual({ count: 106, type: null });
    expect(trial.eligibility.exclusion).toHaveLength(24);
    expect(quality(trial)).toEqual([]);
  });

  it('003 (MedPath): sex- and age-specific criteria are flagged against "All" and no age fields', () => {
    const { trial } = read('003_437f84a799927563.txt');
    expect(quality(trial)).toEqual(['criteria-age-differs', 'criteria-sex-differs']);
    expect(trial.arms).toEqual([
      {
        label: 'UC-Mesenchymal Stem Cell',
        type: null,
        description: 'Allogeneic Mesenchymal Stem Cell from umbilical cord',
        interventions: ['Mesenchymal Stem Cell'],
      },
    ]);
    expect(trial.outcomes.primary.map((o) => [o.measure, o.timeFrame])).toEqual([
      ['Bone Mass Density (BMD)', '6 months'],
      ['Visual Analog Scale (VAS)', '6 months'],
    ]);
  });

  it('004 (classic): 15 enrolled vs "30 … subjects" in the prose is flagged; the doubled text does not leak', () => {
    const { trial } = read('004_1f41135654dbd125.txt');
    expect(trial.enrollment).toEqual({ count: 15, type: 'ACTUAL' });
    expect(trial.flags.find((f) => f.code === 'enrollment-prose-mismatch')?.message).toContain('30 SLE patient subjects');
    expect(trial.dates.start).toEqual({ date: '2022-08-01', type: 'ACTUAL' });
    expect(trial.design.whoMasked).toEqual(['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
    expect(trial.interventions[0]!.otherNames).toEqual(['Messenchymal stem cell Concitioned Media']);
  });
});
