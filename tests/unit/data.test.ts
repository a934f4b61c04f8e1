/** The published data: CSV written by csv-stringify, JSON Schema generated from zod. */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { CSV_COLUMNS, trialsToCsv } from '../../src/lib/csv.ts';
import { trialJsonSchema } from '../../src/schemas/json-schema.ts';
import { TRIAL_FIELDS, TrialSchema, toPublicTrial } from '../../src/schemas/trial.ts';

const trials = loadCatalogue('content/sources/seeds', { asOf: new Date('2026-11-22T00:00:00Z') }).map(toPublicTrial);

describe('CSV', () => {
  const rows = parse(trialsToCsv(trials), { columns: true }) as Record<string, string>[];
  it('has one row per trial and one column per flat field', () => {
    expect(rows).toHaveLength(5);
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS.map(([name]) => name));
  });
  it('round-trips text with commas, quotes and line breaks', () => {
    const seed4 = rows.find((r) => r.id === 'NCT05921058')!;
    expect(seed4['description']).toBe(trials.find((t) => t.id === 'NCT05921058')!.description);
    expect(seed4['enrollment.count']).toBe('15');
    expect(seed4['design.whoMasked']).toBe('PARTICIPANT; CARE_PROVIDER; INVESTIGATOR; OUTCOMES_ASSESSOR');
    // results-not-posted is judged as of the record's last update (2023-06-27), a month after completion
    expect(seed4['flags']).toBe('unsplit-list; enrollment-prose-mismatch; possibly-out-of-date; missing-field; small-sample; single-site; registered-not-approved');
  });
  it('writes null as empty and booleans as true/false', () => {
    const seed0 = rows.find((r) => r.id === 'NCT06688318')!;
    expect(seed0['officialTitle']).toBe('');
    expect(seed0['eligibility.healthyVolunteers']).toBe('false');
    expect(seed0['eligibility.minAge.years']).toBe('3.75');
    expect(seed0['therapy.products']).toBe('SECRETOME');
  });
});

describe('JSON Schema', () => {
  const schema = trialJsonSchema() as { properties: Record<string, unknown>; required: string[] };
  it('lists every field of the contract as required, in contract order', () => {
    expect(schema.required).toEqual(TRIAL_FIELDS);
    expect(schema.required).toHaveLength(32);
  });
  it('carries the enums of the vocabulary', () => {
    expect(JSON.stringify(schema.properties['status'])).toContain('ACTIVE_NOT_RECRUITING');
    expect(JSON.stringify(schema.properties['therapy'])).toContain('MENSTRUAL_BLOOD');
  });
});

describe('every seed trial satisfies the contract', () => {
  it.each(readdirSync('content/sources/seeds'))('%s', (name) => {
    const trial = trials.find((t) => t.sources[0]!.file === name)!;
    expect(TrialSchema.safeParse(trial).success).toBe(true);
    // null/[] rules: every field present
    expect(Object.keys(trial)).toEqual(TRIAL_FIELDS);
    expect(JSON.parse(readFileSync(`tests/fixtures/expected/${name.replace('.txt', '.json')}`, 'utf8'))).toEqual(trial);
  });
});
