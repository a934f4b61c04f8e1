/**
 * The classic ClinicalTrials.gov study page, as mirrored by clincosm.com and copied as text.
 *
 * Layout: title; a header of "Sponsor", "Overall Status", "CT.gov ID", "Collaborator" (followed
 * by unlabelled figures, which are not read); "Study Details" with the description, the
 * condition/intervention/phase table, "Study Design" as "Label:" + value lines, "Arms and
 * Interventions", "Outcome Measures", "Eligibility Criteria", "Contacts and Locations",
 * "Sponsors and Collaborators", "More Information" (ids and dates), and "Study Results"
 * (on a results page, the results tables follow and are not read as the protocol).
 */
import { IngestError, emptyRawTrial, type RawOutcome, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { headingKey, listItems, nonEmpty, paragraphs, sectionLines, sections, stripBullets, toLines } from '../text.ts';
import {
  ARM_PREFIX,
  INTERVENTION_PREFIX,
  applyAgeRange,
  interventionDisplay,
  splitIdentifiers,
  splitMasking,
  undouble,
  yesNo,
} from './common.ts';
import { trailingCountry } from '../../domain/countries.ts';
import type { Flag } from '../../schemas/trial.ts';

export const HEADINGS = [
  'Sponsor',
  'Overall Status',
  'Recruitment Status',
  'CT.gov ID',
  'Collaborator',
  'Study Details',
  'Study Description',
  'Brief Summary',
  'Condition or Disease Intervention/Treatment Phase',
  'Detailed Description',
  'Study Design',
  'Study Type',
  'Actual Enrollment',
  'Estimated Enrollment',
  'Anticipated Enrollment',
  'Enrollment',
  'Allocation',
  'Intervention Model',
  'Intervention Model Description',
  'Observational Model',
  'Time Perspective',
  'Masking',
  'Masking Description',
  'Primary Purpose',
  'Official Title',
  'Acronym',
  'Actual Study Start Date',
  'Estimated Study Start Date',
  'Study Start Date',
  'Actual Primary Completion Date',
  'Estimated Primary Completion Date',
  'Primary Completion Date',
  'Actual Study Completion Date',
  'Estimated Study Completion Date',
  'Study Completion Date',
  'Arms and Interventions',
  'Outcome Measures',
  'Primary Outcome Measures',
  'Secondary Outcome Measures',
  'Other Outcome Measures',
  'Eligibility Criteria',
  'Criteria',
  'Ages Eligible for Study',
  'Sexes Eligible for Study',
  'Accepts Healthy Volunteers',
  'Inclusion Criteria',
  'Exclusion Criteria',
  'Contacts and Locations',
  'Locations',
  'Sponsors and Collaborators',
  'Investigators',
  'Study Documents (Full-Text)',
  'More Information',
  'Publications',
  'Publications of Results',
  'Responsible Party',
  'ClinicalTrials.gov Identifier',
  'Other Study ID Numbers',
  'First Posted',
  'Results First Posted',
  'Last Update Posted',
  'Last Verified',
  'Individual Participant Data (IPD) Sharing Statement',
  'Plan to Share IPD',
  'Studies a U.S. FDA-regulated Drug Product',
  'Studies a U.S. FDA-regulated Device Product',
  'Keywords provided by',
  'Additional relevant MeSH terms',
  'Study Results',
  'Participant Flow',
  'Baseline Characteristics',
  'Adverse Events',
  'Limitations and Caveats',
] as const;
type Heading = (typeof HEADINGS)[number];

/** The summary and description end only at the section headings that follow them. */
const AFTER_DESCRIPTION = ['Study Design', 'Arms and Interventions', 'Outcome Measures', 'Eligibility Criteria', 'Contacts and Locations', 'More Information', 'Study Results'];
const PROSE = {
  'Brief Summary': ['Condition or Disease Intervention/Treatment Phase', 'Detailed Description', ...AFTER_DESCRIPTION],
  'Detailed Description': AFTER_DESCRIPTION,
};

const PHASE_TEXT = /(?:Early Phase 1|Phase \d(?:\s*\/\s*Phase \d)?|Not Applicable)/giu;
const LAYOUT_NOISE = /^(Layout table for .*|Go to .*|Show more|Hide|Information provided by .*|Loading\.\.\.|!\[\]\(\)|The safety and scientific validity of this study is the responsibility of .*|Verified .* by .*|Recruitment status was: .*|- (Study Details|Tabular View|No Results Posted|Study Results|Disclaimer|How to Read a Study Record))$/iu;

export function readCtgovClassic(file: SourceFile): ReadResult {
  const prepared = toLines(file.content)
    .map(unpipe)
    .filter((l): l is string => l !== null && !LAYOUT_NOISE.test(l))
    .map((l) => (/^Keywords provided by\b/iu.test(l) ? 'Keywords provided by' : l));
  // a copy of clinicaltrials.gov itself may lose the section headings the description ends at:
  // put them back before the first line of their section
  for (const [heading, first] of [
    ['Study Design', /^Study Type\s*:/u],
    ['Arms and Interventions', /^(Arm|Group\/Cohort)\s+Intervention\/Treatment$/iu],
    ['Eligibility Criteria', /^Ages Eligible for Study\s*:/u],
  ] as const) {
    const at = prepared.findIndex((l) => first.test(l));
    if (at >= 0 && !prepared.some((l) => headingKey(l) === heading.toLowerCase())) prepared.splice(at, 0, heading);
  }
  const all = sections(prepared, HEADINGS, { prose: PROSE, expand: splitInlineLabel });
  const trial = emptyRawTrial();
  const notes = trial.notes;
  const get = (h: Heading) => sectionLines(all, h);
  const value = (h: Heading) => nonEmpty(get(h) ?? []).map(stripBullets)[0] ?? null;

  const head = nonEmpty(all[0]!.lines);
  if (head.length === 0) {
    throw new IngestError(file.path, 'no title could be read from this ClinicalTrials.gov classic page', {
      field: 'title',
      expected: 'the study title on the first line, before "Sponsor"',
      found: 'nothing before the first heading',
    });
  }
  trial.title = head[0]!;

  trial.sponsor = value('Sponsor');
  trial.status = value('Overall Status') ?? value('Recruitment Status');
  const ids = splitIdentifiers([
    ...nonEmpty(get('CT.gov ID') ?? []),
    ...nonEmpty(get('ClinicalTrials.gov Identifier') ?? []),
  ]);
  trial.registryIds = ids.registryIds;
  const other = splitIdentifiers(nonEmpty(get('Other Study ID Numbers') ?? []).map(stripBullets));
  trial.registryIds.push(...other.registryIds);
  trial.secondaryIds = [...ids.secondaryIds, ...other.secondaryIds];

  // the header's collaborator line is followed by unlabelled figures, which are not read
  const collaborators = nonEmpty(get('Collaborator') ?? [])
    .map(stripBullets)
    .filter((l) => !/^\(?none\)?$/iu.test(l) && !/^[\d.,]+$/u.test(l));
  trial.collaborators = collaborators;
  const sponsorsList = nonEmpty(get('Sponsors and Collaborators') ?? []).map(stripBullets);
  for (const name of sponsorsList.slice(trial.sponsor ? 0 : 1)) {
    if (name.replace(/\s*\([^)]*\)$/u, '') === (trial.sponsor ?? '').replace(/\s*\([^)]*\)$/u, '')) continue;
    if (!trial.collaborators.includes(name)) trial.collaborators.push(name);
  }
  trial.sponsor ??= sponsorsList[0] ?? null;

  trial.summary = undouble(paragraphs(get('Brief Summary') ?? []), 'summary', notes);
  trial.description = undouble(paragraphs(get('Detailed Description') ?? []), 'description', notes);
  readConditionTable(nonEmpty(get('Condition or Disease Intervention/Treatment Phase') ?? []), trial);

  trial.studyType = value('Study Type');
  for (const [heading, type] of [
    ['Actual Enrollment', 'ACTUAL'],
    ['Estimated Enrollment', 'ESTIMATED'],
    ['Anticipated Enrollment', 'ESTIMATED'],
    ['Enrollment', null],
  ] as const) {
    const count = value(heading);
    if (count && !trial.enrollment) trial.enrollment = { count, type };
  }
  trial.design.allocation = value('Allocation');
  trial.design.interventionModel = value('Intervention Model');
  const masking = splitMasking(value('Masking'));
  trial.design.masking = masking.masking;
  trial.design.whoMasked = masking.whoMasked;
  trial.design.primaryPurpose = value('Primary Purpose');
  trial.officialTitle = undouble(value('Official Title'), 'officialTitle', notes);
  trial.acronym = value('Acronym');

  const date = (heading: Heading, type: string | null) => {
    const text = value(heading);
    return text ? { text, type } : null;
  };
  trial.dates.start = date('Actual Study Start Date', 'ACTUAL') ?? date('Estimated Study Start Date', 'ESTIMATED') ?? date('Study Start Date', null);
  trial.dates.primaryCompletion =
    date('Actual Primary Completion Date', 'ACTUAL') ?? date('Estimated Primary Completion Date', 'ESTIMATED') ?? date('Primary Completion Date', null);
  trial.dates.completion =
    date('Actual Study Completion Date', 'ACTUAL') ?? date('Estimated Study Completion Date', 'ESTIMATED') ?? date('Study Completion Date', null);
  trial.dates.firstPosted = date('First Posted', null);
  trial.dates.lastUpdated = date('Last Update Posted', null);

  readArms(get('Arms and Interventions') ?? [], trial);
  trial.outcomes.primary = readOutcomes(get('Primary Outcome Measures') ?? []);
  trial.outcomes.secondary = readOutcomes(get('Secondary Outcome Measures') ?? []);

  applyAgeRange(trial, value('Ages Eligible for Study'));
  trial.eligibility.sex = value('Sexes Eligible for Study');
  trial.eligibility.healthyVolunteers = yesNo(value('Accepts Healthy Volunteers'));
  trial.eligibility.inclusion = listItems(get('Inclusion Criteria') ?? []);
  trial.eligibility.exclusion = listItems(get('Exclusion Criteria') ?? []);

  trial.locations = readLocationTable(nonEmpty(get('Locations') ?? []), notes);
  trial.keywords = listItems(get('Keywords provided by') ?? []);

  const results = [...nonEmpty(get('Study Results') ?? []), ...(get('Participant Flow') ? ['Participant Flow'] : [])].join(' ');
  if (get('Results First Posted') || /participant flow|baseline characteristics|results first posted/iu.test(results)) trial.hasResults = true;
  else if (/no results posted/iu.test(results)) trial.hasResults = false;

  return { format: 'ctgov-classic', site: 'clincosm.com', trials: [trial] };
}

