/**
 * The one vocabulary of the catalogue.
 *
 * Every enumerated field of the public record (see TRIAL-RECORD.md) has one table here:
 * its values in ClinicalTrials.gov API v2 spelling, the human label pages show, and the
 * spellings the record sites use for it (matched case- and punctuation-insensitively by
 * `normalize.ts`). Pages import the labels from here; nothing else defines them.
 */

export interface Term {
  /** What a person reads. */
  label: string;
  /** Other spellings found in records (the value itself and the label always match). */
  aliases?: string[];
}

export type Vocabulary<V extends string> = Readonly<Record<V, Term>>;

export const STATUS = {
  NOT_YET_RECRUITING: { label: 'Not yet recruiting' },
  RECRUITING: { label: 'Recruiting', aliases: ['Open', 'Recruitment open', 'Open to recruitment'] },
  ENROLLING_BY_INVITATION: { label: 'Enrolling by invitation' },
  ACTIVE_NOT_RECRUITING: {
    label: 'Active, not recruiting',
    aliases: ['Active', 'Active - not recruiting', 'Ongoing', 'Recruitment closed'],
  },
  SUSPENDED: { label: 'Suspended', aliases: ['Temporarily halted', 'Temporarily not available'] },
  TERMINATED: { label: 'Terminated', aliases: ['Stopped', 'Halted prematurely', 'Stopped early'] },
  COMPLETED: { label: 'Completed', aliases: ['Complete', 'Recruitment completed', 'Closed'] },
  WITHDRAWN: { label: 'Withdrawn' },
  UNKNOWN: { label: 'Unknown status', aliases: ['Unknown', 'Unknown status'] },
} as const satisfies Vocabulary<string>;

export const PHASE = {
  EARLY_PHASE1: { label: 'Early phase 1', aliases: ['Phase 0', 'Early Phase I', 'Phase 0/1'] },
  PHASE1: { label: 'Phase 1', aliases: ['Phase I', 'I'] },
  PHASE2: { label: 'Phase 2', aliases: ['Phase II', 'II'] },
  PHASE3: { label: 'Phase 3', aliases: ['Phase III', 'III'] },
  PHASE4: { label: 'Phase 4', aliases: ['Phase IV', 'IV', 'Post-marketing'] },
  NA: {
    label: 'Not applicable',
    aliases: ['N/A', 'Not Applicable', 'NA', 'None', 'No phase', 'Not specified'],
  },
} as const satisfies Vocabulary<string>;

export const STUDY_TYPE = {
  INTERVENTIONAL: { label: 'Interventional', aliases: ['Interventional study', 'Clinical trial'] },
  OBSERVATIONAL: {
    label: 'Observational',
    aliases: ['Observational study', 'Observational [Patient Registry]', 'Patient Registry'],
  },
  EXPANDED_ACCESS: { label: 'Expanded access' },
} as const satisfies Vocabulary<string>;

export const ALLOCATION = {
  RANDOMIZED: { label: 'Randomised', aliases: ['Randomized', 'Randomised controlled', 'Random'] },
  NON_RANDOMIZED: { label: 'Non-randomised', aliases: ['Non-Randomized', 'Nonrandomized', 'Non randomised'] },
  NA: { label: 'Not applicable', aliases: ['N/A', 'Not Applicable', 'NA'] },
} as const satisfies Vocabulary<string>;

export const INTERVENTION_MODEL = {
  SINGLE_GROUP: { label: 'Single group', aliases: ['Single Group Assignment', 'Single arm', 'Single-arm'] },
  PARALLEL: { label: 'Parallel', aliases: ['Parallel Assignment', 'Parallel group'] },
  CROSSOVER: { label: 'Crossover', aliases: ['Crossover Assignment', 'Cross-over'] },
  FACTORIAL: { label: 'Factorial', aliases: ['Factorial Assignment'] },
  SEQUENTIAL: { label: 'Sequential', aliases: ['Sequential Assignment'] },
} as const satisfies Vocabulary<string>;

