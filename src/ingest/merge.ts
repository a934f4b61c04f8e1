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
import { FORMAT, labelOf, STATUS, PHASE } from './vocabulary.ts';
import type { Draft } from './normalize.ts';
import { dedupe } from './text.ts';

/** Which source wins a field: the canonical registry first, then the richer structured pages. */
export const PRECEDENCE: readonly Source['format'][] = ['ctgov-json', 'ctgov-classic', 'meddatax', 'veeva', 'medpath', 'generic'];

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

const sourceName = (s: Source) => `${s.file} (${s.site ?? FORMAT[s.format].label})`;

// ------------------------------------------------------------------ merging

/** Fields whose disagreement is flagged; other differing values are kept quietly in sourceValues. */
const CONFLICT_FIELDS = new Set([
  'status',
  'phases',
  'enrollment',
  'sponsor',
  'conditions',
  'hasResults',
  'dates.start',
  'dates.primaryCompletion',
  'dates.completion',
  'dates.firstPosted',
  'dates.lastUpdated',
]);

const SCALARS = ['title', 'officialTitle', 'acronym', 'status', 'studyType', 'sponsor', 'summary', 'description', 'hasResults', 'enrollment'] as const;
const LIST_UNIONS = ['conditions', 'keywords', 'collaborators', 'secondaryIds'] as const;
const DESIGN = ['allocation', 'interventionModel', 'primaryPurpose', 'masking', 'whoMasked'] as const;
const ELIGIBILITY = ['sex', 'minAge', 'maxAge', 'healthyVolunteers'] as const;
const DATES = ['start', 'primaryCompletion', 'completion', 'firstPosted', 'lastUpdated'] as const;

export function mergeRecords(group: readonly SourcedDraft[]): Merged {
  const ordered = [...group].sort(
    (a, b) => PRECEDENCE.indexOf(a.source.format) - PRECEDENCE.indexOf(b.source.format) || a.source.file.localeCompare(b.source.file),
  );
  const sources = ordered.map((r) => r.source);
  const drafts = ordered.map((r) => r.draft);
  if (drafts.length === 1) {
    return { draft: drafts[0]!, sources, provenance: provenanceOfOne(drafts[0]!), sourceValues: [] };
  }
  const provenance: Record<string, FieldProvenance> = {};
  const sourceValues: SourceValues[] = [];
  const notes: Flag[] = [];

  /** The first stated value by precedence; differing values recorded, flagged for conflict fields. */
  const pick = <T,>(field: string, read: (d: Draft) => T): T => {
    const stated = drafts.map((d, i) => ({ source: i, value: read(d) })).filter((x) => isStated(x.value));
    if (stated.length === 0) return read(drafts[0]!);
    const chosen = stated[0]!;
    provenance[field] = { sources: stated.filter((x) => same(field, x.value, chosen.value)).map((x) => x.source) };
    const differing = stated.some((x) => !same(field, x.value, chosen.value));
    if (differing) {
      const conflict = CONFLICT_FIELDS.has(field);
      sourceValues.push({ field, conflict, values: stated });
      if (conflict) {
        const list = stated.map((x) => `“${shown(field, x.value)}” in ${sourceName(sources[x.source]!)}`).join(' vs ');
        notes.push({
          code: 'source-conflict',
          field,
          severity: 'warning',
          message: `Sources disagree on ${field.replace(/^dates\./u, 'the date ').replace(/([A-Z])/gu, ' $1').toLowerCase()}: ${list}. Shown: “${shown(field, chosen.value)}”, from ${FORMAT[sources[chosen.source]!.format].label}, first in precedence.`,
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
    if (out.length) provenance[field] = { sources: [...from].sort() };
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
    (merged as Record<string, unknown>)[field] = union(field, (d) => d[field], norm);
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
  merged.outcomes = {
    primary: union('outcomes.primary', (d) => d.outcomes.primary, (o) => norm(o.measure), (kept, other) => {
      kept.timeFrame ??= other.timeFrame;
      kept.description ??= other.description;
    }),
    secondary: union('outcomes.secondary', (d) => d.outcomes.secondary, (o) => norm(o.measure), (kept, other) => {
      kept.timeFrame ??= other.timeFrame;
      kept.description ??= other.description;
    }),
  };
  merged.locations = union('locations', (d) => d.locations, (l) => norm([l.facility, l.city, l.country].join(' ')), (kept, other) => {
    kept.city ??= other.city;
    kept.state ??= other.state;
    kept.zip ??= other.zip;
    kept.country ??= other.country;
  });
  merged.countries = dedupe(merged.locations.map((l) => l.country).filter((c): c is string => c !== null));
  if (merged.countries.length) provenance.countries = provenance.locations ?? { sources: [] };

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
        .map((n) => ({ ...n, message: drafts.length > 1 ? `${n.message} (${sources[i]!.file})` : n.message })),
    ),
    ...notes,
  ];
  return { draft: merged, sources, provenance, sourceValues };
}

/** Provenance of a trial read from one record: every stated field comes from source 0. */
function provenanceOfOne(d: Draft): Record<string, FieldProvenance> {
  const out: Record<string, FieldProvenance> = {};
  const mark = (field: string, v: unknown) => {
    if (isStated(v)) out[field] = { sources: [0] };
  };
  for (const field of [...SCALARS, 'phases', ...LIST_UNIONS, 'arms', 'interventions', 'locations', 'countries', 'registryIds'] as const) {
    mark(field, (d as Record<string, unknown>)[field]);
  }
  out.id = { sources: [0] };
  for (const field of DESIGN) mark(`design.${field}`, d.design[field]);
  for (const field of ELIGIBILITY) mark(`eligibility.${field}`, d.eligibility[field]);
  mark('eligibility.inclusion', d.eligibility.inclusion);
  mark('eligibility.exclusion', d.eligibility.exclusion);
  for (const field of DATES) mark(`dates.${field}`, d.dates[field]);
  mark('outcomes.primary', d.outcomes.primary);
  mark('outcomes.secondary', d.outcomes.secondary);
  return out;
}
