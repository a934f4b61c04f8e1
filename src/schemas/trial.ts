/**
 * The zod schema of one trial: the public data contract of TRIAL-RECORD.md, and the one
 * `Trial` type used everywhere (ingestion, loader, pages, data endpoints).
 *
 * `CatalogueEntrySchema` extends it with what the collection keeps beside the contract
 * (per-field provenance, the evidence behind the MSC facets); the public endpoints publish
 * `TrialSchema` only.
 */
import { z } from 'astro/zod';
import {
  AGE_GROUP,
  ALLOCATION,
  ARM_TYPE,
  CELL_SOURCE,
  DATE_TYPE,
  DONOR,
  EXPANDED_ACCESS_TYPE,
  FORMAT,
  FUNDER_TYPE,
  INTERVENTION_MODEL,
  INTERVENTION_TYPE,
  MASKING,
  OBSERVATIONAL_MODEL,
  PHASE,
  PRIMARY_PURPOSE,
  PRODUCT,
  ROUTE,
  SCOPE,
  SEVERITY,
  SEX,
  STATUS,
  STUDY_TYPE,
  TIME_PERSPECTIVE,
  WHO_MASKED,
  valuesOf,
} from '../domain/vocabulary.ts';

const text = z.string().min(1);
const enumOf = <V extends string>(vocab: Readonly<Record<V, unknown>>) =>
  z.enum(Object.keys(vocab) as [V, ...V[]]);

export const StatusSchema = enumOf(STATUS);
export const PhaseSchema = enumOf(PHASE);
export const FormatSchema = enumOf(FORMAT);

const AgeSchema = z
  .object({
    text: text.describe('The age as the record states it, e.g. "45 Months"'),
    years: z.number().min(0).describe('The age in years: months ÷ 12, weeks ÷ 52.1775, days ÷ 365.25'),
  })
  .strict();

const DateSchema = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD')
      .describe('ISO date at the precision the record gives'),
    type: enumOf(DATE_TYPE).nullable(),
  })
  .strict();

const OutcomeSchema = z
  .object({
    measure: text,
    timeFrame: text.nullable(),
    description: text.nullable().describe('Detailed description'),
  })
  .strict();

export const FlagSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case code'),
    field: z.string().nullable().describe('The record field the flag is about, as a dotted path'),
    severity: enumOf(SEVERITY),
    message: text,
  })
  .strict();

export const SourceSchema = z
  .object({
    file: text.describe('Path of the record file relative to content/sources/'),
    format: FormatSchema,
    site: z.string().nullable().describe('The site the record was copied from, when known'),
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD')
      .nullable()
      .describe("The record's last-update date (or its retrieval date) when it states one; newer records win facts that change over time"),
    retrieved: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
      .nullable()
      .describe('When the catalogue retrieved the record from its registry (the import manifest, or content/sources/_retrieved.yaml for files placed by hand), when known; else null'),
    row: z
      .number()
      .int()
      .min(2)
      .nullable()
      .describe('For a row of a CSV download: its row in the file, counting the header as row 1 (as a spreadsheet shows it); else null'),
  })
  .strict();

