/**
 * The MSC therapy facets of a trial — product, cell source, donor, route — derived from what
 * the record says about its experimental treatment, with a keyword vocabulary documented in
 * docs/classification.md.
 *
 * Where the words are read matters more than which words: background paragraphs mention
 * exosomes, bone marrow or autologous plasma that the trial does not use. So each facet is
 * read first from the treatment itself (titles, experimental arms, active interventions,
 * keywords); only when those say nothing about a facet are the summary and description read.
 * Comparator arms (placebo, sham, no intervention) and placebo interventions are never read.
 * Every value comes with its evidence: the field and the words that matched.
 */
import type { FacetEvidence, Therapy } from '../schemas/trial.ts';
import type { Draft } from './normalize.ts';
import { CELL_SOURCE, DONOR, PRODUCT, ROUTE } from './vocabulary.ts';

type Facet = keyof Therapy;
interface Rule<V extends string> {
  value: V;
  pattern: RegExp;
}

/** An MSC cell product. Mentions followed by a derivative word ("…cells conditioned media") are not cells. */
const CELL_TERMS: readonly RegExp[] = [
  /\b(?:mesenchymal|stromal)\s+(?:stem\s+|stromal\s+|progenitor\s+|precursor\s+|signaling\s+)?cells?\b/giu,
  /\b(?:h?UC|WJ|BM|h?AD|P|DP|Men|iPS|h)?-?MSCs?\b/gu,
  /\b(?:ADSCs?|DPSCs?|BMSCs?|MenSCs?|UCMSCs?|ADMSCs?|SHED)\b/gu,
  /\b(?:adipose|fat)(?:[- ]tissue)?[- ]derived\s+(?:mesenchymal\s+)?(?:stem|stromal|regenerative|progenitor)\s+cells?\b/giu,
  /\b(?:umbilical[- ]cord|wharton'?s[- ]jelly|placenta[l]?|amniotic|bone[- ]marrow|dental[- ]pulp|menstrual[- ]blood|endometrial)(?:[- ]derived)?\s+(?:mesenchymal\s+)?(?:stem|stromal|progenitor|regenerative)\s+cells?\b/giu,
  /\bstromal vascular fraction\b|\bbone[- ]marrow (?:aspirate )?concentrate\b|\bmultipotent (?:adult )?progenitor cells?\b/giu,
  /\b(?:SVF|BMAC|MAPCs?)\b/gu,
];
const DERIVATIVE_AFTER =
  /^\s*(?:\([^)]{1,20}\))?\s*(?:-|\s)?(?:derived\s+|based\s+)?(?:hypoxic\s+)?(?:conditioned|secretome|exosom|extracellular\s+vesicle|vesicle|EVs?\b|lysate|extract|supernatant|CM\b|secreted|derivatives?)/iu;
const DERIVATIVE_BEFORE =
  /(?:secretome|conditioned\s+medi(?:a|um)|exosomes?|extracellular\s+vesicles?|EVs?|vesicles?|supernatant)\b(?:\s+[\w-]+){0,4}?\s+(?:derived\s+)?(?:from|of|by)\s+(?:[\w-]+\s+){0,4}$/iu;

const SECRETOME_TERMS: readonly RegExp[] = [
  /\bsecretomes?\b/giu,
  /\bconditioned\s+(?:culture\s+)?medi(?:a|um)s?\b/giu,
  /\bMSC-?CM\b/gu,
];
const VESICLE_TERMS: readonly RegExp[] = [
  /\bexosom(?:e|es|al)\b/giu,
  /\bextracellular\s+vesicles?\b/giu,
  /\bmicro-?vesicles?\b/giu,
  /\b(?:s|small\s+)?EVs?\b/gu,
];
const CO_AGENT =
  /\b(?:PRP|PRGF|platelet[- ]rich\s+(?:plasma|fibrin)|plasma[- ]rich\s+in\s+growth\s+factors|platelet\s+lysate|hyaluronic\s+acid|hyaluronan|scaffold|hydrogel|collagen|fibrin\s+glue|bone\s+graft|tricalcium\s+phosphate|β-TCP|hydroxyapatite|chondrocytes?)\b/iu;
