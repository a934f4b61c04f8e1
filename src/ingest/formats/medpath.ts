/**
 * MedPath (trial.medpath.com) trial pages, copied as text.
 *
 * Layout: "MedPath", title, phase line(s), "Conditions", "Interventions", "Registration Number",
 * "Lead Sponsor", "Brief Summary", "Detailed Description", "Recruitment & Eligibility" (Status,
 * Sex, Target Recruitment, criteria), "Study & Design" (Study Type, Study Design, the arm table),
 * outcome tables, "Trial Locations". Table cells lose their separators in a copy
 * ("GroupInterventionDescription"), so rows are split at the seams the glue leaves.
 */
import { IngestError, emptyRawTrial, type RawOutcome, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { glueSeams, laterHeadings, listItems, nonEmpty, paragraphs, sectionLines, sections, splitGlued, stripBullets, toLines } from '../text.ts';
import { applyAgeRange, interventionDisplay, readAddressLocations, splitIdentifiers, splitInterventionLine, undouble, unmapped, yesNo } from './common.ts';
import type { Flag } from '../../schemas/trial.ts';

export const HEADINGS = [
  'MedPath',
  'Conditions',
  'Interventions',
  'Registration Number',
  'Other Identifiers',
  'Lead Sponsor',
  'Collaborators',
  'Brief Summary',
  'Detailed Description',
  'Recruitment & Eligibility',
  'Status',
  'Sex',
  'Age',
  'Healthy Volunteers',
  'Target Recruitment',
  'Actual Enrollment',
  'Inclusion Criteria',
  'Exclusion Criteria',
  'Study & Design',
  'Study Type',
  'Study Design',
  'Start Date',
  'Completion Date',
  'Arm && Interventions',
  'Arm & Interventions',
  'Primary Outcome Measures',
  'Secondary Outcome Measures',
  'Trial Locations',
  'Related Trials',
  'Similar Trials',
] as const;
type Heading = (typeof HEADINGS)[number];

/** Headings a description may contain as a line of its own; they do not end it. */
const IN_PROSE = ['Status', 'Sex', 'Age', 'Healthy Volunteers', 'Target Recruitment', 'Actual Enrollment', 'Inclusion Criteria', 'Exclusion Criteria', 'Study Type', 'Study Design', 'Start Date', 'Completion Date', 'Interventions', 'Conditions', 'Collaborators', 'Other Identifiers', 'Related Trials', 'Similar Trials'];
const PROSE = {
  'Brief Summary': laterHeadings(HEADINGS, 'Brief Summary', IN_PROSE),
  'Detailed Description': laterHeadings(HEADINGS, 'Detailed Description', IN_PROSE),
};

const GLUED_INTERVENTION = /(?<=[)\p{Ll}])(?=(?:Biological|Drug|Device|Procedure|Radiation|Behavioral|Genetic|Dietary Supplement|Combination Product|Diagnostic Test|Other):\s)/u;
const TABLE_HEADER = /^(GroupInterventionDescription|NameTimeMethod|Group\s+Intervention\s+Description|Name\s+Time\s+Method)$/iu;
const TIME_START = /^(\d|baseline|day|days|week|weeks|month|months|year|years|up to|at |from|through|till|until|visit|end of|after|before|pre|post|during|every|each|over|screening|immediately|hour|hours|\d+\s*(h|hr)s?\b)/iu;
const TIME_UNIT = /\b(day|days|week|weeks|wk|month|months|mo|year|years|hour|hours|h|minutes?|visit|baseline|follow[- ]?up|discharge|end)\b/iu;

