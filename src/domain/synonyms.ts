/**
 * The search vocabulary: the words a reviewer types for each MSC facet value. Every trial page
 * indexes the words of its own facets (and of its registry ids), so "UC-MSC", "Wharton's jelly"
 * and "umbilical cord" all find umbilical-cord trials, "conditioned medium" finds secretome
 * trials, "EV" finds vesicle trials. One module; search pages and tests read it.
 */
import { asRegistryId } from './registries.ts';
import type { CELL_SOURCE, DONOR, PRODUCT, ROUTE } from './vocabulary.ts';

/**
 * The word that separates a trial's own text from the words it is found by (ids, sponsor,
 * synonyms…) in the search index: snippets are cut only from the words before it.
 */
export const HINTS_MARK = '¶¶';

/** The MSC facets as every layer sees them (the schema's `therapy` has this shape). */
export interface Therapy {
  products: (keyof typeof PRODUCT)[];
  cellSources: (keyof typeof CELL_SOURCE)[];
  donor: (keyof typeof DONOR)[];
  routes: (keyof typeof ROUTE)[];
}

export const SYNONYMS: {
  [F in keyof Therapy]: Partial<Record<Therapy[F][number], readonly string[]>>;
} = {
  products: {
    CELLS: ['MSC', 'MSCs', 'mesenchymal stem cells', 'mesenchymal stromal cells', 'stem cell therapy', 'cell therapy'],
    SECRETOME: ['secretome', 'conditioned medium', 'conditioned media', 'MSC-CM', 'CM', 'cell-free', 'paracrine factors'],
    EXTRACELLULAR_VESICLES: ['exosome', 'exosomes', 'EV', 'EVs', 'extracellular vesicle', 'extracellular vesicles', 'microvesicles', 'sEV', 'cell-free'],
    COMBINATION: ['combination', 'combined', 'PRP', 'platelet-rich plasma', 'scaffold'],
  },
  cellSources: {
    UMBILICAL_CORD: ['umbilical cord', 'umbilical', 'UC-MSC', 'UC-MSCs', 'UCMSC', 'hUC-MSC', "Wharton's jelly", 'Wharton jelly', 'Whartons jelly', 'WJ-MSC', 'cord tissue', 'cord blood'],
    ADIPOSE: ['adipose', 'adipose-derived', 'AD-MSC', 'AD-MSCs', 'ADMSC', 'ADSC', 'ADSCs', 'fat-derived', 'fat', 'lipoaspirate', 'stromal vascular fraction', 'SVF'],
    BONE_MARROW: ['bone marrow', 'BM-MSC', 'BM-MSCs', 'BMSC', 'BMAC', 'marrow'],
    PLACENTA: ['placenta', 'placental', 'decidua', 'P-MSC'],
    AMNION: ['amnion', 'amniotic', 'amniotic membrane', 'amniotic fluid'],
    DENTAL_PULP: ['dental pulp', 'DPSC', 'DPSCs', 'SHED', 'tooth'],
    MENSTRUAL_BLOOD: ['menstrual blood', 'MenSC', 'endometrial regenerative cells'],
    OTHER: ['synovial', 'iPSC-derived', 'induced pluripotent'],
  },
  donor: {
    ALLOGENEIC: ['allogeneic', 'allogenic', 'allo', 'donor'],
    AUTOLOGOUS: ['autologous', 'auto', "patient's own"],
  },
  routes: {
    INTRA_ARTICULAR: ['intra-articular', 'intraarticular', 'joint injection', 'IA'],
    INTRAVENOUS: ['intravenous', 'IV', 'infusion', 'systemic'],
    INTRATHECAL: ['intrathecal'],
    INTRAMUSCULAR: ['intramuscular', 'IM'],
    TOPICAL: ['topical', 'eye drops', 'dressing'],
    INTRANASAL: ['intranasal', 'nasal'],
    LOCAL_INJECTION: ['local injection', 'intradiscal', 'intralesional', 'subcutaneous'],
    OTHER: [],
  },
};

/**
 * Words a trial is found by when its record names a condition, product or cell source another way:
 * the abbreviation for the full name and back ("GVHD", "graft-versus-host disease"), the older
 * or newer name ("Prochymal", "remestemcel-L"), the wider term ("stroke" for a cerebral
 * infarction). Each pattern is read over the title, official title, conditions, keywords, MeSH
 * terms and intervention names of the record; every term of a matching entry is indexed.
 */
