/**
 * Data-quality flags: places where a record contradicts itself or leaves out what a reader of
 * a trial needs. Each flag has a stable code (documented in docs/flags.md and on the About
 * page), the field it is about, a severity, and a message in plain words that quotes the
 * record.
 */
import type { Flag, Format, Scope, Trial } from '../schemas/trial.ts';
import type { Draft } from './normalize.ts';
import { parsePhases, sortPhases } from './normalize.ts';
import { PHASE, STATUS, labelOf, noneCarries } from '../domain/vocabulary.ts';

export interface FlagOptions {
  /** "today" for staleness; a fixed date makes builds and tests repeatable */
  asOf: Date;
  /** the formats of the trial's records: a field none of them can carry is not "missing" */
  formats?: readonly Format[];
  /** how long an open status may outlive the completion date, in days */
  staleAfterDays?: number;
  /** how old the newest copy may be before it is flagged as possibly out of date, in days */
  copyMaxAgeDays?: number;
}

const UNIT_WORDS: Record<string, 'Years' | 'Months' | 'Weeks' | 'Days'> = {
  year: 'Years',
  years: 'Years',
  yr: 'Years',
  yrs: 'Years',
  y: 'Years',
  month: 'Months',
  months: 'Months',
  mo: 'Months',
  week: 'Weeks',
  weeks: 'Weeks',
  wk: 'Weeks',
  day: 'Days',
  days: 'Days',
};

const criteriaOf = (t: Draft) => [
  ...t.eligibility.inclusion.map((text) => ({ text, list: 'inclusion' as const })),
  ...t.eligibility.exclusion.map((text) => ({ text, list: 'exclusion' as const })),
];

// ------------------------------------------------------------------ ages in the criteria

export interface CriteriaAge {
  /** where in the item the limit is stated */
  at: number;
  bound: 'min' | 'max';
  value: number;
  unit: 'Years' | 'Months' | 'Weeks' | 'Days';
  text: string;
  list: 'inclusion' | 'exclusion';
  /** the sex an item speaks of, when it names exactly one */
  sex: 'MALE' | 'FEMALE' | null;
}