const JOIN = /\+|\bcombined\b|\bcombination\b|\bplus\b|\balong\s+with\b|\btogether\s+with\b|\bmixed\b|\bloaded\b|\bseeded\b|\bembedded\b|\bco-?(?:administered|injected)\b|\bwith\b/iu;
/** "UC-MSCs compared with hyaluronic acid" is a comparison, not a combination. */
const COMPARISON = /\bcompared\s+(?:with|to)\b|\bversus\b|\bvs\.?(?=\s)/iu;

const SOURCE_RULES: readonly Rule<keyof typeof CELL_SOURCE>[] = [
  { value: 'UMBILICAL_CORD', pattern: /\bumbilical(?:[- ]cord)?\b|\bwharton'?s[- ]jelly\b|\b(?:h?UC|WJ)[- ]?MSCs?\b|\bUCMSCs?\b|\bcord[- ](?:blood|tissue)\b/giu },
  { value: 'ADIPOSE', pattern: /\badipose\b|\bh?AD[- ]?MSCs?\b|\bADSCs?\b|\bfat[- ](?:derived|tissue)\b|\blipoaspirate\b|\bstromal vascular fraction\b|\bSVF\b/giu },
  { value: 'BONE_MARROW', pattern: /\bbone[- ]marrow\b|\bBM[- ]?MSCs?\b|\bBMSCs?\b|\bBMAC\b/giu },
  { value: 'PLACENTA', pattern: /\bplacenta[l]?\b|\bdecidua[l]?\b|\bchorionic\s+(?:villi|plate|membrane)\b|\bP-MSCs?\b/giu },
  { value: 'AMNION', pattern: /\bamni(?:on|otic)\b/giu },
  { value: 'DENTAL_PULP', pattern: /\bdental[- ]pulp\b|\bDPSCs?\b|\bSHED\b|\bexfoliated\s+deciduous\s+teeth\b/gu },
  { value: 'MENSTRUAL_BLOOD', pattern: /\bmenstrual[- ]blood\b|\bMenSCs?\b|\bendometrial\s+regenerative\s+cells?\b/giu },
  {
    value: 'OTHER',
    pattern: /\bsynovi(?:al|um)[- ](?:derived\s+)?(?:mesenchymal\s+)?(?:stem|stromal)\b|\binduced\s+pluripotent\b|\biPSC?-derived\b|\bmuscle-derived\s+(?:stem|stromal)\b|\bperiodontal\s+ligament\s+(?:stem|stromal)\b|\bolfactory\s+(?:mucosa\s+)?(?:stem|stromal)\b/giu,
  },
];
/** A source word counts only near an MSC word, so "bone marrow failure" is not a cell source. */
const MSC_CONTEXT = /\b(?:mesenchymal|MSCs?|stem|stromal|progenitor|secretome|conditioned|exosom\w*|vesicles?|cells?|SVF|BMAC|[A-Za-z]*MSCs?|ADSCs?|DPSCs?|MenSCs?)\b/iu;

const DONOR_RULES: readonly Rule<keyof typeof DONOR>[] = [
  { value: 'ALLOGENEIC', pattern: /\ballo(?:genei?c|genic|geneic)\b|\ballo-(?=\w)|\bdonor[- ]derived\b|\bthird[- ]party\b/giu },
  { value: 'AUTOLOGOUS', pattern: /\bautologous\b|\bauto-(?=MSC)|\b(?:patient|participant|subject)['’]?s?\s+own\b/giu },
];
/**
 * The donor word must qualify an MSC product within a few words ("Autologous PRGF" does not;
 * "Allogeneic hematopoietic stem cell transplantation" does not): the words up to the product may
 * not include a co-agent or another cell type.
 */
const DONOR_TARGET =
  /^(?:\s+(?!(?:PRP|PRGF|plasma|platelet\w*|hyaluronic|serum|blood|chondrocytes?|h(?:a)?ematopoietic|HSCs?|T[- ]cells?|NK|lymphocytes?|plus|and|with|or)\b)[\w'’()-]+){0,5}?\s*\b(?:mesenchymal|MSCs?|[A-Za-z]*-MSCs?|[A-Z]+MSCs?|stromal|secretome|conditioned\s+medi\w*|exosom\w*|(?:extracellular\s+)?vesicles?|adipose|fat|umbilical|cord|wharton'?s|bone\s+marrow|marrow|placenta\w*|amni\w*|dental|menstrual|SVF|BMAC|lipoaspirate|ADSCs?|progenitor)\b/iu;

const ROUTE_RULES: readonly Rule<keyof typeof ROUTE>[] = [
  { value: 'INTRA_ARTICULAR', pattern: /\bintra[- ]?articular(?:ly)?\b|\binto\s+the\s+(?:affected\s+)?(?:knee|hip|shoulder|ankle|elbow|wrist|temporomandibular)(?:\s+joint)?\b|\bIA\s+injections?\b/giu },
  { value: 'INTRAVENOUS', pattern: /\bintra[- ]?venous(?:ly)?\b|\bI\.V\.|\bIV\s+(?:infusion|injection|administration|route|drip)s?\b|\bperipheral\s+vein\b/giu },
  { value: 'INTRATHECAL', pattern: /\bintra[- ]?thecal(?:ly)?\b|\blumbar\s+puncture\b/giu },
  { value: 'INTRAMUSCULAR', pattern: /\bintra[- ]?muscular(?:ly)?\b|\bIM\s+injections?\b/giu },
  { value: 'TOPICAL', pattern: /\btopical(?:ly)?\b|\beye\s+drops?\b|\bapplied\s+(?:to|on(?:to)?)\s+the\s+(?:wound|ulcer|skin|lesion|burn)\b|\bwound\s+dressing\b/giu },
  { value: 'INTRANASAL', pattern: /\bintra[- ]?nasal(?:ly)?\b|\bnasal\s+(?:spray|drops?|administration)\b/giu },
  {
    value: 'LOCAL_INJECTION',
    pattern:
      /\bintra[- ]?(?:discal|lesional|dermal|myocardial|cavernous|osseous|tendinous|vitreal|uterine|ovarian|gingival)\b|\bsub[- ]?(?:cutaneous(?:ly)?|conjunctival|mucosal)\b|\blocal(?:ly)?\s+inject(?:ed|ion)s?\b|\binjected\s+locally\b|\binjected\s+(?:(?:locally\s+)?into|at)\s+the\s+(?:lesion|defect|site|wound|fistula|disc|tendon)\b/giu,
  },
  {
    value: 'OTHER',
    pattern:
      /\bintra[- ]?(?:arterial(?:ly)?|coronary|tracheal|peritoneal|ventricular|cerebral|portal|bronchial)\b|\bnebuli[sz](?:ed|ation)\b|\binhal(?:ed|ation)\b|\bhepatic\s+artery\b/giu,
  },
];

interface Passage {
  field: string;
  text: string;
}

/** Arms that are not the treatment under test: comparators of any kind. */
const COMPARATOR_ARM = new Set(['ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION']);
const PLACEBO = /\b(?:placebo|sham|saline|normal\s+saline|NaCl|vehicle|no\s+intervention|standard\s+(?:of\s+)?care|usual\s+care)\b/iu;

/** The passages about the treatment itself, and the background passages. */
export function passagesOf(trial: Draft): { treatment: Passage[]; background: Passage[] } {
  const treatment: Passage[] = [];
  const add = (field: string, text: string | null | undefined) => {
    if (text) treatment.push({ field, text });
  };
  add('title', trial.title);
  add('officialTitle', trial.officialTitle);
  add('acronym', trial.acronym);
  // interventions that only comparator arms use are comparators too
  const comparatorOnly = new Set<string>();
  for (const iv of trial.interventions) {
    const arms = trial.arms.filter((a) => a.interventions.some((x) => x.toLowerCase().endsWith(iv.name.toLowerCase())));
    if (arms.length > 0 && arms.every((a) => a.type !== null && COMPARATOR_ARM.has(a.type))) comparatorOnly.add(iv.name);
  }
  trial.interventions.forEach((iv, i) => {
    // "Saline" is not the treatment; "UC-MSCs plus standard of care" is
    if (comparatorOnly.has(iv.name) || (PLACEBO.test(iv.name) && !MSC_CONTEXT.test(iv.name))) return;
    add(`interventions[${i}].name`, iv.name);
    add(`interventions[${i}].description`, iv.description);
    iv.otherNames.forEach((name, j) => add(`interventions[${i}].otherNames[${j}]`, name));
  });
  trial.arms.forEach((arm, i) => {
    if (arm.type !== null && COMPARATOR_ARM.has(arm.type)) return;
    if (arm.type === null && PLACEBO.test(arm.label) && !MSC_CONTEXT.test(arm.label)) return;
    add(`arms[${i}].label`, arm.label);
    add(`arms[${i}].description`, arm.description);
    arm.interventions.forEach((x, j) => {
      if (!PLACEBO.test(x) || MSC_CONTEXT.test(x)) add(`arms[${i}].interventions[${j}]`, x);
    });
  });
  trial.keywords.forEach((k, i) => add(`keywords[${i}]`, k));
  const background: Passage[] = [];
  if (trial.summary) background.push({ field: 'summary', text: trial.summary });
  if (trial.description) background.push({ field: 'description', text: trial.description });
  return { treatment, background };
}

function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0] === '') re.lastIndex += 1;
  }
}

