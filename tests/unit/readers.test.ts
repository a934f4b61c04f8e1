/**
 * Our own fixture records, one folder per layout (tests/fixtures/records/<layout>/), for the
 * variation the five seeds do not show: missing and empty sections, numbered vs bulleted lists,
 * ages in days/months/open-ended/"undefined", N/A and Roman/slashed phases, withdrawn trials with
 * 0 participants, results pages, labels glued to values, doubled text, related-trial blocks with
 * other NCT ids, and trials whose only ids are IRCT/ISRCTN/ChiCTR/EudraCT.
 * Each is compared field by field with a hand-checked expected record, plus the point it makes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile } from '../../src/ingest/catalogue.ts';
import { detectFormat } from '../../src/ingest/detect.ts';
import { toPublicTrial, type Trial } from '../../src/schemas/trial.ts';
import { SIGNAL_CODES } from '../../src/ingest/flags.ts';

const ROOT = 'tests/fixtures/records';
const AS_OF = new Date('2026-11-22T00:00:00Z');

function trialOf(layout: string, name: string): Trial {
  const file = { path: `${name}`, content: readFileSync(`${ROOT}/${layout}/${name}`, 'utf8') };
  const entries = assemble([readSourceFile(file)], { asOf: AS_OF });
  expect(entries).toHaveLength(1);
  return toPublicTrial(entries[0]!);
}
/** Data-quality flag codes (evidence signals are tested in flags.test.ts). */
const codes = (t: Trial) => t.flags.map((f) => f.code).filter((c) => !(SIGNAL_CODES as readonly string[]).includes(c));

const LAYOUTS = ['veeva', 'meddatax', 'medpath', 'ctgov-classic', 'generic'] as const;

describe.each(LAYOUTS)('%s fixtures', (layout) => {
  const names = readdirSync(`${ROOT}/${layout}`).filter((n) => n.endsWith('.txt')).sort();
  it('has at least two fixtures', () => expect(names.length).toBeGreaterThanOrEqual(2));
  it.each(names)('%s is detected as this layout and matches its expected record exactly', (name) => {
    const content = readFileSync(`${ROOT}/${layout}/${name}`, 'utf8');
    expect(detectFormat({ path: 'x', content }).format).toBe(layout);
    const expected = JSON.parse(readFileSync(`tests/fixtures/expected/records/${layout}/${name.replace(/\.txt$/u, '.json')}`, 'utf8'));
    expect(trialOf(layout, name)).toEqual(expected);
  });
});

