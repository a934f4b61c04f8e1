/**
 * What each trial page gives Pagefind: filters (facets), sort keys and result metadata, plus the
 * labels the search page shows for filter values. Values are the contract's codes, so a search
 * URL reads like the data (?status=COMPLETED&phase=PHASE2).
 */
import { CATEGORY_LABELS, CATEGORY_SLUGS, categorySlugsOf, conditionGroupsOf } from '../domain/conditions.ts';
import {
  CELL_SOURCE,
  DONOR,
  FLAG,
  FORMAT,
  PHASE,
  PRODUCT,
  ROUTE,
  SCOPE,
  SEX,
  STATUS,
  STUDY_TYPE,
  labelOf,
} from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { EVIDENCE_CODES, SIGNAL_CODES } from '../domain/vocabulary.ts';
import { enrollmentLabel, phasesLabel, startYear, statusLabel } from './format.ts';

/** The facets, in the order the search page shows them. */
export const FACETS = [
  ['status', 'Status'],
  ['phase', 'Phase'],
  ['type', 'Study type'],
  ['category', 'Condition category'],
  ['condition', 'Condition'],
  ['product', 'MSC product'],
  ['source', 'Cell source'],
  ['donor', 'Donor'],
  ['route', 'Route'],
  ['country', 'Country'],
  ['scope', 'Scope'],
  ['sex', 'Sex'],
  ['results', 'Results posted'],
  ['evidence', 'Evidence signals'],
  ['flag', 'Data-quality flags'],
  ['format', 'Source format'],
] as const;
export type FacetKey = (typeof FACETS)[number][0];

const SIGNALS: readonly string[] = SIGNAL_CODES;
/** Evidence signals of a trial (the universal "registered, not approved" note left out) and a stale status. */
const evidenceOf = (t: Trial) => [...new Set(t.flags.map((f) => f.code).filter((c) => (EVIDENCE_CODES as readonly string[]).includes(c) && c !== 'registered-not-approved'))];
/** Data-quality flags of a trial: everything that is not an evidence signal. */
const qualityOf = (t: Trial) => [...new Set(t.flags.map((f) => f.code).filter((c) => !SIGNALS.includes(c)))];

export function searchFilters(t: Trial): Record<FacetKey, string[]> {
  return {
    status: t.status ? [t.status] : ['NOT_STATED'],
    phase: t.phases.length ? t.phases : ['NOT_STATED'],
    type: t.studyType ? [t.studyType] : ['NOT_STATED'],
    category: categorySlugsOf(t),
    condition: conditionGroupsOf(t).map((g) => g.slug),
    product: t.therapy.products,
    source: t.therapy.cellSources,
    donor: t.therapy.donor,
    route: t.therapy.routes,
    country: t.countries,
    scope: [t.scope.value],
    sex: t.eligibility.sex ? [t.eligibility.sex] : ['NOT_STATED'],
    results: [t.hasResults === true ? 'YES' : t.hasResults === false ? 'NO' : 'NOT_STATED'],
    evidence: evidenceOf(t).length ? evidenceOf(t) : ['NONE'],
    flag: qualityOf(t).length ? qualityOf(t) : ['NONE'],
    format: [...new Set(t.sources.map((s) => s.format))],
  };
}

/**
 * Sorts. Pagefind's own sort keys would put every page's sort order into the index metadata that
 * the first query must load (67 KB more at 10,000 trials); instead the build writes one rank file
 * per key (src/integrations/pagefind.ts), fetched only when someone sorts.
 */
export const SORT_KEYS = ['start', 'enrollment', 'updated'] as const;
export const SORTS = [
  ['', 'Relevance'],
  ['start', 'Start date, newest first'],
  ['enrollment', 'Enrollment, largest first'],
  ['updated', 'Last update, newest first'],
] as const;

export function searchMeta(t: Trial): Record<string, string> {
  return {
    id: t.id,
    status: statusLabel(t.status),
    statusCode: t.status ?? '',
    phases: phasesLabel(t.phases),
    sponsor: t.sponsor ?? 'Sponsor not stated',
    enrollment: enrollmentLabel(t.enrollment),
    start: startYear(t) ?? 'not stated',
    kind: 'trial',
  };
}

/** Labels of every filter value that occurs in the catalogue, for the search page. */
export function filterLabels(trials: readonly Trial[]): Record<FacetKey, Record<string, string>> {
  const conditions: Record<string, string> = {};
  for (const t of trials) for (const g of conditionGroupsOf(t)) conditions[g.slug] = g.label;
  const countries: Record<string, string> = {};
  for (const t of trials) for (const c of t.countries) countries[c] = c;
  const fromVocab = (vocab: Record<string, { label: string }>) => ({
    ...Object.fromEntries(Object.entries(vocab).map(([k, v]) => [k, v.label])),
    NOT_STATED: 'Not stated',
  });
  return {
    status: fromVocab(STATUS),
    phase: fromVocab(PHASE),
    type: fromVocab(STUDY_TYPE),
    category: Object.fromEntries([...CATEGORY_SLUGS, 'unclassified'].map((slug) => [slug, CATEGORY_LABELS[slug] ?? slug])),
    condition: conditions,
    product: fromVocab(PRODUCT),
    source: fromVocab(CELL_SOURCE),
    donor: fromVocab(DONOR),
    route: fromVocab(ROUTE),
    country: countries,
    scope: Object.fromEntries(Object.entries(SCOPE).map(([k, v]) => [k, v.label])),
    sex: fromVocab(SEX),
    results: { YES: 'Yes', NO: 'No', NOT_STATED: 'Not stated' },
    evidence: { ...Object.fromEntries(Object.entries(FLAG).map(([k, v]) => [k, v.label])), NONE: 'None' },
    flag: { ...Object.fromEntries(Object.entries(FLAG).map(([k, v]) => [k, v.label])), NONE: 'No flags' },
    format: Object.fromEntries(Object.entries(FORMAT).map(([k, v]) => [k, v.label])),
  };
}

export { labelOf };

/** The most recently updated trials (last update posted, newest first; ties by id), for the empty search page. */
export function recentlyUpdated<T extends Pick<Trial, 'id' | 'dates'>>(trials: readonly T[], n = 10): T[] {
  return trials
    .filter((t) => t.dates.lastUpdated?.date)
    .sort((a, b) => (a.dates.lastUpdated!.date < b.dates.lastUpdated!.date ? 1 : a.dates.lastUpdated!.date > b.dates.lastUpdated!.date ? -1 : a.id.localeCompare(b.id)))
    .slice(0, n);
}

/** How many trials hold each facet value, over the whole catalogue: the empty search page's counts, without Pagefind's filter index. */
export function catalogueFacetCounts(trials: readonly Trial[]): Record<FacetKey, Record<string, number>> {
  const out = Object.fromEntries(FACETS.map(([k]) => [k, {} as Record<string, number>])) as Record<FacetKey, Record<string, number>>;
  for (const t of trials) for (const [k, values] of Object.entries(searchFilters(t)) as [FacetKey, string[]][]) for (const v of values) out[k][v] = (out[k][v] ?? 0) + 1;
  return out;
}
