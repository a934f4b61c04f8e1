/**
 * Human wording for record values: labels from the one vocabulary, dates, ages, enrollment.
 * Pages call these; they never spell an enum themselves.
 */
import type { Trial, TrialDate } from '../schemas/trial.ts';
import {
  CELL_SOURCE,
  DONOR,
  PHASE,
  PRODUCT,
  ROUTE,
  STATUS,
  labelOf,
  type Vocabulary,
} from '../domain/vocabulary.ts';

export const NOT_STATED = 'Not stated';
/** In place of a value the records we hold do not carry (a page copy may leave a section out): src/lib/absence.ts */
export const NOT_HELD = 'Not in the records we hold';

/** The text with its first letter in upper case. */
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// tones, shapes and ISO dates in words live in the domain, where the browser scripts import them too
import { formatIsoDate } from '../domain/display.ts';
export { STATUS_TONE, TONE_SHAPE, formatIsoDate, statusTone, type Tone } from '../domain/display.ts';

export const statusLabel = (s: Trial['status']) => (s ? labelOf(STATUS, s) : 'Status not stated');

export function phasesLabel(phases: Trial['phases']): string {
  if (phases.length === 0) return 'Phase not stated';
  if (phases.length === 1) return labelOf(PHASE, phases[0]);
  if (phases.every((p) => /^PHASE\d$/u.test(p))) return `Phase ${phases.map((p) => p.slice(-1)).join('/')}`;
  return phases.map((p) => labelOf(PHASE, p)).join(' / ');
}

export const listLabel = <V extends string>(vocab: Vocabulary<V>, values: readonly V[], none = NOT_STATED) =>
  values.length ? values.map((v) => labelOf(vocab, v)).join(', ') : none;

export const productsLabel = (t: Trial) => listLabel(PRODUCT, t.therapy.products, 'No MSC product identified');
export const sourcesLabel = (t: Trial) => listLabel(CELL_SOURCE, t.therapy.cellSources);
export const donorLabel = (t: Trial) => listLabel(DONOR, t.therapy.donor);
export const routesLabel = (t: Trial) => listLabel(ROUTE, t.therapy.routes);

export function formatDate(date: TrialDate | null, withType = true): string {
  if (!date) return NOT_STATED;
  const base = formatIsoDate(date.date);
  if (!withType || !date.type) return base;
  return `${base} (${date.type === 'ACTUAL' ? 'actual' : 'estimated'})`;
}

export function enrollmentLabel(e: Trial['enrollment']): string {
  if (!e) return NOT_STATED;
  const n = `${e.count.toLocaleString('en')} participant${e.count === 1 ? '' : 's'}`;
  return e.type ? `${n} (${e.type === 'ACTUAL' ? 'actual' : 'estimated'})` : n;
}

/** "18 Years to 60 Years", "45 Months or older", "Up to 17 Years". */
export function ageRangeLabel(t: Trial): string {
  const { minAge, maxAge } = t.eligibility;
  if (minAge && maxAge) return `${minAge.text} to ${maxAge.text}`;
  if (minAge) return `${minAge.text} or older`;
  if (maxAge) return `Up to ${maxAge.text}`;
  return 'No age limits stated';
}

export function yearsLabel(years: number): string {
  const rounded = Number(years.toFixed(2));
  return `${rounded} ${rounded === 1 ? 'year' : 'years'}`;
}

/** A short description of a trial for meta tags and cards. */
export function trialDescription(t: Trial): string {
  const parts = [
    statusLabel(t.status),
    t.phases.length ? phasesLabel(t.phases) : null,
    t.therapy.products.length ? productsLabel(t) : null,
    t.conditions.length ? `in ${t.conditions.slice(0, 3).join(', ')}` : null,
    t.enrollment ? enrollmentLabel(t.enrollment) : null,
    t.sponsor ? `Sponsor: ${t.sponsor}` : null,
  ].filter(Boolean);
  const lead = parts.join(' · ');
  const summary = t.summary ? ` — ${t.summary}` : '';
  const text = `${lead}${summary}`;
  return text.length > 300 ? `${text.slice(0, 297).replace(/\s+\S*$/u, '')}…` : text;
}

export function startYear(t: Trial): string | null {
  return t.dates.start ? t.dates.start.date.slice(0, 4) : null;
}

