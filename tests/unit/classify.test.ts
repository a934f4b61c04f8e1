/** MSC facets: the vocabulary, and where in a record it is read. */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/ingest/classify.ts';
import type { Draft } from '../../src/ingest/normalize.ts';
import { draft } from './draft.ts';

const therapyOf = (o: Partial<Draft>) => classify(draft(o)).therapy;
const iv = (name: string, description: string | null = null) => ({ type: 'BIOLOGICAL' as const, name, description, otherNames: [] });

describe('products', () => {
  it.each([
    ['Umbilical Cord Mesenchymal Stem Cells Conditioned Media for Knee OA', ['SECRETOME']],
    ['MSC-Derived Secretome in Knee OA', ['SECRETOME']],
    ['Secretome of Adipose MSCs for Burns', ['SECRETOME']],
    ['Exosomes derived from bone marrow MSCs in ARDS', ['EXTRACELLULAR_VESICLES']],
    ['Extracellular Vesicles (EVs) for COVID-19', ['EXTRACELLULAR_VESICLES']],
    ['Mesenchymal Stromal Cells in GvHD', ['CELLS']],
    // minimally manipulated preparations are a product of their own, not isolated MSCs
    ['Adipose-derived stromal vascular fraction (SVF) for OA', ['MINIMALLY_MANIPULATED']],
    ['Bone marrow aspirate concentrate in cartilage defects', ['MINIMALLY_MANIPULATED']],
    ['SVF-derived MSCs cultured for 3 weeks', ['CELLS']],
    ['hUC-MSCs Injection for Disc Degeneration', ['CELLS']],
    ['MSC and their secretome in two arms', ['CELLS', 'SECRETOME']],
    ['Platelet-rich plasma for tendinopathy', []],
  ])('%s → %j', (title, products) => expect(therapyOf({ title }).products).toEqual(products));

  it('an MSC product combined with another agent in one arm is COMBINATION', () =>
    expect(
      therapyOf({ arms: [{ label: 'MSC + hyaluronic acid', type: 'EXPERIMENTAL', description: null, interventions: [] }] }).products,
    ).toEqual(['CELLS', 'COMBINATION']));

  it('background paragraphs are read only when the treatment itself says nothing', () => {
    const summary = 'Stem cells produce conditioned media (secretome, extra vesicles, and exosomes).';
    expect(therapyOf({ title: 'Secretome for knee OA', summary }).products).toEqual(['SECRETOME']);
    expect(therapyOf({ title: 'A knee OA trial', summary: 'Exosomes of MSCs are injected.' }).products).toEqual(['EXTRACELLULAR_VESICLES']);
  });

  it('comparator arms and placebo interventions are not read', () =>
    expect(
      therapyOf({
        title: 'Knee OA trial',
        arms: [
          { label: 'Saline', type: 'PLACEBO_COMPARATOR', description: 'Intravenous saline, no mesenchymal cells', interventions: ['Drug: Saline'] },
          { label: 'Treatment', type: 'EXPERIMENTAL', description: 'Exosome injection', interventions: ['Biological: Exosomes'] },
        ],
        interventions: [iv('Exosomes', 'MSC exosomes injected intra-articularly'), { ...iv('Saline', 'intravenous infusion'), type: 'DRUG' }],
      }),
    ).toEqual({ products: ['EXTRACELLULAR_VESICLES'], cellSources: [], donor: [], routes: ['INTRA_ARTICULAR'] }));
});

