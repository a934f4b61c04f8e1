/**
 * ClinicalTrials.gov CSV downloads (src/ingest/formats/ctgov-csv.ts), both dialects:
 *
 * - the real classic download in content/sources/ctgov-csv/ (1,389 rows): every row read, and 18
 *   hand-picked rows, one for every value shape, equal to hand-checked expected records
 *   (tests/fixtures/expected/csv/<id>.json, the normalised record before merging);
 * - today's dialect from fixtures written from the documented columns
 *   (tests/fixtures/records/ctgov-csv/): every column, a `fields=` subset in another order, and rows
 *   that cannot be read, each a named failure with its row and column while the other rows are read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSourceFile, sourceFileAt } from '../../src/ingest/catalogue.ts';
import { detectFormat } from '../../src/ingest/detect.ts';
import { csvDialect, splitAge, splitDocument, splitLocation, splitOutcome } from '../../src/ingest/formats/ctgov-csv.ts';
import type { Draft } from '../../src/ingest/normalize.ts';
import { IngestError } from '../../src/ingest/types.ts';

const CORPUS = 'ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv';
const corpus = readSourceFile(sourceFileAt('content/sources', CORPUS));
const row = (id: string): Draft => {
  const d = corpus.drafts.find((x) => x.id === id);
  if (!d) throw new Error(`${id} is not in the download`);
  return d;
};
const fixture = (name: string) => readSourceFile(sourceFileAt('tests/fixtures/records/ctgov-csv', name));

describe('which dialect', () => {
  it('the real download is the classic dialect, told by its header row', () => {
    expect(corpus.format).toBe('ctgov-csv-classic');
    expect(detectFormat({ path: 'x.txt', content: readFileSync(`content/sources/${CORPUS}`, 'utf8') }).format).toBe('ctgov-csv-classic');
  });
  it('today’s columns, all of them or any subset in any order, are the modern dialect', () => {
    expect(fixture('modern-all-columns.csv').format).toBe('ctgov-csv');
    expect(fixture('modern-fields-subset.csv').format).toBe('ctgov-csv');
    expect(csvDialect(['NCT Number'])).toBe('modern');
    expect(csvDialect(['Rank', 'NCT Number', 'Title'])).toBe('classic');
  });
  it('a header that mixes the dialects or has unknown columns is refused with the columns named', () => {
    const mixed = () => detectFormat({ path: 'mixed.csv', content: '"NCT Number","Title","Study Status"\n"NCT04447833","A","RECRUITING"\n' });
    expect(mixed).toThrow(IngestError);
    expect(mixed).toThrow(/header row[\s\S]*columns of both dialects/u);
    const unknown = () => detectFormat({ path: 'odd.csv', content: 'NCT Number,Study Title,Favourite Colour\nNCT04447833,A,blue\n' });
    expect(unknown).toThrow(/unknown column "Favourite Colour"/u);
  });
});

describe('the real classic download', () => {
  it('reads all 1,389 rows, one trial per row, none unreadable, every value in the vocabulary', () => {
    expect(corpus.drafts).toHaveLength(1389);
    expect(corpus.unreadable).toEqual([]);
    expect(new Set(corpus.drafts.map((d) => d.id)).size).toBe(1389);
    expect(corpus.drafts.flatMap((d) => d.notes.filter((n) => n.code === 'unmapped-value'))).toEqual([]);
    // the row numbers count the header as row 1, as a spreadsheet does
    expect(corpus.drafts[0]!.origin).toEqual({ asOf: '2021-03-04', retrieved: null, row: 2 });
    expect(corpus.drafts.at(-1)!.origin.row).toBe(1390);
  });

  it.each([
    ['NCT04447833', 'first row: acronym, masking none, a sponsor and a collaborator, an other id, a sentence-like outcome'],
    ['NCT03765957', '"Unknown status", early phase 1, a facility name with a comma'],
    ['NCT04501354', 'an open-ended age ("40 Years and older"), month dates ("August 2020")'],
    ['NCT00504803', '"up to 75 Years", a procedure-typed intervention, a numbered outcome in one cell'],
    ['NCT01764100', 'age groups only ("Child, Adult, Older Adult"), a EudraCT number among the other ids, three sites'],
    ['NCT03635450', 'ages in hours, three sponsors/collaborators with commas in a name'],
    ['NCT03558334', 'a minimum age in days, a control intervention'],
    ['NCT00366145', 'phase 3, quadruple masking with who is masked, many US sites, "Prochymal®"'],
    ['NCT03925649', 'expanded access of all three kinds, "No longer available", no dates of conduct'],
    ['NCT04855955', 'expanded access, no sex, no locations'],
    ['NCT04313647', 'results posted, two study documents with their links'],
    ['NCT05240430', 'observational model and time perspective, an enrollment of 1'],
    ['NCT02112500', 'a site in "Korea, Republic of"'],
    ['NCT04073472', 'withdrawn, no locations'],
    ['NCT02881489', 'a doubled type prefix kept as the record writes it ("Other: Biological: …")'],
    ['NCT00587990', 'three funder types'],
    ['NCT02172885', 'an annotated EudraCT number ("EudraCT Number:2012-…") and a plain-words other id'],
    ['NCT04909892', 'quotes inside a cell'],
  ])('%s — %s', (id) => {
    const { notes, ...read } = row(id);
    const expected = JSON.parse(readFileSync(`tests/fixtures/expected/csv/${id}.json`, 'utf8'));
    expect({ ...read, notes }).toEqual(expected);
  });

  it('spells out the shapes the issue names', () => {
    expect(row('NCT04501354').eligibility).toMatchObject({ minAge: { text: '40 Years', years: 40 }, maxAge: null, ageGroups: ['ADULT', 'OLDER_ADULT'] });
    expect(row('NCT00504803').eligibility).toMatchObject({ minAge: null, maxAge: { text: '75 Years', years: 75 } });
    expect(row('NCT01764100').eligibility).toMatchObject({ minAge: null, maxAge: null, ageGroups: ['CHILD', 'ADULT', 'OLDER_ADULT'] });
    expect(row('NCT04501354').dates.start).toEqual({ date: '2020-08', type: null });
    expect(row('NCT03925649')).toMatchObject({ studyType: 'EXPANDED_ACCESS', status: 'NO_LONGER_AVAILABLE', design: { expandedAccessTypes: ['INDIVIDUAL', 'INTERMEDIATE', 'TREATMENT'] } });
    expect(row('NCT03765957').status).toBe('UNKNOWN');
    expect(row('NCT04447833')).toMatchObject({ sponsor: 'Uppsala University', collaborators: ['Uppsala University Hospital'] });
    expect(row('NCT04313647')).toMatchObject({ hasResults: true, dates: { resultsFirstPosted: { date: '2021-08-04', type: null } } });
    expect(row('NCT02112500').locations).toEqual([{ facility: 'Asan Medical Center', city: 'Seoul', state: null, zip: null, country: 'South Korea' }]);
    expect(row('NCT01764100').registryIds).toEqual(['NCT01764100', '2008-007869-23']);
    // the classic download does not say which outcome measures are primary: they are kept unclassified
    expect(row('NCT04501354').outcomes).toEqual({
      primary: [],
      secondary: [],
      other: [],
      unclassified: [
        { measure: 'Bone Mass Density (BMD)', timeFrame: null, description: null },
        { measure: 'Visual Analog Scale (VAS)', timeFrame: null, description: null },
      ],
    });
  });
});

describe('today’s dialect, every column', () => {
  const read = fixture('modern-all-columns.csv');
  const byId = (id: string) => read.drafts.find((d) => d.id === id)!;

  it('reads every row', () => {
    expect(read.drafts.map((d) => [d.id, d.origin.row])).toEqual([
      ['NCT04313647', 2],
      ['NCT02112500', 3],
      ['NCT04366830', 4],
      ['NCT05240430', 5],
    ]);
    expect(read.unreadable).toEqual([]);
  });

  it('a completed trial with results, a postal code and documents', () => {
    const t = byId('NCT04313647');
    expect(t).toMatchObject({
      title: 'A Tolerance Clinical Study on Aerosol Inhalation of Mesenchymal Stem Cells Exosomes In Healthy Volunteers',
      acronym: null,
      status: 'COMPLETED',
      summary: 'Healthy volunteers inhale an aerosol of exosomes from mesenchymal stem cells at one of five rising doses, to find the dose they tolerate.',
      hasResults: true,
      conditions: ['Healthy'],
      interventions: [
        { type: 'BIOLOGICAL', name: '1X level of MSCs-Exo', description: null, otherNames: [] },
        { type: 'BIOLOGICAL', name: '2X level of MSCs-Exo', description: null, otherNames: [] },
      ],
      sponsor: 'Ruijin Hospital',
      collaborators: ['Cellular Biomedicine Group Ltd.'],
      funderTypes: ['OTHER'],
      phases: ['PHASE1'],
      enrollment: { count: 24, type: null },
      studyType: 'INTERVENTIONAL',
      design: { allocation: 'NON_RANDOMIZED', interventionModel: 'PARALLEL', masking: 'NONE', whoMasked: [], primaryPurpose: 'TREATMENT', observationalModel: null, timePerspective: null, expandedAccessTypes: [] },
      secondaryIds: ['MEXVT'],
      dates: {
        start: { date: '2020-03-12', type: null },
        primaryCompletion: { date: '2020-04-30', type: null },
        completion: { date: '2020-07-31', type: null },
        firstPosted: { date: '2020-03-18', type: null },
        resultsFirstPosted: { date: '2021-08-04', type: null },
        lastUpdated: { date: '2021-08-04', type: null },
      },
      locations: [{ facility: 'Ruijin Hospital Shanghai Jiao Tong University School of Medicine', city: 'Shanghai', state: 'Shanghai', zip: '200025', country: 'China' }],
      documents: [
        { label: 'Study Protocol and Statistical Analysis Plan', url: 'https://cdn.clinicaltrials.gov/large-docs/47/NCT04313647/Prot_SAP_000.pdf' },
        { label: 'Informed Consent Form', url: 'https://cdn.clinicaltrials.gov/large-docs/47/NCT04313647/ICF_001.pdf' },
      ],
    });
    expect(t.eligibility).toEqual({ sex: 'ALL', minAge: { text: '18 Years', years: 18 }, maxAge: { text: '45 Years', years: 45 }, healthyVolunteers: null, ageGroups: ['ADULT'], inclusion: [], exclusion: [] });
    expect(t.outcomes.primary).toEqual([
      { measure: 'Number of Participants With Adverse Reaction (AE) and Severe Adverse Reaction (SAE)', description: 'Adverse events and severe adverse events after inhalation', timeFrame: '7 days' },
    ]);
    expect(t.notes).toEqual([]);
  });

  it('primary, secondary and other outcomes; age groups without a range; month dates', () => {
    const t = byId('NCT02112500');
    expect(t.outcomes).toEqual({
      primary: [{ measure: 'Oxygen index', description: 'PaO2/FiO2 ratio times mean airway pressure', timeFrame: '3 days after mesenchymal stem cell infusion' }],
      secondary: [
        { measure: 'Lung mechanics', description: 'Static compliance', timeFrame: '7 days' },
        { measure: 'Mortality', description: null, timeFrame: '28 days' },
      ],
      other: [{ measure: 'Plasma cytokines', description: 'Interleukin-6 and interleukin-8', timeFrame: 'Baseline and day 3' }],
      unclassified: [],
    });
    expect(t.eligibility).toMatchObject({ minAge: null, maxAge: null, ageGroups: ['ADULT', 'OLDER_ADULT'] });
    expect(t.dates.start).toEqual({ date: '2014-02', type: null });
    expect(t.design).toMatchObject({ allocation: 'NA', interventionModel: 'SINGLE_GROUP' });
    expect(t.locations).toEqual([{ facility: 'Asan Medical Center', city: 'Seoul', state: null, zip: '05505', country: 'South Korea' }]);
    expect(t.acronym).toBe('STELLAR');
    expect(t.summary).toBeNull();
  });

  it('expanded access with no phase, enrollment or design', () => {
    const t = byId('NCT04366830');
    expect(t).toMatchObject({
      status: 'NO_LONGER_AVAILABLE',
      studyType: 'EXPANDED_ACCESS',
      phases: [],
      enrollment: null,
      sponsor: 'Mesoblast International Sàrl',
      collaborators: ['Mesoblast, Ltd.'],
      funderTypes: ['INDUSTRY'],
      interventions: [{ type: 'DRUG', name: 'Remestemcel-L', description: null, otherNames: [] }],
      locations: [{ facility: 'Mount Sinai Hospital', city: 'New York', state: 'New York', zip: '10029', country: 'United States' }],
    });
    expect(t.eligibility).toMatchObject({ minAge: { text: '18 Years', years: 18 }, maxAge: null, ageGroups: ['ADULT', 'OLDER_ADULT'] });
  });

  it('an observational study: its model, time perspective, enum-style types and a registry id among the other ids', () => {
    const t = byId('NCT05240430');
    expect(t.design).toEqual({
      allocation: null,
      interventionModel: null,
      primaryPurpose: null,
      masking: null,
      whoMasked: [],
      observationalModel: 'CASE_ONLY',
      timePerspective: 'OTHER',
      expandedAccessTypes: [],
    });
    expect(t.interventions.map((i) => [i.type, i.name])).toEqual([
      ['DRUG', 'Mesenchymal Stem Cell Antigen-1, Human'],
      ['DIETARY_SUPPLEMENT', 'Vitamin D'],
    ]);
    expect(t.funderTypes).toEqual(['OTHER_GOV']);
    expect(t.registryIds).toEqual(['NCT05240430', '2021-003456-12']);
    expect(t.secondaryIds).toEqual(['Trabzon Kanuni TRH']);
    expect(t.eligibility).toMatchObject({ minAge: null, maxAge: { text: '90 Years', years: 90 }, ageGroups: ['CHILD', 'ADULT', 'OLDER_ADULT'] });
    expect(t.countries).toEqual(['Türkiye']);
    expect(t.locations[1]).toEqual({ facility: 'Karadeniz Technical University', city: 'Trabzon', state: null, zip: '61080', country: 'Türkiye' });
    expect(t.outcomes.primary).toEqual([{ measure: 'Change in C-reactive protein', description: 'After MSC administration in groups I, II, III', timeFrame: 'Day 1 to day 7' }]);
  });
});

describe('a `fields=` subset, and rows that cannot be read', () => {
  const read = fixture('modern-fields-subset.csv');

  it('reads the columns it has, in their order; the rest stay null or empty', () => {
    expect(read.drafts.map((d) => d.id)).toEqual(['NCT02112500', 'NCT02963727']);
    expect(read.drafts[1]).toMatchObject({
      title: 'Use of Wharton Jelly Derived Mesenchymal Stem Cells for Knee Osteoarthrosis',
      status: 'COMPLETED',
      conditions: ['Knee Osteoarthrosis', 'Osteoarthritis, Knee'],
      phases: ['PHASE1', 'PHASE2'],
      dates: { start: { date: '2016-12-01', type: null }, completion: null, lastUpdated: null },
      sponsor: null,
      enrollment: null,
      locations: [],
      hasResults: null,
      origin: { asOf: null, row: 3 },
    });
  });

  it('each unreadable row is a named failure with its row and column; it takes no other row down', () => {
    expect(read.unreadable).toEqual([
      { file: 'modern-fields-subset.csv', row: 4, field: 'Study Title', reason: 'the row has no title', expected: 'the brief title of the trial', found: 'an empty cell' },
      { file: 'modern-fields-subset.csv', row: 5, field: null, reason: 'the row has 7 cells, but the header has 6 columns', expected: '6 cells', found: '7 cells' },
      { file: 'modern-fields-subset.csv', row: 6, field: 'NCT Number', reason: 'the row has no NCT number', expected: 'an NCT number (NCT followed by 8 digits)', found: '"NCT123"' },
    ]);
  });

  it('a quote left open stops the parse there: the rows before it are read, the rest is one failure', () => {
    const content = 'NCT Number,Study Title\nNCT02112500,First trial\nNCT02963727,"Second trial\nNCT04366830,Third trial\n';
    const result = readSourceFile({ path: 'broken.csv', content });
    expect(result.drafts.map((d) => d.id)).toEqual(['NCT02112500']);
    expect(result.unreadable).toHaveLength(1);
    expect(result.unreadable[0]).toMatchObject({ file: 'broken.csv', row: 3, field: null, expected: 'well-formed CSV (quotes closed)' });
    expect(result.unreadable[0]!.reason).toMatch(/cannot be read from here on/u);
  });
});

describe('cell readers', () => {
  it.each([
    ['18 Years to 65 Years \u00a0 (Adult, Older Adult)', { range: '18 Years to 65 Years', groups: ['Adult', 'Older Adult'] }],
    ['40 Years and older   (Adult, Older Adult)', { range: '40 Years and older', groups: ['Adult', 'Older Adult'] }],
    ['up to 18 Years   (Child)', { range: 'up to 18 Years', groups: ['Child'] }],
    ['Child, Adult, Older Adult', { range: null, groups: ['Child', 'Adult', 'Older Adult'] }],
    ['ADULT, OLDER_ADULT', { range: null, groups: ['ADULT', 'OLDER_ADULT'] }],
    ['18 Years', { range: '18 Years', groups: [] }],
  ])('age %j', (cell, expected) => expect(splitAge(cell)).toEqual(expected));

  it.each([
    ['Uppsala University Hospital, Uppsala, Sweden', { facility: 'Uppsala University Hospital', city: 'Uppsala', state: null, zip: null, country: 'Sweden' }],
    ['Mayo Clinic, Rochester, Minnesota, 55905, United States', { facility: 'Mayo Clinic', city: 'Rochester', state: 'Minnesota', zip: '55905', country: 'United States' }],
    ['Seoul, Korea, Republic of', { facility: null, city: 'Seoul', state: null, zip: null, country: 'Korea, Republic of' }],
    ['Hospital A, Department B, Madrid, Spain', { facility: 'Hospital A', city: 'Department B', state: 'Madrid', zip: null, country: 'Spain' }],
  ])('location %j', (text, expected) => expect(splitLocation(text)).toEqual(expected));

  it('outcomes of today’s dialect: the last part is the time frame only when it reads as one', () => {
    expect(splitOutcome('Pain, VAS 0-10, 6 months')).toEqual({ measure: 'Pain', description: 'VAS 0-10', timeFrame: '6 months' });
    expect(splitOutcome('WOMAC, Baseline to week 12')).toEqual({ measure: 'WOMAC', description: null, timeFrame: 'Baseline to week 12' });
    expect(splitOutcome('Safety, tolerability and efficacy')).toEqual({ measure: 'Safety, tolerability and efficacy', description: null, timeFrame: null });
  });

  it('documents', () => {
    expect(splitDocument('"Informed Consent Form", https://ClinicalTrials.gov/ProvidedDocs/50/NCT02484950/ICF_000.pdf')).toEqual({
      label: 'Informed Consent Form',
      url: 'https://ClinicalTrials.gov/ProvidedDocs/50/NCT02484950/ICF_000.pdf',
    });
    expect(splitDocument('Study Protocol')).toEqual({ label: 'Study Protocol', url: null });
  });
});