const N = String.raw`(\d{1,3}(?:\.\d)?)`;
const U = String.raw`(years?|yrs?|months?|mo|weeks?|wk|days?|y)\b\.?`;
const AGE_PATTERNS: readonly { re: RegExp; kind: 'min' | 'max' | 'range'; needsAgeWord?: boolean }[] = [
  // ranges with an age word: "Age: 40-75", "aged 18 to 65 years", "Age ranges from 30-55 years of age", "between 18 and 65 years of age"
  { re: new RegExp(String.raw`\bage[sd]?\b[^\d;]{0,30}?${N}\s*(?:-|–|to|and)\s*${N}\s*(?:${U})?`, 'giu'), kind: 'range' },
  { re: new RegExp(String.raw`\bbetween\s+${N}\s+and\s+${N}\s*${U}\s*(?:old|of\s+age)`, 'giu'), kind: 'range' },
  { re: new RegExp(String.raw`${N}\s*(?:-|–|to)\s*${N}\s*${U}\s*(?:old|of\s+age)`, 'giu'), kind: 'range' },
  // lower bounds: "older than 50", "over 45 years", "aged ≥ 18 years", "18 years or older", "18+ years"
  { re: new RegExp(String.raw`\bolder\s+than\s+${N}\s*(?:${U})?`, 'giu'), kind: 'min' },
  { re: new RegExp(String.raw`\bage[sd]?\b\s*(?:of|is|:)?\s*(?:over|above|at\s+least|more\s+than|greater\s+than|≥|>=|>|from)\s*${N}\s*(?:${U})?`, 'giu'), kind: 'min' },
  { re: new RegExp(String.raw`(?:over|above|at\s+least|more\s+than|≥|>=|>)\s*${N}\s*(?:${U}\s*)?(?:old|of\s+age)`, 'giu'), kind: 'min' },
  { re: new RegExp(String.raw`${N}\s*${U}\s*(?:old\s+|of\s+age\s+)?(?:or|and)\s+older`, 'giu'), kind: 'min' },
  { re: new RegExp(String.raw`${N}\s*${U}\s*(?:old\s+|of\s+age\s+)?(?:or|and)\s+(?:over|above|more)`, 'giu'), kind: 'min', needsAgeWord: true },
  { re: new RegExp(String.raw`${N}\s*\+\s*${U}`, 'giu'), kind: 'min', needsAgeWord: true },
  { re: new RegExp(String.raw`\b(?:patients?|subjects?|participants?|persons?|people|individuals|children|adults|women|men|males?|females?)\s+(?:who\s+are\s+|aged\s+)?(?:over|above)\s+${N}\s*${U}`, 'giu'), kind: 'min' },
  // upper bounds: "younger than 18", "under 20 years old", "aged ≤ 65", "65 years or younger"
  { re: new RegExp(String.raw`\byounger\s+than\s+${N}\s*(?:${U})?`, 'giu'), kind: 'max' },
  { re: new RegExp(String.raw`\b(?:patients?|subjects?|participants?|persons?|people|individuals|children|adults|women|men|males?|females?)\s+(?:who\s+are\s+|aged\s+)?(?:under|below)\s+${N}\s*${U}`, 'giu'), kind: 'max' },
  { re: new RegExp(String.raw`\bage[sd]?\b\s*(?:of|is|:)?\s*(?:under|below|less\s+than|up\s+to|≤|<=|<)\s*${N}\s*(?:${U})?`, 'giu'), kind: 'max' },
  { re: new RegExp(String.raw`(?:under|below|less\s+than|up\s+to|≤|<=|<)\s*${N}\s*(?:${U}\s*)?(?:old|of\s+age)`, 'giu'), kind: 'max' },
  { re: new RegExp(String.raw`${N}\s*${U}\s*(?:old\s+|of\s+age\s+)?(?:or|and)\s+younger`, 'giu'), kind: 'max' },
  { re: new RegExp(String.raw`${N}\s*${U}\s*(?:old\s+|of\s+age\s+)?(?:or|and)\s+(?:under|below|less)`, 'giu'), kind: 'max', needsAgeWord: true },
];
/** For the patterns without an age word of their own, an age word must come just before the number. */
const AGE_WORD_BEFORE = /\b(?:age[sd]?|aged)\b[^.;\d]{0,20}$/iu;
/** "not older than 75" is a maximum. */
const NEGATION_BEFORE = /\b(?:not|no)\s+$/iu;
/** "an MRI less than 6 months old" is not about the participant's age. */
const THING_BEFORE = /\b(?:mri|scan|image|imaging|radiograph|x-?ray|test|result|sample|lesion|injury|symptoms?|pain|surgery|fracture|diagnosis|disease|wound|ulcer|onset|history)\b(?:\s+[\w-]+){0,3}\s*$/iu;

const MALE = /\b(?:males?|men|boys|man)\b/iu;
const FEMALE = /\b(?:females?|women|girls|woman)\b/iu;
const ABOUT_PREGNANCY = /child[- ]?bearing|pregnan|contracep|condom|barrier method|birth control|sperm|lactat|breast[- ]?feed|menopaus|fertile|sterili[sz]|menstrua/iu;

function sexOf(text: string): 'MALE' | 'FEMALE' | null {
  if (ABOUT_PREGNANCY.test(text)) return null;
  const male = MALE.test(text);
  const female = FEMALE.test(text);
  if (male && !female) return 'MALE';
  if (female && !male) return 'FEMALE';
  return null;
}

