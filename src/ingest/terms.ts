/**
 * The words of MSC products, and where in a record they are read: the vocabulary that both the
 * scope screening (scope.ts) and the MSC facets (classify.ts) use, so the two never disagree on
 * what counts as an MSC product. docs/classification.md lists every term.
 */
import { BORDERLINE_PRODUCTS, MSC_PRODUCTS, NOT_MSC_PRODUCTS, type ProductName } from '../domain/products.ts';
import type { Draft } from './normalize.ts';

// ------------------------------------------------------------------ product words

/** An MSC cell product. Mentions followed by a derivative word ("…cells conditioned media") are not cells. */
export const CELL_TERMS: readonly RegExp[] = [
  /\b(?:mesenchymal|mesenchyme|stromal)\s+(?:human\s+|adult\s+)?(?:stem\s+|stromal\s+|progenitor\s+|precursor\s+|signaling\s+|bone[- ]marrow\s+)?(?:stem\s+)?cells?\b/giu,
  /\b(?:(?:h?UC|WJ|BM|h?AD|h?Ad|P|DP|Men|iPS|hESC|h|T|pc|hUCB|UCB|CB|M|MM|hCT)-?)?MSCs?\b/gu,
  /\b(?:ADSCs?|DPSCs?|BMSCs?|MenSCs?|ADASCs?|SHED)\b/gu,
  // tissue abbreviations glued to MSC: HUCMSC, hUMSCs, hAMSCs, UMSCs, ADMSC
  /\b[hH]?[A-Z]{1,4}MSCs?\b/gu,
  // adipose stromal/stem cells; not "ASC-US" (atypical squamous cells)
  /\b(?:[Aa]llo-?)?ASCs?\b(?!-US)/gu,
  /\b(?:adipose|fat)(?:[- ]tissue)?[- ]derived\s+(?:mesenchymal\s+|adult\s+|expanded\s+)?(?:stem|stromal|progenitor)\s+cells?\b/giu,
  // tissues whose "stem cells" are MSCs; bone marrow and cord blood "stem cells" may be haematopoietic, so they need "stromal"
  /\b(?:umbilical[- ]cord(?:[- ]lining)?|wharton'?s[- ]jelly|placenta[l]?|dental[- ]pulp|menstrual[- ]blood|endometrial|decidual?)(?:[- ](?:derived|tissue))?\s+(?:mesenchymal\s+|stromal\s+)?(?:stem|stromal|progenitor|precursor|regenerative)\s+cells?\b/giu,
  /\b(?:bone[- ]marrow|cord[- ]blood|amnio(?:n|tic)(?:[- ](?:membrane|fluid))?|adipose)(?:[- ](?:derived|tissue))?\s+stromal\s+cells?\b/giu,
  /\bmesenchymal[- ]like\b|\bMSC[- ]like\b/giu,
  // cells grown out of fat for a graft: adipose-derived stromal cells by another name
  /\b(?:ex\s+vivo|culture)[- ]expanded\s+(?:adipose[- ]derived\s+)?(?:stem|stromal)\s+cells?\b(?<=(?:fat|adipose|lipo)[^.;]{0,60})/giu,
  /\bstem cells? from (?:human )?exfoliated (?:deciduous )?teeth\b/giu,
];

/** A minimally manipulated preparation that contains MSCs without isolating or culturing them. */
export const MINIMAL_TERMS: readonly RegExp[] = [
  /\bstromal vascular fractions?\b|\bSVF\b/giu,
  /\bbone[- ]marrow (?:aspirate )?concentrat(?:e|ion)s?\b|\bBMAC\b|\bconcentrated bone marrow(?: aspirate)?\b/giu,
  /\bmicro-?fragmented (?:adipose|fat)(?: tissue)?\b|\bnano-?fat\b/giu,
  /\badipose(?:[- ]tissue)?[- ]derived regenerative cells?\b|\bADRCs?\b|\bregenerative cells of adipose tissue\b/giu,
  /\bbone[- ]marrow[- ](?:derived )?mononuclear cells?\b|\bBM-?MNCs?\b|\bautologous bone[- ]marrow cells\b/giu,
  /\b(?:autologous\s+)?bone[- ]marrow(?:\s+aspirate)?\s+(?:graft(?:ing)?|implantation|injection)\b/giu,
];

/** A plain fat graft (lipofilling, fat injection): not an MSC product, unless enriched, micro-fragmented or made into SVF. */
export const FAT_GRAFT_TERMS: readonly RegExp[] = [
  /\b(?:autologous\s+)?(?:adipose(?:\s+tissue)?|fat)\s+(?:injections?|graft(?:s|ing)?|transfer|transplant(?:s|ation)?)\b|\blipo-?(?:filling|injection|transfer|structure)\b|\bstructural\s+fat\s+grafting\b/giu,
];

export const SECRETOME_TERMS: readonly RegExp[] = [
  /\bsecretomes?\b/giu,
  /\bconditioned\s+(?:culture\s+)?medi(?:a|um)s?\b/giu,
  /\bMSC-?CM\b/gu,
  /\b(?:culture-derived\s+)?signal(?:l)?ing molecules\b|\bparacrine factors\b/giu,
];
export const VESICLE_TERMS: readonly RegExp[] = [
  /\bexosom(?:e|es|al)\b/giu,
  /\bextracellular\s+vesicles?\b/giu,
  /\bmicro-?vesicles?\b/giu,
  /\b(?:s|small\s+)?EVs?\b/gu,
];

export const DERIVATIVE_AFTER =
  /^\s*(?:\([^)]{1,20}\))?\s*(?:-|\s)?(?:culture[- ])?(?:derived\s+|based\s+)?(?:hypoxic\s+)?(?:conditioned|secretome|exosom|extracellular\s+vesicle|vesicle|EVs?\b|lysate|extract|supernatant|CM\b|secreted|derivatives?|signal(?:l)?ing\s+molecules|cytokines|growth\s+factors|mitochondria)/iu;