const TrialObject = z
  .object({
    id: text.describe("The trial's primary registry id; the permalink is /trials/<id>/"),
    registryIds: z.array(text).describe('Every registry id of the trial, id first; [] when the record states none'),
    secondaryIds: z.array(text).describe('Other identifiers (sponsor protocol numbers, grant numbers), without annotations'),
    title: text.describe('Brief title as displayed'),
    officialTitle: text.nullable().describe('Official (scientific) title'),
    acronym: text.nullable().describe('Acronym of the trial'),
    status: StatusSchema.nullable().describe('Overall recruitment status (ClinicalTrials.gov API v2 enum)'),
    phases: z.array(PhaseSchema).describe('Phases, ascending'),
    studyType: enumOf(STUDY_TYPE).nullable().describe('Interventional, observational or expanded access'),
    conditions: z.array(text).describe('Conditions as stated, one entry per condition'),
    keywords: z.array(text).describe('Keywords as stated'),
    conditionMesh: z
      .object({
        terms: z.array(text).describe('MeSH terms the registry derived from the conditions'),
        ancestors: z.array(text).describe('Their ancestors in the MeSH tree'),
      })
      .strict()
      .nullable()
      .describe("The registry's MeSH vocabulary for the conditions (ClinicalTrials.gov API v2 derivedSection.conditionBrowseModule); null when no record of the trial carries it (CSV downloads, page copies)"),
    sponsor: text.nullable().describe('Lead sponsor as written, without a class suffix such as "(Other)"'),
    collaborators: z.array(text).describe('Collaborating organisations'),
    funderTypes: z
      .array(enumOf(FUNDER_TYPE))
      .describe('Agency classes of the lead sponsor and collaborators (ClinicalTrials.gov "Funded Bys"), lead sponsor first'),
    summary: text.nullable().describe('Brief summary'),
    description: text.nullable().describe('Detailed description'),
    enrollment: z
      .object({
        count: z.number().int().min(0),
        type: z.enum(['ACTUAL', 'ESTIMATED']).nullable(),
      })
      .strict()
      .nullable()
      .describe('Enrollment from an enrollment field (never from prose), actual or estimated'),
    design: z
      .object({
        allocation: enumOf(ALLOCATION).nullable(),
        interventionModel: enumOf(INTERVENTION_MODEL).nullable(),
        primaryPurpose: enumOf(PRIMARY_PURPOSE).nullable(),
        masking: enumOf(MASKING).nullable(),
        whoMasked: z.array(enumOf(WHO_MASKED)),
        observationalModel: enumOf(OBSERVATIONAL_MODEL).nullable().describe('For observational studies'),
        timePerspective: enumOf(TIME_PERSPECTIVE).nullable().describe('For observational studies'),
        expandedAccessTypes: z.array(enumOf(EXPANDED_ACCESS_TYPE)).describe('For expanded access: individual patients, intermediate-size population, treatment IND/protocol'),
      })
      .strict()
      .describe('Allocation, intervention model, primary purpose, masking and who is masked; observational model and time perspective; kinds of expanded access'),
    arms: z.array(
      z
        .object({
          label: text,
          type: enumOf(ARM_TYPE).nullable(),
          description: text.nullable().describe('Detailed description'),
          interventions: z.array(text),
        })
        .strict(),
    ).describe('Arms or groups, with their type and the interventions they receive ("Biological: Name")'),
    interventions: z.array(
      z
        .object({
          type: enumOf(INTERVENTION_TYPE).nullable(),
          name: text,
          description: text.nullable().describe('Detailed description'),
          otherNames: z.array(text),
        })
        .strict(),
    ).describe('Interventions with their type, description and other names'),
    outcomes: z
      .object({
        primary: z.array(OutcomeSchema),
        secondary: z.array(OutcomeSchema),
        other: z.array(OutcomeSchema).describe('Other pre-specified outcome measures'),
        unclassified: z
          .array(OutcomeSchema)
          .describe('Measures a record lists without saying whether they are primary, secondary or other (the classic CSV download); dropped when another record of the trial classifies the same measure'),
      })
      .strict()
      .describe('Primary, secondary and other outcome measures with time frames, and measures listed without a class'),
    eligibility: z
      .object({
        sex: enumOf(SEX).nullable(),
        minAge: AgeSchema.nullable(),
        maxAge: AgeSchema.nullable(),
        healthyVolunteers: z.boolean().nullable(),
        ageGroups: z.array(enumOf(AGE_GROUP)).describe('ClinicalTrials.gov age groups: child (under 18), adult (18–64), older adult (65+)'),
        inclusion: z.array(text),
        exclusion: z.array(text),
      })
      .strict()
      .describe('Sex, ages (from the age fields only, with their text), healthy volunteers, inclusion and exclusion criteria as item lists'),
    dates: z
      .object({
        start: DateSchema.nullable(),
        primaryCompletion: DateSchema.nullable(),
        completion: DateSchema.nullable(),
        firstPosted: DateSchema.nullable(),
        lastUpdated: DateSchema.nullable(),
        resultsFirstPosted: DateSchema.nullable(),
      })
      .strict()
      .describe('Start, primary completion, completion, first posted, last update and results first posted dates, each actual or estimated'),
    locations: z.array(
      z
        .object({
          facility: text.nullable(),
          city: text.nullable(),
          state: text.nullable(),
          zip: text.nullable(),
          country: text.nullable(),
        })
        .strict(),
    ).describe('Sites: facility, city, state, postal code, country'),
    countries: z.array(text).describe('Distinct countries of the locations, English short names'),
    hasResults: z.boolean().nullable().describe('Whether results are posted at the source'),
    documents: z
      .array(z.object({ label: text, url: z.url().nullable() }).strict())
      .describe('Study documents the registry holds (protocol, statistical analysis plan, consent form), with their links'),
    scope: z
      .object({
        value: enumOf(SCOPE),
        reason: text.describe('Why, in a sentence'),
        evidence: z
          .array(
            z
              .object({
                field: text.describe('The record field, as a dotted path ("interventions[0].name")'),
                match: text.describe('The words that decided'),
                quote: text.describe('The sentence or phrase they stand in'),
              })
              .strict(),
          )
          .describe('The words and fields that decided, strongest first'),
      })
      .strict()
      .describe('Is this a trial of an MSC product? MSC, MSC_CONTAINING (minimally manipulated, MSC-containing), UNCLEAR (published, flagged) or OTHER (screened out)'),
    therapy: z
      .object({
        products: z.array(enumOf(PRODUCT)),
        cellSources: z.array(enumOf(CELL_SOURCE)),
        donor: z.array(enumOf(DONOR)),
        routes: z.array(enumOf(ROUTE)),
      })
      .strict()
      .describe('MSC facets derived by the catalogue: products, cell sources, donor, routes'),
    sources: z.array(SourceSchema).min(1).describe('One entry per record file merged into this trial'),
    flags: z.array(FlagSchema).describe('Data-quality flags: contradictions, gaps, oddities'),
  })
  .strict();