/** Age limits the criteria prose sets. In exclusion items the sense flips ("under 20 excluded" = minimum 20). */
export function criteriaAges(trial: Draft): CriteriaAge[] {
  const out: CriteriaAge[] = [];
  for (const { text, list } of criteriaOf(trial)) {
    // every age pattern needs a number: most criteria have none, and skip the sixteen patterns
    if (!/\d/u.test(text)) continue;
    const taken: [number, number][] = [];
    const found: CriteriaAge[] = [];
    const sex = sexOf(text);
    for (const { re, kind, needsAgeWord } of AGE_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        const before = text.slice(Math.max(0, start - 40), start);
        if (needsAgeWord && !AGE_WORD_BEFORE.test(before)) continue;
        if (THING_BEFORE.test(before)) continue;
        const negated = NEGATION_BEFORE.test(before);
        const flip = (bound: 'min' | 'max') => {
          const sense = negated ? (bound === 'min' ? 'max' : 'min') : bound;
          return list === 'exclusion' ? (sense === 'min' ? 'max' : 'min') : sense;
        };
        if (kind === 'range') {
          const unit = UNIT_WORDS[(m[3] ?? 'years').toLowerCase()] ?? 'Years';
          const lo = Number(m[1]);
          const hi = Number(m[2]);
          if (!(lo < hi) || hi > 120) continue;
          if (list === 'exclusion') continue; // an excluded range is not a limit of the eligible range
          found.push({ at: start, bound: 'min', value: lo, unit, text, list, sex }, { at: start, bound: 'max', value: hi, unit, text, list, sex });
        } else {
          const unit = UNIT_WORDS[(m[2] ?? 'years').toLowerCase()] ?? 'Years';
          const value = Number(m[1]);
          if (unit === 'Years' && value > 120) continue;
          found.push({ at: start, bound: flip(kind), value, unit, text, list, sex });
        }
        taken.push([start, end]);
      }
    }
    out.push(...found.sort((a, b) => a.at - b.at));
  }
  return out;
}

const toYears = (value: number, unit: CriteriaAge['unit']) =>
  unit === 'Years' ? value : unit === 'Months' ? value / 12 : unit === 'Weeks' ? value / 52.1775 : value / 365.25;

function ageFlags(trial: Draft): Flag[] {
  const flags: Flag[] = [];
  const found = criteriaAges(trial);
  const unitFlagged = new Set<'min' | 'max'>();

  // 1. the structured age's unit is out of line with the criteria ("45 Months" vs "over 45 years")
  for (const bound of ['min', 'max'] as const) {
    const age = bound === 'min' ? trial.eligibility.minAge : trial.eligibility.maxAge;
    if (!age) continue;
    const [num, unitWord] = age.text.split(' ') as [string, string];
    const unit = UNIT_WORDS[unitWord.toLowerCase()] ?? 'Years';
    const clash = found.find((c) => c.value === Number(num) && c.unit !== unit);
    if (clash) {
      unitFlagged.add(bound);
      flags.push({
        code: 'age-unit-mismatch',
        field: bound === 'min' ? 'eligibility.minAge' : 'eligibility.maxAge',
        severity: 'warning',
        message: `The ${bound === 'min' ? 'minimum' : 'maximum'} age is given as ${age.text} (${formatYears(age.years)}), but the criteria say "${clash.text}". The unit in the age field is probably wrong: ${num} ${clash.unit.toLowerCase()} is meant.`,
      });
    }
  }

  // 2. the criteria set age limits that differ from the structured ones (or that the record lacks)
  const differing: CriteriaAge[] = [];
  for (const c of found) {
    if (unitFlagged.has(c.bound)) continue;
    const age = c.bound === 'min' ? trial.eligibility.minAge : trial.eligibility.maxAge;
    if (!age) {
      differing.push(c);
      continue;
    }
    if (Math.abs(toYears(c.value, c.unit) - age.years) > 1) differing.push(c);
  }
  if (differing.length > 0) {
    const stated =
      trial.eligibility.minAge || trial.eligibility.maxAge
        ? `the age fields say ${trial.eligibility.minAge?.text ?? 'no minimum'} to ${trial.eligibility.maxAge?.text ?? 'no maximum'}`
        : 'the record has no minimum or maximum age';
    const quotes = [...new Set(differing.map((c) => `"${c.text}"`))].join('; ');
    flags.push({
      code: 'criteria-age-differs',
      field: 'eligibility',
      severity: 'warning',
      message: `The criteria set age limits (${quotes}) but ${stated}. Read the criteria for who can take part.`,
    });
  }
  return flags;
}