describe('ClinicalTrials.Veeva variants', () => {
  it('withdrawn, 0 patients, "18+ years old", numbered criteria, annotated secondary id', () => {
    const t = trialOf('veeva', 'withdrawn-zero.txt');
    expect(t.status).toBe('WITHDRAWN');
    expect(t.enrollment).toEqual({ count: 0, type: null });
    expect(t.eligibility.minAge).toEqual({ text: '18 Years', years: 18 });
    expect(t.eligibility.maxAge).toBeNull();
    expect(t.eligibility.inclusion).toEqual(['Women aged 18 years or older', 'Complex perianal fistula', 'Failure of biologic therapy']);
    expect(t.secondaryIds).toEqual(['SUH-2021-07']);
    expect(t.arms[0]!.interventions).toEqual(['Biological: Autologous bone marrow MSC', 'Procedure: Fistula curettage']);
    expect(t.therapy).toEqual({ products: ['CELLS'], cellSources: ['BONE_MARROW'], donor: ['AUTOLOGOUS'], routes: ['LOCAL_INJECTION'] });
  });

  it('no NCT id: the IRCT id is the id, EudraCT a registry id; related NCT ids are not taken', () => {
    const t = trialOf('veeva', 'irct-related.txt');
    expect(t.id).toBe('IRCT20190101042101N1');
    expect(t.registryIds).toEqual(['IRCT20190101042101N1', '2019-001234-56']);
    expect(t.secondaryIds).toEqual(['TUMS-EYE-09']);
    expect(JSON.stringify(t)).not.toMatch(/NCT04213248|NCT05000001/u);
    expect(t.eligibility.minAge).toEqual({ text: '6 Months', years: 0.5 });
    expect(t.eligibility.maxAge).toEqual({ text: '17 Years', years: 17 });
    expect(t.eligibility.healthyVolunteers).toBe(true);
    expect(t.design.masking).toBe('QUADRUPLE');
    expect(t.collaborators).toEqual(['Royan Institute']);
    expect(t.locations).toEqual([
      { facility: 'Farabi Eye Hospital', city: 'Tehran', state: 'Tehran Province', zip: '13366', country: 'Iran' },
      { facility: 'Royan Institute Clinic', city: 'Tehran', state: null, zip: null, country: 'Iran' },
    ]);
    expect(t.therapy).toEqual({ products: ['EXTRACELLULAR_VESICLES'], cellSources: ['UMBILICAL_CORD'], donor: [], routes: ['TOPICAL'] });
  });

  it('labels glued to values, "undefined" ages, empty sections, slashed phases, continued list item', () => {
    const t = trialOf('veeva', 'glued-minimal.txt');
    expect(t.enrollment).toEqual({ count: 120, type: null });
    expect(t.eligibility.sex).toBe('ALL');
    expect(t.eligibility.minAge).toBeNull();
    expect(t.phases).toEqual(['PHASE2', 'PHASE3']);
    expect(t.conditions).toEqual([]);
    expect(t.sponsor).toBeNull();
    expect(t.eligibility.inclusion).toEqual([
      'Hip osteoarthritis, Kellgren-Lawrence grade 2 to 4, which has not responded to physiotherapy',
      'Pain for at least 6 months',
    ]);
    expect(codes(t)).toEqual(['missing-field']);
  });

  it('markup inside fields stays inert text, unchanged', () => {
    const t = trialOf('veeva', 'script-injection.txt');
    expect(t.title).toBe('Secretome <script>alert("title")</script> Trial for Knee Osteoarthritis');
    expect(t.sponsor).toBe('<img src=x onerror=alert(1)> Sample Sponsor');
    expect(t.conditions).toEqual(["Knee Osteoarthritis</td></tr><script>fetch('//evil')</script>"]);
    expect(t.summary).toBe('Plain text with <b>tags</b> & an ampersand, kept as text: <script>alert(2)</script>');
  });
});