export function readMedpath(file: SourceFile): ReadResult {
  const lines = toLines(file.content);
  const all = sections(lines, HEADINGS, { prose: PROSE });
  const trial = emptyRawTrial();
  const notes = trial.notes;
  const get = (h: Heading) => sectionLines(all, h);
  const value = (h: Heading) => nonEmpty(get(h) ?? []).map(stripBullets)[0] ?? null;

  // "MedPath", then title, then phase lines until "Conditions"
  const head = nonEmpty(get('MedPath') ?? all[0]!.lines);
  if (head.length === 0) {
    throw new IngestError(file.path, 'no title could be read from this MedPath page', {
      field: 'title',
      expected: 'the trial title on the line after "MedPath"',
      found: 'no line before "Conditions"',
    });
  }
  trial.title = head[0]!;
  for (const line of head.slice(1)) {
    if (/phase|^n\/a$|^not applicable$/iu.test(line)) trial.phases.push(line);
    else notes.push(unmapped('phases', line, 'a line under the title (expected a phase)'));
  }

  trial.conditions = listItems(get('Conditions') ?? []);
  // a copy may run the intervention lines together ("…(BSH BTC & Utooth BTC)Other: Intravenous saline…"):
  // each "Type:" prefix after a closing bracket or a lower-case letter starts the next one
  const interventionLines = listItems(get('Interventions') ?? []).flatMap((l) => l.split(GLUED_INTERVENTION));
  for (const line of interventionLines) {
    const { type, name } = splitInterventionLine(line);
    trial.interventions.push({ type, name, description: null, otherNames: [] });
  }
  const ids = splitIdentifiers([...nonEmpty(get('Registration Number') ?? []), ...nonEmpty(get('Other Identifiers') ?? [])]);
  trial.registryIds = ids.registryIds;
  trial.secondaryIds = ids.secondaryIds;
  trial.sponsor = value('Lead Sponsor');
  trial.collaborators = listItems(get('Collaborators') ?? []);
  trial.summary = undouble(paragraphs(get('Brief Summary') ?? []), 'summary', notes);
  trial.description = undouble(paragraphs(get('Detailed Description') ?? []), 'description', notes);

  trial.status = value('Status');
  trial.eligibility.sex = value('Sex');
  applyAgeRange(trial, value('Age'));
  trial.eligibility.healthyVolunteers = yesNo(value('Healthy Volunteers'));
  const target = value('Target Recruitment');
  const actual = value('Actual Enrollment');
  if (actual) trial.enrollment = { count: actual, type: 'ACTUAL' };
  else if (target) trial.enrollment = { count: target, type: null };
  trial.eligibility.inclusion = listItems(get('Inclusion Criteria') ?? []);
  trial.eligibility.exclusion = listItems(get('Exclusion Criteria') ?? []);

  trial.studyType = value('Study Type');
  trial.design.interventionModel = value('Study Design');
  const start = value('Start Date');
  if (start) trial.dates.start = { text: start, type: null };
  const completion = value('Completion Date');
  if (completion) trial.dates.completion = { text: completion, type: null };

  const armRows = nonEmpty(get('Arm && Interventions') ?? get('Arm & Interventions') ?? []).filter((l) => !TABLE_HEADER.test(l));
  for (const row of armRows) readArmRow(row, trial, notes);

  trial.outcomes.primary = readOutcomeTable(get('Primary Outcome Measures') ?? [], 'outcomes.primary', notes);
  trial.outcomes.secondary = readOutcomeTable(get('Secondary Outcome Measures') ?? [], 'outcomes.secondary', notes);

  const locationLines = nonEmpty(get('Trial Locations') ?? []).filter(
    (l) => /[\p{L}\p{N}]/u.test(l) && !/^Locations\s*\(\d+\)$/iu.test(l) && !/^©/u.test(l),
  );
  trial.locations = readAddressLocations(locationLines);

  return { format: 'medpath', site: 'trial.medpath.com', trials: [trial] };
}

/** One row of the arm table: group, intervention and description glued together. */
function readArmRow(row: string, trial: RawTrial, notes: Flag[]): void {
  // a listed intervention inside the row marks the cell boundaries exactly, when it starts and
  // ends at seams the glue left ("…Stem Cell|Mesenchymal Stem Cell|Allogeneic…")
  const seams = new Set(glueSeams(row));
  for (const iv of trial.interventions) {
    let at = row.indexOf(iv.name, 1);
    const endsCell = (end: number) => end === row.length || seams.has(end) || /[A-Z0-9]/u.test(row[end]!);
    while (at > 0 && !(seams.has(at) && endsCell(at + iv.name.length))) {
      at = row.indexOf(iv.name, at + 1);
    }
    if (at > 0) {
      const label = row.slice(0, at).trim();
      const description = row.slice(at + iv.name.length).trim() || null;
      trial.arms.push({ label, type: null, description, interventions: [interventionDisplay(iv.type, iv.name)] });
      return;
    }
  }
  const cells = splitGlued(row, 3);
  if (cells) {
    const [label, intervention, description] = cells as [string, string, string];
    trial.arms.push({ label, type: null, description, interventions: [intervention] });
    if (!trial.interventions.some((i) => i.name === intervention)) {
      trial.interventions.push({ type: null, name: intervention, description: null, otherNames: [] });
    }
    return;
  }
  trial.arms.push({ label: row, type: null, description: null, interventions: [] });
  notes.push({
    code: 'unsplit-list',
    field: 'arms',
    severity: 'info',
    message: `The arm table row "${row}" has its group, intervention and description cells run together in a way that cannot be split safely; it is kept whole as the arm label.`,
  });
}

/** Split "Bone Mass Density (BMD)6 months" into the measure and its time frame. */
export function splitMeasureTime(row: string): { measure: string; timeFrame: string | null } | null {
  const seams = glueSeams(row);
  for (let k = seams.length - 1; k >= 0; k -= 1) {
    const right = row.slice(seams[k]).trim();
    if (TIME_START.test(right) && TIME_UNIT.test(right) && right.length <= 80) {
      return { measure: row.slice(0, seams[k]).trim(), timeFrame: right };
    }
  }
  return null;
}

/** An outcome table: "NameTimeMethod" header, then rows (measure+time glued), each followed by its method paragraphs. */
function readOutcomeTable(lines: readonly string[], field: string, notes: Flag[]): RawOutcome[] {
  const out: RawOutcome[] = [];
  let current: { row: RawOutcome; body: string[] } | null = null;
  const finish = () => {
    if (current) current.row.description = paragraphs(current.body);
    current = null;
  };
  // a row's method text is set off by a blank line, so a line right after a row line is the next row
  let previousWasRow = false;
  for (const line of lines) {
    if (TABLE_HEADER.test(line)) continue;
    const split = line === '' ? null : splitMeasureTime(line);
    const startsRow: boolean = line !== '' && (split !== null || current === null || previousWasRow);
    previousWasRow = startsRow;
    if (startsRow) {
      finish();
      if (!split) {
        notes.push({
          code: 'unsplit-list',
          field,
          severity: 'info',
          message: `The outcome "${line}" shows no time frame that could be told apart from the measure name; it is kept whole as the measure.`,
        });
      }
      current = { row: { measure: split?.measure ?? line, timeFrame: split?.timeFrame ?? null, description: null }, body: [] };
      out.push(current.row);
    } else if (current) (current as { body: string[] }).body.push(line);
  }
  finish();
  return out;
}