function formatYears(years: number): string {
  return `${Number(years.toFixed(2))} ${years === 1 ? 'year' : 'years'}`;
}

// ------------------------------------------------------------------ sex in the criteria

function sexFlags(trial: Draft): Flag[] {
  const named = trial.eligibility.inclusion
    .map((text) => ({ text, sex: sexOf(text) }))
    .filter((x): x is { text: string; sex: 'MALE' | 'FEMALE' } => x.sex !== null);
  if (named.length === 0) return [];
  const sexes = new Set(named.map((n) => n.sex));
  const structured = trial.eligibility.sex;
  const quotes = named.map((n) => `"${n.text}"`).join('; ');
  if (structured === 'ALL' || structured === null) {
    const what =
      sexes.size > 1
        ? 'set different conditions for men and women'
        : `speak only of ${[...sexes][0] === 'MALE' ? 'men' : 'women'}`;
    return [
      {
        code: 'criteria-sex-differs',
        field: 'eligibility.sex',
        severity: 'warning',
        message: `The inclusion criteria ${what} (${quotes}), while the sex field says ${structured === 'ALL' ? 'All' : 'nothing'}.`,
      },
    ];
  }
  const other = structured === 'MALE' ? 'FEMALE' : 'MALE';
  if (sexes.has(other)) {
    return [
      {
        code: 'criteria-sex-differs',
        field: 'eligibility.sex',
        severity: 'warning',
        message: `The sex field says ${structured === 'MALE' ? 'Male' : 'Female'} only, but the inclusion criteria speak of ${other === 'MALE' ? 'men' : 'women'} (${quotes}).`,
      },
    ];
  }
  return [];
}

// ------------------------------------------------------------------ phase in the prose

const PHASE_PROSE = /\b(?:early\s+)?phase\s*(?:[0-4]|IV|I{1,3})[ab]?\b(?:\s*(?:\/|-|–|and|or|to)\s*(?:phase\s*)?(?:[1-4]|IV|I{1,3})[ab]?\b)?/giu;

export function prosePhases(trial: Draft): { phases: Trial['phases']; quotes: string[] } {
  const texts = [trial.title, trial.officialTitle, trial.summary, trial.description].filter((t): t is string => !!t);
  const phases = new Set<Trial['phases'][number]>();
  const quotes: string[] = [];
  for (const text of texts) {
    for (const m of text.matchAll(PHASE_PROSE)) {
      const parsed = parsePhases(m[0]);
      if (parsed.phases.length === 0) continue;
      parsed.phases.forEach((p) => phases.add(p));
      if (!quotes.includes(m[0])) quotes.push(m[0]);
    }
  }
  return { phases: sortPhases([...phases]), quotes };
}

function phaseFlags(trial: Draft): Flag[] {
  const prose = prosePhases(trial);
  if (prose.phases.length === 0) return [];
  const field = trial.phases;
  const same = field.length === prose.phases.length && field.every((p) => prose.phases.includes(p));
  if (same) return [];
  const fieldText = field.length ? field.map((p) => labelOf(PHASE, p)).join(' / ') : 'no phase';
  return [
    {
      code: 'phase-prose-mismatch',
      field: 'phases',
      severity: 'warning',
      message: `The phase field says ${fieldText}, but the text says "${prose.quotes.join('", "')}".`,
    },
  ];
}

// ------------------------------------------------------------------ enrollment in the prose

