/** The curator command, run as a curator would: `npm run trial -- <file>`. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const trial = (...args: string[]) =>
  // the whole CSV download (1,389 trials) and the 88 studies of the API export print more than the default 1 MB of stdout
  spawnSync(process.execPath, ['src/cli/trial.ts', ...args], { encoding: 'utf8', env: { ...process.env }, maxBuffer: 256 * 1024 * 1024 });

describe('npm run trial', () => {
  it('prints the normalised trial as JSON and its flags, without building', () => {
    const run = trial('content/sources/seeds/000_86288b0c402870c7.txt', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.id).toBe('NCT06688318');
    expect(printed.sources).toEqual([{ file: 'seeds/000_86288b0c402870c7.txt', format: 'veeva', site: 'ctv.veeva.com', asOf: null, retrieved: null, row: null }]);
    expect(run.stderr).toContain('seeds/000_86288b0c402870c7.txt: veeva format, 1 trial');
    expect(run.stderr).toContain('[warning] age-unit-mismatch (eligibility.minAge)');
    // what was read, and what was not and why
    expect(run.stderr).toMatch(/ {4}read \(\d+\): registryIds, secondaryIds, title, status, phases, studyType, conditions, sponsor/u);
    expect(run.stderr).toMatch(/ {4}not stated in any field the reader knows \(\d+\): officialTitle, acronym, keywords,/u);
  });

  it('says which stated values it could not use, and which labels of the page no field reads', () => {
    const run = trial('tests/fixtures/records/ictrp/euctr-phases-answered.txt', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('    not read: status — The record states the overall status as "Not Recruiting"');
    expect(run.stderr).toContain('    labels on the page that no field reads: Register, Prospective Registration, URL');
  });

  it('prints every trial of a multi-study JSON file', () => {
    const run = trial('tests/fixtures/ctgov/ctg-studies.json', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(88);
    expect(run.stderr).toContain('ctg-studies.json: ctgov-json format, 88 trials');
  });

  it('exits 1 with the reason on a bad file, and 2 on wrong usage', () => {
    const bad = trial('tests/fixtures/bad/truncated.json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error: truncated.json: the file looks like JSON but cannot be parsed');
    expect(bad.stderr).toContain('A build publishes every other trial and lists this file, with the reason above, on /data/import-report/');
    expect(trial('does/not/exist.txt').status).toBe(1);
    expect(trial().status).toBe(2);
    expect(trial('a.txt', '--as-of', 'yesterday').status).toBe(2);
  });
});

describe('npm run trial on a CSV download', () => {
  it('prints every row’s trial with its row, scope verdict and flags, and exits 1 on an unreadable row, naming row and column', () => {
    const run = trial('tests/fixtures/records/ctgov-csv/modern-fields-subset.csv', '--as-of', '2026-12-01');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).map((t: { id: string }) => t.id)).toEqual(['NCT02112500', 'NCT02963727']);
    expect(run.stderr).toContain('modern-fields-subset.csv: ctgov-csv format, 2 trials, 3 unreadable rows');
    expect(run.stderr).toContain('  row 2: NCT02112500 — Mesenchymal Stem Cell in Patients With Acute Severe Respiratory Failure');
    expect(run.stderr).toContain('    scope MSC (MSC product): The title names an MSC product as the treatment: “Mesenchymal Stem Cell”; the record lists no intervention.');
    expect(run.stderr).toContain('error: modern-fields-subset.csv, row 4: the row has no title\n  column: Study Title\n  expected: the brief title of the trial\n  found: an empty cell');
    expect(run.stderr).toContain('error: modern-fields-subset.csv, row 6: the row has no NCT number\n  column: NCT Number');
  });
  it('reads the whole real download: 1,389 trials, exit 0', () => {
    const run = trial('content/sources/ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv', '--as-of', '2026-12-01');
    expect(run.status, run.stderr.slice(-500)).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(1389);
    expect(run.stderr).toContain('ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv: ctgov-csv-classic format, 1389 trials');
    expect(run.stderr).toContain('  row 2: NCT04447833 — Mesenchymal Stromal Cell Therapy For The Treatment Of Acute Respiratory Distress Syndrome');
    expect(run.stderr).toMatch(/row 31: NCT\d{8}/u);
    expect(run.stderr.match(/^    scope (MSC|MSC_CONTAINING|UNCLEAR|OTHER) /gmu)).toHaveLength(1389);
  });
});

describe('npm run trial on a record of a trial already in the catalogue', () => {
  it('reports, field by field, what adding the file would change', () => {
    const run = trial('tests/fixtures/merge/conflict/NCT06688318.json', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('NCT06688318 is already in the catalogue (seeds/000_86288b0c402870c7.txt); adding NCT06688318.json would change:');
    expect(run.stderr).toContain('    enrollment.count: 11 → 12');
    expect(run.stderr).toContain('    dates.start: not stated → {"date":"2024-08-01","type":"ACTUAL"}');
    expect(run.stderr).toContain('    countries: 0 items → 1 item, adding "Indonesia"');
  });
  it('says when a trial is new', () => {
    const run = trial('tests/fixtures/merge/linked/NCT09100001.json');
    expect(run.stderr).toContain('NCT09100001 is new to the catalogue.');
  });
  it('a file already in content/sources compares the catalogue with and without it', () => {
    const run = trial('content/sources/seeds/000_86288b0c402870c7.txt');
    expect(run.stderr).toContain('NCT06688318 is new to the catalogue.');
  });
});
