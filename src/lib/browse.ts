/**
 * The browse list's logic, one copy for the build (/trials/, /trials/page/N/) and the browser
 * (src/scripts/browse.ts): which rows a filter keeps and in which order, how many trials each
 * filter option would show, the state in the URL, the pages, and what an export holds.
 *
 * Browser-safe and light: it imports no values at all — not the vocabulary, the condition
 * taxonomy, the site settings or Node. The rows are made at build time (browse-rows.ts) and
 * published as /data/browse.json; the orders of statuses and phases come in as an argument
 * (the build's filter options list them in the vocabulary's order).
 */
import type { Trial } from '../schemas/trial.ts';

/** Trials per browse page, static and filtered alike. */
export const PAGE_SIZE = 50;

/** One trial as the browse list shows, filters and sorts it (an element of /data/browse.json). */
export interface BrowseRow {
  id: string;
  url: string;
  title: string;
  status: NonNullable<Trial['status']> | null;
  statusLabel: string;
  phases: string[];
  phaseLabel: string;
  products: string[];
  productLabel: string;
  sources: string[];
  sourceLabel: string;
  conditions: string[];
  /** condition groups (src/domain/conditions.ts), slugs */
  conditionGroups: string[];
  /** condition categories (src/domain/conditions.ts), or ["unclassified"] */
  categories: string[];
  /** the English short names of the countries of the trial's sites (src/domain/countries.ts) */
  countries: string[];
  /** the screening verdict; OTHER never reaches the catalogue */
  scope: Exclude<Trial['scope']['value'], 'OTHER'>;
  enrollment: number | null;
  start: string | null;
  updated: string | null;
}

/** The filters, in the order the form shows them; `none` names the option of trials that state no value. */
export const FILTERS = [
  { key: 'status', label: 'Status', none: 'Status not stated' },
  { key: 'phase', label: 'Phase', none: 'Phase not stated' },
  { key: 'product', label: 'Product', none: 'No MSC product identified' },
  { key: 'source', label: 'Cell source', none: 'Cell source not stated' },
  { key: 'category', label: 'Condition category', none: 'No category' },
  { key: 'condition', label: 'Condition group', none: 'In no condition group' },
  { key: 'country', label: 'Country of a site', none: 'No site listed' },
  { key: 'scope', label: 'Scope', none: 'Scope not stated' },
] as const;

export type FilterKey = (typeof FILTERS)[number]['key'];
export const FILTER_KEYS: readonly FilterKey[] = FILTERS.map((f) => f.key);
export type Filters = Partial<Record<FilterKey, string>>;

/** The option value of "states no value" (trials with no site, no stated phase…). */
export const NONE = 'none';

/** The values a row has for a filter (empty when the record states none). */
export function rowValues(row: BrowseRow, key: FilterKey): readonly string[] {
  switch (key) {
    case 'status':
      return row.status ? [row.status] : [];
    case 'phase':
      return row.phases;
    case 'product':
      return row.products;
    case 'source':
      return row.sources;
    case 'category':
      return row.categories;
    case 'condition':
      return row.conditionGroups;
    case 'country':
      return row.countries;
    case 'scope':
      return [row.scope];
  }
}

/** Whether a row passes one filter ("" or absent passes everything). */
export function passes(row: BrowseRow, key: FilterKey, value: string | undefined): boolean {
  if (!value) return true;
  const values = rowValues(row, key);
  return value === NONE ? values.length === 0 : values.includes(value);
}

export const matchesAll = (row: BrowseRow, filters: Filters) => FILTER_KEYS.every((k) => passes(row, k, filters[k]));

/**
 * How many trials each option of each filter would show, the other filters kept as they are
 * (the usual faceted count: an option's count is what choosing it would list). A trial counts
 * once under each of its values — a trial with sites in three countries counts under each — and
 * under NONE when it states no value.
 */
