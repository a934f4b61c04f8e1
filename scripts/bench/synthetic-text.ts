/**
 * Synthetic trials for benchmarks as copied web pages: the study of `syntheticStudy(i)` (the
 * ClinicalTrials.gov API v2 JSON of synthetic.ts) rendered as the text a curator gets when they
 * copy a trial page of one of the four sites the catalogue reads — ClinicalTrials.Veeva, meddatax,
 * MedPath and the classic ClinicalTrials.gov page (clincosm). Each page uses that site's headings,
 * label spellings and value vocabulary (enum spelling on meddatax and MedPath, human labels on
 * Veeva and the classic page), so the readers in src/ingest/formats/ read back the same trial.
 * Deterministic: the same (i, layout) always gives the same text; presentation details that vary
 * between real copies (bullets or numbers, one line or two per label) are seeded from i too.
 *
 * Where a layout has no place for a field (Veeva shows no dates, keywords, official title or
 * outcomes; MedPath no keywords or official title), the page leaves it out, as the site does.
 */
import { syntheticStudy } from './synthetic.ts';

export type TextLayout = 'veeva' | 'meddatax' | 'medpath' | 'ctgov-classic';

/** In this order: scripts/bench.ts assigns layouts to trials by index into this list. */
export const TEXT_LAYOUTS: readonly TextLayout[] = ['veeva', 'meddatax', 'medpath', 'ctgov-classic'];

// ------------------------------------------------------------------ the study, typed

interface Outcome {
  measure: string;
  timeFrame: string | null;
  description: string | null;
}
interface Arm {
  label: string;
  type: string | null;
  description: string | null;
  interventionNames: string[];
}
interface Intervention {
  type: string | null;
  name: string;
  description: string | null;
}
interface Location {
  facility: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}
interface DateStruct {
  date: string;
  type: string | null;
}
/** The fields of one JSON study that the pages show. */
interface Study {
  nct: string;
  orgId: string | null;
  title: string;
  officialTitle: string | null;
  status: string | null;
  start: DateStruct | null;
  primaryCompletion: DateStruct | null;
  completion: DateStruct | null;
  lastUpdated: DateStruct | null;
  sponsor: string | null;
  summary: string | null;
  description: string | null;
  conditions: string[];
  keywords: string[];
  studyType: string | null;
  phases: string[];
  allocation: string | null;
  interventionModel: string | null;
  primaryPurpose: string | null;
  masking: string | null;
  enrollment: { count: number; type: string | null } | null;
  arms: Arm[];
  interventions: Intervention[];
  primaryOutcomes: Outcome[];
  secondaryOutcomes: Outcome[];
  inclusion: string[];
  exclusion: string[];
  sex: string | null;
  minAge: string | null;
  maxAge: string | null;
  healthyVolunteers: boolean | null;
  locations: Location[];
  hasResults: boolean;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);
const strs = (v: unknown): string[] => arr(v).map(str).filter((s): s is string => s !== null);
const dateOf = (v: unknown): DateStruct | null => {
  const d = obj(v);
  const date = str(d.date);
  return date ? { date, type: str(d.type) } : null;
};