describe('meddatax variants', () => {
  it('results page, PHASE2+3, 1,200 participants, ages in days, outcomes, masked roles, EudraCT', () => {
    const t = trialOf('meddatax', 'results-months.txt');
    expect(t.hasResults).toBe(true);
    expect(t.phases).toEqual(['PHASE2', 'PHASE3']);
    expect(t.enrollment).toEqual({ count: 1200, type: null });
    expect(t.eligibility.minAge).toEqual({ text: '5 Days', years: 0.0137 });
    expect(t.eligibility.maxAge).toEqual({ text: '14 Days', years: 0.0383 });
    expect(t.design.whoMasked).toEqual(['PARTICIPANT', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
    expect(t.registryIds).toEqual(['NCT09000010', '2018-004567-11']);
    expect(t.outcomes.primary).toEqual([
      { measure: 'Survival without BPD', timeFrame: '36 weeks postmenstrual age', description: 'Death or moderate-to-severe BPD.' },
    ]);
    expect(t.dates.start).toEqual({ date: '2019-01', type: null });
    expect(t.locations[0]).toEqual({ facility: 'Samsung Medical Center', city: 'Seoul', state: null, zip: '06351', country: 'South Korea' });
    expect(t.interventions[0]!.otherNames).toEqual(['Pneumostem']);
    expect(JSON.stringify(t)).not.toContain('NCT04003857');
  });

  it('no NCT id: the ISRCTN from "Other Identifiers" is the id; NA phase; withdrawn with 0', () => {
    const t = trialOf('meddatax', 'no-nct-na.txt');
    expect(t.id).toBe('ISRCTN12345678');
    expect(t.phases).toEqual(['NA']);
    expect(t.status).toBe('WITHDRAWN');
    expect(t.enrollment).toEqual({ count: 0, type: null });
    expect(t.hasResults).toBe(false);
    expect(t.interventions).toEqual([{ type: 'BIOLOGICAL', name: 'Secretome gel', description: null, otherNames: [] }]);
    expect(JSON.stringify(t)).not.toContain('NCT05000002');
  });
});

describe('MedPath variants', () => {
  it('ISRCTN only, two phase lines, known interventions split the arm table, untimed outcome', () => {
    const t = trialOf('medpath', 'isrctn-multi.txt');
    expect(t.id).toBe('ISRCTN87654321');
    expect(t.phases).toEqual(['PHASE1', 'PHASE2']);
    expect(t.arms).toEqual([
      { label: 'WJ-MSC group', type: null, description: 'Two intravenous infusions of 1 million cells/kg, 48 hours apart', interventions: ['Biological: WJ-MSC'] },
      { label: 'Placebo group', type: null, description: 'Plasma-Lyte infusions', interventions: ['Other: Placebo'] },
    ]);
    expect(t.outcomes.secondary).toEqual([
      { measure: 'Ventilator-free days', timeFrame: '28 days', description: null },
      { measure: 'Mortality', timeFrame: null, description: 'All-cause mortality.' },
    ]);
    expect(t.eligibility.exclusion).toEqual(['Pregnancy', 'Active malignancy']);
    expect(t.countries).toEqual(['United Kingdom']);
  });

  it('an arm row whose cells cannot be split is kept whole and flagged, never guessed', () => {
    const t = trialOf('medpath', 'withdrawn-na.txt');
    expect(t.phases).toEqual(['NA']);
    expect(t.arms[0]!.label).toBe('Exosome armPlacental MSC exosomesintra-ovarian injection under ultrasound guidance');
    expect(codes(t)).toEqual(['unsplit-list', 'criteria-age-differs', 'missing-field']);
  });
});

describe('ClinicalTrials.gov classic variants', () => {
  it('inline labels, tab-separated locations with an empty cell, doubled title, EudraCT and grant ids', () => {
    const t = trialOf('ctgov-classic', 'crossover-tabs.txt');
    expect(t.officialTitle).toBe('A Randomised Crossover Study of Autologous Bone Marrow MSCs in Multiple Sclerosis');
    expect(t.acronym).toBe('MESEMS-X');
    expect(t.enrollment).toEqual({ count: 80, type: 'ESTIMATED' });
    expect(t.dates.primaryCompletion).toEqual({ date: '2026-12', type: 'ESTIMATED' });
    expect(t.registryIds).toEqual(['NCT09000030', '2020-001111-22']);
    expect(t.secondaryIds).toEqual(['MESEMS-X-01', 'R01 NS000000']);
    expect(t.collaborators).toEqual(['Sample Foundation', 'Another Partner']);
    expect(t.locations).toEqual([
      { facility: 'Sample Neurological Institute', city: 'Milan', state: 'Lombardy', zip: '20133', country: 'Italy' },
      { facility: 'Sample University Hospital', city: 'Genoa', state: null, zip: '16132', country: 'Italy' },
    ]);
    expect(t.arms.map((a) => [a.label, a.type])).toEqual([
      ['Early MSC', 'EXPERIMENTAL'],
      ['Delayed MSC', 'ACTIVE_COMPARATOR'],
    ]);
    expect(t.therapy.routes).toEqual(['INTRAVENOUS', 'INTRATHECAL']);
    // still recruiting, last updated in January 2023
    expect(codes(t)).toEqual(['duplicated-text', 'status-stale']);
  });

  it('results page: results tables are not read as the protocol; "18 Years and older (Adult, Older Adult)"', () => {
    const t = trialOf('ctgov-classic', 'results-page.txt');
    expect(t.hasResults).toBe(true);
    expect(t.outcomes.primary).toEqual([{ measure: 'Adverse events', timeFrame: '12 months', description: null }]);
    expect(t.conditions).toEqual(['Cartilage Defect']);
    expect(t.phases).toEqual(['PHASE1']);
    expect(t.interventions).toEqual([
      { type: 'BIOLOGICAL', name: 'UC-MSC', description: 'Allogeneic umbilical cord MSCs, intra-articular.', otherNames: [] },
    ]);
    expect(t.eligibility.minAge).toEqual({ text: '18 Years', years: 18 });
    expect(t.eligibility.maxAge).toBeNull();
  });
});

describe('generic reader', () => {
  it('reads the labelled fields of an unknown layout and flags the trial', () => {
    const t = trialOf('generic', 'ictrp-irct.txt');
    expect(t.id).toBe('IRCT2014072618603N1');
    expect(t.status).toBe('COMPLETED');
    expect(t.phases).toEqual(['PHASE2', 'PHASE3']);
    expect(t.enrollment).toEqual({ count: 40, type: null });
    expect(t.conditions).toEqual(['Knee osteoarthritis', 'Cartilage degeneration']);
    expect(t.sponsor).toBe('Sample University of Medical Sciences');
    expect(t.countries).toEqual(['Iran']);
    expect(t.sources).toEqual([{ file: 'ictrp-irct.txt', format: 'generic', site: null }]);
    expect(codes(t)).toEqual(['generic-reader']);
  });

  it('takes a lone unlabelled registry id, ignoring ids in a similar-studies block', () => {
    const t = trialOf('generic', 'unlabelled-related.txt');
    expect(t.id).toBe('ChiCTR2400081234');
    expect(t.registryIds).toEqual(['ChiCTR2400081234']);
    expect(codes(t)).toContain('unlabelled-id');
  });

  it('no registry id at all: a slug of the file name, flagged', () => {
    const t = trialOf('generic', 'no-id.txt');
    expect(t.id).toBe('no-id');
    expect(codes(t)).toEqual(['generic-reader', 'no-registry-id', 'missing-field']);
  });
});

describe('heading-like lines inside a description do not cut it short', () => {
  const inject = (name: string, after: string, lines: string) => {
    const content = readFileSync(`../shared/seeds/${name}`, 'utf8').replace(after, `${after}\n\n${lines}\n`);
    return toPublicTrial(assemble([readSourceFile({ path: name, content })], { asOf: AS_OF })[0]!);
  };
  const extra = 'Study Design: randomized, see below.\n\nInclusion Criteria:\n- SLE by SLICC 2012\n\nSecondary aims are listed below.';
  it.each([
    ['004_1f41135654dbd125.txt', 'Statistical test with paired difference test with p < 0.05', ['Lupus paatients']],
    ['002_51703b8323fab20c.txt', 'The patients were followed up to 48 weeks after the first treatment.', null],
    ['001_a3c49bb06900f447.txt', 'support the development of secretome-based regenerative therapies for osteoarthritis.', null],
  ])('%s', (name, after, inclusion) => {
    const t = inject(name, after, extra);
    expect(t.description).toContain('Secondary aims are listed below.');
    expect(t.description).toContain('Inclusion Criteria:');
    if (inclusion) expect(t.eligibility.inclusion).toEqual(inclusion);
    expect(t.eligibility.inclusion).not.toContain('SLE by SLICC 2012');
  });
});

describe('reader regressions found by the synthetic benchmark records', () => {
  const read = (path: string, content: string) => assemble([readSourceFile({ path, content })], { asOf: AS_OF })[0]!;

  it('Veeva: a phase line "N/A" is one value (Not applicable), not "N" and "A"', () => {
    const content = readFileSync(`${ROOT}/veeva/glued-minimal.txt`, 'utf8').replace('Phase 2/Phase 3', 'N/A');
    const t = read('v.txt', content);
    expect(t.phases).toEqual(['NA']);
    expect(t.flags.filter((f) => f.code === 'unmapped-value' && f.field === 'phases')).toEqual([]);
  });

  it('ClinicalTrials.gov classic: "Other: Placebo" inside an arm is the arm\'s intervention, not a new arm', () => {
    const content = readFileSync(`${ROOT}/ctgov-classic/crossover-tabs.txt`, 'utf8')
      .replace('Biological: Autologous BM-MSC\nPhase 2 Phase 3', 'Biological: Autologous BM-MSC\nOther: Placebo\nPhase 2 Phase 3')
      .replace('    Placebo at month 0, MSC at month 6.\n', '    Placebo at month 0, MSC at month 6.\n\n    Other: Placebo\n    Normal saline.\n');
    const t = read('c.txt', content);
    expect(t.arms.map((a) => [a.type, a.label])).toEqual([
      ['EXPERIMENTAL', 'Early MSC'],
      ['ACTIVE_COMPARATOR', 'Delayed MSC'],
    ]);
    expect(t.arms[1]!.interventions).toEqual(['Other: Placebo', 'Biological: Autologous BM-MSC']);
    expect(t.interventions.find((x) => x.name === 'Placebo')).toMatchObject({ type: 'OTHER', description: 'Normal saline.' });
  });

  it('meddatax: keywords are one a line, also in lower case', () => {
    const content = readFileSync(`${ROOT}/meddatax/results-months.txt`, 'utf8').replace('BPD\nPreterm\n', 'BPD\ndental pulp\nmesenchymal stromal cells\n');
    const t = read('m.txt', content);
    expect(t.keywords).toEqual(['BPD', 'dental pulp', 'mesenchymal stromal cells']);
    expect(t.flags.filter((f) => f.field === 'keywords')).toEqual([]);
  });
});