/**
 * A copy of clinicaltrials.gov itself keeps its tables as Markdown-like rows ("Study Type : |
 * Interventional (Clinical Trial) |", "COVID-19 | Biological: … | Phase 1 Phase 2 |"): the cells
 * are joined with spaces, as the clincosm copy runs them; separator rows are dropped.
 */
function unpipe(line: string): string | null {
  if (!line.includes('|')) return line;
  const cells = line.split('|').map((c) => c.trim()).filter(Boolean);
  if (cells.length === 0 || cells.every((c) => /^:?-{2,}:?$/u.test(c))) return cells.length === 0 ? '' : null;
  return cells.join(' ').replace(/\s+:\s*/u, ': ').replace(/:\s*:\s*/u, ': ');
}

/** "Study Type: Interventional" on one line → label line + value line, for the known labels. */
const INLINE_LABELS = new Set(HEADINGS.map((h) => h.toLowerCase()));
function splitInlineLabel(line: string): string[] {
  const match = /^([^:]{3,80}?)\s*:\s*(.+)$/u.exec(line);
  if (match && INLINE_LABELS.has(headingKey(match[1]!))) return [match[1]!, match[2]!];
  return [line];
}

/** Rows of the condition / intervention / phase table, one cell per line or run together. */
function readConditionTable(rows: readonly string[], trial: RawTrial): void {
  for (const row of rows.map(stripBullets)) {
    let rest = row;
    const phases = rest.match(PHASE_TEXT);
    if (phases) {
      trial.phases.push(...phases);
      rest = rest.replace(PHASE_TEXT, ' ').trim();
    }
    const starts = [...rest.matchAll(new RegExp(INTERVENTION_PREFIX.source.replace(/^\^/u, '').replace(/\(\.\+\)\$$/u, ''), 'giu'))];
    const cut = starts[0]?.index ?? rest.length;
    const condition = rest.slice(0, cut).trim();
    if (condition) trial.conditions.push(condition);
    starts.forEach((m, i) => {
      const text = rest.slice(m.index, starts[i + 1]?.index ?? rest.length).trim();
      const parsed = INTERVENTION_PREFIX.exec(text);
      if (parsed && !trial.interventions.some((x) => x.name === parsed[2]!.trim())) {
        trial.interventions.push({ type: parsed[1]!, name: parsed[2]!.trim(), description: null, otherNames: [] });
      }
    });
  }
}

