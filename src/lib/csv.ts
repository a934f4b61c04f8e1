/**
 * The flat CSV form of the public record: one row per trial, one column per scalar field
 * (nested fields as dotted names), lists joined with "; ". Written by csv-stringify.
 *
 * One writer for the build (/trials.csv) and the browser (the browse list's export of the trials
 * a filter shows): csv-stringify's browser build runs in both, where its Node build needs Buffer.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { Trial } from '../schemas/trial.ts';

const join = (values: readonly (string | null | undefined)[]) => values.filter((v): v is string => !!v).join('; ');
const date = (d: Trial['dates']['start']) => d?.date ?? '';
const dateType = (d: Trial['dates']['start']) => d?.type ?? '';

/** Column name → how to read it from a trial. The order is the CSV's column order. */
export const CSV_COLUMNS: readonly [string, (t: Trial) => string | number | boolean | null][] = [
  ['id', (t) => t.id],
  ['registryIds', (t) => join(t.registryIds)],
  ['secondaryIds', (t) => join(t.secondaryIds)],
  ['title', (t) => t.title],
  ['officialTitle', (t) => t.officialTitle],
  ['acronym', (t) => t.acronym],
  ['status', (t) => t.status],
  ['phases', (t) => join(t.phases)],
  ['studyType', (t) => t.studyType],
  ['conditions', (t) => join(t.conditions)],
  ['keywords', (t) => join(t.keywords)],
  ['conditionMesh.terms', (t) => join(t.conditionMesh?.terms ?? [])],
  ['conditionMesh.ancestors', (t) => join(t.conditionMesh?.ancestors ?? [])],
  ['sponsor', (t) => t.sponsor],
  ['collaborators', (t) => join(t.collaborators)],
  ['funderTypes', (t) => join(t.funderTypes)],
  ['summary', (t) => t.summary],
  ['description', (t) => t.description],
  ['enrollment.count', (t) => t.enrollment?.count ?? null],
  ['enrollment.type', (t) => t.enrollment?.type ?? null],
  ['design.allocation', (t) => t.design.allocation],
  ['design.interventionModel', (t) => t.design.interventionModel],
  ['design.primaryPurpose', (t) => t.design.primaryPurpose],
  ['design.masking', (t) => t.design.masking],
  ['design.whoMasked', (t) => join(t.design.whoMasked)],
  ['design.observationalModel', (t) => t.design.observationalModel],
  ['design.timePerspective', (t) => t.design.timePerspective],
  ['design.expandedAccessTypes', (t) => join(t.design.expandedAccessTypes)],
  ['arms', (t) => join(t.arms.map((a) => `${a.label}${a.type ? ` [${a.type}]` : ''}${a.interventions.length ? `: ${a.interventions.join(', ')}` : ''}`))],
  ['interventions', (t) => join(t.interventions.map((i) => `${i.type ? `${i.type}: ` : ''}${i.name}`))],
  ['outcomes.primary', (t) => join(t.outcomes.primary.map((o) => `${o.measure}${o.timeFrame ? ` [${o.timeFrame}]` : ''}`))],
  ['outcomes.secondary', (t) => join(t.outcomes.secondary.map((o) => `${o.measure}${o.timeFrame ? ` [${o.timeFrame}]` : ''}`))],
  ['outcomes.other', (t) => join(t.outcomes.other.map((o) => `${o.measure}${o.timeFrame ? ` [${o.timeFrame}]` : ''}`))],
  ['outcomes.unclassified', (t) => join(t.outcomes.unclassified.map((o) => o.measure))],
  ['eligibility.sex', (t) => t.eligibility.sex],
  ['eligibility.minAge.text', (t) => t.eligibility.minAge?.text ?? null],
  ['eligibility.minAge.years', (t) => t.eligibility.minAge?.years ?? null],
  ['eligibility.maxAge.text', (t) => t.eligibility.maxAge?.text ?? null],
  ['eligibility.maxAge.years', (t) => t.eligibility.maxAge?.years ?? null],
  ['eligibility.healthyVolunteers', (t) => t.eligibility.healthyVolunteers],
  ['eligibility.ageGroups', (t) => join(t.eligibility.ageGroups)],
  ['eligibility.inclusion', (t) => join(t.eligibility.inclusion)],
  ['eligibility.exclusion', (t) => join(t.eligibility.exclusion)],
  ['dates.start', (t) => date(t.dates.start)],
  ['dates.start.type', (t) => dateType(t.dates.start)],
  ['dates.primaryCompletion', (t) => date(t.dates.primaryCompletion)],
  ['dates.primaryCompletion.type', (t) => dateType(t.dates.primaryCompletion)],
  ['dates.completion', (t) => date(t.dates.completion)],
  ['dates.completion.type', (t) => dateType(t.dates.completion)],
  ['dates.firstPosted', (t) => date(t.dates.firstPosted)],
  ['dates.lastUpdated', (t) => date(t.dates.lastUpdated)],
  ['dates.resultsFirstPosted', (t) => date(t.dates.resultsFirstPosted)],
  ['locations', (t) => join(t.locations.map((l) => [l.facility, l.city, l.state, l.zip, l.country].filter(Boolean).join(', ')))],
  ['countries', (t) => join(t.countries)],
  ['hasResults', (t) => t.hasResults],
  ['documents', (t) => join(t.documents.map((d) => (d.url ? `${d.label} <${d.url}>` : d.label)))],
  ['scope', (t) => t.scope.value],
  ['scope.reason', (t) => t.scope.reason],
  ['therapy.products', (t) => join(t.therapy.products)],
  ['therapy.cellSources', (t) => join(t.therapy.cellSources)],
  ['therapy.donor', (t) => join(t.therapy.donor)],
  ['therapy.routes', (t) => join(t.therapy.routes)],
  ['sources', (t) => join(t.sources.map((s) => `${s.file}${s.row ? `#row=${s.row}` : ''}`))],
  ['sources.asOf', (t) => join(t.sources.map((s) => s.asOf ?? 'undated'))],
  ['sources.retrieved', (t) => join(t.sources.map((s) => s.retrieved ?? 'unrecorded'))],
  ['sources.formats', (t) => join([...new Set(t.sources.map((s) => s.format))])],
  ['flags', (t) => join(t.flags.map((f) => f.code))],
];

export function trialsToCsv(trials: readonly Trial[]): string {
  return stringify(
    trials.map((t) => CSV_COLUMNS.map(([, read]) => read(t))),
    {
      header: true,
      columns: CSV_COLUMNS.map(([name]) => name),
      cast: { boolean: (v) => (v ? 'true' : 'false') },
      record_delimiter: '\r\n',
    },
  );
}