const PEOPLE = String.raw`(?:patients?|subjects?|participants?|volunteers?|individuals?|people|persons?|adults?|children|women|men|cases|eyes|knees)`;
const ENROLLMENT_PROSE: readonly RegExp[] = [
  // "30 SLE patient subjects": a number, up to three words, a word for people; not "COVID-19 patients"
  new RegExp(String.raw`(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d{1,5})\s+((?:[A-Za-z][\w-]*\s+){0,3})${PEOPLE}\b(?!\s+(?:per|in each|each|in the|in every)\b)`, 'giu'),
  /\b(?:enrol(?:l)?(?:ed|ing|ment of)?|recruit(?:ed|ing|ment of)?|sample size of|total of|a total of)\s+(\d{1,3}(?:,\d{3})+|\d{1,5})\b(?!\s*(?:%|percent|years?|months?|weeks?|days?|hours?|sites?|centers?|centres?|countries))/giu,
];
/** Words between the number and the people that make the number something else (a time, a dose, a grade). */
const NOT_A_HEADCOUNT = /\b(?:hours?|days?|weeks?|months?|years?|minutes?|mg|ml|g|kg|cells?|doses?|injections?|times|cycles?|sessions?|visits?|sites?|centers?|centres?|arms?|groups?|after|before|of|with)\b/iu;
/** A number that names a type, grade or stage ("type 2 diabetes patients"). */
const LABEL_NUMBER = /\b(?:type|grade|stage|phase|class|level|step|group|arm|cohort|day|week|month|visit|covid|sars-cov)(?:[\s-]*\d+\s*(?:or|and|to|-|–|\/))?[\s-]*$/iu;

export function proseEnrollment(trial: Draft): { counts: number[]; quotes: string[] } {
  const texts = [trial.summary, trial.description].filter((t): t is string => !!t);
  const counts: number[] = [];
  const quotes: string[] = [];
  for (const text of texts) {
    for (const re of ENROLLMENT_PROSE) {
      for (const m of text.matchAll(re)) {
        const before = text.slice(Math.max(0, m.index - 16), m.index);
        if (/\b(aged?|ages|over|under|than)\s*$/iu.test(before) || LABEL_NUMBER.test(before)) continue;
        if (m[2] && NOT_A_HEADCOUNT.test(m[2])) continue;
        const n = Number(m[1]!.replace(/,/gu, ''));
        if (n < 2) continue;
        if (!counts.includes(n)) counts.push(n);
        if (!quotes.includes(m[0])) quotes.push(m[0]);
      }
    }
  }
  return { counts, quotes };
}

function enrollmentFlags(trial: Draft): Flag[] {
  if (!trial.enrollment) return [];
  const prose = proseEnrollment(trial);
  if (prose.counts.length === 0 || prose.counts.includes(trial.enrollment.count)) return [];
  return [
    {
      code: 'enrollment-prose-mismatch',
      field: 'enrollment',
      severity: 'warning',
      message: `The enrollment field says ${trial.enrollment.count}${
        trial.enrollment.type ? ` (${trial.enrollment.type.toLowerCase()})` : ''
      }, but the description says "${prose.quotes.join('", "')}".`,
    },
  ];
}

// ------------------------------------------------------------------ stale status

const OPEN = new Set(['NOT_YET_RECRUITING', 'RECRUITING', 'ENROLLING_BY_INVITATION', 'ACTIVE_NOT_RECRUITING']);

/** The last day a date of the given precision covers ("2025-12" → 2025-12-31). */
export function endOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number | undefined];
  return d === undefined ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, m - 1, d));
}

/** A record date as the day it ends ("2022-09" → 2022-09-30), for comparing with completion dates. */
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / 86_400_000);
const spanWords = (days: number) => {
  const years = days / 365.25;
  return years >= 2 ? `${Math.floor(years)} years` : `${Math.max(1, Math.floor(days / 30.44))} months`;
};

/**
 * An open status that the dates contradict. With the record's as-of date (its last update, or its
 * retrieval) the flag speaks of that date: "Recruiting as of 2022-09, though its completion date
 * passed in 2021-06"; a completion date that passed only after the record was last updated is
 * "has passed since". Without one it compares with the build date.
 */
