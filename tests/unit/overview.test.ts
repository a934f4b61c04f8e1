/**
 * The overview's view model (src/lib/overview.ts) and its world map (src/lib/world-map.ts): the
 * rules on small made-up catalogues, and the exact figures of the real one.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import {
  categoryChart,
  cellSourceChart,
  countryCounts,
  distribution,
  donorChart,
  headlines,
  isPlannedStart,
  phaseChart,
  productClassOf,
  resultsChart,
  routeChart,
  startsByYear,
  statusChart,
} from '../../src/lib/overview.ts';
import { binOf, worldMap } from '../../src/lib/world-map.ts';
import { toPublicTrial, type Trial } from '../../src/schemas/trial.ts';
import { draft } from './draft.ts';

/** A public trial with only what a test is about. */
function trial(o: Partial<Trial> & { id?: string } = {}): Trial {
  const { notes: _n, origin: _o, ...d } = draft({ id: o.id ?? 'NCT00000001', registryIds: [o.id ?? 'NCT00000001'] });
  return {
    ...d,
    scope: { value: 'MSC', reason: 'test', evidence: [] },
    therapy: { products: [], cellSources: [], donor: [], routes: [] },
    sources: [{ file: 'x.txt', format: 'generic', site: null, asOf: null, retrieved: null, row: null }],
    flags: [],
    ...o,
  } as Trial;
}
const bars = (d: { bars: { key: string; value: number }[] }) => Object.fromEntries(d.bars.map((b) => [b.key, b.value]));

describe('distributions always say how many records do not state the field', () => {
  it('a Not stated bar, also when it is 0, and the sum equals the trials for a one-value field', () => {
    const d = statusChart([trial({ status: 'RECRUITING' }), trial({ status: 'COMPLETED' }), trial({ status: 'COMPLETED' })]);
    expect(bars(d)).toEqual({ COMPLETED: 2, RECRUITING: 1, NOT_STATED: 0 });
    expect(d.bars.at(-1)).toMatchObject({ notStated: true, label: 'Not stated', href: '/search/?status=NOT_STATED' });
    expect([d.trials, d.sum, d.multi]).toEqual([3, 3, false]);
  });

  it('phases: a phase 1/2 trial counts in both, the note says how many do, and the sum says so', () => {
    const d = phaseChart([trial({ phases: ['PHASE1', 'PHASE2'] }), trial({ phases: ['PHASE2'] }), trial({ phases: [] })]);
    expect(bars(d)).toEqual({ PHASE1: 1, PHASE2: 2, NOT_STATED: 1 });
    expect([d.trials, d.sum, d.multi]).toEqual([3, 4, true]);
    expect(d.note).toBe('1 trial spanning two phases (for example phase 1/2) count in both.');
  });

  it('donor is one class per trial: both in different arms is its own', () =>
    expect(bars(donorChart([trial({ therapy: { products: [], cellSources: [], donor: ['ALLOGENEIC', 'AUTOLOGOUS'], routes: [] } }), trial()]))).toEqual({ BOTH: 1, NOT_STATED: 1 }));

  it('results: yes, no, and not stated in the records we hold', () => {
    const d = resultsChart([trial({ hasResults: true }), trial({ hasResults: false }), trial({ hasResults: null })]);
    expect(d.bars.map((b) => [b.label, b.value])).toEqual([['Results posted', 1], ['No results posted', 1], ['Not stated in the records we hold', 1]]);
  });

  it('a value counts once per trial even when a record repeats it', () =>
    expect(bars(distribution([trial({ countries: ['Spain', 'Spain'] })], { id: 'x', title: 'x', counts: 'x', values: (t) => t.countries, order: ['Spain'], label: (v) => v, multi: true }))).toEqual({ Spain: 1, NOT_STATED: 0 }));
});