/** Where the cell mention at `index` is really the source of a derived product. */
function isDerivativeSource(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length, index + length + 60);
  const before = text.slice(Math.max(0, index - 90), index);
  return DERIVATIVE_AFTER.test(after) || DERIVATIVE_BEFORE.test(before);
}

type Found = Map<string, FacetEvidence>;

function productsIn(passages: readonly Passage[]): Found {
  const found: Found = new Map();
  const note = (value: keyof typeof PRODUCT, field: string, match: string) => {
    if (!found.has(value)) found.set(value, { facet: 'products', value, field, match });
  };
  for (const { field, text } of passages) {
    let hasProduct = false;
    for (const term of CELL_TERMS) {
      for (const m of matches(term, text)) {
        if (isDerivativeSource(text, m.index, m[0].length)) continue;
        note('CELLS', field, m[0]);
        hasProduct = true;
      }
    }
    for (const term of SECRETOME_TERMS) {
      for (const m of matches(term, text)) {
        note('SECRETOME', field, m[0]);
        hasProduct = true;
      }
    }
    for (const term of VESICLE_TERMS) {
      for (const m of matches(term, text)) {
        note('EXTRACELLULAR_VESICLES', field, m[0]);
        hasProduct = true;
      }
    }
    if (hasProduct && !field.startsWith('summary') && !field.startsWith('description')) {
      const co = CO_AGENT.exec(text);
      if (co && JOIN.test(text) && !COMPARISON.test(text)) note('COMBINATION', field, co[0]);
    }
  }
  return found;
}

