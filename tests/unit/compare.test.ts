/** The comparison model: when a row differs, what "only differences" hides, the category row, the picker and shared links. */
import { describe, expect, it } from 'vitest';
import { GROUPS, cellOf, cellsDiffer, gridModel, type Cell } from '../../src/lib/compare.ts';
import { legendText, renderGrid } from '../../src/lib/compare-render.ts';
import { pickerIndex } from '../../src/lib/compare-picker.ts';
import { idsOfParam, linkChoice, lookupKey, lookupOf, mergeSelections, pickerMatches, resolveIds } from '../../src/lib/compare-selection.ts';
import type { Trial } from '../../src/schemas/trial.ts';
import { draft } from './draft.ts';

const cell = (...lines: string[]): Cell => ({ lines });

function trial(id: string, over: { conditions?: string[]; enrollment?: number; start?: string | null; registryIds?: string[]; title?: string } = {}): Trial {
  const { notes: _n, origin: _o, ...d } = draft({ id, registryIds: over.registryIds ?? [id], conditions: over.conditions ?? [], title: over.title ?? `Trial ${id}` });
  return {
    ...d,
    studyType: 'INTERVENTIONAL',
    enrollment: over.enrollment === undefined ? null : { count: over.enrollment, type: null },
    dates: { ...d.dates, start: over.start ? { date: over.start, type: 'ACTUAL' } : null },
    scope: { value: 'MSC', reason: 'test', evidence: [] },
    therapy: { products: ['CELLS'], cellSources: [], donor: [], routes: [] },
    sources: [{ file: `${id}.txt`, format: 'generic', site: null, asOf: null, retrieved: null, row: null }],
    flags: [],
  } as Trial;
}

describe('cellsDiffer: the chosen trials disagree among themselves', () => {
  it('is true when any two cells differ, whichever trial comes first', () => {
    // A = B ≠ C and A ≠ B = C: both rows differ, not "the cells unlike the first column"
    expect(cellsDiffer([cell('25 participants'), cell('25 participants'), cell('11 participants')])).toBe(true);
    expect(cellsDiffer([cell('11 participants'), cell('25 participants'), cell('25 participants')])).toBe(true);
    expect(cellsDiffer([cell('Randomised'), cell('Not applicable'), cell('Randomised')])).toBe(true);
  });
  it('is false when every cell is the same, case, spacing and line breaks aside', () => {
    expect(cellsDiffer([cell('Double'), cell('double'), cell(' Double ')])).toBe(false);
    expect(cellsDiffer([cell('MSC cells', 'Umbilical cord'), cell('msc  cells', 'umbilical cord')])).toBe(false);
  });
  it('sees a list with one more item as different', () => {
    expect(cellsDiffer([cell('Umbilical cord'), cell('Umbilical cord', 'Adipose tissue')])).toBe(true);
  });
  it('is false for one trial or none: nothing to disagree with', () => {
    expect(cellsDiffer([cell('x')])).toBe(false);
    expect(cellsDiffer([])).toBe(false);
  });
});

