/**
 * Records of one trial from the real corpus merged: a row of the 2022 CSV download with a seed
 * page copy (NCT04501354 is both), and the same row with a newer ClinicalTrials.gov API record —
 * where the more recently updated record wins the facts that change over time, format precedence
 * decides the rest, and every disagreement stays visible.
 */
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile, retrievalsOf, sourceFileAt, type FileReading } from '../../src/ingest/catalogue.ts';
import { toPublicTrial } from '../../src/schemas/trial.ts';

const AS_OF = new Date('2026-12-01T00:00:00Z');
const CSV = 'ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv';
const csv = readSourceFile(sourceFileAt('content/sources', CSV));
const seed = readSourceFile(sourceFileAt('content/sources', 'seeds/003_437f84a799927563.txt'));
/** content/sources/_retrieved.yaml: the download was retrieved on 2022-10-09; the seeds state no date */
const retrievals = retrievalsOf('content/sources');
/** The CSV reading with only the rows of these trials (so each test merges what it is about). */
const rows = (...ids: string[]): FileReading => ({ ...csv, drafts: csv.drafts.filter((d) => ids.includes(d.id)) });

describe('a CSV row and a seed page copy of one trial (NCT04501354)', () => {
  const [entry, ...rest] = assemble([rows('NCT04501354'), seed], { asOf: AS_OF, retrievals });
  const t = toPublicTrial(entry!);

  it('are one trial with both sources, the CSV row first in precedence, with its row and as-of date', () => {
    expect(rest).toEqual([]);
    expect(t.id).toBe('NCT04501354');
    expect(t.sources).toEqual([
      { file: CSV, format: 'ctgov-csv-classic', site: 'clinicaltrials.gov', asOf: '2020-08-07', retrieved: '2022-10-09', row: 30 },
      { file: 'seeds/003_437f84a799927563.txt', format: 'medpath', site: 'trial.medpath.com', asOf: null, retrieved: null, row: null },
    ]);
  });

  it('take what only the page copy has (summary, criteria, classified outcomes) and what only the CSV row has (dates, funder, sites with their city)', () => {
    expect(t.summary).toMatch(/^This study will assess the effectiveness of the allogeneic mesenchymal cell/u);
    expect(t.eligibility.inclusion[0]).toBe('Male patients older than 50 yrs old.');
    expect(t.outcomes.primary.map((o) => o.measure)).toEqual(['Bone Mass Density (BMD)', 'Visual Analog Scale (VAS)']);
    // the CSV lists the same two measures without a class: once classified, they are not repeated
    expect(t.outcomes.unclassified).toEqual([]);
    expect(t.dates.start).toEqual({ date: '2020-08', type: null });
    expect(t.funderTypes).toEqual(['OTHER']);
    expect(t.locations).toEqual([{ facility: 'Cipto Mangunkusumo Hospital', city: 'Jakarta Pusat', state: 'DKI Jakarta', zip: null, country: 'Indonesia' }]);
    expect(t.scope.value).toBe('MSC');
  });

  it('agree on status, so nothing is flagged as a conflict; the minimum age comes from the CSV, the age groups too', () => {
    expect(t.status).toBe('UNKNOWN');
    expect(t.flags.filter((f) => f.code === 'source-conflict')).toEqual([]);
    expect(t.eligibility.minAge).toEqual({ text: '40 Years', years: 40 });
    expect(t.eligibility.ageGroups).toEqual(['ADULT', 'OLDER_ADULT']);
  });
});

/** A newer API record of NCT04501354: completed, enrollment 6, updated in 2024, one site more. */
function newerStudy(lastUpdate: string) {
  return {
    protocolSection: {
      identificationModule: { nctId: 'NCT04501354', briefTitle: 'Evaluation of Clinical and Bone Density Improvement After Implantation of Allogenic Mesenchymal Stem Cell From Umbilical Cord on Osteoporosis Patients' },
      statusModule: {
        overallStatus: 'COMPLETED',
        startDateStruct: { date: '2020-08-03', type: 'ACTUAL' },
        completionDateStruct: { date: '2021-06-30', type: 'ACTUAL' },
        lastUpdatePostDateStruct: { date: lastUpdate, type: 'ACTUAL' },
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: 'Ahmad Jabir Rahyussalim', class: 'OTHER' } },
      conditionsModule: { conditions: ['Osteoporosis'] },
      designModule: { studyType: 'INTERVENTIONAL', phases: ['PHASE2'], enrollmentInfo: { count: 6, type: 'ACTUAL' } },
      armsInterventionsModule: { interventions: [{ type: 'BIOLOGICAL', name: 'Mesenchymal Stem Cell' }] },
      outcomesModule: { primaryOutcomes: [{ measure: 'Bone Mass Density (BMD)', timeFrame: '6 months' }] },
      contactsLocationsModule: {
        locations: [
          { facility: 'Cipto Mangunkusumo Hospital', city: 'Jakarta Pusat', country: 'Indonesia' },
          { facility: 'Universitas Indonesia Hospital', city: 'Depok', country: 'Indonesia' },
        ],
      },
    },
    hasResults: false,
  };
}

