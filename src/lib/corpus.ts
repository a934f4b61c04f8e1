/**
 * What the catalogue is built from and what it keeps: the record files by kind with their dates,
 * and the scope verdicts. One place for the About, Data and screened-out pages.
 */
import { FORMAT, SCOPE } from '../domain/vocabulary.ts';
import { COPY_MAX_AGE_DAYS } from '../ingest/flags.ts';
import type { CatalogueEntry } from '../schemas/trial.ts';

export interface SourceGroup {
  format: keyof typeof FORMAT;
  label: string;
  /** distinct record files */
  files: number;
  /** records (a CSV row counts as one) */
  records: number;
  /** the range of the records' own as-of dates */
  asOf: { first: string; last: string } | null;
  /** records without a date of their own */
  undated: number;
  /** the range of the dates the catalogue retrieved them */
  retrieved: { first: string; last: string } | null;
  /** records whose retrieval date is not recorded */
  unretrieved: number;
}

/** How current the catalogue's trials are: the dates they speak for and the dates we copied them. */
export interface Freshness {
  /** the range of each catalogue trial's newest registry update */
  asOf: { first: string; last: string } | null;
  /** trials none of whose records states a date */
  undated: number;
  /** the range of each catalogue trial's latest retrieval */
  retrieved: { first: string; last: string } | null;
  /** trials with no recorded retrieval date */
  unretrieved: number;
  /** trials flagged possibly-out-of-date, and the age that flags them */
  possiblyOutOfDate: number;
  maxAgeDays: number;
}

export interface CorpusSummary {
  groups: SourceGroup[];
  records: number;
  /** catalogue trials and screened-out records */
  trials: number;
  screenedOut: number;
  byScope: { value: keyof typeof SCOPE; label: string; count: number }[];
  /** the range of the newest as-of date of each catalogue trial */
  asOf: { first: string; last: string } | null;
  freshness: Freshness;
}

const range = (dates: string[]) => (dates.length ? { first: dates.reduce((a, b) => (a < b ? a : b)), last: dates.reduce((a, b) => (a > b ? a : b)) } : null);

export function corpusSummary(entries: readonly CatalogueEntry[]): CorpusSummary {
  const groups = new Map<keyof typeof FORMAT, { files: Set<string>; records: number; dates: string[]; undated: number; retrieved: string[]; unretrieved: number }>();
  for (const e of entries) {
    for (const s of e.sources) {
      const g = groups.get(s.format) ?? { files: new Set(), records: 0, dates: [], undated: 0, retrieved: [], unretrieved: 0 };
      g.files.add(s.file);
      g.records += 1;
      if (s.asOf) g.dates.push(s.asOf);
      else g.undated += 1;
      if (s.retrieved) g.retrieved.push(s.retrieved);
      else g.unretrieved += 1;
      groups.set(s.format, g);
    }
  }
  const order = Object.keys(FORMAT);
  const catalogue = entries.filter((e) => e.scope.value !== 'OTHER');
  const freshness = freshnessOf(catalogue);
  return {
    groups: [...groups]
      .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([format, g]) => ({
        format,
        label: FORMAT[format].label,
        files: g.files.size,
        records: g.records,
        asOf: range(g.dates),
        undated: g.undated,
        retrieved: range(g.retrieved),
        unretrieved: g.unretrieved,
      })),
    records: [...groups.values()].reduce((n, g) => n + g.records, 0),
    trials: catalogue.length,
    screenedOut: entries.length - catalogue.length,
    byScope: (Object.keys(SCOPE) as (keyof typeof SCOPE)[]).map((value) => ({
      value,
      label: SCOPE[value].label,
      count: entries.filter((e) => e.scope.value === value).length,
    })),
    asOf: freshness.asOf,
    freshness,
  };
}

/** The newest of a trial's dates of one kind, or null. */
const newest = (dates: (string | null)[]) => dates.filter((d): d is string => !!d).sort().at(-1) ?? null;

/** How current the trials are: the range of their newest registry update and of their latest retrieval. */
export function freshnessOf(trials: readonly Pick<CatalogueEntry, 'sources' | 'flags'>[]): Freshness {
  const asOf = trials.map((e) => newest(e.sources.map((s) => s.asOf)));
  const retrieved = trials.map((e) => newest(e.sources.map((s) => s.retrieved)));
  return {
    asOf: range(asOf.filter((d): d is string => !!d)),
    undated: asOf.filter((d) => !d).length,
    retrieved: range(retrieved.filter((d): d is string => !!d)),
    unretrieved: retrieved.filter((d) => !d).length,
    possiblyOutOfDate: trials.filter((e) => e.flags.some((f) => f.code === 'possibly-out-of-date')).length,
    maxAgeDays: COPY_MAX_AGE_DAYS,
  };
}
