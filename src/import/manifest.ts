/**
 * The import's manifest, `ctgov/import.json` beside the study files: what the last run asked for
 * and found, and per study the registry's last-update date and the date we last retrieved it
 * (the trial pages show "registry record last updated … / retrieved …" from it). Also the
 * summary a run prints. Pure functions; `run.ts` reads and writes the file.
 */
import type { ScopeVerdict } from './changes.ts';
import type { Pass } from './query.ts';

export const MANIFEST_VERSION = 1;

export type Outcome = 'new' | 'changed' | 'unchanged';

/** What a run did with one study. */
export interface StudyResult {
  outcome: Outcome;
  /** field-level changes of a changed study ("status: … → …") */
  changes: string[];
  /** the registry's "last update posted" date, YYYY-MM-DD, or null when the record states none */
  lastUpdatePostDate: string | null;
  /** YYYY-MM-DD (UTC) of the registry's answer that carried it */
  retrieved: string;
  /** why the catalogue cannot read the file as written (the build would stop on it), or null */
  problem: string | null;
  scope: ScopeVerdict;
}

export interface StudyEntry {
  lastUpdatePostDate: string | null;
  retrieved: string;
}

/** One search of the run, with the parameters sent and the registry's count for it. */
export interface RequestRecord {
  'query.term': string | null;
  'filter.ids': string | null;
  'filter.advanced': string | null;
  totalCount: number | null;
}

export interface RunRecord {
  startedAt: string;
  finishedAt: string;
  /** the run was interrupted and completed with --resume */
  resumed: boolean;
  api: string;
  /** what the curator gave: --query (null for the default query), --ids, --since */
  query: string | null;
  ids: string[];
  since: string | null;
  pageSize: number;
  requests: RequestRecord[];
  counts: {
    received: number;
    new: number;
    changed: number;
    unchanged: number;
    /** studies a later page repeated (the registry's data moved during the run); counted once */
    duplicates: number;
    unreadable: number;
    httpRequests: number;
    retries: number;
  };
  new: string[];
  changed: Record<string, string[]>;
  unchanged: string[];
  unreadable: Record<string, string>;
  /** --ids the registry did not return */
  notFound: string[];
  /** studies whose record screens out of the catalogue, with the evidence; null: not screened (no scope classification yet) */
  screenedOut: Record<string, string> | null;
}

export interface Manifest {
  version: number;
  lastRun: RunRecord;
  /** every study file of the folder, by NCT number, sorted */
  studies: Record<string, StudyEntry>;
}

export function requestRecord(pass: Pass, totalCount: number | null): RequestRecord {
  return {
    'query.term': pass.term,
    'filter.ids': pass.ids.length > 0 ? pass.ids.join(',') : null,
    'filter.advanced': pass.advanced,
    totalCount,
  };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The run's outcome counts and lists, from its per-study results. */
export function tally(results: Record<string, StudyResult>): Pick<RunRecord, 'new' | 'changed' | 'unchanged' | 'unreadable' | 'screenedOut'> {
  const ids = Object.keys(results).sort(byId);
  const screened = ids.every((id) => results[id]!.scope.screened);
  return {
    new: ids.filter((id) => results[id]!.outcome === 'new'),
    changed: Object.fromEntries(ids.filter((id) => results[id]!.outcome === 'changed').map((id) => [id, results[id]!.changes])),
    unchanged: ids.filter((id) => results[id]!.outcome === 'unchanged'),
    unreadable: Object.fromEntries(ids.filter((id) => results[id]!.problem !== null).map((id) => [id, results[id]!.problem!])),
    screenedOut:
      ids.length > 0 && screened
        ? Object.fromEntries(
            ids.flatMap((id) => {
              const verdict = results[id]!.scope;
              return verdict.screened && verdict.outOfScope !== null ? [[id, verdict.outOfScope]] : [];
            }),
          )
        : null,
  };
}

/**
 * The manifest after a run: this run's studies with their new dates, the earlier runs' studies
 * kept (an `--ids` run refreshes only some), and only studies whose file is in the folder.
 */
export function nextManifest(previous: Manifest | null, run: RunRecord, results: Record<string, StudyResult>, filesPresent: ReadonlySet<string>): Manifest {
  const merged: Record<string, StudyEntry> = { ...(previous?.studies ?? {}) };
  for (const [id, r] of Object.entries(results)) merged[id] = { lastUpdatePostDate: r.lastUpdatePostDate, retrieved: r.retrieved };
  const studies: Record<string, StudyEntry> = {};
  for (const id of Object.keys(merged).sort(byId)) {
    if (filesPresent.has(id)) studies[id] = { lastUpdatePostDate: merged[id]!.lastUpdatePostDate, retrieved: merged[id]!.retrieved };
  }
  return { version: MANIFEST_VERSION, lastRun: run, studies };
}

/** The manifest file's text → a manifest; throws naming the field when it is not one. */
export function parseManifest(text: string, path: string): Manifest {
  const fail = (field: string, expected: string, found: unknown) =>
    new Error(`${path}: not an import manifest (remove it or restore it from version control)\n  field: ${field}\n  expected: ${expected}\n  found: ${JSON.stringify(found)?.slice(0, 80) ?? 'nothing'}`);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw fail('(the file)', 'JSON', (error as Error).message);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(doc)) throw fail('(the file)', 'a JSON object', doc);
  if (doc.version !== MANIFEST_VERSION) throw fail('version', String(MANIFEST_VERSION), doc.version);
  if (!isObject(doc.studies)) throw fail('studies', 'an object of studies by NCT number', doc.studies);
  for (const [id, entry] of Object.entries(doc.studies)) {
    if (!isObject(entry) || typeof entry.retrieved !== 'string' || !(entry.lastUpdatePostDate === null || typeof entry.lastUpdatePostDate === 'string')) {
      throw fail(`studies.${id}`, '{"lastUpdatePostDate": "YYYY-MM-DD" or null, "retrieved": "YYYY-MM-DD"}', entry);
    }
  }
  return doc as unknown as Manifest;
}

