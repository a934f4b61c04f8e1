/**
 * Pieces several page readers share: "Type: Name" intervention lines, identifier lists,
 * age ranges as sites print them, label-glued lines.
 */
import { asRegistryId, findRegistryIds, stripIdAnnotation } from '../registries.ts';
import { collapseDoubled, dedupe } from '../text.ts';
import type { Flag } from '../../schemas/trial.ts';
import type { RawTrial } from '../types.ts';
import { countryCode } from '../countries.ts';

/** Intervention type words as they prefix intervention names ("Biological: …"). */
export const INTERVENTION_PREFIX =
  /^(Biological|Biologic|Drug|Device|Procedure|Procedure\/Surgery|Radiation|Behavioral|Behavioural|Genetic|Dietary Supplement|Combination Product|Diagnostic Test|Other)\s*:\s*(.+)$/iu;

/** "Biological: Mesenchymal cells" → type + name; a line without a type prefix → type null. */
export function splitInterventionLine(line: string): { type: string | null; name: string } {
  const match = INTERVENTION_PREFIX.exec(line.trim());
  if (match) return { type: match[1]!, name: match[2]!.trim() };
  return { type: null, name: line.trim() };
}

/** Arm types as they prefix arm labels on the classic page ("Placebo Comparator: Placebo"). */
export const ARM_PREFIX =
  /^(Experimental|Active Comparator|Placebo Comparator|Sham Comparator|No Intervention|Other)\s*:\s*(.+)$/iu;

/** Display form of an intervention for an arm's list, as ClinicalTrials.gov writes it. */
export function interventionDisplay(type: string | null, name: string): string {
  if (!type) return name;
  const word = type
    .toLowerCase()
    .split(/[_\s]+/u)
    .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
  return `${word}: ${name}`;
}

/**
 * Split a list of identifier lines into this trial's registry ids and its other ids. Lines are
 * stripped of annotations; a line holding several ids yields them all.
 */
export function splitIdentifiers(lines: readonly string[]): { registryIds: string[]; secondaryIds: string[] } {
  const registryIds: string[] = [];
  const secondaryIds: string[] = [];
  for (const raw of lines) {
    const line = stripIdAnnotation(raw.trim());
    if (line === '' || /^(identifier (type|source)|none|n\/a|-)\b/iu.test(line)) continue;
    const whole = asRegistryId(line);
    if (whole) {
      registryIds.push(whole.id);
      continue;
    }
    const embedded = findRegistryIds(line);
    if (embedded.length > 0 && embedded.map((e) => e.id).join('').length >= line.replace(/[^A-Za-z0-9]/gu, '').length - 12) {
      // a line that is essentially ids with a label ("EudraCT: 2019-001234-56")
      registryIds.push(...embedded.map((e) => e.id));
      continue;
    }
    secondaryIds.push(line);
  }
  return { registryIds: dedupe(registryIds), secondaryIds: dedupe(secondaryIds) };
}

const UNIT = '(days?|weeks?|months?|years?|yrs?|y)';