/**
 * The arm table: "Experimental: label", its description, then its interventions ("Drug: name",
 * the intervention's description, "Other Names:" and bullet items).
 */
function readArms(lines: readonly string[], trial: RawTrial): void {
  let arm: RawTrial['arms'][number] | null = null;
  let iv: RawTrial['interventions'][number] | null = null;
  let state: 'arm' | 'intervention' | 'otherNames' | null = null;
  const pushText = (target: { description: string | null }, text: string) => {
    target.description = target.description ? `${target.description}\n\n${text}` : text;
  };
  for (const raw of lines) {
    const line = stripBullets(raw);
    if (line === '' || /^(Arm|Group\/Cohort)\s+Intervention\/Treatment$/iu.test(line)) continue;
    let armMatch = ARM_PREFIX.exec(line);
    // "Other: Placebo" is an arm type and an intervention type alike: inside an arm, a name the
    // condition table lists as an "Other" intervention is that intervention, not a new arm
    if (armMatch && arm && /^other$/iu.test(armMatch[1]!)) {
      const name = armMatch[2]!.trim();
      if (trial.interventions.some((x) => x.name === name && /^other$/iu.test(x.type ?? ''))) armMatch = null;
    }
    if (armMatch) {
      arm = { label: armMatch[2]!.trim(), type: armMatch[1]!, description: null, interventions: [] };
      trial.arms.push(arm);
      iv = null;
      state = 'arm';
      continue;
    }
    const ivMatch = INTERVENTION_PREFIX.exec(line);
    if (ivMatch && state !== 'otherNames') {
      const name = ivMatch[2]!.trim();
      const existing = trial.interventions.find((x) => x.name === name && (x.type ?? '').toLowerCase() === ivMatch[1]!.toLowerCase());
      iv = existing ?? { type: ivMatch[1]!, name, description: null, otherNames: [] };
      if (!existing) trial.interventions.push(iv);
      arm?.interventions.push(interventionDisplay(ivMatch[1]!, name));
      state = 'intervention';
      continue;
    }
    if (/^Other Names?\s*:?$/iu.test(line)) {
      state = 'otherNames';
      continue;
    }
    if (state === 'otherNames' && iv) {
      if (ivMatch) {
        // a new intervention right after the other names
        state = 'intervention';
        const name = ivMatch[2]!.trim();
        iv = { type: ivMatch[1]!, name, description: null, otherNames: [] };
        trial.interventions.push(iv);
        arm?.interventions.push(interventionDisplay(ivMatch[1]!, name));
      } else if (!iv.otherNames.includes(line)) iv.otherNames.push(line);
      continue;
    }
    if (state === 'intervention' && iv) {
      if (!iv.description?.includes(line)) pushText(iv, line);
    } else if (state === 'arm' && arm) pushText(arm, line);
    else if (!arm) {
      // an untyped group (observational studies)
      arm = { label: line, type: null, description: null, interventions: [] };
      trial.arms.push(arm);
      state = 'arm';
    }
  }
}

