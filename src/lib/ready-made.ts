/**
 * Ready-made comparisons: one page per condition group and per MSC product listing every
 * matching trial, bounded so a page stays readable.
 */
import { conditionGroupsOf } from '../ingest/conditions.ts';
import { PRODUCT, labelOf } from '../ingest/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { publicTrials } from './trials.ts';

/** Beyond this many trials a ready-made page shows the first ones and offers the selection flow. */
export const READY_MADE_LIMIT = 12;

export interface ReadyMade {
  kind: 'condition' | 'product';
  slug: string;
  label: string;
  href: string;
  count: number;
  trials: Trial[];
}

export const productSlug = (p: string) => p.toLowerCase().replace(/_/gu, '-');

export async function comparisonPages(): Promise<{ conditions: ReadyMade[]; products: ReadyMade[] }> {
  const trials = await publicTrials();
  const byCondition = new Map<string, ReadyMade>();
  for (const t of trials) {
    for (const g of conditionGroupsOf(t)) {
      const page = byCondition.get(g.slug) ?? { kind: 'condition', slug: g.slug, label: g.label, href: `/compare/condition/${g.slug}/`, count: 0, trials: [] };
      page.trials.push(t);
      page.count += 1;
      byCondition.set(g.slug, page);
    }
  }
  const products: ReadyMade[] = (Object.keys(PRODUCT) as (keyof typeof PRODUCT)[])
    .map((p) => {
      const matching = trials.filter((t) => t.therapy.products.includes(p));
      return { kind: 'product' as const, slug: productSlug(p), label: labelOf(PRODUCT, p), href: `/compare/product/${productSlug(p)}/`, count: matching.length, trials: matching };
    })
    .filter((p) => p.count > 0);
  const conditions = [...byCondition.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { conditions, products };
}