export function facetCounts(rows: readonly BrowseRow[], filters: Filters): Record<FilterKey, Map<string, number>> {
  const counts = Object.fromEntries(FILTER_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FilterKey, Map<string, number>>;
  for (const row of rows) {
    const failing = FILTER_KEYS.filter((k) => !passes(row, k, filters[k]));
    if (failing.length > 1) continue;
    for (const key of failing.length ? failing : FILTER_KEYS) {
      const map = counts[key];
      const values = rowValues(row, key);
      for (const v of values.length ? new Set(values) : [NONE]) map.set(v, (map.get(v) ?? 0) + 1);
    }
  }
  return counts;
}

/** Sort keys; a leading "-" reverses. Not stated sorts last either way. */
export const SORT_KEYS = {
  id: 'Registry id',
  title: 'Title',
  status: 'Status',
  phase: 'Phase',
  product: 'Product',
  source: 'Cell source',
  condition: 'Condition',
  enrollment: 'Enrollment',
  start: 'Start',
  updated: 'Last update',
} as const;
export type SortKey = keyof typeof SORT_KEYS;
export const DEFAULT_SORT = 'id';
/** Columns whose first click sorts the largest or newest first. */
export const DESCENDING_FIRST: ReadonlySet<string> = new Set(['enrollment', 'start', 'updated']);

const isSortKey = (k: string): k is SortKey => Object.hasOwn(SORT_KEYS, k);
export const isSort = (value: string) => isSortKey(value.replace(/^-/u, ''));

/** The words of a sort, as the sort menu and the count line say it. */
export function sortLabel(sort: string): string {
  const desc = sort.startsWith('-');
  const key = sort.replace(/^-/u, '');
  if (!isSortKey(key)) return sortLabel(DEFAULT_SORT);
  if (key === 'title') return desc ? 'Title Z–A' : 'Title A–Z';
  if (key === 'start' || key === 'updated') return `${SORT_KEYS[key]}, ${desc ? 'newest' : 'oldest'} first`;
  if (key === 'enrollment') return `Enrollment, ${desc ? 'largest' : 'smallest'} first`;
  return desc ? `${SORT_KEYS[key]}, reversed` : SORT_KEYS[key];
}

/** The sorts the menu offers before any column is clicked. */
export const SORT_MENU = ['id', 'title', '-start', 'start', '-enrollment', 'enrollment', '-updated', 'status', 'phase'] as const;

/** The orders that sort statuses and phases: the vocabulary's (Object.keys(STATUS), Object.keys(PHASE)). */
export interface SortOrders {
  status: readonly string[];
  phase: readonly string[];
}

function sortValue(row: BrowseRow, key: SortKey, orders: SortOrders): string | number | null {
  switch (key) {
    case 'title':
      return row.title.toLowerCase();
    case 'status':
      return row.status ? orders.status.indexOf(row.status) : null;
    case 'phase':
      return row.phases.length ? Math.max(...row.phases.map((p) => orders.phase.indexOf(p))) : null;
    case 'product':
      return row.products.length ? row.productLabel.toLowerCase() : null;
    case 'source':
      return row.sources.length ? row.sourceLabel.toLowerCase() : null;
    case 'condition':
      return row.conditions[0]?.toLowerCase() ?? null;
    case 'enrollment':
      return row.enrollment;
    case 'start':
      return row.start;
    case 'updated':
      return row.updated;
    case 'id':
      return row.id;
  }
}

/** The rows in the order of a sort; ties and the registry-id sort go by id. */
export function sortRows(rows: readonly BrowseRow[], sort: string, orders: SortOrders): BrowseRow[] {
  const desc = sort.startsWith('-');
  const raw = sort.replace(/^-/u, '');
  const key: SortKey = isSortKey(raw) ? raw : 'id';
  const keyed = rows.map((row) => ({ row, v: sortValue(row, key, orders) }));
  keyed.sort((a, b) => {
    if (a.v === b.v) return a.row.id.localeCompare(b.row.id, 'en');
    if (a.v === null) return 1;
    if (b.v === null) return -1;
    const c = typeof a.v === 'string' && typeof b.v === 'string' ? a.v.localeCompare(b.v, 'en') : a.v < b.v ? -1 : 1;
    return desc ? -c : c;
  });
  return keyed.map((k) => k.row);
}

/** What the list shows: its filters, its sort and its page. */
export interface BrowseState {
  filters: Filters;
  sort: string;
  page: number;
}

/**
 * The state of a browse URL: filters and sort from the query, the page from `?page=` or from the
 * static path /trials/page/N/. Unknown parameters and sorts are ignored; `known` (the options the
 * form offers) drops filter values nothing could match.
 */
export function parseState(search: string, pathname = '/trials/', known?: Partial<Record<FilterKey, ReadonlySet<string>>>): BrowseState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && (!known?.[key] || known[key].has(value))) filters[key] = value;
  }
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const pathPage = /\/page\/(\d+)\/?$/u.exec(pathname)?.[1];
  const page = Math.max(1, Math.floor(Number(params.get('page') ?? pathPage ?? 1)) || 1);
  return { filters, sort: isSort(sort) ? sort : DEFAULT_SORT, page };
}

