/** The vocabulary: phases, ages, dates, countries, ids, list items — the rules every reader shares. */
import { describe, expect, it } from 'vitest';
import { parseAgeRange } from '../../src/ingest/formats/common.ts';
import { countryName, trailingCountry } from '../../src/domain/countries.ts';
import { parseAge, parseDate, parsePhases, slugFromPath, stripSponsorClass, termOf } from '../../src/ingest/normalize.ts';
import { asRegistryId, findRegistryIds, registryUrl, stripIdAnnotation } from '../../src/domain/registries.ts';
import { collapseDoubled, listItems, splitGlued, stripMarker } from '../../src/ingest/text.ts';
import { ALLOCATION, INTERVENTION_MODEL, INTERVENTION_TYPE, MASKING, PRIMARY_PURPOSE, STATUS, WHO_MASKED } from '../../src/domain/vocabulary.ts';

describe('phases', () => {
  it.each([
    ['Phase 1/Phase 2', ['PHASE1', 'PHASE2']],
    ['Phase 1/2', ['PHASE1', 'PHASE2']],
    ['Phase I/II', ['PHASE1', 'PHASE2']],
    ['PHASE1, PHASE2', ['PHASE1', 'PHASE2']],
    ['PHASE2 PHASE3', ['PHASE2', 'PHASE3']],
    ['Phase III', ['PHASE3']],
    ['Phase IV', ['PHASE4']],
    ['Phase 2b', ['PHASE2']],
    ['Phase 1b/2a', ['PHASE1', 'PHASE2']],
    ['EARLY_PHASE1', ['EARLY_PHASE1']],
    ['Early Phase 1', ['EARLY_PHASE1']],
    ['Phase 0', ['EARLY_PHASE1']],
    ['N/A', ['NA']],
    ['Not Applicable', ['NA']],
    ['NA', ['NA']],
  ])('%s → %j', (text, phases) => expect(parsePhases(text)).toEqual({ phases, unknown: false }));

  it('text that names no phase is reported unknown', () => expect(parsePhases('Pilot')).toEqual({ phases: [], unknown: true }));
});

describe('ages', () => {
  it.each([
    ['45 Months', { text: '45 Months', years: 3.75 }],
    ['18 Years', { text: '18 Years', years: 18 }],
    ['1 Year', { text: '1 Year', years: 1 }],
    ['6 Weeks', { text: '6 Weeks', years: 0.115 }],
    ['28 Days', { text: '28 Days', years: 0.0767 }],
  ])('%s → %j', (text, age) => expect(parseAge(text)).toEqual(age));

  it.each([
    ['45+ months old', '45 Months', null],
    ['40 to 75 years old', '40 Years', '75 Years'],
    ['18 Years to 60 Years', '18 Years', '60 Years'],
    ['6 months to 17 years old', '6 Months', '17 Years'],
    ['18 Years and older (Adult, Older Adult)', '18 Years', null],
    ['up to 17 Years (Child)', null, '17 Years'],
    ['Under 18 years old', null, '18 Years'],
    ['18+', '18 Years', null],
    ['undefined', null, null],
    ['Any age', null, null],
  ])('range %s', (text, min, max) => expect(parseAgeRange(text)).toEqual({ min, max, understood: true }));

  it('an age text it does not know is reported, not guessed', () =>
    expect(parseAgeRange('Child, Adult, Older Adult')).toEqual({ min: null, max: null, understood: false }));
});