function studyOf(i: number): Study {
  const json = syntheticStudy(i);
  const p = obj(json.protocolSection);
  const id = obj(p.identificationModule);
  const status = obj(p.statusModule);
  const description = obj(p.descriptionModule);
  const conditions = obj(p.conditionsModule);
  const design = obj(p.designModule);
  const info = obj(design.designInfo);
  const arms = obj(p.armsInterventionsModule);
  const outcomes = obj(p.outcomesModule);
  const eligibility = obj(p.eligibilityModule);
  const enrollment = obj(design.enrollmentInfo);
  const outcome = (o: unknown): Outcome => ({ measure: str(obj(o).measure) ?? '', timeFrame: str(obj(o).timeFrame), description: str(obj(o).description) });
  const criteria = splitCriteria(str(eligibility.eligibilityCriteria) ?? '');
  return {
    nct: str(id.nctId) ?? `NCT${String(10000000 + i).padStart(8, '0')}`,
    orgId: str(obj(id.orgStudyIdInfo).id),
    title: str(id.briefTitle) ?? `Synthetic trial ${i}`,
    officialTitle: str(id.officialTitle),
    status: str(status.overallStatus),
    start: dateOf(status.startDateStruct),
    primaryCompletion: dateOf(status.primaryCompletionDateStruct),
    completion: dateOf(status.completionDateStruct),
    lastUpdated: dateOf(status.lastUpdatePostDateStruct),
    sponsor: str(obj(obj(p.sponsorCollaboratorsModule).leadSponsor).name),
    summary: str(description.briefSummary),
    description: str(description.detailedDescription),
    conditions: strs(conditions.conditions),
    keywords: strs(conditions.keywords),
    studyType: str(design.studyType),
    phases: strs(design.phases),
    allocation: str(info.allocation),
    interventionModel: str(info.interventionModel),
    primaryPurpose: str(info.primaryPurpose),
    masking: str(obj(info.maskingInfo).masking),
    enrollment: typeof enrollment.count === 'number' ? { count: enrollment.count, type: str(enrollment.type) } : null,
    arms: arr(arms.armGroups).map((a) => ({
      label: str(obj(a).label) ?? '',
      type: str(obj(a).type),
      description: str(obj(a).description),
      interventionNames: strs(obj(a).interventionNames),
    })),
    interventions: arr(arms.interventions).map((x) => ({ type: str(obj(x).type), name: str(obj(x).name) ?? '', description: str(obj(x).description) })),
    primaryOutcomes: arr(outcomes.primaryOutcomes).map(outcome),
    secondaryOutcomes: arr(outcomes.secondaryOutcomes).map(outcome),
    inclusion: criteria.inclusion,
    exclusion: criteria.exclusion,
    sex: str(eligibility.sex),
    minAge: str(eligibility.minimumAge),
    maxAge: str(eligibility.maximumAge),
    healthyVolunteers: typeof eligibility.healthyVolunteers === 'boolean' ? eligibility.healthyVolunteers : null,
    locations: arr(obj(p.contactsLocationsModule).locations).map((l) => ({
      facility: str(obj(l).facility),
      city: str(obj(l).city),
      state: str(obj(l).state),
      zip: str(obj(l).zip),
      country: str(obj(l).country),
    })),
    hasResults: json.hasResults === true,
  };
}

/** ClinicalTrials.gov's criteria markdown ("Inclusion Criteria:", "* item") → the two item lists. */
function splitCriteria(text: string): { inclusion: string[]; exclusion: string[] } {
  const inclusion: string[] = [];
  const exclusion: string[] = [];
  let target = inclusion;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (/^inclusion criteria:?$/iu.test(line)) target = inclusion;
    else if (/^exclusion criteria:?$/iu.test(line)) target = exclusion;
    else target.push(line.replace(/^[*-]\s*/u, ''));
  }
  return { inclusion, exclusion };
}

// ------------------------------------------------------------------ shared spellings

