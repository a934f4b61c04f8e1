/** A minimal trial draft for tests of the steps after reading; each test states only what it is about. */
import type { Draft } from '../../src/ingest/normalize.ts';

export function draft(overrides: Partial<Draft> = {}, base: Partial<Draft> = {}): Draft {
  return {
    id: 'NCT00000000',
    registryIds: ['NCT00000000'],
    secondaryIds: [],
    title: 'A trial',
    officialTitle: null,
    acronym: null,
    status: null,
    phases: [],
    studyType: null,
    conditions: [],
    keywords: [],
    sponsor: null,
    collaborators: [],
    summary: null,
    description: null,
    enrollment: null,
    design: { allocation: null, interventionModel: null, primaryPurpose: null, masking: null, whoMasked: [] },
    arms: [],
    interventions: [],
    outcomes: { primary: [], secondary: [] },
    eligibility: { sex: null, minAge: null, maxAge: null, healthyVolunteers: null, inclusion: [], exclusion: [] },
    dates: { start: null, primaryCompletion: null, completion: null, firstPosted: null, lastUpdated: null },
    locations: [],
    countries: [],
    hasResults: null,
    notes: [],
    ...base,
    ...overrides,
  };
}
