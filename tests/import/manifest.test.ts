/** The manifest after a run, and the summary a run prints; field changes of a re-imported study. */
import { describe, expect, it } from 'vitest';
import { readStudyFile, scopeVerdict, studyChanges } from '../../src/import/changes.ts';
import { stableStringify } from '../../src/import/files.ts';
import { nextManifest, parseManifest, requestRecord, summaryLines, tally, type Manifest, type RunRecord, type StudyResult } from '../../src/import/manifest.ts';
import { EXPORT, type Study } from './registry.ts';

const asOf = new Date('2026-12-01T00:00:00Z');
const result = (outcome: StudyResult['outcome'], lastUpdatePostDate: string | null, changes: string[] = []): StudyResult => ({
  outcome,
  changes,
  lastUpdatePostDate,
  retrieved: '2026-12-01',
  problem: null,
  scope: { screened: false },
});

function runOf(results: Record<string, StudyResult>, extra: Partial<RunRecord> = {}): RunRecord {
  const lists = tally(results);
  return {
    startedAt: '2026-12-01T10:00:00.000Z',
    finishedAt: '2026-12-01T10:00:03.000Z',
    resumed: false,
    api: 'https://clinicaltrials.gov/api/v2',
    query: null,
    ids: [],
    since: null,
    pageSize: 1000,
    requests: [requestRecord({ term: 'mesenchymal OR MSC', ids: [], advanced: null }, 3)],
    counts: {
      received: Object.keys(results).length,
      new: lists.new.length,
      changed: Object.keys(lists.changed).length,
      unchanged: lists.unchanged.length,
      duplicates: 0,
      unreadable: 0,
      httpRequests: 2,
      retries: 1,
    },
    ...lists,
    notFound: [],
    ...extra,
  };
}

describe('the manifest', () => {
  const previous: Manifest = {
    version: 1,
    lastRun: runOf({}),
    studies: {
      NCT04208646: { lastUpdatePostDate: '2023-01-10', retrieved: '2026-11-01' },
      NCT06688318: { lastUpdatePostDate: '2024-05-01', retrieved: '2026-11-01' },
      NCT01000000: { lastUpdatePostDate: '2020-01-01', retrieved: '2026-11-01' },
    },
  };

  it('keeps earlier studies, takes this run’s dates, sorts by id, and lists only files that exist', () => {
    const results = { NCT07157891: result('new', '2025-09-02'), NCT04208646: result('changed', '2024-11-30', ['status: "RECRUITING" → "COMPLETED"']) };
    const manifest = nextManifest(previous, runOf(results), results, new Set(['NCT04208646', 'NCT06688318', 'NCT07157891']));
    expect(JSON.stringify(manifest.studies)).toBe(
      JSON.stringify({
        NCT04208646: { lastUpdatePostDate: '2024-11-30', retrieved: '2026-12-01' },
        NCT06688318: { lastUpdatePostDate: '2024-05-01', retrieved: '2026-11-01' },
        NCT07157891: { lastUpdatePostDate: '2025-09-02', retrieved: '2026-12-01' },
      }),
    );
    expect(manifest.lastRun.new).toEqual(['NCT07157891']);
    expect(manifest.lastRun.changed).toEqual({ NCT04208646: ['status: "RECRUITING" → "COMPLETED"'] });
    expect(manifest.lastRun.screenedOut).toBeNull();
    expect(parseManifest(JSON.stringify(manifest), 'import.json')).toEqual(manifest);
  });

  it('refuses a file that is not a manifest, naming the field', () => {
    expect(() => parseManifest('{"version": 1, "studies": []}', 'ctgov/import.json')).toThrow(
      'ctgov/import.json: not an import manifest (remove it or restore it from version control)\n  field: studies\n  expected: an object of studies by NCT number\n  found: []',
    );
    expect(() => parseManifest('{"version": 1, "studies": {"NCT01000000": {"retrieved": 5}}}', 'import.json')).toThrow('field: studies.NCT01000000');
    expect(() => parseManifest('{"version": 2, "studies": {}}', 'import.json')).toThrow('field: version\n  expected: 1\n  found: 2');
    expect(() => parseManifest('{"vers', 'import.json')).toThrow('field: (the file)\n  expected: JSON');
  });
});

