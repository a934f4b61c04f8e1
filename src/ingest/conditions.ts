/**
 * Condition lists a page copy ran together ("Osteoarthritis (OA) Knee Injury Cartilage
 * Degeneration": three chips printed as one line) are split on a vocabulary of known condition
 * terms (src/domain/condition-terms.json, derived from real registry data by
 * scripts/condition-terms.ts). A split is made only when it is certain: the line is not itself a
 * known term, exactly one way of cutting it into known terms uses the fewest pieces, and those
 * pieces are three or more (or two, the first closed by a bracket) — two known terms side by side
 * may be one condition the vocabulary lacks.
 * Otherwise the line is kept as written and the caller flags it.
 */
import data from '../domain/condition-terms.json' with { type: 'json' };

/** A word in a comparable form: lower case, no punctuation at its ends, a plural folded to its singular. */
function fold(word: string): string {
  const w = word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (/ies$/u.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/[^s]s$/u.test(w) && w.length > 3) return w.slice(0, -1);
  return w;
}

const phrase = (words: readonly string[]) => words.map(fold).filter(Boolean).join(' ');

/** Pieces of a split must be terms at least this many studies state: a term seen once may be a one-off spelling. */
const PIECE_MIN_STUDIES = 2;

let known: { all: Set<string>; common: Set<string> } | null = null;
function terms(): { all: Set<string>; common: Set<string> } {
  if (!known) {
    const entries = Object.entries((data as { terms: Record<string, number> }).terms);
    known = {
      all: new Set(entries.map(([t]) => phrase(t.split(/\s+/u)))),
      common: new Set(entries.filter(([, n]) => n >= PIECE_MIN_STUDIES).map(([t]) => phrase(t.split(/\s+/u)))),
    };
  }
  return known;
}

/** Whether a text is a known condition term (case, plurals and a trailing "(ABBR)" ignored). */
export function isKnownCondition(text: string, set: 'all' | 'common' = 'all'): boolean {
  const words = text.trim().split(/\s+/u);
  const known = terms()[set];
  if (known.has(phrase(words))) return true;
  // "Osteoarthritis (OA)": a term followed by its abbreviation in brackets
  const last = words[words.length - 1] ?? '';
  return words.length > 1 && /^\([^()]+\)$/u.test(last) && known.has(phrase(words.slice(0, -1)));
}

/** Words of a line, a bracketed group of several words kept as one piece ("(Knee OA)"). */
function pieces(text: string): string[] {
  const out: string[] = [];
  let open: string[] | null = null;
  for (const word of text.trim().split(/\s+/u)) {
    if (open) {
      open.push(word);
      if (word.includes(')')) {
        out.push(open.join(' '));
        open = null;
      }
    } else if (word.startsWith('(') && !word.includes(')')) open = [word];
    else out.push(word);
  }
  if (open) out.push(...open);
  return out;
}

/**
 * Cut a run-on line into known condition terms. Returns the pieces when exactly one cut with the
 * fewest pieces exists and every piece is a term at least PIECE_MIN_STUDIES studies state; null
 * when the line cannot be cut into such terms, or can be cut in more than one way.
 */
export function splitConditionRun(text: string): string[] | null {
  const line = text.trim();
  if (line === '') return null;
  if (isKnownCondition(line)) return [line];
  const words = pieces(line);
  if (words.length > 60) return null;
  const n = words.length;
  // best[i]: fewest pieces covering words[0..i), ways[i]: how many cuts reach that, from[i]: where the last piece starts
  const best: number[] = Array(n + 1).fill(Infinity);
  const ways: number[] = Array(n + 1).fill(0);
  const from: number[] = Array(n + 1).fill(-1);
  best[0] = 0;
  ways[0] = 1;
  for (let end = 1; end <= n; end += 1) {
    for (let start = Math.max(0, end - 12); start < end; start += 1) {
      if (best[start] === Infinity || !isKnownCondition(words.slice(start, end).join(' '), 'common')) continue;
      const pieces = best[start]! + 1;
      if (pieces < best[end]!) {
        best[end] = pieces;
        ways[end] = ways[start]!;
        from[end] = start;
      } else if (pieces === best[end]) ways[end] = ways[end]! + ways[start]!;
    }
  }
  if (best[n] === Infinity || best[n]! < 2 || ways[n] !== 1) return null;
  const out: string[] = [];
  for (let end = n; end > 0; end = from[end]!) out.unshift(words.slice(from[end]!, end).join(' '));
  // Two known terms may also be one condition the vocabulary lacks ("Crohn's Disease Perianal
  // Fistula"): two pieces are cut only where a bracket closes the first ("Osteoarthritis (OA) Knee
  // Injury"); three or more known terms in a row are not one name.
  if (out.length === 2 && !/\)$/u.test(out[0]!)) return null;
  return out;
}
