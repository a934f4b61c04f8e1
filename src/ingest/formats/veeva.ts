/**
 * ClinicalTrials.Veeva (ctv.veeva.com) study pages, copied as text.
 *
 * Layout: site name, "Menu", title, sponsor (after a one-letter avatar), then headed blocks:
 * "Status and phase" (or "Status"), "Conditions", "Treatments", "Study type", "Funder types",
 * "Identifiers", "About", "Full description", "Enrollment", "Sex", "Ages", "Volunteers",
 * inclusion/exclusion criteria, "Trial design" with its key/value pairs and the arm groups,
 * "Trial contacts and locations", then the site footer.
 */
import { IngestError, emptyRawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { headingKey, laterHeadings, listItems, nonEmpty, paragraphs, sectionLines, sections, toLines } from '../text.ts';
import {
  applyAgeRange,
  criteriaHeading,
  enrollmentType,
  readAddressLocations,
  splitMasking,
  splitIdentifiers,
  splitInterventionLine,
  undouble,
  unglueLabels,
  unmapped,
  yesNo,
} from './common.ts';

export const HEADINGS = [
  'Menu',
  'Status and phase',
  'Status',
  'Phase',
  'Conditions',
  'Treatments',
  'Study type',
  'Funder types',
  'Identifiers',
  'Details and patient eligibility',
  'About',
  'Full description',
  'Enrollment',
  'Sex',
  'Ages',
  'Volunteers',
  'Criteria',
  'Inclusion criteria',
  'Exclusion criteria',
  'Trial design',
  'Primary purpose',
  'Allocation',
  'Interventional model',
  'Masking',
  'Trial contacts and locations',
  'Trial documents',
  'Related trials',
  'Similar trials',
  'Data sourced from clinicaltrials.gov',
  'Clinical trials',
] as const;

/** Headings a description may contain as a line of its own; they do not end it. */
const IN_PROSE = ['Status', 'Phase', 'Conditions', 'Treatments', 'Study type', 'Identifiers', 'Criteria', 'Inclusion criteria', 'Exclusion criteria', 'Primary purpose', 'Allocation', 'Interventional model', 'Masking', 'Clinical trials'];
const PROSE = {
  About: laterHeadings(HEADINGS, 'About', IN_PROSE),
  'Full description': laterHeadings(HEADINGS, 'Full description', IN_PROSE),
};

const ARM_TYPE_LINE =
  /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other) group$/iu;
const GROUPS_LINE = /^\d[\d,]* participants? in \d+ (?:patient )?groups?/iu;
const ARMS_END = new Set(
  ['Trial contacts and locations', 'Trial documents', 'Related trials', 'Similar trials', 'Data sourced from clinicaltrials.gov', 'Clinical trials'].map(
    (h) => h.toLowerCase(),
  ),
);
const CHROME = /^(Loading\.\.\.|Menu|Share|Save|Print|Back|Back to search|Find clinical trials.*|Trials by location|© .*)$/iu;

const GLUED = [
  { label: 'Enrollment', value: /^\d/u },
  { label: 'Sex', value: /^(All|Female|Male|Both)\b/iu },
  { label: 'Ages', value: /^(\d|undefined|Any|Up to|Under)/iu },
  { label: 'Volunteers', value: /^(No|Accepts|Healthy)/iu },
  { label: 'Study type', value: /^(Interventional|Observational|Expanded)/iu },
  { label: 'Primary purpose', value: /^[A-Z]/u },
  { label: 'Allocation', value: /^(Randomi|Non|N\/A)/iu },
  { label: 'Interventional model', value: /^[A-Z]/u },
  { label: 'Masking', value: /^(None|Single|Double|Triple|Quadruple)/iu },
];

