/**
 * Several records of one trial → one trial, field by field, remembering where every value came
 * from and keeping every value a source stated.
 *
 * Records belong together when they share a registry id (an NCT number, or a secondary registry
 * id such as an EudraCT number on one and the main id of the other). The value of a field comes
 * from the first source, in PRECEDENCE order, that states it; lists are unioned without
 * duplicates. Where sources state different values for status, phases, enrollment, a date,
 * sponsor, conditions or results, a `source-conflict` flag names each value and its source.
 */
import type { Flag, Source, Trial } from '../schemas/trial.ts';
import { FORMAT, labelOf, STATUS, PHASE } from '../domain/vocabulary.ts';
import type { Draft } from './normalize.ts';
import { dedupe } from './text.ts';

/** Which source wins a field: the canonical registry first, then the richer structured pages. */
export const PRECEDENCE: readonly Source['format'][] = [
  'ctgov-json',
  'ctgov-csv',
  'ctgov-csv-classic',
  'ctgov-classic',
  'meddatax',
  'veeva',
  'medpath',
  'ictrp',
  'generic',
];

export interface SourcedDraft {
  draft: Draft;
  source: Source;
}

/** Where one field's value came from: the indexes of the sources (into `sources`) that stated it. */
export interface FieldProvenance {
  sources: number[];
}

/** Every source's own value of a field whose sources disagree. */
export interface SourceValues {
  field: string;
  conflict: boolean;
  values: { source: number; value: unknown }[];
}

export interface Merged {
  draft: Draft;
  sources: Source[];
  provenance: Record<string, FieldProvenance>;
  sourceValues: SourceValues[];
}

// ------------------------------------------------------------------ grouping

/** Records of the same trial, by shared registry ids (union–find); groups and members in input order. */
export function groupRecords(items: readonly SourcedDraft[]): SourcedDraft[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const owner = new Map<string, number>();
  items.forEach((item, i) => {
    const ids = item.draft.registryIds.length ? item.draft.registryIds : [item.draft.id];
    for (const id of ids) {
      const key = id.toUpperCase();
      const other = owner.get(key);
      if (other === undefined) owner.set(key, i);
      else parent[find(i)] = find(other);
    }
  });
  const groups = new Map<number, SourcedDraft[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()];
}

