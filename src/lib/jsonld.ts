/**
 * schema.org MedicalTrial JSON-LD for a trial page, built from typed pieces so a field can only
 * hold what schema.org allows there.
 */
import { registryOf, registryUrl } from '../domain/registries.ts';
import { ALLOCATION, INTERVENTION_MODEL, MASKING, PHASE, STUDY_TYPE, labelOf } from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';

interface PropertyValue {
  '@type': 'PropertyValue';
  propertyID: string;
  value: string;
  url?: string;
}
interface Organization {
  '@type': 'Organization';
  name: string;
}
interface MedicalCondition {
  '@type': 'MedicalCondition';
  name: string;
}
interface Country {
  '@type': 'Country';
  name: string;
}
type MedicalStudyStatus =
  | 'ActiveNotRecruiting'
  | 'Completed'
  | 'EnrollingByInvitation'
  | 'NotYetRecruiting'
  | 'Recruiting'
  | 'Suspended'
  | 'Terminated'
  | 'Withdrawn';
type MedicalTrialDesign =
  | 'DoubleBlindedTrial'
  | 'InternationalTrial'
  | 'MultiCenterTrial'
  | 'OpenTrial'
  | 'PlaceboControlledTrial'
  | 'RandomizedTrial'
  | 'SingleBlindedTrial'
  | 'SingleCenterTrial'
  | 'TripleBlindedTrial';

export interface MedicalTrialLd {
  '@context': 'https://schema.org';
  '@type': 'MedicalTrial';
  '@id': string;
  url: string;
  name: string;
  alternateName?: string[];
  description?: string;
  identifier: PropertyValue[];
  sameAs?: string[];
  status?: `https://schema.org/${MedicalStudyStatus}`;
  phase?: string;
  sponsor?: Organization[];
  healthCondition?: MedicalCondition[];
  studyDesign?: string;
  trialDesign?: `https://schema.org/${MedicalTrialDesign}`[];
  studyLocation?: Country[];
  startDate?: string;
  endDate?: string;
}

const STATUS: Partial<Record<NonNullable<Trial['status']>, MedicalStudyStatus>> = {
  ACTIVE_NOT_RECRUITING: 'ActiveNotRecruiting',
  COMPLETED: 'Completed',
  ENROLLING_BY_INVITATION: 'EnrollingByInvitation',
  NOT_YET_RECRUITING: 'NotYetRecruiting',
  RECRUITING: 'Recruiting',
  SUSPENDED: 'Suspended',
  TERMINATED: 'Terminated',
  WITHDRAWN: 'Withdrawn',
};

export function trialDesigns(t: Trial): MedicalTrialDesign[] {
  const out: MedicalTrialDesign[] = [];
  if (t.design.allocation === 'RANDOMIZED') out.push('RandomizedTrial');
  if (t.arms.some((a) => a.type === 'PLACEBO_COMPARATOR')) out.push('PlaceboControlledTrial');
  const masking = t.design.masking;
  if (masking === 'NONE') out.push('OpenTrial');
  if (masking === 'SINGLE') out.push('SingleBlindedTrial');
  if (masking === 'DOUBLE') out.push('DoubleBlindedTrial');
  if (masking === 'TRIPLE' || masking === 'QUADRUPLE') out.push('TripleBlindedTrial');
  if (t.locations.length > 1) out.push('MultiCenterTrial');
  if (t.locations.length === 1) out.push('SingleCenterTrial');
  if (t.countries.length > 1) out.push('InternationalTrial');
  return out;
}

export function studyDesignText(t: Trial): string | undefined {
  const parts = [
    t.studyType ? labelOf(STUDY_TYPE, t.studyType) : null,
    t.design.allocation && t.design.allocation !== 'NA' ? labelOf(ALLOCATION, t.design.allocation).toLowerCase() : null,
    t.design.interventionModel ? `${labelOf(INTERVENTION_MODEL, t.design.interventionModel).toLowerCase()} assignment` : null,
    t.design.masking ? `masking: ${labelOf(MASKING, t.design.masking).toLowerCase()}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

export function medicalTrialLd(t: Trial, pageUrl: string): MedicalTrialLd {
  const status = t.status ? STATUS[t.status] : undefined;
  const designs = trialDesigns(t);
  const design = studyDesignText(t);
  const sameAs = t.registryIds.map(registryUrl).filter((u): u is string => u !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'MedicalTrial',
    '@id': pageUrl,
    url: pageUrl,
    name: t.title,
    ...(t.officialTitle && t.officialTitle !== t.title ? { alternateName: [t.officialTitle] } : {}),
    ...(t.summary ? { description: t.summary } : {}),
    // a trial without a registry id is identified by its catalogue id
    identifier: (t.registryIds.length ? t.registryIds : [t.id]).map((id) => ({
      '@type': 'PropertyValue' as const,
      propertyID: registryOf(id)?.name ?? 'MSC Trials Catalogue',
      value: id,
      ...(registryUrl(id) ? { url: registryUrl(id)! } : {}),
    })),
    ...(sameAs.length ? { sameAs } : {}),
    ...(status ? { status: `https://schema.org/${status}` as const } : {}),
    ...(t.phases.length ? { phase: t.phases.map((p) => labelOf(PHASE, p)).join(', ') } : {}),
    ...(t.sponsor ? { sponsor: [{ '@type': 'Organization' as const, name: t.sponsor }] } : {}),
    ...(t.conditions.length ? { healthCondition: t.conditions.map((name) => ({ '@type': 'MedicalCondition' as const, name })) } : {}),
    ...(design ? { studyDesign: design } : {}),
    ...(designs.length ? { trialDesign: designs.map((d) => `https://schema.org/${d}` as const) } : {}),
    ...(t.countries.length ? { studyLocation: t.countries.map((name) => ({ '@type': 'Country' as const, name })) } : {}),
    ...(t.dates.start ? { startDate: t.dates.start.date } : {}),
    ...(t.dates.completion ? { endDate: t.dates.completion.date } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so record text cannot close the script. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</gu, '\\u003c').replace(/\u2028/gu, '\\u2028').replace(/\u2029/gu, '\\u2029');
}