/** Where in the record a piece of evidence was read, in words ("intervention “X”"). */
export function fieldWhere(t: Trial, field: string): string {
  const m = /^(interventions|arms)\[(\d+)\]\.(\w+)/u.exec(field);
  if (m) {
    const i = Number(m[2]);
    if (m[1] === 'interventions') {
      const name = t.interventions[i]?.name ?? '';
      return m[3] === 'name' ? `intervention “${name}”` : m[3] === 'otherNames' ? `another name of intervention “${name}”` : `the description of intervention “${name}”`;
    }
    const label = t.arms[i]?.label ?? '';
    return m[3] === 'label' ? `arm “${label}”` : m[3] === 'interventions' ? `the treatments of arm “${label}”` : `the description of arm “${label}”`;
  }
  const outcome = /^outcomes\.(primary|secondary|other|unclassified)\[(\d+)\]\.(\w+)/u.exec(field);
  if (outcome) {
    const o = t.outcomes[outcome[1] as 'primary'][Number(outcome[2])];
    return `${outcome[3] === 'description' ? 'the description of ' : ''}the outcome measure “${o?.measure ?? ''}”`;
  }
  if (field.startsWith('keywords')) return 'the keywords';
  return (
    { title: 'the title', officialTitle: 'the official title', acronym: 'the acronym', summary: 'the brief summary', description: 'the detailed description' }[
      field
    ] ?? field
  );
}

/** Human names of record fields, for provenance tables and curation notes. */
export const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  registryIds: 'Registry ids',
  secondaryIds: 'Other ids',
  title: 'Title',
  officialTitle: 'Official title',
  acronym: 'Acronym',
  status: 'Status',
  phases: 'Phase',
  studyType: 'Study type',
  conditions: 'Conditions',
  keywords: 'Keywords',
  sponsor: 'Sponsor',
  collaborators: 'Collaborators',
  funderTypes: 'Funded by',
  summary: 'Brief summary',
  description: 'Detailed description',
  enrollment: 'Enrollment',
  'design.allocation': 'Allocation',
  'design.interventionModel': 'Intervention model',
  'design.primaryPurpose': 'Primary purpose',
  'design.masking': 'Masking',
  'design.whoMasked': 'Who is masked',
  'design.observationalModel': 'Observational model',
  'design.timePerspective': 'Time perspective',
  'design.expandedAccessTypes': 'Kind of expanded access',
  arms: 'Arms',
  interventions: 'Interventions',
  'outcomes.primary': 'Primary outcomes',
  'outcomes.secondary': 'Secondary outcomes',
  'outcomes.other': 'Other outcomes',
  'outcomes.unclassified': 'Outcome measures (not classified)',
  outcomes: 'Outcomes',
  'eligibility.sex': 'Sex',
  'eligibility.minAge': 'Minimum age',
  'eligibility.maxAge': 'Maximum age',
  'eligibility.healthyVolunteers': 'Healthy volunteers',
  'eligibility.ageGroups': 'Age groups',
  'eligibility.inclusion': 'Inclusion criteria',
  'eligibility.exclusion': 'Exclusion criteria',
  'dates.start': 'Start date',
  'dates.primaryCompletion': 'Primary completion date',
  'dates.completion': 'Completion date',
  'dates.firstPosted': 'First posted',
  'dates.lastUpdated': 'Last updated',
  'dates.resultsFirstPosted': 'Results first posted',
  locations: 'Locations',
  countries: 'Countries',
  hasResults: 'Results posted',
  documents: 'Study documents',
  scope: 'Scope',
  'therapy.products': 'MSC product',
  'therapy.cellSources': 'Cell source',
  'therapy.donor': 'Donor',
  'therapy.routes': 'Route',
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;

/** Any stated value of a field, in words (for "each source said…" lists). */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return NOT_STATED;
  if (field === 'status') return statusLabel(value as Trial['status']);
  if (field === 'phases') return phasesLabel(value as Trial['phases']);
  if (field === 'enrollment') return enrollmentLabel(value as Trial['enrollment']);
  if (field.startsWith('dates.')) return formatDate(value as TrialDate);
  if (field === 'eligibility.minAge' || field === 'eligibility.maxAge') return (value as { text: string }).text;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) {
    if (value.length === 0) return NOT_STATED;
    return value.map((v) => (typeof v === 'string' ? v : typeof v === 'object' && v ? String((v as Record<string, unknown>).label ?? (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).measure ?? (v as Record<string, unknown>).facility ?? JSON.stringify(v)) : String(v))).join('; ');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  const text = String(value);
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}