describe('dates at the precision given', () => {
  it.each([
    ['Aug 1, 2022', '2022-08-01'],
    ['August 1, 2022', '2022-08-01'],
    ['1 Aug 2022', '2022-08-01'],
    ['2022-08-01', '2022-08-01'],
    ['2022-08', '2022-08'],
    ['March 2021', '2021-03'],
    ['Sept 5, 2020', '2020-09-05'],
    ['2025-12 (Estimated)', '2025-12'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['soon', '2022', '13/45/2020'])('%s is not a date', (text) => expect(parseDate(text)).toBeNull());
});

describe('vocabulary lookup', () => {
  it('matches labels, enum spellings and aliases regardless of case and punctuation', () => {
    expect(termOf(STATUS, 'Active, not recruiting')).toBe('ACTIVE_NOT_RECRUITING');
    expect(termOf(STATUS, 'NOT_YET_RECRUITING')).toBe('NOT_YET_RECRUITING');
    expect(termOf(STATUS, 'Complete')).toBe('COMPLETED');
    expect(termOf(MASKING, 'None (Open Label)')).toBe('NONE');
    expect(termOf(MASKING, 'Quadruple')).toBe('QUADRUPLE');
    expect(termOf(STATUS, 'Paused')).toBeNull();
  });
  it('strips sponsor class suffixes and "(none)"', () => {
    expect(stripSponsorClass('Universitas Sebelas Maret (Other)')).toBe('Universitas Sebelas Maret');
    expect(stripSponsorClass('Big Pharma (Industry)')).toBe('Big Pharma');
    expect(stripSponsorClass('(none)')).toBeNull();
    expect(stripSponsorClass('National Research and Innovation Agency (BRIN)')).toBe('National Research and Innovation Agency (BRIN)');
  });
});

describe('countries', () => {
  it.each([
    ['Korea, Republic of', 'South Korea'],
    ['Iran, Islamic Republic of', 'Iran'],
    ['Iran (Islamic Republic of)', 'Iran'],
    ['Viet Nam', 'Vietnam'],
    ['Russian Federation', 'Russia'],
    ['United States', 'United States'],
    ['USA', 'United States'],
    ['Turkey', 'Türkiye'],
    ['Indonesia', 'Indonesia'],
  ])('%s → %s', (name, short) => expect(countryName(name)).toBe(short));
  it('finds the country at the end of a run-together row', () =>
    expect(trailingCountry('Moewardi General Hospital Surakarta Middle Java Indonesia')).toEqual({
      country: 'Indonesia',
      rest: 'Moewardi General Hospital Surakarta Middle Java',
    }));
  it('is not fooled by non-countries', () => expect(countryName('Middle Java')).toBeNull());
});

describe('registry ids', () => {
  it.each([
    ['NCT06688318', 'NCT06688318', 'https://clinicaltrials.gov/study/NCT06688318'],
    ['nct 0668 8318', 'NCT06688318', 'https://clinicaltrials.gov/study/NCT06688318'],
    ['ISRCTN12345678', 'ISRCTN12345678', 'https://www.isrctn.com/ISRCTN12345678'],
    ['IRCT2014072618603N1', 'IRCT2014072618603N1', 'https://trialsearch.who.int/Trial2.aspx?TrialID=IRCT2014072618603N1'],
    ['ChiCTR2000031234', 'ChiCTR2000031234', 'https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR2000031234'],
    ['chictr-trc-12002345', 'ChiCTR-TRC-12002345', 'https://trialsearch.who.int/Trial2.aspx?TrialID=ChiCTR-TRC-12002345'],
    ['2019-001234-56', '2019-001234-56', 'https://www.clinicaltrialsregister.eu/ctr-search/search?query=2019-001234-56'],
    // one trial, one EudraCT number: ICTRP's id of one country's entry is the trial's EudraCT number
    ['EUCTR2019-001234-56-DE', '2019-001234-56', 'https://www.clinicaltrialsregister.eu/ctr-search/search?query=2019-001234-56'],
    ['ACTRN12619000123456', 'ACTRN12619000123456', 'https://www.anzctr.org.au/ACTRN12619000123456.aspx'],
  ])('%s is %s at %s', (raw, id, url) => {
    expect(asRegistryId(raw)?.id).toBe(id);
    expect(registryUrl(raw)).toBe(url);
  });
  it('sponsor protocol numbers are not registry ids', () => {
    expect(asRegistryId('932/VII/HREC/2024')).toBeNull();
    expect(asRegistryId('MSCSEC-OA-001')).toBeNull();
  });
  it('finds ids in running text in order, once each', () =>
    expect(findRegistryIds('see NCT01483248 and ISRCTN12345678, again NCT01483248').map((r) => r.id)).toEqual(['NCT01483248', 'ISRCTN12345678']));
  it('strips annotations', () => {
    expect(stripIdAnnotation('R01 NS000000 ( U.S. NIH Grant/Contract )')).toBe('R01 NS000000');
    expect(stripIdAnnotation('SUH-2021-07 (Other Identifier)')).toBe('SUH-2021-07');
    expect(stripIdAnnotation('AB-123 [Sponsor Protocol Number]')).toBe('AB-123');
  });
  it('slugs file names for trials without an id', () => expect(slugFromPath('hospital/Local Study (2023).txt')).toBe('hospital-local-study-2023'));
});

describe('text helpers', () => {
  it('list markers: bullets, stacked bullets, numbers glued to text', () => {
    expect(stripMarker('* • Secondary OA')).toEqual({ text: 'Secondary OA', marker: 'bullet' });
    expect(stripMarker('24.The Kellgren grade')).toEqual({ text: 'The Kellgren grade', marker: 'number' });
    expect(stripMarker('1.5 mL of secretome')).toEqual({ text: '1.5 mL of secretome', marker: null });
    expect(stripMarker('-196 C storage')).toEqual({ text: '-196 C storage', marker: null });
  });
  it('list items: continuation lines join the previous item; duplicates go; trailing commas go', () =>
    expect(listItems(['1. First item,', 'continued here', '2) Second', '• Second', '', 'Third'])).toEqual([
      'First item, continued here',
      'Second',
      'Third',
    ]));
  it('doubled text collapses once', () => {
    expect(collapseDoubled('scheduled dayscheduled day')).toEqual({ value: 'scheduled day', doubled: true });
    expect(collapseDoubled('abab is not doubled')).toEqual({ value: 'abab is not doubled', doubled: false });
  });
  it('glued cells split at their seams, and only when the count is right', () => {
    expect(splitGlued('UC-Mesenchymal Stem CellMesenchymal Stem CellAllogeneic Mesenchymal Stem Cell from umbilical cord', 3)).toEqual([
      'UC-Mesenchymal Stem Cell',
      'Mesenchymal Stem Cell',
      'Allogeneic Mesenchymal Stem Cell from umbilical cord',
    ]);
    expect(splitGlued('iPSC-derived McDonald cells', 2)).toBeNull();
  });
});

describe('every ClinicalTrials.gov display spelling maps to a value', () => {
  it.each([
    [INTERVENTION_MODEL, ['Single Group Assignment', 'Parallel Assignment', 'Crossover Assignment', 'Factorial Assignment', 'Sequential Assignment']],
    [WHO_MASKED, ['Participant', 'Care Provider', 'Investigator', 'Outcomes Assessor', 'Outcome Assessor']],
    [INTERVENTION_TYPE, ['Biological', 'Biologic', 'Drug', 'Device', 'Procedure', 'Procedure/Surgery', 'Radiation', 'Behavioral', 'Genetic', 'Dietary Supplement', 'Combination Product', 'Diagnostic Test', 'Other']],
    [PRIMARY_PURPOSE, ['Treatment', 'Prevention', 'Diagnostic', 'Supportive Care', 'Screening', 'Health Services Research', 'Basic Science', 'Device Feasibility', 'Educational/Counseling/Training', 'Other']],
    [STATUS, ['Not yet recruiting', 'Recruiting', 'Enrolling by invitation', 'Active, not recruiting', 'Suspended', 'Terminated', 'Completed', 'Withdrawn', 'Unknown status']],
    [MASKING, ['None (Open Label)', 'Single', 'Double', 'Triple', 'Quadruple', 'Double Blind']],
    [ALLOCATION, ['Randomized', 'Non-Randomized', 'N/A']],
  ] as const)('%#', (vocab, spellings) => {
    for (const s of spellings) expect(termOf(vocab as never, s), s).not.toBeNull();
  });
});
