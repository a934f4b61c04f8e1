/**
 * The ClinicalTrials.gov API v2 JSON reader (src/ingest/formats/ctgov-json.ts), through the
 * whole ingestion (readSourceFile → assemble):
 *
 * - the real 88-study export (tests/fixtures/ctgov/ctg-studies.json, public registry data);
 * - seven of its studies field by field, against values taken by hand from the JSON;
 * - small inline studies, built with `study()`, for the shapes and edge cases the export lacks.
 *
 * The criteria-heading, markdown-escape and same-named-intervention cases near the end were
 * bugs found by these tests; they stay as regression tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile } from '../../src/ingest/catalogue.ts';
import { IngestError } from '../../src/ingest/types.ts';
import { TrialSchema, toPublicTrial, type Trial } from '../../src/schemas/trial.ts';
import { SIGNAL_CODES } from '../../src/ingest/flags.ts';

const EXPORT = 'tests/fixtures/ctgov/ctg-studies.json';
const AS_OF = new Date('2026-11-22T00:00:00Z');

function readTrials(path: string, content: string): Trial[] {
  return assemble([readSourceFile({ path, content })], { asOf: AS_OF }).map(toPublicTrial);
}

const exported = readTrials('ctg-studies.json', readFileSync(EXPORT, 'utf8'));
function fromExport(id: string): Trial {
  const trial = exported.find((t) => t.id === id);
  if (!trial) throw new Error(`${id} is not in the export`);
  return trial;
}

const NO_THERAPY = { products: [], cellSources: [], donor: [], routes: [] };
const loc = (facility: string, city: string, state: string | null, zip: string | null, country: string) => ({
  facility,
  city,
  state,
  zip,
  country,
});
/** Data-quality flag codes (evidence signals such as small-sample are tested on their own). */
const codes = (trial: Trial) => trial.flags.map((f) => f.code).filter((c) => !(SIGNAL_CODES as readonly string[]).includes(c));

// ------------------------------------------------------------------ inline studies

type Json = Record<string, unknown>;
type Module =
  | 'identificationModule'
  | 'statusModule'
  | 'sponsorCollaboratorsModule'
  | 'descriptionModule'
  | 'conditionsModule'
  | 'designModule'
  | 'armsInterventionsModule'
  | 'outcomesModule'
  | 'eligibilityModule'
  | 'contactsLocationsModule';

const MINIMAL: Partial<Record<Module, Json>> = {
  identificationModule: { nctId: 'NCT01234567', briefTitle: 'A minimal study' },
  statusModule: { overallStatus: 'RECRUITING' },
  conditionsModule: { conditions: ['Knee Osteoarthritis'] },
  designModule: { studyType: 'INTERVENTIONAL', enrollmentInfo: { count: 20, type: 'ESTIMATED' } },
  eligibilityModule: { eligibilityCriteria: 'Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Pregnancy' },
};

/**
 * A minimal valid study. Each override is merged into its protocolSection module (a field set
 * to undefined is left out); `top` adds fields beside protocolSection, such as hasResults.
 */
function study(overrides: Partial<Record<Module, Json>> = {}, top: Json = {}): Json {
  const protocolSection: Json = { ...MINIMAL };
  for (const [name, fields] of Object.entries(overrides)) {
    protocolSection[name] = { ...MINIMAL[name as Module], ...fields };
  }
  return { protocolSection, hasResults: false, ...top };
}

/** Read a document as if it were a record file with this name. */
const readDoc = (doc: unknown, path = 'inline.json') => readTrials(path, JSON.stringify(doc));
const readOne = (doc: unknown) => {
  const trials = readDoc(doc);
  expect(trials).toHaveLength(1);
  return trials[0]!;
};

