/**
 * Scope screening (src/ingest/scope.ts): is a record a trial of an MSC product?
 *
 * - 57 real rows of the 2022 download, labelled by hand before the screening was run on them,
 *   each with its reason (tests/fixtures/scope/labels.json): the precision and recall of OTHER (the
 *   verdict that takes a record out of the catalogue) and the agreement overall, with thresholds;
 * - every rule of the screening on small records, with the reason and the evidence it gives;
 * - the whole corpus: every row gets a verdict with a reason, and the counts add up.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble, readSourceFile, sourceFileAt } from '../../src/ingest/catalogue.ts';
import { screenScope } from '../../src/ingest/scope.ts';
import type { Draft } from '../../src/ingest/normalize.ts';
import { draft } from './draft.ts';

const CORPUS = 'ctgov-csv/ctgov-classic-download-mesenchymal-2022-10-09.csv';
const entries = assemble([readSourceFile(sourceFileAt('content/sources', CORPUS))], { asOf: new Date('2026-12-01T00:00:00Z') });
const byId = new Map(entries.map((e) => [e.id, e]));
const labels = (JSON.parse(readFileSync('tests/fixtures/scope/labels.json', 'utf8')) as { labels: { id: string; scope: string; reason: string }[] }).labels;

const iv = (name: string, type: Draft['interventions'][number]['type'] = 'BIOLOGICAL') => ({ type, name, description: null, otherNames: [] });
const scopeOf = (o: Partial<Draft>) => screenScope(draft({ title: 'A study', ...o }));

describe('hand-labelled real rows', () => {
  it('has at least 40 labels, each with a reason, none twice', () => {
    expect(labels.length).toBeGreaterThanOrEqual(40);
    expect(new Set(labels.map((l) => l.id)).size).toBe(labels.length);
    for (const l of labels) expect(l.reason.length, l.id).toBeGreaterThan(20);
    for (const l of labels) expect(byId.has(l.id), l.id).toBe(true);
  });

  it('screens out (OTHER) with a precision of 1 and a recall of at least 0.9; agrees with the labels on at least 95% of the rows', () => {
    const rows = labels.map((l) => ({ ...l, got: byId.get(l.id)!.scope.value }));
    const truePositives = rows.filter((r) => r.scope === 'OTHER' && r.got === 'OTHER').length;
    const predicted = rows.filter((r) => r.got === 'OTHER').length;
    const actual = rows.filter((r) => r.scope === 'OTHER').length;
    const precision = truePositives / predicted;
    const recall = truePositives / actual;
    const agreement = rows.filter((r) => r.got === r.scope).length / rows.length;
    const disagreements = rows.filter((r) => r.got !== r.scope).map((r) => `${r.id}: labelled ${r.scope}, screened ${r.got} — ${byId.get(r.id)!.scope.reason}`);
    // the figures, for docs/classification.md
    console.info(`scope on ${rows.length} labelled rows: OTHER precision ${precision.toFixed(3)} (${truePositives}/${predicted}), recall ${recall.toFixed(3)} (${truePositives}/${actual}), agreement ${agreement.toFixed(3)}\n${disagreements.join('\n')}`);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
  });

  it.each([
    ['NCT05176366', 'MSC', /ExoFlo/u],
    ['NCT00690066', 'MSC', /PROCHYMAL/iu],
    ['NCT04739930', 'MSC_CONTAINING', /bone marrow aspirate concentrate/iu],
    ['NCT01668576', 'OTHER', /studies MSCs rather than giving them/u],
    ['NCT05207995', 'OTHER', /not MSCs: “tolerogenic dendritic cells”/u],
    ['NCT01932021', 'OTHER', /“adipose tissue grafting” is not an MSC product/u],
    ['NCT05508191', 'UNCLEAR', /without saying it comes from MSCs/u],
  ])('%s is %s, and the reason quotes the words that decided', (id, value, reason) => {
    const scope = byId.get(id)!.scope;
    expect(scope.value).toBe(value);
    expect(scope.reason).toMatch(reason);
    expect(scope.evidence.length).toBeGreaterThan(0);
    for (const e of scope.evidence) expect(e.quote.toLowerCase()).toContain(e.match.toLowerCase());
  });
});

describe('the rules, one at a time', () => {
  it('an arm or intervention that names MSCs decides first, with its words and field', () => {
    expect(scopeOf({ interventions: [iv('Umbilical cord MSCs')] })).toEqual({
      value: 'MSC',
      reason: 'An arm or intervention gives participants an MSC product: “MSCs”.',
      evidence: [{ field: 'interventions[0].name', match: 'MSCs', quote: 'Umbilical cord MSCs' }],
    });
  });
  it('a product name of the vocabulary counts as an MSC product, and says what it is', () => {
    const s = scopeOf({ interventions: [iv('Stempeucel')] });
    expect(s.value).toBe('MSC');
    expect(s.reason).toMatch(/^An arm or intervention gives participants an MSC product: “Stempeucel” \(.+\)\.$/u);
  });
  it('a minimally manipulated preparation is MSC_CONTAINING, also when it names the MSCs it contains', () => {
    expect(scopeOf({ interventions: [iv('Bone marrow aspirate concentrate (BMAC) containing bone marrow derived mesenchymal stem cells', 'PROCEDURE')] }).value).toBe('MSC_CONTAINING');
    expect(scopeOf({ interventions: [iv('Fat-derived stem cells (SVF)')] }).value).toBe('MSC_CONTAINING');
    // cells grown from it are cultured cells
    expect(scopeOf({ interventions: [iv('SVF-derived MSC, cultured')] }).value).toBe('MSC');
  });
  it('the title counts when it names the product as the treatment, not as the object of study', () => {
    expect(scopeOf({ title: 'Intravenous Transplantation of Mesenchymal Stem Cell in Patients With ALS', interventions: [iv('Intravenous injection')] }).value).toBe('MSC');
    const studied = scopeOf({ title: 'Mobilization of Mesenchymal Stem Cells During Liver Transplantation', studyType: 'OBSERVATIONAL', interventions: [iv('Blood samples', 'PROCEDURE')] });
    expect(studied.value).toBe('OTHER');
    expect(studied.reason).toMatch(/^The record studies MSCs rather than giving them \(“Mobilization of Mesenchymal Stem Cells During Liver Transplantation”\)/u);
  });
  it('a title naming MSCs beside a drug, without treatment words, is not enough: the drug is what is given', () => {
    expect(scopeOf({ title: 'Linagliptin and Mesenchymal Stem Cells: A Pilot Study', studyType: 'INTERVENTIONAL', interventions: [iv('Linagliptin', 'DRUG')] }).value).toBe('OTHER');
  });
  it('cells that are not MSCs, with no MSC product anywhere, screen out', () => {
    expect(scopeOf({ interventions: [iv('Autologous tolerogenic dendritic cells')] }).value).toBe('OTHER');
    expect(scopeOf({ interventions: [iv('Cord blood transplantation', 'PROCEDURE')] }).value).toBe('OTHER');
  });
  it('a cell therapy of an unnamed kind, a code name, a cell-free product of unstated source: needs review', () => {
    expect(scopeOf({ interventions: [iv('Autologous bone marrow stem cells')] }).value).toBe('UNCLEAR');
    expect(scopeOf({ interventions: [iv('XYZ-123')] })).toMatchObject({ value: 'UNCLEAR', reason: expect.stringMatching(/named only by a code/u) });
    expect(scopeOf({ interventions: [iv('Secretome gel')] })).toMatchObject({ value: 'UNCLEAR', reason: expect.stringMatching(/without saying it comes from MSCs/u) });
  });
  it('a procedure in a row without summary or description may hide cells: needs review; in a full record that never names cells it does not', () => {
    expect(scopeOf({ interventions: [iv('Cartilage repair surgery', 'OTHER')] }).value).toBe('UNCLEAR');
    expect(
      scopeOf({
        summary: 'Patients receive a cervical disc replacement and are followed for two years.',
        interventions: [iv('Cervical arthroplasty', 'PROCEDURE')],
      }),
    ).toMatchObject({ value: 'OTHER', reason: 'No arm or intervention gives an MSC product: the interventions are Procedure: Cervical arthroplasty.' });
  });
  it('a sentence about this trial in the summary counts; a background sentence does not', () => {
    expect(scopeOf({ summary: 'Participants will receive an intra-articular injection of umbilical cord MSCs.' }).value).toBe('MSC');
    expect(scopeOf({ summary: 'Previous studies have shown that MSCs can be injected into the knee.', interventions: [iv('Hyaluronic acid', 'DRUG')] }).value).toBe('OTHER');
  });
  it('a record that names no product at all needs review, and says so', () => {
    expect(scopeOf({})).toEqual({ value: 'UNCLEAR', reason: 'The fields we hold name no product that participants receive.', evidence: [] });
  });
});

describe('the whole corpus', () => {
  it('gives every row a verdict and a reason; the verdicts add up to the 1,389 rows', () => {
    expect(entries).toHaveLength(1389);
    for (const e of entries) expect(e.scope.reason.length, e.id).toBeGreaterThan(20);
    const count = (v: string) => entries.filter((e) => e.scope.value === v).length;
    expect(count('MSC') + count('MSC_CONTAINING') + count('UNCLEAR') + count('OTHER')).toBe(1389);
    // the screening keeps most of an MSC search and reviews a few: the shape of the landscape, not a fixed number
    expect(count('MSC')).toBeGreaterThan(1100);
    expect(count('OTHER')).toBeGreaterThan(30);
    expect(count('UNCLEAR')).toBeLessThan(100);
  });
  it('an UNCLEAR verdict is a visible flag; an OTHER one is not (it is listed apart)', () => {
    for (const e of entries) {
      const flagged = e.flags.some((f) => f.code === 'scope-unclear');
      expect(flagged, e.id).toBe(e.scope.value === 'UNCLEAR');
    }
  });
});
