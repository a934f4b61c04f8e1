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
  NOT_YET_RECRUITING: {
    label: 'Not yet recruiting',
    // ClinicalTrials.Veeva "Not yet enrolling"; ICTRP / ChiCTR / jRCT "Pending"; UMIN "Preinitiation"
    aliases: ['Not yet enrolling', 'Pending', 'Preinitiation', 'Not yet open', 'Not yet open for recruitment'],
  },
  RECRUITING: {
    label: 'Recruiting',
    // Veeva "Enrolling"; CTRI "Open to Recruitment"; UMIN "Open public recruiting"
    aliases: ['Open', 'Recruitment open', 'Open to recruitment', 'Enrolling', 'Open public recruiting', 'Recruiting participants'],
  },
  ENROLLING_BY_INVITATION: { label: 'Enrolling by invitation' },
  ACTIVE_NOT_RECRUITING: {
    label: 'Active, not recruiting',
    // ANZCTR "Closed: follow-up continuing"; CTRI "Closed to Recruitment of Participants"
    aliases: ['Active', 'Active - not recruiting', 'Active, not enrolling', 'Recruitment closed', 'Closed: follow-up continuing', 'Closed to recruitment of participants', 'Closed to recruitment'],
  },
  SUSPENDED: { label: 'Suspended', aliases: ['Temporarily halted', 'Suspending'] },
  // EU CTR "Prematurely Ended"; ANZCTR and ISRCTN "Stopped early" / "Stopped"
  TERMINATED: { label: 'Terminated', aliases: ['Stopped', 'Halted prematurely', 'Stopped early', 'Prematurely ended'] },
  // ANZCTR "Closed: follow-up complete"; UMIN "Main results already published"; jRCT "Complete"
  COMPLETED: { label: 'Completed', aliases: ['Complete', 'Recruitment completed', 'Closed: follow-up complete', 'Main results already published'] },
  WITHDRAWN: { label: 'Withdrawn' },
  UNKNOWN: { label: 'Unknown status', aliases: ['Unknown', 'Unknown status'] },
  // expanded access (a treatment offered outside a trial): the statuses of its availability
  AVAILABLE: { label: 'Available (expanded access)', aliases: ['Available'] },
  NO_LONGER_AVAILABLE: { label: 'No longer available (expanded access)', aliases: ['No longer available'] },
  TEMPORARILY_NOT_AVAILABLE: { label: 'Temporarily not available (expanded access)', aliases: ['Temporarily not available'] },
  APPROVED_FOR_MARKETING: { label: 'Approved for marketing (expanded access)', aliases: ['Approved for marketing'] },
  WITHHELD: { label: 'Withheld' },
} as const satisfies Vocabulary<string>;

export const PHASE = {
  EARLY_PHASE1: { label: 'Early phase 1', aliases: ['Phase 0', 'Early Phase I', 'Phase 0/1'] },
  PHASE1: { label: 'Phase 1', aliases: ['Phase I', 'I'] },
  PHASE2: { label: 'Phase 2', aliases: ['Phase II', 'II'] },
  PHASE3: { label: 'Phase 3', aliases: ['Phase III', 'III'] },
  PHASE4: { label: 'Phase 4', aliases: ['Phase IV', 'IV', 'Post-marketing'] },
  NA: {
    label: 'Not applicable',
    aliases: ['N/A', 'Not Applicable', 'NA', 'None', 'No phase', 'Not specified', 'Not applicable (N/A)'],
  },
} as const satisfies Vocabulary<string>;

export const STUDY_TYPE = {
  INTERVENTIONAL: { label: 'Interventional', aliases: ['Interventional study', 'Clinical trial', 'Interventional trial', 'Intervention', 'Interventional clinical trial of medicinal product'] },
  OBSERVATIONAL: {
    label: 'Observational',
    aliases: ['Observational study', 'Observational [Patient Registry]', 'Patient Registry', 'Observational non invasive', 'Observational invasive'],
  },
  EXPANDED_ACCESS: { label: 'Expanded access' },
} as const satisfies Vocabulary<string>;