export const DERIVATIVE_BEFORE =
  /(?:secretome|conditioned\s+medi(?:a|um)|exosomes?|extracellular\s+vesicles?|EVs?|vesicles?|supernatant|cytokines|growth\s+factors|secreted\s+factors|mitochondria)\b(?:\s+[\w-]+){0,4}?\s+(?:derived\s+|isolated\s+|collected\s+)?(?:from|of|by)\s+(?:[\w-]+\s+){0,4}$/iu;

/** A minimally manipulated term that the record says was cultured ("hypoxic-cultured bone marrow mononuclear cells") is cultured cells. */
export const CULTURED_BEFORE = /\b(?:cultur\w*|expand\w*|passaged)\b[\w\s-]{0,15}$/iu;
export const culturedAt = (text: string, index: number) => CULTURED_BEFORE.test(text.slice(Math.max(0, index - 40), index));
/** A preparation named as the source of cultured cells ("SVF-derived MSCs", "SVF-MSC") is not given itself. */
export const sourceOfCellsAt = (text: string, end: number) => /^[\s-]*(?:derived|expanded|cultured|isolated)\b|^-(?:MSC|ASC)/iu.test(text.slice(end, end + 20));
/** A minimally manipulated term at this place that is the preparation given, not cells cultured from it. */
export const minimalGiven = (text: string, index: number, end: number) => !culturedAt(text, index) && !sourceOfCellsAt(text, end);

/**
 * A cell word that only names a minimally manipulated preparation: in brackets beside it ("fat-derived
 * stem cells (SVF)", "SVF (adipose tissue-derived MSC)") or joined by a dash. "SVF-derived MSCs" are
 * cells grown from it, and "BM-MNCs and UC-MSCs" are two products.
 */