/** "1. Measure [ Time Frame: 6 months ]" + description lines. */
function readOutcomes(lines: readonly string[]): RawOutcome[] {
  const out: RawOutcome[] = [];
  let current: { o: RawOutcome; body: string[] } | null = null;
  const close = () => {
    if (current) current.o.description = paragraphs(current.body);
  };
  for (const raw of lines) {
    const line = raw.trim();
    // an outcome is "N. Measure [ Time Frame: … ]"; a numbered line without brackets inside an
    // open outcome belongs to its description ("1. Mild activity: 0-5")
    const head: RegExpExecArray | null =
      /^\d+\.\s*(.+?)\s*\[\s*(?:Time Frame\s*:\s*)?([^\]]*?)\s*\]\s*$/iu.exec(line) ?? (current ? null : /^\d+\.\s*(.+)$/u.exec(line));
    if (head) {
      close();
      current = { o: { measure: head[1]!, timeFrame: head[2] ?? null, description: null }, body: [] };
      out.push(current.o);
    } else if (current) current.body.push(line);
  }
  close();
  return out;
}

/**
 * The locations table: "Site City State Country Postal Code" and one row per site. With tabs the
 * cells are exact; without them only the country (matched from the end) can be told apart, and
 * the rest is kept as the facility with a note.
 */
function readLocationTable(rows: readonly string[], notes: Flag[]): RawTrial['locations'] {
  const out: RawTrial['locations'] = [];
  for (const row of rows) {
    if (/^Site\s+City\b/iu.test(row) || /^(none provided\.?|contacts?.*)$/iu.test(row)) continue;
    const body = row.replace(/^\d+\s+/u, '');
    if (body.includes('\t')) {
      const [facility, city, state, country, zip] = body.split('\t').map((c) => c.trim() || null);
      out.push({ facility: facility ?? null, city: city ?? null, state: state ?? null, country: country ?? null, zip: zip ?? null });
      continue;
    }
    const zipMatch = /\s+(\d[\dA-Z-]{2,9})$/u.exec(body);
    const withoutZip = zipMatch ? body.slice(0, zipMatch.index) : body;
    const found = trailingCountry(withoutZip);
    if (!found) {
      out.push({ facility: body, city: null, state: null, country: null, zip: null });
      notes.push({
        code: 'unsplit-list',
        field: 'locations',
        severity: 'info',
        message: `The location row "${body}" has its cells run together and names no country the catalogue knows; it is kept whole as the facility.`,
      });
      continue;
    }
    out.push({ facility: found.rest || null, city: null, state: null, country: found.country, zip: zipMatch?.[1] ?? null });
    notes.push({
      code: 'unsplit-list',
      field: 'locations',
      severity: 'info',
      message: `The location row "${body}" has its cells run together; the country (${found.country}) is read from its end, and "${found.rest}" is kept as the facility because facility, city and state cannot be told apart.`,
    });
  }
  return out;
}