// ------------------------------------------------------------------ comparing values

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/gu, ' ').trim();
const isStated = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** Whether two stated values mean the same for a field (dates of different precision agree when one extends the other). */
function same(field: string, a: unknown, b: unknown): boolean {
  if (field.startsWith('dates.')) {
    const x = (a as { date: string }).date;
    const y = (b as { date: string }).date;
    return x.startsWith(y) || y.startsWith(x);
  }
  if (field === 'enrollment') return (a as Trial['enrollment'])!.count === (b as Trial['enrollment'])!.count;
  if (field === 'conditions') {
    const xs = new Set((a as string[]).map(norm));
    const ys = new Set((b as string[]).map(norm));
    return xs.size === ys.size && [...xs].every((x) => ys.has(x));
  }
  if (typeof a === 'string' && typeof b === 'string') return norm(a) === norm(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A value as a person reads it in a conflict message. */
function shown(field: string, v: unknown): string {
  if (v === null || v === undefined) return 'not stated';
  if (field === 'status') return labelOf(STATUS, v as never);
  if (field === 'phases') return (v as string[]).map((p) => labelOf(PHASE, p as never)).join(' / ');
  if (field === 'enrollment') {
    const e = v as NonNullable<Trial['enrollment']>;
    return `${e.count}${e.type ? ` (${e.type.toLowerCase()})` : ''}`;
  }
  if (field.startsWith('dates.')) {
    const d = v as NonNullable<Trial['dates']['start']>;
    return `${d.date}${d.type ? ` (${d.type.toLowerCase()})` : ''}`;
  }
  if (Array.isArray(v)) return v.join('; ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/** A source as a person finds it: its file, and its row for a row of a CSV download. */
export const sourceLabel = (s: Source) => `${s.file}${s.row ? `, row ${s.row}` : ''}`;
const sourceName = (s: Source) => `${sourceLabel(s)} (${s.site ?? FORMAT[s.format].label})${s.asOf ? `, as of ${s.asOf}` : ''}`;

// ------------------------------------------------------------------ merging

/** Fields whose disagreement is flagged; other differing values are kept quietly in sourceValues. */
const CONFLICT_FIELDS = new Set([
  'status',
  'phases',
  'enrollment',
  'sponsor',
  'conditions',
  'hasResults',
  'locations',
  'dates.start',
  'dates.primaryCompletion',
  'dates.completion',
  'dates.firstPosted',
  'dates.lastUpdated',
  'dates.resultsFirstPosted',
]);

/**
 * Facts that change over time: for these the most recently updated record wins (by its as-of
 * date; records without one rank after those with one), and format precedence only breaks ties.
 * Every other field follows format precedence.
 */
export const TIME_VARYING = new Set([
  'status',
  'enrollment',
  'hasResults',
  'locations',
  'dates.start',
  'dates.primaryCompletion',
  'dates.completion',
  'dates.firstPosted',
  'dates.lastUpdated',
  'dates.resultsFirstPosted',
]);

const SCALARS = ['title', 'officialTitle', 'acronym', 'status', 'studyType', 'sponsor', 'summary', 'description', 'hasResults', 'enrollment', 'conditionMesh'] as const;
const LIST_UNIONS = ['conditions', 'keywords', 'collaborators', 'funderTypes', 'secondaryIds'] as const;
const DESIGN = ['allocation', 'interventionModel', 'primaryPurpose', 'masking', 'whoMasked', 'observationalModel', 'timePerspective', 'expandedAccessTypes'] as const;
const ELIGIBILITY = ['sex', 'minAge', 'maxAge', 'healthyVolunteers', 'ageGroups'] as const;
const DATES = ['start', 'primaryCompletion', 'completion', 'firstPosted', 'lastUpdated', 'resultsFirstPosted'] as const;
const OUTCOME_LISTS = ['primary', 'secondary', 'other'] as const;

/**
 * Indexes of the sources, most recently updated first; records without an as-of date last; ties
 * by the more recent retrieval (the later copy of the same registry update), then precedence.
 */
export function byRecency(sources: readonly Source[]): number[] {
  const newerFirst = (a: string | null, b: string | null) => (a && b ? b.localeCompare(a) : a ? -1 : b ? 1 : 0);
  return sources
    .map((s, i) => ({ i, asOf: s.asOf, retrieved: s.retrieved }))
    .sort((a, b) => newerFirst(a.asOf, b.asOf) || newerFirst(a.retrieved, b.retrieved) || a.i - b.i)
    .map((x) => x.i);
}

const describeField = (field: string) => field.replace(/^dates\./u, 'the date ').replace(/([A-Z])/gu, ' $1').toLowerCase();

export function mergeRecords(group: readonly SourcedDraft[]): Merged {
  const ordered = [...group].sort(
    (a, b) =>
      PRECEDENCE.indexOf(a.source.format) - PRECEDENCE.indexOf(b.source.format) ||
      a.source.file.localeCompare(b.source.file) ||
      (a.source.row ?? 0) - (b.source.row ?? 0),
  );
  const sources = ordered.map((r) => r.source);
  const drafts = ordered.map((r) => r.draft);
  if (drafts.length === 1) {
    const draft = { ...drafts[0]!, origin: { ...drafts[0]!.origin, retrieved: sources[0]!.retrieved } };
    return { draft, sources, provenance: provenanceOfOne(draft), sourceValues: [] };
  }
  const provenance: Record<string, FieldProvenance> = {};
  const sourceValues: SourceValues[] = [];
  const notes: Flag[] = [];
  const recency = byRecency(sources);

  /**
   * The first stated value — by recency for facts that change over time, else by precedence;
   * differing values recorded, and flagged for conflict fields.
   */
  const pick = <T,>(field: string, read: (d: Draft) => T): T => {
    const order = TIME_VARYING.has(field) ? recency : drafts.map((_, i) => i);
    const stated = order.map((i) => ({ source: i, value: read(drafts[i]!) })).filter((x) => isStated(x.value));
    if (stated.length === 0) return read(drafts[0]!);
    const chosen = stated[0]!;
    provenance[field] = { sources: stated.filter((x) => same(field, x.value, chosen.value)).map((x) => x.source).sort((a, b) => a - b) };
    const differing = stated.some((x) => !same(field, x.value, chosen.value));
    if (differing) {
      const conflict = CONFLICT_FIELDS.has(field);
      sourceValues.push({ field, conflict, values: [...stated].sort((a, b) => a.source - b.source) });
      if (conflict) {
        const list = stated.map((x) => `“${shown(field, x.value)}” in ${sourceName(sources[x.source]!)}`).join(' vs ');
        const from = sources[chosen.source]!;
        const why =
          TIME_VARYING.has(field) && from.asOf
            ? `from the most recently updated record (${FORMAT[from.format].label}, as of ${from.asOf})`
            : `from ${FORMAT[from.format].label}, first in precedence`;
        notes.push({
          code: 'source-conflict',
          field,
          severity: 'warning',
          message: `Sources disagree on ${describeField(field)}: ${list}. Shown: “${shown(field, chosen.value)}”, ${why}.`,
        });
      }
    }
    return chosen.value;
  };

  /** A union of lists by a key, first occurrence (highest precedence) first, later ones filling gaps. */
  const union = <T,>(field: string, read: (d: Draft) => T[], key: (x: T) => string, fill?: (kept: T, other: T) => void): T[] => {
    const out: T[] = [];
    const byKey = new Map<string, T>();
    const from = new Set<number>();
    drafts.forEach((d, i) => {
      for (const item of read(d)) {
        const k = key(item);
        const kept = byKey.get(k);
        from.add(i);
        if (kept === undefined) {
          const copy = structuredClone(item);
          byKey.set(k, copy);
          out.push(copy);
        } else fill?.(kept, item);
      }
    });
    if (out.length) provenance[field] = { sources: [...from].sort((a, b) => a - b) };
    return out;
  };

  const base = drafts[0]!;
  const merged: Draft = structuredClone(base);
  for (const field of SCALARS) (merged as Record<string, unknown>)[field] = pick(field, (d) => d[field]);
  merged.phases = pick('phases', (d) => d.phases);
  // conditions: shown as the union, flagged when sources state different sets
  pick('conditions', (d) => d.conditions);
  merged.conditions = union('conditions', (d) => d.conditions, norm);
  for (const field of LIST_UNIONS.filter((f) => f !== 'conditions')) {
    (merged as Record<string, unknown>)[field] = union(field, (d) => d[field] as string[], norm);
  }
  for (const field of DESIGN) (merged.design as Record<string, unknown>)[field] = pick(`design.${field}`, (d) => d.design[field]);
  for (const field of ELIGIBILITY) (merged.eligibility as Record<string, unknown>)[field] = pick(`eligibility.${field}`, (d) => d.eligibility[field]);
  merged.eligibility.inclusion = union('eligibility.inclusion', (d) => d.eligibility.inclusion, norm);
  merged.eligibility.exclusion = union('eligibility.exclusion', (d) => d.eligibility.exclusion, norm);
  for (const field of DATES) merged.dates[field] = pick(`dates.${field}`, (d) => d.dates[field]);

  merged.arms = union('arms', (d) => d.arms, (a) => norm(a.label), (kept, other) => {
    kept.type ??= other.type;
    kept.description ??= other.description;
    kept.interventions = dedupe([...kept.interventions, ...other.interventions]);
  });
  merged.interventions = union('interventions', (d) => d.interventions, (x) => norm(x.name), (kept, other) => {
    kept.type ??= other.type;
    kept.description ??= other.description;
    kept.otherNames = dedupe([...kept.otherNames, ...other.otherNames]);
  });
  const fillOutcome = (kept: Draft['outcomes']['primary'][number], other: Draft['outcomes']['primary'][number]) => {
    kept.timeFrame ??= other.timeFrame;
    kept.description ??= other.description;
  };
  const outcomes = Object.fromEntries(
    OUTCOME_LISTS.map((list) => [list, union(`outcomes.${list}`, (d) => d.outcomes[list], (o) => norm(o.measure), fillOutcome)]),
  ) as Pick<Draft['outcomes'], (typeof OUTCOME_LISTS)[number]>;
  // a measure listed without a class is kept only when no record classifies it
  const classified = new Set(OUTCOME_LISTS.flatMap((list) => outcomes[list].map((o) => norm(o.measure))));
  const unclassified = union('outcomes.unclassified', (d) => d.outcomes.unclassified, (o) => norm(o.measure), fillOutcome).filter(
    (o) => !classified.has(norm(o.measure)),
  );
  if (unclassified.length === 0) delete provenance['outcomes.unclassified'];
  merged.outcomes = { ...outcomes, unclassified };

  // sites change over time: the newest record that lists any sites gives the list
  merged.locations = pick('locations', (d) => d.locations);
  merged.countries = dedupe(merged.locations.map((l) => l.country).filter((c): c is string => c !== null));
  if (merged.countries.length) provenance.countries = provenance.locations ?? { sources: [] };
  merged.documents = union('documents', (d) => d.documents, (doc) => `${norm(doc.label)} ${doc.url ?? ''}`);

  // ids: the NCT number when any record states one, then every other registry id
  const registryIds = dedupe(drafts.flatMap((d) => d.registryIds));
  const nct = registryIds.find((id) => id.startsWith('NCT'));
  merged.id = nct ?? registryIds[0] ?? base.id;
  merged.registryIds = registryIds.length ? [merged.id, ...registryIds.filter((id) => id !== merged.id)] : [];
  merged.secondaryIds = merged.secondaryIds.filter((s) => !merged.registryIds.includes(s));
  provenance.id = { sources: drafts.map((d, i) => (d.registryIds.includes(merged.id) || d.id === merged.id ? i : -1)).filter((i) => i >= 0) };
  provenance.registryIds = { sources: drafts.map((_, i) => i) };

  // reader notes of every record, each saying which record it is about; a record that had no id of its own no longer lacks one
  merged.notes = [
    ...drafts.flatMap((d, i) =>
      d.notes
        .filter((n) => !(n.code === 'no-registry-id' && merged.registryIds.length > 0))
        .map((n) => ({ ...n, message: drafts.length > 1 ? `${n.message} (${sourceLabel(sources[i]!)})` : n.message })),
    ),
    ...notes,
  ];
  merged.origin = { asOf: sources[recency[0]!]!.asOf, retrieved: latest(sources.map((s) => s.retrieved)), row: null };
  return { draft: merged, sources, provenance, sourceValues };
}

/** The latest of some dates, or null when none is known. */
function latest(days: readonly (string | null)[]): string | null {
  return days.filter((d): d is string => d !== null).sort().at(-1) ?? null;
}

/** Provenance of a trial read from one record: every stated field comes from source 0. */
function provenanceOfOne(d: Draft): Record<string, FieldProvenance> {
  const out: Record<string, FieldProvenance> = {};
  const mark = (field: string, v: unknown) => {
    if (isStated(v)) out[field] = { sources: [0] };
  };
  for (const field of [...SCALARS, 'phases', ...LIST_UNIONS, 'arms', 'interventions', 'locations', 'countries', 'registryIds', 'documents'] as const) {
    mark(field, (d as Record<string, unknown>)[field]);
  }
  out.id = { sources: [0] };
  for (const field of DESIGN) mark(`design.${field}`, d.design[field]);
  for (const field of ELIGIBILITY) mark(`eligibility.${field}`, d.eligibility[field]);
  mark('eligibility.inclusion', d.eligibility.inclusion);
  mark('eligibility.exclusion', d.eligibility.exclusion);
  for (const field of DATES) mark(`dates.${field}`, d.dates[field]);
  for (const list of [...OUTCOME_LISTS, 'unclassified'] as const) mark(`outcomes.${list}`, d.outcomes[list]);
  return out;
}