function staleFlags(trial: Draft, options: FlagOptions): Flag[] {
  if (!trial.status || !OPEN.has(trial.status)) return [];
  const label = labelOfStatus(trial.status);
  const completion = trial.dates.completion ?? trial.dates.primaryCompletion;
  const which = trial.dates.completion ? 'completion' : 'primary completion';
  const asOf = trial.origin?.asOf ?? null;
  const limit = options.staleAfterDays ?? 365;
  const flag = (message: string): Flag[] => [{ code: 'status-stale', field: 'status', severity: 'warning', message }];
  if (completion) {
    const end = endOf(completion.date);
    const dated = `${completion.date}${completion.type ? `, ${completion.type.toLowerCase()}` : ''}`;
    if (asOf && end < endOf(asOf)) {
      return flag(`${label} as of ${asOf} (the record's last update), though its ${which} date (${dated}) had passed ${spanWords(daysBetween(end, endOf(asOf)))} before. The record was probably not kept up to date.`);
    }
    const since = daysBetween(end, options.asOf);
    if (since > limit) {
      return flag(
        asOf
          ? `${label} as of ${asOf} (the record's last update); its ${which} date (${dated}) has passed since, ${spanWords(since)} ago, so the status has probably changed.`
          : `The status is still "${label}", but the ${which} date (${dated}) passed ${spanWords(since)} ago. The record has probably not been updated.`,
      );
    }
  }
  return staleUpdate(trial, options);
}

/** A copy older than this many days before the build is flagged as possibly out of date (docs/freshness.md). */
export const COPY_MAX_AGE_DAYS = 365;

/**
 * The catalogue's newest copy of the trial is old: retrieved (or, with no retrieval date, last
 * updated) more than COPY_MAX_AGE_DAYS before the build. It speaks of the copy, not of the trial:
 * a completed trial's record changes too (results, final enrollment). A trial with no date at
 * all is not flagged; its page says its as-of date is not stated.
 */
function copyAgeFlags(trial: Draft, options: FlagOptions): Flag[] {
  const retrieved = trial.origin?.retrieved ?? null;
  const asOf = trial.origin?.asOf ?? null;
  const newest = [retrieved, asOf].filter((d): d is string => d !== null).sort((a, b) => endOf(a).getTime() - endOf(b).getTime()).at(-1);
  if (!newest) return [];
  const days = daysBetween(endOf(newest), options.asOf);
  if (days <= (options.copyMaxAgeDays ?? COPY_MAX_AGE_DAYS)) return [];
  const built = options.asOf.toISOString().slice(0, 10);
  const copy =
    retrieved && newest === retrieved
      ? `The newest record the catalogue holds was retrieved on ${retrieved}${asOf ? ` (the registry had last updated it on ${asOf})` : ''}`
      : `The newest record the catalogue holds was last updated on ${asOf}, and the catalogue has no date of retrieval for it`;
  return [
    {
      code: 'possibly-out-of-date',
      field: 'sources',
      severity: 'info',
      message: `${copy}: ${spanWords(days)} before this catalogue's date (${built}). The registry may have changed the record since; its own page has the current one.`,
    },
  ];
}

/** Still open, and the record has not been updated for years. */
function staleUpdate(trial: Draft, options: FlagOptions): Flag[] {
  const updated = trial.dates.lastUpdated;
  if (!updated || !trial.status) return [];
  const days = daysBetween(endOf(updated.date), options.asOf);
  if (days <= STALE_UPDATE_DAYS) return [];
  return [
    {
      code: 'status-stale',
      field: 'status',
      severity: 'warning',
      message: `${labelOfStatus(trial.status)} as of ${updated.date}, the record's last update, ${Math.floor(days / 365.25)} years ago: the status may well have changed.`,
    },
  ];
}

function labelOfStatus(status: string): string {
  return labelOf(STATUS, status as keyof typeof STATUS);
}

// ------------------------------------------------------------------ evidence signals

/** Below this many participants a trial is flagged as small (a pilot-sized sample). */
export const SMALL_SAMPLE = 30;
/** An open trial whose record has not been updated for this many days is flagged as stale. */
export const STALE_UPDATE_DAYS = 2 * 365;

/**
 * Flags that are not errors in the record but facts a reader weighs when judging what a trial can
 * show. Shown as badges; every trial carries `registered-not-approved`, a neutral reminder.
 */
export { EVIDENCE_CODES, SIGNAL_CODES } from '../domain/vocabulary.ts';