describe('gridModel', () => {
  const a = trial('NCT00000001', { conditions: ['Knee Osteoarthritis'], enrollment: 25 });
  const b = trial('NCT00000002', { conditions: ['Osteoarthritis, Knee'], enrollment: 25 });
  const c = trial('NCT00000003', { conditions: ['Stroke'], enrollment: 11 });
  const rowOf = (model: ReturnType<typeof gridModel>, key: string) => model.groups.flatMap((g) => g.rows).find((r) => r.row.key === key)!;

  it('marks a row differs when the trials disagree, and same when all agree', () => {
    const model = gridModel([a, b, c]);
    expect(rowOf(model, 'enrollment')).toMatchObject({ differs: true, same: false });
    expect(rowOf(model, 'studyType')).toMatchObject({ differs: false, same: true });
    // the first two agree, the third does not: the row differs as a whole
    expect(rowOf(gridModel([c, a, b]), 'enrollment').differs).toBe(true);
  });

  it('never shades identity rows (ids, titles, files differ by nature), and hides none of them', () => {
    const model = gridModel([a, b]);
    for (const key of ['id', 'title', 'sources']) expect(rowOf(model, key)).toMatchObject({ differs: false, same: false });
  });

  it('marks nothing with a single trial: "only differences" then hides nothing', () => {
    const model = gridModel([a]);
    expect(model.groups.flatMap((g) => g.rows).some((r) => r.differs || r.same)).toBe(false);
    expect(legendText(model)).toBe('Add a second trial to see where they differ.');
  });

  it('has a condition-category row from the taxonomy, Unclassified included', () => {
    const model = gridModel([a, c, trial('NCT00000004', { conditions: ['Healthy'] })]);
    expect(rowOf(model, 'categories').cells.map((x) => x.lines)).toEqual([['Bones, joints and muscles'], ['Brain, spinal cord and nerves'], ['Unclassified']]);
    expect(rowOf(model, 'categories').differs).toBe(true);
    expect(rowOf(gridModel([a, b]), 'categories').same).toBe(true);
  });

  it('keeps only the wanted rows, in the model order, and counts what differs among them', () => {
    const model = gridModel([a, b, c], ['enrollment', 'categories', 'studyType', 'title']);
    expect(model.groups.map((g) => [g.key, g.rows.map((r) => r.row.key)])).toEqual([
      ['identity', ['title']],
      ['design', ['studyType', 'enrollment']],
      ['population', ['categories']],
    ]);
    expect([model.compared, model.differing]).toEqual([3, 2]);
    expect(model.groups.find((g) => g.key === 'design')!.same).toBe(false);
    expect(legendText(model)).toBe('2 of the 3 attributes shown differ among these 3 trials: their rows are shaded and marked “differs”.');
  });
});

