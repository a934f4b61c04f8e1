/**
 * Scope screening: is this record a trial of an MSC product? Every trial gets a verdict —
 * MSC, MSC_CONTAINING, UNCLEAR or OTHER (TRIAL-RECORD.md) — with a sentence saying why and the
 * words that decided, quoted with their field.
 *
 * The rule reads what participants receive, strongest evidence first (docs/classification.md):
 *  1. an arm or intervention that names an MSC product (or a product name of the vocabulary in
 *     src/domain/products.ts) → MSC; a minimally manipulated MSC-containing preparation → MSC_CONTAINING;
 *  2. the title, when it names an MSC product as the treatment, not as the object of study
 *     ("Properties of MSCs in…", "Mobilization of MSCs during…", "Effect of X on MSCs");
 *  3. a product the vocabulary knows is not an MSC product, or cells that are not MSCs
 *     (haematopoietic, cord blood, dendritic…), with nothing of 1–2 → OTHER;
 *  4. a cell therapy of an unnamed kind, a product named only by a code, a secretome or vesicle
 *     product of an unstated source → UNCLEAR;
 *  5. the summary or description, in a sentence about this trial ("Patients will receive…");
 *  6. the title studies MSCs rather than giving them, or every intervention is a drug, device,
 *     procedure or sampling with no cell product → OTHER;
 *  7. anything else → UNCLEAR (published, flagged for review).
 * A curation overlay can set the verdict either way (curation.ts).
 */
import type { Scope } from '../schemas/trial.ts';
import type { Draft } from './normalize.ts';
import {
  CELL_TERMS,
  FAT_GRAFT_TERMS,
  GENERIC_CELL_TERMS,
  MINIMAL_TERMS,
  OTHER_CELL_TERMS,
  SECRETOME_TERMS,
  VESICLE_TERMS,
  describesMinimal,
  minimalGiven,
  isDerivativeSource,
  matches,
  passagesOf,
  productNames,
  quoteAt,
  type Passage,
} from './terms.ts';

type Kind = 'msc' | 'minimal' | 'derivative' | 'generic' | 'other-cell' | 'not-msc' | 'borderline';

interface Mention {
  kind: Kind;
  passage: Passage;
  index: number;
  match: string;
  /** for a named product: what the vocabulary says it is */
  what?: string;
}