function rulesIn<V extends string>(
  facet: Facet,
  rules: readonly Rule<V>[],
  passages: readonly Passage[],
  accept: (text: string, m: RegExpExecArray) => boolean,
): Found {
  const found: Found = new Map();
  for (const { field, text } of passages) {
    for (const rule of rules) {
      if (found.has(rule.value)) continue;
      for (const m of matches(rule.pattern, text)) {
        if (!accept(text, m)) continue;
        found.set(rule.value, { facet, value: rule.value, field, match: m[0] });
        break;
      }
    }
  }
  return found;
}

/**
 * A source word counts when it names where the MSC product comes from: the match names the cells
 * itself ("UC-MSCs"), or it is followed by the product ("umbilical cord-derived mesenchymal stem
 * cells", "adipose tissue SVF"), or the product precedes it ("MSCs from umbilical cord"). So
 * "bone marrow transplantation" and "day 3 of the menstrual cycle" are not sources.
 */
const SOURCE_THEN_PRODUCT =
  /^(?:[\s-]*(?:derived|tissue|jelly|blood|membrane|fluid|pulp|aspirate|origin|sourced|isolated|lining|sub-?amnion|villi|\(?[A-Z][\w-]*\)?)\b)*[\s-]*(?:mesenchymal|MSCs?|stem|stromal|progenitor|precursor|regenerative|cells?|secretome|conditioned|exosom\w*|(?:extracellular\s+)?vesicles?|EVs?|SVF|concentrate|stromal\s+vascular)\b/iu;
