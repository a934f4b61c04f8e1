/**
 * `npm run import`, run as a curator runs it — a child process — against a real HTTP server on
 * 127.0.0.1 that answers like ClinicalTrials.gov's /api/v2/studies from the real 88-study export
 * (registry.ts), writing into a temporary sources folder (CATALOGUE_SOURCES).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT, idOf, lastUpdateOf, matchesTerm, SERVED_AT, startRegistry, type Registry, type Study } from './registry.ts';
import { importTerms } from '../../src/domain/msc-query.ts';
import { MSC_PRODUCTS } from '../../src/domain/products.ts';
import { MAX_TERM_LENGTH, orExpression } from '../../src/import/query.ts';
import { readStudyFile } from '../../src/import/changes.ts';

const temp = mkdtempSync(join(tmpdir(), 'msc-import-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let folders = 0;
const newSources = () => join(temp, `sources-${++folders}`);

const ALL = 'disc OR disk OR spine'; // every study of the export mentions one of these
const ids = (studies: readonly Study[]) => studies.map(idOf).sort();

interface Run {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(registry: Registry, sources: string, args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, ['src/cli/import.ts', ...args], {
    env: {
      ...process.env,
      CTGOV_API_URL: registry.url,
      CATALOGUE_SOURCES: sources,
      CTGOV_BACKOFF_MS: '10',
      CTGOV_MIN_INTERVAL_MS: '0',
      CTGOV_TIMEOUT_MS: '20000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

const run = (registry: Registry, sources: string, args: string[], env: Record<string, string> = {}) => start(registry, sources, args, env).done;

/** Every file of the import folder with its bytes. */
const filesOf = (sources: string) => {
  const dir = join(sources, 'ctgov');
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
};
const studyFiles = (sources: string) => new Map([...filesOf(sources)].filter(([name]) => /^NCT\d{8}\.json$/u.test(name)));
const manifestOf = (sources: string) => JSON.parse(readFileSync(join(sources, 'ctgov', 'import.json'), 'utf8'));
const served = (registry: Registry) => registry.requests.map((r) => r.answer.replace(/^page .*/u, 'page'));

/** Keys of every object in sorted order, recursively (what "serialised stably" promises). */
function keysSorted(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysSorted);
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && Object.values(value).every(keysSorted);
  }
  return true;
}

let registry: Registry;
let clean: Map<string, string>; // the study files of a clean full import, by name
const cleanSources = newSources();

beforeAll(async () => {
  registry = await startRegistry();
  const result = await run(registry, cleanSources, ['--query', ALL, '--page-size', '20']);
  expect(result.status, result.stderr).toBe(0);
  clean = studyFiles(cleanSources);
}, 60_000);
afterAll(() => registry.close());
beforeEach(() => {
  registry.faults.clear();
  registry.requests.length = 0;
  registry.studies = [...EXPORT];
});

