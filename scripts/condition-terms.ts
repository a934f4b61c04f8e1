/**
 * Derives the vocabulary of known condition terms (src/domain/condition-terms.json) from real
 * registry data. Run by hand, never at build or test time:
 *
 *   node scripts/condition-terms.ts <file>... > src/domain/condition-terms.json
 *
 * Each file is either a ClinicalTrials.gov CSV download (the classic site's 27 columns, or
 * today's site: a "Conditions" column whose values are joined with "|") or ClinicalTrials.gov
 * API v2 JSON (a study, an array of studies or {studies}: conditionsModule.conditions and
 * conditionsModule.keywords). Every distinct condition is a term, counted by the number of
 * studies that state it; spellings that differ only in case or spacing count as one (the most
 * frequent spelling is kept). The output names its sources, so the data file says where every
 * term came from.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';

interface Source {
  file: string;
  kind: 'ctgov-csv' | 'ctgov-json';
  studies: number;
  terms: number;
}

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node scripts/condition-terms.ts <ClinicalTrials.gov CSV or API v2 JSON>...\n');
  process.exit(2);
}

/** normalised spelling → spelling → number of studies */
const spellings = new Map<string, Map<string, number>>();
const key = (term: string) => term.toLowerCase().replace(/\s+/gu, ' ').trim();
const count = (term: string, studyTerms: Set<string>) => {
  const text = term.replace(/\s+/gu, ' ').trim();
  if (text.length < 2 || !/\p{L}/u.test(text) || studyTerms.has(key(text))) return;
  studyTerms.add(key(text));
  const forms = spellings.get(key(text)) ?? new Map<string, number>();
  forms.set(text, (forms.get(text) ?? 0) + 1);
  spellings.set(key(text), forms);
};

const sources: Source[] = [];
for (const file of files) {
  const before = spellings.size;
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
  let studies = 0;
  let kind: Source['kind'];
  if (/^\s*[[{]/u.test(text)) {
    kind = 'ctgov-json';
    const json = JSON.parse(text) as unknown;
    const list = (Array.isArray(json) ? json : ((json as { studies?: unknown[] }).studies ?? [json])) as {
      protocolSection?: { conditionsModule?: { conditions?: string[]; keywords?: string[] } };
    }[];
    for (const study of list) {
      const module = study.protocolSection?.conditionsModule;
      if (!module) continue;
      studies += 1;
      const seen = new Set<string>();
      for (const term of [...(module.conditions ?? []), ...(module.keywords ?? [])]) count(term, seen);
    }
  } else {
    kind = 'ctgov-csv';
    const rows = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
    const column = rows[0] && Object.keys(rows[0]).find((c) => /^conditions$/iu.test(c.trim()));
    if (!column) throw new Error(`${file}: no "Conditions" column`);
    for (const row of rows) {
      studies += 1;
      const seen = new Set<string>();
      for (const term of (row[column] ?? '').split('|')) count(term, seen);
    }
  }
  sources.push({ file: basename(file), kind, studies, terms: spellings.size - before });
}

const terms: Record<string, number> = {};
for (const forms of [...spellings.values()]) {
  const total = [...forms.values()].reduce((a, b) => a + b, 0);
  const [best] = [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
  terms[best![0]] = total;
}
const sorted = Object.fromEntries(Object.entries(terms).sort((a, b) => a[0].localeCompare(b[0], 'en')));

process.stdout.write(
  `${JSON.stringify(
    {
      about:
        'Known condition terms, each with the number of studies that state it. Made by scripts/condition-terms.ts from the files in "sources" (the "terms" of a source counts the terms it added to those before it). Used to split condition lists a page copy ran together (src/ingest/conditions.ts); never edited by hand.',
      sources,
      terms: sorted,
    },
    null,
    1,
  )}\n`,
);
