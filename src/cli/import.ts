/**
 * Import command: `npm run import -- [--query TEXT] [--ids NCT…] [--since YYYY-MM-DD] [--resume] [--page-size N]`
 *
 * Brings the catalogue's ClinicalTrials.gov records up to date from the registry's API v2:
 * every matching study is written to `<CATALOGUE_SOURCES>/ctgov/<NCT id>.json`, the manifest
 * `import.json` beside them, and a summary (new, changed field by field, unchanged) on stdout.
 * Without --query or --ids it runs the catalogue's MSC query (src/domain/msc-query.ts).
 * Progress, retries and errors go to stderr. Exit code 0 when all went well; 1 when the run
 * stopped part-way (it says what it wrote; `--resume` continues it), an id was not found, or a
 * written study cannot be read by the catalogue; 2 on wrong usage or settings. docs/import.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importTerms } from '../domain/msc-query.ts';
import { MSC_PRODUCTS } from '../domain/products.ts';
import { DEFAULT_API_URL, MAX_PAGE_SIZE } from '../import/api.ts';
import { Client } from '../import/client.ts';
import { isIsoDate, parseIds, type ImportRequest } from '../import/query.ts';
import { IMPORT_FOLDER, RunFailure, StartError, STATE_FILE, runImport, type Progress } from '../import/run.ts';

const USAGE = 'usage: npm run import -- [--query TEXT] [--ids NCT…] [--since YYYY-MM-DD] [--resume] [--page-size N]';

/** The terms of the default query: the generic MSC terms and every name of the product vocabulary. */
const DEFAULT_TERMS = importTerms(MSC_PRODUCTS.flatMap((p) => p.names));

class UsageError extends Error {}

const pages = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

function intSetting(name: string, fallback: number, min: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/u.test(value) || Number(value) < min) throw new UsageError(`${name}=${value}: expected a whole number of at least ${min}`);
  return Number(value);
}

function apiUrl(): string {
  const value = process.env.CTGOV_API_URL || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`CTGOV_API_URL=${value}: expected an http(s) URL such as ${DEFAULT_API_URL}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`CTGOV_API_URL=${value}: expected an http(s) URL such as ${DEFAULT_API_URL}`);
  return value.replace(/\/+$/u, '');
}

function userAgent(): string {
  const { name, version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  const site = (process.env.SITE_URL || 'https://msc-trials.example.org').replace(/\/+$/u, '');
  return `${name}/${version} (MSC Trials Catalogue; +${site}/about/)`;
}

function parse(argv: string[]): { request: ImportRequest; resume: boolean; pageSize: number } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        query: { type: 'string' },
        ids: { type: 'string', multiple: true },
        since: { type: 'string' },
        resume: { type: 'boolean' },
        'page-size': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const resume = values.resume ?? false;
  if (resume && (values.query !== undefined || values.ids !== undefined || values.since !== undefined || values['page-size'] !== undefined)) {
    throw new UsageError('--resume continues the interrupted run with the options it was started with; give it alone');
  }
  if (values.query !== undefined && values.query.trim() === '') throw new UsageError('--query needs a search expression');
  if (values.since !== undefined && !isIsoDate(values.since)) throw new UsageError(`--since ${values.since}: expected a date written YYYY-MM-DD`);
  let ids: string[] = [];
  if (values.ids !== undefined) {
    try {
      ids = parseIds(values.ids);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  const size = values['page-size'] ?? String(MAX_PAGE_SIZE);
  if (!/^\d+$/u.test(size) || Number(size) < 1 || Number(size) > MAX_PAGE_SIZE) throw new UsageError(`--page-size ${size}: expected a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return {
    request: { query: values.query?.trim() ?? null, terms: DEFAULT_TERMS, ids, since: values.since ?? null },
    resume,
    pageSize: Number(size),
  };
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parse>;
  let client: Client;
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) process.stderr.write('\r\u001b[K');
    progressShown = false;
  };
  const note = (line: string) => {
    clearProgress();
    process.stderr.write(`${line}\n`);
  };
  try {
    args = parse(argv);
    client = new Client({
      baseUrl: apiUrl(),
      userAgent: userAgent(),
      timeoutMs: intSetting('CTGOV_TIMEOUT_MS', 120_000, 1),
      retries: intSetting('CTGOV_RETRIES', 5, 0),
      backoffMs: intSetting('CTGOV_BACKOFF_MS', 2_000, 0),
      maxBackoffMs: 60_000,
      maxRetryAfterMs: 300_000,
      minIntervalMs: intSetting('CTGOV_MIN_INTERVAL_MS', 1_200, 0),
      onRetry: (r) => note(`retry ${r.attempt} of ${r.of} in ${(r.delayMs / 1000).toFixed(1)} s: ${r.reason} (${r.url})`),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }

  const sourcesDir = process.env.CATALOGUE_SOURCES || 'content/sources';
  let last: Progress | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    clearProgress();
    process.stderr.write(
      `interrupted (${signal}) after ${pages(last?.pages ?? 0)}; ${last?.written ?? 0} study file${last?.written === 1 ? '' : 's'} written in ${join(sourcesDir, IMPORT_FOLDER)}/. ` +
        `The run's state is saved (${STATE_FILE}): \`npm run import -- --resume\` continues it.\n`,
    );
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const outcome = await runImport({
      sourcesDir,
      request: args.request,
      pageSize: args.pageSize,
      resume: args.resume,
      client,
      asOf: new Date(),
      onNote: note,
      onProgress: (p) => {
        last = p;
        if (!tty) return;
        process.stderr.write(`\r\u001b[Kimporting: ${p.done}${p.total === null ? '' : ` of ${p.total}`} studies (${pages(p.pages)})`);
        progressShown = true;
      },
    });
    clearProgress();
    process.stdout.write(`${outcome.lines.join('\n')}\n`);
    return outcome.exitCode;
  } catch (error) {
    clearProgress();
    if (error instanceof RunFailure) {
      process.stdout.write(`${error.lines.join('\n')}\n`);
      process.stderr.write(`import failed: ${error.message}\nThe run's state is saved: \`npm run import -- --resume\` continues from the last complete page.\n`);
      return 1;
    }
    if (error instanceof StartError) {
      process.stderr.write(`import cannot start: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
