/**
 * The overview's view model: every count the home page shows, computed from the catalogue and
 * saying what it counts. Pure functions over trials; the components under components/overview/
 * only draw what these return.
 *
 * Each distribution has a "Not stated" entry for the trials whose records do not state the
 * field, so a chart never hides how many it leaves out; `trials` is the number of trials a chart
 * is about and `sum` the sum of its bars (larger than `trials` where one trial can count under
 * several values, e.g. two phases, which `multi` says).
 */
import { CATEGORY_SLUGS, CONDITION_CATEGORIES, UNCLASSIFIED, categoryEvidenceOf, categorySlugsOf, type CategorySlug } from '../domain/conditions.ts';
import { countryNumeric } from '../domain/countries.ts';
import { CELL_SOURCE, DONOR, PHASE, ROUTE, STATUS, labelOf, type Vocabulary } from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';

export const NOT_STATED_KEY = 'NOT_STATED';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** a list of exactly these trials (browse or search filtered), when the site has one */
  href: string | null;
  notStated: boolean;
}

export interface Distribution {
  id: string;
  title: string;
  /** what is counted, of which trials: shown under the title */
  counts: string;
  bars: Bar[];
  /** the trials the chart is about */
  trials: number;
  /** the sum of the bars */
  sum: number;
  /** whether one trial can count under several values */
  multi: boolean;
  note: string | null;
}

const fmt = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

interface DistributionSpec<V extends string> {
  id: string;
  title: string;
  counts: string;
  values: (t: Trial) => readonly V[];
  order: readonly V[];
  label: (v: V) => string;
  href?: (v: V) => string | null;
  notStatedLabel?: string;
  notStatedHref?: string | null;
  multi: boolean;
  note?: (bars: Bar[]) => string | null;
  /** keep vocabulary order (true) or sort by count, largest first */
  keepOrder?: boolean;
}

