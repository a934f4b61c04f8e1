/** Data-quality flags, each with a record that should raise it and one that should not. */
import { describe, expect, it } from 'vitest';
import { SIGNAL_CODES, criteriaAges, flagTrial } from '../../src/ingest/flags.ts';
import type { Draft } from '../../src/ingest/normalize.ts';
import { draft as baseDraft } from './draft.ts';

/** Defaults that raise no flag: a completed interventional trial with a condition, criteria and 20 participants. */
const BASE: Partial<Draft> = {
  status: 'COMPLETED',
  studyType: 'INTERVENTIONAL',
  conditions: ['Knee osteoarthritis'],
  enrollment: { count: 20, type: 'ACTUAL' },
  eligibility: { sex: 'ALL', minAge: null, maxAge: null, healthyVolunteers: null, ageGroups: [], inclusion: ['Knee pain'], exclusion: [] },
};
const draft = (overrides: Partial<Draft> = {}) => baseDraft(overrides, BASE);
const AS_OF = new Date('2026-11-22T00:00:00Z');
const flags = (o: Partial<Draft>) => flagTrial(draft(o), { asOf: AS_OF }).filter((f) => !(SIGNAL_CODES as readonly string[]).includes(f.code));
const allFlags = (o: Partial<Draft>) => flagTrial(draft(o), { asOf: AS_OF });
const codes = (o: Partial<Draft>) => flags(o).map((f) => f.code).filter((c) => !(SIGNAL_CODES as readonly string[]).includes(c));
const elig = (o: Partial<Draft['eligibility']>) => ({ ...draft().eligibility, ...o });

describe('age unit out of line with the criteria', () => {
  it('"45 Months" against "age over 45 years" is flagged, once, and not also as a differing age', () => {
    const f = flags({ eligibility: elig({ minAge: { text: '45 Months', years: 3.75 }, inclusion: ['age over 45 years'] }) });
    expect(f).toEqual([
      {
        code: 'age-unit-mismatch',
        field: 'eligibility.minAge',
        severity: 'warning',
        message: 'The minimum age is given as 45 Months (3.75 years), but the criteria say "age over 45 years". The unit in the age field is probably wrong: 45 years is meant.',
      },
    ]);
  });
  it('agreeing units raise nothing', () =>
    expect(codes({ eligibility: elig({ minAge: { text: '45 Years', years: 45 }, inclusion: ['age over 45 years'] }) })).toEqual([]));
});

describe('criteria that restrict age or sex differently', () => {
  it.each([
    ['Age: 40-75, males and females', [{ bound: 'min', value: 40 }, { bound: 'max', value: 75 }]],
    ['Age ranges from 30-55 years of age', [{ bound: 'min', value: 30 }, { bound: 'max', value: 55 }]],
    ['Male patients older than 50 yrs old.', [{ bound: 'min', value: 50 }]],
    ['Adults 18 years or older', [{ bound: 'min', value: 18 }]],
    ['Aged between 18 and 65 years of age', [{ bound: 'min', value: 18 }, { bound: 'max', value: 65 }]],
    ['Younger than 70', [{ bound: 'max', value: 70 }]],
    ['The course of knee osteoarthritis was more than 6 months and less than 10 years', []],
    ['History of alcoholism in the 3 years prior to this trial', []],
    ['Surgery less than 2 years ago', []],
  ])('inclusion "%s" sets %j', (text, bounds) =>
    expect(criteriaAges(draft({ eligibility: elig({ inclusion: [text] }) })).map(({ bound, value }) => ({ bound, value }))).toEqual(bounds));

  it('exclusion items set the opposite bound ("under 20 years old" excluded = minimum 20)', () =>
    expect(criteriaAges(draft({ eligibility: elig({ inclusion: [], exclusion: ['Patients under 20 years old'] }) }))[0]).toMatchObject({
      bound: 'min',
      value: 20,
    }));

  it('criteria ages with no age fields, or different ones, are flagged', () => {
    expect(codes({ eligibility: elig({ inclusion: ['Age 18 to 50 years'] }) })).toEqual(['criteria-age-differs']);
    expect(codes({ eligibility: elig({ minAge: { text: '18 Years', years: 18 }, maxAge: { text: '80 Years', years: 80 }, inclusion: ['Age 18 to 50 years'] }) })).toEqual([
      'criteria-age-differs',
    ]);
    expect(codes({ eligibility: elig({ minAge: { text: '18 Years', years: 18 }, maxAge: { text: '50 Years', years: 50 }, inclusion: ['Age 18 to 50 years'] }) })).toEqual([]);
  });

  it('sex-specific inclusion items against "All" are flagged; pregnancy clauses are not', () => {
    expect(codes({ eligibility: elig({ inclusion: ['Male patients older than 50', 'Female patients older than 40'] }) })).toContain('criteria-sex-differs');
    expect(codes({ eligibility: elig({ inclusion: ['Women only'] }) })).toEqual(['criteria-sex-differs']);
    expect(codes({ eligibility: elig({ inclusion: ['Women of childbearing potential must use contraception'] }) })).toEqual([]);
    expect(codes({ eligibility: elig({ inclusion: ['Men and women with knee OA'] }) })).toEqual([]);
    expect(codes({ eligibility: elig({ sex: 'FEMALE', inclusion: ['Postmenopausal women'] }) })).toEqual([]);
    expect(codes({ eligibility: elig({ sex: 'FEMALE', inclusion: ['Men with hypogonadism'] }) })).toEqual(['criteria-sex-differs']);
  });
});

