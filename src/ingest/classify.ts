/**
 * The MSC therapy facets of a trial — product, cell source, donor, route — derived from what
 * the record says about its experimental treatment, with the vocabulary of terms.ts and of the
 * product names in src/domain/products.ts, documented in docs/classification.md.
 *
 * Where the words are read matters more than which words: background paragraphs mention
 * exosomes, bone marrow or autologous plasma that the trial does not use. Evidence is ranked
 * (terms.ts `passagesOf`): the interventions and arms, then the titles and keywords, then the
 * brief summary, then the detailed description; within the summary and description, sentences
 * about this trial ("The secretome will be collected from…") before neutral ones before
 * background ("MSCs have been shown to…"). Each facet takes the first rank that states it.
 * Comparator arms and placebo interventions are never read. Every value keeps its evidence:
 * the field, the words that matched and the sentence they stand in.
 */
import type { FacetEvidence, Therapy } from '../schemas/trial.ts';
import type { Draft } from './normalize.ts';
import { CELL_SOURCE, DONOR, PRODUCT, ROUTE } from '../domain/vocabulary.ts';
import {
  CELL_TERMS,
  MINIMAL_TERMS,
  SECRETOME_TERMS,
  VESICLE_TERMS,
  describesMinimal,
  minimalGiven,
  isDerivativeSource,
  matches,
  passagesOf,
  productNames,
  quoteAt,
  rankedGroups,
  type Passage,
} from './terms.ts';

type Facet = keyof Therapy;
interface Rule<V extends string> {
  value: V;
  pattern: RegExp;
}

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

type Found = Map<string, FacetEvidence>;

/** Spans of minimally manipulated preparations in a text: a cell word inside or just before one is that preparation ("fat-derived stem cells (SVF)"). */
function minimalSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const term of MINIMAL_TERMS) for (const m of matches(term, text)) if (minimalGiven(text, m.index, m.index + m[0].length)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function productsIn(passages: readonly Passage[]): Found {
  const found: Found = new Map();
  const note = (value: keyof typeof PRODUCT, p: Passage, index: number, match: string) => {
    if (!found.has(value)) found.set(value, { facet: 'products', value, field: p.field, match, quote: quoteAt(p.text, index, match.length) });
  };
  for (const passage of passages) {
    const { field, text } = passage;
    let hasProduct = false;
    for (const hit of productNames(text)) {
      if (hit.kind !== 'msc' || !('product' in hit.entry)) continue;
      note(hit.entry.product, passage, hit.index, hit.match);
      hasProduct = true;
    }
    const minimal = minimalSpans(text);
    for (const [start, end] of minimal) {
      note('MINIMALLY_MANIPULATED', passage, start, text.slice(start, end));
      hasProduct = true;
    }
    for (const term of CELL_TERMS) {
      for (const m of matches(term, text)) {
        if (isDerivativeSource(text, m.index, m[0].length) || describesMinimal(text, minimal, m.index, m.index + m[0].length)) continue;
        note('CELLS', passage, m.index, m[0]);
        hasProduct = true;
      }
    }
    for (const [terms, value] of [[SECRETOME_TERMS, 'SECRETOME'], [VESICLE_TERMS, 'EXTRACELLULAR_VESICLES']] as const) {
      for (const term of terms) {
        for (const m of matches(term, text)) {
          note(value, passage, m.index, m[0]);
          hasProduct = true;
        }
      }
    }
    if (hasProduct && passage.tier <= 2) {
      const co = CO_AGENT.exec(text);
      if (co && JOIN.test(text) && !COMPARISON.test(text)) note('COMBINATION', passage, co.index, co[0]);
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
        found.set(rule.value, { facet, value: rule.value, field, match: m[0], quote: quoteAt(text, m.index, m[0].length) });
        break;
      }
    }
  }
  return found;
}

/** Cell source and donor that a named product of the vocabulary carries ("Prochymal": bone marrow, allogeneic). */
function namedFacet(facet: 'cellSources' | 'donor', passages: readonly Passage[]): Found {
  const found: Found = new Map();
  for (const p of passages) {
    for (const hit of productNames(p.text)) {
      if (hit.kind !== 'msc' || !('product' in hit.entry)) continue;
      const value = facet === 'cellSources' ? hit.entry.cellSource : hit.entry.donor;
      if (value && !found.has(value)) {
        found.set(value, { facet, value, field: p.field, match: hit.match, quote: quoteAt(p.text, hit.index, hit.match.length) });
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
  const groups = rankedGroups(passagesOf(trial));
  /** The first rank of passages that states the facet at all. */
  const pick = (find: (passages: readonly Passage[]) => Found): Found => {
    for (const group of groups) {
      const found = find(group);
      if (found.size > 0) return found;
    }
    return new Map();
  };
  const merge = (...founds: Found[]): Found => {
    const out: Found = new Map();
    for (const f of founds) for (const [k, v] of f) if (!out.has(k)) out.set(k, v);
    return out;
  };
  const products = pick(productsIn);
  // a trial with no MSC product at all has no other MSC facets either
  const isMsc = products.size > 0;
  const cellSources = isMsc ? pick((p) => merge(namedFacet('cellSources', p), rulesIn('cellSources', SOURCE_RULES, p, nearMsc))) : new Map();
  const donor = isMsc ? pick((p) => merge(namedFacet('donor', p), rulesIn('donor', DONOR_RULES, p, qualifiesMsc))) : new Map();
  // the brief summary describes this trial's administration often enough to count with the treatment for routes
  const all = groups.flat();
  const early = all.filter((p) => p.tier <= 3);
  const routeFirst = isMsc ? rulesIn('routes', ROUTE_RULES, early, () => true) : new Map();
  const routes = isMsc && routeFirst.size === 0 ? pick((p) => rulesIn('routes', ROUTE_RULES, p, () => true)) : routeFirst;

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
