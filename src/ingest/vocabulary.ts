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
