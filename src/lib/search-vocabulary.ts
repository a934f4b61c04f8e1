/**
 * Spelling suggestions for search, from the catalogue's own words. At build time the words of
 * every trial's conditions, interventions (with their other names), MSC products and title are
 * counted (in how many trials each occurs) and written with the site (/search/vocabulary.json).
 * When a query finds nothing or little, the search page loads that file and replaces each word it
 * does not know by the closest word it does (Levenshtein distance, fastest-levenshtein), the more
 * common word first among equally close ones. Pure: no I/O here.
 */
import { distance } from 'fastest-levenshtein';
import { PRODUCT } from '../domain/vocabulary.ts';
import { SYNONYMS } from '../domain/synonyms.ts';

/** [word, number of trials it occurs in], most common first. */
export type Vocabulary = [string, number][];

export interface VocabularySource {
  title: string;
  conditions: readonly string[];
  interventions: readonly { name: string; otherNames: readonly string[] }[];
  therapy: { products: readonly string[] };
}

/** Shorter words are left as typed: too many words lie one edit from "cord" or "knee". */
export const MIN_WORD = 4;

/** The words of a text as the vocabulary counts them: lower case, accents removed, letters and digits, at least MIN_WORD long, not a number. */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (w) => w.length >= MIN_WORD && !/^\d+$/u.test(w),
  );
}

export function buildVocabulary(trials: readonly VocabularySource[]): Vocabulary {
  const counts = new Map<string, number>();
  for (const t of trials) {
    const products = t.therapy.products.flatMap((p) => [PRODUCT[p as keyof typeof PRODUCT]?.label ?? '', ...(SYNONYMS.products[p as keyof typeof PRODUCT] ?? [])]);
    const texts = [t.title, ...t.conditions, ...t.interventions.flatMap((i) => [i.name, ...i.otherNames]), ...products];
    for (const w of new Set(texts.flatMap(vocabularyWords))) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** How many edits a word of this length may be from its suggestion. */
export const maxEdits = (length: number) => (length <= 5 ? 1 : length <= 9 ? 2 : 3);

/** A word in at most this many trials may itself be a misspelling ("Osteoartritis" is in one title). */
export const RARE = 2;
/** …and is corrected only to a word in at least this many times as many trials. */
export const RARE_FACTOR = 10;

/**
 * The known words closest to `word`, closest first, then most common; [] when nothing is close or
 * the word is known. A rare known word is corrected to a close word in far more trials.
 */
export function closestWords(word: string, vocabulary: Vocabulary, limit = 3): { word: string; distance: number; trials: number }[] {
  const w = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (w.length < MIN_WORD || /^\d+$/u.test(w)) return [];
  const known = vocabulary.find(([v]) => v === w)?.[1] ?? 0;
  if (known > RARE) return [];
  const max = maxEdits(w.length);
  const out: { word: string; distance: number; trials: number }[] = [];
  for (const [v, trials] of vocabulary) {
    if (v === w || Math.abs(v.length - w.length) > max || (known > 0 && trials < known * RARE_FACTOR)) continue;
    const d = distance(w, v);
    if (d <= max) out.push({ word: v, distance: d, trials });
  }
  // a word as rare as a misspelling is offered only when nothing commoner is close
  const common = out.filter((c) => c.trials > RARE);
  return (common.length ? common : out).sort((a, b) => a.distance - b.distance || b.trials - a.trials || (a.word < b.word ? -1 : 1)).slice(0, limit);
}

/**
 * Corrected queries, best first (at most `limit`): each unknown word replaced by a close known
 * word, the rest of the query as typed. [] when every word is known or nothing is close.
 */
export function suggestQueries(query: string, vocabulary: Vocabulary, limit = 3): string[] {
  const tokens = query.trim().split(/\s+/u).filter(Boolean);
  const options = tokens.map((t) => {
    const core = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    // a token of several words ("Wharton's", "UC-MSC") is left as typed
    const close = /^[\p{L}\p{N}]+$/u.test(core) ? closestWords(core, vocabulary, limit) : [];
    return close.length ? close.map((c) => c.word) : [t];
  });
  if (options.every((o, i) => o.length === 1 && o[0] === tokens[i])) return [];
  const out: string[] = [];
  // the best replacement of every word, then the next-best of each word in turn
  out.push(options.map((o) => o[0]!).join(' '));
  for (let i = 0; i < options.length && out.length < limit; i++) {
    for (const alt of options[i]!.slice(1)) {
      if (out.length >= limit) break;
      out.push(options.map((o, j) => (j === i ? alt : o[0]!)).join(' '));
    }
  }
  return [...new Set(out)];
}
