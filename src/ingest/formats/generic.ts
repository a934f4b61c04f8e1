/**
 * The reader for layouts the catalogue does not know. It reads labelled lines only —
 * "Label: value", or a label line followed by its value — for the fields whose labels are
 * unambiguous across registries (title, registry id, status, phase, enrollment, conditions,
 * sponsor, dates, ages, sex, summary, criteria…). Every trial it reads is flagged
 * `generic-reader` so nobody mistakes it for a fully read record.
 */
import { IngestError, emptyRawTrial, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { clean, listItems, nonEmpty, toLines } from '../text.ts';
import { asRegistryId, findRegistryIds, stripIdAnnotation } from '../registries.ts';
import { applyAgeRange, enrollmentType, parseAgeRange, splitInterventionLine, yesNo } from './common.ts';

type Field =
  | 'title'
  | 'officialTitle'
  | 'acronym'
  | 'registryId'
  | 'secondaryId'
  | 'status'
  | 'phase'
  | 'enrollment'
  | 'studyType'
  | 'conditions'
  | 'keywords'
  | 'interventions'
  | 'sponsor'
  | 'collaborators'
  | 'summary'
  | 'description'
  | 'start'
  | 'primaryCompletion'
  | 'completion'
  | 'firstPosted'
  | 'lastUpdated'
  | 'sex'
  | 'ages'
  | 'minAge'
  | 'maxAge'
  | 'healthyVolunteers'
  | 'inclusion'
  | 'exclusion'
  | 'countries'
  | 'allocation'
  | 'masking'
  | 'interventionModel'
  | 'primaryPurpose'
  | 'related';

/** Label patterns (matched against the whole label, case-insensitive). Order matters: first wins. */
const LABELS: readonly [RegExp, Field][] = [
  [/^(scientific|official) title$/iu, 'officialTitle'],
  [/^(brief |public |study |trial )?title( of (the )?(study|trial))?$/iu, 'title'],
  [/^acronym$/iu, 'acronym'],
  [/^(secondary (ids?|identifiers?)|other (study )?ids?( numbers?)?|protocol (number|no\.?|id)|org(anization)?('s)? study id|sponsor protocol (number|id))$/iu, 'secondaryId'],
  [
    /^(nct (number|id)|clinicaltrials\.gov (id|identifier)|ct\.gov id|(primary )?regist(ration|ry) (number|no\.?|id)|main id|trial (id|registration( number)?)|isrctn|eudract( number)?|irct( registration number)?|chictr( registration number)?|ctri number|utn|(trial )?identifier)$/iu,
    'registryId',
  ],
  [/^((overall|recruitment|trial|study) )?status$/iu, 'status'],
  [/^((study|trial|clinical) )?phase$/iu, 'phase'],
  [/^((actual|target|estimated|anticipated|planned) )?(enrol?lment|sample size|target size|target sample size|recruitment target|number of (participants|subjects|patients))$/iu, 'enrollment'],
  [/^(study type|type of study|study design type)$/iu, 'studyType'],
  [/^(conditions?|health conditions?\(?s?\)?( or problems?\(?s?\)? studied)?|diseases?|indications?|disease or condition)$/iu, 'conditions'],
  [/^keywords?$/iu, 'keywords'],
  [/^(interventions?|treatments?|intervention\(s\))$/iu, 'interventions'],
  [/^((lead|primary|main) )?sponsor( name)?$/iu, 'sponsor'],
  [/^(collaborators?|secondary sponsors?)$/iu, 'collaborators'],
  [/^(brief summary|summary|lay summary|plain (english|language) summary|abstract)$/iu, 'summary'],
  [/^(detailed description|description|study description)$/iu, 'description'],
  [/^((actual|anticipated|estimated) )?(study )?(start date|date of first enrol?ment|overall (trial )?start date)$/iu, 'start'],
  [/^((actual|anticipated|estimated) )?primary completion( date)?$/iu, 'primaryCompletion'],
  [/^((actual|anticipated|estimated) )?(study )?(completion date|end date|overall (trial )?end date)$/iu, 'completion'],
  [/^(first posted|date registered|registration date|first registered|date of registration)$/iu, 'firstPosted'],
  [/^(last updated?|last update posted|last modified|last refreshed on)$/iu, 'lastUpdated'],
  [/^(sex|gender|sexes eligible( for study)?)$/iu, 'sex'],
  [/^(ages?|age range|ages eligible( for study)?|eligible ages?|age group)$/iu, 'ages'],
  [/^(min(imum)? age|age min(imum)?|inclusion age min(imum)?|lower age limit)$/iu, 'minAge'],
  [/^(max(imum)? age|age max(imum)?|inclusion age max(imum)?|upper age limit)$/iu, 'maxAge'],
  [/^(healthy volunteers|accepts healthy volunteers)$/iu, 'healthyVolunteers'],
  [/^((key|participant) )?inclusion criteria$/iu, 'inclusion'],
  [/^((key|participant) )?exclusion criteria$/iu, 'exclusion'],
  [/^(countries|countries of recruitment|country|countries of recruitment and sites)$/iu, 'countries'],
  [/^allocation$/iu, 'allocation'],
  [/^(masking|blinding)$/iu, 'masking'],
  [/^(intervention model|study model|assignment)$/iu, 'interventionModel'],
  [/^(primary purpose|purpose)$/iu, 'primaryPurpose'],
  [/^(related|similar|other|more|recommended) (trials|studies)( .*)?$/iu, 'related'],
];

function fieldOf(label: string): Field | null {
  const key = label.trim().replace(/\s*[:：]\s*$/u, '').replace(/\s+/gu, ' ');
  if (key.length < 2 || key.length > 70) return null;
  for (const [pattern, field] of LABELS) if (pattern.test(key)) return field;
  return null;
}

/** Ids may be listed under several labels; every other field is read once. */
const REPEATABLE = new Set<Field>(['registryId', 'secondaryId']);

/**
 * Labelled blocks of the page: field → the value lines of each occurrence. Reading stops at a
 * related/similar-trials block: its labels describe other trials.
 */
function labelledBlocks(lines: readonly string[]): Map<Field, string[][]> {
  const blocks = new Map<Field, string[][]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const inline = /^([^:：]{2,70}?)\s*[:：]\s*(.*)$/u.exec(line);
    const inlineField = inline ? fieldOf(inline[1]!) : null;
    const field = inlineField ?? fieldOf(line);
    if (field === 'related') break;
    if (field) {
      const occurrences = blocks.get(field) ?? [];
      if (occurrences.length > 0 && !REPEATABLE.has(field)) {
        current = null; // a repeated label is not read again
        continue;
      }
      current = [];
      occurrences.push(current);
      blocks.set(field, occurrences);
      if (inlineField && inline![2]!.trim() !== '') current.push(inline![2]!.trim());
      continue;
    }
    current?.push(line);
  }
  return blocks;
}

/** The first run of non-blank lines of a block. */
function firstRun(block: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of block) {
    if (l === '' && out.length > 0) break;
    if (l !== '') out.push(l);
  }
  return out;
}

export function readGeneric(file: SourceFile): ReadResult {
  const lines = toLines(file.content);
  const blocks = labelledBlocks(lines);
  const trial: RawTrial = emptyRawTrial();
  const notes = trial.notes;
  const block = (field: Field) => blocks.get(field)?.[0];
  const scalar = (field: Field): string | null => nonEmpty(block(field) ?? [])[0] ?? null;
  const text = (field: Field): string | null => clean(firstRun(block(field) ?? []).join('\n'));
  const list = (field: Field): string[] => listItems(firstRun(block(field) ?? []).flatMap((i) => i.split(/\s*;\s*/u)));
  const ids = (field: Field): string[] => (blocks.get(field) ?? []).flatMap(firstRun).flatMap((i) => i.split(/\s*;\s*/u));

  trial.title = scalar('title') ?? scalar('officialTitle');
  if (!trial.title) {
    throw new IngestError(file.path, 'the layout of this file is not one the catalogue knows, and no title could be read from it', {
      field: 'title',
      expected: 'a labelled title ("Title:", "Public title:", "Brief title:", "Scientific title:") or a known layout (ClinicalTrials.Veeva, meddatax, MedPath, ClinicalTrials.gov classic or API v2 JSON)',
      found: `no such label; the file starts with ${JSON.stringify(nonEmpty(lines)[0]?.slice(0, 80) ?? '')}`,
    });
  }
  trial.officialTitle = scalar('officialTitle');
  trial.acronym = scalar('acronym');

  for (const value of ids('registryId')) {
    const id = asRegistryId(stripIdAnnotation(value)) ?? findRegistryIds(value)[0] ?? null;
    if (id) trial.registryIds.push(id.id);
    // a value with no digit is a registry's name ("ClinicalTrials.gov"), not an identifier
    else if (/\d/u.test(value)) trial.secondaryIds.push(stripIdAnnotation(value));
  }
  for (const value of ids('secondaryId')) {
    const id = asRegistryId(stripIdAnnotation(value));
    if (id) trial.registryIds.push(id.id);
    else trial.secondaryIds.push(stripIdAnnotation(value));
  }
  if (trial.registryIds.length === 0) {
    // an unlabelled id counts only when the page, outside any related-trials block, names exactly one
    const relatedAt = lines.findIndex((l) => fieldOf(l.replace(/[:：].*$/u, '')) === 'related');
    const body = (relatedAt >= 0 ? lines.slice(0, relatedAt) : lines).join('\n');
    const found = findRegistryIds(body);
    if (found.length === 1) {
      trial.registryIds.push(found[0]!.id);
      notes.push({
        code: 'unlabelled-id',
        field: 'id',
        severity: 'info',
        message: `The registry id ${found[0]!.id} is not labelled on this page; it is the only registry id the page names, so it is taken as this trial's.`,
      });
    } else if (found.length > 1) {
      notes.push({
        code: 'unlabelled-id',
        field: 'id',
        severity: 'warning',
        message: `The page names several registry ids (${found.map((f) => f.id).join(', ')}) without saying which is this trial's; none is used.`,
      });
    }
  }

  trial.status = scalar('status');
  const phase = scalar('phase');
  if (phase) trial.phases.push(phase);
  const enrollment = scalar('enrollment');
  if (enrollment) trial.enrollment = { count: enrollment, type: enrollmentType(enrollment) };
  trial.studyType = scalar('studyType');
  trial.conditions = list('conditions');
  trial.keywords = list('keywords');
  trial.interventions = list('interventions').map((line) => {
    const { type, name } = splitInterventionLine(line.replace(/^intervention\s*\d+\s*[:.)-]\s*/iu, ''));
    return { type, name, description: null, otherNames: [] };
  });
  trial.sponsor = scalar('sponsor');
  trial.collaborators = list('collaborators');
  trial.summary = text('summary');
  trial.description = text('description');

  for (const field of ['start', 'primaryCompletion', 'completion', 'firstPosted', 'lastUpdated'] as const) {
    const value = scalar(field);
    if (value) trial.dates[field] = { text: value, type: null };
  }

  trial.eligibility.sex = scalar('sex');
  applyAgeRange(trial, scalar('ages'));
  const minAge = scalar('minAge');
  if (minAge) trial.eligibility.minAge = parseAgeRange(minAge).min ?? minAge;
  const maxAge = scalar('maxAge');
  if (maxAge) {
    const parsed = parseAgeRange(`up to ${maxAge}`);
    trial.eligibility.maxAge = parsed.max ?? maxAge;
  }
  trial.eligibility.healthyVolunteers = yesNo(scalar('healthyVolunteers'));
  trial.eligibility.inclusion = criteriaBlock(block('inclusion'));
  trial.eligibility.exclusion = criteriaBlock(block('exclusion'));
  trial.locations = list('countries').map((country) => ({ facility: null, city: null, state: null, zip: null, country }));

  trial.design.allocation = scalar('allocation');
  trial.design.masking = scalar('masking');
  trial.design.interventionModel = scalar('interventionModel');
  trial.design.primaryPurpose = scalar('primaryPurpose');

  notes.push({
    code: 'generic-reader',
    field: null,
    severity: 'warning',
    message:
      'This record is in a layout the catalogue has no dedicated reader for. Only clearly labelled fields were read; anything else the page states is missing here — check the source.',
  });
  return { format: 'generic', site: null, trials: [trial] };
}

/** Criteria run until a blank line followed by something that is not a list item. */
function criteriaBlock(block: string[] | undefined): string[] {
  if (!block) return [];
  const out: string[] = [];
  for (let i = 0; i < block.length; i += 1) {
    const line = block[i]!;
    if (line === '') {
      const next = block.slice(i + 1).find((l) => l !== '');
      if (out.length > 0 && (next === undefined || !/^([•*·-]|\d{1,3}[.)])/u.test(next))) break;
      continue;
    }
    out.push(line);
  }
  return listItems(out);
}
