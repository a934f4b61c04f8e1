/**
 * The condition taxonomy (src/domain/conditions.ts, docs/conditions.md): real condition strings
 * of the corpus with the categories and groups they must get, the order in which a record's
 * fields are read, the registry's MeSH vocabulary, and the counts on the real catalogue that
 * docs/conditions.md states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_LABELS,
  CATEGORY_SLUGS,
  CONDITION_CATEGORIES,
  CONDITION_GROUPS,
  MESH_BRANCHES,
  categoryEvidenceOf,
  categorySlugsOf,
  conditionCategoriesOf,
  conditionGroupsOf,
  groupOfCondition,
} from '../../src/domain/conditions.ts';
import { loadCatalogue } from '../../src/ingest/catalogue.ts';
import { readCtgovJson } from '../../src/ingest/formats/ctgov-json.ts';

const of = (...conditions: string[]) => categorySlugsOf({ conditions });
const groupsOf = (...conditions: string[]) => conditionGroupsOf({ conditions }).map((g) => g.slug);

describe('categories of real condition strings of the corpus', () => {
  it.each([
    // the spellings of one disease meet in one category and one group
    ['Knee Osteoarthritis', ['musculoskeletal'], ['knee-osteoarthritis']],
    ['Osteoarthritis, Knee', ['musculoskeletal'], ['knee-osteoarthritis']],
    ['Osteo Arthritis Knee', ['musculoskeletal'], ['knee-osteoarthritis']],
    ['Osteoarthritis (OA) Knee Injury Cartilage Degeneration', ['musculoskeletal'], ['knee-osteoarthritis']],
    ['Graft vs Host Disease', ['gvhd-transplant'], ['graft-versus-host-disease']],
    ['Acute GVH Disease', ['gvhd-transplant'], ['graft-versus-host-disease']],
    ['Grade B aGVHD', ['gvhd-transplant'], ['graft-versus-host-disease']],
    ['Covid19', ['respiratory'], ['covid-19-and-ards']],
    ['ARDS, Human', ['respiratory'], ['covid-19-and-ards']],
    ['Severe BPD That Conventional Therapies Has Failed', ['respiratory'], ['bronchopulmonary-dysplasia']],
    ['Premature Ovarian Failure，', ['reproductive'], ['ovarian-insufficiency']],
    ['Spinal Cord Injury', ['neurological'], ['spinal-cord-injury']],
    ['Critical Limb Ischemia', ['cardiovascular'], ['limb-ischemia']],
    ['Cardiomyopathy Due to Anthracyclines', ['cardiovascular'], ['heart-disease']],
    ['Liver Cirrhosis', ['liver'], ['liver-disease']],
    ['Xerostomia Due to Radiotherapy', ['oral-dental'], ['xerostomia']],
    ['Retinitis Pigmentosa', ['eye'], ['retinal-dystrophy']],
    ['Sepsis', ['infection-critical'], ['sepsis']],
    ['Frailty', ['ageing-frailty'], ['frailty']],
    // two categories where the MeSH tree places the disease in both branches
    ['Lupus Nephritis', ['autoimmune-inflammatory', 'kidney-urinary'], ['lupus']],
    ['Diabetic Foot Ulcer', ['diabetes-endocrine', 'skin-wounds'], ['wounds-and-ulcers']],
    ['Diabetic Nephropathies', ['kidney-urinary', 'diabetes-endocrine'], ['kidney-disease']],
    ['Erectile Dysfunction With Diabetes Mellitus', ['diabetes-endocrine', 'reproductive'], ['erectile-dysfunction']],
    ['Multiple Sclerosis', ['neurological', 'autoimmune-inflammatory'], ['multiple-sclerosis']],
    ['Type1diabetes', ['autoimmune-inflammatory', 'diabetes-endocrine'], ['diabetes']],
    ["Perianal Fistula Due to Crohn's Disease", ['autoimmune-inflammatory', 'digestive'], ['crohns-disease']],
    ['Renal Transplant Rejection', ['gvhd-transplant', 'kidney-urinary'], ['organ-transplant']],
    ['Myelodysplastic Syndromes', ['blood', 'cancer'], ['myelodysplastic-syndromes']],
    ['Alveolar Bone Loss', ['musculoskeletal', 'oral-dental'], ['bone-defects-and-fractures']],
    ['Leber Hereditary Optic Neuropathy', ['neurological', 'eye'], []],
    // words inside other words do not count: cardio-myopathy is no muscle disease, "Neurologic" no urology, "Imaging" no ageing
    ['Hereditary Retinal Dystrophy', ['eye'], ['retinal-dystrophy']],
    ['Aneurysmal Bone Cyst', ['musculoskeletal'], ['bone-defects-and-fractures']],
    ['Neurologic Disorders', ['neurological'], []],
    ['Uterine Scar', ['reproductive'], ['intrauterine-adhesions']],
    // the product, the treatment or the study named as a condition: no category from it
    ['Mesenchymal Stem Cells', ['unclassified'], []],
    ['Stem Cell Transplant Complications', ['unclassified'], []],
    ['Non-cardiac Surgery', ['unclassified'], []],
    ['Correlate the Imaging Results', ['unclassified'], []],
    ['Healthy', ['unclassified'], []],
  ])('%s → %j, groups %j', (condition, categories, groups) => {
    expect(of(condition)).toEqual(categories);
    expect(groupsOf(condition)).toEqual(groups);
  });

  it('a trial counts once per category, however many of its conditions fall there; categories come in taxonomy order', () => {
    expect(of('Knee Osteoarthritis', 'Cartilage Injury', 'Rheumatoid Arthritis')).toEqual(['musculoskeletal', 'autoimmune-inflammatory']);
    expect(groupsOf('Knee Osteoarthritis', 'Cartilage Injury', 'Osteoarthritis, Knee')).toEqual(['knee-osteoarthritis', 'cartilage-defects']);
  });

  it('the unclassified are a category a page can show and filter', () => {
    expect(conditionCategoriesOf({ conditions: ['Healthy'] })).toEqual([
      { slug: 'unclassified', label: 'Unclassified', description: expect.stringContaining('Healthy') },
    ]);
  });
});

describe('where the words are read', () => {
  it('the title, only when the conditions name no disease, and the evidence says so', () =>
    expect(categoryEvidenceOf({ conditions: ['Efficacy and Safety'], title: 'MSC Intratissular Injection in Crohn Disease Patients' })).toEqual([
      { category: 'autoimmune-inflammatory', field: 'title', text: 'MSC Intratissular Injection in Crohn Disease Patients', match: 'Crohn' },
      { category: 'digestive', field: 'title', text: 'MSC Intratissular Injection in Crohn Disease Patients', match: 'Crohn' },
    ]));

  it('a title never adds to what the conditions say', () =>
    expect(categorySlugsOf({ conditions: ['Knee Osteoarthritis'], title: 'Bone marrow MSCs in knee OA and type 2 diabetes' })).toEqual(['musculoskeletal']));

  it('keywords before the title', () =>
    expect(categoryEvidenceOf({ conditions: ['MSC'], keywords: ['Stroke'], title: 'A trial in knee osteoarthritis' })).toEqual([
      { category: 'neurological', field: 'keywords', text: 'Stroke', match: 'Stroke' },
    ]));

  it('MeSH terms are read like conditions; their ancestors only when nothing else places the trial', () => {
    expect(categoryEvidenceOf({ conditions: [], conditionMesh: { terms: ['Intervertebral Disc Degeneration'], ancestors: ['Bone Diseases', 'Nervous System Diseases'] } })).toEqual([
      { category: 'musculoskeletal', field: 'conditionMesh.terms', text: 'Intervertebral Disc Degeneration', match: 'Intervertebral' },
    ]);
    expect(categoryEvidenceOf({ conditions: ['Adjacent Level Syndrome X'], conditionMesh: { terms: ['Emergence Delirium'], ancestors: ['Mental Disorders', 'Pathologic Processes'] } })).toEqual([
      { category: 'neurological', field: 'conditionMesh.ancestors', text: 'Mental Disorders', match: 'Mental Disorders' },
    ]);
  });

  it('every MeSH branch maps to categories of the taxonomy, and every category has a description', () => {
    for (const cats of Object.values(MESH_BRANCHES)) for (const c of cats) expect(CATEGORY_SLUGS).toContain(c);
    expect(CONDITION_CATEGORIES.map((c) => c.slug)).toEqual(CATEGORY_SLUGS);
    for (const c of CONDITION_CATEGORIES) expect(c.description.length).toBeGreaterThan(20);
    expect(Object.keys(CATEGORY_LABELS)).toEqual([...CATEGORY_SLUGS, 'unclassified']);
    expect(CATEGORY_LABELS['gvhd-transplant']).toBe('GVHD and transplantation');
  });

  it('group slugs are unique and each names its categories', () => {
    expect(new Set(CONDITION_GROUPS.map((g) => g.slug)).size).toBe(CONDITION_GROUPS.length);
    expect(groupOfCondition('Surgery')).toBeNull();
  });
});

describe('the registry’s MeSH vocabulary (the 88-study API v2 fixture)', () => {
  const file = { path: 'ctgov/ctg-studies.json', content: readFileSync('tests/fixtures/ctgov/ctg-studies.json', 'utf8') };
  const studies = readCtgovJson(file).trials;

  it('the reader keeps the MeSH terms and ancestors of each study', () => {
    expect(studies).toHaveLength(88);
    expect(studies[0]!.conditions).toEqual(['Degenerative Disc Disease']);
    expect(studies[0]!.conditionMesh).toEqual({
      terms: ['Spinal Diseases', 'Intervertebral Disc Degeneration'],
      ancestors: ['Bone Diseases', 'Musculoskeletal Diseases'],
    });
  });

  it('the condition strings and the MeSH terms place 85 of the 88 studies alike; the other three differ for reasons the docs explain', () => {
    const differing = studies
      .map((s) => ({ id: s.registryIds[0], fromConditions: of(...s.conditions), fromMesh: categorySlugsOf({ conditions: [], conditionMesh: { terms: s.conditionMesh.terms, ancestors: [] } }) }))
      .filter((x) => x.fromConditions.join() !== x.fromMesh.join());
    expect(differing).toEqual([
      // "Tumor" is a condition the registry maps to no MeSH term
      { id: 'NCT05821920', fromConditions: ['musculoskeletal', 'cancer'], fromMesh: ['musculoskeletal'] },
      // no MeSH term derived at all
      { id: 'NCT03367052', fromConditions: ['musculoskeletal'], fromMesh: ['unclassified'] },
      // "Neuropathy" maps to no MeSH term
      { id: 'NCT03390920', fromConditions: ['musculoskeletal', 'neurological'], fromMesh: ['musculoskeletal'] },
    ]);
  });
});

describe('the real catalogue (docs/conditions.md states these counts: update both when the corpus changes)', () => {
  const trials = loadCatalogue('content/sources', { asOf: new Date('2026-11-22T00:00:00Z') }).filter((t) => t.scope.value !== 'OTHER');

  it('trials per category, the unclassified, and how the memberships add up', () => {
    const counts = Object.fromEntries([...CATEGORY_SLUGS, 'unclassified'].map((c) => [c, trials.filter((t) => categorySlugsOf(t).includes(c)).length]));
    expect(trials).toHaveLength(1340);
    expect(counts).toEqual({
      musculoskeletal: 272,
      neurological: 235,
      cardiovascular: 111,
      respiratory: 189,
      'gvhd-transplant': 92,
      'autoimmune-inflammatory': 184,
      digestive: 69,
      liver: 74,
      'kidney-urinary': 68,
      'diabetes-endocrine': 87,
      'skin-wounds': 108,
      eye: 22,
      reproductive: 47,
      blood: 36,
      cancer: 34,
      'oral-dental': 35,
      'infection-critical': 25,
      'ageing-frailty': 9,
      unclassified: 2,
    });
    const byNumber = new Map<number, number>();
    for (const t of trials) byNumber.set(categoryEvidenceOf(t).length, (byNumber.get(categoryEvidenceOf(t).length) ?? 0) + 1);
    expect(Object.fromEntries(byNumber)).toEqual({ 0: 2, 1: 1016, 2: 294, 3: 25, 4: 2, 10: 1 });
    // every trial is in a category or unclassified; the bars' sum is the memberships
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1016 + 2 * 294 + 3 * 25 + 4 * 2 + 10 + 2);
  });

  it('the unclassified are the two records that name no condition anywhere', () =>
    expect(trials.filter((t) => categorySlugsOf(t).includes('unclassified')).map((t) => [t.id, t.conditions])).toEqual([
      ['NCT01087996', ['Stem Cell Transplantation']],
      ['NCT04313647', ['Healthy']],
    ]));

  it('21 trials are placed by their title, none by keywords or MeSH (the corpus carries none)', () => {
    const first = trials.map((t) => categoryEvidenceOf(t)[0]?.field ?? 'none');
    expect(first.filter((f) => f === 'title')).toHaveLength(21);
    expect(first.filter((f) => f === 'keywords' || f.startsWith('conditionMesh'))).toHaveLength(0);
  });

  it('every group with a ready-made page has at least two trials', () => {
    const sizes = new Map<string, number>();
    for (const t of trials) for (const g of conditionGroupsOf(t)) sizes.set(g.slug, (sizes.get(g.slug) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBe(2);
    expect(sizes.size).toBe(54);
    expect(sizes.get('knee-osteoarthritis')).toBe(84);
  });
});