/** An age as a site prints it ("45", "45 months", "18 Years") → "45 Months"; null when not an age. */
export function ageText(value: string, defaultUnit = 'Years'): string | null {
  const match = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*\\+?\\s*${UNIT}?\\.?(?:\\s+(?:old|of age))?$`, 'iu').exec(value.trim());
  if (!match) return null;
  const unit = match[2] ? unitWord(match[2]) : defaultUnit;
  return `${match[1]} ${unit}`;
}

function unitWord(unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('d')) return 'Days';
  if (u.startsWith('w')) return 'Weeks';
  if (u.startsWith('m')) return 'Months';
  return 'Years';
}

/**
 * An age range as sites print it: "45+ months old", "40 to 75 years old", "18 Years to 60 Years",
 * "6 months to 17 years", "Up to 17 years", "18 Years and older", "18+", "undefined", "Any age".
 * Returns the bounds in ClinicalTrials.gov's spelling ("45 Months"); `understood` is false when
 * the text is not a range this function knows (the caller flags it rather than guessing).
 */
export function parseAgeRange(value: string | null): { min: string | null; max: string | null; understood: boolean } {
  if (value == null) return { min: null, max: null, understood: true };
  const text = value
    .trim()
    .replace(/\s*\([^)]*\)\s*$/u, '') // "(Adult, Older Adult)"
    .replace(/\s+(old|of age)$/iu, '')
    .trim();
  if (text === '' || /^(undefined|null|n\/a|not stated|not specified|any age|all ages|no limit|none|-)$/iu.test(text)) {
    return { min: null, max: null, understood: true };
  }
  const num = `(\\d+(?:\\.\\d+)?)\\s*${UNIT}?\\.?`;
  const range = new RegExp(`^${num}\\s*(?:to|-|–|—|and)\\s*${num}$`, 'iu').exec(text);
  if (range) {
    const maxUnit = range[4] ? unitWord(range[4]) : 'Years';
    const minUnit = range[2] ? unitWord(range[2]) : maxUnit;
    return { min: `${range[1]} ${minUnit}`, max: `${range[3]} ${maxUnit}`, understood: true };
  }
  const minOnly =
    new RegExp(`^(?:${num}\\s*(?:\\+|and (?:older|over|above)|or (?:older|over|more)|(?:and|or) up)|(?:at least|over|above|from|min(?:imum)?:?|≥|>=)\\s*${num})$`, 'iu').exec(
      text,
    );
  if (minOnly) {
    const n = minOnly[1] ?? minOnly[3];
    const u = minOnly[2] ?? minOnly[4];
    return { min: `${n} ${u ? unitWord(u) : 'Years'}`, max: null, understood: true };
  }
  const maxOnly = new RegExp(`^(?:up to|under|below|to|max(?:imum)?:?|≤|<=|<)\\s*${num}$|^${num}\\s*(?:and (?:younger|under|below)|or (?:younger|less))$`, 'iu').exec(text);
  if (maxOnly) {
    const n = maxOnly[1] ?? maxOnly[3];
    const u = maxOnly[2] ?? maxOnly[4];
    return { min: null, max: `${n} ${u ? unitWord(u) : 'Years'}`, understood: true };
  }
  const single = ageText(text);
  if (single) return { min: single, max: null, understood: true };
  return { min: null, max: null, understood: false };
}

export function unmapped(field: string, value: string, what: string): Flag {
  return {
    code: 'unmapped-value',
    field,
    severity: 'warning',
    message: `The record states ${what} as "${value}", which is not a value the catalogue knows; it is shown as not stated.`,
  };
}

/** Collapse text a page copy printed twice, with a note when it did. */
export function undouble(value: string | null, field: string, notes: Flag[]): string | null {
  if (value == null) return null;
  const { value: once, doubled } = collapseDoubled(value);
  if (doubled) {
    notes.push({
      code: 'duplicated-text',
      field,
      severity: 'info',
      message: 'The record printed this text twice in a row; it is kept once.',
    });
  }
  return once;
}

/**
 * Lines where a page copy glued a label to its value ("Enrollment11 patients") are split in
 * two, but only when the remainder looks like a value of that label.
 */
export function unglueLabels(lines: readonly string[], rules: readonly { label: string; value: RegExp }[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const rule = rules.find(
      (r) => line.startsWith(r.label) && line.length > r.label.length && r.value.test(line.slice(r.label.length).replace(/^\s*:?\s*/u, '')),
    );
    if (rule) {
      out.push(rule.label, line.slice(rule.label.length).replace(/^\s*:?\s*/u, ''));
    } else out.push(line);
  }
  return out;
}

/** "Yes"/"No" style answers → "true"/"false" text for normalize; null otherwise. */
export function yesNo(value: string | null): string | null {
  if (value == null) return null;
  const v = value.trim().toLowerCase();
  if (/^(no|false|no healthy volunteers|does not accept healthy volunteers|healthy volunteers not accepted)$/u.test(v)) return 'false';
  if (/^(yes|true|accepts healthy volunteers|healthy volunteers accepted|accepts? healthy volunteers)$/u.test(v)) return 'true';
  return value.trim();
}

/**
 * Location entries when the copy holds them: a facility line followed by an address line whose
 * last comma-separated part is the country ("Jakarta, DKI Jakarta, Indonesia"). The leading
 * count of sites and contact lines are skipped.
 */
export function readAddressLocations(lines: readonly string[]): RawTrial['locations'] {
  const rows = lines.filter(
    (l) => !/^\d+$/u.test(l) && !/@|^(contact|phone|tel|email|site \d+|principal investigator)\b/iu.test(l) && !/^\+?[\d ()-]{7,}$/u.test(l),
  );
  const out: RawTrial['locations'] = [];
  for (let i = 0; i + 1 < rows.length; i += 1) {
    const address = rows[i + 1]!;
    if (!address.includes(',')) continue;
    const parts = address.split(/\s*,\s*/u);
    const zipIndex = parts.findIndex((p) => /^[A-Z]{0,2}-?\d{3,6}(-\d{4})?$/u.test(p));
    const zip = zipIndex >= 0 ? parts.splice(zipIndex, 1)[0]! : null;
    // the country is the last part, or the last two when a comma is part of its name ("Korea, Republic of")
    const tailTwo = parts.length >= 3 ? parts.slice(-2).join(', ') : null;
    const country = tailTwo && countryCode(tailTwo) ? (parts.splice(-2), tailTwo) : (parts.pop() ?? null);
    out.push({ facility: rows[i]!, city: parts[0] ?? null, state: parts[1] ?? null, zip, country });
    i += 1;
  }
  return out;
}

/**
 * A line that heads the inclusion or exclusion criteria: "Inclusion Criteria:", "Key Exclusion
 * Criteria", "* Subject Inclusion Criteria:", "Exclusion Criteria: contra-indication". An item
 * that merely mentions criteria ("Meets all inclusion criteria of study X") is not a heading.
 */
export function criteriaHeading(line: string): 'inclusion' | 'exclusion' | null {
  const text = line.trim().replace(/^(?:[*•·-]\s*)+/u, '');
  const match = /^(?:[\w/()-]+\s+){0,3}?(inclusion|exclusion)\s+criteria\b\s*(?::\s*(.*))?$/iu.exec(text);
  if (!match) return null;
  const after = match[2];
  if (after !== undefined && after.trim().split(/\s+/u).length > 4) return null;
  return match[1]!.toLowerCase() as 'inclusion' | 'exclusion';
}

/** "Quadruple (Participant, Care Provider, …)" → masking + who is masked; "None (Open Label)" → none. */
export function splitMasking(text: string | null): { masking: string | null; whoMasked: string[] } {
  if (text == null) return { masking: null, whoMasked: [] };
  const who = /\(([^)]*)\)/u.exec(text)?.[1];
  return {
    masking: text.replace(/\s*\(.*\)\s*$/u, '').trim() || null,
    whoMasked: who && !/open label/iu.test(who) ? who.split(/\s*,\s*/u) : [],
  };
}

/** Read an age-range field into the trial's min/max age, flagging a text no rule understands. */
export function applyAgeRange(trial: RawTrial, text: string | null): void {
  if (!text) return;
  const range = parseAgeRange(text);
  if (!range.understood) trial.notes.push(unmapped('eligibility.minAge', text, 'the eligible ages'));
  trial.eligibility.minAge = range.min;
  trial.eligibility.maxAge = range.max;
}

/** The kind of an enrollment figure from the words around it ("Estimated", "Actual", "Target"). */
export function enrollmentType(text: string): 'ACTUAL' | 'ESTIMATED' | null {
  if (/\bactual\b/iu.test(text)) return 'ACTUAL';
  if (/\b(estimated|anticipated|expected|planned|target)\b/iu.test(text)) return 'ESTIMATED';
  return null;
}
