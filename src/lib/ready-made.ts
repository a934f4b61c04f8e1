/**
 * Ready-made comparisons: one page per condition group (src/domain/conditions.ts) and per MSC
 * product listing the matching trials, bounded so a page stays readable. A comparison needs at
 * least two trials: a group or product with one trial has no page (and no link to one).
 */
import { CONDITION_GROUPS, conditionGroupsOf, type ConditionGroup } from '../domain/conditions.ts';
import { PRODUCT, labelOf } from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';

/** Beyond this many trials a ready-made page shows the first ones and links the full list in browse. */
export const READY_MADE_LIMIT = 12;
/** The fewest trials a ready-made comparison compares. */
export const READY_MADE_MIN = 2;

export interface ReadyMade {
  kind: 'condition' | 'product';
  slug: string;
  label: string;
  href: string;
  /** every trial of the group or product, the most recently started first */
  count: number;
  trials: Trial[];
  /** the browse list filtered to exactly these trials, in the same order */
  browseHref: string;
}

export const productSlug = (p: string) => p.toLowerCase().replace(/_/gu, '-');

/**
 * Condition pages earlier builds published, whose groups were raw registry strings, and the
 * taxonomy group that took them in: they stay served as redirects (permalinks.txt, docs/quality.md).
 */
export const RETIRED_CONDITION_PAGES: Readonly<Record<string, string>> = {
  'knee-injury': 'knee-osteoarthritis',
  'cartilage-degeneration': 'cartilage-defects',
};

/** Most recently started first (trials without a start date last), then by id: the order the page and its browse link share. */
export const byStartNewestFirst = (a: Trial, b: Trial) =>
  (b.dates.start?.date ?? '').localeCompare(a.dates.start?.date ?? '') || a.id.localeCompare(b.id);

/** The ready-made pages of a catalogue, each group and product with at least READY_MADE_MIN trials. */
export function readyMadeOf(trials: readonly Trial[]): { conditions: ReadyMade[]; products: ReadyMade[] } {
  const byCondition = new Map<string, Trial[]>();
  for (const t of trials) for (const g of conditionGroupsOf(t)) byCondition.set(g.slug, [...(byCondition.get(g.slug) ?? []), t]);
  const page = (kind: ReadyMade['kind'], slug: string, label: string, matching: Trial[], browse: string): ReadyMade => ({
    kind,
    slug,
    label,
    href: `/compare/${kind}/${slug}/`,
    count: matching.length,
    trials: [...matching].sort(byStartNewestFirst),
    browseHref: `/trials/?${browse}&sort=-start`,
  });
  const conditions = CONDITION_GROUPS.filter((g) => (byCondition.get(g.slug)?.length ?? 0) >= READY_MADE_MIN)
    .map((g) => page('condition', g.slug, g.label, byCondition.get(g.slug)!, `condition=${g.slug}`))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const products = (Object.keys(PRODUCT) as (keyof typeof PRODUCT)[])
    .map((p) => page('product', productSlug(p), labelOf(PRODUCT, p), trials.filter((t) => t.therapy.products.includes(p)), `product=${p}`))
    .filter((p) => p.count >= READY_MADE_MIN);
  return { conditions, products };
}

let pagesCache: Promise<{ conditions: ReadyMade[]; products: ReadyMade[] }> | null = null;

/** The ready-made pages of the built catalogue (read once per build). */
export function comparisonPages(): Promise<{ conditions: ReadyMade[]; products: ReadyMade[] }> {
  // the collection is imported only here, so the pure part above runs in unit tests without Astro
  pagesCache ??= import('./trials.ts').then(({ publicTrials }) => publicTrials()).then(readyMadeOf);
  return pagesCache;
}

/** The condition groups of a trial that have a ready-made comparison page (for "compare with other trials in …" links). */
export async function comparableGroupsOf(trial: Trial): Promise<ConditionGroup[]> {
  const { conditions } = await comparisonPages();
  const withPage = new Set(conditions.map((c) => c.slug));
  return conditionGroupsOf(trial).filter((g) => withPage.has(g.slug));
}

/** The MSC products of a trial that have a ready-made comparison page. */
export async function comparableProductsOf(trial: Trial): Promise<ReadyMade[]> {
  const { products } = await comparisonPages();
  return products.filter((p) => trial.therapy.products.some((v) => productSlug(v) === p.slug));
}

/**
 * What a ready-made page says it shows: all of its trials, or the first READY_MADE_LIMIT of how
 * many — never "99 trials compared" over a grid of 12.
 */
export function readyMadeHeading(page: ReadyMade, limit = READY_MADE_LIMIT): { shown: number; total: number; partial: boolean; title: string; lead: string } {
  const shown = Math.min(limit, page.count);
  const partial = shown < page.count;
  const what = page.kind === 'condition' ? 'condition group' : 'MSC product';
  return {
    shown,
    total: page.count,
    partial,
    title: `${page.label}: ${partial ? `${shown} of ${page.count}` : `all ${page.count}`} trials compared`,
    lead: partial
      ? `The ${shown} most recently started of the ${page.count} trials of this ${what}, as their records state them.`
      : `Every trial of this ${what} in the catalogue, as their records state them.`,
  };
}