export const ALLOCATION = {
  // ANZCTR "Randomised controlled trial" / "Non-randomised trial"
  RANDOMIZED: { label: 'Randomised', aliases: ['Randomized', 'Randomised controlled', 'Random', 'Randomised controlled trial', 'Randomized controlled trial', 'Randomised trial', 'Randomized trial'] },
  NON_RANDOMIZED: { label: 'Non-randomised', aliases: ['Non-Randomized', 'Nonrandomized', 'Non randomised', 'Non-randomised trial', 'Non-randomized trial', 'Non-randomized controlled trial'] },
  NA: { label: 'Not applicable', aliases: ['N/A', 'Not Applicable', 'NA'] },
} as const satisfies Vocabulary<string>;

export const INTERVENTION_MODEL = {
  // CTRI "Single Arm Study" / "Single Arm Trial"
  SINGLE_GROUP: { label: 'Single group', aliases: ['Single Group Assignment', 'Single arm', 'Single-arm', 'Single Arm Study', 'Single Arm Trial', 'Single group assignment study'] },
  PARALLEL: { label: 'Parallel', aliases: ['Parallel Assignment', 'Parallel group', 'Parallel Group Trial'] },
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
  // ANZCTR "Open (masking not used)"; UMIN "Open -no one is blinded"; ICTRP "Blinding: open"
  NONE: { label: 'None (open label)', aliases: ['None (Open Label)', 'Open label', 'Open-label', 'No masking', 'Open (masking not used)', 'Open -no one is blinded', 'Open', 'Not blinded'] },
  SINGLE: { label: 'Single', aliases: ['Single Blind', 'Single-blind', 'Single blinded'] },
  DOUBLE: { label: 'Double', aliases: ['Double Blind', 'Double-blind', 'Double blinded', 'Double blind -all involved are blinded'] },
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
  // ANZCTR "Both males and females"; trials.co "All Sexes"; UMIN "Male and Female"
  ALL: { label: 'All', aliases: ['Both', 'Male and Female', 'Female and Male', 'Both, male and female', 'Any', 'Both males and females', 'All Sexes', 'Males and females', 'Both sexes'] },
  FEMALE: { label: 'Female', aliases: ['Women', 'Female only', 'Females'] },
  MALE: { label: 'Male', aliases: ['Men', 'Male only', 'Males'] },
} as const satisfies Vocabulary<string>;

/** Who funds the trial: ClinicalTrials.gov's agency classes of the lead sponsor and collaborators ("Funded Bys"). */
export const FUNDER_TYPE = {
  NIH: { label: 'NIH' },
  FED: { label: 'U.S. federal (not NIH)', aliases: ['U.S. Fed', 'US Fed', 'Federal', 'U.S. Federal'] },
  OTHER_GOV: { label: 'Other government', aliases: ['Other Gov', 'Other government'] },
  INDUSTRY: { label: 'Industry' },
  NETWORK: { label: 'Network' },
  INDIV: { label: 'Individual', aliases: ['Indiv', 'Individual'] },
  AMBIG: { label: 'Ambiguous', aliases: ['Ambig'] },
  OTHER: { label: 'Other (universities, hospitals, foundations)', aliases: ['Other'] },
  UNKNOWN: { label: 'Unknown', aliases: ['Unknown'] },
} as const satisfies Vocabulary<string>;

/** ClinicalTrials.gov's age groups ("Child, Adult, Older Adult"): under 18, 18–64, 65 and over. */
export const AGE_GROUP = {
  CHILD: { label: 'Child (under 18)', aliases: ['Child'] },
  ADULT: { label: 'Adult (18–64)', aliases: ['Adult'] },
  OLDER_ADULT: { label: 'Older adult (65+)', aliases: ['Older Adult', 'Older adult', 'Senior'] },
} as const satisfies Vocabulary<string>;

export const OBSERVATIONAL_MODEL = {
  COHORT: { label: 'Cohort' },
  CASE_CONTROL: { label: 'Case-control', aliases: ['Case Control'] },
  CASE_ONLY: { label: 'Case-only', aliases: ['Case Only'] },
  CASE_CROSSOVER: { label: 'Case-crossover', aliases: ['Case Crossover'] },
  ECOLOGIC_OR_COMMUNITY: { label: 'Ecologic or community', aliases: ['Ecologic or Community', 'Ecologic or Community Studies'] },
  FAMILY_BASED: { label: 'Family-based', aliases: ['Family Based'] },
  DEFINED_POPULATION: { label: 'Defined population', aliases: ['Defined Population'] },
  NATURAL_HISTORY: { label: 'Natural history', aliases: ['Natural History'] },
  OTHER: { label: 'Other' },
} as const satisfies Vocabulary<string>;