describe('phase and enrollment in the prose', () => {
  it('"Phase I/II" in the summary against an early phase 1 field', () => {
    const [flag] = flags({ phases: ['EARLY_PHASE1'], summary: 'This Phase I/II randomized clinical trial investigates…' });
    expect(flag).toEqual({
      code: 'phase-prose-mismatch',
      field: 'phases',
      severity: 'warning',
      message: 'The phase field says Early phase 1, but the text says "Phase I/II".',
    });
  });
  it('agreeing phases and non-phase uses of the word raise nothing', () => {
    expect(codes({ phases: ['PHASE2'], description: 'A controlled Phase II trial.' })).toEqual([]);
    expect(codes({ phases: ['PHASE2'], description: 'During the acute phase, patients rest.' })).toEqual([]);
  });
  it('"30 SLE patient subjects" against 15 enrolled', () => {
    const [flag] = flags({ enrollment: { count: 15, type: 'ACTUAL' }, description: 'The study was conducted on 30 SLE patient subjects.' });
    expect(flag?.code).toBe('enrollment-prose-mismatch');
    expect(flag?.message).toBe('The enrollment field says 15 (actual), but the description says "30 SLE patient subjects".');
  });
  it('a matching figure, per-group figures and ages raise nothing', () => {
    expect(codes({ enrollment: { count: 42, type: null }, description: 'Target enrollment is 42 subjects, 14 patients per arm.' })).toEqual([]);
    expect(codes({ enrollment: { count: 42, type: null }, description: 'Patients aged 50 years are included.' })).toEqual([]);
  });
});

describe('stale status', () => {
  const completion = (date: string) => ({ ...draft().dates, completion: { date, type: 'ESTIMATED' as const } });
  it('still recruiting two years after the completion date', () => {
    const [flag] = flags({ status: 'RECRUITING', dates: completion('2024-06') }).filter((f) => f.code === 'status-stale');
    expect(flag).toEqual({
      code: 'status-stale',
      field: 'status',
      severity: 'warning',
      message: 'The status is still "Recruiting", but the completion date (2024-06, estimated) passed 2 years ago. The record has probably not been updated.',
    });
  });
  it('within a year, closed statuses, or no date: nothing', () => {
    expect(codes({ status: 'RECRUITING', dates: completion('2026-01-31') })).toEqual([]);
    expect(codes({ status: 'COMPLETED', dates: completion('2020-01') })).toEqual([]);
    expect(codes({ status: 'ACTIVE_NOT_RECRUITING' })).toEqual([]);
  });
  it('the primary completion date is used when there is no completion date', () =>
    expect(codes({ status: 'ACTIVE_NOT_RECRUITING', dates: { ...draft().dates, primaryCompletion: { date: '2021-03-01', type: 'ACTUAL' } } })).toEqual([
      'status-stale',
    ]));
});

describe('missing essentials', () => {
  it('names every missing essential in one note', () =>
    expect(flags({ status: null, conditions: [], enrollment: null, eligibility: elig({ inclusion: [] }) })).toEqual([
      {
        code: 'missing-field',
        field: null,
        severity: 'info',
        message: 'The record states no overall status, conditions, enrollment, eligibility criteria in a structured field.',
      },
    ]));
});

describe('false alarms the review found, kept quiet', () => {
  it.each([
    ['Skeletally mature and at least 18 years old but not older than 75 years old', [{ bound: 'min', value: 18 }, { bound: 'max', value: 75 }]],
    ['at least 21 years of age and no more than 80 years of age, inclusive', [{ bound: 'min', value: 21 }, { bound: 'max', value: 80 }]],
    ['Patient with Modic I lateralized disc disease seen on an MRI less than 6 months old.', []],
    ['Aged 40-65, knee pain for 6 months or more', [{ bound: 'min', value: 40 }, { bound: 'max', value: 65 }]],
  ])('inclusion "%s" sets %j', (text, bounds) =>
    expect(criteriaAges(draft({ eligibility: elig({ inclusion: [text] }) })).map(({ bound, value }) => ({ bound, value }))).toEqual(bounds));

  it('exclusion "Patients under 18 years and over 70 of age" sets a minimum 18 and a maximum 70', () =>
    expect(criteriaAges(draft({ eligibility: elig({ inclusion: [], exclusion: ['Patients under 18 years and over 70 of age'] }) })).map(({ bound, value }) => ({ bound, value }))).toEqual([
      { bound: 'min', value: 18 },
      { bound: 'max', value: 70 },
    ]));

  it('"the treatment phase includes" is not a phase', () => expect(codes({ phases: ['PHASE2'], description: 'The treatment phase includes two visits.' })).toEqual([]));

  it.each([
    'Adult COVID-19 patients were enrolled.',
    'Type 2 diabetes patients are included.',
    'Grade 2 or 3 knee OA patients.',
    'Samples are taken 24 hours after the subject is dosed.',
  ])('"%s" gives no head count', (description) => expect(codes({ enrollment: { count: 60, type: null }, description })).toEqual([]));

  it.each(['Male participants must agree to use a condom', 'Women of child-bearing potential need a negative test'])('"%s" is not a sex restriction', (text) =>
    expect(codes({ eligibility: elig({ inclusion: [text] }) })).toEqual([]));
});

