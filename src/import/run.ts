/**
 * One import run: the passes of the request, page by page, each study written to
 * `<sources>/ctgov/<NCT id>.json` (stable bytes; an unchanged study's file is not touched), the
 * run's state saved after every page so a killed run resumes where it stopped, and at the end
 * the manifest `import.json` and the summary.
 *
 * The order on every page makes an interruption at any point safe:
 *   1. the page is fetched whole and checked (client.ts);
 *   2. each study is compared with its file (new / changed with its field changes / unchanged),
 *      and these outcomes are saved in the state as "pending";
 *   3. the new and changed files are written, each atomically;
 *   4. the page is recorded as done in the state, with the token of the next page.
 * A resumed run asks again for the page that was pending and keeps the outcomes computed against
 * the files as they were before the interrupted run wrote any of them; a study it has already
 * written is found byte-identical and not written twice. Studies are never deleted.
 */
import { closeSync, mkdirSync, openSync, readdirSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from '../ingest/types.ts';
import { ApiError, lastUpdatePostDateOf, nctIdOf, type Study } from './api.ts';
import { readStudyFile, scopeVerdict, studyChanges, type ScopeVerdict } from './changes.ts';
import type { Client } from './client.ts';
import { readIfExists, removeStaleTemps, stableStringify, writeFileAtomic } from './files.ts';
import { nextManifest, parseManifest, requestRecord, summaryLines, tally, type Manifest, type RunRecord, type StudyResult } from './manifest.ts';
import { MAX_TERM_LENGTH, passesOf, type ImportRequest, type Pass } from './query.ts';

/** The folder of imported studies, inside the sources folder. */
export const IMPORT_FOLDER = 'ctgov';
export const MANIFEST_FILE = 'import.json';
/** Both start with "." so the catalogue never reads them as records. */
export const STATE_FILE = '.import-state.json';
export const LOCK_FILE = '.import.lock';

const STATE_VERSION = 1;
const STUDY_FILE = /^(NCT\d{8})\.json$/u;

/** Where a run stands; saved after every page. */
interface RunState {
  version: number;
  api: string;
  startedAt: string;
  request: ImportRequest;
  pageSize: number;
  passes: Pass[];
  /** the pass under way */
  pass: number;
  /** the token of the next page of that pass; null for its first page */
  pageToken: string | null;
  pages: number;
  totals: (number | null)[];
  results: Record<string, StudyResult>;
  /** the outcomes of the page being written, computed before any of its files was written */
  pending: Record<string, StudyResult> | null;
  duplicates: number;
  httpRequests: number;
  retries: number;
}

export interface Progress {
  /** studies done */
  done: number;
  /** what the registry counted so far (the passes begun), or null before it said */
  total: number | null;
  pages: number;
  written: number;
}

export interface RunOptions {
  /** the sources folder (CATALOGUE_SOURCES); the studies go to its `ctgov/` */
  sourcesDir: string;
  request: ImportRequest;
  pageSize: number;
  resume: boolean;
  client: Client;
  /** "today" for reading the records (the flags); the retrieval date comes from the registry's answers */
  asOf: Date;
  maxTermLength?: number;
  onProgress?: (progress: Progress) => void;
  /** remarks worth a line on stderr (a discarded earlier state, stale temporary files) */
  onNote?: (line: string) => void;
}

export interface RunOutcome {
  manifest: Manifest;
  lines: string[];
  /** 1 when some --ids were not found or a written study cannot be read by the catalogue */
  exitCode: 0 | 1;
}

/** A run that cannot start (nothing to resume, another run at work, a damaged manifest). */
export class StartError extends Error {}

/** A run that stopped part-way: its message, and the summary of what it wrote. */
export class RunFailure extends Error {
  readonly lines: string[];
  constructor(message: string, lines: string[]) {
    super(message);
    this.lines = lines;
  }
}

/** A study file that could not be read or written (disk full, permissions); the run stops and can be resumed. */
class FileFailure extends Error {}

function readStudy(path: string): string | null {
  try {
    return readIfExists(path);
  } catch (error) {
    throw new FileFailure(`cannot read ${path} to compare it with the registry's version: ${(error as Error).message}`);
  }
}

const today = () => new Date().toISOString().slice(0, 10);

function readState(path: string): RunState | null {
  const text = readIfExists(path);
  if (text === null) return null;
  try {
    const state = JSON.parse(text) as RunState;
    if (state.version !== STATE_VERSION || !Array.isArray(state.passes)) throw new Error(`version ${String(state.version)}`);
    return state;
  } catch (error) {
    throw new StartError(`${path}: the saved state of an interrupted run cannot be read (${(error as Error).message}); delete it to start over`);
  }
}

/** Only one run writes to a folder at a time: a lock file with the process id, taken over when that process is gone. */
function takeLock(path: string): () => void {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readIfExists(path) === String(process.pid)) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readIfExists(path));
      let alive = false;
      if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (alive) throw new StartError(`another import (process ${pid}) is writing to ${path.replace(/[^/]+$/u, '')}; wait for it, or remove ${path} if it is not running`);
      unlinkSync(path); // left by a killed run
    }
  }
  throw new StartError(`cannot take the lock ${path}`);
}

