/**
 * What an import asks the registry, as API v2 parameters: the search expression (Essie syntax,
 * `query.term`), NCT ids (`filter.ids`), the last-update date (`filter.advanced`), and the
 * split of one request into several when the expression or the id list would make the URL too
 * long. Pure functions; `api.ts` turns a pass into a URL.
 */

/**
 * The longest `query.term` we send, URL-encoded. ClinicalTrials.gov documents no limit; web
 * servers and proxies commonly refuse URLs above 8 KB, so an expression is kept to half of that,
 * leaving room for the other parameters and a page token. Longer OR lists are split (`termQueries`).
 */
export const MAX_TERM_LENGTH = 4000;

/** NCT ids per request: `filter.ids` of 100 ids stays near 1.3 KB of URL. */
export const IDS_PER_REQUEST = 100;

/** Essie's Boolean operators: a term spelled like one must be quoted to mean the word. */
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * One term as an Essie search term: a plain word stays as it is; anything else (several words,
 * hyphens, apostrophes, brackets, an operator's spelling) is quoted as a phrase, with the
 * backslash and the quotation mark escaped by a backslash, as the registry's syntax requires.
 */
export function essieTerm(term: string): string {
  const t = term.trim();
  if (t === '') throw new Error('an empty search term');
  if (/^[\p{L}\p{N}]+$/u.test(t) && !OPERATORS.has(t)) return t;
  return `"${t.replace(/[\\"]/gu, (c) => `\\${c}`)}"`;
}

/** Terms → one Essie OR expression: `mesenchymal OR MSC OR "conditioned medium"`. */
export function orExpression(terms: readonly string[]): string {
  if (terms.length === 0) throw new Error('no search terms');
  return terms.map(essieTerm).join(' OR ');
}

/**
 * Terms → as few OR expressions as keep each, URL-encoded, within `maxLength` characters, terms
 * in their order. A study matching any expression matches the whole OR, so running them all
 * and taking the union is the same search.
 */
export function termQueries(terms: readonly string[], maxLength = MAX_TERM_LENGTH): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const fits = (list: string[]) => encodeURIComponent(orExpression(list)).length <= maxLength;
  for (const term of terms) {
    if (!fits([term])) {
      throw new Error(`the search term ${JSON.stringify(term)} is longer than a request can carry (${maxLength} URL-encoded characters)`);
    }
    if (current.length > 0 && !fits([...current, term])) {
      out.push(orExpression(current));
      current = [];
    }
    current.push(term);
  }
  if (current.length > 0) out.push(orExpression(current));
  return out;
}

const NCT = /^NCT\d{8}$/u;

/**
 * `--ids` values → NCT ids, upper-cased, in the order given, without repeats. Values may be
 * separated by commas or white space. Throws naming the first value that is not an NCT number.
 */
export function parseIds(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    for (const part of value.split(/[\s,]+/u)) {
      if (part === '') continue;
      const id = part.toUpperCase();
      if (!NCT.test(id)) throw new Error(`--ids: ${JSON.stringify(part)} is not an NCT number (expected NCT followed by 8 digits)`);
      if (!out.includes(id)) out.push(id);
    }
  }
  if (out.length === 0) throw new Error('--ids: no NCT number given');
  return out;
}

/** A `--since` value: a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The `filter.advanced` expression for "last updated on or after": AREA[LastUpdatePostDate]RANGE[since,MAX]. */
export function sinceFilter(since: string): string {
  if (!isIsoDate(since)) throw new Error(`--since: ${JSON.stringify(since)} is not a date written YYYY-MM-DD`);
  return `AREA[LastUpdatePostDate]RANGE[${since},MAX]`;
}

/** What the curator asked for. */
export interface ImportRequest {
  /** an Essie expression given with --query, sent as it is */
  query: string | null;
  /** the terms of the default query, used when neither --query nor --ids is given */
  terms: readonly string[];
  /** NCT ids given with --ids */
  ids: readonly string[];
  /** YYYY-MM-DD given with --since */
  since: string | null;
}

/** One search the registry answers page by page: the parameters every page of it repeats. */
export interface Pass {
  term: string | null;
  ids: string[];
  advanced: string | null;
}

/**
 * The request → its passes: `--ids` in chunks of `IDS_PER_REQUEST` (with `--query` as well, the
 * registry returns the listed studies that match it); `--query` as one pass; otherwise the
 * default terms, split into as few OR expressions as the URL allows. `--since` applies to each.
 */
export function passesOf(request: ImportRequest, maxTermLength = MAX_TERM_LENGTH): Pass[] {
  const advanced = request.since === null ? null : sinceFilter(request.since);
  if (request.ids.length > 0) {
    const out: Pass[] = [];
    for (let i = 0; i < request.ids.length; i += IDS_PER_REQUEST) {
      out.push({ term: request.query, ids: request.ids.slice(i, i + IDS_PER_REQUEST), advanced });
    }
    return out;
  }
  if (request.query !== null) return [{ term: request.query, ids: [], advanced }];
  return termQueries(request.terms, maxTermLength).map((term) => ({ term, ids: [], advanced }));
}