/** The contract's rules that span fields: the id comes first among the registry ids; phases ascend. */
function checkTrial(t: z.infer<typeof TrialObject>, ctx: z.RefinementCtx): void {
  if (t.registryIds.length > 0 && t.registryIds[0] !== t.id) {
    ctx.addIssue({ code: 'custom', path: ['registryIds', 0], message: `expected the trial's id (${t.id}) first`, input: t.registryIds[0] });
  }
  if (t.registryIds.length === 0 && !/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(t.id)) {
    ctx.addIssue({ code: 'custom', path: ['id'], message: 'expected a registry id, or a lower-case slug when the record states none', input: t.id });
  }
  const order = Object.keys(PHASE);
  if (t.phases.some((p, i) => i > 0 && order.indexOf(p) <= order.indexOf(t.phases[i - 1]!))) {
    ctx.addIssue({ code: 'custom', path: ['phases'], message: 'expected distinct phases in ascending order', input: t.phases });
  }
}

export const TrialSchema = TrialObject.superRefine(checkTrial);
/** The fields of the record schema, for code that checks one field (curation overlays). */
export const TrialObjectShape = TrialObject.shape;
/** The contract's field names, in contract order. */
export const TRIAL_FIELDS = Object.keys(TrialObject.shape) as (keyof z.infer<typeof TrialObject>)[];

export type Trial = z.infer<typeof TrialSchema>;
export type Flag = z.infer<typeof FlagSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Status = z.infer<typeof StatusSchema>;
export type Phase = z.infer<typeof PhaseSchema>;
export type Format = z.infer<typeof FormatSchema>;
export type TrialDates = Trial['dates'];
export type TrialDate = NonNullable<TrialDates['start']>;
export type Age = NonNullable<Trial['eligibility']['minAge']>;
export type Therapy = Trial['therapy'];
export type Scope = Trial['scope'];
export type ScopeValue = Scope['value'];
export type Outcome = Trial['outcomes']['primary'][number];
export type Arm = Trial['arms'][number];
export type Intervention = Trial['interventions'][number];
export type TrialLocation = Trial['locations'][number];

/** Why a therapy facet was assigned: the field and the words that matched. */
export const FacetEvidenceSchema = z
  .object({
    facet: z.enum(['products', 'cellSources', 'donor', 'routes']),
    value: z.string(),
    field: z.string(),
    match: z.string(),
    /** the sentence or phrase the match stands in, so a reader sees what decided, not only the word */
    quote: z.string(),
  })
  .strict();
export type FacetEvidence = z.infer<typeof FacetEvidenceSchema>;

/** A value set by a curation overlay: who, why, when, and what the sources said before. */
export const CuratedSchema = z
  .object({ reviewer: z.string(), reason: z.string(), date: z.string().nullable(), original: z.unknown() })
  .strict();

/**
 * Where each field's value came from: the sources (indexes into `sources`) that stated the value
 * shown, and the curation that set it, if any. Keys are dotted field paths ("dates.start").
 */
export const ProvenanceSchema = z.record(
  z.string(),
  z.object({ sources: z.array(z.number().int().min(0)), curated: CuratedSchema.optional() }).strict(),
);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Every source's value of a field its sources state differently (flagged when a conflict field). */
export const SourceValuesSchema = z
  .object({
    field: z.string(),
    conflict: z.boolean(),
    values: z.array(z.object({ source: z.number().int().min(0), value: z.unknown() }).strict()),
  })
  .strict();
export type SourceValues = z.infer<typeof SourceValuesSchema>;

export const CatalogueEntrySchema = TrialObject.extend({
  provenance: ProvenanceSchema,
  sourceValues: z.array(SourceValuesSchema),
  facetEvidence: z.array(FacetEvidenceSchema),
}).superRefine(checkTrial);
export type CatalogueEntry = z.infer<typeof CatalogueEntrySchema>;

/** Only the public contract's fields, in contract order. */
export function toPublicTrial(entry: Trial | CatalogueEntry): Trial {
  const { provenance: _p, facetEvidence: _e, sourceValues: _v, ...rest } = entry as CatalogueEntry;
  return TrialSchema.parse(rest);
}

export { valuesOf };