describe('evidence signals', () => {
  const signals = (o: Partial<Draft>) =>
    allFlags({ enrollment: { count: 60, type: null }, ...o }).filter((f) => (SIGNAL_CODES as readonly string[]).includes(f.code));
  const design = (o: Partial<Draft['design']>) => ({ ...draft().design, ...o });
  it('single group, open label, small sample, single site: each a flag with a plain message', () =>
    expect(
      signals({
        design: design({ interventionModel: 'SINGLE_GROUP', masking: 'NONE' }),
        enrollment: { count: 11, type: null },
        locations: [{ facility: 'Test Hospital', city: 'Jakarta', state: null, zip: null, country: 'Indonesia' }],
      }),
    ).toEqual([
      { code: 'no-comparator', field: 'design.interventionModel', severity: 'info', message: 'Single group: every participant receives the treatment, so there is no comparison group.' },
      { code: 'open-label', field: 'design.masking', severity: 'info', message: 'Open label: participants and investigators know who receives what.' },
      { code: 'small-sample', field: 'enrollment', severity: 'info', message: 'Small sample: 11 participants (fewer than 30).' },
      { code: 'single-site', field: 'locations', severity: 'info', message: 'Single site: all participants are recruited at one place.' },
      { code: 'registered-not-approved', field: null, severity: 'info', message: 'Registered is not approved: a trial registration is not a regulator’s approval of the therapy, nor evidence that it works.' },
    ]));
  it('two experimental arms and no control arm is "no comparator"; a placebo arm is a comparator', () => {
    const arm = (type: Draft['arms'][number]['type']) => ({ label: String(type), type, description: null, interventions: [] });
    expect(signals({ arms: [arm('EXPERIMENTAL'), arm('EXPERIMENTAL')] }).map((f) => f.message)[0]).toBe('No control arm: all 2 arms receive an experimental treatment.');
    expect(signals({ arms: [arm('EXPERIMENTAL'), arm('PLACEBO_COMPARATOR')] }).map((f) => f.code)).toEqual(['registered-not-approved']);
  });
  it('30 participants or more, several sites, a country without a site: no size or site signal', () => {
    expect(signals({ enrollment: { count: 30, type: null }, locations: [{ facility: null, city: null, state: null, zip: null, country: 'Iran' }] }).map((f) => f.code)).toEqual(['registered-not-approved']);
  });
  it('completed more than a year ago with no results posted', () => {
    expect(signals({ status: 'COMPLETED', hasResults: false, dates: { ...draft().dates, completion: { date: '2023-03-09', type: 'ACTUAL' } } })[0]).toEqual({
      code: 'results-not-posted',
      field: 'hasResults',
      severity: 'info',
      message: 'No results posted at the source, 44 months after the completion date (2023-03-09).',
    });
    expect(signals({ status: 'COMPLETED', hasResults: null, dates: { ...draft().dates, completion: { date: '2023-03-09', type: 'ACTUAL' } } }).map((f) => f.code)).toEqual(['registered-not-approved']);
  });
  it('speaks of the record’s as-of date: open as of its last update, though the completion date had passed by then', () => {
    const stale = flagTrial(
      draft({ status: 'RECRUITING', dates: { ...draft().dates, completion: { date: '2021-06', type: 'ESTIMATED' } }, origin: { asOf: '2022-09', retrieved: null, row: null } }),
      { asOf: AS_OF },
    ).find((f) => f.code === 'status-stale');
    expect(stale!.message).toBe("Recruiting as of 2022-09 (the record's last update), though its completion date (2021-06, estimated) had passed 15 months before. The record was probably not kept up to date.");
    // a completion date that passed only after the record's update: "has passed since"
    const since = flagTrial(
      draft({ status: 'RECRUITING', dates: { ...draft().dates, completion: { date: '2023-06', type: 'ESTIMATED' } }, origin: { asOf: '2022-09', retrieved: null, row: null } }),
      { asOf: AS_OF },
    ).find((f) => f.code === 'status-stale');
    expect(since!.message).toBe("Recruiting as of 2022-09 (the record's last update); its completion date (2023-06, estimated) has passed since, 3 years ago, so the status has probably changed.");
  });
  it('still open with no update for more than two years is stale too', () =>
    expect(allFlags({ status: 'RECRUITING', dates: { ...draft().dates, lastUpdated: { date: '2023-06-01', type: 'ACTUAL' } } }).find((f) => f.code === 'status-stale')?.message).toBe(
      "Recruiting as of 2023-06-01, the record's last update, 3 years ago: the status may well have changed.",
    ));
});