describe('cell source, donor, route', () => {
  it.each([
    ["Wharton's jelly MSCs", 'UMBILICAL_CORD'],
    ['UC-MSCs', 'UMBILICAL_CORD'],
    ['AD-MSC injection', 'ADIPOSE'],
    ['Lipoaspirate-derived stromal cells', 'ADIPOSE'],
    ['BM-MSCs', 'BONE_MARROW'],
    ['Placental MSCs', 'PLACENTA'],
    ['Amniotic membrane MSCs', 'AMNION'],
    ['Dental pulp stem cells (DPSCs)', 'DENTAL_PULP'],
    ['Menstrual blood-derived MSCs', 'MENSTRUAL_BLOOD'],
    ['Synovial mesenchymal stem cells', 'OTHER'],
  ])('%s → %s', (title, source) => expect(therapyOf({ title }).cellSources).toEqual([source]));

  it('a source word away from any MSC word is not a source ("bone marrow failure")', () =>
    expect(therapyOf({ title: 'Mesenchymal stromal cells for graft failure', summary: 'Patients have bone marrow failure after chemotherapy and need support.' }).cellSources).toEqual([]));

  it('donor words must qualify the MSC product', () => {
    expect(therapyOf({ title: 'Secretome with autologous PRGF' }).donor).toEqual([]);
    expect(therapyOf({ title: 'Autologous adipose-derived MSCs' }).donor).toEqual(['AUTOLOGOUS']);
    expect(therapyOf({ title: 'Allogeneic UC-MSCs' }).donor).toEqual(['ALLOGENEIC']);
    expect(therapyOf({ title: "MSCs from the patient's own bone marrow" }).donor).toEqual(['AUTOLOGOUS']);
  });

  it.each([
    ['intra-articular injection of MSCs', 'INTRA_ARTICULAR'],
    ['MSCs injected into the knee joint', 'INTRA_ARTICULAR'],
    ['intravenous infusion of MSCs', 'INTRAVENOUS'],
    ['intrathecal MSCs', 'INTRATHECAL'],
    ['intramuscular MSC injection', 'INTRAMUSCULAR'],
    ['MSC exosome eye drops', 'TOPICAL'],
    ['intranasal MSC exosomes', 'INTRANASAL'],
    ['intradiscal MSC injection', 'LOCAL_INJECTION'],
    ['nebulized MSC exosomes', 'OTHER'],
  ])('%s → %s', (title, route) => expect(therapyOf({ title }).routes).toEqual([route]));

  it('a trial with no MSC product gets no other MSC facets', () =>
    expect(therapyOf({ title: 'Intra-articular hyaluronic acid, allogeneic donor plasma, umbilical hernia' })).toEqual({
      products: [],
      cellSources: [],
      donor: [],
      routes: [],
    }));

  it('keeps the evidence for each facet', () =>
    expect(classify(draft({ title: 'Allogeneic UC-MSCs given intravenously' })).evidence).toEqual([
      { facet: 'products', value: 'CELLS', field: 'title', match: 'UC-MSCs', quote: 'Allogeneic UC-MSCs given intravenously' },
      { facet: 'cellSources', value: 'UMBILICAL_CORD', field: 'title', match: 'UC-MSCs', quote: 'Allogeneic UC-MSCs given intravenously' },
      { facet: 'donor', value: 'ALLOGENEIC', field: 'title', match: 'Allogeneic', quote: 'Allogeneic UC-MSCs given intravenously' },
      { facet: 'routes', value: 'INTRAVENOUS', field: 'title', match: 'intravenously', quote: 'Allogeneic UC-MSCs given intravenously' },
    ]));

  it('quotes the sentence that decided, and prefers a sentence about this trial to background (seed 001)', () => {
    const description =
      'Recent advancements have highlighted MSCs, particularly adipose-derived MSCs (AD-MSCs), due to their paracrine activity. ' +
      'The secretome will be collected from culture of human UCMSCs grown in GMP-compliant labs.';
    const { therapy, evidence } = classify(draft({ title: 'Secretome for knee OA', description }));
    expect(therapy.cellSources).toEqual(['UMBILICAL_CORD']);
    expect(evidence.find((e) => e.facet === 'cellSources')).toEqual({
      facet: 'cellSources',
      value: 'UMBILICAL_CORD',
      field: 'description',
      match: 'UCMSCs',
      quote: 'The secretome will be collected from culture of human UCMSCs grown in GMP-compliant labs.',
    });
  });

  it('ranks the evidence: arms and interventions before the title, the title before the summary, the summary before the description', () => {
    const iv = { type: 'BIOLOGICAL' as const, name: 'Bone marrow MSCs', description: null, otherNames: [] };
    const t = classify(draft({ title: 'Adipose MSCs in knee OA', summary: 'Umbilical cord MSCs are injected.', interventions: [iv] }));
    expect(t.therapy.cellSources).toEqual(['BONE_MARROW']);
    expect(classify(draft({ title: 'Adipose MSCs in knee OA', summary: 'Umbilical cord MSCs are injected.' })).therapy.cellSources).toEqual(['ADIPOSE']);
    expect(classify(draft({ title: 'MSCs in knee OA', summary: 'Umbilical cord MSCs are injected.', description: 'Adipose MSCs will be injected.' })).therapy.cellSources).toEqual([
      'UMBILICAL_CORD',
    ]);
  });
});

describe('facet false alarms the review found, kept quiet', () => {
  it.each([
    ['Mesenchymal stromal cells for GvHD after allogeneic hematopoietic stem cell transplantation', []],
    ['Autologous PRP plus mesenchymal stem cells', []],
    ['Allogenic adipose tissue-derived mesenchymal progenitor cells', ['ALLOGENEIC']],
  ])('donor of "%s" is %j', (title, donor) => expect(therapyOf({ title }).donor).toEqual(donor));

  it('"compared with hyaluronic acid" is not a combination', () =>
    expect(therapyOf({ title: 'UC-MSCs compared with hyaluronic acid in knee OA' }).products).toEqual(['CELLS']));

  it('an intervention naming standard care beside the MSCs is still read', () =>
    expect(therapyOf({ interventions: [iv('UC-MSCs plus standard of care')] }).products).toEqual(['CELLS']));

  it('an active comparator arm is not the treatment', () =>
    expect(
      therapyOf({
        title: 'MSCs in lupus nephritis',
        arms: [
          { label: 'MSC', type: 'EXPERIMENTAL', description: 'MSC infusion', interventions: [] },
          { label: 'Steroids', type: 'ACTIVE_COMPARATOR', description: 'Intravenous methylprednisolone', interventions: [] },
        ],
      }).routes,
    ).toEqual([]));

  it.each([
    'MSCs for poor graft function after bone marrow transplantation',
    'MSC infusion on day 3 of the menstrual cycle',
    'MSCs and human chorionic gonadotropin in infertility',
  ])('"%s" names no cell source', (title) => expect(therapyOf({ title }).cellSources).toEqual([]));
});
