/**
 * Snippets of a search result, cut from the trial's own text only. The indexed content of a trial
 * (src/lib/search-index.ts) is its title, then the rest of its own text, then `HINTS_MARK` and the
 * words it is found by (ids, sponsor, synonyms…). A snippet is the densest window of matched words
 * after the title and before the mark; with no match there (the title or a synonym matched), the
 * opening words after the title, unmarked. Pure: the search page calls it with Pagefind's result
 * data (`content`, `weighted_locations`).
 */
import { escapeHtml } from './html.ts';
import { HINTS_MARK } from '../domain/synonyms.ts';

export interface WeightedLocation {
  location: number;
  weight: number;
  balanced_score?: number;
}

/** The words of Pagefind's content, split as Pagefind splits them for its own excerpts. */
const wordsOf = (content: string) => content.split(/[\r\n\s]+/gu);

/**
 * A snippet of `length` words as HTML, matched words in <mark>, everything else escaped. `title`
 * is the result's title: its words open the content and are skipped (the card shows the title).
 */
export function ownTextSnippet(content: string, locations: readonly WeightedLocation[], title: string, length = 24): string {
  const words = wordsOf(content);
  const mark = words.indexOf(HINTS_MARK);
  const end = mark < 0 ? words.length : mark;
  const titleWords = wordsOf(title.trim()).length;
  const start = titleWords < end ? titleWords : 0;
  const inside = locations.filter((l) => l.location >= start && l.location < end);
  let from = start;
  if (inside.length) {
    // the window of `length` words holding the most weight; ties go to the earliest
    const score = new Map<number, number>();
    for (const l of inside) score.set(l.location, (score.get(l.location) ?? 0) + (l.balanced_score ?? l.weight));
    let best = -1;
    for (const l of inside) {
      const at = Math.max(start, Math.min(l.location - 2, end - length));
      let sum = 0;
      for (const [pos, s] of score) if (pos >= at && pos < at + length) sum += s;
      if (sum > best || (sum === best && at < from)) {
        best = sum;
        from = at;
      }
    }
  }
  const to = Math.min(end, from + length);
  const marked = new Set(inside.map((l) => l.location));
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const word = words[i] ?? '';
    if (!marked.has(i)) {
      out.push(escapeHtml(word));
      continue;
    }
    // the word is marked, the punctuation around it is not ("<mark>Osteoarthritis</mark>;")
    const [, lead = '', core = '', tail = ''] = /^(\P{L}*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
    out.push(core ? `${escapeHtml(lead)}<mark>${escapeHtml(core)}</mark>${escapeHtml(tail)}` : escapeHtml(word));
  }
  if (out.length === 0) return '';
  return `${from > start ? '… ' : ''}${out.join(' ')}${to < end ? ' …' : ''}`;
}