describe('starts per year', () => {
  it('one product class per trial, cells first; no product identified is its own class', () => {
    expect(productClassOf(trial({ therapy: { products: ['CELLS', 'SECRETOME'], cellSources: [], donor: [], routes: [] } }))).toBe('CELLS');
    expect(productClassOf(trial({ therapy: { products: ['EXTRACELLULAR_VESICLES'], cellSources: [], donor: [], routes: [] } }))).toBe('EXTRACELLULAR_VESICLES');
    expect(productClassOf(trial())).toBe('NOT_STATED');
  });

  it('years beyond the last 25 fold into a first "≤" column; trials without a start are counted, not drawn', () => {
    const at = (date: string) => trial({ dates: { start: { date, type: 'ACTUAL' }, primaryCompletion: null, completion: null, firstPosted: null, lastUpdated: null, resultsFirstPosted: null } });
    const y = startsByYear([at('1995-01'), at('2001-06'), at('2003-02'), at('2025-03'), trial()], 3);
    expect(y.columns.map((c) => [c.label, c.total])).toEqual([['≤2023', 3], ['2024', 0], ['2025', 1]]);
    expect([y.dated, y.undated]).toEqual([4, 1]);
  });

  it('a start is planned when given as estimated, or later than the newest record', () => {
    const dates = (date: string, type: 'ACTUAL' | 'ESTIMATED' | null) => ({ start: { date, type }, primaryCompletion: null, completion: null, firstPosted: null, lastUpdated: null, resultsFirstPosted: null });
    expect(isPlannedStart(trial({ dates: dates('2020-01', 'ESTIMATED') }))).toBe(true);
    expect(isPlannedStart(trial({ dates: dates('2023-03', null), sources: [{ file: 'x.csv', format: 'ctgov-csv', site: null, asOf: '2022-10-01', retrieved: null, row: 2 }] }))).toBe(true);
    expect(isPlannedStart(trial({ dates: dates('2022-10-20', null), sources: [{ file: 'x.csv', format: 'ctgov-csv', site: null, asOf: '2022-10-01', retrieved: null, row: 2 }] }))).toBe(false);
  });
});

describe('countries and the world map', () => {
  it('a trial counts once per country; trials without a site are counted apart', () => {
    const c = countryCounts([trial({ countries: ['China', 'United States'] }), trial({ countries: ['China'] }), trial()]);
    expect(c.countries).toEqual([
      { name: 'China', trials: 2, numeric: '156' },
      { name: 'United States', trials: 1, numeric: '840' },
    ]);
    expect([c.withSite, c.withoutSite, c.pairs, c.multinational]).toEqual([2, 1, 3, 1]);
  });

  it('shading classes', () => expect([0, 1, 2, 3, 9, 10, 29, 30, 99, 100, 269].map(binOf)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]));

  it('small countries become dots; a name that is no country is listed as unplaced, never dropped', () => {
    const m = worldMap([
      { name: 'Spain', trials: 80, numeric: '724' },
      { name: 'Singapore', trials: 2, numeric: '702' },
      { name: 'Atlantis', trials: 1, numeric: null },
    ]);
    expect(m.shapes.find((s) => s.id === '724')).toMatchObject({ name: 'Spain', trials: 80, bin: 4 });
    expect(m.shapes.some((s) => s.id === '702')).toBe(false);
    expect(m.dots).toEqual([{ id: '702', name: 'Singapore', x: expect.any(Number), y: expect.any(Number), bin: 1, trials: 2 }]);
    expect(m.unplaced).toEqual([{ name: 'Atlantis', trials: 1, numeric: null }]);
    expect(m.shapes.filter((s) => s.trials > 0)).toHaveLength(1);
    // Antarctica is left out; every other country of the atlas is drawn
    expect(m.shapes.some((s) => s.id === '010')).toBe(false);
    expect(m.shapes).toHaveLength(176);
    expect(m.width).toBe(640);
    // the dot for Singapore sits in South-East Asia, east of Spain and south of it
    const spainX = Number(/^M(\d+)/u.exec(m.shapes.find((s) => s.id === '724')!.d)![1]);
    expect(m.dots[0]!.x).toBeGreaterThan(spainX + 100);
  });
});