describe('a CSV row and a newer API record of the same trial', () => {
  const api = (lastUpdate: string) => readSourceFile({ path: 'ctgov/NCT04501354.json', content: JSON.stringify(newerStudy(lastUpdate)) });

  it('the newer record wins status, dates, enrollment and sites; the conflicts name both values and why one is shown', () => {
    const [entry] = assemble([rows('NCT04501354'), api('2024-05-01')], { asOf: AS_OF, retrievals });
    const t = toPublicTrial(entry!);
    expect(t.status).toBe('COMPLETED');
    expect(t.enrollment).toEqual({ count: 6, type: 'ACTUAL' });
    expect(t.dates.completion).toEqual({ date: '2021-06-30', type: 'ACTUAL' });
    expect(t.locations.map((l) => l.facility)).toEqual(['Cipto Mangunkusumo Hospital', 'Universitas Indonesia Hospital']);
    const status = t.flags.find((f) => f.code === 'source-conflict' && f.field === 'status')!;
    expect(status.message).toBe(
      `Sources disagree on status: “Completed” in ctgov/NCT04501354.json (clinicaltrials.gov), as of 2024-05-01 vs “Unknown status” in ${CSV}, row 30 (clinicaltrials.gov), as of 2020-08-07. Shown: “Completed”, from the most recently updated record (ClinicalTrials.gov API v2 JSON, as of 2024-05-01).`,
    );
    expect(t.flags.some((f) => f.code === 'source-conflict' && f.field === 'locations')).toBe(true);
    // the CSV's unclassified measure of the VAS is kept: no record classifies it
    expect(t.outcomes.unclassified.map((o) => o.measure)).toEqual(['Visual Analog Scale (VAS)']);
    expect(entry!.sourceValues.find((v) => v.field === 'status')).toEqual({
      field: 'status',
      conflict: true,
      values: [
        { source: 0, value: 'COMPLETED' },
        { source: 1, value: 'UNKNOWN' },
      ],
    });
  });

  it('an older API record does not win them: recency, not format, decides the facts that change', () => {
    const [entry] = assemble([rows('NCT04501354'), api('2019-01-01')], { asOf: AS_OF, retrievals });
    const t = toPublicTrial(entry!);
    expect(t.status).toBe('UNKNOWN');
    expect(t.enrollment).toEqual({ count: 5, type: null });
    // a fact that does not change over time still follows format precedence: the API's title, sponsor class
    expect(t.sources[0]!.format).toBe('ctgov-json');
    expect(t.flags.find((f) => f.code === 'source-conflict' && f.field === 'status')!.message).toMatch(/Shown: “Unknown status”, from the most recently updated record \(ClinicalTrials\.gov CSV download \(classic site\), as of 2020-08-07\)\.$/u);
  });
});

describe('the stale-status flag speaks of the record’s as-of date', () => {
  it('open as of the last update although the completion date had passed by then', () => {
    // NCT04739930: "Recruiting" in a row last updated 2022-02-09 — its completion date is 2024-03-31 (passed since)
    const [since] = assemble([rows('NCT04739930')], { asOf: AS_OF, retrievals });
    expect(since!.flags.find((f) => f.code === 'status-stale')!.message).toBe(
      'Recruiting as of 2022-02-09 (the record\'s last update); its completion date (2024-03-31) has passed since, 2 years ago, so the status has probably changed.',
    );
    // (no row of the download is open with a completion date before its own update: the registry marks those
    // "Unknown status" itself; tests/unit/flags.test.ts builds that case)
  });
});
