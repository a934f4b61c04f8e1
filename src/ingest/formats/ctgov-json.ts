/**
 * ClinicalTrials.gov API v2 JSON: one study object, the array that the site's "Download → JSON"
 * produces, or an API page (`{"studies": [...]}`). Every study becomes a trial. The values are
 * already in the contract's vocabulary; this reader only moves them into place.
 */
import { IngestError, emptyRawTrial, showFound, type RawDate, type RawTrial, type ReadResult, type SourceFile } from '../types.ts';
import { criteriaHeading, interventionDisplay } from './common.ts';
import { stripMarker } from '../text.ts';
import { asRegistryId } from '../../domain/registries.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** ClinicalTrials.gov writes its texts in markdown, where any ASCII punctuation may be escaped ("\\*", "\\&"). */
const unescapeMarkdown = (v: string) => v.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? unescapeMarkdown(v) : typeof v === 'number' ? String(v) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const strings = (v: unknown): string[] => arr(v).map(str).filter((s): s is string => s !== null);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

/** The studies a parsed JSON document holds, or null when it is not ClinicalTrials.gov JSON. */
export function studiesOf(doc: unknown): Json[] | null {
  if (Array.isArray(doc)) return doc.length > 0 && doc.every((s) => isObject(s) && isObject(s.protocolSection)) ? (doc as Json[]) : null;
  if (isObject(doc) && isObject(doc.protocolSection)) return [doc];
  if (isObject(doc) && Array.isArray(doc.studies)) return studiesOf(doc.studies);
  return null;
}

export function readCtgovJson(file: SourceFile, parsed?: unknown): ReadResult {
  let doc = parsed;
  if (doc === undefined) {
    try {
      doc = JSON.parse(file.content);
    } catch (error) {
      throw new IngestError(file.path, 'the file is not valid JSON (truncated or damaged?)', {
        expected: 'a ClinicalTrials.gov API v2 study object or array of them',
        found: (error as Error).message,
      });
    }
  }
  const studies = studiesOf(doc);
  if (!studies) {
    throw new IngestError(file.path, 'the JSON is not a ClinicalTrials.gov API v2 study', {
      field: 'protocolSection',
      expected: 'an object with "protocolSection", an array of such objects, or {"studies": [...]}',
      found: showFound(doc),
    });
  }
  return { format: 'ctgov-json', site: 'clinicaltrials.gov', trials: studies.map((s, i) => readStudy(s, file, i)) };
}

function date(struct: unknown): RawDate | null {
  const d = obj(struct);
  const text = str(d.date);
  return text ? { text, type: str(d.type) } : null;
}