describe('renderGrid', () => {
  const html = renderGrid([trial('NCT00000001', { enrollment: 25 }), trial('NCT00000002', { enrollment: 25 }), trial('NCT00000003', { enrollment: 11 })]);
  it('shades whole rows: a differing row carries the class and the word, a same row data-same, and no cell is marked alone', () => {
    expect(html).toMatch(/<tr data-row="enrollment" class="differs" data-differs><th scope="row" class="grid-attr">Enrollment <span class="differs-mark">differs<\/span>/u);
    expect(html).toContain('<tr data-row="studyType" data-same>');
    expect(html).not.toMatch(/<td class=/u);
    expect(html).toContain('data-trials="3"');
  });
  it('repeats on a page without repeating an id', () => {
    expect(html).not.toMatch(/\sid="/u);
  });
});

describe('shared links: ?ids=', () => {
  it('reads ids as written, separated by commas or spaces, each once whatever its case', () => {
    expect(idsOfParam('NCT04447833,nct04447833, NCT04208646  NCT06688318,,')).toEqual(['NCT04447833', 'NCT04208646', 'NCT06688318']);
    expect(idsOfParam(null)).toBeNull();
    expect(idsOfParam(' , ')).toBeNull();
    expect(idsOfParam(Array.from({ length: 20 }, (_, i) => `NCT${String(i).padStart(8, '0')}`).join(','))).toHaveLength(12);
  });

  const index = pickerIndex([
    trial('NCT04447833', { registryIds: ['NCT04447833', 'CTRI/2020/05/025000', '2005-003674-14'] }),
    trial('CTRI/2021/01/030000'),
    trial('NCT04208646'),
  ]);
  const lookup = lookupOf(index);

  it('resolves any case, "/" written as "-" as the site writes it, and other registry ids', () => {
    expect(lookupKey('CTRI/2020/05/025000')).toBe('ctri-2020-05-025000');
    expect(resolveIds(['nct04447833', 'ctri-2021-01-030000', 'CTRI/2021/01/030000', 'ctri/2020/05/025000', '2005-003674-14', 'NCT04208646'], lookup)).toEqual({
      ids: ['NCT04447833', 'CTRI/2021/01/030000', 'NCT04208646'],
      missing: [],
    });
    expect(resolveIds(['NCT99999999', 'nct04208646'], lookup)).toEqual({ ids: ['NCT04208646'], missing: ['NCT99999999'] });
  });

  it('asks before replacing a saved selection that is not the link’s', () => {
    expect(linkChoice(['NCT1', 'NCT2'], [])).toBe('adopt');
    expect(linkChoice(['NCT1', 'NCT2'], ['NCT1', 'NCT2'])).toBe('same');
    expect(linkChoice(['NCT1', 'NCT2'], ['NCT2', 'NCT1'])).toBe('ask');
    expect(linkChoice(['NCT1'], ['NCT1', 'NCT2'])).toBe('ask');
    expect(mergeSelections(['NCT1', 'NCT2'], ['NCT2', 'NCT3'])).toEqual(['NCT1', 'NCT2', 'NCT3']);
    expect(mergeSelections(['A', 'B'], ['C', 'D'], 3)).toEqual(['A', 'B', 'C']);
  });
});

describe('the picker', () => {
  const index = pickerIndex([
    trial('NCT00000001', { conditions: ['Knee Osteoarthritis'], start: '2015-01', title: 'Adipose MSC for knee osteoarthritis' }),
    trial('NCT00000002', { conditions: ['Stroke', 'Knee Osteoarthritis'], start: '2021-06', title: 'Cord MSC after stroke' }),
    trial('NCT00000003', { conditions: ['Stroke'], title: 'Bone marrow MSC in stroke' }),
    trial('NCT00000004', { conditions: ['Healthy'], start: '2019-02', registryIds: ['NCT00000004', 'ISRCTN12345678'] }),
  ]);

  it('counts the categories in the taxonomy order, Unclassified last', () => {
    expect(index.categories).toEqual([
      { slug: 'musculoskeletal', label: 'Bones, joints and muscles', count: 2 },
      { slug: 'neurological', label: 'Brain, spinal cord and nerves', count: 2 },
      { slug: 'unclassified', label: 'Unclassified', count: 1 },
    ]);
  });

  it('lists a category’s trials, the most recently started first, narrowed by words of the title or ids', () => {
    expect(index.trials.map((t) => t.id)).toEqual(['NCT00000002', 'NCT00000004', 'NCT00000001', 'NCT00000003']);
    expect(pickerMatches(index, 'neurological', '').map((t) => t.id)).toEqual(['NCT00000002', 'NCT00000003']);
    expect(pickerMatches(index, 'neurological', 'MARROW stroke').map((t) => t.id)).toEqual(['NCT00000003']);
    expect(pickerMatches(index, '', 'isrctn1234').map((t) => t.id)).toEqual(['NCT00000004']);
    expect(pickerMatches(index, 'eye', '')).toEqual([]);
  });

  it('keeps what a row shows', () => {
    expect(index.trials[0]).toEqual({
      id: 'NCT00000002',
      title: 'Cord MSC after stroke',
      status: 'Status not stated',
      phase: 'Phase not stated',
      start: '2021-06',
      categories: ['musculoskeletal', 'neurological'],
      aliases: [],
    });
  });
});

describe('cellOf: a missing value says whose record lacks it', () => {
  const start = GROUPS.flatMap((g) => g.rows).find((r) => r.key === 'start')!;
  it('says "Not in the records we hold" when the trial rests on page copies, which may leave a section out', () => {
    expect(cellOf(start, trial('NCT00000001')).lines).toEqual(['Not in the records we hold']);
  });
  it('says "Not stated" when a record we hold is the registry’s own complete export', () => {
    const registry = { ...trial('NCT00000002'), sources: [{ file: 'NCT00000002.json', format: 'ctgov-json', site: 'clinicaltrials.gov', asOf: null, retrieved: null, row: null }] } as Trial;
    expect(cellOf(start, registry).lines).toEqual(['Not stated']);
  });
  it('keeps a value as it is, and is muted like "Not stated" in the grid', () => {
    expect(cellOf(start, trial('NCT00000003', { start: '2020-05' })).lines).toEqual(['May 2020 (actual)']);
    expect(renderGrid([trial('NCT00000001'), trial('NCT00000003', { start: '2020-05' })])).toContain('<span class="not-stated">Not in the records we hold</span>');
  });
});
