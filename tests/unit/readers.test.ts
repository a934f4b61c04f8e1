/**
 * Our own fixture records, one folder per layout or site (tests/fixtures/records/<folder>/), for the
 * variation the five seeds do not show: other sites and registries (WHO ICTRP, ANZCTR, CTRI, jRCT,
 * UMIN, EU CTR, hpscreg, trials.co, a COVID trial tracker, a Markdown export), variants of the known
 * sites (results pages, copies that lost their banner or labels, Markdown tables), missing and empty
 * sections, numbered vs bulleted lists, ages in days/months/open-ended/"undefined", N/A and
 * Roman/slashed phases, withdrawn trials with 0 participants, labels glued to values, doubled text,
 * related-trial blocks with other NCT ids, and trials whose only ids are IRCT/ISRCTN/ChiCTR/EudraCT.
 * Each is compared field by field with a hand-checked expected record, plus the point it makes; the
 * fields each page states, and those read wrongly, are listed in tests/fixtures/expected/records/stated.yaml.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { assemble, readSourceFile } from '../../src/ingest/catalogue.ts';
import { detectFormat } from '../../src/ingest/detect.ts';
import { readGeneric } from '../../src/ingest/formats/generic.ts';
import { readRecord } from '../../src/ingest/read.ts';
import { toPublicTrial, type Trial } from '../../src/schemas/trial.ts';
import { SIGNAL_CODES } from '../../src/ingest/flags.ts';
import { CONTRACT_FIELDS, isEmptyField } from '../../src/ingest/explain.ts';

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

/** Each fixture folder: the format its files are detected as, and the site the reader names. */
const FOLDERS: Record<string, { format: string; site: string | null; atLeast: number }> = {
  veeva: { format: 'veeva', site: 'ctv.veeva.com', atLeast: 2 },
  meddatax: { format: 'meddatax', site: 'meddatax.com', atLeast: 2 },
  medpath: { format: 'medpath', site: 'trial.medpath.com', atLeast: 2 },
  'ctgov-classic': { format: 'ctgov-classic', site: 'clincosm.com', atLeast: 2 },
  ictrp: { format: 'ictrp', site: 'trialsearch.who.int', atLeast: 4 },
  generic: { format: 'generic', site: null, atLeast: 2 },
  anzctr: { format: 'generic', site: 'anzctr.org.au', atLeast: 2 },
  ctri: { format: 'generic', site: 'ctri.nic.in', atLeast: 1 },
  jrct: { format: 'generic', site: 'rctportal.niph.go.jp', atLeast: 2 },
  umin: { format: 'generic', site: 'upload.umin.ac.jp', atLeast: 1 },
  euctr: { format: 'generic', site: 'clinicaltrialsregister.eu', atLeast: 1 },
  hpscreg: { format: 'generic', site: 'hpscreg.eu', atLeast: 2 },
  'trials-co': { format: 'generic', site: 'trials.co', atLeast: 1 },
  reaganudall: { format: 'generic', site: null, atLeast: 1 },
  markdown: { format: 'generic', site: null, atLeast: 1 },
};
const fixtures = (folder: string) => readdirSync(`${ROOT}/${folder}`).filter((n) => n.endsWith('.txt')).sort();

describe('the fixture folders', () => {
  // the CSV downloads (ctgov-csv/) have their own test: tests/unit/ctgov-csv.test.ts
  it('are exactly the folders described here', () => expect(readdirSync(ROOT).filter((d) => d !== 'ctgov-csv').sort()).toEqual(Object.keys(FOLDERS).sort()));
});