const COMPARATORS = new Set(['ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION']);

function evidenceFlags(trial: Draft, options: FlagOptions): Flag[] {
  const out: Flag[] = [];
  const interventional = trial.studyType === 'INTERVENTIONAL' || (trial.studyType === null && trial.arms.length > 0);
  if (interventional) {
    if (trial.design.interventionModel === 'SINGLE_GROUP') {
      out.push({ code: 'no-comparator', field: 'design.interventionModel', severity: 'info', message: 'Single group: every participant receives the treatment, so there is no comparison group.' });
    } else if (trial.arms.length > 1 && trial.arms.every((a) => a.type !== null && !COMPARATORS.has(a.type))) {
      out.push({ code: 'no-comparator', field: 'arms', severity: 'info', message: `No control arm: all ${trial.arms.length} arms receive an experimental treatment.` });
    }
    if (trial.design.masking === 'NONE') {
      out.push({ code: 'open-label', field: 'design.masking', severity: 'info', message: 'Open label: participants and investigators know who receives what.' });
    }
  }
  if (trial.enrollment && trial.enrollment.count > 0 && trial.enrollment.count < SMALL_SAMPLE && trial.status !== 'WITHDRAWN') {
    out.push({
      code: 'small-sample',
      field: 'enrollment',
      severity: 'info',
      message: `Small sample: ${trial.enrollment.count} participant${trial.enrollment.count === 1 ? '' : 's'} (fewer than ${SMALL_SAMPLE}).`,
    });
  }
  // one site, not one country of recruitment
  if (trial.locations.length === 1 && (trial.locations[0]!.facility || trial.locations[0]!.city)) {
    out.push({ code: 'single-site', field: 'locations', severity: 'info', message: 'Single site: all participants are recruited at one place.' });
  }
  const completion = trial.dates.completion ?? trial.dates.primaryCompletion;
  if ((trial.status === 'COMPLETED' || trial.status === 'TERMINATED') && trial.hasResults === false && completion) {
    // as of the record's own date when it has one: a 2022 download says nothing about results posted since
    const asOf = trial.origin?.asOf ?? null;
    const at = asOf ? endOf(asOf) : options.asOf;
    const days = Math.floor((at.getTime() - endOf(completion.date).getTime()) / 86_400_000);
    if (days > 365) {
      out.push({
        code: 'results-not-posted',
        field: 'hasResults',
        severity: 'info',
        message: `No results posted at the source${asOf ? ` as of ${asOf}` : ''}, ${Math.floor(days / 30.44)} months after the ${trial.dates.completion ? 'completion' : 'primary completion'} date (${completion.date}).`,
      });
    }
  }
  out.push({
    code: 'registered-not-approved',
    field: null,
    severity: 'info',
    message: 'Registered is not approved: a trial registration is not a regulator’s approval of the therapy, nor evidence that it works.',
  });
  return out;
}

// ------------------------------------------------------------------ missing essentials

function missingFlags(trial: Draft, options: FlagOptions): Flag[] {
  const missing: string[] = [];
  const carried = (field: string) => !noneCarries(options.formats ?? [], field);
  if (trial.status === null) missing.push('overall status');
  if (trial.conditions.length === 0) missing.push('conditions');
  if (trial.enrollment === null) missing.push('enrollment');
  if (trial.eligibility.inclusion.length + trial.eligibility.exclusion.length === 0 && carried('eligibility.inclusion')) missing.push('eligibility criteria');
  if (missing.length === 0) return [];
  return [
    {
      code: 'missing-field',
      field: null,
      severity: 'info',
      message: `The record states no ${missing.join(', ')} in a structured field.`,
    },
  ];
}

/**
 * HTML markup a record's text carries: a well-formed tag (a tag name followed by attributes and
 * ">"), an event-handler attribute inside a tag, a javascript: URL, or an opening <script even
 * unclosed. Pages always print record text as text, so it is inert; the flag tells the reader the
 * odd characters are the record's own, and a curator where to look. Comparisons are not markup:
 * "<18 years", "p<0.05", "HbA1c < 7%", "eGFR <a threshold of 30 and ALT >3x", "<i.e. 40 kg>".
 */