export const activeFilters = (state: BrowseState) => FILTER_KEYS.filter((k) => !!state.filters[k]);

/** The state is what the static pages show: no filter, sorted by registry id. */
export const isPlain = (state: BrowseState) => activeFilters(state).length === 0 && state.sort === DEFAULT_SORT;

/**
 * The address of a state. The plain list keeps its static pages (/trials/page/3/), which work
 * without JavaScript; a filtered or re-sorted list is /trials/?…&page=N, which the script restores.
 */
export function stateHref(state: BrowseState): string {
  if (isPlain(state)) return state.page > 1 ? `/trials/page/${state.page}/` : '/trials/';
  const params = new URLSearchParams();
  for (const key of activeFilters(state)) params.set(key, state.filters[key]!);
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return `/trials/?${params}`;
}

/** One page of the filtered, sorted list, and every row that matched (what an export holds). */
export interface BrowseView {
  matched: BrowseRow[];
  rows: BrowseRow[];
  page: number;
  pages: number;
  /** 1-based position of the first and last row shown (0 and 0 when none) */
  from: number;
  to: number;
}

export function browseView(all: readonly BrowseRow[], state: BrowseState, orders: SortOrders): BrowseView {
  const matched = sortRows(
    all.filter((r) => matchesAll(r, state.filters)),
    state.sort,
    orders,
  );
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, state.page), pages);
  const rows = matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const from = rows.length ? (page - 1) * PAGE_SIZE + 1 : 0;
  return { matched, rows, page, pages, from, to: rows.length ? from + rows.length - 1 : 0 };
}

/** The count line: how many are shown, of how many, out of the catalogue, in which order. */
export function countText(total: number, from: number, to: number, catalogue: number, sort: string): string {
  if (total === 0) return 'No trials match these filters.';
  const n = (x: number) => x.toLocaleString('en');
  const of = total < catalogue ? ` (filtered from ${n(catalogue)})` : '';
  return `Showing ${n(from)}–${n(to)} of ${n(total)} trial${total === 1 ? '' : 's'}${of}, sorted by ${sortLabel(sort).toLowerCase()}.`;
}

/** Page links: the first, the last, and two either side of the current one; null marks a gap. */
export function pageItems(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n += 1) {
    if (n !== 1 && n !== pages && Math.abs(n - page) > 2) continue;
    if (out.length && n - (out.at(-1) as number) > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * The full public records of the rows an export holds, in the list's order: the same records as
 * /trials.json (and so the same CSV as /trials.csv), restricted to what the filter shows.
 */
export function exportRecords<T extends { id: string }>(records: readonly T[], rows: readonly Pick<BrowseRow, 'id'>[]): T[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  return rows.map((r) => {
    const record = byId.get(r.id);
    if (!record) throw new Error(`${r.id} is in the browse list but not in /trials.json`);
    return record;
  });
}

/** The JSON of an export: the form of /trials.json. */
export const recordsJson = (records: readonly unknown[]) => `${JSON.stringify(records, null, 2)}\n`;

/** A file name that says what an export holds: msc-trials-country-china-scope-msc.csv. */
export function exportName(state: BrowseState, extension: 'csv' | 'json'): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/gu, '')
      .replace(/[^a-z0-9]+/gu, '-')
      .replace(/^-+|-+$/gu, '');
  const parts = activeFilters(state).map((k) => `${k}-${slug(state.filters[k]!)}`);
  return `${['msc-trials', ...parts].join('-')}.${extension}`;
}
