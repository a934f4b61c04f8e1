/**
 * The trial picker's index, /compare/picker.json: every public trial with what its picker row
 * shows, its condition categories (src/domain/conditions.ts) and its other registry ids; and the
 * categories with their counts, which the page's category menu lists. Built once per build; the
 * browser filters it with `pickerMatches` and resolves shared ids with `lookupOf`
 * (src/lib/compare-selection.ts).
 */
import { CATEGORY_LABELS, CATEGORY_SLUGS, UNCLASSIFIED, categorySlugsOf } from '../domain/conditions.ts';
import type { Trial } from '../schemas/trial.ts';
import type { PickerCategory, PickerIndex, PickerTrial } from './compare-selection.ts';
import { phasesLabel, statusLabel } from './format.ts';
import { idSlug } from './site.ts';

/** Most recently started first (no start date last), then by id: the order of the ready-made pages too. */
const newestFirst = (a: PickerTrial, b: PickerTrial) => (b.start ?? '').localeCompare(a.start ?? '') || a.id.localeCompare(b.id);

export function pickerIndex(trials: readonly Trial[]): PickerIndex {
  const rows = trials
    .map(
      (t): PickerTrial => ({
        id: t.id,
        title: t.title,
        status: statusLabel(t.status),
        phase: phasesLabel(t.phases),
        start: t.dates.start?.date ?? null,
        categories: categorySlugsOf(t),
        aliases: [...new Set(t.registryIds.filter((r) => r !== t.id).map(idSlug))],
      }),
    )
    .sort(newestFirst);
  return { categories: pickerCategories(rows), trials: rows };
}

/** The categories in the taxonomy's order, Unclassified last, each with its count; empty ones left out. */
export function pickerCategories(rows: readonly Pick<PickerTrial, 'categories'>[]): PickerCategory[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const c of new Set(r.categories)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...CATEGORY_SLUGS, UNCLASSIFIED.slug]
    .filter((slug) => counts.has(slug))
    .map((slug) => ({ slug, label: CATEGORY_LABELS[slug] ?? slug, count: counts.get(slug)! }));
}