export const TEXT_SYNONYMS: readonly { pattern: RegExp; terms: readonly string[] }[] = [
  { pattern: /graft[- ]?(?:versus|vs\.?|-)[- ]?host|\b[ac]?GVHD\b/iu, terms: ['graft-versus-host disease', 'graft versus host disease', 'GVHD'] },
  { pattern: /\bARDS\b|acute respiratory distress|respiratory distress syndrome/iu, terms: ['acute respiratory distress syndrome', 'ARDS'] },
  { pattern: /covid|sars-cov-2|2019-ncov|novel coronavirus/iu, terms: ['COVID-19', 'COVID', 'SARS-CoV-2', 'coronavirus'] },
  { pattern: /amyotrophic|\bALS\b|motor neuron(?:e)? disease/iu, terms: ['amyotrophic lateral sclerosis', 'ALS', 'motor neuron disease'] },
  { pattern: /multiple sclerosis/iu, terms: ['multiple sclerosis', 'MS'] },
  { pattern: /spinal cord injur/iu, terms: ['spinal cord injury', 'SCI'] },
  { pattern: /cirrhosis/iu, terms: ['liver cirrhosis', 'cirrhosis'] },
  { pattern: /\bcrohn/iu, terms: ["Crohn's disease", 'Crohn disease'] },
  { pattern: /ulcerative colitis/iu, terms: ['ulcerative colitis', 'inflammatory bowel disease', 'IBD'] },
  { pattern: /stroke|cerebral infarct|brain infarct|cerebrovascular accident/iu, terms: ['stroke', 'ischemic stroke', 'cerebral infarction'] },
  { pattern: /heart failure|cardiac failure|HFrEF/iu, terms: ['heart failure'] },
  { pattern: /myocardial infarct|\bAMI\b|\bSTEMI\b/iu, terms: ['myocardial infarction', 'heart attack'] },
  { pattern: /type[- ]?(?:1|i)\b[- ]?diabet|\bT1DM?\b|insulin[- ]dependent diabetes|juvenile diabetes/iu, terms: ['type 1 diabetes', 'T1D'] },
  { pattern: /type[- ]?(?:2|ii)\b[- ]?diabet|\bT2DM?\b/iu, terms: ['type 2 diabetes', 'T2D'] },
  { pattern: /lupus|\bSLE\b/iu, terms: ['lupus', 'systemic lupus erythematosus', 'SLE'] },
  { pattern: /limb isch|critical limb|peripheral arter|thromboangiitis|buerger/iu, terms: ['critical limb ischemia', 'critical limb ischaemia', 'peripheral arterial disease'] },
  { pattern: /bronchopulmonary dysplasia/iu, terms: ['bronchopulmonary dysplasia', 'BPD'] },
  { pattern: /ovarian (?:insufficiency|failure)|\bPOI\b|\bPOF\b/iu, terms: ['premature ovarian insufficiency', 'premature ovarian failure', 'primary ovarian insufficiency', 'ovarian failure'] },
  { pattern: /parkinson'?s? disease|\bparkinson'?s\b/iu, terms: ["Parkinson's disease", 'Parkinson disease'] },
  { pattern: /alzheimer/iu, terms: ["Alzheimer's disease", 'Alzheimer disease', 'dementia'] },
  { pattern: /osteoarthritis|osteoartritis|gonarthrosis|arthrosis/iu, terms: ['osteoarthritis'] },
  { pattern: /remestemcel|prochymal|ryoncil/iu, terms: ['remestemcel-L', 'remestemcel', 'Prochymal', 'Ryoncil'] },
  { pattern: /darvadstrocel|cx601|alofisel/iu, terms: ['darvadstrocel', 'Cx601', 'Alofisel'] },
  { pattern: /endometrial regenerative cell/iu, terms: ['menstrual blood', 'endometrial regenerative cells'] },
  { pattern: /wharton/iu, terms: ["Wharton's jelly", 'umbilical cord'] },
];

/** The terms of every TEXT_SYNONYMS entry that one of these texts matches. */
export function textSynonymTerms(texts: readonly string[]): string[] {
  const joined = texts.join(' | ');
  return [...new Set(TEXT_SYNONYMS.filter((e) => e.pattern.test(joined)).flatMap((e) => e.terms))];
}

/** The synonym words a trial's facets bring into the index. */
export function synonymTerms(therapy: Therapy): string[] {
  const out = new Set<string>();
  for (const facet of Object.keys(SYNONYMS) as (keyof Therapy)[]) {
    for (const value of therapy[facet]) for (const word of (SYNONYMS[facet] as Record<string, readonly string[]>)[value] ?? []) out.add(word);
  }
  return [...out];
}

/**
 * The spellings of a trial's ids a user might type: as written, lower case, with the registry
 * prefix apart from the number ("NCT 06688318"), and the number alone.
 */
export function idTerms(trial: { id: string; registryIds: readonly string[]; secondaryIds: readonly string[] }): string[] {
  const out = new Set<string>();
  for (const id of [trial.id, ...trial.registryIds]) {
    out.add(id);
    out.add(id.toLowerCase());
    const m = /^([A-Za-z]+)[-/]?(\d[\w-]*)$/u.exec(id);
    if (m) {
      out.add(`${m[1]} ${m[2]}`);
      out.add(m[2]!);
    }
  }
  for (const id of trial.secondaryIds) out.add(id);
  return [...out];
}

/**
 * A query that is a registry id in its canonical form, else null: any case, spaces anywhere
 * ("nct 0668 8318"), a hyphen or underscore after the prefix ("NCT-06688318"), and spaces for the
 * hyphens or slashes of EudraCT and CTRI numbers ("2019 001234 56", "CTRI 2020 05 025114").
 */
export function queryAsId(query: string): string | null {
  const trimmed = query.trim().replace(/^["'“”]+|["'“”.;,]+$/gu, '');
  if (!trimmed || trimmed.length > 40) return null;
  const compact = trimmed.replace(/\s+/gu, '');
  const candidates = [
    compact,
    compact.replace(/^([A-Za-z]+)[-_:]+(?=\d)/u, '$1'),
    trimmed.replace(/\s+/gu, '-'),
    /^ctri/iu.test(compact) ? trimmed.replace(/^ctri\s*/iu, 'CTRI/').replace(/\s+/gu, '/') : '',
  ];
  for (const c of candidates) {
    const hit = c ? asRegistryId(c) : null;
    if (hit) return hit.id;
  }
  return null;
}