/** Up to this many ids are printed in a summary line; longer lists are in the manifest. */
export const LISTED_IDS = 50;
const listed = (ids: string[]) => (ids.length <= LISTED_IDS ? ids.join(', ') : `${ids.slice(0, LISTED_IDS).join(', ')} and ${ids.length - LISTED_IDS} more (all in import.json)`);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The lines a run prints when it has finished (or stopped: `finished` false). */
export function summaryLines(run: RunRecord, options: { finished: boolean; folder: string }): string[] {
  const c = run.counts;
  const lines: string[] = [];
  const what = run.query !== null ? `query ${JSON.stringify(run.query)}` : run.ids.length > 0 ? '' : 'the default MSC query';
  const asked = [what, run.ids.length > 0 ? `${plural(run.ids.length, 'id')}` : '', run.since ? `updated since ${run.since}` : ''].filter(Boolean).join(', ');
  lines.push(
    `${options.finished ? 'Imported' : 'Stopped after'} ${plural(c.received, 'study', 'studies')} from ${run.api} (${asked}) in ${plural(c.httpRequests, 'request')}${c.retries ? ` (${plural(c.retries, 'retry', 'retries')})` : ''}: ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged.`,
  );
  const totals = run.requests.map((r) => r.totalCount);
  if (options.finished && run.ids.length === 0 && totals.length === 1 && totals[0] !== null && totals[0] !== c.received + c.duplicates) {
    lines.push(`  The registry counted ${totals[0]} studies but sent ${c.received}: its data changed during the run. Run the import again.`);
  }
  if (run.new.length) lines.push(`New (${run.new.length}): ${listed(run.new)}`);
  const changed = Object.entries(run.changed);
  if (changed.length) {
    lines.push(`Changed (${changed.length}):`);
    for (const [id, list] of changed) {
      lines.push(`  ${id}`);
      for (const line of list) lines.push(`    ${line}`);
    }
  }
  if (run.unchanged.length) lines.push(`Unchanged (${run.unchanged.length}): ${listed(run.unchanged)}`);
  if (run.screenedOut === null) lines.push('Out of scope: not screened (the scope classification is not part of this build yet).');
  else {
    const out = Object.entries(run.screenedOut);
    lines.push(out.length ? `Out of scope now (${out.length}):` : 'Out of scope now: none.');
    for (const [id, why] of out) lines.push(`  ${id}: ${why}`);
  }
  if (run.notFound.length) lines.push(`Not found in the registry (${run.notFound.length}): ${run.notFound.join(', ')}`);
  const unreadable = Object.entries(run.unreadable);
  if (unreadable.length) {
    lines.push(`Cannot be read by the catalogue (${unreadable.length}) — the build stops on these files until the reader handles them:`);
    for (const [id, why] of unreadable) lines.push(`  ${id}: ${why}`);
  }
  if (c.duplicates) lines.push(`${plural(c.duplicates, 'study', 'studies')} came twice (the registry's data moved between pages); each was written once.`);
  const written = c.new + c.changed;
  lines.push(`Wrote ${plural(written, 'study file')} in ${options.folder}${options.finished ? ` and the manifest ${options.folder}import.json` : ''}.`);
  return lines;
}
