/**
 * The build side of the browse list: the compact row each trial contributes to /trials/ and to
 * /data/browse.json, and the filter options with their labels. The browser never imports this
 * module (it needs the condition taxonomy); it gets the rows as JSON and the options as HTML.
 */
import { CATEGORY_LABELS, CATEGORY_SLUGS, CONDITION_GROUPS, UNCLASSIFIED, categorySlugsOf, conditionGroupsOf } from '../domain/conditions.ts';
import { CELL_SOURCE, PHASE, PRODUCT, SCOPE, STATUS, labelOf } from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { FILTERS, NONE, facetCounts, type BrowseRow, type FilterKey } from './browse.ts';
import { phasesLabel, statusLabel } from './format.ts';
import { trialPath } from './site.ts';

export function browseRow(t: Trial): BrowseRow {
  if (t.scope.value === 'OTHER') throw new Error(`${t.id} is screened out (scope OTHER): it has no row in the browse list`);
  return {
    id: t.id,
    url: trialPath(t.id),
    title: t.title,
    status: t.status,
    statusLabel: statusLabel(t.status),
    phases: t.phases,
    phaseLabel: t.phases.length ? phasesLabel(t.phases) : '—',
    products: t.therapy.products,
    productLabel: t.therapy.products.map((p) => labelOf(PRODUCT, p)).join(', ') || '—',
    sources: t.therapy.cellSources,
    sourceLabel: t.therapy.cellSources.map((s) => labelOf(CELL_SOURCE, s)).join(', ') || '—',
    conditions: t.conditions,
    conditionGroups: conditionGroupsOf(t).map((g) => g.slug),
    categories: categorySlugsOf(t),
    countries: t.countries,
    scope: t.scope.value,
    enrollment: t.enrollment?.count ?? null,
    start: t.dates.start?.date ?? null,
    updated: t.dates.lastUpdated?.date ?? null,
  };
}

export interface FacetOption {
  value: string;
  label: string;
  /** trials the option shows when no other filter is set */
  count: number;
}

const GROUP_LABELS = new Map(CONDITION_GROUPS.map((g) => [g.slug, g.label]));

/** Each filter's label for a value, and its option order (null: most trials first). */
const OPTIONS: Record<FilterKey, { label: (v: string) => string; order: readonly string[] | null }> = {
  status: { label: (v) => labelOf(STATUS, v as keyof typeof STATUS), order: Object.keys(STATUS) },
  phase: { label: (v) => labelOf(PHASE, v as keyof typeof PHASE), order: Object.keys(PHASE) },
  product: { label: (v) => labelOf(PRODUCT, v as keyof typeof PRODUCT), order: Object.keys(PRODUCT) },
  source: { label: (v) => labelOf(CELL_SOURCE, v as keyof typeof CELL_SOURCE), order: Object.keys(CELL_SOURCE) },
  // the taxonomy's order, Unclassified last
  category: { label: (v) => CATEGORY_LABELS[v] ?? v, order: [...CATEGORY_SLUGS, UNCLASSIFIED.slug] },
  condition: { label: (v) => GROUP_LABELS.get(v) ?? v, order: null },
  country: { label: (v) => v, order: null },
  scope: { label: (v) => labelOf(SCOPE, v as keyof typeof SCOPE), order: Object.keys(SCOPE) },
};

/**
 * The options of every filter with how many trials each shows (no other filter set), in the
 * vocabulary's or the taxonomy's order, or most trials first; "not stated" last when any trial
 * states no value. The browser recounts them as filters change (facetCounts).
 */
export function browseFacets(rows: readonly BrowseRow[]): Record<FilterKey, FacetOption[]> {
  const counts = facetCounts(rows, {});
  return Object.fromEntries(
    FILTERS.map(({ key, none }) => {
      const { label, order } = OPTIONS[key];
      const options = [...counts[key]]
        .filter(([value]) => value !== NONE)
        .map(([value, count]) => ({ value, label: label(value), count }));
      if (order) options.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
      else options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
      const stateNone = counts[key].get(NONE);
      if (stateNone) options.push({ value: NONE, label: none, count: stateNone });
      return [key, options];
    }),
  ) as Record<FilterKey, FacetOption[]>;
}