describe.each(Object.keys(FOLDERS))('%s fixtures', (folder) => {
  const { format, site, atLeast } = FOLDERS[folder]!;
  const names = fixtures(folder);
  it(`has at least ${atLeast} fixture${atLeast === 1 ? '' : 's'}`, () => expect(names.length).toBeGreaterThanOrEqual(atLeast));
  it.each(names)('%s is detected as this layout and matches its expected record exactly', (name) => {
    const content = readFileSync(`${ROOT}/${folder}/${name}`, 'utf8');
    expect(detectFormat({ path: 'x', content }).format).toBe(format);
    const expected = JSON.parse(readFileSync(`tests/fixtures/expected/records/${folder}/${name.replace(/\.txt$/u, '.json')}`, 'utf8'));
    const trial = trialOf(folder, name);
    expect(trial.sources[0]).toMatchObject({ format, site });
    expect(trial).toEqual(expected);
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
    // still recruiting, last updated in January 2023 (and so our copy is more than a year old)
    expect(codes(t)).toEqual(['duplicated-text', 'status-stale', 'possibly-out-of-date']);
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
    const t = trialOf('generic', 'glued-doubled.txt');
    expect(t.id).toBe('ChiCTR2000030138');
    expect(t.status).toBe('NOT_YET_RECRUITING');
    expect(t.phases).toEqual(['PHASE2']);
    expect(t.sponsor).toBe('Chinese PLA General Hospital'); // "…HospitalSTUDY TYPE: Interventional": a label glued to the value
    expect(t.studyType).toBe('INTERVENTIONAL');
    expect(t.eligibility.exclusion).toEqual(['Severe allergy to the cell product', 'Pregnancy.']);
    expect(JSON.stringify(t)).not.toMatch(/ChiCTR2000030173|NCT04336254/u); // the similar-studies block
    expect(codes(t)).toEqual(['duplicated-text', 'duplicated-text', 'generic-reader', 'criteria-age-differs']);
    expect(t.sources).toEqual([{ file: 'glued-doubled.txt', format: 'generic', site: null, asOf: null, retrieved: null, row: null }]);
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
    const content = readFileSync(`content/sources/seeds/${name}`, 'utf8').replace(after, `${after}\n\n${lines}\n`);
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

// ---------------------------------------------------------------- fields stated, fields right

// the contract fields counted for accuracy are the curator command's (src/ingest/explain.ts);
// `locations` counts when a site is named, not a country alone
const COUNTED = CONTRACT_FIELDS;
const isEmpty = (t: Trial, path: string) => isEmptyField(t, path as (typeof CONTRACT_FIELDS)[number]);
type Stated = Record<string, { stated: string[]; wrong?: Record<string, string> }>;
const STATED = parseYaml(readFileSync('tests/fixtures/expected/records/stated.yaml', 'utf8')) as Stated;
const expectedOf = (key: string) =>
  JSON.parse(readFileSync(key.startsWith('seeds/') ? `tests/fixtures/expected/${key.slice(6).replace(/\.txt$/u, '.json')}` : `tests/fixtures/expected/records/${key.replace(/\.txt$/u, '.json')}`, 'utf8')) as Trial;

describe('fields stated and fields right (stated.yaml)', () => {
  const everyFixture = [...Object.keys(FOLDERS).flatMap((f) => fixtures(f).map((n) => `${f}/${n}`)), ...readdirSync('content/sources/seeds').map((n) => `seeds/${n}`)];
  it('lists every fixture and seed, and nothing else', () => expect(Object.keys(STATED).sort()).toEqual(everyFixture.sort()));
  it.each(everyFixture)('%s: every field read is one the page states; every stated field not marked wrong is read', (key) => {
    const entry = STATED[key]!;
    const trial = expectedOf(key);
    for (const field of [...entry.stated, ...Object.keys(entry.wrong ?? {})]) expect(COUNTED as readonly string[], key).toContain(field);
    for (const field of Object.keys(entry.wrong ?? {})) expect(entry.stated, `${key}: a wrong field is a stated field`).toContain(field);
    const read = COUNTED.filter((f) => !isEmpty(trial, f));
    // a value the page does not state would be a guess
    expect(read.filter((f) => !entry.stated.includes(f)), `${key}: read but not stated`).toEqual([]);
    expect(entry.stated.filter((f) => isEmpty(trial, f) && !entry.wrong?.[f]), `${key}: stated but not read, and not marked wrong`).toEqual([]);
  });
  it('the seeds are read in full', () => {
    for (const key of everyFixture.filter((k) => k.startsWith('seeds/'))) expect(STATED[key]!.wrong ?? {}, key).toEqual({});
  });

  it('docs/records.md shows these figures, per folder', () => {
    const doc = readFileSync('docs/records.md', 'utf8');
    const table = doc.slice(doc.indexOf('## Accuracy on the fixtures'));
    const byFolder = new Map<string, { files: number; stated: number; right: number }>();
    for (const [key, entry] of Object.entries(STATED)) {
      const folder = key.split('/')[0]!;
      const row = byFolder.get(folder) ?? { files: 0, stated: 0, right: 0 };
      row.files += 1;
      row.stated += entry.stated.length;
      row.right += entry.stated.length - Object.keys(entry.wrong ?? {}).length;
      byFolder.set(folder, row);
    }
    for (const [folder, { files, stated, right }] of byFolder) {
      const line = table.split('\n').find((l) => l.startsWith(`| \`${folder}\` |`));
      expect(line, `a row for ${folder}`).toBeDefined();
      const cells = line!.split('|').map((c) => c.trim());
      expect(cells.slice(-4, -1), folder).toEqual([String(files), `${right} / ${stated}`, `${Math.floor((right / stated) * 1000) / 10}%`]);
    }
  });
});

// ---------------------------------------------------------------- graceful degradation

describe('the generic reader reads every fixture and seed that has a title', () => {
  const every = [
    ...Object.keys(FOLDERS).flatMap((f) => fixtures(f).map((n) => `${ROOT}/${f}/${n}`)),
    ...readdirSync('content/sources/seeds').map((n) => `content/sources/seeds/${n}`),
  ];
  it.each(every)('%s', (path) => {
    const file = { path: path.split('/').pop()!, content: readFileSync(path, 'utf8') };
    const own = readRecord(file).trials[0]!;
    const generic = readGeneric(file).trials[0]!;
    // the same title — or, where no label names a brief title, the official title; or the site's title wrapped in its words
    expect([own.title, own.officialTitle].some((t) => t !== null && generic.title!.includes(t)), `${generic.title} vs ${own.title}`).toBe(true);
    // never an id the page's own reader does not give (a related trial's)
    for (const id of generic.registryIds) expect(own.registryIds).toContain(id);
  });
});

describe('a page that looks like a known site but that site reader cannot read', () => {
  it('is read by the generic reader, and the trial says so', () => {
    const content = readFileSync('tests/fixtures/bad/veeva-no-title.txt', 'utf8').replace('Trial contacts and locations', 'Title: Umbilical cord MSCs for knee osteoarthritis\nTrial ID: NCT09000071\n\nTrial contacts and locations');
    expect(detectFormat({ path: 'x', content }).format).toBe('veeva');
    const t = toPublicTrial(assemble([readSourceFile({ path: 'v.txt', content })], { asOf: AS_OF })[0]!);
    expect(t.sources).toEqual([{ file: 'v.txt', format: 'generic', site: null, asOf: null, retrieved: null, row: null }]);
    expect(t.title).toBe('Umbilical cord MSCs for knee osteoarthritis');
    expect(t.id).toBe('NCT09000071');
    const flag = t.flags.find((f) => f.code === 'generic-reader' && f.message.startsWith('The page looks like'));
    expect(flag?.message).toContain('ClinicalTrials.Veeva page but that reader could not read it (no title could be read from this ClinicalTrials.Veeva page)');
  });
  it('keeps the site reader\'s error when the generic reader cannot read it either', () => {
    expect(() => readSourceFile({ path: 'v.txt', content: readFileSync('tests/fixtures/bad/veeva-no-title.txt', 'utf8') })).toThrow(/no title could be read from this ClinicalTrials.Veeva page/u);
  });
});

// ---------------------------------------------------------------- WHO ICTRP and the other registries

describe('WHO ICTRP pages', () => {
  it('ChiCTR: "Pending" is not yet recruiting, phase "0" is early phase 1, group sample sizes are summed with a note', () => {
    const t = trialOf('ictrp', 'chictr-pending-groups.txt');
    expect(t.id).toBe('ChiCTR2000030173');
    expect(t.status).toBe('NOT_YET_RECRUITING');
    expect(t.phases).toEqual(['EARLY_PHASE1']);
    expect(t.enrollment).toEqual({ count: 60, type: 'ESTIMATED' });
    expect(t.flags.find((f) => f.code === 'enrollment-summed')?.message).toContain('"Experimental group:30;control group:30;"');
    // the contacts' and the ethics committee's "Name:" and "Status:" are not the trial's
    expect(t.sponsor).toBe('Hunan yuanpin Cell Biotechnology Co., Ltd');
    expect(t.collaborators).toEqual(["Hunan Provincial People's Hospital"]);
    expect(t.interventions.map((i) => i.name)).toEqual(['Experimental group:conventional treatment plus umbilical cord mesenchymal stem cells', 'control group:conventional treatment']);
  });

  it('CTRI through ICTRP: day-first dates, "Open to Recruitment", the design text cut into its parts', () => {
    const t = trialOf('ictrp', 'ctri-open-recruitment.txt');
    expect(t.dates.firstPosted).toEqual({ date: '2010-01-29', type: null });
    expect(t.status).toBe('RECRUITING');
    expect(t.design).toMatchObject({ interventionModel: 'SINGLE_GROUP', masking: 'NONE', allocation: null });
    expect(t.conditions).toEqual(['I429- Cardiomyopathy, unspecified']);
  });

  it('EU CTR through ICTRP: phases answered yes/no, "Not Recruiting" too vague to use, one EudraCT number', () => {
    const t = trialOf('ictrp', 'euctr-phases-answered.txt');
    expect(t.id).toBe('2020-001450-22');
    expect(t.registryIds).toEqual(['2020-001450-22']);
    expect(t.phases).toEqual(['PHASE2']);
    expect(t.status).toBeNull();
    expect(t.flags.find((f) => f.code === 'ambiguous-value')).toMatchObject({ field: 'status', severity: 'warning' });
    expect(t.design).toMatchObject({ allocation: 'RANDOMIZED', masking: 'DOUBLE', interventionModel: 'PARALLEL' });
    expect(t.interventions.map((i) => i.name)).toEqual(['Allogeneic adipose-derived mesenchymal stromal cells']);
    expect(t.outcomes.primary).toEqual([{ measure: 'Patients alive and free of mechanical ventilation', timeFrame: 'Day 28', description: null }]);
  });

  it('an ICTRP page of a trial with an NCT secondary id merges with the NCT records of that trial', () => {
    const files = [
      ['ictrp', 'chictr-nct-twin.txt'],
      ['veeva', 'dental-pulp-unknown.txt'],
      ['medpath', 'dental-pulp-compact.txt'],
      ['ctgov-classic', 'ctgov-markdown-tables.txt'],
    ].map(([folder, name]) => readSourceFile({ path: `${folder}/${name}`, content: readFileSync(`${ROOT}/${folder}/${name}`, 'utf8') }));
    const entries = assemble(files, { asOf: AS_OF });
    expect(entries).toHaveLength(1);
    const t = toPublicTrial(entries[0]!);
    expect(t.id).toBe('NCT04336254');
    expect(t.registryIds).toEqual(['NCT04336254', 'ChiCTR2000031319']);
    expect(t.sources.map((s) => s.format).sort()).toEqual(['ctgov-classic', 'ictrp', 'medpath', 'veeva']);
    // the ChiCTR record says recruiting in 2020, the NCT copies say unknown: both are kept, the conflict named
    expect(t.flags.some((f) => f.code === 'source-conflict' && f.field === 'status')).toBe(true);
  });
});

describe('registries and sites read by the generic reader', () => {
  it('ANZCTR: database codes and "Query!" lines gone, sub-labelled dates, sample size and sponsor read', () => {
    const t = trialOf('anzctr', 'arthritis-query-lines.txt');
    expect(t.conditions).toEqual(['Arthritis']);
    expect(t.secondaryIds).toEqual([]);
    expect(t.enrollment).toEqual({ count: 100, type: 'ESTIMATED' });
    expect(t.dates.start).toEqual({ date: '2017-06-01', type: 'ESTIMATED' });
    expect(t.sponsor).toBe('Magellan Stem Cells');
    expect(t.outcomes.primary).toEqual([{ measure: 'Pain in the treated joint on a visual analogue scale', timeFrame: 'Before treatment and 1, 3, 6 and 12 months after it', description: null }]);
    expect(t.eligibility.minAge).toEqual({ text: '18 Years', years: 18 });
  });

  it('jRCT: labels glued to their values', () => {
    const t = trialOf('jrct', 'skin-ulcer-glued.txt');
    expect(t.enrollment).toEqual({ count: 5, type: 'ESTIMATED' });
    expect(t.conditions).toEqual(['Refractory Cutaneous Ulcers']);
    expect(t.eligibility.minAge).toEqual({ text: '20 Years', years: 20 });
    expect(t.eligibility.maxAge).toBeNull();
    expect(t.eligibility.inclusion).toHaveLength(3);
    expect(codes(t)).toContain('unlabelled-title');
  });

  it('CTRI: the state of the trial in India when the global one is "Not Applicable"; fields stated inside others', () => {
    const t = trialOf('ctri', 'liver-cirrhosis.txt');
    expect(t.status).toBe('COMPLETED');
    expect(t.dates.firstPosted).toEqual({ date: '2012-04-10', type: null });
    expect(t.sponsor).toBe('Stempeutics Research Pvt Ltd');
    expect(t.conditions).toEqual(['Alcoholic liver cirrhosis']);
    expect(t.countries).toEqual(['India']);
  });

  it('EU CTR: "Prematurely Ended" is terminated; the member state is the country, not the sponsor\'s', () => {
    const t = trialOf('euctr', 'mescel-covid.txt');
    expect(t.status).toBe('TERMINATED');
    expect(t.title).toBe('Cell therapy with mesenchymal stromal cells for COVID-19 pneumonia');
    expect(t.acronym).toBe('MESCEL-COVID19');
    expect(t.countries).toEqual(['Spain']);
    expect(t.hasResults).toBe(true);
  });

  it('hpscreg: the condition is the label of its ontology term; "Other" is no phase', () => {
    expect(trialOf('hpscreg', 'meniscus-nct.txt').conditions).toEqual(['meniscus']);
    const t = trialOf('hpscreg', 'chictr-other-phase.txt');
    expect(t.id).toBe('ChiCTR2000031139');
    expect(t.phases).toEqual([]);
    expect(codes(t)).toContain('ambiguous-value');
  });

  it('hpscreg and meddatax copies of one NCT trial merge', () => {
    const files = [['hpscreg', 'meniscus-nct.txt'], ['meddatax', 'meniscus-unknown.txt']].map(([f, n]) => readSourceFile({ path: `${f}/${n}`, content: readFileSync(`${ROOT}/${f}/${n}`, 'utf8') }));
    const [t] = assemble(files, { asOf: AS_OF });
    expect(t!.id).toBe('NCT03839238');
    expect(t!.sources).toHaveLength(2);
  });

  it('trials.co: a title without a label or id is read when the page shows itself a trial record; glued eligibility fields', () => {
    const t = trialOf('trials-co', 'prochymal-gvhd.txt');
    expect(t.id).toBe('prochymal-gvhd');
    expect(codes(t)).toEqual(expect.arrayContaining(['unlabelled-title', 'no-registry-id']));
    expect(t.eligibility).toMatchObject({ sex: 'ALL', minAge: { text: '6 Months', years: 0.5 }, maxAge: { text: '70 Years', years: 70 }, healthyVolunteers: false });
  });

  it('a copy without labels for status, conditions or interventions leaves them null, and says so', () => {
    const t = trialOf('reaganudall', 'dental-pulp-covid.txt');
    expect([t.status, t.conditions, t.interventions]).toEqual([null, [], []]);
    expect(t.description).not.toContain('Unknown status');
    expect(codes(t)).toEqual(expect.arrayContaining(['generic-reader', 'missing-field']));
  });

  it('a Markdown export: "# title", "**Key:** value", a table, lists; the related trial is not this one', () => {
    const t = trialOf('markdown', 'notes-export.txt');
    expect(t.title).toBe('Novel Coronavirus Induced Severe Pneumonia Treated by Dental Pulp Mesenchymal Stem Cells');
    expect(t.id).toBe('NCT04302519');
    expect(t.design).toMatchObject({ allocation: 'NA', interventionModel: 'SINGLE_GROUP', primaryPurpose: 'TREATMENT', masking: 'NONE', whoMasked: [] });
    expect(t.interventions).toEqual([{ type: 'BIOLOGICAL', name: 'Dental pulp mesenchymal stem cells', description: null, otherNames: [] }]);
    expect(JSON.stringify(t)).not.toContain('NCT04336254');
  });
});

describe('variants of the known sites', () => {
  it('ClinicalTrials.Veeva\'s own status word "Enrolling" is recruiting', () => expect(trialOf('veeva', 'enrolling-words.txt').status).toBe('RECRUITING'));
  it('Veeva: an arm labelled like its type line ("Experimental group" / "Experimental group")', () => {
    expect(trialOf('veeva', 'dental-pulp-unknown.txt').arms.map((a) => [a.label, a.type])).toEqual([
      ['Experimental group', 'EXPERIMENTAL'],
      ['Control group', 'PLACEBO_COMPARATOR'],
    ]);
  });
  it('meddatax results page: its title without the page\'s wrapper, results posted', () => {
    const t = trialOf('meddatax', 'results-overview.txt');
    expect(t.title).toBe('AllogeneiC Human Mesenchymal Stem Cells (hMSC) in Patients With Aging FRAilTy Via IntravenoUS Delivery');
    expect(t.hasResults).toBe(true);
    expect(t.phases).toEqual(['PHASE1', 'PHASE2']);
  });
  it('MedPath copy that kept the list bullets and lost the banner: still MedPath; glued intervention lines cut at their type', () => {
    const t = trialOf('medpath', 'bulleted-no-banner.txt');
    expect(t.sponsor).toBe('Renmin Hospital of Wuhan University');
    expect(t.interventions.map((i) => i.type)).toEqual(['BIOLOGICAL', 'OTHER']);
    expect(t.eligibility.inclusion).toEqual([]); // items without their headings are not guessed into inclusion or exclusion
  });
  it('clinicaltrials.gov itself, its tables copied as Markdown rows', () => {
    const t = trialOf('ctgov-classic', 'ctgov-markdown-tables.txt');
    expect(t.design.whoMasked).toEqual(['PARTICIPANT', 'INVESTIGATOR', 'OUTCOMES_ASSESSOR']);
    expect(t.dates.start).toEqual({ date: '2020-05-06', type: 'ACTUAL' });
    expect(t.description).not.toContain('Study Type');
  });
});