/** Presentation choices of one copy, seeded by the trial and the layout. */
function chooser(i: number, layout: TextLayout) {
  let s = (Math.imul(i + 1, 2654435761) ^ Math.imul(TEXT_LAYOUTS.indexOf(layout) + 7, 40503)) >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { chance: (p: number) => next() < p, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const capital = (s: string) => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

/** "ACTIVE_NOT_RECRUITING" → "Active, not recruiting", as ClinicalTrials.gov labels statuses. */
const STATUS_LABEL: Record<string, string> = {
  NOT_YET_RECRUITING: 'Not yet recruiting',
  RECRUITING: 'Recruiting',
  ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting',
  SUSPENDED: 'Suspended',
  TERMINATED: 'Terminated',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
  UNKNOWN: 'Unknown status',
};
const statusLabel = (status: string) => STATUS_LABEL[status] ?? capital(status.toLowerCase().replace(/_/gu, ' '));

/** "PHASE2" → "Phase 2", "EARLY_PHASE1" → "Early Phase 1", "NA" → "Not Applicable". */
function phaseLabel(phase: string): string {
  if (phase === 'NA') return 'Not Applicable';
  const early = /^EARLY_PHASE(\d)$/u.exec(phase);
  if (early) return `Early Phase ${early[1]}`;
  const plain = /^PHASE(\d)$/u.exec(phase);
  return plain ? `Phase ${plain[1]}` : phase;
}

/** "BIOLOGICAL" → "Biological", "DIETARY_SUPPLEMENT" → "Dietary Supplement" (the "Type: name" prefix). */
const typeWord = (type: string) =>
  type
    .toLowerCase()
    .split('_')
    .map((w) => capital(w))
    .join(' ');

/** "PLACEBO_COMPARATOR" → "Placebo Comparator". */
const armTypeLabel = (type: string) => typeWord(type);

const MODEL_LABEL: Record<string, string> = {
  SINGLE_GROUP: 'Single Group Assignment',
  PARALLEL: 'Parallel Assignment',
  CROSSOVER: 'Crossover Assignment',
  FACTORIAL: 'Factorial Assignment',
  SEQUENTIAL: 'Sequential Assignment',
};
const ALLOCATION_LABEL: Record<string, string> = { RANDOMIZED: 'Randomized', NON_RANDOMIZED: 'Non-Randomized', NA: 'N/A' };
const PURPOSE_LABEL = (p: string) => (p === 'ECT' ? 'Educational/Counseling/Training' : capital(p.toLowerCase().replace(/_/gu, ' ')));
const STUDY_TYPE_LABEL = (t: string) => capital(t.toLowerCase().replace(/_/gu, ' '));
const SEX_LABEL = (s: string) => capital(s.toLowerCase());

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2021-03" → "March 2021", "2026-03-01" → "March 1, 2026" (or "Mar 1, 2026" when short). */
function longDate(iso: string, short = false): string {
  const [y, m, d] = iso.split('-');
  const month = MONTHS[Number(m) - 1] ?? m ?? '';
  const name = short ? month.slice(0, 3) : month;
  return d ? `${name} ${Number(d)}, ${y}` : `${name} ${y}`;
}

/** "18 Years" → {n: 18, unit: "years"}. */
function ageParts(age: string | null): { n: string; unit: string } | null {
  const m = age ? /^(\d+(?:\.\d+)?)\s+(\w+)$/u.exec(age.trim()) : null;
  return m ? { n: m[1]!, unit: m[2]!.toLowerCase() } : null;
}

/** ClinicalTrials.gov's age groups, shown after the range on the classic page. */
function ageGroups(min: string | null, max: string | null): string {
  const years = (a: string | null, fallback: number) => {
    const p = ageParts(a);
    if (!p) return fallback;
    const n = Number(p.n);
    return p.unit.startsWith('year') ? n : p.unit.startsWith('month') ? n / 12 : p.unit.startsWith('week') ? n / 52 : n / 365;
  };
  const lo = years(min, 0);
  const hi = years(max, 200);
  const groups = [lo < 18 ? 'Child' : null, lo < 65 && hi >= 18 ? 'Adult' : null, hi >= 65 ? 'Older Adult' : null].filter(Boolean);
  return groups.join(', ');
}

/** ISO 3166 alpha-2 codes of the countries synthetic.ts uses, for MedPath's flag emoji. */
const COUNTRY_CODE: Record<string, string> = {
  China: 'CN',
  'United States': 'US',
  'Iran, Islamic Republic of': 'IR',
  Indonesia: 'ID',
  Spain: 'ES',
  'Korea, Republic of': 'KR',
  Brazil: 'BR',
  Turkey: 'TR',
  India: 'IN',
  Germany: 'DE',
  Egypt: 'EG',
  Pakistan: 'PK',
};
const flagEmoji = (country: string) => {
  const code = COUNTRY_CODE[country];
  return code ? String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65)) : null;
};

/** "City 3, Lombardy, 20133, Italy": the address line of Veeva, meddatax and MedPath. */
const addressLine = (l: Location) => [l.city, l.state, l.country, l.zip].filter((x): x is string => !!x).join(', ');

const block = (...parts: (string | null | false | undefined)[]) => parts.filter((p): p is string => typeof p === 'string').join('\n');

/** The "Type: name" of an intervention, as lists and arms show it. */
const typedName = (iv: Intervention) => (iv.type ? `${typeWord(iv.type)}: ${iv.name}` : iv.name);
/** The interventions an arm names ("Biological: x" → the intervention x). */
function armInterventions(study: Study, arm: Arm): Intervention[] {
  return arm.interventionNames.map((display) => {
    const name = display.replace(/^[^:]+:\s*/u, '');
    return study.interventions.find((iv) => iv.name === name) ?? { type: /^([^:]+):/u.exec(display)?.[1]?.toUpperCase() ?? null, name, description: null };
  });
}

// ------------------------------------------------------------------ ClinicalTrials.Veeva

