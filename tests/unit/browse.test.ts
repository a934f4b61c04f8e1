/**
 * The browse list's logic (src/lib/browse.ts), its rows and options (browse-rows.ts) and its HTML
 * (browse-render.ts), against the real catalogue's rows: filters, the faceted counts (each
 * option's count is what choosing it lists), sorts, the URL state, pages and exports.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { STATUS_TONE, TONE_SHAPE } from '../../src/domain/display.ts';
import { PHASE, SCOPE, STATUS } from '../../src/domain/vocabulary.ts';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import {
  FILTER_KEYS,
  NONE,
  PAGE_SIZE,
  browseView,
  countText,
  exportName,
  exportRecords,
  facetCounts,
  pageItems,
  parseState,
  recordsJson,
  rowValues,
  sortLabel,
  sortRows,
  stateHref,
  type BrowseRow,
  type BrowseState,
  type Filters,
} from '../../src/lib/browse.ts';
import { pagesHtml, rowHtml } from '../../src/lib/browse-render.ts';
import { browseFacets, browseRow } from '../../src/lib/browse-rows.ts';
import { trialsToCsv } from '../../src/lib/csv.ts';
import { escapeHtml } from '../../src/lib/html.ts';
import { toPublicTrial } from '../../src/schemas/trial.ts';

const trials = loadCatalogue('content/sources', { asOf: new Date('2026-11-22T00:00:00Z') })
  .filter((t) => t.scope.value !== 'OTHER')
  .map(toPublicTrial);
const rows = trials.map(browseRow);
const ORDERS = { status: Object.keys(STATUS), phase: Object.keys(PHASE) };
const state = (filters: Filters, sort = 'id', page = 1): BrowseState => ({ filters, sort, page });
const ids = (list: readonly BrowseRow[]) => list.map((r) => r.id);
const byId = (id: string) => rows.find((r) => r.id === id)!;

describe('rows of the real catalogue', () => {
  it('one per catalogue trial, with its countries and its scope', () => {
    expect(rows).toHaveLength(1340);
    const scopes = Object.fromEntries(Object.keys(SCOPE).map((s) => [s, rows.filter((r) => r.scope === s).length]));
    expect(scopes).toEqual({ MSC: 1231, MSC_CONTAINING: 44, UNCLEAR: 65, OTHER: 0 });
    expect(rows.filter((r) => r.countries.length === 0)).toHaveLength(135);
    expect(byId('NCT05003388').countries).toEqual(['Antigua & Barbuda']);
    expect(rows.filter((r) => r.countries.includes('South Korea')).length).toBeGreaterThan(100);
  });

  it('a screened-out record has no row', () => {
    expect(() => browseRow({ ...trials[0]!, scope: { value: 'OTHER', reason: 'x', evidence: [] } })).toThrow(/screened out/u);
  });
});

describe('filters and their counts', () => {
  it('with no filter, the single-valued facets add up to the catalogue and the others to their memberships', () => {
    const counts = facetCounts(rows, {});
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(counts.status)).toBe(1340);
    expect(sum(counts.scope)).toBe(1340);
    expect(Object.fromEntries(counts.scope)).toEqual({ MSC: 1231, MSC_CONTAINING: 44, UNCLEAR: 65 });
    for (const key of FILTER_KEYS) {
      const memberships = rows.reduce((n, r) => n + Math.max(1, new Set(rowValues(r, key)).size), 0);
      expect(sum(counts[key]), key).toBe(memberships);
    }
    expect(counts.country.get(NONE)).toBe(135);
    expect(counts.category.get('unclassified')).toBe(2);
    expect(counts.category.get(NONE)).toBeUndefined();
  });

  // the defining property of a faceted count: an option's number is how many rows choosing it lists
  for (const filters of [{ country: 'China' }, { category: 'musculoskeletal', scope: 'MSC' }, { status: 'COMPLETED', country: 'United States', phase: 'PHASE1' }, { country: NONE }] as Filters[]) {
    it(`every option's count is what choosing it would list: ${JSON.stringify(filters)}`, () => {
      const counts = facetCounts(rows, filters);
      for (const key of FILTER_KEYS) {
        const options = new Set([...rows.flatMap((r) => rowValues(r, key)), NONE]);
        for (const value of options) {
          const listed = browseView(rows, state({ ...filters, [key]: value }), ORDERS).matched.length;
          expect(counts[key].get(value) ?? 0, `${key}=${value}`).toBe(listed);
        }
      }
    });
  }

  it('a filter keeps exactly the rows that have the value, NONE the rows that state none', () => {
    const china = browseView(rows, state({ country: 'China' }), ORDERS).matched;
    expect(china.length).toBe(269);
    expect(china.every((r) => r.countries.includes('China'))).toBe(true);
    const unphased = browseView(rows, state({ phase: NONE }), ORDERS).matched;
    expect(unphased.length).toBe(rows.filter((r) => r.phases.length === 0).length);
    expect(unphased.length).toBeGreaterThan(0);
  });

  it('the options: labels, the vocabulary’s or the taxonomy’s order, most trials first otherwise, “not stated” last', () => {
    const facets = browseFacets(rows);
    expect(facets.scope).toEqual([
      { value: 'MSC', label: 'MSC product', count: 1231 },
      { value: 'MSC_CONTAINING', label: 'MSC-containing preparation', count: 44 },
      { value: 'UNCLEAR', label: 'Scope needs review', count: 65 },
    ]);
    expect(facets.country.slice(0, 2)).toEqual([
      { value: 'China', label: 'China', count: 269 },
      { value: 'United States', label: 'United States', count: 263 },
    ]);
    expect(facets.country.at(-1)).toEqual({ value: NONE, label: 'No site listed', count: 135 });
    expect(facets.status.map((o) => o.value)).toEqual(Object.keys(STATUS).filter((s) => rows.some((r) => r.status === s)));
    expect(facets.category.at(-1)).toMatchObject({ value: 'unclassified', label: 'Unclassified', count: 2 });
    expect(facets.phase.at(-1)).toMatchObject({ value: NONE, label: 'Phase not stated' });
  });
});

describe('sorting', () => {
  it('enrollment, largest first: not stated last; reversed: smallest first, not stated still last', () => {
    const desc = sortRows(rows, '-enrollment', ORDERS);
    const max = Math.max(...rows.map((r) => r.enrollment ?? -1));
    expect(desc[0]!.enrollment).toBe(max);
    const asc = sortRows(rows, 'enrollment', ORDERS);
    expect(asc[0]!.enrollment).toBe(Math.min(...rows.filter((r) => r.enrollment !== null).map((r) => r.enrollment!)));
    for (const list of [desc, asc]) {
      const firstNull = list.findIndex((r) => r.enrollment === null);
      expect(list.slice(firstNull).every((r) => r.enrollment === null)).toBe(true);
    }
  });

  it('status in the vocabulary’s order, phase by the highest phase, ties by id', () => {
    const byStatus = sortRows(rows, 'status', ORDERS);
    const order = byStatus.map((r) => Object.keys(STATUS).indexOf(r.status!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const recruiting = byStatus.filter((r) => r.status === 'RECRUITING');
    expect(ids(recruiting)).toEqual([...ids(recruiting)].sort((a, b) => a.localeCompare(b, 'en')));
    const byPhase = sortRows(rows, '-phase', ORDERS);
    expect(byPhase[0]!.phases).toContain('NA');
    const twoPhases = rows.find((r) => r.phases.join() === 'PHASE1,PHASE2')!;
    const position = sortRows(rows, 'phase', ORDERS).indexOf(twoPhases);
    expect(sortRows(rows, 'phase', ORDERS).slice(0, position).some((r) => r.phases.includes('PHASE3'))).toBe(false);
  });

  it('the default is the registry id; start newest first puts undated trials last', () => {
    expect(ids(sortRows(rows, 'id', ORDERS))).toEqual(ids(rows));
    const byStart = sortRows(rows, '-start', ORDERS);
    expect(byStart[0]!.start! >= byStart[1]!.start!).toBe(true);
    expect(byStart.at(-1)!.start).toBeNull();
  });

  it('labels', () => {
    expect(sortLabel('-start')).toBe('Start, newest first');
    expect(sortLabel('enrollment')).toBe('Enrollment, smallest first');
    expect(sortLabel('-product')).toBe('Product, reversed');
    expect(sortLabel('nonsense')).toBe('Registry id');
  });
});

describe('the state in the URL', () => {
  it('filters, sort and page round-trip; the plain list keeps its static pages', () => {
    const s = state({ country: 'Antigua & Barbuda', scope: 'MSC' }, '-enrollment', 2);
    const href = stateHref(s);
    expect(href).toBe('/trials/?country=Antigua+%26+Barbuda&scope=MSC&sort=-enrollment&page=2');
    expect(parseState(new URL(href, 'http://x').search)).toEqual(s);
    expect(stateHref(state({}, 'id', 3))).toBe('/trials/page/3/');
    expect(stateHref(state({}))).toBe('/trials/');
    expect(parseState('', '/trials/page/3/')).toEqual(state({}, 'id', 3));
  });

  it('unknown sorts, pages and filter values are dropped', () => {
    const known = { country: new Set(['China']) };
    expect(parseState('?country=Narnia&status=RECRUITING&sort=colour&page=-4&bogus=1', '/trials/', known)).toEqual(state({ status: 'RECRUITING' }));
  });

  it('a page past the last shows the last page', () => {
    const view = browseView(rows, state({ country: 'China' }, 'id', 99), ORDERS);
    expect(view.pages).toBe(Math.ceil(269 / PAGE_SIZE));
    expect(view.page).toBe(view.pages);
    expect([view.from, view.to]).toEqual([(view.pages - 1) * PAGE_SIZE + 1, 269]);
  });

  it('page links: first, last, two either side, gaps', () => {
    expect(pageItems(1, 27)).toEqual([1, 2, 3, null, 27]);
    expect(pageItems(14, 27)).toEqual([1, null, 12, 13, 14, 15, 16, null, 27]);
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pagesHtml(1, 1, () => '/')).toBe('');
    const html = pagesHtml(2, 6, (n) => stateHref(state({ country: 'China' }, 'id', n)));
    expect(html).toContain('<a class="btn" href="/trials/?country=China" data-page="1" rel="prev">Previous</a>');
    expect(html).toContain('<span class="btn btn-primary" aria-current="page">2</span>');
    expect(html).toContain('href="/trials/?country=China&amp;page=3" data-page="3" rel="next">Next</a>');
  });

  it('the count line says how many of how many, out of the catalogue, in which order', () => {
    expect(countText(1340, 1, 50, 1340, 'id')).toBe('Showing 1–50 of 1,340 trials, sorted by registry id.');
    expect(countText(269, 51, 100, 1340, '-start')).toBe('Showing 51–100 of 269 trials (filtered from 1,340), sorted by start, newest first.');
    expect(countText(0, 0, 0, 1340, 'id')).toBe('No trials match these filters.');
  });
});

describe('exports', () => {
  it('hold every matching row across pages, in the list’s order, as the full public records', () => {
    const s = state({ country: 'China', scope: 'MSC' }, '-start');
    const view = browseView(rows, s, ORDERS);
    expect(view.matched.length).toBeGreaterThan(PAGE_SIZE);
    const records = exportRecords(trials, view.matched);
    expect(records.map((t) => t.id)).toEqual(ids(view.matched));
    expect(JSON.parse(recordsJson(records))).toEqual(JSON.parse(JSON.stringify(records)));
    expect(() => exportRecords(trials, [{ id: 'NCT00000000' }])).toThrow(/not in \/trials\.json/u);
    expect(exportName(s, 'csv')).toBe('msc-trials-country-china-scope-msc.csv');
    expect(exportName(state({ country: 'Antigua & Barbuda' }), 'json')).toBe('msc-trials-country-antigua-barbuda.json');
  });

  it('the CSV is /trials.csv’s rows for those trials, by the same writer', () => {
    const view = browseView(rows, state({ category: 'respiratory', status: 'COMPLETED' }), ORDERS);
    const exported = parse(trialsToCsv(exportRecords(trials, view.matched)), { columns: true }) as Record<string, string>[];
    const site = new Map((parse(trialsToCsv(trials), { columns: true }) as Record<string, string>[]).map((r) => [r.id, r]));
    expect(exported.map((r) => r.id)).toEqual(ids(view.matched));
    for (const r of exported) expect(r).toEqual(site.get(r.id!));
  });
});

describe('the row renderer', () => {
  it('escapes every text, attributes included', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const evil = { ...rows[0]!, id: 'X"><b>', url: '/trials/"onmouseover="x/', title: '<img src=x>', conditions: ['a<b'] };
    const html = rowHtml(evil);
    expect(html).not.toMatch(/<img|<b>|"onmouseover/u);
    expect(html).toContain('data-id="X&quot;&gt;&lt;b&gt;"');
  });

  it('a status in words with its tone and shape; at most three conditions, then how many more', () => {
    const many = rows.find((r) => r.conditions.length > 4)!;
    const html = rowHtml(many);
    expect(html).toContain(`<span class="badge tone-${STATUS_TONE[many.status!]}"><span aria-hidden="true">${TONE_SHAPE[STATUS_TONE[many.status!]]}</span>${escapeHtml(many.statusLabel)}</span>`);
    expect(html).toContain(`+${many.conditions.length - 3} more`);
    expect(html).toContain(`<span data-compare-slot data-id="${many.id}"></span>`);
  });

  it('the tone table lists every status, in the vocabulary’s order', () => {
    expect(Object.keys(STATUS_TONE)).toEqual(Object.keys(STATUS));
  });
});