export const PRIMARY_PURPOSE = {
  TREATMENT: { label: 'Treatment' },
  PREVENTION: { label: 'Prevention' },
  DIAGNOSTIC: { label: 'Diagnostic' },
  SUPPORTIVE_CARE: { label: 'Supportive care' },
  SCREENING: { label: 'Screening' },
  HEALTH_SERVICES_RESEARCH: { label: 'Health services research' },
  BASIC_SCIENCE: { label: 'Basic science' },
  DEVICE_FEASIBILITY: { label: 'Device feasibility' },
  ECT: { label: 'Educational / counselling / training', aliases: ['Educational/Counseling/Training'] },
  OTHER: { label: 'Other' },
} as const satisfies Vocabulary<string>;

export const MASKING = {
  NONE: { label: 'None (open label)', aliases: ['None (Open Label)', 'Open label', 'Open-label', 'No masking'] },
  SINGLE: { label: 'Single', aliases: ['Single Blind', 'Single-blind'] },
  DOUBLE: { label: 'Double', aliases: ['Double Blind', 'Double-blind'] },
  TRIPLE: { label: 'Triple', aliases: ['Triple Blind', 'Triple-blind'] },
  QUADRUPLE: { label: 'Quadruple', aliases: ['Quadruple Blind', 'Quadruple-blind'] },
} as const satisfies Vocabulary<string>;

export const WHO_MASKED = {
  PARTICIPANT: { label: 'Participant', aliases: ['Subject', 'Participants'] },
  CARE_PROVIDER: { label: 'Care provider', aliases: ['Caregiver'] },
  INVESTIGATOR: { label: 'Investigator' },
  OUTCOMES_ASSESSOR: { label: 'Outcomes assessor', aliases: ['Outcome Assessor'] },
} as const satisfies Vocabulary<string>;

export const ARM_TYPE = {
  EXPERIMENTAL: { label: 'Experimental' },
  ACTIVE_COMPARATOR: { label: 'Active comparator' },
  PLACEBO_COMPARATOR: { label: 'Placebo comparator' },
  SHAM_COMPARATOR: { label: 'Sham comparator' },
  NO_INTERVENTION: { label: 'No intervention' },
  OTHER: { label: 'Other' },
} as const satisfies Vocabulary<string>;

export const INTERVENTION_TYPE = {
  BIOLOGICAL: { label: 'Biological', aliases: ['Biologic'] },
  DRUG: { label: 'Drug' },
  DEVICE: { label: 'Device' },
  PROCEDURE: { label: 'Procedure', aliases: ['Procedure/Surgery', 'Surgery'] },
  RADIATION: { label: 'Radiation' },
  BEHAVIORAL: { label: 'Behavioural', aliases: ['Behavioral'] },
  GENETIC: { label: 'Genetic' },
  DIETARY_SUPPLEMENT: { label: 'Dietary supplement' },
  COMBINATION_PRODUCT: { label: 'Combination product' },
  DIAGNOSTIC_TEST: { label: 'Diagnostic test' },
  OTHER: { label: 'Other' },
} as const satisfies Vocabulary<string>;

export const SEX = {
  ALL: { label: 'All', aliases: ['Both', 'Male and Female', 'Female and Male', 'Both, male and female', 'Any'] },
  FEMALE: { label: 'Female', aliases: ['Women', 'Female only'] },
  MALE: { label: 'Male', aliases: ['Men', 'Male only'] },
} as const satisfies Vocabulary<string>;

export const DATE_TYPE = {
  ACTUAL: { label: 'Actual' },
  ESTIMATED: { label: 'Estimated', aliases: ['Anticipated', 'Expected', 'Planned'] },
} as const satisfies Vocabulary<string>;

// ---- MSC facets (classify.ts decides them; the keyword lists live in classify.ts) ----