export function describesMinimal(text: string, minimal: readonly [number, number][], start: number, end: number): boolean {
  return minimal.some(([a, b]) => {
    if (start < b && end > a) return true;
    const gap = end <= a ? text.slice(end, a) : start >= b ? text.slice(b, start) : '';
    if (gap.length > 40) return false;
    // "SVF-derived MSCs", "SVF-MSC": cells grown from the preparation, named as MSCs are ("UC-MSC")
    if (start >= b && (/^[\s-]*(?:derived|expanded|cultured|isolated|grown)\b/iu.test(gap) || /^-?$/u.test(gap) && text[start] === '-' || gap === '-')) return false;
    return /^[\s()[\]-]*$/u.test(gap) || /^\s*\(/u.test(gap) || /\)\s*$/u.test(gap);
  });
}

/** Where the cell mention at `index` is really the source of a derived product. */
export function isDerivativeSource(text: string, index: number, length: number): boolean {
  const after = text.slice(index + length, index + length + 60);
  const before = text.slice(Math.max(0, index - 90), index);
  return DERIVATIVE_AFTER.test(after) || DERIVATIVE_BEFORE.test(before);
}

/** A secretome or vesicle product counts as MSC-derived when an MSC word names its source nearby. */
export const MSC_SOURCE_NEAR = /\b(?:mesenchymal|mesenchyme|stromal|MSCs?|[A-Za-z]+-MSCs?|UCMSCs?|ADMSCs?|ADSCs?|BMSCs?|DPSCs?|umbilical|wharton|adipose|placenta\w*|amnio\w*|bone[- ]marrow|dental[- ]pulp|menstrual|stem\s+cells?)\b/iu;

/** Cells that are not MSCs: a trial that gives only these is not an MSC product trial. */
export const OTHER_CELL_TERMS: readonly RegExp[] = [
  /\bh(?:a)?ematopoietic\s+(?:stem\s+|progenitor\s+)?(?:cells?|cell\s+transplant\w*|transplant\w*)\b|\bHSCT?s?\b|\bCD34\+?(?:\s+cells?)?|\bCD133\+?(?:\s+cells?)?/giu,
  /\b(?:umbilical\s+)?cord\s+blood\s+(?:transplant\w*|infusion|units?|cells?)\b(?![^.;]{0,30}(?:mesenchymal|MSC))/giu,
  /\b(?:tolerogenic\s+)?dendritic\s+cells?\b|\b(?:CAR-?)?T[- ]cells?\b|\bregulatory T\b|\bTregs?\b|\bNK\s+cells?\b|\bnatural killer\b|\bcytokine-induced killer\b/giu,
  /\bchondrocytes?\b|\bkeratinocytes?\b|\bfibroblasts?\b|\bhepatocytes?\b|\bislets?\b|\bmyoblasts?\b|\bmelanocytes?\b/giu,
  /\blimbal\s+(?:epithelial\s+)?stem\s+cells?\b|\bneural\s+(?:stem|progenitor|precursor)\s+cells?\b|\bendothelial\s+progenitor\s+cells?\b|\boral\s+mucosa(?:l)?\s+(?:epithelial\s+)?(?:cells?|transplant\w*)\b/giu,
  /\bperipheral\s+blood\s+(?:mononuclear|stem)\s+cells?\b|\bPBMCs?\b|\bmacrophages?\b|\bplatelet[- ]rich\s+(?:plasma|fibrin)\b|\bPRP\b/giu,
  /\bgene[- ]modified\s+autologous\s+stem\s+cells\b|\blentiviral\b/giu,
];

/** Cells, or a cell therapy, of a kind the record does not name: not enough to decide either way. */
export const GENERIC_CELL_TERMS: readonly RegExp[] = [
  /\b(?:adult\s+|autologous\s+|allogen(?:e)?ic\s+)?stem[- ]cells?(?:\s+(?:therapy|transplant\w*|injection|infusion|implantation|product|treatment|graft))?\b/giu,
  /\bcell(?:ular)?(?:-based)?\s+(?:therapy|therapies|product|injection|infusion|transplant\w*|implantation|treatment)\b/giu,
  /\b(?:bone[- ]marrow|adipose)(?:[- ]derived)?\s+(?:stem\s+)?cells?\b/giu,
  /\bcell\s+(?:injection|infusion)\b|\b(?:injection|infusion|implantation|transplantation)\s+of\s+(?:autologous\s+|allogen(?:e)?ic\s+)?cells\b/giu,
  /\bbone[- ]marrow\s+(?:aspirat(?:e|ion)|harvest(?:ing)?)\b|\bex\s+vivo\s+gene\s+therapy\b/giu,
];