function readStudy(study: Json, file: SourceFile, index: number): RawTrial {
  const p = obj(study.protocolSection);
  const id = obj(p.identificationModule);
  const status = obj(p.statusModule);
  const sponsors = obj(p.sponsorCollaboratorsModule);
  const description = obj(p.descriptionModule);
  const conditions = obj(p.conditionsModule);
  const design = obj(p.designModule);
  const designInfo = obj(design.designInfo);
  const masking = obj(designInfo.maskingInfo);
  const armsModule = obj(p.armsInterventionsModule);
  const outcomes = obj(p.outcomesModule);
  const eligibility = obj(p.eligibilityModule);
  const locations = obj(p.contactsLocationsModule);

  const trial = emptyRawTrial();
  const nct = str(id.nctId);
  if (nct === null && !arr(id.secondaryIdInfos).length) {
    throw new IngestError(file.path, `study ${index + 1} has no identification`, {
      field: `[${index}].protocolSection.identificationModule.nctId`,
      expected: 'an NCT number',
      found: showFound(id.nctId),
    });
  }
  if (nct) trial.registryIds.push(nct);
  trial.registryIds.push(...strings(id.nctIdAliases));
  const org = str(obj(id.orgStudyIdInfo).id);
  if (org) trial.secondaryIds.push(org);
  for (const info of arr(id.secondaryIdInfos).map(obj)) {
    const value = str(info.id);
    if (!value) continue;
    const type = str(info.type) ?? '';
    if (asRegistryId(value) && (type === 'EUDRACT_NUMBER' || type === 'CTIS' || type === 'REGISTRY' || type === 'OTHER' || type === '')) {
      trial.registryIds.push(value);
    } else trial.secondaryIds.push(value);
  }

  trial.title = str(id.briefTitle);
  trial.officialTitle = str(id.officialTitle);
  trial.acronym = str(id.acronym);
  trial.status = str(status.overallStatus);
  trial.phases = strings(design.phases);
  trial.studyType = str(design.studyType);
  trial.conditions = strings(conditions.conditions);
  trial.keywords = strings(conditions.keywords);
  // the registry's own vocabulary: MeSH terms it derived from the conditions, and their ancestors
  const browse = obj(obj(study.derivedSection).conditionBrowseModule);
  trial.conditionMesh = {
    terms: arr(browse.meshes).map((m) => str(obj(m).term)).filter((t): t is string => t !== null),
    ancestors: arr(browse.ancestors).map((m) => str(obj(m).term)).filter((t): t is string => t !== null),
  };
  trial.sponsor = str(obj(sponsors.leadSponsor).name);
  trial.collaborators = arr(sponsors.collaborators).map((c) => str(obj(c).name)).filter((c): c is string => c !== null);
  // agency classes: the lead sponsor's first, then the collaborators' (as "Funded Bys" lists them)
  trial.funderTypes = [obj(sponsors.leadSponsor), ...arr(sponsors.collaborators).map(obj)]
    .map((party) => str(party.class))
    .filter((c): c is string => c !== null);
  trial.summary = str(description.briefSummary);
  trial.description = str(description.detailedDescription);

  const enrollment = obj(design.enrollmentInfo);
  if (enrollment.count !== undefined && enrollment.count !== null) {
    trial.enrollment = { count: String(enrollment.count), type: str(enrollment.type) };
  }
  trial.design = {
    allocation: str(designInfo.allocation),
    interventionModel: str(designInfo.interventionModel),
    primaryPurpose: str(designInfo.primaryPurpose),
    masking: str(masking.masking),
    whoMasked: strings(masking.whoMasked),
    observationalModel: str(designInfo.observationalModel),
    timePerspective: str(designInfo.timePerspective),
    expandedAccessTypes: Object.entries(obj(design.expandedAccessTypes))
      .filter(([, on]) => on === true)
      .map(([kind]) => kind),
  };

  trial.interventions = arr(armsModule.interventions)
    .map(obj)
    .filter((iv) => str(iv.name))
    .map((iv) => ({ type: str(iv.type), name: str(iv.name)!, description: str(iv.description), otherNames: strings(iv.otherNames) }));
  trial.arms = arr(armsModule.armGroups)
    .map(obj)
    .filter((arm) => str(arm.label))
    .map((arm) => ({
      label: str(arm.label)!,
      type: str(arm.type),
      description: str(arm.description),
      interventions: strings(arm.interventionNames),
    }));
  // an intervention that names its arms but is missing from the arms' lists is added there
  for (const iv of trial.interventions) {
    for (const label of strings(arr(armsModule.interventions).map(obj).find((x) => x.name === iv.name)?.armGroupLabels)) {
      const arm = trial.arms.find((a) => a.label === label);
      const display = interventionDisplay(iv.type, iv.name);
      if (arm && !arm.interventions.some((x) => x.toLowerCase() === display.toLowerCase())) arm.interventions.push(display);
    }
  }

  const outcome = (o: unknown) => {
    const x = obj(o);
    return { measure: str(x.measure) ?? '', timeFrame: str(x.timeFrame), description: str(x.description) };
  };
  trial.outcomes = {
    primary: arr(outcomes.primaryOutcomes).map(outcome),
    secondary: arr(outcomes.secondaryOutcomes).map(outcome),
    other: arr(outcomes.otherOutcomes).map(outcome),
    unclassified: [],
  };

  const criteria = splitCriteria(str(eligibility.eligibilityCriteria));
  trial.eligibility = {
    sex: str(eligibility.sex),
    minAge: str(eligibility.minimumAge),
    maxAge: str(eligibility.maximumAge),
    healthyVolunteers: typeof eligibility.healthyVolunteers === 'boolean' ? String(eligibility.healthyVolunteers) : null,
    ageGroups: strings(eligibility.stdAges),
    inclusion: criteria.inclusion,
    exclusion: criteria.exclusion,
  };
  if (criteria.unsectioned) {
    trial.notes.push({
      code: 'criteria-not-sectioned',
      field: 'eligibility.inclusion',
      severity: 'info',
      message: 'The eligibility criteria have no "Inclusion"/"Exclusion" headings; every item is listed under inclusion.',
    });
  }

  trial.dates = {
    start: date(status.startDateStruct),
    primaryCompletion: date(status.primaryCompletionDateStruct),
    completion: date(status.completionDateStruct),
    firstPosted: date(status.studyFirstPostDateStruct),
    lastUpdated: date(status.lastUpdatePostDateStruct),
    resultsFirstPosted: date(status.resultsFirstPostDateStruct),
  };
  trial.locations = arr(locations.locations).map((l) => {
    const x = obj(l);
    return { facility: str(x.facility), city: str(x.city), state: str(x.state), zip: str(x.zip), country: str(x.country) };
  });
  trial.hasResults = typeof study.hasResults === 'boolean' ? study.hasResults : null;
  trial.documents = arr(obj(obj(study.documentSection).largeDocumentModule).largeDocs)
    .map(obj)
    .map((doc) => ({ label: str(doc.label) ?? str(doc.typeAbbrev) ?? '', url: nct ? providedDocUrl(nct, str(doc.filename)) : null }))
    .filter((doc) => doc.label !== '');
  return trial;
}

/** Where ClinicalTrials.gov serves a study's uploaded document: ProvidedDocs/<last two digits>/<NCT>/<file>. */
export function providedDocUrl(nct: string, filename: string | null): string | null {
  if (!filename || !/^[\w.-]+$/u.test(filename)) return null;
  return `https://clinicaltrials.gov/ProvidedDocs/${nct.slice(-2)}/${nct}/${filename}`;
}

/**
 * ClinicalTrials.gov keeps the criteria as one markdown text with "Inclusion Criteria:" and
 * "Exclusion Criteria:" headings and "*" items (nested items indented). Each item becomes one
 * entry; text before the first heading counts as inclusion.
 */
export function splitCriteria(text: string | null): { inclusion: string[]; exclusion: string[]; unsectioned: boolean } {
  const inclusion: string[] = [];
  const exclusion: string[] = [];
  if (!text) return { inclusion, exclusion, unsectioned: false };
  let target: string[] | null = null;
  let sawHeading = false;
  const pre: string[] = [];
  for (const raw of text.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === '') continue;
    const heading = criteriaHeading(line);
    if (heading) {
      target = heading === 'inclusion' ? inclusion : exclusion;
      sawHeading = true;
      continue;
    }
    const { text: item, marker } = stripMarker(line);
    if (item === '') continue;
    const isItem = marker !== null;
    const list: string[] = target ?? pre;
    // an unmarked line continues the previous item when that item has not ended
    if (!isItem && list.length > 0 && /^[a-z(]/u.test(item)) list[list.length - 1] += ` ${item}`;
    else list.push(item);
  }
  return { inclusion: [...pre, ...inclusion], exclusion, unsectioned: !sawHeading && pre.length > 0 };
}