export function readVeeva(file: SourceFile): ReadResult {
  const lines = unglueLabels(toLines(file.content), GLUED);
  const all = sections(lines, HEADINGS, { prose: PROSE });
  const trial = emptyRawTrial();
  const notes = trial.notes;
  const get = (heading: (typeof HEADINGS)[number]) => sectionLines(all, heading);
  const first = (heading: (typeof HEADINGS)[number]) => nonEmpty(get(heading) ?? [])[0] ?? null;

  // Title and sponsor: the lines after "Menu" (or the site name) and before the first block.
  const head = nonEmpty(get('Menu') ?? all[0]!.lines).filter((l) => !/^ClinicalTrials\.Veeva$/iu.test(l) && !CHROME.test(l));
  if (head.length === 0) {
    throw new IngestError(file.path, 'no title could be read from this ClinicalTrials.Veeva page', {
      field: 'title',
      expected: 'the study title on the line after "Menu"',
      found: 'no line before the first section',
    });
  }
  trial.title = head[0]!;
  const sponsorLines = head.slice(1).filter((l) => !/^[A-Z0-9]$/u.test(l));
  trial.sponsor = sponsorLines[0] ?? null;
  trial.collaborators = sponsorLines.slice(1);

  // Status and phases
  const statusBlock = nonEmpty(get('Status and phase') ?? get('Status') ?? []);
  for (const line of statusBlock) {
    if (/^(early\s+)?phase\b|^n\/a$|^not applicable$/iu.test(line)) {
      // "N/A" is one value; "Phase 1/Phase 2" and "Phase 1, Phase 2" are two
      if (/^n\/a$/iu.test(line)) trial.phases.push(line);
      else trial.phases.push(...line.split(/\s*[/,]\s*|\s+and\s+/iu).filter(Boolean));
    } else if (trial.status === null) trial.status = line;
    else notes.push(unmapped('status', line, 'an extra status line'));
  }
  for (const line of nonEmpty(get('Phase') ?? [])) trial.phases.push(...line.split(/\s*[/,]\s*/u));

  trial.conditions = listItems(get('Conditions') ?? []);
  for (const line of listItems(get('Treatments') ?? [])) {
    const { type, name } = splitInterventionLine(line);
    if (!trial.interventions.some((i) => i.name === name && i.type === type)) {
      trial.interventions.push({ type, name, description: null, otherNames: [] });
    }
  }
  trial.studyType = first('Study type');

  const ids = splitIdentifiers(nonEmpty(get('Identifiers') ?? []));
  trial.registryIds = ids.registryIds;
  trial.secondaryIds = ids.secondaryIds;

  trial.summary = undouble(paragraphs(get('About') ?? []), 'summary', notes);
  trial.description = undouble(paragraphs(get('Full description') ?? []), 'description', notes);

  const enrollment = first('Enrollment');
  if (enrollment) trial.enrollment = { count: enrollment, type: enrollmentType(enrollment) };
  trial.eligibility.sex = first('Sex');
  applyAgeRange(trial, first('Ages'));
  trial.eligibility.healthyVolunteers = yesNo(first('Volunteers'));
  trial.eligibility.inclusion = listItems(get('Inclusion criteria') ?? []);
  trial.eligibility.exclusion = listItems(get('Exclusion criteria') ?? []);
  if (get('Criteria') && trial.eligibility.inclusion.length + trial.eligibility.exclusion.length === 0) {
    const split = splitCriteriaBlock(get('Criteria')!);
    trial.eligibility.inclusion = split.inclusion;
    trial.eligibility.exclusion = split.exclusion;
  }

  trial.design.primaryPurpose = first('Primary purpose');
  trial.design.allocation = first('Allocation');
  trial.design.interventionModel = first('Interventional model');
  const masking = first('Masking');
  if (masking && !GROUPS_LINE.test(masking)) {
    const split = splitMasking(masking);
    trial.design.masking = split.masking;
    trial.design.whoMasked = split.whoMasked;
  }
  // the arm groups follow the design pairs ("11 participants in 1 patient group")
  const groupsAt = lines.findIndex((l) => GROUPS_LINE.test(l));
  if (groupsAt >= 0) {
    const end = lines.findIndex((l, i) => i > groupsAt && ARMS_END.has(headingKey(l)));
    trial.arms = readArms(lines.slice(groupsAt + 1, end < 0 ? undefined : end));
  }

  const locationLines = nonEmpty(get('Trial contacts and locations') ?? []).filter((l) => !CHROME.test(l));
  trial.locations = readAddressLocations(locationLines);

  return { format: 'veeva', site: 'ctv.veeva.com', trials: [trial] };
}

function splitCriteriaBlock(lines: readonly string[]): { inclusion: string[]; exclusion: string[] } {
  const inc: string[] = [];
  const exc: string[] = [];
  let target = inc;
  for (const line of lines) {
    const heading = criteriaHeading(line);
    if (heading) target = heading === 'inclusion' ? inc : exc;
    else target.push(line);
  }
  return { inclusion: listItems(inc), exclusion: listItems(exc) };
}

function readArms(lines: readonly string[]) {
  const rows = nonEmpty(lines);
  const arms: ReturnType<typeof emptyRawTrial>['arms'] = [];
  let state: 'start' | 'label' | 'description' | 'treatment' = 'start';
  for (let i = 0; i < rows.length; i += 1) {
    const line = rows[i]!;
    const next = rows[i + 1] ?? '';
    // an arm labelled like a type line ("Experimental group" / "Experimental group") starts an arm too
    const labelLikeType = ARM_TYPE_LINE.test(line) && ARM_TYPE_LINE.test(next) && (state === 'start' || state === 'treatment' || state === 'description');
    const startsArm =
      line !== 'Description:' &&
      line !== 'Treatment:' &&
      (labelLikeType ||
        (!ARM_TYPE_LINE.test(line) &&
          (ARM_TYPE_LINE.test(next) || ((next === 'Description:' || next === 'Treatment:') && (state === 'start' || state === 'treatment')))));
    if (startsArm) {
      arms.push({ label: line, type: null, description: null, interventions: [] });
      state = 'label';
      continue;
    }
    const arm = arms[arms.length - 1];
    if (!arm) continue;
    if (state === 'label' && ARM_TYPE_LINE.test(line)) {
      arm.type = ARM_TYPE_LINE.exec(line)![1]!;
    } else if (line === 'Description:') {
      state = 'description';
    } else if (line === 'Treatment:') {
      state = 'treatment';
    } else if (state === 'description') {
      arm.description = arm.description ? `${arm.description}\n\n${line}` : line;
    } else if (state === 'treatment') {
      arm.interventions.push(line);
    }
  }
  return arms;
}