// ------------------------------------------------------------------ product names

export interface NameHit {
  entry: ProductName | { names: readonly string[]; what: string; basis: string };
  kind: 'msc' | 'not-msc' | 'borderline';
  match: string;
  index: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** A product name as records write it: any case, ®/™/(R)/(TM) after it, spaces or hyphens as the record has them. */
const namePattern = (names: readonly string[]) =>
  new RegExp(
    `(?<![\\w-])(?:${[...names]
      .sort((a, b) => b.length - a.length)
      .map((n) => escape(n).replace(/[- ]/gu, '[-\\s]?'))
      .join('|')})(?:\\s?(?:®|™|\\(R\\)|\\(TM\\)))?(?![\\w-])`,
    'giu',
  );

const NAME_LISTS: readonly { kind: NameHit['kind']; entries: readonly NameHit['entry'][] }[] = [
  { kind: 'msc', entries: MSC_PRODUCTS },
  { kind: 'borderline', entries: BORDERLINE_PRODUCTS },
  { kind: 'not-msc', entries: NOT_MSC_PRODUCTS },
];
/**
 * Literal pieces that a text must contain, in lower case, for a name's pattern to match there: the
 * name's parts between spaces and hyphens (the pattern matches each part as written, in any case,
 * with an optional space or hyphen between them). Parts with a non-ASCII letter are left out
 * (lower-casing and the pattern's Unicode case folding agree on ASCII only); a name left with no
 * part at all makes its entry's pattern always run.
 */
const piecesOf = (names: readonly string[]): string[][] | null => {
  const pieces = names.map((name) => name.split(/[- ]/u).filter((part) => part !== '' && /^[\x20-\x7e]+$/u.test(part)).map((part) => part.toLowerCase()));
  return pieces.some((p) => p.length === 0) ? null : pieces;
};
const NAME_MATCHERS = NAME_LISTS.flatMap(({ kind, entries }) =>
  entries.map((entry) => ({ kind, entry, pattern: namePattern(entry.names), pieces: piecesOf(entry.names) })),
);

// scope screening and classification look for names in the same passages: each text is scanned once
const NAME_HITS = new Map<string, readonly NameHit[]>();
const NAME_HITS_MAX = 20_000;

/** Product names of the vocabulary (src/domain/products.ts) in a text, in order of appearance. */
export function productNames(text: string): NameHit[] {
  let hits = NAME_HITS.get(text);
  if (!hits) {
    if (NAME_HITS.size >= NAME_HITS_MAX) NAME_HITS.clear();
    hits = scanProductNames(text);
    NAME_HITS.set(text, hits);
  }
  return hits.map((h) => ({ ...h }));
}

function scanProductNames(text: string): NameHit[] {
  const hits: NameHit[] = [];
  // the two non-ASCII letters that Unicode case folding makes ASCII (ſ → s, Kelvin sign → k)
  const lower = text.toLowerCase().replace(/\u017f/gu, 's').replace(/\u212a/gu, 'k');
  for (const { kind, entry, pattern, pieces } of NAME_MATCHERS) {
    // a text that lacks a piece of every one of the entry's names cannot match its pattern: most texts
    // name none of the products, and the patterns cost 5.6 s of assembling 2,000 synthetic trials
    if (pieces && !pieces.some((name) => name.every((piece) => lower.includes(piece)))) continue;
    for (const m of text.matchAll(pattern)) hits.push({ entry, kind, match: m[0], index: m.index });
  }
  return hits.sort((a, b) => a.index - b.index);
}

// ------------------------------------------------------------------ passages

/**
 * Where a record says what participants receive, ranked: 1 the interventions and arms, 2 the
 * titles and keywords, 3 the brief summary, 4 the detailed description, 5 the outcome measures
 * (all a CSV download may say beyond the title: "…after MSC administration"). Comparator arms (placebo,
 * sham, no intervention, active comparator) and placebo interventions are not passages at all.
 */
export interface Passage {
  field: string;
  text: string;
  tier: 1 | 2 | 3 | 4 | 5;
  /** for summary and description sentences: does the sentence speak of this trial, of background, or neither */
  kind: 'trial' | 'neutral' | 'background';
}

const COMPARATOR_ARM = new Set(['ACTIVE_COMPARATOR', 'PLACEBO_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION']);
export const PLACEBO = /\b(?:placebo|sham|saline|normal\s+saline|NaCl|vehicle|no\s+intervention|standard\s+(?:of\s+)?care|usual\s+care|conventional\s+(?:therapy|treatment))\b/iu;
/** Words of an MSC product, for telling a placebo arm from "UC-MSCs plus standard of care". */
export const MSC_CONTEXT = /\b(?:mesenchymal|MSCs?|stem|stromal|progenitor|secretome|conditioned|exosom\w*|vesicles?|cells?|SVF|BMAC|[A-Za-z]*MSCs?|ADSCs?|DPSCs?|MenSCs?)\b/iu;

const TRIAL_SENTENCE =
  /\b(?:will|this\s+(?:study|trial|protocol|project)|the\s+(?:present|current|proposed)\s+(?:study|trial)|we\s+(?:will|plan|aim|propose|intend)|participants|subjects\s+(?:will|are|were)|patients\s+(?:will|are|were)\s+(?:receive|treated|given|randomi[sz]ed|injected|infused)|enrolled|is\s+designed|aims?\s+to|randomi[sz]ed\s+to|are\s+(?:given|injected|infused|treated)|receiv(?:e|es|ed|ing)|administered|injected|infused|transplanted|implanted)\b/iu;
const BACKGROUND_SENTENCE =
  /\b(?:have|has)\s+(?:been\s+)?(?:shown|demonstrated|reported|found|proven|suggested|highlighted)|\b(?:previous|prior|earlier|recent|many|several|numerous|other)\s+(?:studies|trials|reports|research)|\brecent(?:ly)?\s+(?:advances|advancements|progress|years)|\bpre-?clinical\b|\banimal\s+(?:models?|studies)|\bin\s+vitro\b|\b(?:mice|rats|murine|rodents?)\b|\bliterature\b|\bare\s+known\s+to\b|\bis\s+known\s+to\b|\bmay\s+(?:be|have|offer)\b|\bcan\s+(?:differentiate|secrete|promote|modulate)\b/iu;

/** Split a text into sentences (at ". ", "? ", "! " or line breaks), keeping each sentence's offset. */
export function sentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  const re = /[^.!?\n]+(?:[.!?]+(?=\s|$)|$|(?=\n))/gu;
  for (const m of text.matchAll(re)) {
    const t = m[0].trim();
    if (t) out.push({ text: t, index: m.index + m[0].indexOf(t) });
  }
  // "e.g." and "vs." and decimals split badly; a fragment without a verb-sized body joins the next one
  return out;
}