export const PRODUCT = {
  CELLS: { label: 'MSC cells' },
  SECRETOME: { label: 'Secretome / conditioned medium' },
  EXTRACELLULAR_VESICLES: { label: 'Extracellular vesicles / exosomes' },
  COMBINATION: { label: 'Combined with another agent' },
} as const satisfies Vocabulary<string>;

export const CELL_SOURCE = {
  UMBILICAL_CORD: { label: 'Umbilical cord' },
  ADIPOSE: { label: 'Adipose tissue' },
  BONE_MARROW: { label: 'Bone marrow' },
  PLACENTA: { label: 'Placenta' },
  AMNION: { label: 'Amnion / amniotic' },
  DENTAL_PULP: { label: 'Dental pulp' },
  MENSTRUAL_BLOOD: { label: 'Menstrual blood' },
  OTHER: { label: 'Other source' },
} as const satisfies Vocabulary<string>;

export const DONOR = {
  ALLOGENEIC: { label: 'Allogeneic' },
  AUTOLOGOUS: { label: 'Autologous' },
} as const satisfies Vocabulary<string>;

export const ROUTE = {
  INTRA_ARTICULAR: { label: 'Intra-articular' },
  INTRAVENOUS: { label: 'Intravenous' },
  INTRATHECAL: { label: 'Intrathecal' },
  INTRAMUSCULAR: { label: 'Intramuscular' },
  TOPICAL: { label: 'Topical' },
  INTRANASAL: { label: 'Intranasal' },
  LOCAL_INJECTION: { label: 'Local injection' },
  OTHER: { label: 'Other route' },
} as const satisfies Vocabulary<string>;

export const SEVERITY = {
  info: { label: 'Note' },
  warning: { label: 'Check' },
} as const satisfies Vocabulary<string>;

/** Data-quality flag codes: a short plain-words title and what the flag means (About page, trial pages). */
export const FLAG = {
  'age-unit-mismatch': { label: 'Age unit looks wrong', explanation: 'The age field and the criteria give the same number in different units; the unit in the age field is probably a data-entry slip.' },
  'criteria-age-differs': { label: 'Criteria set other age limits', explanation: 'The eligibility criteria set age limits that the age fields lack or state differently. The criteria are what investigators apply.' },
  'criteria-sex-differs': { label: 'Criteria restrict sex differently', explanation: 'The inclusion criteria speak of one sex, or set different conditions per sex, unlike the sex field.' },
  'phase-prose-mismatch': { label: 'Phase differs in the text', explanation: 'The title, summary or description names a different phase from the phase field.' },
  'enrollment-prose-mismatch': { label: 'Enrollment differs in the text', explanation: 'The description gives a participant number that differs from the enrollment field (a planned vs actual count, or an error).' },
  'status-stale': { label: 'Status probably out of date', explanation: 'The trial is still listed as open more than a year after its completion date: the registry record has probably not been updated.' },
  'unmapped-value': { label: 'Value not understood', explanation: 'The record states a value outside the vocabulary; it is shown as not stated and quoted in the flag.' },
  'no-registry-id': { label: 'No registry id', explanation: 'The record states no registry id; the trial is filed under a name made from its file name.' },
  'markup-in-text': { label: 'Markup in the text', explanation: 'The record’s text contains HTML markup: pasted formatting such as <sup> or <br>, or something that runs or loads, such as a script, an image or an event handler. The catalogue shows it as plain text and never runs it; active markup may mean a tampered record.' },
  'encoding-converted': { label: 'File was not UTF-8', explanation: 'The record file is not UTF-8 text; it reads as Western text in Windows-1252 (Latin-1) and was read that way. Accented names may need checking against the source.' },
  'encoding-damaged': { label: 'Damaged characters', explanation: 'The record file is UTF-8 text with a few damaged bytes (a cut-off or stray character); they are shown as “�”.' },
  'generic-reader': { label: 'Unfamiliar page layout', explanation: 'The record comes from a site layout the catalogue has no dedicated reader for; only clearly labelled fields were read.' },
  'unlabelled-id': { label: 'Registry id not labelled', explanation: 'The page did not label its registry id; the catalogue took the only one it names, or none when it names several.' },
  'unsplit-list': { label: 'Values run together', explanation: 'The copied page ran several values together without separators; they are kept as written rather than split by guesswork.' },
  'duplicated-text': { label: 'Text printed twice', explanation: 'The copied page printed a text twice in a row; it is kept once.' },
  'criteria-not-sectioned': { label: 'Criteria not sectioned', explanation: 'The criteria have no inclusion/exclusion headings; every item is listed under inclusion.' },
  'source-conflict': { label: 'Sources disagree', explanation: 'Two records of this trial state different values for the field; the value shown comes from the source first in precedence, and every source’s value is listed under Sources.' },
  curated: { label: 'Corrected by a curator', explanation: 'A curator corrected or classified this field with a stated reason; the original value is kept beside it.' },
  'no-comparator': { label: 'No comparison group', explanation: 'A single group, or arms that all receive experimental treatment: effects cannot be compared with a control.' },
  'open-label': { label: 'Open label', explanation: 'Nobody is masked: knowing the treatment can colour how outcomes such as pain are reported and assessed.' },
  'small-sample': { label: 'Small sample', explanation: 'Fewer than 30 participants: enough to look at safety and feasibility, rarely to show an effect.' },
  'single-site': { label: 'Single site', explanation: 'All participants come from one site, which limits how far results generalise.' },
  'results-not-posted': { label: 'Results not posted', explanation: 'The trial ended more than a year ago and no results are posted at the registry.' },
  'registered-not-approved': { label: 'Registered, not approved', explanation: 'Registration records a plan; it is neither a regulator’s approval nor evidence that the therapy works.' },
  'missing-field': { label: 'Key facts not stated', explanation: 'The record states no status, conditions, enrollment or eligibility criteria in a structured field.' },
} as const satisfies Record<string, { label: string; explanation: string }>;