export async function runImport(options: RunOptions): Promise<RunOutcome> {
  const { client, asOf } = options;
  const dir = join(options.sourcesDir, IMPORT_FOLDER);
  const folder = `${dir.replace(/\/+$/u, '')}/`;
  mkdirSync(dir, { recursive: true });
  const release = takeLock(join(dir, LOCK_FILE));
  try {
    const stale = removeStaleTemps(dir);
    if (stale.length) options.onNote?.(`Removed ${stale.length} temporary file(s) an interrupted run left in ${folder}.`);

    const manifestPath = join(dir, MANIFEST_FILE);
    const manifestText = readIfExists(manifestPath);
    let previous: Manifest | null;
    try {
      previous = manifestText === null ? null : parseManifest(manifestText, manifestPath);
    } catch (error) {
      throw new StartError((error as Error).message);
    }

    const statePath = join(dir, STATE_FILE);
    const saved = readState(statePath);
    let state: RunState;
    if (options.resume) {
      if (!saved) throw new StartError(`nothing to resume: no interrupted run in ${folder} (no ${STATE_FILE})`);
      if (saved.api !== client.options.baseUrl) {
        throw new StartError(`the interrupted run read ${saved.api}, not ${client.options.baseUrl} (CTGOV_API_URL); resume it with the same setting, or start over without --resume`);
      }
      state = saved;
    } else {
      let passes: Pass[];
      try {
        passes = passesOf(options.request, options.maxTermLength ?? MAX_TERM_LENGTH);
      } catch (error) {
        throw new StartError((error as Error).message);
      }
      if (saved) options.onNote?.(`An interrupted run (started ${saved.startedAt}, ${saved.pages} page${saved.pages === 1 ? '' : 's'} done) is set aside: this run starts over. Use --resume to continue a run.`);
      state = {
        version: STATE_VERSION,
        api: client.options.baseUrl,
        startedAt: new Date().toISOString(),
        request: options.request,
        pageSize: options.pageSize,
        passes,
        pass: 0,
        pageToken: null,
        pages: 0,
        totals: [],
        results: {},
        pending: null,
        duplicates: 0,
        httpRequests: 0,
        retries: 0,
      };
    }
    const resumed = options.resume;
    const earlier = { requests: state.httpRequests, retries: state.retries };
    const save = () => {
      state.httpRequests = earlier.requests + client.requests;
      state.retries = earlier.retries + client.retries;
      writeFileAtomic(statePath, `${JSON.stringify(state)}\n`);
    };
    let written = Object.values(state.results).filter((r) => r.outcome !== 'unchanged').length;
    const progress = () =>
      options.onProgress?.({
        done: Object.keys(state.results).length,
        total: state.totals.some((t) => typeof t === 'number') ? state.totals.reduce<number>((sum, t) => sum + (t ?? 0), 0) : null,
        pages: state.pages,
        written,
      });
    const record = (finishedAt: string): RunRecord => {
      const lists = tally(state.results);
      const received = Object.keys(state.results).length;
      return {
        startedAt: state.startedAt,
        finishedAt,
        resumed: resumed || false,
        api: state.api,
        query: state.request.query,
        ids: [...state.request.ids],
        since: state.request.since,
        pageSize: state.pageSize,
        requests: state.passes.map((pass, i) => requestRecord(pass, state.totals[i] ?? null)),
        counts: {
          received,
          new: lists.new.length,
          changed: Object.keys(lists.changed).length,
          unchanged: lists.unchanged.length,
          duplicates: state.duplicates,
          unreadable: Object.keys(lists.unreadable).length,
          httpRequests: earlier.requests + client.requests,
          retries: earlier.retries + client.retries,
        },
        new: lists.new,
        changed: lists.changed,
        unchanged: lists.unchanged,
        unreadable: lists.unreadable,
        notFound: state.request.ids.filter((id) => !state.results[id]),
        screenedOut: lists.screenedOut,
      };
    };

    save();
    progress();
    client.onRequest = save;
    try {
      while (state.pass < state.passes.length) {
        const pass = state.passes[state.pass]!;
        const first = state.pageToken === null;
        const page = await client.page({ pass, pageSize: state.pageSize, pageToken: state.pageToken, countTotal: first });
        if (first) state.totals[state.pass] = page.totalCount;
        const retrieved = page.date ?? today();
        const outcomes: Record<string, StudyResult> = {};
        const writes: { path: string; bytes: string }[] = [];
        for (const study of page.studies) {
          const id = nctIdOf(study)!;
          if (state.results[id] || outcomes[id]) {
            state.duplicates += 1;
            continue;
          }
          const path = join(dir, `${id}.json`);
          const bytes = stableStringify(study);
          const old = readStudy(path);
          outcomes[id] = outcomeOf(`${IMPORT_FOLDER}/${id}.json`, study, old, bytes, retrieved, asOf, state.pending?.[id]);
          if (old !== bytes) writes.push({ path, bytes });
        }
        state.pending = outcomes;
        save();
        for (const w of writes) {
          try {
            writeFileAtomic(w.path, w.bytes);
          } catch (error) {
            throw new FileFailure(`cannot write ${w.path}: ${(error as Error).message}`);
          }
          written += 1;
        }
        Object.assign(state.results, outcomes);
        state.pending = null;
        state.pages += 1;
        if (page.nextPageToken !== null) state.pageToken = page.nextPageToken;
        else {
          state.pass += 1;
          state.pageToken = null;
        }
        save();
        progress();
      }
    } catch (error) {
      if (!(error instanceof ApiError) && !(error instanceof FileFailure)) throw error;
      try {
        save(); // the request count; the page position was saved with the last complete page
      } catch {
        // the state as saved last still resumes correctly
      }
      throw new RunFailure(error.message, summaryLines(record(new Date().toISOString()), { finished: false, folder }));
    }

    const present = new Set(readdirSync(dir).flatMap((name) => STUDY_FILE.exec(name)?.[1] ?? []));
    const run = record(new Date().toISOString());
    const manifest = nextManifest(previous, run, state.results, present);
    writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    unlinkSync(statePath);
    const failed = run.notFound.length > 0 || run.counts.unreadable > 0;
    return { manifest, lines: summaryLines(run, { finished: true, folder }), exitCode: failed ? 1 : 0 };
  } finally {
    release();
  }
}

/** One received study against its file: new, changed (with its field changes) or unchanged. */
function outcomeOf(path: string, study: Study, old: string | null, bytes: string, retrieved: string, asOf: Date, pending: StudyResult | undefined): StudyResult {
  const lastUpdatePostDate = lastUpdatePostDateOf(study);
  let problem: string | null = null;
  let scope: ScopeVerdict = { screened: false };
  let entry = null;
  try {
    entry = readStudyFile(path, bytes, asOf);
    scope = scopeVerdict(entry);
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    problem = error.message.split('\n').map((l) => l.trim()).join('; ');
  }
  // a resumed page: the outcome was decided before the interrupted run wrote the file
  if (pending) return { ...pending, lastUpdatePostDate, retrieved, problem, scope };
  if (old === null) return { outcome: 'new', changes: [], lastUpdatePostDate, retrieved, problem, scope };
  if (old === bytes) return { outcome: 'unchanged', changes: [], lastUpdatePostDate, retrieved, problem, scope };
  const changes = entry ? studyChanges(path, old, entry, asOf) : [`the new version cannot be read: ${problem}`];
  return { outcome: 'changed', changes, lastUpdatePostDate, retrieved, problem, scope };
}
