/**
 * The catalogue's search of the registry: the words that find trials of MSC products.
 *
 * `npm run import` without `--query` or `--ids` asks ClinicalTrials.gov for every study that
 * mentions any of these terms (an OR of them, in the registry's "Other terms" search, which reads
 * titles, conditions, interventions and their other names, keywords and summaries). The search
 * is deliberately wide: what it finds is screened afterwards (`scope`), and studies that are not
 * trials of an MSC product are published as screened out, with their reasons.
 *
 * The generic terms:
 * - "mesenchymal" — mesenchymal stem / stromal / progenitor cells, in any wording
 * - "MSC", "MSCs" — the abbreviation, alone and in compounds the registry splits
 *   ("UC-MSC", "BM-MSCs")
 * - "secretome", "conditioned medium", "conditioned media" — cell-free products made from
 *   what MSCs secrete
 * - "exosome", "exosomes", "extracellular vesicle", "extracellular vesicles" — MSC-derived
 *   vesicles (the registry's search matches words as written, so both numbers are listed)
 *
 * Product trade and code names (Prochymal, remestemcel-L, Alofisel…) come from the product
 * vocabulary (src/domain/products.ts, docs/products.md) and are appended by `importTerms`; the
 * import command passes every name of `MSC_PRODUCTS`.
 */

/** The generic MSC terms of the default import query, in the order they are asked for. */
export const MSC_QUERY_TERMS: readonly string[] = [
  'mesenchymal',
  'MSC',
  'MSCs',
  'secretome',
  'conditioned medium',
  'conditioned media',
  'exosome',
  'exosomes',
  'extracellular vesicle',
  'extracellular vesicles',
];

/**
 * The terms of the default import: the generic terms, then the product names given (trade and
 * code names of MSC products), without repeats (compared case-insensitively, first spelling kept).
 */
export function importTerms(productNames: readonly string[] = []): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const term of [...MSC_QUERY_TERMS, ...productNames]) {
    const key = term.trim().toLowerCase();
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term.trim());
  }
  return out;
}
