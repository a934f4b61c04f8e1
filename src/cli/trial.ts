/**
 * Curator command: `npm run trial -- <file> [--as-of YYYY-MM-DD]`
 *
 * Prints the normalised trial(s) of one record file as JSON on stdout, and a summary of the
 * detected format and the flags on stderr, without building the site. Exit code 1 when the file
 * cannot be read as a trial record, 2 on wrong usage.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { assemble, readSourceFile } from '../ingest/catalogue.ts';
import { detectFormat } from '../ingest/detect.ts';
import { IngestError } from '../ingest/types.ts';
import { toPublicTrial } from '../schemas/trial.ts';

const USAGE = 'usage: npm run trial -- <record file> [--as-of YYYY-MM-DD]';

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
  let content: string;
  try {
    content = readFileSync(full, 'utf8');
  } catch (error) {
    process.stderr.write(`cannot read ${args[0]}: ${(error as Error).message}\n`);
    return 1;
  }
  const sourcesDir = resolve('content/sources');
  const path = full.startsWith(`${sourcesDir}/`) ? relative(sourcesDir, full) : basename(full);
  try {
    const file = { path, content };
    const detection = detectFormat(file);
    const reading = readSourceFile(file);
    const trials = assemble([reading], { asOf });
    process.stdout.write(`${JSON.stringify(trials.length === 1 ? toPublicTrial(trials[0]!) : trials.map(toPublicTrial), null, 2)}\n`);
    const lines = [`${path}: ${detection.format} format, ${trials.length} trial${trials.length === 1 ? '' : 's'}`];
    for (const trial of trials) {
      lines.push(`  ${trial.id} — ${trial.title}`);
      if (trial.flags.length === 0) lines.push('    no flags');
      for (const flag of trial.flags) lines.push(`    [${flag.severity}] ${flag.code}${flag.field ? ` (${flag.field})` : ''}: ${flag.message}`);
    }
    process.stderr.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