export type FlagCode = keyof typeof FLAG;

/**
 * Evidence signals: flags that are not errors in a record but facts a reader weighs when judging
 * what a trial can show (raised in flags.ts). Every trial carries "registered-not-approved".
 */
export const SIGNAL_CODES = ['no-comparator', 'open-label', 'small-sample', 'single-site', 'results-not-posted', 'registered-not-approved'] as const;
/** The signals plus a stale status, which is both a data-quality flag and a signal. */
export const EVIDENCE_CODES = ['no-comparator', 'open-label', 'small-sample', 'single-site', 'status-stale', 'results-not-posted', 'registered-not-approved'] as const;

/** A flag's plain-words title; an unknown code is shown as itself. */
export function flagLabel(code: string): string {
  return (FLAG as Record<string, { label: string }>)[code]?.label ?? code;
}

/** What a flag code means, in a sentence. */
export function flagExplanation(code: string): string | null {
  return (FLAG as Record<string, { explanation: string }>)[code]?.explanation ?? null;
}

export const FORMAT = {
  'ctgov-json': { label: 'ClinicalTrials.gov API v2 JSON' },
  veeva: { label: 'ClinicalTrials.Veeva page' },
  meddatax: { label: 'meddatax page' },
  medpath: { label: 'MedPath page' },
  'ctgov-classic': { label: 'ClinicalTrials.gov classic page (clincosm)' },
  generic: { label: 'Unrecognised layout (generic reader)' },
} as const satisfies Vocabulary<string>;

/** The values of a vocabulary, in declaration order (which is also the sort order). */
export function valuesOf<V extends string>(vocab: Vocabulary<V>): [V, ...V[]] {
  return Object.keys(vocab) as [V, ...V[]];
}

/** The label of a value, or the value itself for something outside the vocabulary. */
export function labelOf<V extends string>(vocab: Vocabulary<V>, value: V | null | undefined): string {
  if (value == null) return 'Not stated';
  return vocab[value]?.label ?? value;
}