function veeva(s: Study, i: number): string {
  const c = chooser(i, 'veeva');
  const out: string[] = ['ClinicalTrials.Veeva', '', 'Menu', '', s.title, ''];
  if (s.sponsor) out.push(s.sponsor[0]!.toUpperCase(), '', s.sponsor, '');

  out.push('Status and phase', '');
  if (s.status) out.push(statusLabel(s.status));
  const phases = s.phases.map(phaseLabel);
  // the site lists phases one a line, highest first, or slashed on one line
  if (phases.length > 1 && c.chance(0.4)) out.push(phases.join('/'));
  else out.push(...[...phases].reverse());
  out.push('');

  out.push('Conditions', '', ...s.conditions, '');
  if (s.interventions.length) out.push('Treatments', '', ...s.interventions.map(typedName), '');
  if (s.studyType) out.push('Study type', '', STUDY_TYPE_LABEL(s.studyType), '');
  out.push('Funder types', '', 'Other', '');
  out.push('Identifiers', '', s.nct, ...(s.orgId ? [s.orgId] : []), '');

  out.push('Details and patient eligibility', '');
  if (s.summary) out.push('About', '', s.summary, '');
  if (s.description) out.push('Full description', '', s.description, '');
  if (s.enrollment) out.push('Enrollment', '', `${s.enrollment.count} patients`, '');
  if (s.sex) out.push('Sex', '', SEX_LABEL(s.sex), '');
  const ages = veevaAges(s.minAge, s.maxAge);
  if (ages) out.push('Ages', '', ages, '');
  if (s.healthyVolunteers !== null) out.push('Volunteers', '', s.healthyVolunteers ? 'Accepts Healthy Volunteers' : 'No Healthy Volunteers', '');
  const numbered = c.chance(0.4);
  const items = (xs: string[]) => xs.map((x, k) => (numbered ? `  ${k + 1}. ${x}` : `  • ${x}`));
  if (s.inclusion.length) out.push('Inclusion criteria', '', ...items(s.inclusion), '');
  if (s.exclusion.length) out.push('Exclusion criteria', '', ...items(s.exclusion), '');

  out.push('Trial design', '');
  if (s.primaryPurpose) out.push('Primary purpose', '', PURPOSE_LABEL(s.primaryPurpose), '');
  if (s.allocation) out.push('Allocation', '', ALLOCATION_LABEL[s.allocation] ?? s.allocation, '');
  if (s.interventionModel) out.push('Interventional model', '', MODEL_LABEL[s.interventionModel] ?? s.interventionModel, '');
  if (s.masking) out.push('Masking', '', s.masking === 'NONE' ? 'None (Open label)' : `${capital(s.masking.toLowerCase())} Blind`, '');

  if (s.arms.length) {
    const placebo = s.arms.some((a) => a.type === 'PLACEBO_COMPARATOR');
    const n = s.enrollment?.count ?? 0;
    out.push(`${n} participant${n === 1 ? '' : 's'} in ${s.arms.length} patient group${s.arms.length === 1 ? '' : 's'}${placebo ? ', including a placebo group' : ''}`, '');
    for (const arm of s.arms) {
      out.push(arm.label);
      if (arm.type) out.push(`${armTypeLabel(arm.type)} group`);
      if (arm.description) out.push('Description:', arm.description);
      const ivs = armInterventions(s, arm);
      if (ivs.length) out.push('Treatment:', ...ivs.map(typedName));
    }
    out.push('');
  }

  out.push('Trial contacts and locations', '', String(s.locations.length), '');
  if (s.locations.length === 0) out.push('Loading...', '');
  for (const l of s.locations) {
    if (!l.facility) continue;
    out.push(l.facility, addressLine(l));
    if (c.chance(0.3)) out.push(`Contact: Study Coordinator ${i % 13}`, `trials${i % 13}@example.org`);
  }
  out.push('', 'Data sourced from clinicaltrials.gov', '', 'Clinical trials', '', 'Find clinical trialsTrials by location', '© Copyright 2026 Veeva Systems');
  return out.join('\n');
}

/** Veeva's "Ages": "18 to 75 years old", "18+ years old", "6 months to 17 years old". */
function veevaAges(min: string | null, max: string | null): string | null {
  const lo = ageParts(min);
  const hi = ageParts(max);
  if (lo && hi) return lo.unit === hi.unit ? `${lo.n} to ${hi.n} ${hi.unit} old` : `${lo.n} ${lo.unit} to ${hi.n} ${hi.unit} old`;
  if (lo) return `${lo.n}+ ${lo.unit} old`;
  if (hi) return `Up to ${hi.n} ${hi.unit} old`;
  return null;
}

// ------------------------------------------------------------------ meddatax

