/**
 * Curator command: `npm run trial -- <file> [--as-of YYYY-MM-DD]`
 *
 * Prints the normalised trial(s) of one record file as JSON on stdout and, on stderr, the
 * detected format, each trial's scope verdict and flags — without building the site. A CSV
 * download prints every row's trial (with its row number) and every row it cannot read. When a
 * trial of the file is already in the catalogue (content/sources, merged with its other records
 * and curation), it also prints what adding the file would change, field by field. Exit code 1
 * when the file, or any row of it, cannot be read as a trial record; 2 on wrong usage.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { assemble, listSourceFiles, readCurationFiles, readSourceFile, sourceFileAt, type FileReading } from '../ingest/catalogue.ts';
import { decodeRecord } from '../ingest/encoding.ts';
import { detectFormat } from '../ingest/detect.ts';
import { IngestError, unreadableMessage } from '../ingest/types.ts';
import { SCOPE } from '../domain/vocabulary.ts';
import { toPublicTrial, type Trial } from '../schemas/trial.ts';
import { diffTrials } from '../ingest/diff.ts';
import { explanationLines } from '../ingest/explain.ts';

const USAGE = 'usage: npm run trial -- <record file> [--as-of YYYY-MM-DD]';
const SOURCES = 'content/sources';
const CURATION = 'content/curation';

function main(argv: string[]): number {
  const args = [...argv];
  let asOf = new Date();
  const at = args.indexOf('--as-of');
  if (at >= 0) {
    const value = args[at + 1];
    if (!value || !/^\d{4}-\d{2}-\d{2}$/u.test(value)) {
      process.stderr.write(`--as-of needs a date as YYYY-MM-DD\n${USAGE}\n`);
      return 2;
    }
    asOf = new Date(`${value}T00:00:00Z`);
    args.splice(at, 2);
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const full = resolve(args[0]!);
  let decoded: ReturnType<typeof decodeRecord>;
  try {
    decoded = decodeRecord(readFileSync(full));
  } catch (error) {
    process.stderr.write(`cannot read ${args[0]}: ${(error as Error).message}\n`);
    return 1;
  }
  const sourcesDir = resolve(SOURCES);
  const inside = full.startsWith(`${sourcesDir}${sep}`);
  const path = inside ? relative(sourcesDir, full).split(sep).join('/') : basename(full);
  try {
    const file = { path, content: decoded.content, ...(decoded.encoding === 'utf-8' ? {} : { encoding: decoded.encoding }) };
    const detection = detectFormat(file);
    const reading = readSourceFile(file);
    const trials = assemble([reading], { asOf });
    process.stdout.write(`${JSON.stringify(trials.length === 1 ? toPublicTrial(trials[0]!) : trials.map(toPublicTrial), null, 2)}\n`);
    const unreadable = reading.unreadable;
    const lines = [
      `${path}: ${detection.format} format, ${trials.length} trial${trials.length === 1 ? '' : 's'}${unreadable.length ? `, ${unreadable.length} unreadable row${unreadable.length === 1 ? '' : 's'}` : ''}`,
    ];
    for (const trial of trials) {
      const rows = trial.sources.map((s) => s.row).filter((r): r is number => r !== null);
      lines.push(`  ${rows.length ? `row ${rows.join(', ')}: ` : ''}${trial.id} — ${trial.title}`);
      lines.push(`    scope ${trial.scope.value} (${SCOPE[trial.scope.value].label}): ${trial.scope.reason}`);
      const quality = trial.flags.filter((f) => f.code !== 'registered-not-approved');
      if (quality.length === 0) lines.push('    no flags');
      for (const flag of quality) lines.push(`    [${flag.severity}] ${flag.code}${flag.field ? ` (${flag.field})` : ''}: ${flag.message}`);
      // what was read, and what was not and why (a multi-study JSON file: the first study only, to stay readable)
      if (trials.length === 1) lines.push(...explanationLines(toPublicTrial(trial) as Trial, reading.ignored));
    }
    for (const u of unreadable) lines.push(`error: ${unreadableMessage(u)}`);
    lines.push(...importReport(reading, inside ? path : null, asOf));
    process.stderr.write(`${lines.join('\n')}\n`);
    return unreadable.length ? 1 : 0;
  } catch (error) {
    if (error instanceof IngestError) {
      process.stderr.write(
        `error: ${error.message}\nThis file cannot become a trial. A build publishes every other trial and lists this file, with the reason above, on /data/import-report/ (with CATALOGUE_STRICT=1, as in CI, the build fails instead).\n`,
      );
      return 1;
    }
    throw error;
  }
}

/**
 * What the catalogue would look like with this file: for each of its trials already in the
 * catalogue, the fields that change. Reads content/sources and content/curation as a build would.
 */
function importReport(reading: FileReading, ownPath: string | null, asOf: Date): string[] {
  let others: FileReading[];
  try {
    others = listSourceFiles(SOURCES)
      .filter((p) => p !== ownPath)
      .map((p) => readSourceFile(sourceFileAt(SOURCES, p)));
  } catch {
    return [];
  }
  const curations = readCurationFiles(CURATION);
  const before = new Map(assemble(others, { asOf, curations: [] }).map((t) => [t.id, t]));
  const after = assemble([...others, reading], { asOf, curations: [] });
  const ids = new Set(reading.drafts.flatMap((d) => [d.id, ...d.registryIds]));
  const lines: string[] = [];
  for (const trial of after.filter((t) => t.registryIds.some((r) => ids.has(r)) || ids.has(t.id))) {
    const old = before.get(trial.id) ?? [...before.values()].find((b) => b.registryIds.some((r) => trial.registryIds.includes(r)));
    if (!old) {
      lines.push(`  ${trial.id} is new to the catalogue.`);
      continue;
    }
    const changes = diffTrials(toPublicTrial(old) as Trial, toPublicTrial(trial) as Trial);
    lines.push(`  ${trial.id} is already in the catalogue (${old.sources.map((s) => s.file).join(', ')}); adding ${reading.path} would change:`);
    if (changes.length === 0) lines.push('    nothing');
    for (const c of changes) lines.push(`    ${c.path}: ${c.before} → ${c.after}`);
    if (curations.length) lines.push('  (curation overlays are applied after merging and are not part of this comparison)');
  }
  return lines;
}

process.exitCode = main(process.argv.slice(2));
