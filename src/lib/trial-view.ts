/**
 * The view model of a trial page: everything /trials/<id>/ shows, computed from the catalogue
 * entry and its public record, as plain data. Components under src/components/trial/ render it;
 * the page only assembles them. Pure and unit-tested (tests/unit/trial-view.test.ts).
 *
 * Absence is told honestly: a field that is empty in a record which is the registry's complete
 * export of that field ("the registry record states none") reads differently from a field the
 * records we hold cannot carry or may have dropped (a page copy, a CSV without criteria): "not in
 * the records we hold", with the record named and a link to the registry.
 */
import { registryOf, registryUrl } from '../domain/registries.ts';
import {
  AGE_GROUP,
  ALLOCATION,
  ARM_TYPE,
  CELL_SOURCE,
  DONOR,
  EXPANDED_ACCESS_TYPE,
  FORMAT,
  FUNDER_TYPE,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  PRIMARY_PURPOSE,
  PRODUCT,
  ROUTE,
  SCOPE,
  SEX,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  WHO_MASKED,
  flagExplanation,
  flagKind,
  flagLabel,
  labelOf,
  type Vocabulary,
} from '../domain/vocabulary.ts';
import type { CatalogueEntry, Flag, Source, Trial } from '../schemas/trial.ts';
import {
  STATUS_TONE,
  TONE_SHAPE,
  ageRangeLabel,
  capital,
  enrollmentLabel,
  fieldLabel,
  fieldWhere,
  formatDate,
  formatIsoDate,
  phasesLabel,
  statusLabel,
  valueText,
  yearsLabel,
  type Tone,
} from './format.ts';

import { absenceOf, type Absence } from './absence.ts';
export { absenceOf, type Absence };

/** Said once per page when page copies we hold leave fields out: which records, how many fields, where to look. */
export interface HeldNote {
  records: string;
  fields: number;
  registryUrl: string | null;
}

// ------------------------------------------------------------------ facts

export interface Fact {
  label: string;
  /** the value in words; null when absent */
  value: string | null;
  absent?: Absence;
  /** a link for the value (the registry record) */
  href?: string;
  /** smaller words after the value */
  note?: string;
}

const labelled = <V extends string>(vocab: Vocabulary<V>, v: V | null) => (v ? labelOf(vocab, v) : null);
const listed = <V extends string>(vocab: Vocabulary<V>, vs: readonly V[]) => (vs.length ? vs.map((v) => labelOf(vocab, v)).join(', ') : null);

function fact(t: Trial, label: string, value: string | null, field: string, what: string, extra: Partial<Fact> = {}): Fact {
  return value === null ? { label, value: null, absent: absenceOf(t, field, what), ...extra } : { label, value, ...extra };
}

