/**
 * The comparison selection as data, without the browser: reading the ids of a shared `?ids=`
 * link (any case, "/" written as "-" as the site's URLs do, other registry ids), deciding whether
 * such a link may take the place of the reader's saved selection or must ask first, and the
 * trial picker's rows (/compare/picker.json, built by `pickerIndex` in compare-picker.ts) with its
 * category filter. src/scripts/compare.ts drives these. It imports nothing heavy: the "Add to
 * compare" buttons of every page share MAX_COMPARE with it.
 */
import { idSlug } from './site.ts';

/** The most trials one comparison holds (the grid stays readable, the URL short). */
export const MAX_COMPARE = 12;

/**
 * The ids a `?ids=` value lists, as written, in order, without blanks and repeats (compared
 * without case), at most `max`. Commas or white space separate them. null when there is no
 * `ids` parameter, or it lists nothing: such a link has no selection to offer.
 */
export function idsOfParam(value: string | null, max = MAX_COMPARE): string[] | null {
  if (value === null) return null;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of value.split(/[\s,]+/u)) {
    const id = raw.trim();
    if (!id || seen.has(lookupKey(id))) continue;
    seen.add(lookupKey(id));
    out.push(id);
  }
  return out.length ? out.slice(0, max) : null;
}

/** The key an id is looked up by: its URL form ("/" as "-"), lower case. `nct04447833` and `NCT04447833` meet here. */
export const lookupKey = (id: string) => idSlug(id.trim()).toLowerCase();

/** An id already in the form the catalogue's files are named by: its JSON can be fetched without the index. */
export const isCanonicalNct = (id: string) => /^NCT\d{8}$/u.test(id);

export interface Resolved {
  /** the catalogue ids, in the order the link lists them, each once */
  ids: string[];
  /** what the link lists that is no catalogue trial, as written */
  missing: string[];
}

/**
 * The catalogue ids a list of written ids stands for, through a lookup from `lookupKey` to the
 * trial's id (its own id and its other registry ids, each in URL form). Two ways of writing one
 * trial count once.
 */
export function resolveIds(written: readonly string[], lookup: ReadonlyMap<string, string>): Resolved {
  const ids: string[] = [];
  const missing: string[] = [];
  for (const w of written) {
    const id = lookup.get(lookupKey(w));
    if (!id) missing.push(w);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, missing };
}

/**
 * What a shared link's selection does to the saved one:
 * - `adopt`: nothing is saved (or the link is the saved selection in another order of writing) — take the link's;
 * - `same`: the link is exactly the saved selection;
 * - `ask`: the reader has saved other trials — show the link's grid and ask before replacing them.
 */
export function linkChoice(linkIds: readonly string[], savedIds: readonly string[]): 'adopt' | 'same' | 'ask' {
  if (savedIds.length === 0) return 'adopt';
  if (linkIds.length === savedIds.length && linkIds.every((id, i) => id === savedIds[i])) return 'same';
  return 'ask';
}

/** The saved selection followed by the link's trials it does not hold yet, at most `max`. */
export function mergeSelections(saved: readonly string[], link: readonly string[], max = MAX_COMPARE): string[] {
  return [...new Set([...saved, ...link])].slice(0, max);
}

/** One trial in the picker: what its row shows and what its filters read. */
export interface PickerTrial {
  id: string;
  title: string;
  status: string;
  phase: string;
  /** start date as the record states it (YYYY, YYYY-MM or YYYY-MM-DD), or null */
  start: string | null;
  /** condition category slugs (src/domain/conditions.ts), `unclassified` when none */
  categories: string[];
  /** the trial's other registry ids, in URL form: a link may name the trial by any of them */
  aliases: string[];
}

export interface PickerCategory {
  slug: string;
  label: string;
  /** trials of the catalogue in this category */
  count: number;
}

/** /compare/picker.json: every public trial (most recently started first) and the categories with their counts. */
export interface PickerIndex {
  categories: PickerCategory[];
  trials: PickerTrial[];
}

/** The lookup `resolveIds` reads: every trial's id and other registry ids, by `lookupKey`. A trial's own id wins over another's alias. */
export function lookupOf(index: Pick<PickerIndex, 'trials'>): Map<string, string> {
  const map = new Map<string, string>();
  for (const t of index.trials) map.set(lookupKey(t.id), t.id);
  for (const t of index.trials) for (const a of t.aliases) if (!map.has(lookupKey(a))) map.set(lookupKey(a), t.id);
  return map;
}

/**
 * The picker's rows for a category ('' for every category) and words (each must occur in the id,
 * another registry id or the title, case ignored), in the index's order.
 */
export function pickerMatches(index: Pick<PickerIndex, 'trials'>, category: string, words: string): PickerTrial[] {
  const terms = words.toLowerCase().split(/\s+/u).filter(Boolean);
  return index.trials.filter(
    (t) =>
      (!category || t.categories.includes(category)) &&
      terms.every((w) => t.id.toLowerCase().includes(w) || t.title.toLowerCase().includes(w) || t.aliases.some((a) => a.toLowerCase().includes(w))),
  );
}