const TAG_NAMES = 'script|style|iframe|frame|img|svg|math|video|audio|source|object|embed|link|meta|base|form|input|button|textarea|a|b|i|u|s|em|strong|sup|sub|br|hr|p|div|span|font|table|tr|td|th|ul|ol|li|h[1-6]|blockquote|pre|code';
// attributes with a value only: bare words after "<b" are prose ("a<b and c>d"), not attributes
const ATTRIBUTE = String.raw`\s+[a-z][a-z0-9:-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=]+)`;
const MARKUP = new RegExp(
  [
    String.raw`<\/?(?:${TAG_NAMES})(?:${ATTRIBUTE})*\s*\/?>`, // a well-formed tag
    String.raw`<[a-z][a-z0-9-]*(?:${ATTRIBUTE})*\s+on[a-z]{3,20}\s*=`, // an event handler inside a tag
    String.raw`<script\b`, // a script tag, even unclosed
    String.raw`\bjavascript\s*:`,
  ].join('|'),
  'iu',
);

export function markupFields(trial: Draft): { field: string; quote: string }[] {
  const texts: [string, string | null][] = [
    ['title', trial.title],
    ['officialTitle', trial.officialTitle],
    ['sponsor', trial.sponsor],
    ['summary', trial.summary],
    ['description', trial.description],
    ...trial.conditions.map((c, i): [string, string] => [`conditions.${i}`, c]),
    ...trial.keywords.map((k, i): [string, string] => [`keywords.${i}`, k]),
    ...trial.interventions.flatMap((x, i): [string, string | null][] => [[`interventions.${i}.name`, x.name], [`interventions.${i}.description`, x.description]]),
    ...trial.eligibility.inclusion.map((c, i): [string, string] => [`eligibility.inclusion.${i}`, c]),
    ...trial.eligibility.exclusion.map((c, i): [string, string] => [`eligibility.exclusion.${i}`, c]),
    ...trial.locations.map((l, i): [string, string | null] => [`locations.${i}.facility`, l.facility]),
  ];
  const out: { field: string; quote: string }[] = [];
  for (const [field, text] of texts) {
    const m = text ? MARKUP.exec(text) : null;
    if (m) out.push({ field, quote: m[0].slice(0, 60) });
  }
  return out;
}

function markupFlags(trial: Draft): Flag[] {
  const found = markupFields(trial);
  if (found.length === 0) return [];
  return [
    {
      code: 'markup-in-text',
      field: found[0]!.field,
      severity: 'warning',
      message: `The record's text contains HTML markup (${found
        .slice(0, 3)
        .map((f) => `${f.field}: “${f.quote}”`)
        .join('; ')}${found.length > 3 ? `; ${found.length - 3} more field${found.length === 4 ? '' : 's'}` : ''}). It is shown as plain text and never run.`,
    },
  ];
}

function scopeFlags(trial: FlaggedDraft): Flag[] {
  if (trial.scope?.value !== 'UNCLEAR') return [];
  return [{ code: 'scope-unclear', field: 'scope', severity: 'warning', message: `Scope needs review: ${trial.scope.reason}` }];
}

/** A draft as flags read it: the scope verdict, when screening has given one. */
export type FlaggedDraft = Draft & { scope?: Scope };

/** All data-quality flags of one trial, reader notes first. */
export function flagTrial(trial: FlaggedDraft, options: FlagOptions): Flag[] {
  const flags = [
    ...trial.notes,
    ...scopeFlags(trial),
    ...ageFlags(trial),
    ...sexFlags(trial),
    ...phaseFlags(trial),
    ...enrollmentFlags(trial),
    ...staleFlags(trial, options),
    ...copyAgeFlags(trial, options),
    ...missingFlags(trial, options),
    ...markupFlags(trial),
    ...evidenceFlags(trial, options),
  ];
  const seen = new Set<string>();
  return flags.filter((f) => {
    const key = `${f.code}|${f.field}|${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
