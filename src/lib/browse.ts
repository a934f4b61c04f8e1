/**
 * The browse list: the compact row each trial contributes to /trials/ (rendered at build time)
 * and to /data/browse.json (what the page's script filters and sorts in the browser).
 */
import { conditionGroupsOf } from '../ingest/conditions.ts';
import { CELL_SOURCE, PHASE, PRODUCT, STATUS, labelOf } from '../ingest/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { phasesLabel, statusLabel, STATUS_TONE } from './format.ts';
import { trialPath } from './site.ts';

export const PAGE_SIZE = 50;

export interface BrowseRow {
  id: string;
  url: string;
  title: string;
  status: string | null;
  statusLabel: string;
  tone: string;
  phases: string[];
  phaseLabel: string;
  products: string[];
  productLabel: string;
  sources: string[];
  sourceLabel: string;
  conditions: string[];
  conditionGroups: string[];
  enrollment: number | null;
  start: string | null;
  updated: string | null;
}

export function browseRow(t: Trial): BrowseRow {
  return {
    id: t.id,
    url: trialPath(t.id),
    title: t.title,
    status: t.status,
    statusLabel: statusLabel(t.status),
    tone: t.status ? STATUS_TONE[t.status] : 'neutral',
    phases: t.phases,
    phaseLabel: t.phases.length ? phasesLabel(t.phases) : '—',
    products: t.therapy.products,
    productLabel: t.therapy.products.map((p) => labelOf(PRODUCT, p)).join(', ') || '—',
    sources: t.therapy.cellSources,
    sourceLabel: t.therapy.cellSources.map((s) => labelOf(CELL_SOURCE, s)).join(', ') || '—',
    conditions: t.conditions,
    conditionGroups: conditionGroupsOf(t).map((g) => g.slug),
    enrollment: t.enrollment?.count ?? null,
    start: t.dates.start?.date ?? null,
    updated: t.dates.lastUpdated?.date ?? null,
  };
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** The filter options of the browse list, with how many trials each would show. */
export function browseFacets(trials: readonly Trial[]) {
  const count = <V extends string>(values: (t: Trial) => readonly V[], label: (v: V) => string, order?: readonly string[]) => {
    const map = new Map<V, number>();
    for (const t of trials) for (const v of new Set(values(t))) map.set(v, (map.get(v) ?? 0) + 1);
    const options: FacetOption[] = [...map].map(([value, n]) => ({ value, label: label(value), count: n }));
    return order
      ? options.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
      : options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  };
  const groups = new Map<string, string>();
  for (const t of trials) for (const g of conditionGroupsOf(t)) groups.set(g.slug, g.label);
  return {
    status: count((t) => (t.status ? [t.status] : []), (v) => labelOf(STATUS, v), Object.keys(STATUS)),
    phase: count((t) => t.phases, (v) => labelOf(PHASE, v), Object.keys(PHASE)),
    product: count((t) => t.therapy.products, (v) => labelOf(PRODUCT, v), Object.keys(PRODUCT)),
    source: count((t) => t.therapy.cellSources, (v) => labelOf(CELL_SOURCE, v), Object.keys(CELL_SOURCE)),
    condition: count((t) => conditionGroupsOf(t).map((g) => g.slug), (v) => groups.get(v) ?? v),
  };
}
