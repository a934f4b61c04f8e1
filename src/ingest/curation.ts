/**
 * Curation overlays: content/curation/<trial id>.yaml corrects fields and classifications of one
 * trial, each change with a reason and a reviewer. Curated values win; the original value stays
 * in the provenance so pages can show both. An overlay that names an unknown trial or field, or
 * gives a value of the wrong shape, stops the build with the file, the field, what was expected
 * and what was found. YAML is read by the `yaml` library and checked by zod.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { TrialObjectShape, type Therapy } from '../schemas/trial.ts';
import { CELL_SOURCE, DONOR, PRODUCT, ROUTE } from '../domain/vocabulary.ts';
import { IngestError, showFound } from './types.ts';

/** Fields an overlay may set: everything a record states. Ids, sources, flags and countries are derived. */
export const CURATABLE = [
  'title',
  'officialTitle',
  'acronym',
  'status',
  'phases',
  'studyType',
  'conditions',
  'keywords',
  'sponsor',
  'collaborators',
  'funderTypes',
  'summary',
  'description',
  'enrollment',
  'design.allocation',
  'design.interventionModel',
  'design.primaryPurpose',
  'design.masking',
  'design.whoMasked',
  'design.observationalModel',
  'design.timePerspective',
  'design.expandedAccessTypes',
  'arms',
  'interventions',
  'outcomes',
  'eligibility.sex',
  'eligibility.minAge',
  'eligibility.maxAge',
  'eligibility.healthyVolunteers',
  'eligibility.ageGroups',
  'eligibility.inclusion',
  'eligibility.exclusion',
  'dates.start',
  'dates.primaryCompletion',
  'dates.completion',
  'dates.firstPosted',
  'dates.lastUpdated',
  'dates.resultsFirstPosted',
  'locations',
  'hasResults',
  'documents',
  // the scope verdict: the curator's reason replaces the screening's, its evidence stays
  'scope.value',
] as const;
export type CuratableField = (typeof CURATABLE)[number];

const FACET_VALUES = {
  products: Object.keys(PRODUCT),
  cellSources: Object.keys(CELL_SOURCE),
  donor: Object.keys(DONOR),
  routes: Object.keys(ROUTE),
} as const;

const who = z.string().trim().min(1);
const reason = z.string().trim().min(10, 'give a reason of at least a short sentence');

export const CurationSchema = z
  .object({
    /** the trial; optional when the file is named after it */
    trial: z.string().min(1).optional(),
    reviewer: who.optional(),
    date: z.coerce.date().optional(),
    corrections: z
      .array(
        z
          .object({
            field: z.enum(CURATABLE),
            value: z.unknown(),
            reason,
            reviewer: who.optional(),
          })
          .strict(),
      )
      .default([]),
    classifications: z
      .array(
        z
          .object({
            facet: z.enum(['products', 'cellSources', 'donor', 'routes']),
            set: z.array(z.string()).optional(),
            add: z.array(z.string()).optional(),
            remove: z.array(z.string()).optional(),
            reason,
            reviewer: who.optional(),
          })
          .strict()
          .refine((c) => c.set || c.add || c.remove, 'expected one of set, add or remove'),
      )
      .default([]),
  })
  .strict();
export type Curation = z.infer<typeof CurationSchema>;

export interface CuratedChange {
  field: string;
  reviewer: string;
  reason: string;
  date: string | null;
  original: unknown;
}

/** The zod schema of one curatable field, taken from the trial schema itself. */
function fieldSchema(field: CuratableField): z.ZodType {
  const [head, tail] = field.split('.') as [keyof typeof TrialObjectShape, string | undefined];
  const top = TrialObjectShape[head] as unknown as z.ZodType;
  if (!tail) return top;
  const inner = (top as unknown as { shape: Record<string, z.ZodType> }).shape;
  return inner[tail]!;
}

export interface CurationFile {
  path: string;
  content: string;
}

