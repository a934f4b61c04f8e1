/** The curator command, run as a curator would: `npm run trial -- <file>`. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const trial = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/trial.ts', ...args], { encoding: 'utf8', env: { ...process.env } });

describe('npm run trial', () => {
  it('prints the normalised trial as JSON and its flags, without building', () => {
    const run = trial('content/sources/000_86288b0c402870c7.txt', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.id).toBe('NCT06688318');
    expect(printed.sources).toEqual([{ file: '000_86288b0c402870c7.txt', format: 'veeva', site: 'ctv.veeva.com' }]);
    expect(run.stderr).toContain('000_86288b0c402870c7.txt: veeva format, 1 trial');
    expect(run.stderr).toContain('[warning] age-unit-mismatch (eligibility.minAge)');
  });

  it('prints every trial of a multi-study JSON file', () => {
    const run = trial('../shared/fixtures/ctgov/ctg-studies.json', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveLength(88);
    expect(run.stderr).toContain('ctg-studies.json: ctgov-json format, 88 trials');
  });

  it('exits 1 with the reason on a bad file, and 2 on wrong usage', () => {
    const bad = trial('tests/fixtures/bad/truncated.json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('error: truncated.json: the file looks like JSON but cannot be parsed');
    expect(trial('does/not/exist.txt').status).toBe(1);
    expect(trial().status).toBe(2);
    expect(trial('a.txt', '--as-of', 'yesterday').status).toBe(2);
  });
});

describe('npm run trial on a record of a trial already in the catalogue', () => {
  it('reports, field by field, what adding the file would change', () => {
    const run = trial('tests/fixtures/merge/conflict/NCT06688318.json', '--as-of', '2026-11-22');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('NCT06688318 is already in the catalogue (000_86288b0c402870c7.txt); adding NCT06688318.json would change:');
    expect(run.stderr).toContain('    enrollment.count: 11 → 12');
    expect(run.stderr).toContain('    dates.start: not stated → {"date":"2024-08-01","type":"ACTUAL"}');
    expect(run.stderr).toContain('    countries: 0 items → 1 item, adding "Indonesia"');
  });
  it('says when a trial is new', () => {
    const run = trial('tests/fixtures/merge/linked/NCT09100001.json');
    expect(run.stderr).toContain('NCT09100001 is new to the catalogue.');
  });
  it('a file already in content/sources compares the catalogue with and without it', () => {
    const run = trial('content/sources/000_86288b0c402870c7.txt');
    expect(run.stderr).toContain('NCT06688318 is new to the catalogue.');
  });
});