/** "Randomised, parallel, quadruple masked (participant, care provider…)", as far as stated. */
export function designSummary(t: Trial): string | null {
  const d = t.design;
  const parts = [
    labelled(ALLOCATION, d.allocation === 'NA' ? null : d.allocation),
    labelled(INTERVENTION_MODEL, d.interventionModel)?.toLowerCase(),
    d.masking ? (d.masking === 'NONE' ? 'open label' : `${labelOf(MASKING, d.masking).toLowerCase()} masked`) : null,
    labelled(OBSERVATIONAL_MODEL, d.observationalModel),
    labelled(TIME_PERSPECTIVE, d.timePerspective)?.toLowerCase(),
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return t.studyType ? labelOf(STUDY_TYPE, t.studyType) : null;
  const text = parts.join(', ');
  return capital(text);
}

/**
 * The dates the page speaks for: the newest record's as-of date (its last registry update), the
 * latest date the catalogue retrieved a record of the trial, and — when the trial carries the
 * possibly-out-of-date flag — a sentence for the top of the page.
 */
export interface AsOf {
  date: string | null;
  /** "as of 12 Aug 2022" */
  text: string;
  retrieved: string | null;
  /** "retrieved 9 Oct 2022", or that the date was not recorded */
  retrievedText: string;
  /** the warning when the catalogue's copy is old, else null */
  outOfDate: string | null;
}

export function asOfOf(t: Trial): AsOf {
  const newest = (days: (string | null)[]) => days.filter((d): d is string => !!d).sort().at(-1) ?? null;
  const date = newest(t.sources.map((s) => s.asOf));
  const retrieved = newest(t.sources.map((s) => s.retrieved));
  const flagged = t.flags.some((f) => f.code === 'possibly-out-of-date');
  const copy = retrieved ?? date;
  return {
    date,
    text: date ? `as of ${formatIsoDate(date)}` : 'as of a record that states no date',
    retrieved,
    retrievedText: retrieved ? `retrieved ${formatIsoDate(retrieved)}` : 'retrieval date not recorded',
    outOfDate:
      flagged && copy
        ? retrieved
          ? `The catalogue’s newest copy of this record was retrieved on ${formatIsoDate(retrieved)}. The registry may have changed the status, dates or enrollment since.`
          : `The catalogue’s newest copy of this record was last updated on ${formatIsoDate(copy)}, and when it was retrieved is not recorded. The registry may have changed the status, dates or enrollment since.`
        : null,
  };
}

// ------------------------------------------------------------------ flags

export interface FlagItem {
  code: string;
  field: string | null;
  severity: Flag['severity'];
  label: string;
  message: string;
  explanation: string | null;
}

export interface FlagGroups {
  /** data-quality warnings: things to check before relying on the record */
  checks: FlagItem[];
  /** data-quality notes: how the record was read */
  notes: FlagItem[];
  /** evidence signals: what the design can and cannot show */
  signals: FlagItem[];
  /** the neutral reminder every trial carries */
  reminder: FlagItem | null;
}

export function flagGroups(t: Trial): FlagGroups {
  const item = (f: Flag): FlagItem => {
    const label = flagLabel(f.code);
    // "Open label: participants…" after the label "Open label." says it twice
    const lead = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\s*[:.]\\s*`, 'iu');
    const message = lead.test(f.message) ? capital(f.message.replace(lead, '')) : f.message;
    return { code: f.code, field: f.field, severity: f.severity, label, message, explanation: flagExplanation(f.code) };
  };
  const groups: FlagGroups = { checks: [], notes: [], signals: [], reminder: null };
  for (const f of t.flags) {
    const kind = flagKind(f.code);
    if (kind === 'reminder') groups.reminder = item(f);
    else if (kind === 'signal') groups.signals.push(item(f));
    else if (f.severity === 'warning') groups.checks.push(item(f));
    else groups.notes.push(item(f));
  }
  return groups;
}

// ------------------------------------------------------------------ the therapy and its scope

/** A quote cut around the words that decided, so the page can mark them. */
export interface QuoteParts {
  before: string;
  match: string;
  after: string;
}

/**
 * Where the evidence stands, in words. When the quote is the whole field (an intervention's name),
 * naming the field by its value would say it twice: "in an intervention name" instead.
 */
export function whereOf(t: Trial, field: string, quote: string): string {
  const whole: [RegExp, string, (m: RegExpExecArray) => string | undefined][] = [
    [/^interventions\[(\d+)\]\.name$/u, 'an intervention name', (m) => t.interventions[Number(m[1])]?.name],
    [/^interventions\[(\d+)\]\.otherNames\[(\d+)\]$/u, 'another name of an intervention', (m) => t.interventions[Number(m[1])]?.otherNames[Number(m[2])]],
    [/^arms\[(\d+)\]\.label$/u, 'an arm label', (m) => t.arms[Number(m[1])]?.label],
    [/^arms\[(\d+)\]\.interventions\[(\d+)\]$/u, 'what an arm receives', (m) => t.arms[Number(m[1])]?.interventions[Number(m[2])]],
    [/^title$/u, 'the title', () => t.title],
    [/^officialTitle$/u, 'the official title', () => t.officialTitle ?? undefined],
    [/^acronym$/u, 'the acronym', () => t.acronym ?? undefined],
    [/^keywords\[(\d+)\]$/u, 'a keyword', (m) => t.keywords[Number(m[1])]],
    [/^outcomes\.(\w+)\[(\d+)\]\.measure$/u, 'an outcome measure', (m) => t.outcomes[m[1] as 'primary'][Number(m[2])]?.measure],
  ];
  for (const [re, words, value] of whole) {
    const m = re.exec(field);
    if (m && value(m) === quote) return words;
  }
  return fieldWhere(t, field);
}

export function quoteParts(quote: string, match: string): QuoteParts {
  const at = quote.toLowerCase().indexOf(match.toLowerCase());
  if (at < 0) return { before: quote, match: '', after: '' };
  return { before: quote.slice(0, at), match: quote.slice(at, at + match.length), after: quote.slice(at + match.length) };
}

export interface FacetView {
  facet: 'products' | 'cellSources' | 'donor' | 'routes';
  label: string;
  values: { label: string; match: string | null; quote: QuoteParts | null; where: string | null; curated: boolean }[];
  /** when no value: the catalogue found none in the record's treatment fields */
  none: string;
}

const FACETS = [
  ['products', 'MSC product', PRODUCT, 'No MSC product identified in the record'],
  ['cellSources', 'Cell source', CELL_SOURCE, 'No cell source stated'],
  ['donor', 'Donor', DONOR, 'Donor not stated'],
  ['routes', 'Route', ROUTE, 'Route not stated'],
] as const;

export function facetsOf(entry: CatalogueEntry, t: Trial): FacetView[] {
  return FACETS.map(([facet, label, vocab, none]) => ({
    facet,
    label,
    none,
    values: (t.therapy[facet] as string[]).map((v) => {
      const ev = entry.facetEvidence.find((e) => e.facet === facet && e.value === v);
      return {
        label: labelOf(vocab as Vocabulary<string>, v),
        match: ev?.match ?? null,
        quote: ev ? quoteParts(ev.quote, ev.match) : null,
        where: ev ? whereOf(t, ev.field, ev.quote) : null,
        curated: !!entry.provenance[`therapy.${facet}`]?.curated,
      };
    }),
  }));
}

export interface ScopeView {
  value: Trial['scope']['value'];
  label: string;
  description: string;
  reason: string;
  tone: Tone;
  evidence: { where: string; quote: QuoteParts }[];
  curated: boolean;
}

const SCOPE_TONE: Record<Trial['scope']['value'], Tone> = { MSC: 'ok', MSC_CONTAINING: 'info', UNCLEAR: 'pending', OTHER: 'stop' };

export function scopeOf(entry: CatalogueEntry, t: Trial): ScopeView {
  const s = t.scope;
  return {
    value: s.value,
    label: SCOPE[s.value].label,
    description: SCOPE[s.value].description,
    reason: s.reason,
    tone: SCOPE_TONE[s.value],
    // the same sentence quoted once, at most three
    evidence: s.evidence
      .filter((e, i) => s.evidence.findIndex((x) => x.quote === e.quote) === i)
      .slice(0, 3)
      .map((e) => ({ where: whereOf(t, e.field, e.quote), quote: quoteParts(e.quote, e.match) })),
    curated: !!entry.provenance.scope?.curated,
  };
}

// ------------------------------------------------------------------ sources

export interface SourceView {
  n: number;
  file: string;
  row: number | null;
  format: string;
  site: string | null;
  asOf: string | null;
  retrieved: string | null;
}

export const sourceViews = (sources: readonly Source[]): SourceView[] =>
  sources.map((s, i) => ({
    n: i + 1,
    file: s.file,
    row: s.row,
    format: FORMAT[s.format].label,
    site: s.site,
    asOf: s.asOf ? formatIsoDate(s.asOf) : null,
    retrieved: s.retrieved ? formatIsoDate(s.retrieved) : null,
  }));

// ------------------------------------------------------------------ the page

export interface Section {
  id: string;
  label: string;
  count?: number;
}

export interface TrialView {
  id: string;
  title: string;
  officialTitle: string | null;
  acronym: string | null;
  badges: { tone: Tone; text: string; shape?: string }[];
  registry: { name: string; url: string } | null;
  asOf: AsOf;
  keyFacts: Fact[];
  flags: FlagGroups;
  scope: ScopeView;
  facets: FacetView[];
  overview: Fact[];
  design: Fact[];
  dates: Fact[];
  eligibility: Fact[];
  absent: Record<'summary' | 'description' | 'arms' | 'interventions' | 'outcomes' | 'inclusion' | 'exclusion' | 'locations', Absence | null>;
  outcomes: { id: 'primary' | 'secondary' | 'other' | 'unclassified'; heading: string; note: string | null; items: Trial['outcomes']['primary'] }[];
  sources: SourceView[];
  sections: Section[];
  /** the page copies' gaps, explained once (null when every absent field is the registry's own or a download's known limit) */
  held: HeldNote | null;
}

/** One note for every field a page copy may have left out, instead of the same sentence at each. */
export function heldNote(t: Trial, absences: readonly (Absence | null | undefined)[]): HeldNote | null {
  const fields = new Set(absences.filter((a): a is Absence => !!a && a.pageCopy).map((a) => a.field));
  if (!fields.size) return null;
  const kinds = [...new Set(t.sources.map((s) => FORMAT[s.format].kind))];
  return { records: kinds.join(' and '), fields: fields.size, registryUrl: registryUrl(t.id) };
}

/** The whole page's view of one trial. */
export function trialView(entry: CatalogueEntry, t: Trial): TrialView {
  const asOf = asOfOf(t);
  const registry = registryOf(t.id);
  const url = registryUrl(t.id);
  const flags = flagGroups(t);
  const scope = scopeOf(entry, t);
  const statusTone = t.status ? STATUS_TONE[t.status] : 'neutral';
  const firstPrimary = t.outcomes.primary[0];
  const outcomeCount = t.outcomes.primary.length;
  const unclassified = t.outcomes.unclassified;
  const curated = Object.values(entry.provenance).some((p) => p.curated);

  const badges: TrialView['badges'] = [
    { tone: statusTone, text: statusLabel(t.status), shape: TONE_SHAPE[statusTone] },
    { tone: 'violet', text: phasesLabel(t.phases) },
    ...(t.studyType ? [{ tone: 'neutral' as Tone, text: labelOf(STUDY_TYPE, t.studyType) }] : []),
    ...(t.hasResults === true ? [{ tone: 'ok' as Tone, text: 'Results posted' }] : []),
    ...(scope.value !== 'MSC' ? [{ tone: scope.tone, text: scope.label }] : []),
    ...(curated ? [{ tone: 'info' as Tone, text: 'Curated' }] : []),
  ];

  const primaryOutcome: Fact =
    firstPrimary
      ? { label: 'Primary outcome', value: firstPrimary.measure, note: outcomeCount > 1 ? `and ${outcomeCount - 1} more` : firstPrimary.timeFrame ? `time frame: ${firstPrimary.timeFrame}` : undefined }
      : unclassified.length
        ? { label: 'Outcome measures', value: unclassified[0]!.measure, note: `${unclassified.length > 1 ? `and ${unclassified.length - 1} more; ` : ''}the record does not say which are primary` }
        : fact(t, 'Primary outcome', null, 'outcomes.primary', 'primary outcome');

  const keyFacts: Fact[] = [
    { label: 'Status', value: statusLabel(t.status), note: `${asOf.text}; ${asOf.retrievedText}` },
    { label: 'Phase', value: phasesLabel(t.phases) },
    fact(t, 'Design', designSummary(t), 'design.allocation', 'design'),
    fact(t, 'Enrollment', t.enrollment ? enrollmentLabel(t.enrollment) : null, 'enrollment', 'enrollment'),
    { label: 'Ages', value: ageRangeLabel(t), note: listed(AGE_GROUP, t.eligibility.ageGroups)?.toLowerCase() ?? undefined },
    fact(t, 'Sex', labelled(SEX, t.eligibility.sex), 'eligibility.sex', 'eligible sex'),
    fact(t, 'Countries', t.countries.length ? t.countries.join(', ') : null, 'locations', 'sites'),
    primaryOutcome,
    { label: 'MSC product', value: listed(PRODUCT, t.therapy.products) ?? 'None identified' },
    { label: 'Cell source', value: listed(CELL_SOURCE, t.therapy.cellSources) ?? 'Not stated' },
    { label: 'Donor', value: listed(DONOR, t.therapy.donor) ?? 'Not stated' },
    { label: 'Route', value: listed(ROUTE, t.therapy.routes) ?? 'Not stated' },
    fact(t, 'Last update', t.dates.lastUpdated ? formatDate(t.dates.lastUpdated, false) : null, 'dates.lastUpdated', 'last-update date'),
    ...(url && registry ? [{ label: 'Registry record', value: `${t.id} at ${registry.name}`, href: url }] : []),
  ];

  const overview: Fact[] = [
    fact(t, 'Conditions', t.conditions.length ? t.conditions.join('; ') : null, 'conditions', 'conditions'),
    fact(t, 'Keywords', t.keywords.length ? t.keywords.join('; ') : null, 'keywords', 'keywords'),
    fact(t, 'Sponsor', t.sponsor, 'sponsor', 'sponsor'),
    { label: 'Collaborators', value: t.collaborators.length ? t.collaborators.join('; ') : 'None stated' },
    fact(t, 'Funded by', listed(FUNDER_TYPE, t.funderTypes), 'funderTypes', 'funder type'),
  ];

  const design: Fact[] = [
    fact(t, 'Study type', labelled(STUDY_TYPE, t.studyType), 'studyType', 'study type'),
    { label: 'Phase', value: phasesLabel(t.phases) },
    ...(t.studyType === 'OBSERVATIONAL'
      ? [
          fact(t, 'Observational model', labelled(OBSERVATIONAL_MODEL, t.design.observationalModel), 'design.observationalModel', 'observational model'),
          fact(t, 'Time perspective', labelled(TIME_PERSPECTIVE, t.design.timePerspective), 'design.timePerspective', 'time perspective'),
        ]
      : t.studyType === 'EXPANDED_ACCESS'
        ? [fact(t, 'Kind of expanded access', listed(EXPANDED_ACCESS_TYPE, t.design.expandedAccessTypes), 'design.expandedAccessTypes', 'kind of expanded access')]
        : [
            fact(t, 'Allocation', labelled(ALLOCATION, t.design.allocation), 'design.allocation', 'allocation'),
            fact(t, 'Intervention model', labelled(INTERVENTION_MODEL, t.design.interventionModel), 'design.interventionModel', 'intervention model'),
            fact(
              t,
              'Masking',
              t.design.masking
                ? `${labelOf(MASKING, t.design.masking)}${t.design.whoMasked.length ? ` (${t.design.whoMasked.map((w) => labelOf(WHO_MASKED, w).toLowerCase()).join(', ')})` : ''}`
                : null,
              'design.masking',
              'masking',
            ),
            fact(t, 'Primary purpose', labelled(PRIMARY_PURPOSE, t.design.primaryPurpose), 'design.primaryPurpose', 'primary purpose'),
          ]),
    fact(t, 'Enrollment', t.enrollment ? enrollmentLabel(t.enrollment) : null, 'enrollment', 'enrollment'),
  ];

  const dateFact = (label: string, key: keyof Trial['dates'], what: string) => fact(t, label, t.dates[key] ? formatDate(t.dates[key]) : null, `dates.${key}`, what);
  const dates: Fact[] = [
    dateFact('Start', 'start', 'start date'),
    dateFact('Primary completion', 'primaryCompletion', 'primary completion date'),
    dateFact('Completion', 'completion', 'completion date'),
    dateFact('First posted', 'firstPosted', 'first-posted date'),
    dateFact('Results first posted', 'resultsFirstPosted', 'results date'),
    dateFact('Last update', 'lastUpdated', 'last-update date'),
    { label: 'Results', value: t.hasResults === true ? 'Posted at the registry' : t.hasResults === false ? 'Not posted' : null, ...(t.hasResults === null ? { absent: absenceOf(t, 'hasResults', 'results status') } : {}) },
  ];

  const ages = [t.eligibility.minAge && `minimum “${t.eligibility.minAge.text}” = ${yearsLabel(t.eligibility.minAge.years)}`, t.eligibility.maxAge && `maximum “${t.eligibility.maxAge.text}” = ${yearsLabel(t.eligibility.maxAge.years)}`].filter(Boolean);
  const eligibility: Fact[] = [
    fact(t, 'Sex', labelled(SEX, t.eligibility.sex), 'eligibility.sex', 'eligible sex'),
    { label: 'Ages', value: ageRangeLabel(t), note: ages.length ? `as stated: ${ages.join('; ')}` : undefined },
    fact(t, 'Age groups', listed(AGE_GROUP, t.eligibility.ageGroups), 'eligibility.ageGroups', 'age groups'),
    fact(
      t,
      'Healthy volunteers',
      t.eligibility.healthyVolunteers === true ? 'Accepted' : t.eligibility.healthyVolunteers === false ? 'Not accepted' : null,
      'eligibility.healthyVolunteers',
      'answer on healthy volunteers',
    ),
  ];

  const none = <T>(list: readonly T[], field: string, what: string) => (list.length ? null : absenceOf(t, field, what));
  const absent = absentSections(t, none);
  const outcomes: TrialView['outcomes'] = [
    { id: 'primary' as const, heading: 'Primary outcome measures', note: null, items: t.outcomes.primary },
    { id: 'secondary' as const, heading: 'Secondary outcome measures', note: null, items: t.outcomes.secondary },
    { id: 'other' as const, heading: 'Other outcome measures', note: null, items: t.outcomes.other },
    {
      id: 'unclassified' as const,
      heading: 'Outcome measures (primary and secondary not distinguished)',
      note: 'The record lists these measures without saying which are primary; the registry record says.',
      items: unclassified,
    },
  ].filter((o) => o.items.length > 0 || o.id === 'primary' || o.id === 'secondary');

  const totalFlags = flags.checks.length + flags.notes.length + flags.signals.length;
  const sections: Section[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'therapy', label: 'MSC product' },
    { id: 'design', label: 'Design' },
    { id: 'arms', label: 'Arms', count: t.arms.length },
    { id: 'interventions', label: 'Interventions', count: t.interventions.length },
    { id: 'outcomes', label: 'Outcomes', count: t.outcomes.primary.length + t.outcomes.secondary.length + t.outcomes.other.length + unclassified.length },
    { id: 'eligibility', label: 'Eligibility' },
    { id: 'dates', label: 'Dates' },
    { id: 'locations', label: 'Locations', count: t.locations.length },
    ...(t.documents.length ? [{ id: 'documents', label: 'Documents', count: t.documents.length }] : []),
    { id: 'identifiers', label: 'Identifiers' },
    { id: 'sources', label: 'Sources', count: t.sources.length },
    { id: 'flags', label: 'Flags and signals', count: totalFlags },
    { id: 'cite', label: 'Cite' },
  ];

  return {
    id: t.id,
    title: t.title,
    officialTitle: t.officialTitle && t.officialTitle !== t.title ? t.officialTitle : null,
    acronym: t.acronym,
    badges,
    registry: url && registry ? { name: registry.name, url } : null,
    asOf,
    keyFacts,
    flags,
    scope,
    facets: facetsOf(entry, t),
    overview,
    design,
    dates,
    eligibility,
    absent,
    outcomes,
    sources: sourceViews(t.sources),
    sections,
    held: heldNote(t, [...Object.values(absent), ...[keyFacts, overview, design, dates, eligibility].flat().map((f) => f.absent)]),
  };
}

function absentSections(t: Trial, none: (list: readonly unknown[], field: string, what: string) => Absence | null): TrialView['absent'] {
  const unclassified = t.outcomes.unclassified;
  return {
      summary: t.summary ? null : absenceOf(t, 'summary', 'brief summary'),
      description: t.description ? null : absenceOf(t, 'description', 'detailed description'),
      arms: none(t.arms, 'arms', 'arms'),
      interventions: none(t.interventions, 'interventions', 'interventions'),
      outcomes: t.outcomes.primary.length || unclassified.length ? null : absenceOf(t, 'outcomes.primary', 'outcome measures'),
      inclusion: none(t.eligibility.inclusion, 'eligibility.inclusion', 'eligibility criteria'),
      exclusion: none(t.eligibility.exclusion, 'eligibility.exclusion', 'exclusion criteria'),
      locations: none(t.locations, 'locations', 'sites'),
  };
}

/** Labels the components use for arm and intervention types. */
export const armType = (type: Trial['arms'][number]['type']) => (type ? labelOf(ARM_TYPE, type) : 'Arm type not stated');
export const interventionType = (type: Trial['interventions'][number]['type']) => (type ? labelOf(INTERVENTION_TYPE, type) : 'type not stated');

/** Where the sources differ, and which source each field comes from, in words. */
export function provenanceRows(entry: CatalogueEntry, t: Trial): { field: string; from: string; curated: string | null }[] {
  return Object.entries(entry.provenance)
    .filter(([field]) => field !== 'id')
    .map(([field, p]) => ({
      field: fieldLabel(field),
      from: p.sources.map((i) => `[${i + 1}] ${FORMAT[t.sources[i]!.format].label}`).join(', ') || 'the catalogue',
      curated: p.curated ? `${p.curated.reviewer}: ${p.curated.reason} (sources said “${valueText(field, p.curated.original)}”)` : null,
    }));
}

export function differences(entry: CatalogueEntry, t: Trial): { field: string; conflict: boolean; values: { n: number; file: string; value: string; shown: boolean }[] }[] {
  return entry.sourceValues.map((v) => ({
    field: fieldLabel(v.field),
    conflict: v.conflict,
    values: v.values.map((x) => ({
      n: x.source + 1,
      file: `${t.sources[x.source]?.file ?? ''}${t.sources[x.source]?.row ? `, row ${t.sources[x.source]!.row}` : ''}`,
      value: valueText(v.field, x.value),
      shown: entry.provenance[v.field]?.sources.includes(x.source) ?? false,
    })),
  }));
}