describe('the real catalogue', () => {
  const trials = loadCatalogue('content/sources', { asOf: new Date('2026-11-22T00:00:00Z') })
    .filter((t) => t.scope.value !== 'OTHER')
    .map(toPublicTrial);

  it('each chart: its bars and what they add up to', () => {
    expect(bars(statusChart(trials))).toEqual({
      COMPLETED: 396, UNKNOWN: 390, RECRUITING: 264, NOT_YET_RECRUITING: 83, ACTIVE_NOT_RECRUITING: 64, WITHDRAWN: 47, TERMINATED: 42,
      NO_LONGER_AVAILABLE: 16, ENROLLING_BY_INVITATION: 15, SUSPENDED: 15, AVAILABLE: 5, TEMPORARILY_NOT_AVAILABLE: 3, NOT_STATED: 0,
    });
    expect(bars(phaseChart(trials))).toEqual({ EARLY_PHASE1: 38, PHASE1: 800, PHASE2: 706, PHASE3: 84, PHASE4: 6, NA: 112, NOT_STATED: 61 });
    expect(bars(cellSourceChart(trials))).toEqual({ UMBILICAL_CORD: 329, BONE_MARROW: 229, ADIPOSE: 226, OTHER: 14, PLACENTA: 12, DENTAL_PULP: 5, MENSTRUAL_BLOOD: 3, AMNION: 2, NOT_STATED: 532 });
    expect(bars(donorChart(trials))).toEqual({ ALLOGENEIC: 354, AUTOLOGOUS: 295, BOTH: 4, NOT_STATED: 687 });
    expect(bars(routeChart(trials))).toEqual({ INTRAVENOUS: 86, INTRA_ARTICULAR: 28, INTRATHECAL: 21, LOCAL_INJECTION: 21, OTHER: 21, INTRAMUSCULAR: 6, INTRANASAL: 2, TOPICAL: 1, NOT_STATED: 1160 });
    expect(bars(resultsChart(trials))).toEqual({ YES: 40, NO: 1298, NOT_STATED: 2 });
    const categories = categoryChart(trials);
    expect([categories.trials, categories.sum, categories.membership.memberships, categories.membership.unclassified]).toEqual([1340, 1699, 1697, 2]);
    expect(categories.note).toBe('1,338 trials fall in at least one category, 322 of them in more than one (a lupus nephritis trial counts in autoimmune and in kidney), so the bars add up to 1,699; 2 are unclassified.');
  });

  it('starts per year', () => {
    const y = startsByYear(trials);
    expect([y.dated, y.undated, y.estimated, y.cellsAndOther, y.max]).toEqual([1313, 27, 185, 30, 157]);
    expect(y.classTotals).toEqual({ CELLS: 1181, MINIMALLY_MANIPULATED: 43, SECRETOME: 13, EXTRACELLULAR_VESICLES: 23, NOT_STATED: 53 });
    expect(y.columns[0]).toMatchObject({ label: '≤2001', total: 2 });
    expect(y.columns.map((c) => c.label).slice(-3)).toEqual(['2023', '2024', '2025']);
  });

  it('countries: 58, all of them placed on the map (5 of them as dots)', () => {
    const c = countryCounts(trials);
    expect([c.countries.length, c.withSite, c.withoutSite, c.pairs, c.multinational]).toEqual([58, 1205, 135, 1256, 21]);
    expect(c.countries.slice(0, 3)).toEqual([
      { name: 'China', trials: 269, numeric: '156' },
      { name: 'United States', trials: 263, numeric: '840' },
      { name: 'South Korea', trials: 104, numeric: '410' },
    ]);
    const m = worldMap(c.countries);
    expect(m.shapes.filter((s) => s.trials > 0)).toHaveLength(53);
    expect(m.dots.map((d) => [d.name, d.trials])).toEqual([['Antigua & Barbuda', 27], ['Singapore', 2], ['Andorra', 1], ['Cayman Islands', 1], ['Hong Kong', 1]]);
    expect(m.unplaced).toEqual([]);
    expect(m.legend.map((l) => l.countries)).toEqual([20, 10, 23, 2, 3]);
  });

  it('the headline numbers say what they count', () =>
    expect(headlines(trials, 53).map((h) => `${h.value} ${h.label}`)).toEqual([
      '1,340 trials of MSC products in the catalogue (53 records screened out)',
      '58 countries where the 1,205 trials that list a site run',
      '18 condition categories of the 1,338 classified trials; 2 unclassified',
      '362 trials recruiting or about to start, by the status their records state',
      '40 trials with results posted, of the 1,338 whose records say',
      '478 trials whose records have a point to check (a contradiction or gap)',
    ]));
});
