/**
 * From what a record states (RawTrial) to the contract's vocabulary: ClinicalTrials.gov API v2
 * enums, ages in years with their text, ISO dates at the precision given, criteria as item
 * lists, distinct countries, ids without annotations. A stated value outside the vocabulary
 * becomes null with an `unmapped-value` flag; nothing is guessed.
 */
import { parse as parseDateFns, isValid } from 'date-fns';
import type { Flag, Trial } from '../schemas/trial.ts';
import { countryName } from '../domain/countries.ts';
import { unmapped } from './formats/common.ts';
import { asRegistryId, stripIdAnnotation } from '../domain/registries.ts';
import { clean, dedupe } from './text.ts';
import type { RawDate, RawTrial, SourceFile } from './types.ts';
import {
  AGE_GROUP,
  ALLOCATION,
  ARM_TYPE,
  DATE_TYPE,
  EXPANDED_ACCESS_TYPE,
  FUNDER_TYPE,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  PHASE,
  PRIMARY_PURPOSE,
  SEX,
  STATUS,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  WHO_MASKED,
  ambiguity,
  type Vocabulary,
} from '../domain/vocabulary.ts';

/**
 * A trial as one record states it, in the contract's vocabulary; scope, facets, flags and sources
 * come later. `origin` is what the record says about itself (its as-of date, its CSV row), which
 * becomes its entry in `sources`.
 */
export type Draft = Omit<Trial, 'therapy' | 'flags' | 'sources' | 'scope'> & {
  notes: Flag[];
  origin: { asOf: string | null; retrieved: string | null; row: number | null };
};

const squash = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/gu, '');

const lookups = new WeakMap<object, Map<string, string>>();
function lookup<V extends string>(vocab: Vocabulary<V>): Map<string, V> {
  let map = lookups.get(vocab);
  if (!map) {
    map = new Map();
    for (const [value, term] of Object.entries(vocab) as [V, { label: string; aliases?: string[] }][]) {
      for (const spelling of [value, term.label, ...(term.aliases ?? [])]) {
        if (!map.has(squash(spelling))) map.set(squash(spelling), value);
      }
    }
    lookups.set(vocab, map);
  }
  return map as Map<string, V>;
}

/** The vocabulary value a text names (case, spaces and punctuation ignored), or null. */
export function termOf<V extends string>(vocab: Vocabulary<V>, text: string | null | undefined): V | null {
  if (text == null) return null;
  return lookup(vocab).get(squash(text)) ?? null;
}

/** Map one stated value; an unknown one gives null and a flag. */
function mapValue<V extends string>(
  vocab: Vocabulary<V>,
  text: string | null,
  field: string,
  what: string,
  notes: Flag[],
): V | null {
  const value = clean(text);
  if (value == null) return null;
  const term = termOf(vocab, value);
  if (term === null) notes.push(vague(field, value, what) ?? unmapped(field, value, what));
  return term;
}

/** A flag for a stated word that the vocabulary knows names no single value (AMBIGUOUS); null otherwise. */
function vague(field: string, value: string, what: string): Flag | null {
  const kind = field === 'status' || field === 'phases' || field === 'studyType' ? field : null;
  const reason = kind ? ambiguity(kind, value) : null;
  if (!reason) return null;
  return {
    code: 'ambiguous-value',
    field,
    severity: 'warning',
    message: `The record states ${what} as "${value}", which ${reason}; it is shown as not stated rather than guessed.`,
  };
}

