/**
 * What the search index holds for one trial, built from its public record (not from its page):
 * a small HTML document for Pagefind's Node API (`index.addHTMLFile`), with the record's own text
 * first and the words it is found by but never shown with after it.
 *
 * - **Own text** (what snippets are cut from): title, official title, conditions, intervention
 *   names with their other (trade) names, summary, description, outcomes, criteria — each a
 *   paragraph of plain text, so words never run together.
 * - **Hints** (searchable, never a snippet): every spelling of the trial's ids, sponsor and
 *   collaborators, keywords, acronym, MeSH terms, countries and the facet synonyms. They follow the
 *   word `HINTS_MARK`; the search page cuts snippets only from the words before it.
 *
 * Weights (Pagefind's `data-pagefind-weight`, text is 1): a title or id match outranks a match in
 * the conditions, which outranks one deep in the criteria.
 */
import { HINTS_MARK, idTerms, synonymTerms, textSynonymTerms } from '../domain/synonyms.ts';
import type { Trial } from '../schemas/trial.ts';
import { escapeHtml } from './html.ts';
import { searchFilters, searchMeta } from './search.ts';
import { trialPath } from './site.ts';

export const WEIGHTS = {
  title: 10,
  ids: 10,
  conditions: 7,
  interventions: 5,
  officialTitle: 4,
  sponsor: 4,
  keywords: 3,
  mesh: 2,
  synonyms: 2,
  text: 1,
  outcomes: 1,
  countries: 1,
  description: 0.6,
  criteria: 0.3,
} as const;

export interface SearchDocument {
  url: string;
  /** the HTML given to Pagefind */
  html: string;
}

const para = (weight: number, parts: readonly (string | null | undefined)[], sep = '; ') => {
  const text = parts.filter((p): p is string => !!p && p.trim() !== '').join(sep);
  if (!text) return '';
  return `<p${weight === 1 ? '' : ` data-pagefind-weight="${weight}"`}>${escapeHtml(text)}</p>\n`;
};

/** The intervention names of a trial, each with its other names ("Stempeucel (BMMSC)"). */
export function interventionNames(t: Pick<Trial, 'interventions'>): string[] {
  return t.interventions.map((i) => (i.otherNames.length ? `${i.name} (${i.otherNames.join(', ')})` : i.name));
}

/** The index document of one trial. */
export function trialSearchDocument(t: Trial): SearchDocument {
  const meta = { ...searchMeta(t), title: t.title, ids: [...new Set([t.id, ...t.registryIds])].join(' '), updated: t.dates.lastUpdated?.date ?? '' };
  const filters = { ...searchFilters(t), kind: ['trial'] };
  const outcomes = [...t.outcomes.primary, ...t.outcomes.secondary, ...t.outcomes.other].map((o) => o.measure);
  const own =
    `<h1 data-pagefind-weight="${WEIGHTS.title}">${escapeHtml(t.title)}</h1>\n` +
    para(WEIGHTS.officialTitle, [t.officialTitle && t.officialTitle !== t.title ? t.officialTitle : null]) +
    para(WEIGHTS.conditions, t.conditions) +
    para(WEIGHTS.interventions, interventionNames(t)) +
    para(WEIGHTS.text, [t.summary]) +
    para(WEIGHTS.description, [t.description]) +
    para(WEIGHTS.outcomes, outcomes) +
    para(WEIGHTS.criteria, [...t.eligibility.inclusion, ...t.eligibility.exclusion]);
  const hints =
    `<p> ${HINTS_MARK} </p>\n` +
    para(WEIGHTS.ids, idTerms(t), ' ') +
    para(WEIGHTS.sponsor, [t.sponsor, ...t.collaborators]) +
    para(WEIGHTS.keywords, [...t.keywords, t.acronym]) +
    para(WEIGHTS.mesh, t.conditionMesh?.terms ?? []) +
    para(WEIGHTS.countries, t.countries) +
    para(WEIGHTS.synonyms, [...textSynonymTerms([t.title, t.officialTitle ?? '', ...t.conditions, ...t.keywords, ...(t.conditionMesh?.terms ?? []), ...t.interventions.flatMap((i) => [i.name, ...i.otherNames])]), ...synonymTerms(t.therapy)]);
  const metaTags = Object.entries(meta)
    .map(([k, v]) => `<span data-pagefind-meta="${k}:${escapeHtml(v)}"></span>`)
    .join('');
  const filterTags = Object.entries(filters)
    .flatMap(([k, values]) => values.map((v) => `<span data-pagefind-filter="${k}">${escapeHtml(v)}</span>`))
    .join('');
  const html =
    `<!doctype html><html lang="en"><head><title>${escapeHtml(t.title)}</title></head><body>\n` +
    `<main data-pagefind-body>\n${own}${hints}<div data-pagefind-ignore>${filterTags}</div>${metaTags}</main>\n</body></html>`;
  return { url: trialPath(t.id), html };
}
