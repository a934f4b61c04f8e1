/**
 * What `npm run import` writes builds: the real `astro build` over a sources folder filled by the
 * import command from a local stand-in of the registry (tests/import/registry.ts), with the
 * import's bookkeeping beside the studies — the manifest, a resume state, a lock, a temporary
 * file of a killed run — none of which is read as a record.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT, idOf, startRegistry, type Study } from '../import/registry.ts';

const temp = mkdtempSync(join(tmpdir(), 'msc-import-build-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function node(args: string[], env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('astro build over imported studies', () => {
  it('publishes every imported study in scope and the seeds, lists the rest as screened out, and reads none of the import’s bookkeeping as a record', async () => {
    const sources = join(temp, 'sources');
    cpSync('content/sources/seeds', join(sources, 'seeds'), { recursive: true });
    const registry = await startRegistry();
    try {
      const imported = await node(['src/cli/import.ts', '--query', 'disc OR disk OR spine', '--page-size', '50'], {
        CTGOV_API_URL: registry.url,
        CATALOGUE_SOURCES: sources,
        CTGOV_MIN_INTERVAL_MS: '0',
      });
      expect(imported.status, imported.output).toBe(0);
    } finally {
      await registry.close();
    }
    const dir = join(sources, 'ctgov');
    expect(JSON.parse(readFileSync(join(dir, 'import.json'), 'utf8')).lastRun.counts.new).toBe(88);
    // what an interrupted run leaves beside them
    writeFileSync(join(dir, '.import-state.json'), JSON.stringify({ version: 1, passes: [] }));
    writeFileSync(join(dir, '.import.lock'), '4242');
    writeFileSync(join(dir, `.${idOf(EXPORT[0]!)}.json.4242.7.tmp`), '{"protocolSection": {"identificationModule": {"nctId": "NCT09999999", "briefTitle": "half a');

    const out = join(temp, 'dist');
    const built = await node(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      CATALOGUE_SOURCES: sources,
      CATALOGUE_CURATION: join(temp, 'no-curation'),
      CATALOGUE_AS_OF: '2026-12-01',
      CATALOGUE_OG_IMAGES: '0',
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    expect(built.status, built.output).toBe(0);
    type Published = { id: string; scope: { value: string }; sources: { file: string; format: string }[] };
    const trials = JSON.parse(readFileSync(join(out, 'trials.json'), 'utf8')) as Published[];
    const screenedOut = JSON.parse(readFileSync(join(out, 'data/screened-out.json'), 'utf8')) as Published[];
    const seeds = ['NCT04208646', 'NCT04501354', 'NCT05921058', 'NCT06688318', 'NCT07157891'];
    // the query matched spine surgery too: those studies screen out of scope and are listed apart, none lost
    expect([...trials, ...screenedOut].map((t) => t.id).sort()).toEqual([...EXPORT.map(idOf), ...seeds].sort());
    expect(trials.every((t) => t.scope.value !== 'OTHER')).toBe(true);
    expect(screenedOut.every((t) => t.scope.value === 'OTHER')).toBe(true);
    expect(trials.filter((t) => !seeds.includes(t.id)).map((t) => t.id)).toEqual([
      'NCT03853356', 'NCT04042844', 'NCT05238740', 'NCT06325566', 'NCT06490887', 'NCT06589271',
    ]);
    const files = [...trials, ...screenedOut].flatMap((t) => t.sources.map((s) => s.file));
    expect(files.filter((f) => f.startsWith('ctgov/')).sort()).toEqual(EXPORT.map((s) => `ctgov/${idOf(s)}.json`).sort());
    expect(screenedOut.find((t) => t.id === 'NCT05287867')!.sources).toEqual([
      { file: 'ctgov/NCT05287867.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/u), retrieved: '2026-12-01', row: null },
    ]);
    expect(built.output).toContain('93 trials from 93 record files');
  }, 240_000);

  it('an imported study merged with an older CSV row of the same trial shows the newer status, with both records’ dates', async () => {
    // the real 2022 download's row of NCT04042844 (recruiting, last updated 2022-08-12, retrieved 2022-10-09) ...
    const sources = join(temp, 'merged-sources');
    cpSync('content/sources/seeds', join(sources, 'seeds'), { recursive: true }); // the guides cite seed trials
    cpSync('tests/fixtures/records/ctgov-csv/classic-NCT04042844.csv', join(sources, 'ctgov-csv/classic-NCT04042844.csv'));
    writeFileSync(join(sources, '_retrieved.yaml'), 'ctgov-csv/classic-NCT04042844.csv: 2022-10-09\n');
    // ... and the registry's record of it, as the export has it (2024-04-16) with a later update: enrollment closed on 2026-11-20
    const real = EXPORT.find((s) => idOf(s) === 'NCT04042844')!;
    const updated: Study = structuredClone(real);
    updated.protocolSection.statusModule.overallStatus = 'ACTIVE_NOT_RECRUITING';
    updated.protocolSection.statusModule.lastUpdatePostDateStruct = { date: '2026-11-20', type: 'ACTUAL' };
    const registry = await startRegistry([updated]);
    try {
      const imported = await node(['src/cli/import.ts', '--ids', 'NCT04042844'], { CTGOV_API_URL: registry.url, CATALOGUE_SOURCES: sources, CTGOV_MIN_INTERVAL_MS: '0' });
      expect(imported.status, imported.output).toBe(0);
    } finally {
      await registry.close();
    }
    const out = join(temp, 'merged-dist');
    const built = await node(['node_modules/astro/bin/astro.mjs', 'build', '--outDir', out], {
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      CATALOGUE_SOURCES: sources,
      CATALOGUE_CURATION: join(temp, 'no-curation'),
      CATALOGUE_AS_OF: '2026-12-01',
      CATALOGUE_OG_IMAGES: '0',
      CATALOGUE_STRICT: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    expect(built.status, built.output).toBe(0);
    const trial = JSON.parse(readFileSync(join(out, 'trials/NCT04042844.json'), 'utf8'));
    expect(trial.status).toBe('ACTIVE_NOT_RECRUITING');
    expect(trial.sources).toEqual([
      { file: 'ctgov/NCT04042844.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: '2026-11-20', retrieved: '2026-12-01', row: null },
      { file: 'ctgov-csv/classic-NCT04042844.csv', format: 'ctgov-csv-classic', site: 'clinicaltrials.gov', asOf: '2022-08-12', retrieved: '2022-10-09', row: 2 },
    ]);
    expect(trial.flags.map((f: { code: string }) => f.code)).not.toContain('possibly-out-of-date');
    const html = readFileSync(join(out, 'trials/NCT04042844/index.html'), 'utf8').replace(/<!--.*?-->/gsu, '');
    expect(html).toContain('Active, not recruiting');
    expect(html).toContain('as of 20 Nov 2026; retrieved 1 Dec 2026');
    expect(html).toContain('registry record last updated 12 Aug 2022 · retrieved 9 Oct 2022');
    expect(html).not.toContain('data-out-of-date');
  }, 240_000);
});