/** Every string in a value, at any depth. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

// ================================================================== the 88-study export

describe('the ClinicalTrials.gov export (88 studies)', () => {
  it('gives one valid trial per study, filed under its NCT number', () => {
    expect(exported).toHaveLength(88);
    expect(exported.map((t) => t.id)).toEqual([
      'NCT03076658', 'NCT03367039', 'NCT03367052', 'NCT03390920', 'NCT03571217', 'NCT03810573', 'NCT03853356',
      'NCT04012996', 'NCT04015791', 'NCT04042844', 'NCT04056520', 'NCT04134910', 'NCT04214535', 'NCT04388332',
      'NCT04416321', 'NCT04467944', 'NCT04469387', 'NCT04550923', 'NCT04600544', 'NCT04601363', 'NCT04615260',
      'NCT04623593', 'NCT04631133', 'NCT04679844', 'NCT04757038', 'NCT04839783', 'NCT04893720', 'NCT04911257',
      'NCT04982835', 'NCT05023733', 'NCT05029726', 'NCT05037968', 'NCT05105490', 'NCT05144126', 'NCT05182489',
      'NCT05238740', 'NCT05287867', 'NCT05296889', 'NCT05299762', 'NCT05305430', 'NCT05329129', 'NCT05375201',
      'NCT05405374', 'NCT05489822', 'NCT05508360', 'NCT05549596', 'NCT05587465', 'NCT05602714', 'NCT05614284',
      'NCT05615597', 'NCT05631392', 'NCT05648474', 'NCT05701059', 'NCT05821920', 'NCT05846477', 'NCT05880823',
      'NCT05883436', 'NCT05963815', 'NCT05971329', 'NCT05976516', 'NCT05997121', 'NCT06011551', 'NCT06025175',
      'NCT06029764', 'NCT06053242', 'NCT06115512', 'NCT06127745', 'NCT06144970', 'NCT06199999', 'NCT06209684',
      'NCT06226272', 'NCT06325566', 'NCT06342765', 'NCT06349226', 'NCT06365307', 'NCT06367855', 'NCT06383949',
      'NCT06383962', 'NCT06413225', 'NCT06447194', 'NCT06462729', 'NCT06485206', 'NCT06490887', 'NCT06525896',
      'NCT06589271', 'NCT06610175', 'NCT06615505', 'NCT06615518',
    ]);
    for (const trial of exported) {
      expect(TrialSchema.parse(trial)).toEqual(trial);
      expect(trial.registryIds).toEqual([trial.id]);
      expect(trial.sources).toEqual([{ file: 'ctg-studies.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: trial.dates.lastUpdated!.date, retrieved: null, row: null }]);
    }
  });

  it('knows every enum value the export uses', () => {
    const unmapped = exported.flatMap((t) => t.flags.filter((f) => f.code === 'unmapped-value').map((f) => `${t.id}: ${f.message}`));
    expect(unmapped).toEqual([]);
    expect(exported.filter((t) => t.status === 'RECRUITING')).toHaveLength(67);
    expect(exported.filter((t) => t.status === 'NOT_YET_RECRUITING')).toHaveLength(21);
    expect(exported.filter((t) => t.studyType === 'INTERVENTIONAL')).toHaveLength(52);
    expect(exported.filter((t) => t.studyType === 'OBSERVATIONAL')).toHaveLength(36);
    expect(exported.every((t) => t.hasResults === false)).toBe(true);
  });

  it('writes countries as English short names ("Korea, Republic of" → "South Korea")', () => {
    expect(fromExport('NCT05299762').countries).toEqual(['South Korea']);
    expect(fromExport('NCT04600544').countries).toEqual(['Russia']);
    expect(fromExport('NCT04042844').countries).toEqual(['United States']);
  });

  it('unescapes the markdown escapes \\*, \\^, \\< and \\>', () => {
    expect(fromExport('NCT06589271').interventions[0]!.description).toBe('2 * 10^7 cells (2ml)');
    expect(fromExport('NCT05375201').outcomes.primary[0]!.description).toMatch(/\(unit: cm\^2\)$/u);
    expect(fromExport('NCT03076658').eligibility.exclusion).toContain('BMI >37');
    expect(fromExport('NCT05614284').eligibility.exclusion).toContain('Subject is under 18 years of age (<18) at the time of consent');
  });

  // Regression (was a bug in) src/ingest/formats/ctgov-json.ts:14 — `unescapeMarkdown` only unescapes
  // \ ` * _ { } [ ] ( ) # + - . ! ^ ~ < > |, but markdown (CommonMark §2.4) lets any ASCII
  // punctuation be escaped and ClinicalTrials.gov does escape "&": the export has "Gertzbein \&
  // Robbins Scale" (NCT04056520), "(PCS \& MCS)" (NCT04416321), "(flexion \& extension films)"
  // (NCT04042844), "localizer \& T2-weighted" (NCT06610175). The backslash reaches the pages.
  it('leaves no markdown backslash escape in any text (\\& included)', () => {
    const left = exported.flatMap((t) => textsOf(t).filter((s) => /\\[!-/:-@[-`{-~]/u.test(s)).map((s) => `${t.id}: ${s.slice(0, 80)}`));
    expect(left).toEqual([]);
  });
});

// ================================================================== seven studies, field by field

describe('NCT06589271 (umbilical cord MSCs, phase 1)', () => {
  const trial = fromExport('NCT06589271');

  it('identification, status, design', () => {
    expect(trial.registryIds).toEqual(['NCT06589271']);
    expect(trial.secondaryIds).toEqual(['SCLnow-SH-01']);
    expect(trial.title).toBe('SCLife®-LDD hUC-MSCs Injection Therapy for Patients With Lumbar Intervertebral Disc Degeneration');
    expect(trial.officialTitle).toBe(
      'A Clinical Research on SCLife®-LDD hUC-MSCs Injection Therapy for Patients With Lumbar Intervertebral Disc Degeneration',
    );
    expect(trial.acronym).toBeNull();
    expect(trial.status).toBe('RECRUITING');
    expect(trial.phases).toEqual(['PHASE1']);
    expect(trial.studyType).toBe('INTERVENTIONAL');
    expect(trial.conditions).toEqual(['Lumbar Disc Degeneration']);
    expect(trial.keywords).toEqual([]);
    expect(trial.sponsor).toBe('Sclnow Biotechnology Co., Ltd.');
    expect(trial.collaborators).toEqual([]);
    expect(trial.enrollment).toEqual({ count: 20, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: 'NON_RANDOMIZED',
      interventionModel: 'PARALLEL',
      primaryPurpose: 'TREATMENT',
      masking: 'DOUBLE',
      whoMasked: ['PARTICIPANT', 'INVESTIGATOR'],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.hasResults).toBe(false);
  });

  it('arms and interventions, with "2 \\* 10\\^7" unescaped', () => {
    expect(trial.arms).toEqual([
      {
        label: 'hUC-MSCs transplantation group',
        type: 'EXPERIMENTAL',
        description: 'Human Umbilical Cord Mesenchymal Stem Cells',
        interventions: ['Biological: human umbilical cord mesenchymal stem cell suspension'],
      },
      {
        label: 'control group',
        type: 'ACTIVE_COMPARATOR',
        description: 'suspension transplantation',
        interventions: ['Procedure: total endoscopic extraction of lumbar nucleus pulposus'],
      },
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'BIOLOGICAL',
        name: 'human umbilical cord mesenchymal stem cell suspension',
        description: '2 * 10^7 cells (2ml)',
        otherNames: [],
      },
      {
        type: 'PROCEDURE',
        name: 'total endoscopic extraction of lumbar nucleus pulposus',
        description:
          'hUC-MSCs are injected into the opposite side of the minimally invasive surgical site immediately after surgery, and the puncture needle remains for 1 minute after injection and then pull out to prevent cell suspension leakage',
        otherNames: [],
      },
    ]);
  });

  it('outcomes', () => {
    expect(trial.outcomes.primary).toEqual([
      {
        measure: 'Change of lumbar disc MRI (T2WI) signal values',
        timeFrame: '12 months',
        description:
          'Lumbar MRI images are taken on day 0-1 (measured before stem cell transplantation), 3 months, 6 months and 12 months to record the signal value of the intervertebral disc (4 times in total) from level IV-V to level III and below.',
      },
    ]);
    expect(trial.outcomes.secondary.map((o) => [o.measure, o.timeFrame])).toEqual([
      ['Lower back pain and lower extremity radiating pain relief', '12 months'],
      ['X-ray Disc Height Index (DHI)', '12 months'],
      ['MRI highlights changes in the size of the nucleus pulposus', '12 months'],
    ]);
    expect(trial.outcomes.secondary[1]!.description).toBe(
      'On day 0-1 (measured before stem cell transplantation), 3 months, 6 months, and 12 months, the patients take anterior and lateral lumbar X-rays and record the DHI value (4 times in total) to reach the outcome of DHI≤0.188.',
    );
  });

  it('eligibility: numbered items split at the two headings', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '18 Years', years: 18 },
      maxAge: { text: '60 Years', years: 60 },
      healthyVolunteers: false,
      ageGroups: ['ADULT'],
      inclusion: [
        'Age: 18-60 years old;',
        'The symptoms are lumbago combined with radiating pain of one lower limb;',
        'Failed conservative treatment for 3 months, including physical therapy, manual therapy and non-morphine drug therapy;',
        'CT/MRI clearly highlighted the nucleus pulposus pressing the nerve root and the location was consistent;',
        'Symptoms and imaging showed unilateral lumbar disc herniation;',
        'Imaging showed single-level lumbar disc herniation;',
        'MRI (T2WI) of Pfirrmann disc degeneration: Grade I-IV;',
        'Lumbar disc herniation segments: L3-4, L4-5, L5-S1;',
        'Unilateral full endoscopic extraction of nucleus pulposus;',
        'Sign the informed consent;',
        'No previous history of spinal surgery.',
      ],
      exclusion: [
        'Previous history of tumor and spinal infection;',
        'Patients with severe coagulation disorders, a history of drug abuse or taking oral anticoagulants;',
        'Coma or incapacitation;',
        'MRI contraindications (history of cardiovascular and cerebrovascular stent implantation, pacemaker, biostimulator, etc.);',
        'Pregnant women;',
        'Pregnancy or breastfeeding;',
        'Have participated in other clinical trials related to this project within the past 30 days;',
        'Those who have received stem cell therapy;',
        'Poor compliance, or can not correctly understand the cooperation so that it can not complete the interview;',
        'Received intervertebral disc interventional therapy within the past 3 months, such as radiofrequency, laser ablation, protease injection, Ozone injection;',
        'Highly allergic or have a history of severe allergies;',
        'Patients with severe autoimmune disease or who are receiving immunosuppressive therapy;',
        'Serious uncontrolled infection or high fever;',
        'Patients with shock, failure of vital organs and unstable vital signs;',
        'X-ray showed that the degree of stenosis of the diseased segment was more than 30% compared with the adjacent normal segment;',
        'Imaging showed lumbar disc herniation complicated with calcification;',
        'Imaging showed lumbar disc herniation with Modic Change;',
        'Imaging showed lumbar disc herniation complicated with severe spinal stenosis;',
        'Imaging showed lumbar disc herniation complicated with lumbar spondylolisthesis;',
        'Imaging showed lumbar disc herniation combined with spinal deformity;',
        'Mental disorders, cognitive disorders, or other physical diseases affecting the research results;',
        'Doctors believe that there are other reasons for not being included in the treatment.',
      ],
    });
  });

  it('dates, places, flags', () => {
    expect(trial.dates).toEqual({
      start: { date: '2024-10-31', type: 'ESTIMATED' },
      primaryCompletion: { date: '2025-06-30', type: 'ESTIMATED' },
      completion: { date: '2025-12-31', type: 'ESTIMATED' },
      firstPosted: { date: '2024-09-19', type: 'ACTUAL' },
      lastUpdated: { date: '2024-09-19', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    expect(trial.locations).toEqual([loc('Shanghai General Hospital', 'Shanghai', null, '200080', 'China')]);
    expect(trial.countries).toEqual(['China']);
    // still "not yet recruiting", and the record was last updated more than two years before 2026-11-22;
    // the export states no retrieval date, so the copy is as old as that update: possibly out of date
    expect(codes(trial)).toEqual(['status-stale', 'possibly-out-of-date']);
    expect(trial.flags.map((f) => f.code)).toEqual(['status-stale', 'possibly-out-of-date', 'small-sample', 'single-site', 'registered-not-approved']);
  });

  it('therapy: cells from umbilical cord, the donor from the product name; the route not stated in the treatment fields', () => {
    // the donor comes from the product name in the title: SCLife hUC-MSCs are cord cells, so another person's (docs/products.md)
    expect(trial.therapy).toEqual({ products: ['CELLS'], cellSources: ['UMBILICAL_CORD'], donor: ['ALLOGENEIC'], routes: [] });
    expect(trial.scope).toMatchObject({ value: 'MSC' });
  });
});

describe('NCT04042844 (BRTX-100: autologous bone-marrow MSCs with platelet lysate, intradiscal)', () => {
  const trial = fromExport('NCT04042844');

  it('identification, status, design', () => {
    expect(trial.registryIds).toEqual(['NCT04042844']);
    expect(trial.secondaryIds).toEqual(['CLDD-001']);
    expect(trial.title).toBe('A Single Dose of BRTX 100 for Patients With Chronic Lumbar Disc Disease (cLDD)');
    expect(trial.officialTitle).toBe(
      'A Phase 2, Double-Blind, Saline-Controlled, Randomized Study to Evaluate the Safety and Preliminary Efficacy of a Single Dose Intradiscal Injection of BRTX 100 for Patients With Chronic Lumbar Disc Disease (cLDD)',
    );
    expect(trial.acronym).toBeNull();
    expect(trial.status).toBe('RECRUITING');
    expect(trial.phases).toEqual(['PHASE2']);
    expect(trial.studyType).toBe('INTERVENTIONAL');
    expect(trial.conditions).toEqual(['Lumbar Disc Disease']);
    expect(trial.keywords).toEqual([]);
    expect(trial.sponsor).toBe('BioRestorative Therapies');
    expect(trial.collaborators).toEqual([]);
    expect(trial.enrollment).toEqual({ count: 99, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: 'RANDOMIZED',
      interventionModel: 'PARALLEL',
      primaryPurpose: 'TREATMENT',
      masking: 'DOUBLE',
      whoMasked: ['PARTICIPANT', 'INVESTIGATOR'],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.hasResults).toBe(false);
  });

  it('arms, interventions, outcomes', () => {
    expect(trial.arms).toEqual([
      {
        label: 'Active Treatment- BRTX-100',
        type: 'EXPERIMENTAL',
        description:
          'BRTX-100 consists of a population of hypoxic-cultured bone marrow mononuclear cells highly enriched in mesenchymal stem cells from autologous bone marrow with autologous platelet lysate.',
        interventions: ['Biological: BRTX-100'],
      },
      {
        label: 'Saline',
        type: 'PLACEBO_COMPARATOR',
        description: 'Isotonic saline will be used as a control in this study. Drug: saline (0.9% sodium chloride).',
        interventions: ['Drug: Saline'],
      },
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'BIOLOGICAL',
        name: 'BRTX-100',
        description: 'Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate.',
        otherNames: [],
      },
      {
        type: 'DRUG',
        name: 'Saline',
        description: 'Sodium Chloride (0.9%) intravenous infusion preparation is a sterile and non-pyrogenic solution',
        otherNames: [],
      },
    ]);
    expect(trial.outcomes.primary).toEqual([
      {
        measure: 'Primary Safety Measures',
        timeFrame: 'Baseline through Week 104 / Early Termination',
        description:
          'Report of adverse events (AEs), clinical review and questionnaires for pain, disability and quality of life at Baseline through Week 104/ Early Termination\n\n* Vital Signs\n* Physical Examination\n* Laboratory Evaluation (hematology and chemistry)\n* Clinical review of MRI changes from Baseline to Week 104 (MRI density measurements in T2 weighted images performed at Baseline, Week 52 and Week 104 with predetermined MRI rating scores)',
      },
      {
        measure: 'Primary Efficacy Measures',
        timeFrame: 'Baseline through Week 52',
        description:
          '* VAS for Pain Assessment\n* ODI for Functional Assessment\n\nPrimary Efficacy Endpoint:\n\nClinical response, defined as at least a 30% decrease in pain as measured on the VAS scale and at least a 30% increase in function based on the ODI at Week 52 as compared to baseline.',
      },
    ]);
    expect(trial.outcomes.secondary).toEqual([]);
  });

  it('eligibility fields (criteria lists: see the heading cases below)', () => {
    expect(trial.eligibility.sex).toBe('ALL');
    expect(trial.eligibility.minAge).toEqual({ text: '18 Years', years: 18 });
    expect(trial.eligibility.maxAge).toEqual({ text: '60 Years', years: 60 });
    expect(trial.eligibility.healthyVolunteers).toBe(false);
  });

  it('dates and the 14 US sites, with the zip as written ("29406,")', () => {
    expect(trial.dates).toEqual({
      start: { date: '2022-06-30', type: 'ACTUAL' },
      primaryCompletion: { date: '2024-08-31', type: 'ESTIMATED' },
      completion: { date: '2025-08-31', type: 'ESTIMATED' },
      firstPosted: { date: '2019-08-02', type: 'ACTUAL' },
      lastUpdated: { date: '2024-04-16', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    expect(trial.locations).toEqual([
      loc('Alabama Clinical Therapeutics, LLC', 'Birmingham', 'Alabama', '35235', 'United States'),
      loc('Denver Back Pain Specialists, LLC', 'Greenwood Village', 'Colorado', '80111', 'United States'),
      loc('Cantor Spine Institute', 'Fort Lauderdale', 'Florida', '33306', 'United States'),
      loc('Pain Relief Centers', 'Saint Petersburg', 'Florida', '33709', 'United States'),
      loc('Tampa Pain Relief Center', 'Tampa', 'Florida', '33603', 'United States'),
      loc('Florida Pain Relief Center', 'Tampa', 'Florida', '33614', 'United States'),
      loc('Long Island Spine Rehabilitation Medicine', 'East Meadow', 'New York', '11554', 'United States'),
      loc('Mount Sinai', 'New York', 'New York', '10029', 'United States'),
      loc('The Center of Clinical Research, LLC', 'Winston-Salem', 'North Carolina', '27103', 'United States'),
      loc('Cleveland Clinic', 'Cleveland', 'Ohio', '44195', 'United States'),
      loc('Clinical Investigations LLC', 'Edmond', 'Oklahoma', '73013', 'United States'),
      loc('Coastal Carolina Research Center', 'North Charleston', 'South Carolina', '29406,', 'United States'),
      loc('Precision Spine Care', 'Tyler', 'Texas', '75701', 'United States'),
      loc('Virginia iSpine Physicians', 'Richmond', 'Virginia', '23235', 'United States'),
    ]);
    expect(trial.countries).toEqual(['United States']);
    // still "Recruiting" more than a year after its estimated completion
    expect(codes(trial)).toContain('status-stale');
  });

  it('therapy: bone-marrow cells plus platelet lysate, autologous, injected into the disc', () => {
    expect(trial.therapy).toEqual({
      products: ['CELLS', 'COMBINATION'],
      cellSources: ['BONE_MARROW'],
      donor: ['AUTOLOGOUS'],
      routes: ['LOCAL_INJECTION'],
    });
  });
});

describe('NCT04416321 (device, phase NA, four collaborators, no maximum age)', () => {
  const trial = fromExport('NCT04416321');

  it('identification, sponsors, design', () => {
    expect(trial.registryIds).toEqual(['NCT04416321']);
    expect(trial.secondaryIds).toEqual(['KEOS01']);
    expect(trial.title).toBe('A Clinical Study to Evaluate Safety and Performance of PEEK-OPTIMA™ HA Enhanced.');
    expect(trial.officialTitle).toBe(
      'A Prospective, Non-comparative, Single-centre, Post-market Clinical Study to Evaluate the Safety and Performance of PEEK-OPTIMA™ HA Enhanced Interbody Cages for the Treatment of Degenerative Disc Disease in the Lumbar Spine',
    );
    expect(trial.acronym).toBeNull();
    expect(trial.status).toBe('RECRUITING');
    expect(trial.phases).toEqual(['NA']);
    expect(trial.studyType).toBe('INTERVENTIONAL');
    expect(trial.conditions).toEqual(['Degenerative Disc Disease', 'Spondylolisthesis', 'Retrolisthesis']);
    expect(trial.keywords).toEqual(['Lumbar Degenerative Disc Disease', 'Spondylolisthesis', 'retrolisthesis']);
    // the JSON gives each sponsor's class (INDUSTRY, UNKNOWN) apart; none leaks into the names
    expect(trial.sponsor).toBe('Invibio Ltd');
    expect(trial.collaborators).toEqual(['Keos LLC', 'Medical Metrics Diagnostics, Inc', 'Technomics Research', 'Viedoc Technologies']);
    expect(trial.enrollment).toEqual({ count: 30, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: 'NA',
      interventionModel: 'SINGLE_GROUP',
      primaryPurpose: 'TREATMENT',
      masking: 'NONE',
      whoMasked: [],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.hasResults).toBe(false);
    expect(trial.therapy).toEqual(NO_THERAPY);
  });

  it('arms, interventions, outcomes', () => {
    expect(trial.arms).toEqual([
      {
        label: 'Device',
        type: 'OTHER',
        description: 'All subjects who are entered into this trial will receive the Keos Lumbar Interbody Fusion Device.',
        interventions: ['Device: Surgery with the Keos Lumbar Interbody Fusion Device'],
      },
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'DEVICE',
        name: 'Surgery with the Keos Lumbar Interbody Fusion Device',
        description:
          'All subjects will received the Keos Lumbar Interbody Fusion Device if according to the investigators opinion they are clinically indicated to have surgery treatment for degenerative disc disease, spondylolisthesis and retrolisthesis',
        otherNames: [],
      },
    ]);
    expect(trial.outcomes.primary).toEqual([
      {
        measure: 'Interbody fusion rate',
        timeFrame: '6 months post - operatively',
        description: 'Interbody fusion will be graded along the superior and inferior interfaces separately in 25% increments',
      },
    ]);
    expect(trial.outcomes.secondary.map((o) => [o.measure, o.timeFrame])).toEqual([
      ['To measure how much pain the subject is in according to a pain scale 0-10', '6 weeks, 3, 6, 12 and 24 months post operatively'],
      [
        'To measure the Quality of Life of the subject according to a set list of questions: Questionnaire SF-12',
        'pre-operatively, 6 weeks, 3, 6, 12 and 24 months post operatively',
      ],
      ['Functional Impairment', 'pre-operatively, 6 weeks, 3, 6, 12 and 24 months post operatively'],
    ]);
    expect(trial.outcomes.secondary[0]!.description).toBe('Visual analogue scale for back and leg 0-10 cm (no pain - worst possible pain)');
  });

  // Regression (was a bug in) src/ingest/formats/ctgov-json.ts:14 (see the backslash-escape test above): the JSON says "(PCS \& MCS)".
  it('the SF-12 outcome reads "(PCS & MCS)", without the markdown backslash', () => {
    expect(trial.outcomes.secondary[1]!.description).toContain('Physical and Mental Health Composite Scores (PCS & MCS) and range from 0-100.');
  });

  it('eligibility: no maximum age; numbered items', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '18 Years', years: 18 },
      maxAge: null,
      healthyVolunteers: false,
      ageGroups: ['ADULT', 'OLDER_ADULT'],
      inclusion: [
        'Aged 18 years of age or older.',
        'Primary diagnosis of symptomatic degenerative disc disease (DDD) or symptomatic degenerative disc disease (DDD) with spondylolisthesis (Grade 1), or retrolisthesis, at one or two contiguous levels from L2 to S1.',
        'Have discogenic back pain.',
        'Suitable for transforaminal lumbar interbody fusion (TLIF) surgery.',
        'Indicated for surgical treatment with the Keos Lumbar IBFD with autologous bone graft.',
        'Completed at least 6 months of conservative non-operative treatment.',
        'Female subjects of childbearing age must have a negative pregnancy test.',
        'Able to understand this clinical study, co-operate with procedures.',
        'Able to give voluntary, written informed consent to participate.',
      ],
      exclusion: [
        'Not undergone previous spinal surgery at the affected disc level(s).',
        'Evidence of tumour and/or malignant disease.',
        'Known osteoporosis or severe osteopenia.',
        'Known rheumatoid arthritis, ankylosing spondylitis or who are immunocompromised.',
        'Known allergy to the material used in the instrumentation.',
        'Evidence of an active infection.',
        'Any conditions outlined as contraindicated in the Instructions for Use.',
        'Receiving any drug treatment that may affect bone metabolism.',
        'Female subjects who are pregnant or lactating.',
        'Current smokers or have stopped smoking less than 6 months ago.',
        'Known drug or alcohol abusers.',
        'Currently enrolled in a clinical study.',
      ],
    });
  });

  it('dates at the precision given (month-only completion dates)', () => {
    expect(trial.dates).toEqual({
      start: { date: '2021-07-01', type: 'ACTUAL' },
      primaryCompletion: { date: '2026-01', type: 'ESTIMATED' },
      completion: { date: '2026-01', type: 'ESTIMATED' },
      firstPosted: { date: '2020-06-04', type: 'ACTUAL' },
      lastUpdated: { date: '2023-09-28', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    expect(trial.locations).toEqual([loc('Neurosurgical Associates of Lancaster', 'Lancaster', 'Pennsylvania', '17601', 'United States')]);
    expect(trial.countries).toEqual(['United States']);
  });
});

describe('NCT04631133 (observational, five sites in three countries)', () => {
  const trial = fromExport('NCT04631133');

  it('identification, keywords, no interventional design', () => {
    expect(trial.secondaryIds).toEqual(['DHF-111-PMCF1']);
    expect(trial.title).toBe('LISA Post Market Clinical Follow-Up Study: Documentation of Clinical Outcomes After Surgery With LISA Implant');
    expect(trial.officialTitle).toBe(
      'LISA Post Market Clinical Follow-Up Study:Post Marketing Prospective Documentation of Clinical Outcomes (Post-operative, Safety and Performance) After Lumbar Dynamic Stabilization Surgery With LISA Implant',
    );
    expect(trial.acronym).toBe('LISA-PMCF');
    expect(trial.status).toBe('RECRUITING');
    expect(trial.phases).toEqual([]);
    expect(trial.studyType).toBe('OBSERVATIONAL');
    expect(trial.conditions).toEqual(['Chronic Low-back Pain', 'Herniated Disc', 'Degenerative Disc Disease', 'Lumbar Canal Stenosis']);
    expect(trial.keywords).toEqual([
      'Chronic Low-back Pain',
      'Herniated Disc',
      'Degenerative Disc Disease',
      'Lumbar Canal Stenosis',
      'Dynamic Stabilization Implants',
      'Post-Market Clinical Follow-Up Study',
    ]);
    expect(trial.sponsor).toBe('BACKBONE');
    expect(trial.collaborators).toEqual([]);
    expect(trial.enrollment).toEqual({ count: 136, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: null,
      interventionModel: null,
      primaryPurpose: null,
      masking: null,
      whoMasked: [],
      observationalModel: 'COHORT',
      timePerspective: 'PROSPECTIVE',
      expandedAccessTypes: [],
    });
    expect(trial.therapy).toEqual(NO_THERAPY);
  });

  it('a cohort without an arm type; 1 primary and 61 secondary outcomes', () => {
    expect(trial.arms).toEqual([
      {
        label: 'Participants with low-back pain and degenerative lesions of grade II, III, IV (Pfirrmann MRI class)',
        type: null,
        description: 'Participants with low-back pain that accompanies degenerative lesions of grade II, III and IV (Pfirrmann MRI classification)',
        interventions: ['Device: Lumbar Implant for Stiffness Augmentation (LISA)'],
      },
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'DEVICE',
        name: 'Lumbar Implant for Stiffness Augmentation (LISA)',
        description:
          'The LISA Posterior Dynamic Stabilization System is intended to treat low-back pain that accompanies degenerative lesions of grade II, III and IV (Pfirrmann MRI classification).',
        otherNames: [],
      },
    ]);
    expect(trial.outcomes.primary).toEqual([
      {
        measure:
          'LISA implant survival rate 2 years after surgery defined as successful LISA implantation without reoperation, revision, or removal/ ODI change between pre-operative assessment and 2 years follow-up (FU)/ 1ary endpoint will also be evaluated at 1-year FU',
        timeFrame: '24-months post surgery; 12-months post surgery',
        description: null,
      },
    ]);
    expect(trial.outcomes.secondary).toHaveLength(61);
    expect(trial.outcomes.secondary.filter((o) => o.description !== null)).toHaveLength(30);
    expect(trial.outcomes.secondary[1]).toEqual({ measure: 'Duration of the surgery', timeFrame: 'Perioperative', description: null });
    expect(trial.outcomes.secondary[60]).toEqual({
      measure: 'Change from baseline in foraminal compression at 72 months',
      timeFrame: '72-months post-surgery',
      description: 'Foraminal compression is assessed thanks to radiological results (if available)',
    });
  });

  it('eligibility', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '18 Years', years: 18 },
      maxAge: null,
      healthyVolunteers: false,
      ageGroups: ['ADULT', 'OLDER_ADULT'],
      inclusion: [
        'Skeletally mature patients Patient ≥18 years of age',
        'Patients with low-back pain caused by degenerative lesions of grade II, III and IV (Pfirrmann MRI classification)',
        'Failed conservative treatment for low back pain conducted for at least 6 months',
      ],
      exclusion: [
        "Stage V degenerative disk lesions in Pfirrmann's MRI classification",
        'Spondylolisthesis',
        'Osteoporosis',
        'Non-specific back pain',
        'Modic 2 and Modic 3 changes',
        'L5/S1 segments affected',
        'Local or general infections that may compromise the surgical goals',
        'Major local inflammatory phenomena',
        'Pregnant and lactating Women',
        'Immunosuppressive diseases',
        'Bone immaturity',
        'Severe mental illnesses',
        'Bone metabolism diseases that may compromise the mechanical support expected from this type of implant',
        "Patient with worker's compensation, under litigation or on disability benefits",
        'Excessive physical activities',
        'Patients deprived of their liberty in accordance with respective national regulations',
        'Protected patients or patients not in a position to declare his or her consent in accordance with respective national regulations',
      ],
    });
  });

  it('dates, locations without states, distinct countries in order of appearance', () => {
    expect(trial.dates).toEqual({
      start: { date: '2019-04-17', type: 'ACTUAL' },
      primaryCompletion: { date: '2024-12-31', type: 'ESTIMATED' },
      completion: { date: '2028-12-31', type: 'ESTIMATED' },
      firstPosted: { date: '2020-11-17', type: 'ACTUAL' },
      lastUpdated: { date: '2022-07-21', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    expect(trial.locations).toEqual([
      loc('Elective Surgery Center, Silkeborg Regional Hospital', 'Silkeborg', null, '8600', 'Denmark'),
      loc('Pellegrin University Hospital Center', 'Bordeaux', null, '33300', 'France'),
      loc('Saint-Charles Clinic', 'Lyon', null, '69001', 'France'),
      loc('Pitié-Salpêtrière University Hospital Center', 'Paris', null, '75013', 'France'),
      loc('Asklepios Stadtklinik, Bad Wildungen', 'Bad Wildungen', null, 'D-34537', 'Germany'),
    ]);
    expect(trial.countries).toEqual(['Denmark', 'France', 'Germany']);
  });
});

describe('NCT06447194 (phases 1 and 2, quadruple masking, other names)', () => {
  const trial = fromExport('NCT06447194');

  it('identification, status, design', () => {
    expect(trial.secondaryIds).toEqual(['HP-00109268']);
    expect(trial.title).toBe('Effect of RECK in Posterior Spinal Fusion');
    expect(trial.officialTitle).toBe(
      'Effect of Local Injectable Ropivacaine, Epinephrine, Clonidine, and Ketorolac (RECK) Anesthetic Cocktail on Postoperative Pain in Posterior Spinal Fusion',
    );
    expect(trial.acronym).toBeNull();
    expect(trial.status).toBe('NOT_YET_RECRUITING');
    expect(trial.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(trial.studyType).toBe('INTERVENTIONAL');
    expect(trial.conditions).toEqual([
      'Degenerative Lumbar Spinal Stenosis',
      'Degenerative Disc Disease',
      'Degenerative Spondylolisthesis',
      'Degenerative Disease',
    ]);
    expect(trial.keywords).toEqual([
      'Spine Surgery',
      'Lumbar Fusion',
      'Pain Control',
      'Opioid Utilization',
      'Local Anesthesia',
      'RECK',
      'R.E.C.K.',
      'Ropivacaine',
      'Epinephrine',
      'Clonidine',
      'Ketorolac',
      'Randomized Controlled Trial',
    ]);
    expect(trial.sponsor).toBe('University of Maryland, Baltimore');
    expect(trial.collaborators).toEqual([]);
    expect(trial.enrollment).toEqual({ count: 72, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: 'RANDOMIZED',
      interventionModel: 'PARALLEL',
      primaryPurpose: 'TREATMENT',
      masking: 'QUADRUPLE',
      whoMasked: ['PARTICIPANT', 'CARE_PROVIDER', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR'],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.therapy).toEqual(NO_THERAPY);
  });

  it('arms keep their paragraphs; interventions keep their other names', () => {
    expect(trial.arms).toEqual([
      {
        label: 'Intervention (RECK)',
        type: 'EXPERIMENTAL',
        description:
          'The arm of patients who will be administered "RECK" local anesthesia cocktail:\n\nRopivacaine 0.125g Clonidine 80 mcg Epinephrine 0.5 mg Ketorolac 30 mg In sterile water 73 mL (total volume of compound is 100 mL)\n\nGiven through paraspinal muscle injection once intraoperatively.',
        interventions: ['Drug: Ropivacaine, Epinephrine, Clonidine, and Ketorolac Injection Cocktail'],
      },
      {
        label: 'Control Group (Placebo)',
        type: 'PLACEBO_COMPARATOR',
        description:
          'The arm of patients who will be administered a placebo injection:\n\n100 mL Normal Saline\n\nGiven through paraspinal muscle injection once intraoperatively.',
        interventions: ['Other: Placebo'],
      },
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'DRUG',
        name: 'Ropivacaine, Epinephrine, Clonidine, and Ketorolac Injection Cocktail',
        description: 'Please refer to description for interventional group.',
        otherNames: ['RECK'],
      },
      {
        type: 'OTHER',
        name: 'Placebo',
        description: '100mL paraspinal normal saline injection intraoperatively, once.',
        otherNames: [],
      },
    ]);
    expect(trial.outcomes.primary.map((o) => [o.measure, o.timeFrame])).toEqual([
      [
        'Postoperative VAS Pain Scores',
        '2, 4, and 6 hours immediately postoperatively, then repeating once daily through hospital admission (an average of 4 days)',
      ],
    ]);
    expect(trial.outcomes.secondary).toEqual([
      {
        measure: 'Opioid Utilization',
        timeFrame: 'Postoperatively day 1, then repeating once daily through hospital admission (an average of 4 days)',
        description: 'Secondary aims: to investigate of effect of RECK injection on postoperative opioid consumption.',
      },
      {
        measure: 'Hospital Length of Stay',
        timeFrame: 'Up to 2 weeks (an average of 4 days)',
        description: 'Secondary aims: to investigate of effect of RECK injection on hospital length of stay.',
      },
    ]);
  });

  it('eligibility, dates, place', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '18 Years', years: 18 },
      maxAge: { text: '88 Years', years: 88 },
      healthyVolunteers: true,
      ageGroups: ['ADULT', 'OLDER_ADULT'],
      inclusion: ['Age 18-88 years old', 'Undergoing spinal fusion at 1-3 lumbar levels via a posterior approach.'],
      exclusion: [
        'Revision surgeries',
        'Surgeries indicated for trauma, tumor, or infection',
        'Preoperative history of moderate to severe hepatic, renal, cardiac, or psychiatric illness',
        'Known hypersensitivity to any of the RECK components',
      ],
    });
    expect(trial.dates).toEqual({
      start: { date: '2025-04-01', type: 'ESTIMATED' },
      primaryCompletion: { date: '2027-01-01', type: 'ESTIMATED' },
      completion: { date: '2027-04-01', type: 'ESTIMATED' },
      firstPosted: { date: '2024-06-07', type: 'ACTUAL' },
      lastUpdated: { date: '2024-06-07', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    expect(trial.locations).toEqual([loc('University of Maryland Medical Center', 'Baltimore', 'Maryland', '21201', 'United States')]);
    expect(trial.hasResults).toBe(false);
  });
});

describe('NCT03076658 (diagnostic imaging; a start date without a type)', () => {
  const trial = fromExport('NCT03076658');

  it('identification, design, intervention', () => {
    expect(trial.secondaryIds).toEqual(['15-2433']);
    expect(trial.title).toBe('Open Access Database of Standing Full Body Radiographs in Asymptomatic Volunteers');
    expect(trial.officialTitle).toBe('Open Access Database of Standing Full Body Radiographs in Asymptomatic Volunteers');
    expect(trial.status).toBe('RECRUITING');
    expect(trial.phases).toEqual(['NA']);
    expect(trial.conditions).toEqual(['Intervertebral Disc Degeneration', 'Osteoarthritis, Spine']);
    expect(trial.keywords).toEqual([]);
    expect(trial.sponsor).toBe('University of Colorado, Denver');
    expect(trial.enrollment).toEqual({ count: 60, type: 'ESTIMATED' });
    expect(trial.design).toEqual({
      allocation: 'NA',
      interventionModel: 'SINGLE_GROUP',
      primaryPurpose: 'DIAGNOSTIC',
      masking: 'NONE',
      whoMasked: [],
      observationalModel: null,
      timePerspective: null,
      expandedAccessTypes: [],
    });
    expect(trial.arms).toEqual([
      {
        label: 'asymptomatic EOS Imaging',
        type: 'OTHER',
        description: 'patients that qualify for study and EOS imaging to analyze spino-pelvic parameters',
        interventions: ['Radiation: EOS imaging'],
      },
    ]);
    expect(trial.interventions.map((i) => [i.type, i.name, i.otherNames])).toEqual([['RADIATION', 'EOS imaging', []]]);
    expect(trial.therapy).toEqual(NO_THERAPY);
  });

  it('15 primary outcomes without descriptions', () => {
    expect(trial.outcomes.primary).toHaveLength(15);
    expect(trial.outcomes.primary[0]).toEqual({ measure: 'Coronal plumb-line', timeFrame: 'Through 1 EOS scan, 20 minutes', description: null });
    expect(trial.outcomes.primary[14]).toEqual({ measure: 'Sacral slope (SS)', timeFrame: 'Through 1 EOS scan, 20 minutes', description: null });
    expect(trial.outcomes.secondary).toEqual([]);
  });

  it('eligibility accepts healthy volunteers; "BMI \\>37" unescaped', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '21 Years', years: 21 },
      maxAge: { text: '85 Years', years: 85 },
      healthyVolunteers: true,
      ageGroups: ['ADULT', 'OLDER_ADULT'],
      inclusion: ['Males and females age 21-85 without a history of spine surgery.'],
      exclusion: [
        'History of spine or neural axis surgery',
        'History of cancer with or without metastatic disease',
        'Connective tissue, rheumatologic (or other inflammatory arthropathies), or neurologic disorders',
        'History of knee replacement surgery, as these may have contractures causing unexpected changes in alignment',
        'Severe osteoarthritis of the hips/knees/ankles',
        'Spondylitis',
        'Compression fractures or other trauma of the spinal column',
        'Previous trauma/fractures of the pelvis whether or not surgery was required',
        'Previous trauma or fractures of the lower extremities requiring surgery',
        'Pregnant women',
        'BMI >37',
        'Oswestry Disability Index score >25',
      ],
    });
  });

  it('dates: month precision kept, a missing type is null', () => {
    expect(trial.dates).toEqual({
      start: { date: '2016-09', type: null },
      primaryCompletion: { date: '2031-01', type: 'ESTIMATED' },
      completion: { date: '2031-01', type: 'ESTIMATED' },
      firstPosted: { date: '2017-03-10', type: 'ACTUAL' },
      lastUpdated: { date: '2023-09-28', type: 'ACTUAL' },
      resultsFirstPosted: null,
    });
    // the facility name is kept as the registry spells it
    expect(trial.locations).toEqual([loc('University of Coloardo Denver', 'Aurora', 'Colorado', '80045', 'United States')]);
  });
});

describe('NCT06525896 (two collaborators, a sham arm, 25 keywords)', () => {
  const trial = fromExport('NCT06525896');

  it('identification and sponsors', () => {
    expect(trial.secondaryIds).toEqual(['STUDY007409: NSSD-RESTORE']);
    expect(trial.title).toBe('Non-surgical Spinal Decompression Therapy and Outcomes');
    expect(trial.acronym).toBe('RESTORE');
    expect(trial.status).toBe('NOT_YET_RECRUITING');
    expect(trial.phases).toEqual(['NA']);
    expect(trial.sponsor).toBe('University of South Florida');
    expect(trial.collaborators).toEqual(['Stanford University', 'U.S. Army Medical Research and Development Command']);
    expect(trial.conditions).toEqual([
      'Low Back Pain',
      'Herniation, Disc',
      'Sciatic Radiculopathy',
      'Intervertebral Disc Stenosis of Neural Canal',
      'Intervertebral Disc Injury',
    ]);
    expect(trial.keywords).toHaveLength(25);
    expect(trial.keywords.slice(0, 3)).toEqual(['decompression', 'non-surgical', 'spine']);
    expect(trial.keywords.at(-1)).toBe('therapeutics');
    expect(trial.enrollment).toEqual({ count: 42, type: 'ESTIMATED' });
    expect(trial.design.masking).toBe('QUADRUPLE');
  });

  it('a sham comparator; both devices list the same other names', () => {
    expect(trial.arms.map((a) => [a.label, a.type, a.interventions])).toEqual([
      ['NSSD', 'EXPERIMENTAL', ['Device: NSSD']],
      ['Sham NSSD', 'SHAM_COMPARATOR', ['Device: Sham NSSD']],
    ]);
    expect(trial.interventions).toEqual([
      {
        type: 'DEVICE',
        name: 'NSSD',
        description: 'A robotically-controlled distractive force is applied to the lower back to produce decompression of the spinal column.',
        otherNames: ['Vertebral Axial Decompression', 'Traction'],
      },
      {
        type: 'DEVICE',
        name: 'Sham NSSD',
        description:
          'A robotically-controlled distractive force (lower than the intervention) is applied to tension the belt and create a sense of decompression without producing decompression of the spinal column.',
        otherNames: ['Vertebral Axial Decompression', 'Traction'],
      },
    ]);
    expect(trial.outcomes.primary.map((o) => o.measure)).toEqual([
      'Lumbar Spine Magnetic Resonance Imaging (MRI)',
      '3D Motion Capture',
      'Surface Electromyography',
      'Myotonometer',
      'Sensorimotor Reflex (H-Reflex)',
    ]);
    expect(trial.outcomes.primary[4]!.description).toContain('which can be affected by IVD lesions.\n\nA low-intensity electrical stimulus');
    expect(trial.outcomes.secondary.map((o) => o.measure)).toEqual([
      'DVPRS 2.0',
      'PROMIS Physical Function',
      'PROMIS Pain Interference',
      'Oswestry Disability Index',
      'Central Sensitization Inventory',
    ]);
  });

  it('eligibility and places', () => {
    expect(trial.eligibility).toEqual({
      sex: 'ALL',
      minAge: { text: '18 Years', years: 18 },
      maxAge: { text: '65 Years', years: 65 },
      healthyVolunteers: false,
      ageGroups: ['ADULT', 'OLDER_ADULT'],
      inclusion: [
        'Diagnosis of chronic LBP for a minimum of 3 months caused by pathological intervertebral disc, degenerative disc disease, posterior facet syndrome, and/or sciatica.',
      ],
      exclusion: [
        'Known serious spinal pathology (e.g., vertebral fracture, tumor, osteoporosis)',
        'Evidence of central nervous system involvement of pain',
        'Other chronic pain conditions',
        'Pregnancy',
        'Spinal fusion',
        'Inability to comply with treatment schedule',
        'Inability to complete MRIs (e.g., claustrophobia, pacemaker, ferromagnetic implants)',
      ],
    });
    expect(trial.locations).toEqual([
      loc('Stanford University', 'Stanford', 'California', '94305-2004', 'United States'),
      loc('University of South Florida', 'Tampa', 'Florida', '33613', 'United States'),
    ]);
    expect(trial.countries).toEqual(['United States']);
  });
});

// ================================================================== regressions the export exposed

describe('criteria headings in every form the export uses', () => {
  // Regression (was a bug in) src/ingest/formats/ctgov-json.ts:199 and :204 (splitCriteria's heading regexes): a heading only
  // counts when it is exactly "[Key|Main|General] Inclusion/Exclusion Criteria…" with nothing after
  // the colon. "Exclusion Criteria: contra-indication" (NCT05997121, NCT06342765) is then read as
  // an inclusion item and all 17 / 16 exclusion criteria follow it into `inclusion`; `exclusion`
  // is empty, and no flag is raised because an Inclusion heading was seen.
  it('NCT05997121 and NCT06342765: "Exclusion Criteria: contra-indication" starts the exclusions', () => {
    expect(fromExport('NCT05997121').eligibility.exclusion).toContain('Morbid obesity');
    expect(fromExport('NCT05997121').eligibility.inclusion).not.toContain('Morbid obesity');
    expect(fromExport('NCT06342765').eligibility.exclusion).toContain('Pathological obesity');
  });

  // Regression, same fix: "Subject Inclusion Criteria:" / "Subject Exclusion Criteria" (NCT04042844) are
  // not recognised, so the 35 numbered exclusion criteria ("Pregnant or lactating women", …) are
  // published as inclusion criteria, the headings themselves become items, and the trial gets a
  // wrong `criteria-not-sectioned` flag. This is one of the two MSC trials of the export.
  it('NCT04042844: "Subject Exclusion Criteria" starts the exclusions', () => {
    const trial = fromExport('NCT04042844');
    expect(trial.eligibility.exclusion).toContain('Pregnant or lactating women');
    expect(trial.eligibility.exclusion).toContain('History of regular, long term, daily opioid drug use (>30 MME)');
    expect(trial.eligibility.inclusion).not.toContain('Pregnant or lactating women');
    expect(trial.eligibility.inclusion).not.toContain('Subject Exclusion Criteria');
    expect(codes(trial)).not.toContain('criteria-not-sectioned');
  });

  // Regression, same fix: "Intraoperative Exclusion Criteria:" (NCT05508360) is not a heading for the
  // reader, so the three intraoperative exclusion criteria land in `inclusion`.
  it('NCT05508360: "Intraoperative Exclusion Criteria:" items are exclusions', () => {
    const { eligibility } = fromExport('NCT05508360');
    expect(eligibility.exclusion).toContain('Patient has a disc space that is too narrow for implantation.');
    expect(eligibility.inclusion).not.toContain('Patient has a disc space that is too narrow for implantation.');
  });

  // Regression, same fix: the heading test runs before the bullet is stripped, so "* Inclusion criteria:"
  // (NCT05614284) is published as an inclusion criterion. (src/ingest/text.ts has `stripBullets`
  // for exactly this case in the page-copy readers.)
  it('NCT05614284: a bulleted "* Inclusion criteria:" heading is not an item', () => {
    expect(fromExport('NCT05614284').eligibility.inclusion).not.toContain('Inclusion criteria:');
  });
});

describe('interventions that share a name', () => {
  // Regression (was a bug in) src/ingest/normalize.ts:268 (`existing.description ??= …` in the interventions loop): two
  // interventions with the same type and name are merged and the second one's description is
  // dropped. NCT06462729 states two "Device: LDGraft" interventions, one per dose arm; the
  // 1.0 mg/cc one ("LDGraft 1.0mg/cc rhBMP-2 applied within intervertebral cage…") appears
  // nowhere in the trial. NCT06226272 loses "Thoracic / Lumbar Spinal Fusion" the same way.
  it('NCT06462729 and NCT06226272 keep the description of each same-named intervention', () => {
    expect(textsOf(fromExport('NCT06462729').interventions).join('\n')).toContain(
      'LDGraft 1.0mg/cc rhBMP-2 applied within intervertebral cage with placement of anterior fixation (plate and screws)',
    );
    expect(textsOf(fromExport('NCT06226272').interventions).join('\n')).toContain('Thoracic / Lumbar Spinal Fusion');
  });
});

// ================================================================== inline studies

describe('document shapes', () => {
  it('the minimal study gives a clean trial', () => {
    const trial = readOne(study());
    expect(TrialSchema.parse(trial)).toEqual(trial);
    expect(trial.id).toBe('NCT01234567');
    expect(trial.title).toBe('A minimal study');
    expect(trial.eligibility.inclusion).toEqual(['Adults']);
    expect(trial.eligibility.exclusion).toEqual(['Pregnancy']);
    // it names no product at all, so its scope needs review; no other flag
    expect(trial.scope).toEqual({ value: 'UNCLEAR', reason: 'The fields we hold name no product that participants receive.', evidence: [] });
    expect(codes(trial)).toEqual(['scope-unclear']);
  });

  it('a single study object (not in an array) gives one trial', () => {
    const trial = readOne(study());
    expect(trial.sources).toEqual([{ file: 'inline.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: null, retrieved: null, row: null }]);
  });

  it('an API page {"studies": [...]} gives every study', () => {
    const trials = readDoc({
      studies: [
        study({ identificationModule: { nctId: 'NCT00000002', briefTitle: 'Second' } }),
        study({ identificationModule: { nctId: 'NCT00000001', briefTitle: 'First' } }),
      ],
      nextPageToken: 'abc',
    });
    expect(trials.map((t) => [t.id, t.title])).toEqual([
      ['NCT00000001', 'First'],
      ['NCT00000002', 'Second'],
    ]);
  });

  it('hasResults is read from beside protocolSection', () => {
    expect(readOne(study({}, { hasResults: true })).hasResults).toBe(true);
    expect(readOne(study({}, { hasResults: undefined })).hasResults).toBeNull();
  });
});

describe('identifiers', () => {
  it('an EudraCT number goes to registryIds after the NCT id; the org study id and a grant to secondaryIds', () => {
    const trial = readOne(
      study({
        identificationModule: {
          orgStudyIdInfo: { id: 'MSC-OA-01' },
          secondaryIdInfos: [
            { id: '2019-001234-56', type: 'EUDRACT_NUMBER' },
            { id: 'R01AR071234', type: 'NIH', link: 'https://reporter.nih.gov/quickSearch/R01AR071234' },
          ],
        },
      }),
    );
    expect(trial.id).toBe('NCT01234567');
    expect(trial.registryIds).toEqual(['NCT01234567', '2019-001234-56']);
    expect(trial.secondaryIds).toEqual(['MSC-OA-01', 'R01AR071234']);
  });

  it('without an nctId, an ISRCTN in secondaryIdInfos is the id', () => {
    const trial = readOne(
      study({
        identificationModule: {
          nctId: undefined,
          orgStudyIdInfo: { id: 'UCL-2021-07' },
          secondaryIdInfos: [{ id: 'ISRCTN12345678', type: 'REGISTRY', domain: 'ISRCTN' }],
        },
      }),
    );
    expect(trial.id).toBe('ISRCTN12345678');
    expect(trial.registryIds).toEqual(['ISRCTN12345678']);
    expect(trial.secondaryIds).toEqual(['UCL-2021-07']);
    expect(codes(trial)).not.toContain('no-registry-id');
  });

  it('a study with no identification at all is refused, naming the file and the field', () => {
    const doc = study({ identificationModule: { nctId: undefined } });
    expect(() => readSourceFile({ path: 'anonymous.json', content: JSON.stringify([doc]) })).toThrow(IngestError);
    expect(() => readSourceFile({ path: 'anonymous.json', content: JSON.stringify([doc]) })).toThrow(
      /^anonymous\.json: study 1 has no identification[\s\S]*identificationModule\.nctId/u,
    );
  });
});

describe('values', () => {
  it('criteria without headings: every item under inclusion, with a criteria-not-sectioned info flag', () => {
    const trial = readOne(study({ eligibilityModule: { eligibilityCriteria: '* Adults with knee pain\n* Able to consent\n* Not pregnant' } }));
    expect(trial.eligibility.inclusion).toEqual(['Adults with knee pain', 'Able to consent', 'Not pregnant']);
    expect(trial.eligibility.exclusion).toEqual([]);
    // (the inline study names no product, hence also scope-unclear, tested above)
    expect(trial.flags.filter((f) => codes(trial).includes(f.code) && f.code !== 'scope-unclear')).toEqual([
      expect.objectContaining({ code: 'criteria-not-sectioned', field: 'eligibility.inclusion', severity: 'info' }),
    ]);
  });

  it('an unknown enum value ("PAUSED") gives status null and an unmapped-value flag naming it', () => {
    const trial = readOne(study({ statusModule: { overallStatus: 'PAUSED' } }));
    expect(trial.status).toBeNull();
    const flag = trial.flags.find((f) => f.code === 'unmapped-value');
    expect(flag).toMatchObject({ field: 'status', severity: 'warning' });
    expect(flag!.message).toContain('"PAUSED"');
  });

  it('ages in months, weeks and days become years (÷ 12, ÷ 52.1775, ÷ 365.25; 4 decimals)', () => {
    const age = (minimumAge: string, maximumAge?: string) =>
      readOne(study({ eligibilityModule: { minimumAge, maximumAge } })).eligibility;
    expect(age('45 Months', '17 Years')).toMatchObject({
      minAge: { text: '45 Months', years: 3.75 },
      maxAge: { text: '17 Years', years: 17 },
    });
    expect(age('2 Weeks').minAge).toEqual({ text: '2 Weeks', years: 0.0383 });
    expect(age('30 Days').minAge).toEqual({ text: '30 Days', years: 0.0821 });
    expect(age('1 Month').minAge).toEqual({ text: '1 Month', years: 0.0833 });
    expect(age('18 Years').maxAge).toBeNull();
  });

  it('phases and who is masked come out in the contract order', () => {
    const trial = readOne(
      study({
        designModule: {
          phases: ['PHASE2', 'PHASE1'],
          designInfo: { maskingInfo: { masking: 'TRIPLE', whoMasked: ['OUTCOMES_ASSESSOR', 'PARTICIPANT', 'INVESTIGATOR'] } },
        },
      }),
    );
    expect(trial.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(trial.design.whoMasked).toEqual(['PARTICIPANT', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
  });

  it('markup in a field is kept verbatim as inert text: no stripping, no error', () => {
    const script = '<script>alert(1)</script>';
    const trial = readOne(
      study({
        identificationModule: { briefTitle: `MSCs for knee pain ${script}` },
        descriptionModule: { briefSummary: `Summary ${script} end.` },
        eligibilityModule: { eligibilityCriteria: `Inclusion Criteria:\n\n* Adults ${script}\n\nExclusion Criteria:\n\n* Pregnancy` },
      }),
    );
    expect(trial.title).toBe(`MSCs for knee pain ${script}`);
    expect(trial.summary).toBe(`Summary ${script} end.`);
    expect(trial.eligibility.inclusion).toEqual([`Adults ${script}`]);
    expect(TrialSchema.parse(trial)).toEqual(trial);
  });
});

describe('files that are not ClinicalTrials.gov JSON', () => {
  it('truncated JSON: an IngestError naming the file and saying it cannot be parsed', () => {
    const content = JSON.stringify([study()]).slice(0, 120);
    const read = () => readSourceFile({ path: 'downloads/ctg-studies.json', content });
    expect(read).toThrow(IngestError);
    expect(read).toThrow(/^downloads\/ctg-studies\.json: .*cannot be parsed/u);
  });

  it('JSON of another kind: an IngestError naming the file and "protocolSection"', () => {
    const read = () => readSourceFile({ path: 'other.json', content: '{"foo":1}' });
    expect(read).toThrow(IngestError);
    expect(read).toThrow(/^other\.json: /u);
    expect(read).toThrow(/protocolSection/u);
  });
});
