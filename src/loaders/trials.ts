/**
 * The Astro content loader of the `trials` collection: a thin adapter from the content layer to
 * `src/ingest`. It lists the record files, reuses the cached reading of every file whose content
 * (and whose ingestion code) has not changed, assembles the trials and stores them with digests,
 * so unchanged trials are not re-parsed or re-validated.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { assemble, listSourceFiles, readCurationFiles, readRetrievalFiles, readSourceFileOrReport, sortUnreadable, sourceFileAt, type FileReading } from '../ingest/catalogue.ts';
import { readRetrievals } from '../ingest/retrieval.ts';
import { IngestError, unreadableMessage, type Unreadable } from '../ingest/types.ts';
import { IMPORT_REPORT_ID } from '../schemas/import-report.ts';

export interface TrialsLoaderOptions {
  /** folder of the record files, relative to the project root */
  base: string;
  /** folder of the curation overlays (<trial id>.yaml), relative to the project root */
  curation?: string;
  /** "today" for the staleness flags; defaults to CATALOGUE_AS_OF (YYYY-MM-DD) or the build date */
  asOf?: Date;
}

/** A digest of the code that turns records into trials: a change there invalidates every cached reading. */
function codeVersion(root: string, digest: LoaderContext['generateDigest']): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, name.name);
      if (name.isDirectory()) walk(full);
      else if (name.name.endsWith('.ts')) parts.push(name.name, readFileSync(full, 'utf8'));
    }
  };
  walk(join(root, 'src/ingest'));
  walk(join(root, 'src/schemas'));
  walk(join(root, 'src/domain'));
  return digest(parts.join('\0'));
}

/** CATALOGUE_STRICT=1 (CI): a file that cannot be read fails the build instead of being listed on the import report. */
export function strictMode(): boolean {
  return /^(1|true|yes)$/iu.test(process.env.CATALOGUE_STRICT ?? '');
}

// ---- the import report, shared with the `unreadable` collection's loader (one build, one module instance)
let latest: Unreadable[] | null = null;
const waiting: ((list: Unreadable[]) => void)[] = [];
let reportStore: LoaderContext['store'] | null = null;

function publishReport(list: Unreadable[]): void {
  latest = list;
  for (const resolve of waiting.splice(0)) resolve(list);
  if (reportStore) writeReport(reportStore, list);
}

function writeReport(store: LoaderContext['store'], list: readonly Unreadable[]): void {
  store.clear();
  store.set({ id: IMPORT_REPORT_ID, data: { unreadable: list.map((u) => ({ ...u })) } });
}

/**
 * The loader of the `importReport` collection: one entry listing the files (or rows) the trials
 * loader could not read, each with its reason. It waits for the trials loader's reading of the sources and, in dev, is
 * rewritten whenever that reading is.
 */
export function importReportLoader(): Loader {
  return {
    name: 'msc-import-report-loader',
    async load({ store }) {
      reportStore = store;
      const list = latest ?? (await new Promise<Unreadable[]>((resolve) => waiting.push(resolve)));
      writeReport(store, list);
    },
  };
}

export function asOfDate(): Date {
  const env = process.env.CATALOGUE_AS_OF;
  if (env && /^\d{4}-\d{2}-\d{2}$/u.test(env)) return new Date(`${env}T00:00:00Z`);
  return new Date();
}