/** Read and check one overlay file; returns the trial id it applies to and its changes. */
export function readCuration(file: CurationFile): { trial: string; curation: Curation } {
  let doc: unknown;
  try {
    doc = parseYaml(file.content);
  } catch (error) {
    throw new IngestError(file.path, 'the curation file is not valid YAML', { expected: 'YAML', found: (error as Error).message.split('\n')[0] });
  }
  const parsed = CurationSchema.safeParse(doc ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    let found: unknown = doc;
    for (const key of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const field = issue.path.map(String).join('.');
    const unknownKey = issue.code === 'unrecognized_keys' ? ` (${(issue as { keys: string[] }).keys.join(', ')})` : '';
    throw new IngestError(file.path, `the curation file does not match its schema${unknownKey}`, {
      field: field || '(the file)',
      expected: issue.message,
      found: showFound(found),
    });
  }
  const curation = parsed.data;
  const fromName = file.path.split('/').pop()!.replace(/\.ya?ml$/iu, '');
  const trial = curation.trial ?? fromName;
  for (const [i, c] of curation.corrections.entries()) {
    if (!c.reviewer && !curation.reviewer) {
      throw new IngestError(file.path, 'a correction has no reviewer', { field: `corrections.${i}.reviewer`, expected: 'a reviewer name here or at the top of the file', found: 'nothing' });
    }
    const check = fieldSchema(c.field).safeParse(c.value);
    if (!check.success) {
      const issue = check.error.issues[0]!;
      throw new IngestError(file.path, `the value for ${c.field} does not fit that field`, {
        field: `corrections.${i}.value${issue.path.length ? `.${issue.path.join('.')}` : ''}`,
        expected: issue.message,
        found: showFound(c.value),
      });
    }
  }
  for (const [i, c] of curation.classifications.entries()) {
    if (!c.reviewer && !curation.reviewer) {
      throw new IngestError(file.path, 'a classification has no reviewer', { field: `classifications.${i}.reviewer`, expected: 'a reviewer name here or at the top of the file', found: 'nothing' });
    }
    const allowed: readonly string[] = FACET_VALUES[c.facet];
    for (const v of [...(c.set ?? []), ...(c.add ?? []), ...(c.remove ?? [])]) {
      if (!allowed.includes(v)) {
        throw new IngestError(file.path, `unknown ${c.facet} value`, { field: `classifications.${i}`, expected: `one of ${allowed.join(', ')}`, found: showFound(v) });
      }
    }
  }
  return { trial, curation };
}

const get = (obj: Record<string, unknown>, path: string) => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], obj);
function set(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  const last = keys.pop()!;
  const target = keys.reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, obj);
  target[last] = value;
}

/** Apply an overlay's corrections to a trial's fields; returns the changes with their originals. */
export function applyCorrections<T extends Record<string, unknown>>(trial: T, curation: Curation): CuratedChange[] {
  const date = curation.date ? curation.date.toISOString().slice(0, 10) : null;
  return curation.corrections.map((c) => {
    if (c.field === 'scope.value') {
      const original = structuredClone(trial.scope) as { value: string; reason: string; evidence: unknown[] };
      (trial as Record<string, unknown>).scope = { value: c.value, reason: `A curator decided: ${c.reason}`, evidence: original.evidence };
      return { field: 'scope', reviewer: c.reviewer ?? curation.reviewer!, reason: c.reason, date, original };
    }
    const original = structuredClone(get(trial, c.field) ?? null);
    set(trial, c.field, structuredClone(c.value));
    if (c.field === 'locations') {
      (trial as Record<string, unknown>).countries = [
        ...new Set((c.value as { country: string | null }[]).map((l) => l.country).filter((x): x is string => !!x)),
      ];
    }
    return { field: c.field, reviewer: c.reviewer ?? curation.reviewer!, reason: c.reason, date, original };
  });
}

/** Apply an overlay's classifications to the MSC facets; returns the changes with their originals. */
export function applyClassifications(therapy: Therapy, curation: Curation): CuratedChange[] {
  const date = curation.date ? curation.date.toISOString().slice(0, 10) : null;
  return curation.classifications.map((c) => {
    const original = [...therapy[c.facet]];
    let values: string[] = c.set ? [...c.set] : [...original];
    values = [...values, ...(c.add ?? [])].filter((v) => !(c.remove ?? []).includes(v));
    const order: readonly string[] = FACET_VALUES[c.facet];
    (therapy as Record<string, string[]>)[c.facet] = [...new Set(values)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    return { field: `therapy.${c.facet}`, reviewer: c.reviewer ?? curation.reviewer!, reason: c.reason, date, original };
  });
}
