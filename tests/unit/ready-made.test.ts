/** Ready-made comparisons and the browse facet of condition categories. */
import { describe, expect, it } from 'vitest';
import { browseFacets, browseRow } from '../../src/lib/browse-rows.ts';
import { readyMadeHeading, readyMadeOf } from '../../src/lib/ready-made.ts';
import type { Trial } from '../../src/schemas/trial.ts';
import { draft } from './draft.ts';

function trial(id: string, conditions: string[], start: string | null = null, products: Trial['therapy']['products'] = ['CELLS']): Trial {
  const { notes: _n, origin: _o, ...d } = draft({ id, registryIds: [id], conditions });
  return {
    ...d,
    dates: { ...d.dates, start: start ? { date: start, type: 'ACTUAL' } : null },
    scope: { value: 'MSC', reason: 'test', evidence: [] },
    therapy: { products, cellSources: [], donor: [], routes: [] },
    sources: [{ file: 'x.txt', format: 'generic', site: null, asOf: null, retrieved: null, row: null }],
    flags: [],
  } as Trial;
}

const catalogue = [
  trial('NCT00000001', ['Knee Osteoarthritis'], '2015-01'),
  trial('NCT00000002', ['Osteoarthritis, Knee'], '2021-06'),
  trial('NCT00000003', ['Osteoarthritis of the Knee']),
  trial('NCT00000004', ['Lupus Nephritis'], '2019-02', ['SECRETOME']),
  trial('NCT00000005', ['Surgery', 'Anesthesia'], null, ['SECRETOME']),
];

describe('ready-made comparisons', () => {
  const pages = readyMadeOf(catalogue);
  it('exist only for groups and products of at least two trials; raw registry strings form no group', () => {
    expect(pages.conditions.map((p) => [p.slug, p.count])).toEqual([['knee-osteoarthritis', 3]]);
    expect(pages.products.map((p) => [p.slug, p.count])).toEqual([['cells', 3], ['secretome', 2]]);
  });

  it('list the most recently started first, as the browse link they carry sorts', () => {
    const knee = pages.conditions[0]!;
    expect(knee.trials.map((t) => t.id)).toEqual(['NCT00000002', 'NCT00000001', 'NCT00000003']);
    expect(knee.browseHref).toBe('/trials/?condition=knee-osteoarthritis&sort=-start');
    expect(pages.products[1]!.browseHref).toBe('/trials/?product=SECRETOME&sort=-start');
  });

  it('say whether they show all trials or the first of how many', () => {
    const knee = pages.conditions[0]!;
    expect(readyMadeHeading(knee)).toMatchObject({ shown: 3, total: 3, partial: false, title: 'Knee osteoarthritis: all 3 trials compared' });
    expect(readyMadeHeading(knee, 2)).toEqual({
      shown: 2,
      total: 3,
      partial: true,
      title: 'Knee osteoarthritis: 2 of 3 trials compared',
      lead: 'The 2 most recently started of the 3 trials of this condition group, as their records state them.',
    });
  });
});

describe('the category facet of browse', () => {
  it('every row carries its categories, Unclassified included, and the options count trials in taxonomy order', () => {
    expect(catalogue.map((t) => browseRow(t).categories)).toEqual([
      ['musculoskeletal'],
      ['musculoskeletal'],
      ['musculoskeletal'],
      ['autoimmune-inflammatory', 'kidney-urinary'],
      ['unclassified'],
    ]);
    expect(browseFacets(catalogue.map(browseRow)).category).toEqual([
      { value: 'musculoskeletal', label: 'Bones, joints and muscles', count: 3 },
      { value: 'autoimmune-inflammatory', label: 'Autoimmune and inflammatory', count: 1 },
      { value: 'kidney-urinary', label: 'Kidney and urinary tract', count: 1 },
      { value: 'unclassified', label: 'Unclassified', count: 1 },
    ]);
  });
});
