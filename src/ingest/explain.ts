/**
 * What a reading of a record file got and what it did not, in plain words, for the curator
 * command (`npm run trial -- <file>`): the contract fields read, and for every field left null or
 * empty, why — the flag that quotes what the record stated, or that no field of the record states it.
 */
import type { Trial } from '../schemas/trial.ts';

/** The contract fields, as dotted paths, that a record can state (`id` and the derived ones left out). */
export const CONTRACT_FIELDS = [
  'registryIds', 'secondaryIds', 'title', 'officialTitle', 'acronym', 'status', 'phases', 'studyType', 'conditions', 'keywords', 'sponsor',
  'collaborators', 'funderTypes', 'summary', 'description', 'enrollment', 'design.allocation', 'design.interventionModel', 'design.primaryPurpose',
  'design.masking', 'design.whoMasked', 'design.observationalModel', 'design.timePerspective', 'design.expandedAccessTypes', 'arms', 'interventions',
  'outcomes.primary', 'outcomes.secondary', 'outcomes.other', 'outcomes.unclassified', 'eligibility.sex', 'eligibility.minAge', 'eligibility.maxAge',
  'eligibility.healthyVolunteers', 'eligibility.ageGroups', 'eligibility.inclusion', 'eligibility.exclusion', 'dates.start', 'dates.primaryCompletion',
  'dates.completion', 'dates.firstPosted', 'dates.lastUpdated', 'dates.resultsFirstPosted', 'locations', 'countries', 'hasResults', 'documents',
] as const;
export type ContractField = (typeof CONTRACT_FIELDS)[number];

export function valueAt(trial: Trial, path: ContractField): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | null)?.[k], trial);
}

/** Whether a field holds nothing; `locations` counts as empty when no site (facility or city) is named. */
export function isEmptyField(trial: Trial, path: ContractField): boolean {
  const v = valueAt(trial, path);
  if (path === 'locations') return !(v as Trial['locations']).some((l) => l.facility || l.city);
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

export interface Explanation {
  read: ContractField[];
  /** fields left null or empty, each with why */
  notRead: { field: ContractField; why: string }[];
}

/** The flags that speak of a field (a flag on "dates.start.type" or "locations[0].country" speaks of its field). */
function flagsOn(trial: Trial, field: ContractField) {
  return trial.flags.filter((f) => f.field !== null && (f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`)));
}

export function explainTrial(trial: Trial): Explanation {
  const read: ContractField[] = [];
  const notRead: Explanation['notRead'] = [];
  for (const field of CONTRACT_FIELDS) {
    if (!isEmptyField(trial, field)) {
      read.push(field);
      continue;
    }
    const flag = flagsOn(trial, field).find((f) => f.code === 'unmapped-value' || f.code === 'ambiguous-value' || f.code === 'unsplit-list');
    notRead.push({ field, why: flag ? flag.message : 'no field of the record states it' });
  }
  return { read, notRead };
}

/** The explanation as lines of text. */
export function explanationLines(trial: Trial, ignored: readonly string[] = []): string[] {
  const { read, notRead } = explainTrial(trial);
  const lines = [`    read (${read.length}): ${read.join(', ')}`];
  const stated = notRead.filter((n) => n.why !== 'no field of the record states it');
  const absent = notRead.filter((n) => n.why === 'no field of the record states it');
  for (const n of stated) lines.push(`    not read: ${n.field} — ${n.why}`);
  if (absent.length) lines.push(`    not stated in any field the reader knows (${absent.length}): ${absent.map((n) => n.field).join(', ')}`);
  if (ignored.length) lines.push(`    labels on the page that no field reads: ${[...new Set(ignored)].join(', ')}`);
  return lines;
}
