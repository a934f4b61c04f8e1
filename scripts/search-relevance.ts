/**
 * Writes the relevance judgments of tests/fixtures/search/relevance.json from the real catalogue
 * (a built site's /trials.json): for each query, the trials whose record matches the query's
 * stated criterion — a pattern over the title, official title, conditions and interventions (with
 * their other names), or over sponsor and collaborators, or over registry ids; for cell sources
 * also the record's classified cell source. The judgments are
 * made from the records, never from the search engine's results. `node scripts/search-relevance.ts [dist]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Record_ {
  id: string;
  title: string;
  officialTitle: string | null;
  conditions: string[];
  interventions: { name: string; otherNames: string[] }[];
  sponsor: string | null;
  collaborators: string[];
  registryIds: string[];
  therapy: Record<string, string[]>;
}
type Field = 'text' | 'sponsor' | 'ids';
interface Query {
  query: string;
  kind: 'condition' | 'product' | 'trade name' | 'sponsor' | 'route' | 'cell source' | 'misspelling' | 'id';
  field: Field;
  /** a regular expression (case-insensitive) a relevant record matches in `field` */
  pattern: string;
  /** and, optionally, a second one it must match too */
  and?: string;
  /** or: the record's MSC facet (therapy.<facet>) holds this value */
  facet?: [string, string];
  reason: string;
}

const FILE = 'tests/fixtures/search/relevance.json';
const text = (t: Record_) => [t.title, t.officialTitle ?? '', ...t.conditions, ...t.interventions.flatMap((i) => [i.name, ...i.otherNames])].join(' | ');
const fields: Record<Field, (t: Record_) => string> = {
  text,
  sponsor: (t) => [t.sponsor ?? '', ...t.collaborators].join(' | '),
  ids: (t) => t.registryIds.join(' | '),
};

const trials = JSON.parse(readFileSync(resolve(process.argv[2] ?? 'dist', 'trials.json'), 'utf8')) as Record_[];
const set = JSON.parse(readFileSync(FILE, 'utf8')) as { queries: (Query & { relevant?: string[] })[] };
for (const q of set.queries) {
  const re = new RegExp(q.pattern, 'iu');
  const and = q.and ? new RegExp(q.and, 'iu') : null;
  const byText = (t: Record_) => re.test(fields[q.field](t)) && (!and || and.test(fields[q.field](t)));
  const byFacet = (t: Record_) => !!q.facet && (t.therapy[q.facet[0]] ?? []).includes(q.facet[1]);
  q.relevant = trials.filter((t) => byText(t) || byFacet(t)).map((t) => t.id).sort();
  if (q.relevant.length === 0) throw new Error(`no trial is relevant to "${q.query}"`);
}
writeFileSync(FILE, `${JSON.stringify(set, null, 2)}\n`);
console.log(set.queries.map((q) => `${q.query}: ${q.relevant!.length}`).join('\n'));
