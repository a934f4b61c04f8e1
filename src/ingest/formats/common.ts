/**
 * Pieces several page readers share: "Type: Name" intervention lines, identifier lists,
 * age ranges as sites print them, label-glued lines.
 */
import { asRegistryId, findRegistryIds, stripIdAnnotation } from '../../domain/registries.ts';
import { collapseDoubled, dedupe } from '../text.ts';
import type { Flag } from '../../schemas/trial.ts';
import type { RawTrial } from '../types.ts';
import { countryCode } from '../../domain/countries.ts';

/** Intervention type words as they prefix intervention names ("Biological: …"). */
export const INTERVENTION_PREFIX =
  /^(Biological|Biologic|Drug|Device|Procedure|Procedure\/Surgery|Radiation|Behavioral|Behavioural|Genetic|Dietary[ _]Supplement|Combination[ _]Product|Diagnostic[ _]Test|Other)\s*:\s*(.+)$/iu;

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

/**
 * A day-first date as registries outside the US print it ("23/06/2021", "29-01-2010",
 * "24/11/2010 00:00") → ISO "2021-06-23". `dayFirst` says the site writes day before month; without
 * it a date is converted only when its first number cannot be a month (13–31). Other text is
 * returned unchanged for normalize to read.
 */
export function isoDayFirst(text: string, dayFirst: boolean): string {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u.exec(text.trim());
  if (!match) return text;
  const [, a, b, year] = match as unknown as [string, string, string, string];
  const day = Number(a);
  const month = Number(b);
  if (!dayFirst && day <= 12) return text;
  if (month < 1 || month > 12 || day < 1 || day > 31) return text;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** An age as registries print it: "18.00 Year(s)", ">= 20age old", "18Y", "18 years old" → "18 Years" style text for parseAgeRange. */
export function ageWords(text: string): string {
  return text
    .trim()
    .replace(/\(s\)/giu, 's')
    .replace(/(\d)\.0+\b/gu, '$1')
    .replace(/(\d)\s*age\s*old\b/giu, '$1 years')
    .replace(/(\d)\s*Y\b/gu, '$1 years')
    .replace(/(\d)\s*M\b/gu, '$1 months')
    .replace(/\s+/gu, ' ');
}

export interface DesignParts {
  allocation: string | null;
  interventionModel: string | null;
  masking: string | null;
  primaryPurpose: string | null;
}

/**
 * A study design written as one text — "Randomized, Parallel Group, Placebo Controlled Trial",
 * "Randomization: randomized, Blinding: double blinded", "Single Arm Trial", "Method of
 * allocation concealment:Not Applicable Blinding and masking:Open Label" — cut into its parts.
 * A part counts only when it names a value of one design vocabulary (its key, when it has one,
 * says which); parts that name nothing ("Placebo Controlled Trial") are left out, never guessed.
 * `lookup` maps a part to a vocabulary value (normalize's termOf), given which vocabulary to try.
 */
export function designParts(text: string, lookup: (vocab: keyof DesignParts, part: string) => boolean): DesignParts {
  const out: DesignParts = { allocation: null, interventionModel: null, masking: null, primaryPurpose: null };
  const keyed: [RegExp, keyof DesignParts][] = [
    [/^(randomi[sz]ation|allocation)$/iu, 'allocation'],
    [/^(blinding( and masking)?|masking( \/ blinding)?|blinding\/masking)$/iu, 'masking'],
    [/^(assignment|intervention (model|assignment)|basic design|design)$/iu, 'interventionModel'],
    [/^(purpose|primary purpose)$/iu, 'primaryPurpose'],
  ];
  // "Key:Value Key:Value" pairs run together: cut before every "Words:" that follows a value
  const pieces = text
    .replace(/\s+(?=(?:[A-Z][a-z]+(?: [a-z]+){0,5}):)/gu, '\n')
    .split(/\n|[,;]\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  // EU CTR answers each design question with yes or no ("Randomised: yes Double blind: yes")
  const answers: [RegExp, keyof DesignParts, string][] = [
    [/^randomi[sz]ed$/iu, 'allocation', 'Randomized'],
    [/^open$/iu, 'masking', 'Open label'],
    [/^single blind$/iu, 'masking', 'Single'],
    [/^double blind$/iu, 'masking', 'Double'],
    [/^parallel group$/iu, 'interventionModel', 'Parallel'],
    [/^cross ?over$/iu, 'interventionModel', 'Crossover'],
  ];
  for (const piece of pieces) {
    const answer = /^([^:]{3,40}):\s*(yes|no)$/iu.exec(piece);
    if (answer) {
      const hit = answers.find(([q]) => q.test(answer[1]!.trim()));
      if (hit && /yes/iu.test(answer[2]!) && out[hit[1]] === null) out[hit[1]] = hit[2];
      continue;
    }
    const pair = /^([^:]{3,60}):\s*(.+)$/u.exec(piece);
    if (pair) {
      const slot = keyed.find(([k]) => k.test(pair[1]!.trim()))?.[1];
      if (slot && out[slot] === null && lookup(slot, pair[2]!.trim())) out[slot] = pair[2]!.trim();
      continue;
    }
    for (const slot of ['allocation', 'interventionModel', 'masking', 'primaryPurpose'] as const) {
      if (out[slot] === null && lookup(slot, piece)) {
        out[slot] = piece;
        break;
      }
    }
  }
  return out;
}

/** "Human pharmacology (Phase I): yes … Therapeutic confirmatory (Phase III): no" → ["Phase I"]. */
export function phasesAnswered(text: string): string[] {
  return [...text.matchAll(/\((Phase\s+(?:I{1,3}|IV))\)\s*:?\s*(yes|no)\b/giu)].filter((m) => /yes/iu.test(m[2]!)).map((m) => m[1]!);
}