export function trialsLoader(options: TrialsLoaderOptions): Loader {
  return {
    name: 'msc-trials-loader',
    async load(context) {
      const { store, meta, logger, generateDigest, watcher, config } = context;
      const root = fileURLToPath(config.root);
      const dir = resolve(root, options.base);
      const version = codeVersion(root, generateDigest);
      // Readings are cached as files in Astro's cache folder, not in the loader's meta store: the
      // meta store is bundled into the build with the collection, and a reading is larger than
      // the trials it yields (measured: 58 MB of meta beside 15 MB of trials at 2,000 trials).
      const cacheDir = join(fileURLToPath(config.cacheDir), 'msc-readings');
      mkdirSync(cacheDir, { recursive: true });
      const cachePath = (path: string) => join(cacheDir, `${generateDigest(`${dir}\0${path}`)}.json`);
      const cached = (path: string, digest: string): { reading: FileReading | null; unreadable: Unreadable[] } | null => {
        try {
          const parsed = JSON.parse(readFileSync(cachePath(path), 'utf8')) as { digest: string; reading: FileReading | null; unreadable?: Unreadable[] };
          return parsed.digest === digest ? { reading: parsed.reading, unreadable: parsed.unreadable ?? [] } : null;
        } catch {
          return null; // no cache yet, or an unreadable one: read the record again
        }
      };

      /** An unreadable file fails the build in strict mode, else is warned about (and listed on the import report). */
      const checkReport = (report: readonly Unreadable[]) => {
        if (report.length === 0) return;
        const list = report.map((u) => `  ${u.file}${u.row !== null ? `, row ${u.row}` : ''}: ${u.reason}${u.field ? ` (${u.row !== null ? 'column' : 'field'} ${u.field})` : ''}`).join('\n');
        const files = new Set(report.map((u) => u.file)).size;
        const what = `${report.length} ${report.length === 1 ? 'entry' : 'entries'} (whole files, or rows of one) from ${files} record file${files === 1 ? '' : 's'}`;
        if (strictMode()) throw new Error(`${what} cannot be published (CATALOGUE_STRICT is set):\n${report.map(unreadableMessage).join('\n')}`);
        logger.warn(`${what} could not be read; listed on /data/import-report/ (set CATALOGUE_STRICT=1 to fail instead):\n${list}`);
      };

      const sync = async () => {
        const started = performance.now();
        let reused = 0;
        const readings: FileReading[] = [];
        // a file that cannot be read is listed on the import report; it never hides the other trials
        const unreadable: Unreadable[] = [];
        const paths = listSourceFiles(dir);
        const files = paths.map((path) => {
          const file = sourceFileAt(dir, path);
          return { path, file, digest: generateDigest(`${version}\0${file.encoding ?? 'utf-8'}\0${file.content}`) };
        });
        const curations = options.curation ? readCurationFiles(options.curation) : [];
        const asOf = options.asOf ?? asOfDate();
        const retrievalFiles = readRetrievalFiles(dir);
        // Everything the entries depend on: the code, every record file, the curation overlays, the
        // retrieval register and manifest, and the catalogue's date. Unchanged, the store already
        // holds exactly these entries (a warm build): nothing is read, assembled or stored again.
        const assembly = generateDigest(
          JSON.stringify([version, asOf.toISOString().slice(0, 10), files.map((f) => [f.path, f.digest]), curations, retrievalFiles]),
        );
        const previous = meta.get('assembly');
        const previousReport = meta.get('report');
        if (previous === assembly && previousReport !== undefined && store.keys().length > 0) {
          const report = JSON.parse(previousReport) as Unreadable[];
          checkReport(report);
          publishReport(report);
          logger.info(
            `${store.keys().length} trials from ${paths.length} record files (nothing changed: the stored trials are kept)${report.length ? `, ${report.length} unreadable` : ''} in ${Math.round(performance.now() - started)} ms`,
          );
          return;
        }
        for (const { path, file, digest } of files) {
          meta.delete(`reading:${path}`); // where earlier versions kept the reading
          let result = cached(path, digest);
          if (result) reused += 1;
          else {
            result = readSourceFileOrReport(file);
            writeFileSync(cachePath(path), JSON.stringify({ digest, ...result }));
          }
          unreadable.push(...result.unreadable);
          if (result.reading) readings.push(result.reading);
        }
        const entries = assemble(readings, { asOf, curations, unreadable, retrievals: readRetrievals(retrievalFiles, paths) });
        const report = sortUnreadable(unreadable);
        checkReport(report);
        publishReport(report);
        const ids = new Set(entries.map((e) => e.id));
        for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
        let changed = 0;
        for (const entry of entries) {
          const digest = generateDigest(JSON.stringify(entry));
          const existing = store.get(entry.id);
          if (existing?.digest === digest) continue;
          // assemble() has validated every entry against the collection's schema already
          // (CatalogueEntrySchema, with file/field errors); parsing it again would cost a second pass
          const data = entry as unknown as Record<string, unknown>;
          const filePath = relative(root, join(dir, entry.sources[0]!.file));
          // Astro tracks files inside the project only; a folder elsewhere (tests, benchmarks) has none
          store.set({ id: entry.id, data, digest, ...(filePath.startsWith('..') ? {} : { filePath }) });
          changed += 1;
        }
        meta.set('assembly', assembly);
        meta.set('report', JSON.stringify(report));
        logger.info(
          `${entries.length} trials from ${paths.length} record files (${paths.length - reused} read, ${reused} unchanged; ${changed} entries updated)${report.length ? `, ${report.length} unreadable` : ''} in ${Math.round(performance.now() - started)} ms`,
        );
      };

      try {
        await sync();
      } catch (error) {
        if (error instanceof IngestError) {
          // stop the build with the file, field, expected and found spelled out
          throw new Error(`A record or curation file cannot be published:\n${error.message}`);
        }
        throw error;
      }

      const watched = [dir, ...(options.curation ? [resolve(root, options.curation)] : [])];
      for (const w of watched) watcher?.add(w);
      watcher?.on('all', (_event, changedPath) => {
        if (!watched.some((w) => resolve(changedPath).startsWith(`${w}${sep}`))) return;
        sync().catch((error: Error) => logger.error(error.message));
      });
    },
  };
}