const TAGLINES = {
  basic: 'Get a concise snapshot of the trial, including recruitment status, study phase, enrollment targets, and key timeline milestones.',
  summary: 'Review the sponsor-provided synopsis that highlights what the study is about and why it is being conducted.',
  description: 'Dive into the extended narrative that explains the scientific background, objectives, and procedures in greater depth.',
  conditions: 'See the medical conditions and disease areas that this research is targeting or investigating.',
  design: 'Understand how the trial is structured, including allocation methods, masking strategies, primary purpose, and other design elements.',
  groups: 'Review each arm or cohort in the study, along with the interventions and objectives associated with them.',
  interventions: 'Learn about the drugs, procedures, or behavioral strategies being tested and how they are applied within this trial.',
  eligibility: 'Check the participation requirements, including inclusion and exclusion rules, age limits, and whether healthy volunteers are accepted.',
  sponsors: 'Meet the organizations funding or collaborating on the study and learn about their roles.',
  identifiers: 'Review additional registry numbers or institutional identifiers associated with this trial.',
  related: 'Additional clinical trials that may be relevant based on similarity analysis.',
} as const;

function meddatax(s: Study, i: number): string {
  const out: string[] = [s.title, '', `NCT ID: ${s.nct}`, ''];
  if (s.lastUpdated) out.push(`Last Updated: ${s.lastUpdated.date}`, '');

  out.push('Study Results', '');
  if (s.hasResults) out.push('Results available', '', 'Participant flow, baseline characteristics and outcome measures have been posted for this trial.', '');
  else out.push('Results pending', '', 'The study team has not published outcome measurements, participant flow, or safety data for this trial yet. Check back later for updates.', '');

  out.push('Basic Information', '', TAGLINES.basic, '');
  const pair = (label: string, value: string | null | undefined) => {
    if (value) out.push(label, '', value, '');
  };
  pair('Recruitment Status', s.status);
  pair('Clinical Phase', s.phases.join(', '));
  pair('Total Enrollment', s.enrollment ? `${s.enrollment.count} participants` : null);
  pair('Study Classification', s.studyType);
  pair('Study Start Date', s.start?.date);
  pair('Primary Completion Date', s.primaryCompletion?.date);
  pair('Study Completion Date', s.completion?.date);

  if (s.summary) out.push('Brief Summary', '', TAGLINES.summary, '', s.summary, '');
  if (s.description) out.push('Detailed Description', '', TAGLINES.description, '', s.description, '');
  // One line per condition chip. A lone chip of four or more words is noted by the reader as
  // possibly several run together ("unsplit-list"): this layout cannot say otherwise.
  if (s.conditions.length) out.push('Conditions', '', TAGLINES.conditions, '', ...s.conditions, '');
  // Keyword chips carry a bullet: unmarked lines that start in lower case ("umbilical cord",
  // "regenerative medicine") are read as the wrapped continuation of the line before.
  if (s.keywords.length) out.push('Keywords', '', ...s.keywords.map((k) => `• ${k}`), '');

  out.push('Study Design', '', TAGLINES.design, '');
  pair('Allocation Method', s.allocation);
  pair('Intervention Model', s.interventionModel);
  pair('Primary Study Purpose', s.primaryPurpose);
  pair('Blinding Strategy', s.masking);

  if (s.arms.length) {
    out.push('Study Groups', '', TAGLINES.groups, '');
    for (const arm of s.arms) {
      out.push(arm.label, '');
      if (arm.description) out.push(arm.description, '');
      out.push(`Group Type ${arm.type ?? 'OTHER'}`, '');
      for (const iv of armInterventions(s, arm)) {
        out.push(iv.name, '', `Intervention Type ${iv.type ?? 'OTHER'}`, '');
        if (iv.description) out.push(iv.description, '');
      }
    }
  }
  if (s.interventions.length) {
    out.push('Interventions', '', TAGLINES.interventions, '');
    for (const iv of s.interventions) {
      out.push(iv.name, '');
      if (iv.description) out.push(iv.description, '');
      out.push(`Intervention Type ${iv.type ?? 'OTHER'}`, '');
    }
  }
  if (s.primaryOutcomes.length || s.secondaryOutcomes.length) {
    out.push('Outcome Measures', '');
    const outcomes = (heading: string, list: Outcome[]) => {
      if (!list.length) return;
      out.push(heading, '');
      for (const o of list) {
        out.push(o.measure, '');
        if (o.description) out.push(o.description, '');
        out.push(`Time Frame: ${o.timeFrame ?? 'Not stated'}`, '');
      }
    };
    outcomes('Primary Outcomes', s.primaryOutcomes);
    outcomes('Secondary Outcomes', s.secondaryOutcomes);
  }

  out.push('Eligibility Criteria', '', TAGLINES.eligibility, '');
  if (s.inclusion.length) out.push('Inclusion Criteria', '', ...s.inclusion.map((x) => `* ${x}`), '');
  // as on the site, the last criterion runs straight into the age labels, without a blank line
  if (s.exclusion.length) out.push('Exclusion Criteria', '', ...s.exclusion.map((x) => `* ${x}`));
  pair('Minimum Eligible Age', s.minAge);
  pair('Maximum Eligible Age', s.maxAge);
  pair('Eligible Sex', s.sex);
  if (s.healthyVolunteers !== null) pair('Accepts Healthy Volunteers', s.healthyVolunteers ? 'Yes' : 'No');

  const sites = s.locations.filter((l) => l.facility);
  if (sites.length) out.push('Study Locations', '', ...sites.flatMap((l) => [l.facility!, addressLine(l)]), '');
  if (s.sponsor) out.push('Sponsors', '', TAGLINES.sponsors, '', s.sponsor, '', 'OTHER', '', 'Sponsor Role lead', '');
  if (s.orgId) out.push('Other Identifiers', '', TAGLINES.identifiers, '', s.orgId, '', 'Identifier Type: -', '', 'Identifier Source: org_study_id', '');

  // other trials: their ids are never this trial's
  const other = `NCT${String(10000000 + ((i * 7 + 3) % 99991)).padStart(8, '0')}`;
  out.push('More Related Trials', '', TAGLINES.related, '', `${s.conditions[0] ?? 'Related'} follow-up study`, `${other === s.nct ? 'NCT09999999' : other} COMPLETED PHASE2`);
  return out.join('\n');
}