export const TIME_PERSPECTIVE = {
  PROSPECTIVE: { label: 'Prospective' },
  RETROSPECTIVE: { label: 'Retrospective' },
  CROSS_SECTIONAL: { label: 'Cross-sectional', aliases: ['Cross Sectional', 'Cross-Sectional'] },
  OTHER: { label: 'Other' },
} as const satisfies Vocabulary<string>;

/** Kinds of expanded access ("Expanded Access:Individual Patients|Treatment IND/Protocol"). */
export const EXPANDED_ACCESS_TYPE = {
  INDIVIDUAL: { label: 'Individual patients', aliases: ['Individual Patients', 'Individual'] },
  INTERMEDIATE: { label: 'Intermediate-size population', aliases: ['Intermediate-size Population', 'Intermediate size population', 'Intermediate'] },
  TREATMENT: { label: 'Treatment IND/protocol', aliases: ['Treatment IND/Protocol', 'Treatment IND', 'Treatment'] },
} as const satisfies Vocabulary<string>;

export const DATE_TYPE = {
  ACTUAL: { label: 'Actual' },
  ESTIMATED: { label: 'Estimated', aliases: ['Anticipated', 'Expected', 'Planned'] },
} as const satisfies Vocabulary<string>;

/**
 * Words record sites print for a status, phase or study type that name no single value of the
 * vocabulary: mapping them would be a guess. They are known (so the flag can say why), and a
 * field stating one of them is shown as not stated with an `ambiguous-value` flag.
 */
export const AMBIGUOUS: Readonly<Record<'status' | 'phases' | 'studyType', Readonly<Record<string, string>>>> = {
  status: {
    // EU CTR, ISRCTN overall status
    Ongoing: 'says the trial is running but not whether it still recruits',
    // ICTRP, jRCT
    'Not recruiting': 'does not say whether the trial has not started yet, is running or has ended',
    // ISRCTN and UMIN recruitment status
    'No longer recruiting': 'says recruitment has ended but not whether the trial is still running',
    Closed: 'does not say whether recruitment or the whole trial is closed',
    // ICTRP copies of EU CTR records
    'Authorised-recruitment may be ongoing or finished': 'says only that the trial was authorised; recruitment may be ongoing or finished',
    Authorised: 'says only that a regulator authorised the trial',
    Restarted: 'says the trial resumed but not whether it recruits',
    'Not Authorised': 'says a regulator did not authorise the trial, not what became of it',
    'Trial now transitioned': 'says the record moved to the EU CTIS register, where its status is kept',
    'GB - no longer in EU/EEA': 'says the UK part of the trial left the EU register, not the trial’s status',
  },
  phases: {
    Other: 'names no phase',
    'Not selected': 'names no phase',
  },
  studyType: {
    // ISRCTN "Study type(s)" gives the purpose, not the design
    Treatment: 'names the purpose of the study, not whether it is interventional or observational',
    Prevention: 'names the purpose of the study, not whether it is interventional or observational',
    Other: 'names no study type',
  },
};

/** Why a word is ambiguous for a field, when the vocabulary knows it as such. */
export function ambiguity(field: keyof typeof AMBIGUOUS, text: string): string | null {
  const key = text.toLowerCase().replace(/[^a-z0-9]+/gu, '');
  for (const [word, reason] of Object.entries(AMBIGUOUS[field])) {
    if (word.toLowerCase().replace(/[^a-z0-9]+/gu, '') === key) return reason;
  }
  return null;
}

// ---- MSC facets (classify.ts decides them; the keyword lists live in classify.ts) ----