describe('a full import', () => {
  it('writes every study of the search once, as the API sent it, in stable bytes', () => {
    expect([...clean.keys()]).toEqual(ids(EXPORT).map((id) => `${id}.json`));
    for (const study of EXPORT) {
      const text = clean.get(`${idOf(study)}.json`)!;
      expect(JSON.parse(text)).toEqual(study);
      expect(keysSorted(JSON.parse(text))).toBe(true);
      expect(text.startsWith('{\n  "derivedSection": {\n')).toBe(true);
      expect(text.endsWith('\n}\n')).toBe(true);
    }
    // nothing else is left in the folder: no temporary files, no resume state, no lock
    expect([...filesOf(cleanSources).keys()]).toEqual([...clean.keys(), 'import.json']);
  });

  it('pages through the search with the same parameters, counting the total once, and names itself', async () => {
    const sources = newSources();
    const result = await run(registry, sources, ['--query', ALL, '--page-size', '20']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(''); // not a terminal: no progress line
    expect(result.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 5 requests: 88 new, 0 changed, 0 unchanged.`);
    expect(served(registry)).toEqual(['page', 'page', 'page', 'page', 'page']);
    const params = registry.requests.map((r) => Object.fromEntries(r.url.searchParams));
    expect(params[0]).toEqual({ format: 'json', 'query.term': ALL, pageSize: '20', countTotal: 'true' });
    for (const p of params.slice(1)) expect(Object.keys(p)).toEqual(['format', 'query.term', 'pageSize', 'pageToken']);
    expect(new Set(params.slice(1).map((p) => p.pageToken)).size).toBe(4);
    for (const r of registry.requests) {
      expect(r.url.pathname).toBe('/api/v2/studies');
      expect(r.headers['user-agent']).toBe('msc-trials-catalogue/0.1.0 (MSC Trials Catalogue; +https://msc-trials.example.org/about/)');
      expect(r.headers.accept).toBe('application/json');
    }
    expect(studyFiles(sources)).toEqual(clean);
  }, 60_000);

  it('records the search, the counts, what changed and each study’s registry date and retrieval date in the manifest', () => {
    const manifest = manifestOf(cleanSources);
    expect(Object.keys(manifest)).toEqual(['version', 'lastRun', 'studies']);
    const { startedAt, finishedAt, ...run } = manifest.lastRun;
    expect(startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u);
    expect(finishedAt >= startedAt).toBe(true);
    expect(run).toEqual({
      resumed: false,
      api: registry.url,
      query: ALL,
      ids: [],
      since: null,
      pageSize: 20,
      requests: [{ 'query.term': ALL, 'filter.ids': null, 'filter.advanced': null, totalCount: 88 }],
      counts: { received: 88, new: 88, changed: 0, unchanged: 0, duplicates: 0, unreadable: 0, httpRequests: 5, retries: 0 },
      new: ids(EXPORT),
      changed: {},
      unchanged: [],
      unreadable: {},
      notFound: [],
      // the studies that, read alone, screen out of the catalogue (scope OTHER), with their reasons
      screenedOut: Object.fromEntries(
        [...clean]
          .map(([name, text]) => [name.replace('.json', ''), readStudyFile(`ctgov/${name}`, text, new Date('2026-12-01')).scope] as const)
          .filter(([, scope]) => scope.value === 'OTHER')
          .map(([id, scope]) => [id, scope.reason]),
      ),
    });
    // the spine and disc export is mostly devices and surgery: 82 of its 88 studies screen out
    expect(Object.keys(run.screenedOut)).toHaveLength(82);
    expect(run.screenedOut.NCT03076658).toBe('No arm or intervention gives an MSC product: the interventions are Radiation: EOS imaging.');
    expect(run.screenedOut.NCT06589271).toBeUndefined();
    // per study, sorted by id: the registry's last-update date and the date of the answer that carried it
    expect(SERVED_AT).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
    expect(Object.keys(manifest.studies)).toEqual(ids(EXPORT));
    expect(manifest.studies).toEqual(Object.fromEntries(EXPORT.map((s) => [idOf(s), { lastUpdatePostDate: lastUpdateOf(s), retrieved: '2026-12-01' }])));
    expect(manifest.studies.NCT05287867).toEqual({ lastUpdatePostDate: '2023-09-26', retrieved: '2026-12-01' });
    expect(manifest.studies.NCT06144970).toEqual({ lastUpdatePostDate: lastUpdateOf(EXPORT[1]!), retrieved: '2026-12-01' });
  });
});

describe('what to import', () => {
  it('without --query or --ids runs the catalogue’s MSC query: the generic terms and every product name of the vocabulary', async () => {
    const sources = newSources();
    const result = await run(registry, sources, []);
    expect(result.status, result.stderr).toBe(0);
    const terms = registry.requests.map((r) => r.url.searchParams.get('query.term')!);
    // the query is split into searches of at most 4,000 URL-encoded characters, asked in turn
    expect(terms.length).toBeGreaterThan(1);
    for (const term of terms) expect(encodeURIComponent(term).length).toBeLessThanOrEqual(MAX_TERM_LENGTH);
    expect(terms[0]!.startsWith('mesenchymal OR MSC OR MSCs OR secretome OR "conditioned medium" OR "conditioned media" OR exosome OR exosomes OR "extracellular vesicle" OR "extracellular vesicles" OR Prochymal OR "remestemcel-L"')).toBe(true);
    expect(terms.join(' OR ')).toBe(orExpression(importTerms(MSC_PRODUCTS.flatMap((p) => p.names))));
    for (const r of registry.requests) expect(r.url.searchParams.get('countTotal')).toBe('true');
    const expected = ids(EXPORT.filter((s) => terms.some((t) => matchesTerm(s, t))));
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect([...studyFiles(sources).keys()]).toEqual(expected.map((id) => `${id}.json`));
    expect(result.stdout.split('\n')[0]).toBe(`Imported ${expected.length} studies from ${registry.url} (the default MSC query) in ${terms.length} requests: ${expected.length} new, 0 changed, 0 unchanged.`);
    expect(manifestOf(sources).lastRun.query).toBeNull();
  }, 60_000);

  it('--ids fetches the listed studies only', async () => {
    const sources = newSources();
    const result = await run(registry, sources, ['--ids', 'NCT06144970', '--ids', 'nct05287867']);
    expect(result.status, result.stderr).toBe(0);
    expect(Object.fromEntries(registry.requests[0]!.url.searchParams)).toEqual({ format: 'json', 'filter.ids': 'NCT06144970,NCT05287867', pageSize: '1000', countTotal: 'true' });
    expect([...studyFiles(sources).keys()]).toEqual(['NCT05287867.json', 'NCT06144970.json']);
    expect(studyFiles(sources).get('NCT05287867.json')).toBe(clean.get('NCT05287867.json'));
    expect(Object.keys(manifestOf(sources).studies)).toEqual(['NCT05287867', 'NCT06144970']);
  }, 60_000);

  it('--ids names an id the registry does not have, and exits 1', async () => {
    const sources = newSources();
    const result = await run(registry, sources, ['--ids', 'NCT06144970,NCT06688318']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('\nNot found in the registry (1): NCT06688318\n');
    expect([...studyFiles(sources).keys()]).toEqual(['NCT06144970.json']);
    expect(manifestOf(sources).lastRun.notFound).toEqual(['NCT06688318']);
  }, 60_000);

  it('--since asks for studies updated on or after the date', async () => {
    const sources = newSources();
    const result = await run(registry, sources, ['--query', ALL, '--since', '2024-01-01', '--page-size', '20']);
    expect(result.status, result.stderr).toBe(0);
    expect(registry.requests[0]!.url.searchParams.get('filter.advanced')).toBe('AREA[LastUpdatePostDate]RANGE[2024-01-01,MAX]');
    const expected = ids(EXPORT.filter((s) => lastUpdateOf(s) >= '2024-01-01'));
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(88);
    expect([...studyFiles(sources).keys()]).toEqual(expected.map((id) => `${id}.json`));
    expect(manifestOf(sources).lastRun.since).toBe('2024-01-01');
  }, 60_000);

  it('refuses wrong usage and settings with exit code 2', async () => {
    const sources = newSources();
    const cases: [string[], Record<string, string>, string][] = [
      [['--since', '2024-02-30'], {}, '--since 2024-02-30: expected a date written YYYY-MM-DD'],
      [['--ids', 'NCT123'], {}, '--ids: "NCT123" is not an NCT number (expected NCT followed by 8 digits)'],
      [['--resume', '--query', 'x'], {}, '--resume continues the interrupted run with the options it was started with; give it alone'],
      [['--page-size', '5000'], {}, '--page-size 5000: expected a whole number from 1 to 1000'],
      [['--query', ' '], {}, '--query needs a search expression'],
      [['--bogus'], {}, "Unknown option '--bogus'"],
      [[], { CTGOV_API_URL: 'ftp://mirror/api/v2' }, 'CTGOV_API_URL=ftp://mirror/api/v2: expected an http(s) URL'],
      [[], { CTGOV_RETRIES: 'many' }, 'CTGOV_RETRIES=many: expected a whole number of at least 0'],
    ];
    for (const [args, env, message] of cases) {
      const result = await run(registry, sources, args, env);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain('usage: npm run import --');
    }
    expect(registry.requests).toEqual([]);
    expect(existsSync(sources)).toBe(false);
  }, 60_000);
});

describe('a registry that misbehaves', () => {
  it('429 with Retry-After, 500, a dropped connection and a cut-off body: each page is asked again, every study lands once, as in a clean run', async () => {
    registry.faults.set(2, { kind: 'status', status: 429, retryAfter: '1' });
    registry.faults.set(4, { kind: 'status', status: 500 });
    registry.faults.set(6, { kind: 'drop' });
    registry.faults.set(8, { kind: 'truncate' });
    const sources = newSources();
    const result = await run(registry, sources, ['--query', ALL, '--page-size', '20']);
    expect(result.status, result.stderr).toBe(0);
    expect(served(registry)).toEqual(['page', '429', 'page', '500', 'page', 'drop', 'page', 'truncate', 'page']);
    // the retried request is the same page: same token
    const token = (n: number) => registry.requests[n - 1]!.url.searchParams.get('pageToken');
    expect([token(2), token(4), token(6), token(8)]).toEqual([token(3), token(5), token(7), token(9)]);
    const retries = result.stderr.trim().split('\n');
    expect(retries).toHaveLength(4);
    expect(retries[0]).toMatch(/^retry 1 of 5 in 1\.0 s: HTTP 429 Too Many Requests \(http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?format=json&/u);
    expect(retries[1]).toMatch(/^retry 1 of 5 in 0\.0 s: HTTP 500 Internal Server Error \(/u);
    expect(retries[2]).toMatch(/^retry 1 of 5 in 0\.0 s: the connection failed: /u);
    expect(retries[3]).toMatch(/^retry 1 of 5 in 0\.0 s: the page is not valid JSON \(cut off or damaged\) \(/u);
    expect(studyFiles(sources)).toEqual(clean);
    expect([...filesOf(sources).keys()]).toEqual([...clean.keys(), 'import.json']);
    const manifest = manifestOf(sources);
    expect(manifest.lastRun.counts).toEqual({ received: 88, new: 88, changed: 0, unchanged: 0, duplicates: 0, unreadable: 0, httpRequests: 9, retries: 4 });
    expect(manifest.lastRun.new).toEqual(ids(EXPORT));
    expect(result.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 9 requests (4 retries): 88 new, 0 changed, 0 unchanged.`);
  }, 60_000);

  it('a page that keeps failing stops the run with exit 1, saying what it wrote; --resume finishes it', async () => {
    for (const n of [3, 4, 5]) registry.faults.set(n, { kind: 'status', status: 503 });
    const sources = newSources();
    const failed = await run(registry, sources, ['--query', ALL, '--page-size', '20'], { CTGOV_RETRIES: '2' });
    expect(failed.status).toBe(1);
    expect(failed.stdout.split('\n')[0]).toBe(`Stopped after 40 studies from ${registry.url} (query "disc OR disk OR spine") in 5 requests (2 retries): 40 new, 0 changed, 0 unchanged.`);
    expect(failed.stdout).toContain(`\nWrote 40 study files in ${sources}/ctgov/.\n`);
    expect(failed.stderr).toMatch(/\nimport failed: http:\/\/127\.0\.0\.1:\d+\/api\/v2\/studies\?[^:]+: gave up after 3 attempts; the last one: HTTP 503 Service Unavailable\n/u);
    expect(failed.stderr).toContain('`npm run import -- --resume` continues from the last complete page.');
    expect(studyFiles(sources).size).toBe(40);
    expect(existsSync(join(sources, 'ctgov', 'import.json'))).toBe(false);

    registry.requests.length = 0;
    registry.faults.clear();
    const resumed = await run(registry, sources, ['--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(served(registry)).toEqual(['page', 'page', 'page']);
    expect(resumed.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 8 requests (2 retries): 88 new, 0 changed, 0 unchanged.`);
    expect(studyFiles(sources)).toEqual(clean);
    expect(manifestOf(sources).lastRun.resumed).toBe(true);
    expect(existsSync(join(sources, 'ctgov', '.import-state.json'))).toBe(false);
  }, 60_000);

  it('a request that gets no answer in time is abandoned and asked again', async () => {
    registry.faults.set(2, { kind: 'hang' });
    registry.faults.set(3, { kind: 'hang' });
    const sources = newSources();
    const result = await run(registry, sources, ['--query', ALL, '--page-size', '50'], { CTGOV_TIMEOUT_MS: '500', CTGOV_RETRIES: '2' });
    expect(result.status, result.stderr).toBe(0);
    expect(served(registry)).toEqual(['page', 'hang', 'hang', 'page']);
    expect(result.stderr).toMatch(/^retry 1 of 2 in 0\.0 s: no complete answer within the time limit \(.+\)\nretry 2 of 2 in 0\.0 s: no complete answer within the time limit \(.+\)\n$/u);
    expect(studyFiles(sources)).toEqual(clean);
  }, 60_000);

  it('a refused request is not retried; its answer is shown', async () => {
    registry.faults.set(1, { kind: 'status', status: 400, body: 'Unknown parameter query.bogus' });
    const result = await run(registry, newSources(), ['--query', ALL]);
    expect(result.status).toBe(1);
    expect(registry.requests).toHaveLength(1);
    expect(result.stderr).toContain(': HTTP 400 Bad Request\n  expected: HTTP 200 with a page of studies\n  found: "Unknown parameter query.bogus"\n');
  }, 60_000);

  it('a Retry-After longer than the run waits stops it at once', async () => {
    registry.faults.set(1, { kind: 'status', status: 429, retryAfter: '3600' });
    const result = await run(registry, newSources(), ['--query', ALL]);
    expect(result.status).toBe(1);
    expect(registry.requests).toHaveLength(1);
    expect(result.stderr).toContain('the server asks to wait 3600 s before the next request (Retry-After), longer than the 300 s this run waits; resume later');
  }, 60_000);
});

describe('an interrupted run', () => {
  it('killed while waiting for a page, resumes from its last complete page without losing or repeating a study', async () => {
    registry.faults.set(3, { kind: 'hang' });
    const sources = newSources();
    const hanging = registry.nextHang();
    const first = start(registry, sources, ['--query', ALL, '--page-size', '20']);
    await hanging;
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(studyFiles(sources).size).toBe(40);
    for (const [name, text] of studyFiles(sources)) expect(text).toBe(clean.get(name));
    expect(existsSync(join(sources, 'ctgov', '.import-state.json'))).toBe(true);
    expect(existsSync(join(sources, 'ctgov', 'import.json'))).toBe(false);
    const hungToken = registry.requests[2]!.url.searchParams.get('pageToken');
    const mtimes = new Map([...studyFiles(sources).keys()].map((n) => [n, statSync(join(sources, 'ctgov', n)).mtimeMs]));

    registry.requests.length = 0;
    registry.faults.clear();
    const resumed = await run(registry, sources, ['--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    // it asks for the page it was waiting for, then the rest: three pages, not five
    expect(served(registry)).toEqual(['page', 'page', 'page']);
    expect(registry.requests[0]!.url.searchParams.get('pageToken')).toBe(hungToken);
    expect(resumed.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 6 requests: 88 new, 0 changed, 0 unchanged.`);
    expect(studyFiles(sources)).toEqual(clean);
    for (const [name, mtime] of mtimes) expect(statSync(join(sources, 'ctgov', name)).mtimeMs).toBe(mtime);
    expect([...filesOf(sources).keys()]).toEqual([...clean.keys(), 'import.json']);
    const manifest = manifestOf(sources);
    expect(manifest.lastRun.resumed).toBe(true);
    expect(manifest.lastRun.new).toEqual(ids(EXPORT));
    expect(Object.keys(manifest.studies)).toEqual(ids(EXPORT));
  }, 60_000);

  it('stopped with SIGTERM, says what it wrote and how to continue', async () => {
    registry.faults.set(2, { kind: 'hang' });
    const sources = newSources();
    const hanging = registry.nextHang();
    const first = start(registry, sources, ['--query', ALL, '--page-size', '20']);
    await hanging;
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.status).toBe(143);
    expect(stopped.stderr).toBe(`interrupted (SIGTERM) after 1 page; 20 study files written in ${sources}/ctgov/. The run's state is saved (.import-state.json): \`npm run import -- --resume\` continues it.\n`);

    registry.faults.clear();
    const fresh = await run(registry, sources, ['--query', ALL, '--page-size', '20']);
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stderr).toMatch(/^An interrupted run \(started [^)]+, 1 page done\) is set aside: this run starts over\. Use --resume to continue a run\.\n$/u);
    expect(studyFiles(sources)).toEqual(clean);
  }, 60_000);

  it('a study file that cannot be read stops the run, naming it; --resume finishes once it is fixed', async () => {
    const sources = newSources();
    // the 46th study (page 3) cannot be compared: a folder is in its file's place
    const blocked = join(sources, 'ctgov', `${idOf(EXPORT[45]!)}.json`);
    mkdirSync(join(blocked, 'inside'), { recursive: true });
    const failed = await run(registry, sources, ['--query', ALL, '--page-size', '20']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`import failed: cannot read ${blocked} to compare it with the registry's version: EISDIR`);
    expect(failed.stdout).toContain(`\nWrote 40 study files in ${sources}/ctgov/.\n`);

    rmSync(blocked, { recursive: true });
    registry.requests.length = 0;
    const resumed = await run(registry, sources, ['--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(served(registry)).toEqual(['page', 'page', 'page']);
    expect(studyFiles(sources)).toEqual(clean);
  }, 60_000);

  it('killed after writing part of a page, resumes that page and still counts its studies as new', async () => {
    registry.faults.set(3, { kind: 'hang' });
    const sources = newSources();
    const hanging = registry.nextHang();
    const first = start(registry, sources, ['--query', ALL, '--page-size', '20']);
    await hanging;
    first.child.kill('SIGKILL');
    await first.done;
    // what the run leaves when killed between steps 3 and 4 of a page (src/import/run.ts): page 3's
    // outcomes saved as pending, five of its twenty files written
    const statePath = join(sources, 'ctgov', '.import-state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state.pages).toBe(2);
    const page3 = EXPORT.slice(40, 60);
    state.pending = Object.fromEntries(
      page3.map((s) => [idOf(s), { outcome: 'new', changes: [], lastUpdatePostDate: lastUpdateOf(s), retrieved: '2026-12-01', problem: null, scope: { screened: false } }]),
    );
    writeFileSync(statePath, JSON.stringify(state));
    for (const s of page3.slice(0, 5)) writeFileSync(join(sources, 'ctgov', `${idOf(s)}.json`), clean.get(`${idOf(s)}.json`)!);

    registry.requests.length = 0;
    registry.faults.clear();
    const resumed = await run(registry, sources, ['--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 6 requests: 88 new, 0 changed, 0 unchanged.`);
    expect(studyFiles(sources)).toEqual(clean);
    expect(manifestOf(sources).lastRun.new).toEqual(ids(EXPORT));
  }, 60_000);

  it('--resume with nothing to resume says so', async () => {
    const sources = newSources();
    const result = await run(registry, sources, ['--resume']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`import cannot start: nothing to resume: no interrupted run in ${sources}/ctgov/ (no .import-state.json)\n`);
  }, 60_000);
});

describe('importing again', () => {
  it('leaves unchanged studies’ files untouched (bytes and times), and reports a changed study field by field', async () => {
    const sources = newSources();
    expect((await run(registry, sources, ['--query', ALL, '--page-size', '50'])).status).toBe(0);
    const before = studyFiles(sources);
    const mtimes = new Map([...before.keys()].map((n) => [n, statSync(join(sources, 'ctgov', n)).mtimeMs]));

    const again = await run(registry, sources, ['--query', ALL, '--page-size', '50']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 2 requests: 0 new, 0 changed, 88 unchanged.`);
    expect(again.stdout).toContain('\nWrote 0 study files in ');
    expect(studyFiles(sources)).toEqual(before);
    for (const [name, mtime] of mtimes) expect(statSync(join(sources, 'ctgov', name)).mtimeMs, name).toBe(mtime);
    expect(manifestOf(sources).lastRun.unchanged).toEqual(ids(EXPORT));

    // the registry updates one study
    const updated = structuredClone(EXPORT.find((s) => idOf(s) === 'NCT05287867')!);
    updated.protocolSection.statusModule.overallStatus = 'COMPLETED';
    updated.protocolSection.statusModule.lastUpdatePostDateStruct = { date: '2026-11-20', type: 'ACTUAL' };
    registry.studies = EXPORT.map((s) => (idOf(s) === 'NCT05287867' ? updated : s));
    const changed = await run(registry, sources, ['--query', ALL, '--page-size', '50']);
    expect(changed.status, changed.stderr).toBe(0);
    const lines = changed.stdout.split('\n');
    expect(lines[0]).toBe(`Imported 88 studies from ${registry.url} (query "disc OR disk OR spine") in 2 requests: 0 new, 1 changed, 87 unchanged.`);
    expect(lines.slice(1, 5)).toEqual(['Changed (1):', '  NCT05287867', '    status: "RECRUITING" → "COMPLETED"', '    dates.lastUpdated.date: "2023-09-26" → "2026-11-20"']);
    const after = studyFiles(sources);
    expect(JSON.parse(after.get('NCT05287867.json')!)).toEqual(updated);
    for (const [name, mtime] of mtimes) if (name !== 'NCT05287867.json') expect(statSync(join(sources, 'ctgov', name)).mtimeMs, name).toBe(mtime);
    const manifest = manifestOf(sources);
    expect(manifest.lastRun.changed).toEqual({ NCT05287867: ['status: "RECRUITING" → "COMPLETED"', 'dates.lastUpdated.date: "2023-09-26" → "2026-11-20"'] });
    expect(manifest.studies.NCT05287867).toEqual({ lastUpdatePostDate: '2026-11-20', retrieved: '2026-12-01' });

    // an --ids run refreshes its studies and keeps the others in the manifest
    const one = await run(registry, sources, ['--ids', 'NCT06144970']);
    expect(one.status, one.stderr).toBe(0);
    expect(Object.keys(manifestOf(sources).studies)).toEqual(ids(EXPORT));
  }, 90_000);
});