// ------------------------------------------------------------------ MedPath

/**
 * MedPath's arm table loses its cell borders in a copy: "GroupInterventionDescription" rows glue
 * the group label, the intervention name and the description. The reader finds the cell edges at
 * the seams the glue leaves (a lower-case letter or ")" before an upper-case letter), so the
 * three cells are printed with an initial capital, as registry entries nearly always are (the
 * synthetic JSON writes them in lower case), and the intervention list uses the same spelling.
 */
const cell = capital;

/** Whether a glued cell ending in `text` leaves a seam before the next cell (`glueSeams` in src/ingest/text.ts). */
function endsAtSeam(text: string): boolean {
  const word = /[A-Za-z]+[)\]%]?$/u.exec(text)?.[0] ?? '';
  return /[)\]%]$/u.test(text) || /[a-z]{2,}$/u.test(word);
}

function medpath(s: Study, i: number): string {
  const c = chooser(i, 'medpath');
  const out: string[] = ['MedPath', '', s.title, '', ...s.phases.map(phaseLabel)];
  out.push('Conditions', ...s.conditions);
  out.push('Interventions', ...s.interventions.map((iv) => typedName({ ...iv, name: cell(iv.name) })));
  out.push('Registration Number', s.nct);
  if (s.orgId && c.chance(0.5)) out.push('Other Identifiers', s.orgId);
  if (s.sponsor) out.push('Lead Sponsor', s.sponsor);
  if (s.summary) out.push('Brief Summary', '', s.summary, '');
  if (s.description) out.push('Detailed Description', '', s.description, '');

  out.push('Recruitment & Eligibility', '');
  if (s.status) out.push('Status', s.status);
  if (s.sex) out.push('Sex', SEX_LABEL(s.sex));
  if (s.minAge || s.maxAge) out.push('Age', s.minAge && s.maxAge ? `${s.minAge} to ${s.maxAge}` : s.minAge ? `${s.minAge} and older` : `Up to ${s.maxAge}`);
  if (s.healthyVolunteers !== null && c.chance(0.5)) out.push('Healthy Volunteers', s.healthyVolunteers ? 'Yes' : 'No');
  if (s.enrollment) out.push(s.enrollment.type === 'ACTUAL' ? 'Actual Enrollment' : 'Target Recruitment', String(s.enrollment.count));
  const numbered = c.chance(0.5);
  const items = (xs: string[]) => xs.map((x, k) => (numbered ? `  ${k + 1}. ${x}` : `• ${x}`));
  out.push('Inclusion Criteria', ...items(s.inclusion));
  out.push('Exclusion Criteria', ...items(s.exclusion), '');

  out.push('Study & Design', '');
  if (s.studyType) out.push('Study Type', s.studyType);
  if (s.interventionModel) out.push('Study Design', s.interventionModel);
  if (s.start) out.push('Start Date', s.start.date);
  if (s.completion) out.push('Completion Date', s.completion.date);
  out.push('Arm && Interventions', 'GroupInterventionDescription');
  for (const arm of s.arms) {
    const iv = armInterventions(s, arm)[0];
    // A label ending in an acronym ("… from MSCs") leaves no seam before the intervention cell
    // ("MSCsBone marrow…" reads as one word, like "iPSC"), and the row could not be split: such a
    // label is printed with its arm type after it ("… from MSCs (Experimental)"), which the
    // reader keeps as part of the label.
    const label = endsAtSeam(arm.label) ? cell(arm.label) : `${cell(arm.label)} (${arm.type ? armTypeLabel(arm.type) : 'Group'})`;
    out.push(`${label}${iv ? cell(iv.name) : ''}${arm.description ? cell(arm.description) : ''}`);
  }
  // The Name and Time cells glue too ("Bone mineral density (BMD)12 months"). A measure ending in
  // an acronym ("KOOS", "EDSS", "HbA1c", "SLEDAI-2K") leaves no seam before its time frame, and
  // the row could not be split: such outcomes are left out of this layout's tables.
  const outcomes = (heading: string, list: Outcome[]) => {
    out.push(heading, 'NameTimeMethod');
    for (const o of list.filter((x) => x.timeFrame && endsAtSeam(x.measure))) {
      out.push(`${o.measure}${o.timeFrame ?? ''}`);
      if (o.description) out.push('', o.description, '');
    }
  };
  outcomes('Primary Outcome Measures', s.primaryOutcomes);
  outcomes('Secondary Outcome Measures', s.secondaryOutcomes);

  out.push('', 'Trial Locations', '');
  const sites = s.locations.filter((l) => l.facility);
  out.push(`Locations (${sites.length})`, '');
  for (const l of sites) {
    const flag = l.country ? flagEmoji(l.country) : null;
    out.push(l.facility!, '', ...(flag ? [flag, ''] : []), addressLine(l), '');
  }
  out.push('© Copyright 2025. All Rights Reserved by MedPath');
  return out.join('\n');
}

