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
import { assemble, listSourceFiles, readCurationFiles, readSourceFile, sourceFileAt, type FileReading } from '../ingest/catalogue.ts';
import { IngestError } from '../ingest/types.ts';

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
  return digest(parts.join('\0'));
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
      const cached = (path: string, digest: string): FileReading | null => {
        try {
          const parsed = JSON.parse(readFileSync(cachePath(path), 'utf8')) as { digest: string; reading: FileReading };
          return parsed.digest === digest ? parsed.reading : null;
        } catch {
          return null; // no cache yet, or an unreadable one: read the record again
        }
      };

      const sync = async () => {
        const started = performance.now();
        let reused = 0;
        const readings: FileReading[] = [];
        for (const path of listSourceFiles(dir)) {
          const file = sourceFileAt(dir, path);
          const digest = generateDigest(`${version}\0${file.encoding ?? 'utf-8'}\0${file.content}`);
          meta.delete(`reading:${path}`); // where earlier versions kept the reading
          const hit = cached(path, digest);
          if (hit) {
            readings.push(hit);
            reused += 1;
            continue;
          }
          const reading = readSourceFile(file);
          writeFileSync(cachePath(path), JSON.stringify({ digest, reading }));
          readings.push(reading);
        }
        const curations = options.curation ? readCurationFiles(options.curation) : [];
        const entries = assemble(readings, { asOf: options.asOf ?? asOfDate(), curations });
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
        logger.info(
          `${entries.length} trials from ${readings.length} record files (${readings.length - reused} read, ${reused} unchanged; ${changed} entries updated) in ${Math.round(performance.now() - started)} ms`,
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