describe('the summary', () => {
  it('says what was new, what changed field by field, what was unchanged, and that scope was not screened', () => {
    const results = {
      NCT07157891: result('new', '2025-09-02'),
      NCT04208646: result('changed', '2024-11-30', ['status: "RECRUITING" → "COMPLETED"', 'enrollment.count: 11 → 12']),
      NCT06688318: result('unchanged', '2024-05-01'),
    };
    expect(summaryLines(runOf(results), { finished: true, folder: 'content/sources/ctgov/' })).toEqual([
      'Imported 3 studies from https://clinicaltrials.gov/api/v2 (the default MSC query) in 2 requests (1 retry): 1 new, 1 changed, 1 unchanged.',
      'New (1): NCT07157891',
      'Changed (1):',
      '  NCT04208646',
      '    status: "RECRUITING" → "COMPLETED"',
      '    enrollment.count: 11 → 12',
      'Unchanged (1): NCT06688318',
      'Out of scope: not screened (the scope classification is not part of this build yet).',
      'Wrote 2 study files in content/sources/ctgov/ and the manifest content/sources/ctgov/import.json.',
    ]);
  });

  it('names ids not found, studies the catalogue cannot read, and a registry count that does not match', () => {
    const results = { NCT06688318: { ...result('new', '2024-05-01'), problem: 'ctgov/NCT06688318.json: no title could be read' } };
    const run = runOf(results, { ids: ['NCT06688318', 'NCT09999999'], notFound: ['NCT09999999'], requests: [requestRecord({ term: null, ids: ['NCT06688318', 'NCT09999999'], advanced: null }, 1)] });
    run.counts.unreadable = 1;
    expect(summaryLines(run, { finished: false, folder: 'x/ctgov/' })).toEqual([
      'Stopped after 1 study from https://clinicaltrials.gov/api/v2 (2 ids) in 2 requests (1 retry): 1 new, 0 changed, 0 unchanged.',
      'New (1): NCT06688318',
      'Out of scope: not screened (the scope classification is not part of this build yet).',
      'Not found in the registry (1): NCT09999999',
      'Cannot be read by the catalogue (1) — the build stops on these files until the reader handles them:',
      '  NCT06688318: ctgov/NCT06688318.json: no title could be read',
      'Wrote 1 study file in x/ctgov/.',
    ]);
    const short = runOf({ NCT06688318: result('new', '2024-05-01') });
    expect(summaryLines(short, { finished: true, folder: 'x/' })[1]).toBe('  The registry counted 3 studies but sent 1: its data changed during the run. Run the import again.');
  });
});

describe('field changes of a re-imported study', () => {
  const before: Study = EXPORT.find((s) => s.protocolSection.statusModule.overallStatus === 'RECRUITING')!;
  const path = `ctgov/${before.protocolSection.identificationModule.nctId}.json`;

  it('come from the public records of the old and the new file, through the curator diff', () => {
    const after = structuredClone(before);
    after.protocolSection.statusModule.overallStatus = 'COMPLETED';
    after.protocolSection.statusModule.lastUpdatePostDateStruct = { date: '2026-11-20', type: 'ACTUAL' };
    after.protocolSection.designModule.enrollmentInfo = { count: 31, type: 'ACTUAL' };
    const entry = readStudyFile(path, stableStringify(after), asOf);
    const lines = studyChanges(path, stableStringify(before), entry, asOf);
    expect(path).toBe('ctgov/NCT05287867.json');
    expect(lines).toEqual([
      'status: "RECRUITING" → "COMPLETED"',
      'enrollment.count: 42 → 31',
      'enrollment.type: "ESTIMATED" → "ACTUAL"',
      'dates.lastUpdated.date: "2023-09-26" → "2026-11-20"',
    ]);
  });

  it('say so when only parts outside the public record changed, or when the old file was unreadable', () => {
    const after = structuredClone(before);
    after.derivedSection = { ...after.derivedSection, miscInfoModule: { versionHolder: '2026-12-01' } };
    const entry = readStudyFile(path, stableStringify(after), asOf);
    expect(studyChanges(path, stableStringify(before), entry, asOf)).toEqual(['no field of the public record changes (the registry changed other parts of its record)']);
    expect(studyChanges(path, '{"protocolSection": ', entry, asOf)).toEqual([
      `the previous file could not be read (${path}: the file looks like JSON but cannot be parsed (truncated or damaged?)); every field is new`,
    ]);
  });

  it('carry the scope verdict: a study that screens out gives its reason', () => {
    const entry = readStudyFile(path, stableStringify(before), asOf);
    expect(scopeVerdict(entry)).toEqual({ screened: true, outOfScope: entry.scope.value === 'OTHER' ? entry.scope.reason : null });
    expect(scopeVerdict({ ...entry, scope: { value: 'OTHER', reason: 'No arm gives an MSC product.', evidence: [] } })).toEqual({ screened: true, outOfScope: 'No arm gives an MSC product.' });
    expect(scopeVerdict({ ...entry, scope: { value: 'MSC', reason: 'An arm gives MSCs.', evidence: [] } })).toEqual({ screened: true, outOfScope: null });
  });
});