/** A secretome or vesicle product counts as MSC-derived only when an MSC word names its source nearby. */
const MSC_SOURCE =
  /\b(?:mesenchymal|mesenchyme|stromal|MSCs?|[A-Za-z]+-MSCs?|UCMSCs?|ADMSCs?|ADSCs?|BMSCs?|DPSCs?|umbilical|wharton'?s|adipose|placenta\w*|amnio\w*|bone[- ]marrow|dental[- ]pulp|menstrual)\b/iu;

/** Words that make a cell mention a description of what a preparation contains. */
const CONTENT_BEFORE = /\b(?:contain\w*|rich\s+in|enriched\s+(?:in|with)|source\s+of|including|with\s+(?:its|their)|of\s+which)\b[^.;]{0,50}$/iu;

function overlaps(spans: readonly [number, number][], start: number, end: number, margin = 0): boolean {
  return spans.some(([a, b]) => start < b + margin && end > a - margin);
}

/** Every product mention of one passage, classified. */
function mentionsIn(passage: Passage): Mention[] {
  const { text } = passage;
  const out: Mention[] = [];
  const taken: [number, number][] = [];
  const add = (kind: Kind, index: number, match: string, what?: string) => {
    out.push({ kind, passage, index, match, ...(what ? { what } : {}) });
    taken.push([index, index + match.length]);
  };
  for (const hit of productNames(text)) {
    if (hit.kind === 'msc' && 'product' in hit.entry) add(hit.entry.product === 'MINIMALLY_MANIPULATED' ? 'minimal' : 'msc', hit.index, hit.match, hit.entry.what);
    else add(hit.kind === 'not-msc' ? 'not-msc' : 'borderline', hit.index, hit.match, hit.entry.what);
  }
  // minimally manipulated preparations, named by the vocabulary or by the terms
  const minimal: [number, number][] = out.filter((m) => m.kind === 'minimal').map((m) => [m.index, m.index + m.match.length]);
  for (const term of MINIMAL_TERMS) {
    for (const m of matches(term, text)) {
      if (overlaps(taken, m.index, m.index + m[0].length) || !minimalGiven(text, m.index, m.index + m[0].length)) continue;
      minimal.push([m.index, m.index + m[0].length]);
      add('minimal', m.index, m[0]);
    }
  }
  for (const term of FAT_GRAFT_TERMS) {
    for (const m of matches(term, text)) {
      if (overlaps(taken, m.index, m.index + m[0].length, 30)) continue; // "micro-fragmented fat", "ASC enriched fat graft"
      add('not-msc', m.index, m[0], 'a plain fat graft, which the catalogue does not count as an MSC product (docs/products.md)');
    }
  }
  for (const term of CELL_TERMS) {
    for (const m of matches(term, text)) {
      const end = m.index + m[0].length;
      if (overlaps(taken, m.index, end) || describesMinimal(text, minimal, m.index, end)) continue;
      // "a bone marrow aspirate concentrate (BMAC) containing bone marrow-derived MSCs" describes the preparation
      if (minimal.length && CONTENT_BEFORE.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
      if (isDerivativeSource(text, m.index, m[0].length)) continue; // the derived product below decides
      add('msc', m.index, m[0]);
    }
  }
  for (const term of [...SECRETOME_TERMS, ...VESICLE_TERMS]) {
    for (const m of matches(term, text)) {
      if (overlaps(taken, m.index, m.index + m[0].length)) continue;
      const window = text.slice(Math.max(0, m.index - 100), m.index + m[0].length + 100);
      add(MSC_SOURCE.test(window) ? 'msc' : 'derivative', m.index, m[0]);
    }
  }
  for (const term of OTHER_CELL_TERMS) {
    for (const m of matches(term, text)) {
      if (!overlaps(taken, m.index, m.index + m[0].length)) add('other-cell', m.index, m[0]);
    }
  }
  for (const term of GENERIC_CELL_TERMS) {
    for (const m of matches(term, text)) {
      if (!overlaps(taken, m.index, m.index + m[0].length)) add('generic', m.index, m[0]);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

// ------------------------------------------------------------------ the title's sense

/** Words before an MSC mention that make MSCs the object of study, not the treatment. */
const OBJECT_BEFORE: readonly RegExp[] = [
  /\b(?:properties|characteri[sz]ation|characteristics|isolation|authentication|expansion|production|manufactur\w*|mobili[sz]ation|collection|harvest(?:ing)?|procurement|counts?|numbers?|levels?|frequency|functions?|dysfunctions?|differentiation|behaviou?r|senescence|role|markers?|phenotypes?|quantification|detection|yield|viability|potency|proliferation|migration|alterations?|models?|optimi[sz]ation|kinetics|presence|clonogenicity|colonogenicity|cologenicity|aspiration|amount|potential|comparison)\s+(?:of|in|for|from)\s+(?:the\s+)?(?:[\w'’()/+-]+\s+){0,7}$/iu,
  /\b(?:effects?|impact|influence|damage|action)\s+(?:of\s+[^.;]{1,60}?\s+)?(?:on|in|upon)\s+(?:the\s+)?(?:[\w'’()/+-]+\s+){0,5}$/iu,
];
/** Words after an MSC mention that make it the object of study. */
const OBJECT_AFTER =
  /^[\s)]*(?:counts?\b|numbers?\b|levels?\b|culture\b|response\s+to\b|isolation\b|characteristics\b|properties\b|:\s*alterations\b|in\s+(?:the\s+)?(?:synovial|blood\b|serum\b|tissues?\b|lung\s+transplant|bone\s+marrow\s+(?:of|from|aspirates?))|(?:[\w-]+\s+){0,2}from\s+(?:the\s+)?(?:degenerated|patients\b|healthy|donors\b)|during\s+(?:liver|lung|kidney|heart|organ)\s+transplant)/iu;
/** Words in a title that make the study one of a treatment. */
const TREATMENT_TITLE =
  /\b(?:treat\w*|therap\w*|transplant\w*|infus\w*|inject\w*|implant\w*|administ\w*|deliver\w*|graft\w*|dos(?:e|es|ing)|safety|efficacy|effectiveness|tolerability|feasibility|follow-?up|trial|regenerat\w*|repair|reconstruction|augment\w*|combined\s+with|versus|vs\.?|compared|enhancers?|adjuvant)\b/iu;

function isObjectOfStudy(m: Mention): boolean {
  const before = m.passage.text.slice(Math.max(0, m.index - 120), m.index);
  const after = m.passage.text.slice(m.index + m.match.length, m.index + m.match.length + 80);
  return OBJECT_BEFORE.some((re) => re.test(before)) || OBJECT_AFTER.test(after);
}

// ------------------------------------------------------------------ interventions without a product word

const SAMPLING =
  /\b(?:biops(?:y|ies)|blood\s+(?:samples?|draw|collection|tests?)|samples?|sampling|harvest|aspiration|procurement|collection|flow\s+cytometr\w*|analys[ie]s|sequencing|imaging|ultrasound|assay|questionnaires?|no\s+intervention|observational|measurements?|markers?|quality\s+of\s+life|instruments?)\b/iu;
/** A product named by a code or an invented word: the record does not say what it is. */
function codeLike(name: string): boolean {
  const core = name
    .replace(/\s*(?:®|™|\(R\)|\(TM\))/gu, '')
    .replace(/\s*\([^)]*\)\s*$/u, '')
    .replace(/\s+(?:inj\.?|injection|low|mid|high|dose|doses|phase\s*\d|group)\b.*$/iu, '')
    .trim();
  if (/\s/u.test(core)) return false;
  if (/^(?:PRP|PRF|PRGF|HA|ATG|PBS|DMSO|G-CSF|GCSF|BMP-?2|rhBMP-?2|NaCl|IV|TCP|CT|MRI|BAT|SOC)$/iu.test(core)) return false;
  return /\d/u.test(core) || /^[A-Z]{3,}[A-Za-z-]*$/u.test(core) || /^[A-Z][a-z]+[A-Z][A-Za-z-]*$/u.test(core);
}
const NON_CELL_BIOLOGIC = /\b(?:acid|hyaluron\w*|plasma|platelet\w*|PRP|PRF|vaccine|antibod\w*|\w+mab|\w+cept|insulin|hormone|serum|albumin|immunoglobulin|toxin|heparin|collagen|hydrogel|scaffold|membrane|bone|allograft|matrix|fibrin\w*|saline|placebo|vehicle|tablets?|capsules?|oral)\b/iu;

/** Procedures that carry no cell product. */
const PLAIN_PROCEDURE = /\b(?:rehabilitation|physio\w*|physical\s+therapy|exercise|training|stenting|dialysis|counsel+ing|education|massage|acupuncture|laser|radiotherapy|anaesthe\w*|anesthe\w*)\b/iu;

type Unknown = { index: number; name: string; label: string; type: string | null; why: 'code' | 'biologic' | 'procedure' };

/** A surgical or implantation procedure: it may carry cells the record does not name ("Cartilage repair surgery"). */
const PROCEDURE_LIKE =
  /\b(?:surgery|surgical|repair|reconstruction|implant\w*|transplant\w*|graft\w*|decompression|microfracture|arthroplasty|replacement|tissue[- ]engineer\w*|constructs?|injections?|fixation|fusion|osteosynthesis|flap|wrapping|scaffold)\b/iu;

/** Active interventions that name no product word: unknown products (a code, an unnamed biologic) or plainly not cells. */
function classifyInterventions(trial: Draft, active: ReadonlySet<number>): { unknown: Unknown[]; nonCell: string[] } {
  const unknown: Unknown[] = [];
  const nonCell: string[] = [];
  trial.interventions.forEach((iv, i) => {
    if (!active.has(i)) return;
    const label = `${iv.type ? `${iv.type[0]}${iv.type.slice(1).toLowerCase().replace(/_/gu, ' ')}: ` : ''}${iv.name}`;
    if (OTHER_CELL_TERMS.some((re) => new RegExp(re.source, re.flags.replace('g', '')).test(iv.name))) nonCell.push(label);
    else if (codeLike(iv.name)) unknown.push({ index: i, name: iv.name, label, type: iv.type, why: 'code' });
    else if (
      !SAMPLING.test(iv.name) &&
      !PLAIN_PROCEDURE.test(iv.name) &&
      (iv.type === 'PROCEDURE' || ((iv.type === 'OTHER' || iv.type === null || iv.type === 'BIOLOGICAL' || iv.type === 'DRUG') && PROCEDURE_LIKE.test(iv.name)))
    ) {
      unknown.push({ index: i, name: iv.name, label, type: iv.type, why: 'procedure' });
    }
    else if ((iv.type === 'BIOLOGICAL' || iv.type === 'GENETIC' || iv.type === 'COMBINATION_PRODUCT') && !NON_CELL_BIOLOGIC.test(iv.name) && !SAMPLING.test(iv.name)) {
      unknown.push({ index: i, name: iv.name, label, type: iv.type, why: 'biologic' });
    } else nonCell.push(label);
  });
  return { unknown, nonCell };
}

// ------------------------------------------------------------------ the verdict

const TREATMENT_VERB = /\b(?:receiv\w*|administ\w*|inject\w*|infus\w*|transplant\w*|implant\w*|treated\s+with|given|deliver\w*|applied|applicat\w*)\b/iu;

const evidenceOf = (m: Mention): Scope['evidence'][number] => ({ field: m.passage.field, match: m.match, quote: quoteAt(m.passage.text, m.index, m.match.length) });
const q = (s: string) => `“${s}”`;
const listed = (xs: readonly string[]) => (xs.length <= 3 ? xs.join('; ') : `${xs.slice(0, 3).join('; ')} and ${xs.length - 3} more`);

export function screenScope(trial: Draft): Scope {
  const passages = passagesOf(trial);
  const all = passages.flatMap(mentionsIn);
  const tier1 = all.filter((m) => m.passage.tier === 1);
  const titles = all.filter((m) => m.passage.tier === 2);
  const prose = all.filter((m) => m.passage.tier >= 3);
  const of = (ms: readonly Mention[], kind: Kind) => ms.filter((m) => m.kind === kind);
  const verdict = (value: Scope['value'], reason: string, evidence: readonly Mention[]): Scope => ({
    value,
    reason,
    evidence: evidence.slice(0, 4).map(evidenceOf),
  });
  // the vocabulary's description of a named product, its first sentence
  const named = (m: Mention) => (m.what ? ` (${m.what.split(/(?<=[a-z)])\.\s/u)[0]!.replace(/\.$/u, '')})` : '');

  // 1. what the arms and interventions give
  const armMsc = of(tier1, 'msc');
  if (armMsc.length) {
    const first = armMsc[0]!;
    return verdict('MSC', `An arm or intervention gives participants an MSC product: ${q(first.match)}${named(first)}.`, [...armMsc, ...of(titles, 'msc')]);
  }
  const armMinimal = of(tier1, 'minimal');
  if (armMinimal.length) {
    return verdict(
      'MSC_CONTAINING',
      `Participants receive a minimally manipulated preparation that contains MSCs without isolating or culturing them: ${q(armMinimal[0]!.match)}${named(armMinimal[0]!)}.`,
      armMinimal,
    );
  }

  // the interventions the record lists that are not comparators
  const active = new Set(passages.filter((p) => p.tier === 1 && /^interventions\[\d+\]\.name$/u.test(p.field)).map((p) => Number(/\d+/u.exec(p.field)![0])));
  const classified = classifyInterventions(trial, active);
  // A product named only by a code, or a procedure, may hide an MSC product when the record cannot
  // tell: a row of a download without summary or description (it came from an MSC search), or a
  // record that speaks of cells somewhere. A full record that never names cells is not hiding any.
  const speaksOfCells = all.some((m) => m.kind !== 'not-msc' && m.kind !== 'other-cell');
  const unknownMatters = !(trial.summary || trial.description) || speaksOfCells;
  const unknown = unknownMatters ? classified.unknown : [];
  const nonCell = unknownMatters ? classified.nonCell : [...classified.nonCell, ...classified.unknown.map((u) => u.label)];
  const hasInterventions = active.size > 0;
  const observational = trial.studyType === 'OBSERVATIONAL';

  // 2. the title, when it names an MSC product as the treatment
  const titleMsc = of(titles, 'msc');
  const titleMinimal = of(titles, 'minimal');
  const objectMentions = [...titleMsc, ...titleMinimal, ...of(titles, 'generic')].filter(isObjectOfStudy);
  const treatmentTitle = (m: Mention) => TREATMENT_TITLE.test(m.passage.text);
  const onlyNonCell = hasInterventions && unknown.length === 0 && of(tier1, 'generic').length === 0 && of(tier1, 'derivative').length === 0 && of(tier1, 'borderline').length === 0;
  const titleDecides = (m: Mention) => !isObjectOfStudy(m) && (treatmentTitle(m) || (!observational && !onlyNonCell));
  const titleProduct = titleMsc.find(titleDecides);
  if (titleProduct) {
    const how = hasInterventions ? `; the interventions (${listed([...unknown.map((u) => u.label), ...nonCell])}) do not name it themselves` : '; the record lists no intervention';
    return verdict('MSC', `The title names an MSC product as the treatment: ${q(titleProduct.match)}${named(titleProduct)}${how}.`, titleMsc);
  }
  const titlePrep = titleMinimal.find(titleDecides);
  if (titlePrep) {
    return verdict('MSC_CONTAINING', `The title names a minimally manipulated, MSC-containing preparation as the treatment: ${q(titlePrep.match)}${named(titlePrep)}.`, titleMinimal);
  }

  // 3. a known non-MSC product, or cells that are not MSCs
  const notMsc = [...of(tier1, 'not-msc'), ...of(titles, 'not-msc')];
  if (notMsc.length) return verdict('OTHER', `${q(notMsc[0]!.match)} is not an MSC product${named(notMsc[0]!)}; no arm or intervention names one.`, notMsc);

  // 4. not enough to decide
  const borderline = [...of(tier1, 'borderline'), ...of(titles, 'borderline')];
  if (borderline.length) {
    return verdict('UNCLEAR', `${q(borderline[0]!.match)} derives from MSCs but is neither cells, secretome nor vesicles${named(borderline[0]!)}.`, borderline);
  }
  const derivative = [...of(tier1, 'derivative'), ...of(titles, 'derivative')];
  if (derivative.length) {
    return verdict('UNCLEAR', `The record names a cell-free product, ${q(derivative[0]!.match)}, without saying it comes from MSCs.`, derivative);
  }
  // a cell therapy of an unnamed kind: in an arm, or in a title whose interventions could carry it
  const generic = [...of(tier1, 'generic'), ...(onlyNonCell ? [] : of(titles, 'generic'))].filter((m) => !isObjectOfStudy(m));
  const otherCells = [...of(tier1, 'other-cell'), ...of(titles, 'other-cell')];
  if (generic.length && objectMentions.length === 0 && !otherCells.some((o) => o.passage === generic[0]!.passage)) {
    return verdict('UNCLEAR', `The record names a cell therapy without saying the cells are MSCs: ${q(generic[0]!.match)}.`, generic);
  }
  if (unknown.length && objectMentions.length === 0) {
    const u = unknown[0]!;
    const what =
      u.why === 'code'
        ? 'named only by a code or brand the catalogue does not know'
        : u.why === 'procedure'
          ? 'a procedure that may carry cells the record does not name'
          : 'a biological product the record does not describe';
    return verdict('UNCLEAR', `The intervention ${q(u.name)} is ${what}; the fields we hold do not say whether it is an MSC product.`, [
      { kind: 'generic', passage: passages.find((p) => p.field === `interventions[${u.index}].name`)!, index: 0, match: u.name },
    ]);
  }

  // 5. the summary or description, in a sentence about this trial
  // an outcome measure counts only when the verb is about the MSCs themselves ("after MSC administration")
  const verbNear = (m: Mention) =>
    m.passage.tier < 5 ? TREATMENT_VERB.test(m.passage.text) : TREATMENT_VERB.test(m.passage.text.slice(Math.max(0, m.index - 30), m.index + m.match.length + 30));
  const proseMsc = [...of(prose, 'msc'), ...of(prose, 'minimal')].filter((m) => m.passage.kind !== 'background' && verbNear(m) && !isObjectOfStudy(m));
  if (proseMsc.length && !onlyNonCell) {
    const m = proseMsc[0]!;
    const where = m.passage.field === 'summary' ? 'brief summary' : m.passage.field === 'description' ? 'detailed description' : 'outcome measures';
    return verdict(
      m.kind === 'minimal' ? 'MSC_CONTAINING' : 'MSC',
      `The ${where} ${where === 'outcome measures' ? 'say' : 'says'} participants receive ${m.kind === 'minimal' ? 'an MSC-containing preparation' : 'an MSC product'}: ${q(m.match)} in ${q(quoteAt(m.passage.text, m.index, m.match.length))}.`,
      proseMsc,
    );
  }

  // 6. MSCs studied, not given; or nothing but drugs, devices and procedures
  if (objectMentions.length) {
    const m = objectMentions[0]!;
    const given = hasInterventions ? `the interventions are ${listed([...unknown.map((u) => u.label), ...nonCell])}` : 'the record lists no intervention';
    return verdict('OTHER', `The record studies ${m.kind === 'generic' ? 'stem cells' : 'MSCs'} rather than giving them (${q(quoteAt(m.passage.text, m.index, m.match.length))}); ${given}.`, objectMentions);
  }
  if (otherCells.length) {
    return verdict('OTHER', `The cells given are not MSCs: ${q(otherCells[0]!.match)}; no arm or intervention names an MSC product.`, otherCells);
  }
  if (onlyNonCell) {
    const mentioned = [...titleMsc, ...titleMinimal, ...of(titles, 'generic'), ...of(prose, 'msc'), ...of(prose, 'minimal')];
    const where = mentioned.length ? `; cells appear only in ${q(quoteAt(mentioned[0]!.passage.text, mentioned[0]!.index, mentioned[0]!.match.length))}, not as what participants receive` : '';
    return verdict('OTHER', `No arm or intervention gives an MSC product: the interventions are ${listed(nonCell)}${where}.`, mentioned);
  }
  if (!hasInterventions && observational && titleMsc.length === 0 && titleMinimal.length === 0) {
    return verdict('OTHER', 'An observational study with no intervention, and the fields we hold name no MSC product that participants receive.', of(prose, 'msc'));
  }

  if ((trial.summary || trial.description) && !speaksOfCells) {
    const all = trial.interventions.map((iv) => iv.name);
    return verdict(
      'OTHER',
      `The record names no MSC product, nor any cells, in its interventions, arms, titles, summary or description${all.length ? `; the interventions are ${listed(all)}` : ''}.`,
      [],
    );
  }

  // 7. not decided
  const any = [...titleMsc, ...titleMinimal, ...of(prose, 'msc')];
  if (any.length) {
    return verdict('UNCLEAR', `MSCs are named (${q(any[0]!.match)}), but the fields we hold do not say that participants receive them.`, any);
  }
  return verdict('UNCLEAR', 'The fields we hold name no product that participants receive.', []);
}
