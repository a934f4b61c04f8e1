/**
 * meddatax.com study pages, copied as text.
 *
 * Layout: title, "NCT ID: …", "Last Updated: …", then headed blocks, each opened by a grey
 * one-sentence tagline ("Get a concise snapshot of the trial…"): "Study Results", "Basic
 * Information" (label line + value line pairs in ClinicalTrials.gov enum spelling), "Brief
 * Summary", "Detailed Description", "Conditions", "Study Design", "Study Groups", "Interventions",
 * "Other Intervention Names", outcomes, "Eligibility Criteria", "Sponsors", "Responsible Party",
 * "Other Identifiers", "More Related Trials" (other trials: never this trial's ids).
 */
import { IngestError, emptyRawTrial, type RawOutcome, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { laterHeadings, listItems, nonEmpty, paragraphs, sectionLines, sections, stripBullets, toLines } from '../text.ts';
import {
  enrollmentType,
  interventionDisplay,
  readAddressLocations,
  splitIdentifiers,
  splitInterventionLine,
  undouble,
  unglueLabels,
  yesNo,
} from './common.ts';
import { asRegistryId } from '../../domain/registries.ts';
import { splitConditionRun } from '../conditions.ts';

export const HEADINGS = [
  // the results page ("Trial Outcomes & Findings for …") has its own short overview
  'Results Overview',
  'Study phase',
  'Target enrollment',
  'Primary outcome timeframe',
  'Results posted on',
  'Study Results',
  'Basic Information',
  'Recruitment Status',
  'Clinical Phase',
  'Total Enrollment',
  'Study Classification',
  'Study Start Date',
  'Primary Completion Date',
  'Study Completion Date',
  'First Posted',
  'Brief Summary',
  'Detailed Description',
  'Conditions',
  'Keywords',
  'Study Design',
  'Allocation Method',
  'Intervention Model',
  'Primary Study Purpose',
  'Blinding Strategy',
  'Masked Roles',
  'Study Groups',
  'Interventions',
  'Other Intervention Names',
  'Outcome Measures',
  'Primary Outcomes',
  'Secondary Outcomes',
  'Eligibility Criteria',
  'Inclusion Criteria',
  'Exclusion Criteria',
  'Minimum Eligible Age',
  'Maximum Eligible Age',
  'Eligible Sex',
  'Accepts Healthy Volunteers',
  'Study Locations',
  'Sponsors',
  'Responsible Party',
  'Other Identifiers',
  'More Related Trials',
] as const;
type Heading = (typeof HEADINGS)[number];

/** Headings a description may contain as a line of its own; they do not end it. */
const IN_PROSE = [
  'Recruitment Status', 'Clinical Phase', 'Total Enrollment', 'Study Classification', 'Study Start Date', 'Primary Completion Date',
  'Study Completion Date', 'First Posted', 'Keywords', 'Study Design', 'Allocation Method', 'Intervention Model', 'Primary Study Purpose',
  'Blinding Strategy', 'Masked Roles', 'Interventions', 'Outcome Measures', 'Primary Outcomes', 'Secondary Outcomes', 'Inclusion Criteria',
  'Exclusion Criteria', 'Minimum Eligible Age', 'Maximum Eligible Age', 'Eligible Sex', 'Accepts Healthy Volunteers', 'Sponsors',
];
const PROSE = {
  'Brief Summary': laterHeadings(HEADINGS, 'Brief Summary', IN_PROSE),
  'Detailed Description': laterHeadings(HEADINGS, 'Detailed Description', IN_PROSE),
};

/** The grey taglines under each heading: one short imperative sentence ("Dive into the extended narrative…"). */
const TAGLINE =
  /^(Get|Review|Dive|See|Understand|Learn|Discover|Check|Meet|Identify|Explore|Find|View|Browse|Additional|Read)\b[^\n]{10,220}\.$/u;

const GROUP_TYPE = /^Group Type\s*:?\s*([A-Z_ ]+)$/u;
const INTERVENTION_TYPE = /^Intervention Type\s*:?\s*([A-Z_ ]+)$/u;
const SPONSOR_ROLE = /^Sponsor Role\s*:?\s*(lead|collaborator)$/iu;
const SPONSOR_CLASS = /^(OTHER|INDUSTRY|NIH|FED|OTHER_GOV|NETWORK|INDIV|UNKNOWN|AMBIG)$/u;
const TIME_FRAME = /^Time Frame\s*:?\s*(.+)$/iu;

const GLUED = [
  { label: 'Recruitment Status', value: /^[A-Z_]{4,}$/u },
  { label: 'Clinical Phase', value: /^(EARLY_PHASE1|PHASE\d|NA)\b/u },
  { label: 'Total Enrollment', value: /^\d/u },
  { label: 'Study Classification', value: /^[A-Z_]{4,}$/u },
  { label: 'Eligible Sex', value: /^(ALL|FEMALE|MALE)$/u },
  { label: 'Minimum Eligible Age', value: /^\d/u },
  { label: 'Maximum Eligible Age', value: /^\d/u },
  { label: 'Accepts Healthy Volunteers', value: /^(Yes|No)$/u },
];

export function readMeddatax(file: SourceFile): ReadResult {
  const lines = unglueLabels(toLines(file.content), GLUED);
  const all = sections(lines, HEADINGS, { prose: PROSE });
  const trial = emptyRawTrial();
  const notes = trial.notes;
  const body = (heading: Heading) => {
    const got = sectionLines(all, heading);
    if (got === undefined) return undefined;
    const rows = [...got];
    const firstText = rows.findIndex((l) => l !== '');
    if (firstText >= 0 && TAGLINE.test(rows[firstText]!)) rows.splice(firstText, 1);
    return rows;
  };
  const value = (heading: Heading) => nonEmpty(body(heading) ?? [])[0] ?? null;

  // Title, id and update date come before the first heading.
  const head = nonEmpty(all[0]!.lines);
  const title = head.find((l) => !/^(NCT ID|Last Updated|Registration|Trial ID)\s*:/iu.test(l) && !/^meddatax/iu.test(l));
  if (!title) {
    throw new IngestError(file.path, 'no title could be read from this meddatax page', {
      field: 'title',
      expected: 'the study title on the first line',
      found: head[0] ?? 'an empty header',
    });
  }
  // the results page titles itself "Trial Outcomes & Findings for <title> (NCT NCT…)"
  trial.title = title.replace(/^Trial Outcomes & Findings for\s+/u, '').replace(/\s*\(NCT\s+NCT\d{8}\)\s*$/u, '');
  for (const line of head) {
    const nct = /^NCT ID\s*:\s*(.+)$/iu.exec(line);
    if (nct) {
      const id = asRegistryId(nct[1]!);
      if (id) trial.registryIds.push(id.id);
    }
    const updated = /^Last Updated\s*:\s*(.+)$/iu.exec(line);
    if (updated) trial.dates.lastUpdated = { text: updated[1]!, type: null };
  }

  const results = nonEmpty(body('Study Results') ?? []).join(' ');
  if (/results (pending|not (yet )?(posted|available))|has not published/iu.test(results)) trial.hasResults = false;
  else if (/results (available|posted)|participant flow|baseline characteristics/iu.test(results)) trial.hasResults = true;

  if (value('Results posted on')) trial.hasResults = true;

  trial.status = value('Recruitment Status');
  const phase = value('Clinical Phase') ?? value('Study phase');
  if (phase) trial.phases.push(phase);
  const enrollment = value('Total Enrollment') ?? value('Target enrollment');
  if (enrollment) trial.enrollment = { count: enrollment, type: enrollmentType(enrollment) };
  trial.studyType = value('Study Classification');
  const date = (heading: Heading) => {
    const text = value(heading);
    return text ? { text, type: null } : null;
  };
  trial.dates.start = date('Study Start Date');
  trial.dates.primaryCompletion = date('Primary Completion Date');
  trial.dates.completion = date('Study Completion Date');
  trial.dates.firstPosted = date('First Posted');

  trial.summary = undouble(paragraphs(body('Brief Summary') ?? []), 'summary', notes);
  trial.description = undouble(paragraphs(body('Detailed Description') ?? []), 'description', notes);

  trial.conditions = listItems(body('Conditions') ?? []);
  // the condition chips come out as one line of text: split it where known condition names make the cut certain
  const split = trial.conditions.length === 1 && trial.conditions[0]!.split(/\s+/u).length >= RUN_ON_WORDS ? splitConditionRun(trial.conditions[0]!) : null;
  if (split) trial.conditions = split;
  else noteRunOn(trial, 'conditions', trial.conditions);
  // keywords are short and one a line: a line in lower case is a keyword, not a wrapped continuation
  trial.keywords = nonEmpty(body('Keywords') ?? []).map(stripBullets).filter(Boolean);
  noteRunOn(trial, 'keywords', trial.keywords);

  trial.design.allocation = value('Allocation Method');
  trial.design.interventionModel = value('Intervention Model');
  trial.design.primaryPurpose = value('Primary Study Purpose');
  trial.design.masking = value('Blinding Strategy');
  trial.design.whoMasked = (value('Masked Roles') ?? '').split(/\s*,\s*|\s+(?=[A-Z_]{5,})/u).filter(Boolean);

  trial.interventions = readInterventions(nonEmpty(body('Interventions') ?? []));
  trial.arms = readGroups(nonEmpty(body('Study Groups') ?? []), trial.interventions);
  // an intervention named only in a study group is still one of the trial's interventions
  for (const arm of trial.arms) {
    for (const display of arm.interventions) {
      const { type, name } = splitInterventionLine(display);
      if (!trial.interventions.some((x) => x.name === name)) trial.interventions.push({ type, name, description: null, otherNames: [] });
    }
  }
  const otherNames = nonEmpty(body('Other Intervention Names') ?? []);
  if (otherNames.length > 0) {
    if (trial.interventions.length === 1) trial.interventions[0]!.otherNames.push(...otherNames);
    else {
      notes.push({
        code: 'unsplit-list',
        field: 'interventions.otherNames',
        severity: 'info',
        message: `The record lists other intervention names ("${otherNames.join('; ')}") without saying which of its ${trial.interventions.length} interventions they belong to, and as one run of text; they are quoted in this note and not assigned to an intervention.`,
      });
    }
  }

  trial.outcomes.primary = readOutcomes(nonEmpty(body('Primary Outcomes') ?? []));
  trial.outcomes.secondary = readOutcomes(nonEmpty(body('Secondary Outcomes') ?? []));

  trial.eligibility.inclusion = listItems(body('Inclusion Criteria') ?? []);
  trial.eligibility.exclusion = listItems(body('Exclusion Criteria') ?? []);
  trial.eligibility.minAge = value('Minimum Eligible Age');
  trial.eligibility.maxAge = value('Maximum Eligible Age');
  trial.eligibility.sex = value('Eligible Sex');
  trial.eligibility.healthyVolunteers = yesNo(value('Accepts Healthy Volunteers'));

  const sponsors = nonEmpty(body('Sponsors') ?? []);
  sponsors.forEach((line, i) => {
    const role = SPONSOR_ROLE.exec(line);
    if (!role) return;
    let at = i - 1;
    if (at >= 0 && SPONSOR_CLASS.test(sponsors[at]!)) at -= 1;
    const name = sponsors[at];
    if (name === undefined || SPONSOR_ROLE.test(name)) return;
    if (role[1]!.toLowerCase() === 'lead') trial.sponsor ??= name;
    else trial.collaborators.push(name);
  });

  const identifierLines = nonEmpty(body('Other Identifiers') ?? []).filter(
    (l) => !/^Identifier (Type|Source|Domain|Link)\s*:/iu.test(l),
  );
  const ids = splitIdentifiers(identifierLines);
  trial.registryIds.push(...ids.registryIds);
  trial.secondaryIds = ids.secondaryIds;

  trial.locations = readAddressLocations(nonEmpty(body('Study Locations') ?? []));

  return { format: 'meddatax', site: 'meddatax.com', trials: [trial] };
}

/** A single line of this many words or more may be several chips run together. */
const RUN_ON_WORDS = 4;

/** meddatax prints list chips as one line of text; a long single line may hold several values. */
function noteRunOn(trial: RawTrial, field: 'conditions' | 'keywords', values: string[]): void {
  if (values.length === 1 && values[0]!.split(/\s+/u).length >= RUN_ON_WORDS) {
    trial.notes.push({
      code: 'unsplit-list',
      field,
      severity: 'info',
      message: `This site prints the ${field} as one run of text ("${values[0]}"); if it names several, they could not be told apart and are kept as written.`,
    });
  }
}

/**
 * "Study Groups": label, description, "Group Type X", then for each intervention its name,
 * "Intervention Type Y" and its description. Where one description ends and the next group's
 * label begins is not marked; the intervention's description from the "Interventions" block
 * says how many paragraphs to skip (one when the intervention is not listed there).
 */
function readGroups(rows: readonly string[], interventions: RawTrial['interventions']): RawTrial['arms'] {
  const arms: RawTrial['arms'] = [];
  let i = 0;
  while (i < rows.length) {
    const typeAt = rows.findIndex((l, j) => j > i && GROUP_TYPE.test(l));
    if (typeAt < 0) break;
    const label = rows[i]!;
    const description = rows.slice(i + 1, typeAt).join('\n\n') || null;
    const arm = { label, type: GROUP_TYPE.exec(rows[typeAt]!)![1]!.trim(), description, interventions: [] as string[] };
    arms.push(arm);
    i = typeAt + 1;
    while (i < rows.length && INTERVENTION_TYPE.test(rows[i + 1] ?? '')) {
      const name = rows[i]!;
      arm.interventions.push(interventionDisplay(INTERVENTION_TYPE.exec(rows[i + 1]!)![1]!.trim(), name));
      i += 2;
      const known = interventions.find((x) => x.name === name);
      let skip = known ? (known.description ?? '').split('\n\n').filter(Boolean).length : 1;
      while (skip > 0 && i < rows.length && !INTERVENTION_TYPE.test(rows[i + 1] ?? '') && !GROUP_TYPE.test(rows[i + 1] ?? '')) {
        i += 1;
        skip -= 1;
      }
    }
  }
  return arms;
}

/** "Interventions": name, description lines, "Intervention Type X" per intervention. */
function readInterventions(rows: readonly string[]): RawTrial['interventions'] {
  const out: RawTrial['interventions'] = [];
  let start = 0;
  rows.forEach((line, i) => {
    const type = INTERVENTION_TYPE.exec(line);
    if (!type) return;
    const block = rows.slice(start, i);
    start = i + 1;
    if (block.length === 0) return;
    out.push({ type: type[1]!.trim(), name: block[0]!, description: block.slice(1).join('\n\n') || null, otherNames: [] });
  });
  return out;
}

/** Outcome blocks: measure line, description lines, "Time Frame: …". */
function readOutcomes(rows: readonly string[]): RawOutcome[] {
  const out: RawOutcome[] = [];
  let start = 0;
  rows.forEach((line, i) => {
    const frame = TIME_FRAME.exec(line);
    if (!frame) return;
    const block = rows.slice(start, i);
    start = i + 1;
    if (block.length === 0) return;
    out.push({ measure: block[0]!, timeFrame: frame[1]!, description: block.slice(1).join('\n\n') || null });
  });
  return out;
}