// ------------------------------------------------------------------ ClinicalTrials.gov classic (clincosm)

function ctgovClassic(s: Study, i: number): string {
  const c = chooser(i, 'ctgov-classic');
  // "Label: value" on one line, or the label on a line of its own, as copies of the page differ
  const inline = c.chance(0.5);
  const label = (name: string, value: string, spaced = false) => (inline ? [`${name}${spaced ? ' ' : ''}: ${value}`] : [`${name}${spaced ? ' ' : ''}:`, value]);

  const out: string[] = [s.title, ''];
  if (s.sponsor) out.push('Sponsor', `${s.sponsor} (Other)`);
  if (s.status) out.push('Overall Status', statusLabel(s.status));
  out.push('CT.gov ID', s.nct, 'Collaborator', '(none)');
  // the header's unlabelled figures: participants, sites, arms, months of follow-up, a ratio
  const months = s.start && s.completion ? monthsBetween(s.start.date, s.completion.date) : 12;
  out.push(String(s.enrollment?.count ?? 0), String(s.locations.length), String(s.arms.length), `${months}.0`, (s.enrollment ? s.enrollment.count / Math.max(1, months) : 0).toFixed(1), '');

  out.push('Study Details', '', 'Study Description', '');
  if (s.summary) out.push('Brief Summary', '', s.summary, '');
  out.push('Condition or Disease Intervention/Treatment Phase');
  out.push(...s.conditions, ...s.interventions.map(typedName));
  const phases = s.phases.map(phaseLabel);
  if (phases.length) out.push(c.chance(0.5) ? phases.join('/') : phases.join(' '));
  out.push('');
  if (s.description) out.push('Detailed Description', '', s.description, '');

  out.push('Study Design', '');
  if (s.studyType) out.push(...label('Study Type', STUDY_TYPE_LABEL(s.studyType)));
  if (s.enrollment) {
    const kind = s.enrollment.type === 'ACTUAL' ? 'Actual' : 'Estimated';
    out.push(...label(`${kind} Enrollment`, `${s.enrollment.count} participants`, true));
  }
  if (s.allocation) out.push(...label('Allocation', ALLOCATION_LABEL[s.allocation] ?? s.allocation));
  if (s.interventionModel) out.push(...label('Intervention Model', MODEL_LABEL[s.interventionModel] ?? s.interventionModel));
  if (s.masking) out.push(...label('Masking', s.masking === 'NONE' ? 'None (Open Label)' : capital(s.masking.toLowerCase())));
  if (s.primaryPurpose) out.push(...label('Primary Purpose', PURPOSE_LABEL(s.primaryPurpose)));
  if (s.officialTitle) out.push(...label('Official Title', s.officialTitle));
  const date = (name: string, d: DateStruct | null) => {
    if (d) out.push(...label(`${d.type === 'ACTUAL' ? 'Actual' : 'Estimated'} ${name}`, longDate(d.date, !inline), true));
  };
  date('Study Start Date', s.start);
  date('Primary Completion Date', s.primaryCompletion);
  date('Study Completion Date', s.completion);
  out.push('');

  if (s.arms.length) {
    out.push('Arms and Interventions', '', 'Arm Intervention/Treatment');
    for (const arm of s.arms) {
      out.push(`${arm.type ? armTypeLabel(arm.type) : 'Other'}: ${arm.label}`, '');
      if (arm.description) out.push(arm.description);
      // An intervention of type Other ("Other: Placebo") is left out of the arm's list: in this
      // table the reader takes any "Other: …" line for a new arm of type Other. It is still listed
      // in the condition/intervention table above.
      for (const iv of armInterventions(s, arm).filter((x) => x.type !== 'OTHER')) {
        out.push('', typedName(iv), ...(iv.description ? [iv.description] : []));
      }
    }
    out.push('');
  }

  out.push('Outcome Measures', '');
  const outcomes = (heading: string, list: Outcome[]) => {
    if (!list.length) return;
    out.push(heading, '');
    list.forEach((o, k) => {
      out.push(`${k + 1}. ${o.measure} [ Time Frame: ${o.timeFrame ?? 'Not stated'} ]`);
      if (o.description) out.push('', `   ${o.description}`);
      out.push('');
    });
  };
  outcomes('Primary Outcome Measures', s.primaryOutcomes);
  outcomes('Secondary Outcome Measures', s.secondaryOutcomes);

  out.push('Eligibility Criteria', '', 'Criteria', '');
  const ages = s.minAge && s.maxAge ? `${s.minAge} to ${s.maxAge}` : s.minAge ? `${s.minAge} and older` : s.maxAge ? `up to ${s.maxAge}` : null;
  if (ages) out.push(...label('Ages Eligible for Study', `${ages} (${ageGroups(s.minAge, s.maxAge)})`));
  if (s.sex) out.push(...label('Sexes Eligible for Study', SEX_LABEL(s.sex)));
  if (s.healthyVolunteers !== null) out.push(...label('Accepts Healthy Volunteers', s.healthyVolunteers ? 'Yes' : 'No'));
  if (s.inclusion.length) out.push('Inclusion Criteria:', '', ...s.inclusion.map((x) => `  • ${x}`), '');
  if (s.exclusion.length) out.push('Exclusion Criteria:', '', ...s.exclusion.map((x) => `  • ${x}`), '');

  out.push('Contacts and Locations', '', 'Locations', '', 'Site City State Country Postal Code');
  s.locations.forEach((l, k) => out.push([String(k + 1), l.facility ?? '', l.city ?? '', l.state ?? '', l.country ?? '', l.zip ?? ''].join('\t')));
  out.push('');
  if (s.sponsor) out.push('Sponsors and Collaborators', '', `  • ${s.sponsor}`, '');

  out.push('More Information', '', 'ClinicalTrials.gov Identifier:', s.nct);
  if (s.orgId) out.push('Other Study ID Numbers:', `  • ${s.orgId}`);
  const updated = s.lastUpdated ? longDate(s.lastUpdated.date, true) : null;
  if (s.hasResults && updated) out.push('Results First Posted:', updated);
  if (updated) out.push('Last Update Posted:', updated);
  if (s.keywords.length && s.sponsor) out.push(`Keywords provided by ${s.sponsor}`, ...s.keywords.map((k) => `  • ${k}`));
  out.push('', 'Study Results', '');
  if (s.hasResults) out.push('Participant Flow', '', 'Baseline Characteristics', '', 'Adverse Events');
  else out.push(`No Results Posted as of ${updated ?? 'today'}`);
  return out.join('\n');
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return Math.max(1, ((yb ?? 0) - (ya ?? 0)) * 12 + ((mb ?? 1) - (ma ?? 1)));
}

// ------------------------------------------------------------------ entry point

/** The same trial as syntheticStudy(i), rendered as a copied page of that layout. */
export function syntheticPage(i: number, layout: TextLayout): string {
  const study = studyOf(i);
  switch (layout) {
    case 'veeva':
      return `${veeva(study, i)}\n`;
    case 'meddatax':
      return `${meddatax(study, i)}\n`;
    case 'medpath':
      return `${medpath(study, i)}\n`;
    case 'ctgov-classic':
      return `${ctgovClassic(study, i)}\n`;
  }
}