/** Map every stated value of a list field; unknown ones are flagged and left out. Order of the vocabulary. */
function mapValues<V extends string>(vocab: Vocabulary<V>, texts: readonly string[], field: string, what: string, notes: Flag[]): V[] {
  const out = new Set<V>();
  for (const text of texts) {
    const term = mapValue(vocab, text, field, what, notes);
    if (term) out.add(term);
  }
  const order = Object.keys(vocab);
  return [...out].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const PHASE_ORDER = Object.keys(PHASE);

/**
 * Phases from any way sites write them: "Phase 1/Phase 2", "Phase 1/2", "Phase I/II", "PHASE1, PHASE2",
 * "Early Phase 1", "Phase 2b", "N/A". Unknown text gives `unknown`.
 */
export function parsePhases(text: string): { phases: Trial['phases']; unknown: boolean } {
  const t = text.trim();
  if (t === '') return { phases: [], unknown: false };
  const whole = termOf(PHASE, t);
  if (whole === 'NA') return { phases: ['NA'], unknown: false };
  const tokens = t
    .toLowerCase()
    .replace(/early[_\s-]*phase/gu, 'early phase ')
    .replace(/phase[_\s-]*/gu, 'phase ')
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  const found = new Set<Trial['phases'][number]>();
  let inPhase = false;
  let early = false;
  for (const token of tokens) {
    if (token === 'early') early = true;
    else if (token === 'phase') inPhase = true;
    else if (inPhase && /^(?:[0-4]|iv|iii|ii|i)[ab]?$/u.test(token)) {
      const core = token.replace(/[ab]$/u, '');
      const n = /^\d$/u.test(core) ? Number(core) : ROMAN[core]!;
      found.add(n === 0 || (early && n === 1) ? 'EARLY_PHASE1' : (`PHASE${n}` as Trial['phases'][number]));
      early = false;
    } else if (token === 'and' || token === 'or') continue;
    else inPhase = false;
  }
  if (found.size === 0) return { phases: [], unknown: true };
  return { phases: sortPhases([...found]), unknown: false };
}

export function sortPhases(phases: Trial['phases']): Trial['phases'] {
  return [...new Set(phases)].sort((a, b) => PHASE_ORDER.indexOf(a) - PHASE_ORDER.indexOf(b));
}

const AGE_UNIT_YEARS: Record<string, number> = { years: 1, months: 12, weeks: 52.1775, days: 365.25, hours: 8766, minutes: 525960 };

/** "45 Months" → {text: "45 Months", years: 3.75}; null for text that is not an age. */
export function parseAge(text: string | null): Trial['eligibility']['minAge'] {
  if (text == null) return null;
  const match = /^(\d+(?:\.\d+)?)\s*(years?|months?|weeks?|days?|hours?|minutes?)$/iu.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  let unit = match[2]!.toLowerCase();
  if (!unit.endsWith('s')) unit += 's';
  const years = Math.round((n / AGE_UNIT_YEARS[unit]!) * 10000) / 10000;
  const word = unit[0]!.toUpperCase() + unit.slice(1);
  return { text: `${match[1]} ${n === 1 ? word.slice(0, -1) : word}`, years };
}

const DATE_FORMATS: readonly { format: string; precision: 'day' | 'month' }[] = [
  { format: 'yyyy-MM-dd', precision: 'day' },
  { format: 'yyyy-MM', precision: 'month' },
  { format: 'yyyy/MM/dd', precision: 'day' },
  { format: 'yyyy/MM', precision: 'month' },
  { format: 'MMM d, yyyy', precision: 'day' },
  { format: 'MMMM d, yyyy', precision: 'day' },
  { format: 'MMM. d, yyyy', precision: 'day' },
  { format: 'd MMM yyyy', precision: 'day' },
  { format: 'd MMMM yyyy', precision: 'day' },
  { format: 'MMM yyyy', precision: 'month' },
  { format: 'MMMM yyyy', precision: 'month' },
  { format: 'MMM, yyyy', precision: 'month' },
  { format: 'MMMM, yyyy', precision: 'month' },
];
const REFERENCE_DATE = new Date(2000, 0, 1);

/** A date as sites print it → ISO at the precision given ("Aug 1, 2022" → "2022-08-01", "June 2023" → "2023-06"). */
export function parseDate(text: string): string | null {
  const t = text
    .trim()
    .replace(/\s*\((actual|estimated|anticipated|expected)\)\s*$/iu, '')
    .replace(/^(actual|estimated|anticipated|expected)\s*:?\s*/iu, '')
    .replace(/\bSept\b/u, 'Sep')
    .replace(/(\d)(st|nd|rd|th)\b/gu, '$1');
  for (const { format, precision } of DATE_FORMATS) {
    const d = parseDateFns(t, format, REFERENCE_DATE);
    if (!isValid(d)) continue;
    const year = d.getFullYear();
    if (year < 1900 || year > 2200) continue;
    const iso = `${String(year).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    return precision === 'day' ? `${iso}-${String(d.getDate()).padStart(2, '0')}` : iso;
  }
  return null;
}

/** A retrieval date the record states about itself, to the day (a month is too coarse to date a copy). */
function retrievedDay(text: string | null): string | null {
  const day = text ? parseDate(text) : null;
  return day && day.length === 10 ? day : null;
}

function normalizeDate(raw: RawDate | null, field: string, notes: Flag[]): Trial['dates']['start'] {
  if (raw == null || clean(raw.text) == null) return null;
  const date = parseDate(raw.text);
  if (date == null) {
    notes.push(unmapped(field, raw.text, 'a date'));
    return null;
  }
  const typeText = raw.type ?? /\b(actual|estimated|anticipated|expected)\b/iu.exec(raw.text)?.[1] ?? null;
  const type = typeText == null ? null : termOf(DATE_TYPE, typeText);
  if (typeText != null && type == null) notes.push(unmapped(`${field}.type`, typeText, 'the kind of date'));
  return { date, type };
}

/** Sponsor names without ClinicalTrials.gov's class suffix ("Universitas Sebelas Maret (Other)"). */
export function stripSponsorClass(name: string | null): string | null {
  const value = clean(name);
  if (value == null || /^\(?none\)?$|^n\/a$/iu.test(value)) return null;
  return clean(value.replace(/\s*\((Other|Industry|NIH|U\.?S\.? Fed|Federal|Network|Other Gov|Indiv|Individual|Unknown|Ambig)\)$/iu, ''));
}

/** Slug of a source file path, for trials without any registry id. */
export function slugFromPath(path: string): string {
  const slug = path
    .replace(/\.[^./]+$/u, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug === '' ? 'record' : slug;
}

export function normalizeTrial(raw: RawTrial, file: SourceFile, index = 0, ofMany = 1): Draft {
  const notes: Flag[] = [...raw.notes];

  // ---- identifiers
  const registryIds = dedupe(
    raw.registryIds.map((id) => asRegistryId(id)?.id ?? stripIdAnnotation(id)).filter((id) => id !== ''),
  );
  const nct = registryIds.find((id) => id.startsWith('NCT'));
  let id = nct ?? registryIds[0];
  if (id === undefined) {
    id = slugFromPath(file.path) + (ofMany > 1 ? `-${index + 1}` : '');
    notes.push({
      code: 'no-registry-id',
      field: 'id',
      severity: 'warning',
      message: `The record states no registry id (NCT, ISRCTN, EudraCT, IRCT, ChiCTR…); the trial is filed under "${id}", made from its file name.`,
    });
  }
  // a slug made from the file name is the trial's id, but not a registry id
  const orderedIds = registryIds.length ? [id, ...registryIds.filter((r) => r !== id)] : [];
  const secondaryIds = dedupe(raw.secondaryIds.map(stripIdAnnotation).filter((s) => s !== '' && s !== id && !orderedIds.includes(s)));

  // ---- vocabulary fields
  const status = mapValue(STATUS, raw.status, 'status', 'the overall status', notes);
  const phases: Trial['phases'] = [];
  for (const text of raw.phases) {
    const parsed = parsePhases(text);
    if (parsed.unknown) notes.push(vague('phases', text, 'a phase') ?? unmapped('phases', text, 'a phase'));
    phases.push(...parsed.phases);
  }
  const studyType = mapValue(STUDY_TYPE, firstWordsOfStudyType(raw.studyType), 'studyType', 'the study type', notes);

  // ---- enrollment
  let enrollment: Trial['enrollment'] = null;
  if (raw.enrollment && clean(raw.enrollment.count) != null) {
    const match = /(\d{1,3}(?:[,\u202F\u00A0 ]\d{3})+(?!\d)|\d+)/u.exec(raw.enrollment.count);
    if (match) {
      const typeText = raw.enrollment.type;
      const type = typeText == null ? null : termOf(DATE_TYPE, typeText);
      if (typeText != null && type == null) notes.push(unmapped('enrollment.type', typeText, 'the kind of enrollment figure'));
      enrollment = { count: Number(match[1]!.replace(/[^\d]/gu, '')), type };
    } else notes.push(unmapped('enrollment.count', raw.enrollment.count, 'the enrollment'));
  }

  // ---- design
  const design: Trial['design'] = {
    allocation: mapValue(ALLOCATION, raw.design.allocation, 'design.allocation', 'the allocation', notes),
    interventionModel: mapValue(INTERVENTION_MODEL, raw.design.interventionModel, 'design.interventionModel', 'the intervention model', notes),
    primaryPurpose: mapValue(PRIMARY_PURPOSE, raw.design.primaryPurpose, 'design.primaryPurpose', 'the primary purpose', notes),
    masking: mapValue(MASKING, raw.design.masking, 'design.masking', 'the masking', notes),
    whoMasked: [],
    observationalModel: mapValue(OBSERVATIONAL_MODEL, raw.design.observationalModel, 'design.observationalModel', 'the observational model', notes),
    timePerspective: mapValue(TIME_PERSPECTIVE, raw.design.timePerspective, 'design.timePerspective', 'the time perspective', notes),
    expandedAccessTypes: mapValues(EXPANDED_ACCESS_TYPE, raw.design.expandedAccessTypes, 'design.expandedAccessTypes', 'a kind of expanded access', notes),
  };
  for (const who of raw.design.whoMasked) {
    const term = mapValue(WHO_MASKED, who, 'design.whoMasked', 'who is masked', notes);
    if (term && !design.whoMasked.includes(term)) design.whoMasked.push(term);
  }
  design.whoMasked.sort((a, b) => Object.keys(WHO_MASKED).indexOf(a) - Object.keys(WHO_MASKED).indexOf(b));

  // ---- arms and interventions
  const arms: Trial['arms'] = raw.arms
    .filter((arm) => clean(arm.label) != null)
    .map((arm, i) => ({
      label: clean(arm.label)!,
      type: mapValue(ARM_TYPE, arm.type, `arms[${i}].type`, 'an arm type', notes),
      description: clean(arm.description),
      interventions: dedupe(arm.interventions.map((x) => clean(x)).filter((x): x is string => x != null)),
    }));
  const interventions: Trial['interventions'] = [];
  raw.interventions.forEach((iv, i) => {
    const name = clean(iv.name);
    if (name == null) return;
    const type = mapValue(INTERVENTION_TYPE, iv.type, `interventions[${i}].type`, 'an intervention type', notes);
    // the same intervention listed twice is merged; two with one name but different descriptions are kept apart
    const description = clean(iv.description);
    const existing = interventions.find(
      (x) =>
        x.name.toLowerCase() === name.toLowerCase() &&
        x.type === type &&
        (x.description === null || description === null || x.description === description),
    );
    const otherNames = dedupe(iv.otherNames.map((n) => clean(n)).filter((n): n is string => n != null && n.toLowerCase() !== name.toLowerCase()));
    if (existing) {
      existing.description ??= description;
      existing.otherNames = dedupe([...existing.otherNames, ...otherNames]);
    } else interventions.push({ type, name, description, otherNames });
  });

  // ---- outcomes
  const outcome = (o: RawTrial['outcomes']['primary'][number]) => ({
    measure: clean(o.measure)!,
    timeFrame: clean(o.timeFrame),
    description: clean(o.description),
  });
  const outcomes = {
    primary: raw.outcomes.primary.filter((o) => clean(o.measure) != null).map(outcome),
    secondary: raw.outcomes.secondary.filter((o) => clean(o.measure) != null).map(outcome),
    other: raw.outcomes.other.filter((o) => clean(o.measure) != null).map(outcome),
    unclassified: raw.outcomes.unclassified.filter((o) => clean(o.measure) != null).map(outcome),
  };

  // ---- eligibility
  const minAge = parseAge(raw.eligibility.minAge);
  if (raw.eligibility.minAge != null && minAge == null) notes.push(unmapped('eligibility.minAge', raw.eligibility.minAge, 'the minimum age'));
  const maxAge = parseAge(raw.eligibility.maxAge);
  if (raw.eligibility.maxAge != null && maxAge == null) notes.push(unmapped('eligibility.maxAge', raw.eligibility.maxAge, 'the maximum age'));
  let healthyVolunteers: boolean | null = null;
  const hv = clean(raw.eligibility.healthyVolunteers);
  if (hv != null) {
    if (/^(true|yes)$/iu.test(hv)) healthyVolunteers = true;
    else if (/^(false|no)$/iu.test(hv)) healthyVolunteers = false;
    else notes.push(unmapped('eligibility.healthyVolunteers', hv, 'whether healthy volunteers are accepted'));
  }
  const eligibility: Trial['eligibility'] = {
    sex: mapValue(SEX, raw.eligibility.sex, 'eligibility.sex', 'the eligible sex', notes),
    minAge,
    maxAge,
    healthyVolunteers,
    ageGroups: mapValues(AGE_GROUP, raw.eligibility.ageGroups, 'eligibility.ageGroups', 'an age group', notes),
    inclusion: dedupe(raw.eligibility.inclusion.map((c) => clean(c)).filter((c): c is string => c != null)),
    exclusion: dedupe(raw.eligibility.exclusion.map((c) => clean(c)).filter((c): c is string => c != null)),
  };

  // ---- dates
  const dates: Trial['dates'] = {
    start: normalizeDate(raw.dates.start, 'dates.start', notes),
    primaryCompletion: normalizeDate(raw.dates.primaryCompletion, 'dates.primaryCompletion', notes),
    completion: normalizeDate(raw.dates.completion, 'dates.completion', notes),
    firstPosted: normalizeDate(raw.dates.firstPosted, 'dates.firstPosted', notes),
    lastUpdated: normalizeDate(raw.dates.lastUpdated, 'dates.lastUpdated', notes),
    resultsFirstPosted: normalizeDate(raw.dates.resultsFirstPosted, 'dates.resultsFirstPosted', notes),
  };

  // ---- locations
  const locations: Trial['locations'] = raw.locations.map((loc, i) => {
    const countryText = clean(loc.country);
    const country = countryText == null ? null : countryName(countryText);
    if (countryText != null && country == null) notes.push(unmapped(`locations[${i}].country`, countryText, 'a country'));
    return {
      facility: clean(loc.facility),
      city: clean(loc.city),
      state: clean(loc.state),
      zip: clean(loc.zip),
      country: country ?? null,
    };
  });
  const countries = dedupe(locations.map((l) => l.country).filter((c): c is string => c != null));

  const title = clean(raw.title);
  if (title == null) throw new Error(`${file.path}: no title (readers must refuse such records)`);

  return {
    id,
    registryIds: orderedIds,
    secondaryIds,
    title,
    officialTitle: clean(raw.officialTitle),
    acronym: clean(raw.acronym),
    status,
    phases: sortPhases(phases),
    studyType,
    conditions: dedupe(raw.conditions.map((c) => clean(c)).filter((c): c is string => c != null)),
    keywords: dedupe(raw.keywords.map((c) => clean(c)).filter((c): c is string => c != null)),
    conditionMesh: conditionMeshOf(raw.conditionMesh),
    sponsor: stripSponsorClass(raw.sponsor),
    collaborators: dedupe(raw.collaborators.map(stripSponsorClass).filter((c): c is string => c != null)),
    funderTypes: orderedFunders(raw.funderTypes, notes),
    summary: clean(raw.summary),
    description: clean(raw.description),
    enrollment,
    design,
    arms,
    interventions,
    outcomes,
    eligibility,
    dates,
    locations,
    countries,
    hasResults: raw.hasResults,
    documents: raw.documents
      .map((d) => ({ label: clean(d.label), url: clean(d.url) }))
      .filter((d): d is { label: string; url: string | null } => d.label != null),
    notes,
    origin: { asOf: dates.lastUpdated?.date ?? (raw.retrieved ? parseDate(raw.retrieved) : null), retrieved: retrievedDay(raw.retrieved), row: raw.row },
  };
}

/** The MeSH terms and ancestors of the conditions, each once; null when the record carries none. */
function conditionMeshOf(mesh: RawTrial['conditionMesh']): Trial['conditionMesh'] {
  const terms = dedupe(mesh.terms.map((t) => clean(t)).filter((t): t is string => t != null));
  const ancestors = dedupe(mesh.ancestors.map((t) => clean(t)).filter((t): t is string => t != null));
  return terms.length || ancestors.length ? { terms, ancestors } : null;
}

/** Funder classes in the order stated (lead sponsor first), each once; unknown words flagged. */
function orderedFunders(texts: readonly string[], notes: Flag[]): Trial['funderTypes'] {
  const out: Trial['funderTypes'] = [];
  for (const text of texts) {
    const term = mapValue(FUNDER_TYPE, text, 'funderTypes', 'a funder type', notes);
    if (term && !out.includes(term)) out.push(term);
  }
  return out;
}

/** "Interventional (Clinical Trial)" → "Interventional". */
function firstWordsOfStudyType(text: string | null): string | null {
  const value = clean(text);
  if (value == null) return null;
  return value.replace(/\s*\((clinical trial|clinical study)\)\s*$/iu, '');
}