/** The sentence of `text` that holds position `index`, shortened to about 300 characters around the match. */
export function quoteAt(text: string, index: number, length: number): string {
  const dot = text.lastIndexOf('. ', index);
  const start = Math.max(dot >= 0 ? dot + 2 : 0, text.lastIndexOf('\n', index) + 1);
  const endDot = text.indexOf('. ', index + length);
  const endLine = text.indexOf('\n', index + length);
  const ends = [endDot >= 0 ? endDot + 1 : text.length, endLine >= 0 ? endLine : text.length];
  let quote = text.slice(start, Math.min(...ends)).trim();
  if (quote.length > 300) {
    const at = index - start;
    const from = Math.max(0, at - 140);
    quote = `${from > 0 ? '…' : ''}${quote.slice(from, from + 280).trim()}${from + 280 < quote.length ? '…' : ''}`;
  }
  return quote;
}

function sentenceKind(sentence: string): Passage['kind'] {
  if (BACKGROUND_SENTENCE.test(sentence)) return 'background';
  if (TRIAL_SENTENCE.test(sentence)) return 'trial';
  return 'neutral';
}

/** The passages of a record that say what participants receive, ranked (see Passage). */
export function passagesOf(trial: Draft): Passage[] {
  const out: Passage[] = [];
  const add = (field: string, text: string | null | undefined, tier: Passage['tier']) => {
    if (text) out.push({ field, text, tier, kind: 'trial' });
  };
  // interventions that only comparator arms use are comparators too
  const comparatorOnly = new Set<string>();
  for (const iv of trial.interventions) {
    const arms = trial.arms.filter((a) => a.interventions.some((x) => x.toLowerCase().endsWith(iv.name.toLowerCase())));
    if (arms.length > 0 && arms.every((a) => a.type !== null && COMPARATOR_ARM.has(a.type))) comparatorOnly.add(iv.name);
  }
  trial.interventions.forEach((iv, i) => {
    // "Saline" is not the treatment; "UC-MSCs plus standard of care" is
    if (comparatorOnly.has(iv.name) || (PLACEBO.test(iv.name) && !MSC_CONTEXT.test(iv.name))) return;
    add(`interventions[${i}].name`, iv.name, 1);
    add(`interventions[${i}].description`, iv.description, 1);
    iv.otherNames.forEach((name, j) => add(`interventions[${i}].otherNames[${j}]`, name, 1));
  });
  trial.arms.forEach((arm, i) => {
    if (arm.type !== null && COMPARATOR_ARM.has(arm.type)) return;
    if (arm.type === null && PLACEBO.test(arm.label) && !MSC_CONTEXT.test(arm.label)) return;
    add(`arms[${i}].label`, arm.label, 1);
    add(`arms[${i}].description`, arm.description, 1);
    arm.interventions.forEach((x, j) => {
      if (!PLACEBO.test(x) || MSC_CONTEXT.test(x)) add(`arms[${i}].interventions[${j}]`, x, 1);
    });
  });
  add('title', trial.title, 2);
  add('officialTitle', trial.officialTitle, 2);
  add('acronym', trial.acronym, 2);
  trial.keywords.forEach((k, i) => add(`keywords[${i}]`, k, 2));
  for (const [field, tier] of [['summary', 3], ['description', 4]] as const) {
    const text = trial[field];
    if (!text) continue;
    for (const s of sentences(text)) out.push({ field, text: s.text, tier, kind: sentenceKind(s.text) });
  }
  for (const list of ['primary', 'secondary', 'other', 'unclassified'] as const) {
    trial.outcomes[list].forEach((o, i) => {
      out.push({ field: `outcomes.${list}[${i}].measure`, text: o.measure, tier: 5, kind: 'neutral' });
      if (o.description) out.push({ field: `outcomes.${list}[${i}].description`, text: o.description, tier: 5, kind: 'neutral' });
    });
  }
  return out;
}

/** Passages in the order evidence is taken: by tier, and within a prose tier this trial's sentences before neutral ones before background. */
const KIND_ORDER = { trial: 0, neutral: 1, background: 2 } as const;
export function rankedGroups(passages: readonly Passage[]): Passage[][] {
  const groups = new Map<string, Passage[]>();
  for (const p of passages) {
    const key = p.tier <= 2 ? `${p.tier}` : `${p.tier}.${KIND_ORDER[p.kind]}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => Number(a) - Number(b)).map(([, g]) => g);
}

export function* matches(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0] === '') re.lastIndex += 1;
  }
}