/** Counts of one field over the trials, with its Not stated bar (always present, also when 0). */
export function distribution<V extends string>(trials: readonly Trial[], spec: DistributionSpec<V>): Distribution {
  const counts = new Map<V, number>();
  let notStated = 0;
  for (const t of trials) {
    const values = [...new Set(spec.values(t))];
    if (values.length === 0) notStated += 1;
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let bars: Bar[] = spec.order
    .filter((v) => (counts.get(v) ?? 0) > 0)
    .map((v) => ({ key: v, label: spec.label(v), value: counts.get(v)!, href: spec.href?.(v) ?? null, notStated: false }));
  if (!spec.keepOrder) bars = bars.sort((a, b) => b.value - a.value);
  bars.push({ key: NOT_STATED_KEY, label: spec.notStatedLabel ?? 'Not stated', value: notStated, href: spec.notStatedHref ?? null, notStated: true });
  const sum = bars.reduce((s, b) => s + b.value, 0);
  return { id: spec.id, title: spec.title, counts: spec.counts, bars, trials: trials.length, sum, multi: spec.multi, note: spec.note?.(bars) ?? null };
}

const keys = <V extends string>(vocab: Vocabulary<V>) => Object.keys(vocab) as V[];
const browse = (key: string, value: string) => `/trials/?${key}=${encodeURIComponent(value)}`;
const search = (key: string, value: string) => `/search/?${key}=${encodeURIComponent(value)}`;

export function statusChart(trials: readonly Trial[]): Distribution {
  return distribution(trials, {
    id: 'by-status',
    title: 'Trials by status',
    counts: `Each of the ${fmt(trials.length)} trials once, by the overall status of its most recently updated record.`,
    values: (t) => (t.status ? [t.status] : []),
    order: keys(STATUS),
    label: (v) => labelOf(STATUS, v),
    href: (v) => browse('status', v),
    notStatedHref: search('status', NOT_STATED_KEY),
    multi: false,
  });
}

export function phaseChart(trials: readonly Trial[]): Distribution {
  return distribution(trials, {
    id: 'by-phase',
    title: 'Trials by phase',
    counts: `The ${fmt(trials.length)} trials by the phases their records state; “Not applicable” is the registry’s value for studies without phases.`,
    values: (t) => t.phases,
    order: keys(PHASE),
    label: (v) => labelOf(PHASE, v),
    href: (v) => browse('phase', v),
    notStatedHref: search('phase', NOT_STATED_KEY),
    multi: true,
    keepOrder: true,
    note: () => {
      const spanning = trials.filter((t) => t.phases.length > 1).length;
      return spanning ? `${plural(spanning, 'trial')} spanning two phases (for example phase 1/2) count in both.` : null;
    },
  });
}

export function cellSourceChart(trials: readonly Trial[]): Distribution {
  return distribution(trials, {
    id: 'by-source',
    title: 'Trials by cell source',
    counts: `The ${fmt(trials.length)} trials by the tissue their MSCs (or the cells behind a secretome or vesicles) come from, as the records state it.`,
    values: (t) => t.therapy.cellSources,
    order: keys(CELL_SOURCE),
    label: (v) => labelOf(CELL_SOURCE, v),
    href: (v) => browse('source', v),
    multi: true,
    note: () => {
      const several = trials.filter((t) => t.therapy.cellSources.length > 1).length;
      return several ? `${plural(several, 'trial')} with cells from more than one source count under each.` : null;
    },
  });
}

/** Donor as one class per trial: allogeneic, autologous, both (arms of each), or not stated. */
export function donorChart(trials: readonly Trial[]): Distribution {
  type DonorClass = 'ALLOGENEIC' | 'AUTOLOGOUS' | 'BOTH';
  const classOf = (t: Trial): DonorClass[] => {
    const d = t.therapy.donor;
    if (d.length > 1) return ['BOTH'];
    return d as DonorClass[];
  };
  return distribution<DonorClass>(trials, {
    id: 'by-donor',
    title: 'Trials by donor',
    counts: `Each of the ${fmt(trials.length)} trials once: cells from another person (allogeneic), from the participants themselves (autologous), or both in different arms.`,
    values: classOf,
    order: ['ALLOGENEIC', 'AUTOLOGOUS', 'BOTH'],
    label: (v) => (v === 'BOTH' ? 'Both, in different arms' : labelOf(DONOR, v)),
    href: (v) => (v === 'BOTH' ? null : search('donor', v)),
    multi: false,
    keepOrder: true,
  });
}

export function routeChart(trials: readonly Trial[]): Distribution {
  return distribution(trials, {
    id: 'by-route',
    title: 'Trials by route of administration',
    counts: `The ${fmt(trials.length)} trials by how the product is given, as the records state it.`,
    values: (t) => t.therapy.routes,
    order: keys(ROUTE),
    label: (v) => labelOf(ROUTE, v),
    href: (v) => search('route', v),
    multi: true,
    note: () => {
      const several = trials.filter((t) => t.therapy.routes.length > 1).length;
      return several ? `${plural(several, 'trial')} using more than one route count under each.` : null;
    },
  });
}

export function resultsChart(trials: readonly Trial[]): Distribution {
  type Posted = 'YES' | 'NO';
  return distribution<Posted>(trials, {
    id: 'by-results',
    title: 'Results posted at the registry',
    counts: `Each of the ${fmt(trials.length)} trials once: whether the registry record we hold says results are posted.`,
    values: (t) => (t.hasResults === true ? ['YES'] : t.hasResults === false ? ['NO'] : []),
    order: ['YES', 'NO'],
    label: (v) => (v === 'YES' ? 'Results posted' : 'No results posted'),
    href: (v) => search('results', v),
    notStatedLabel: 'Not stated in the records we hold',
    notStatedHref: search('results', NOT_STATED_KEY),
    multi: false,
    keepOrder: true,
  });
}

/** How the categories add up: trials by how many categories they are in. */
export interface CategoryMembership {
  /** trials in exactly `categories` categories (0 = Unclassified) */
  byCount: { categories: number; trials: number }[];
  /** category memberships: the sum of the category bars, Unclassified left out */
  memberships: number;
  classified: number;
  unclassified: number;
  /** trials placed by their title or keywords, because their conditions name no disease the taxonomy knows */
  fromTitle: number;
}

export function categoryMembership(trials: readonly Trial[]): CategoryMembership {
  const byCount = new Map<number, number>();
  let fromTitle = 0;
  for (const t of trials) {
    const evidence = categoryEvidenceOf(t);
    byCount.set(evidence.length, (byCount.get(evidence.length) ?? 0) + 1);
    if (evidence.length && evidence.every((e) => e.field === 'title' || e.field === 'officialTitle' || e.field === 'keywords')) fromTitle += 1;
  }
  const rows = [...byCount].map(([categories, n]) => ({ categories, trials: n })).sort((a, b) => a.categories - b.categories);
  const unclassified = byCount.get(0) ?? 0;
  return {
    byCount: rows,
    memberships: rows.reduce((s, r) => s + r.categories * r.trials, 0),
    classified: trials.length - unclassified,
    unclassified,
    fromTitle,
  };
}

export function categoryChart(trials: readonly Trial[]): Distribution & { membership: CategoryMembership } {
  const membership = categoryMembership(trials);
  const d = distribution<CategorySlug>(trials, {
    id: 'by-category',
    title: 'Trials by condition category',
    counts: `The ${fmt(trials.length)} trials by the categories of their conditions; a trial counts once in each category it belongs to.`,
    values: (t) => categorySlugsOf(t).filter((s): s is CategorySlug => s !== UNCLASSIFIED.slug),
    order: CATEGORY_SLUGS,
    label: (v) => CONDITION_CATEGORIES.find((c) => c.slug === v)!.label,
    href: (v) => browse('category', v),
    notStatedLabel: UNCLASSIFIED.label,
    notStatedHref: browse('category', UNCLASSIFIED.slug),
    multi: true,
  });
  const multiple = membership.byCount.filter((r) => r.categories > 1).reduce((s, r) => s + r.trials, 0);
  d.note = `${plural(membership.classified, 'trial')} fall in at least one category, ${fmt(multiple)} of them in more than one (a lupus nephritis trial counts in autoimmune and in kidney), so the bars add up to ${fmt(membership.memberships + membership.unclassified)}; ${fmt(membership.unclassified)} ${membership.unclassified === 1 ? 'is' : 'are'} unclassified.`;
  return { ...d, membership };
}

/** The product class a trial is drawn as in the per-year chart: one per trial. */
export const PRODUCT_CLASSES = [
  { key: 'CELLS', label: 'MSC cells' },
  { key: 'MINIMALLY_MANIPULATED', label: 'Minimally manipulated (BMAC, SVF)' },
  { key: 'SECRETOME', label: 'Secretome / conditioned medium' },
  { key: 'EXTRACELLULAR_VESICLES', label: 'Extracellular vesicles' },
  { key: NOT_STATED_KEY, label: 'No MSC product identified' },
] as const;
export type ProductClass = (typeof PRODUCT_CLASSES)[number]['key'];

/** Cells first: a trial testing cells and a cell-free product is drawn with the cells (the note counts them). */
export function productClassOf(t: Trial): ProductClass {
  const p = t.therapy.products;
  if (p.includes('CELLS')) return 'CELLS';
  if (p.includes('MINIMALLY_MANIPULATED')) return 'MINIMALLY_MANIPULATED';
  if (p.includes('SECRETOME')) return 'SECRETOME';
  if (p.includes('EXTRACELLULAR_VESICLES')) return 'EXTRACELLULAR_VESICLES';
  return NOT_STATED_KEY;
}

export interface YearColumn {
  /** the label under the column: a year, or "≤2001" for the first column when it gathers earlier years */
  label: string;
  year: number;
  /** whether this column also counts the years before it */
  andEarlier: boolean;
  byClass: Record<ProductClass, number>;
  total: number;
  /** of them, planned starts: given as estimated, or later than the record's last update */
  estimated: number;
}

/** A start that has not happened as of the record: stated as estimated, or after the newest record's as-of date. */
export function isPlannedStart(t: Trial): boolean {
  const start = t.dates.start;
  if (!start) return false;
  if (start.type === 'ESTIMATED') return true;
  const asOf = t.sources.map((s) => s.asOf ?? '').reduce((m, d) => (d > m ? d : m), '');
  return asOf !== '' && start.date.slice(0, 7) > asOf.slice(0, 7);
}

export interface StartsByYear {
  columns: YearColumn[];
  classes: typeof PRODUCT_CLASSES;
  /** trials with a start date (drawn) */
  dated: number;
  /** trials whose records state no start date (not drawn, counted) */
  undated: number;
  /** planned starts among the drawn ones (isPlannedStart) */
  estimated: number;
  /** per class, the trials of all years */
  classTotals: Record<ProductClass, number>;
  /** trials drawn as cells that also test a cell-free product or a minimally manipulated preparation */
  cellsAndOther: number;
  max: number;
}

/** Trials by the year they started (or plan to start), by product class; at most `maxColumns` years, earlier ones folded into the first. */
export function startsByYear(trials: readonly Trial[], maxColumns = 25): StartsByYear {
  const zero = () => Object.fromEntries(PRODUCT_CLASSES.map((c) => [c.key, 0])) as Record<ProductClass, number>;
  const dated = trials.filter((t) => t.dates.start);
  const years = dated.map((t) => Number(t.dates.start!.date.slice(0, 4)));
  const classTotals = zero();
  if (years.length === 0) {
    return { columns: [], classes: PRODUCT_CLASSES, dated: 0, undated: trials.length, estimated: 0, classTotals, cellsAndOther: 0, max: 0 };
  }
  const last = Math.max(...years);
  const first = Math.max(Math.min(...years), last - maxColumns + 1);
  const columns: YearColumn[] = [];
  for (let y = first; y <= last; y += 1) {
    const andEarlier = y === first && Math.min(...years) < first;
    columns.push({ label: andEarlier ? `≤${y}` : String(y), year: y, andEarlier, byClass: zero(), total: 0, estimated: 0 });
  }
  let estimated = 0;
  dated.forEach((t, i) => {
    const column = columns[Math.max(0, years[i]! - first)]!;
    const cls = productClassOf(t);
    column.byClass[cls] += 1;
    column.total += 1;
    classTotals[cls] += 1;
    if (isPlannedStart(t)) {
      column.estimated += 1;
      estimated += 1;
    }
  });
  const cellsAndOther = trials.filter((t) => productClassOf(t) === 'CELLS' && t.therapy.products.some((p) => p !== 'CELLS' && p !== 'COMBINATION')).length;
  return {
    columns,
    classes: PRODUCT_CLASSES,
    dated: dated.length,
    undated: trials.length - dated.length,
    estimated,
    classTotals,
    cellsAndOther,
    max: Math.max(...columns.map((c) => c.total)),
  };
}

export interface CountryCount {
  name: string;
  trials: number;
  /** ISO 3166-1 numeric code, as world maps key their shapes; null when the name is not a known country */
  numeric: string | null;
}

export interface Countries {
  countries: CountryCount[];
  /** trials that list at least one site with a country */
  withSite: number;
  /** trials that list no site (or no site's country) */
  withoutSite: number;
  /** trial–country pairs: the sum of the country counts */
  pairs: number;
  /** trials with sites in more than one country */
  multinational: number;
}

/** Trials per country (a trial counts once in each country it lists a site in), most trials first. */
export function countryCounts(trials: readonly Trial[]): Countries {
  const counts = new Map<string, number>();
  for (const t of trials) for (const c of new Set(t.countries)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const countries = [...counts]
    .map(([name, n]) => ({ name, trials: n, numeric: countryNumeric(name) }))
    .sort((a, b) => b.trials - a.trials || a.name.localeCompare(b.name));
  const withSite = trials.filter((t) => t.countries.length > 0).length;
  return {
    countries,
    withSite,
    withoutSite: trials.length - withSite,
    pairs: countries.reduce((s, c) => s + c.trials, 0),
    multinational: trials.filter((t) => new Set(t.countries).size > 1).length,
  };
}

export interface Headline {
  value: string;
  /** what the number counts, in words */
  label: string;
  href: string | null;
}

/** The overview's headline numbers, each with what it counts. */
export function headlines(trials: readonly Trial[], screenedOut: number): Headline[] {
  const where = countryCounts(trials);
  const categories = categoryMembership(trials);
  const active = trials.filter((t) => t.status === 'RECRUITING' || t.status === 'NOT_YET_RECRUITING' || t.status === 'ENROLLING_BY_INVITATION').length;
  const withResultsField = trials.filter((t) => t.hasResults !== null);
  const results = withResultsField.filter((t) => t.hasResults).length;
  const flagged = trials.filter((t) => t.flags.some((f) => f.severity === 'warning')).length;
  const used = new Set(trials.flatMap((t) => categorySlugsOf(t))).size - (categories.unclassified ? 1 : 0);
  return [
    {
      value: fmt(trials.length),
      label: `trials of MSC products in the catalogue${screenedOut ? ` (${plural(screenedOut, 'record')} screened out)` : ''}`,
      href: '/trials/',
    },
    { value: fmt(where.countries.length), label: `countries where the ${fmt(where.withSite)} trials that list a site run`, href: '#where' },
    { value: fmt(used), label: `condition categories of the ${fmt(categories.classified)} classified trials; ${fmt(categories.unclassified)} unclassified`, href: '#conditions' },
    { value: fmt(active), label: 'trials recruiting or about to start, by the status their records state', href: null },
    { value: fmt(results), label: `trials with results posted, of the ${fmt(withResultsField.length)} whose records say`, href: search('results', 'YES') },
    { value: fmt(flagged), label: `trials whose records have a point to check (a contradiction or gap)`, href: null },
  ];
}