export const PRODUCT = {
  CELLS: { label: 'MSC cells' },
  SECRETOME: { label: 'Secretome / conditioned medium' },
  EXTRACELLULAR_VESICLES: { label: 'Extracellular vesicles / exosomes' },
  COMBINATION: { label: 'Combined with another agent' },
  MINIMALLY_MANIPULATED: {
    label: 'Minimally manipulated (BMAC, SVF, micro-fragmented fat)',
    aliases: ['Minimally manipulated', 'Bone marrow aspirate concentrate', 'Stromal vascular fraction'],
  },
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

/**
 * Is this a trial of an MSC product? Decided by `scope.ts` from what the record says participants
 * receive (docs/classification.md). MSC, MSC_CONTAINING and UNCLEAR trials are the catalogue;
 * OTHER records are listed on /data/screened-out/ with their reasons.
 */
export const SCOPE = {
  MSC: { label: 'MSC product', description: 'Participants receive MSCs or an MSC-derived product (cells, secretome or conditioned medium, extracellular vesicles), or are followed up after such a trial.' },
  MSC_CONTAINING: { label: 'MSC-containing preparation', description: 'Participants receive a minimally manipulated preparation that contains MSCs without isolating or culturing them: bone-marrow aspirate concentrate, stromal vascular fraction, micro-fragmented adipose tissue.' },
  UNCLEAR: { label: 'Scope needs review', description: 'The record does not say clearly whether participants receive an MSC product; the trial is published and flagged for review.' },
  OTHER: { label: 'Not an MSC product trial', description: 'No participant receives an MSC product: the record studies MSCs in samples, another therapy, or a procedure; it is screened out.' },
} as const satisfies Record<string, Term & { description: string }>;

export const SEVERITY = {
  info: { label: 'Note' },
  warning: { label: 'Check' },
} as const satisfies Vocabulary<string>;

export type FlagKind = 'quality' | 'signal' | 'reminder';

/**
 * Flag codes: a short plain-words title, what the flag means (About page, trial pages) and its
 * kind — `quality`, a contradiction or gap in the record; `signal`, a fact about the design a
 * reader weighs (not an error); `reminder`, the note every trial carries. A stale status is both a
 * quality flag and a signal (`alsoSignal`).
 */
export const FLAG = {
  'age-unit-mismatch': { kind: 'quality', label: 'Age unit looks wrong', explanation: 'The age field and the criteria give the same number in different units; the unit in the age field is probably a data-entry slip.' },
  'criteria-age-differs': { kind: 'quality', label: 'Criteria set other age limits', explanation: 'The eligibility criteria set age limits that the age fields lack or state differently. The criteria are what investigators apply.' },
  'criteria-sex-differs': { kind: 'quality', label: 'Criteria restrict sex differently', explanation: 'The inclusion criteria speak of one sex, or set different conditions per sex, unlike the sex field.' },
  'phase-prose-mismatch': { kind: 'quality', label: 'Phase differs in the text', explanation: 'The title, summary or description names a different phase from the phase field.' },
  'enrollment-prose-mismatch': { kind: 'quality', label: 'Enrollment differs in the text', explanation: 'The description gives a participant number that differs from the enrollment field (a planned vs actual count, or an error).' },
  'status-stale': { kind: 'quality', alsoSignal: true, label: 'Status probably out of date', explanation: 'The record lists the trial as open, yet its completion date had passed by the record’s own last update, or has passed more than a year since, or the record has not been updated for years: the status has probably changed. The date the record speaks for is always given.' },
  'possibly-out-of-date': { kind: 'quality', label: 'Our copy may be out of date', explanation: 'The newest registry record the catalogue holds for this trial was retrieved — or, when the retrieval date is not known, last updated — more than a year before the catalogue was built. The registry may have changed the status, dates or enrollment since; its own page has the current record, and `npm run import` brings it here.' },
  'ambiguous-value': { kind: 'quality', label: 'Value too vague to use', explanation: 'The record states a status, phase or study type in words that name no single value (for example “Ongoing”, which does not say whether the trial still recruits); the field is shown as not stated and the words are quoted in the flag.' },
  'enrollment-summed': { kind: 'quality', label: 'Enrollment summed from groups', explanation: 'The record gives the target sample size of each group; the enrollment shown is their sum.' },
  'unlabelled-title': { kind: 'quality', label: 'Title not labelled', explanation: 'The page did not label its title; the catalogue took the first heading-like line, which is quoted in the flag.' },
  'unmapped-value': { kind: 'quality', label: 'Value not understood', explanation: 'The record states a value outside the vocabulary; it is shown as not stated and quoted in the flag.' },
  'no-registry-id': { kind: 'quality', label: 'No registry id', explanation: 'The record states no registry id; the trial is filed under a name made from its file name.' },
  'markup-in-text': { kind: 'quality', label: 'Markup in the text', explanation: 'The record’s text contains HTML markup: pasted formatting such as <sup> or <br>, or something that runs or loads, such as a script, an image or an event handler. The catalogue shows it as plain text and never runs it; active markup may mean a tampered record.' },
  'encoding-converted': { kind: 'quality', label: 'File was not UTF-8', explanation: 'The record file is not UTF-8 text; it reads as Western text in Windows-1252 (Latin-1) and was read that way. Accented names may need checking against the source.' },
  'encoding-damaged': { kind: 'quality', label: 'Damaged characters', explanation: 'The record file is UTF-8 text with a few damaged bytes (a cut-off or stray character); they are shown as “�”.' },
  'generic-reader': { kind: 'quality', label: 'Unfamiliar page layout', explanation: 'The record comes from a site layout the catalogue has no dedicated reader for; only clearly labelled fields were read.' },
  'unlabelled-id': { kind: 'quality', label: 'Registry id not labelled', explanation: 'The page did not label its registry id; the catalogue took the only one it names, or none when it names several.' },
  'unsplit-list': { kind: 'quality', label: 'Values run together', explanation: 'The copied page ran several values together without separators; they are kept as written rather than split by guesswork.' },
  'duplicated-text': { kind: 'quality', label: 'Text printed twice', explanation: 'The copied page printed a text twice in a row; it is kept once.' },
  'criteria-not-sectioned': { kind: 'quality', label: 'Criteria not sectioned', explanation: 'The criteria have no inclusion/exclusion headings; every item is listed under inclusion.' },
  'source-conflict': { kind: 'quality', label: 'Sources disagree', explanation: 'Two records of this trial state different values for the field; the value shown comes from the source first in precedence, and every source’s value is listed under Sources.' },
  curated: { kind: 'quality', label: 'Corrected by a curator', explanation: 'A curator corrected or classified this field with a stated reason; the original value is kept beside it.' },
  'no-comparator': { kind: 'signal', label: 'No comparison group', explanation: 'A single group, or arms that all receive experimental treatment: effects cannot be compared with a control.' },
  'open-label': { kind: 'signal', label: 'Open label', explanation: 'Nobody is masked: knowing the treatment can colour how outcomes such as pain are reported and assessed.' },
  'small-sample': { kind: 'signal', label: 'Small sample', explanation: 'Fewer than 30 participants: enough to look at safety and feasibility, rarely to show an effect.' },
  'single-site': { kind: 'signal', label: 'Single site', explanation: 'All participants come from one site, which limits how far results generalise.' },
  'results-not-posted': { kind: 'signal', label: 'Results not posted', explanation: 'The trial ended more than a year ago and no results are posted at the registry.' },
  'registered-not-approved': { kind: 'reminder', label: 'Registered, not approved', explanation: 'Registration records a plan; it is neither a regulator’s approval nor evidence that the therapy works.' },
  'scope-unclear': { kind: 'quality', label: 'Scope needs review', explanation: 'The record does not say clearly whether participants receive an MSC product (a product named only by a code, “stem cells” of an unstated kind, an MSC mention only in background text). The trial is listed, and a curator should check the registry record.' },
  'url-mismatch': { kind: 'quality', label: 'Record link differs', explanation: 'The download gives a registry link for this row that is not the page of its own registry id.' },
  'missing-field': { kind: 'quality', label: 'Key facts not stated', explanation: 'The record states no status, conditions, enrollment or eligibility criteria in a structured field.' },
} as const satisfies Record<string, { kind: FlagKind; alsoSignal?: true; label: string; explanation: string }>;

export type FlagCode = keyof typeof FLAG;

/** The kind of a flag code; a code outside the vocabulary reads as a quality flag. */
export function flagKind(code: string): FlagKind {
  return (FLAG as Record<string, { kind: FlagKind }>)[code]?.kind ?? 'quality';
}

/**
 * Evidence signals: flags that are not errors in a record but facts a reader weighs when judging
 * what a trial can show (raised in flags.ts). Every trial carries "registered-not-approved".
 */
export const SIGNAL_CODES = ['no-comparator', 'open-label', 'small-sample', 'single-site', 'results-not-posted', 'registered-not-approved'] as const satisfies readonly FlagCode[];
/** The signals plus a stale status, which is both a data-quality flag and a signal. */
export const EVIDENCE_CODES = ['no-comparator', 'open-label', 'small-sample', 'single-site', 'status-stale', 'results-not-posted', 'registered-not-approved'] as const satisfies readonly FlagCode[];

/** A flag's plain-words title; an unknown code is shown as itself. */
export function flagLabel(code: string): string {
  return (FLAG as Record<string, { label: string }>)[code]?.label ?? code;
}

/** What a flag code means, in a sentence. */
export function flagExplanation(code: string): string | null {
  return (FLAG as Record<string, { explanation: string }>)[code]?.explanation ?? null;
}

/**
 * Record formats. `lacks` lists the fields a format cannot carry at all, so that pages and flags
 * tell "the records we hold do not carry this" from "the registry states none" (a CSV download
 * has no eligibility criteria column; the registry record itself has criteria). `complete` says
 * whether the format is the registry's own export of every field it does carry: then a field it
 * leaves empty is empty at the registry. A page copy is never complete: a copy can drop a section.
 * `kind` is how a reader names the record ("a ClinicalTrials.Veeva page copy").
 */
export const FORMAT = {
  'ctgov-json': { label: 'ClinicalTrials.gov API v2 JSON', lacks: [], complete: true, kind: 'the ClinicalTrials.gov record (API)' },
  'ctgov-csv': {
    label: 'ClinicalTrials.gov CSV download (today’s site / API)',
    complete: true,
    kind: 'a ClinicalTrials.gov CSV download',
    lacks: ['officialTitle', 'keywords', 'description', 'arms', 'eligibility.inclusion', 'eligibility.exclusion', 'eligibility.healthyVolunteers', 'enrollment.type', 'dates.type', 'interventions.description'],
  },
  'ctgov-csv-classic': {
    label: 'ClinicalTrials.gov CSV download (classic site)',
    complete: true,
    kind: 'the 2022 ClinicalTrials.gov CSV download',
    lacks: [
      'officialTitle',
      'keywords',
      'summary',
      'description',
      'arms',
      'eligibility.inclusion',
      'eligibility.exclusion',
      'eligibility.healthyVolunteers',
      'enrollment.type',
      'dates.type',
      'interventions.description',
      'outcomes.timeFrame',
      'outcomes.class',
    ],
  },
  veeva: { label: 'ClinicalTrials.Veeva page', lacks: [], complete: false, kind: 'a ClinicalTrials.Veeva page copy' },
  meddatax: { label: 'meddatax page', lacks: [], complete: false, kind: 'a meddatax page copy' },
  medpath: { label: 'MedPath page', lacks: [], complete: false, kind: 'a MedPath page copy' },
  'ctgov-classic': { label: 'ClinicalTrials.gov classic page (clincosm)', lacks: [], complete: false, kind: 'a copy of the classic ClinicalTrials.gov page' },
  ictrp: { label: 'WHO ICTRP trial page', lacks: [], complete: false, kind: 'a copy of a WHO ICTRP trial page' },
  generic: { label: 'Unrecognised layout (generic reader)', lacks: [], complete: false, kind: 'a page copy of an unfamiliar layout' },
} as const satisfies Record<string, Term & { lacks: readonly string[]; complete: boolean; kind: string }>;

/** Whether none of these formats can carry a field (so its absence says nothing about the registry). */
export function noneCarries(formats: readonly (keyof typeof FORMAT)[], field: string): boolean {
  return formats.length > 0 && formats.every((f) => (FORMAT[f].lacks as readonly string[]).includes(field));
}

/** Whether one of these formats is the registry's complete export of a field: its absence there is the registry's. */
export function someAuthoritative(formats: readonly (keyof typeof FORMAT)[], field: string): boolean {
  return formats.some((f) => FORMAT[f].complete && !(FORMAT[f].lacks as readonly string[]).includes(field));
}

/** The values of a vocabulary, in declaration order (which is also the sort order). */
export function valuesOf<V extends string>(vocab: Vocabulary<V>): [V, ...V[]] {
  return Object.keys(vocab) as [V, ...V[]];
}

/** The label of a value, or the value itself for something outside the vocabulary. */
export function labelOf<V extends string>(vocab: Vocabulary<V>, value: V | null | undefined): string {
  if (value == null) return 'Not stated';
  return vocab[value]?.label ?? value;
}