const PRODUCT_THEN_SOURCE =
  /\b(?:MSCs?|mesenchymal(?:\s+(?:stem|stromal))?\s+cells?|stromal\s+cells?|stem\s+cells?|cells?|secretome|exosomes?|vesicles?|EVs?|conditioned\s+medi\w*)\s+(?:[\w-]+\s+){0,2}?(?:from|of|derived\s+from|isolated\s+from|obtained\s+from|harvested\s+from)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}$/iu;
const nearMsc = (text: string, m: RegExpExecArray) => {
  if (/MSC|SVF|BMAC|ADSC|DPSC|MenSC|SHED/u.test(m[0])) return true; // "UC-MSCs" names the cells itself
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
  const before = text.slice(Math.max(0, m.index - 80), m.index);
  return SOURCE_THEN_PRODUCT.test(after) || PRODUCT_THEN_SOURCE.test(before);
};
const qualifiesMsc = (text: string, m: RegExpExecArray) => DONOR_TARGET.test(text.slice(m.index + m[0].length, m.index + m[0].length + 80));

export interface Classification {
  therapy: Therapy;
  evidence: FacetEvidence[];
}

const ORDER = {
  products: Object.keys(PRODUCT),
  cellSources: Object.keys(CELL_SOURCE),
  donor: Object.keys(DONOR),
  routes: Object.keys(ROUTE),
};

export function classify(trial: Draft): Classification {
  const { treatment, background } = passagesOf(trial);
  const pick = (find: (passages: readonly Passage[]) => Found): Found => {
    const first = find(treatment);
    return first.size > 0 ? first : find(background);
  };
  const products = pick(productsIn);
  // a trial with no MSC product at all has no other MSC facets either
  const isMsc = products.size > 0;
  const cellSources = isMsc ? pick((p) => rulesIn('cellSources', SOURCE_RULES, p, nearMsc)) : new Map();
  const donor = isMsc ? pick((p) => rulesIn('donor', DONOR_RULES, p, qualifiesMsc)) : new Map();
  // the brief summary describes this trial's administration often enough to count with the treatment for routes
  const summary = background.filter((p) => p.field === 'summary');
  const routeFirst = isMsc ? rulesIn('routes', ROUTE_RULES, [...treatment, ...summary], () => true) : new Map();
  const routes = isMsc && routeFirst.size === 0 ? rulesIn('routes', ROUTE_RULES, background, () => true) : routeFirst;

  const sorted = <K extends keyof typeof ORDER>(facet: K, found: Found) =>
    [...found.keys()].sort((a, b) => ORDER[facet].indexOf(a) - ORDER[facet].indexOf(b)) as Therapy[K];
  return {
    therapy: {
      products: sorted('products', products),
      cellSources: sorted('cellSources', cellSources),
      donor: sorted('donor', donor),
      routes: sorted('routes', routes),
    },
    evidence: [...products.values(), ...cellSources.values(), ...donor.values(), ...routes.values()],
  };
}
