/**
 * Condition groups: the conditions of a trial mapped to named groups so trials that write
 * "Osteoarthritis Knee", "Knee Osteoarthritis" and "Osteoarthritis (OA) Knee Injury…" meet on one
 * ready-made comparison page. The patterns are the whole vocabulary; a condition no pattern
 * knows forms a group of its own named by its text.
 */
import type { Trial } from '../schemas/trial.ts';

export interface ConditionGroup {
  slug: string;
  label: string;
}

const GROUPS: readonly (ConditionGroup & { pattern: RegExp })[] = [
  { slug: 'knee-osteoarthritis', label: 'Knee osteoarthritis', pattern: /\bknee\b.*\bosteoarthri|\bosteoarthri\w*\b.*\bknee|\bKOA\b|gonarthrosis|knee arthrosis/iu },
  { slug: 'hip-osteoarthritis', label: 'Hip osteoarthritis', pattern: /\bhip\b.*\bosteoarthri|\bosteoarthri\w*\b.*\bhip\b|coxarthrosis/iu },
  { slug: 'osteoarthritis', label: 'Osteoarthritis (other joints or unspecified)', pattern: /osteoarthri|\bOA\b/iu },
  { slug: 'cartilage-defects', label: 'Cartilage defects', pattern: /cartilage (defect|injur|lesion|damage)|chondral/iu },
  { slug: 'osteoporosis', label: 'Osteoporosis', pattern: /osteopor/iu },
  { slug: 'disc-degeneration', label: 'Disc degeneration and back pain', pattern: /\bdis[ck]\b|discogenic|low back pain|intervertebral/iu },
  { slug: 'lupus', label: 'Systemic lupus erythematosus', pattern: /lupus|\bSLE\b/iu },
  { slug: 'graft-versus-host-disease', label: 'Graft-versus-host disease', pattern: /graft[- ]versus[- ]host|\bGv?HD\b/iu },
  { slug: 'covid-19-and-ards', label: 'COVID-19 and ARDS', pattern: /covid|sars-cov-2|coronavirus|acute respiratory distress|\bARDS\b/iu },
  { slug: 'crohns-disease', label: "Crohn's disease and perianal fistula", pattern: /crohn|perianal fistula/iu },
  { slug: 'multiple-sclerosis', label: 'Multiple sclerosis', pattern: /multiple sclerosis/iu },
  { slug: 'als', label: 'Amyotrophic lateral sclerosis', pattern: /amyotrophic|\bALS\b|motor neuron/iu },
  { slug: 'spinal-cord-injury', label: 'Spinal cord injury', pattern: /spinal cord injur/iu },
  { slug: 'stroke', label: 'Stroke', pattern: /stroke|cerebral infarct/iu },
  { slug: 'heart-disease', label: 'Heart failure and myocardial infarction', pattern: /heart failure|myocardial infarct|cardiomyopath|ischemic heart/iu },
  { slug: 'liver-disease', label: 'Liver cirrhosis and failure', pattern: /cirrhosis|liver failure|hepatic failure/iu },
  { slug: 'diabetes', label: 'Diabetes', pattern: /diabet(es|ic)(?! foot)(?!.*ulcer)/iu },
  { slug: 'wounds-and-ulcers', label: 'Wounds, ulcers and burns', pattern: /ulcer|wound|burn/iu },
  { slug: 'rheumatoid-arthritis', label: 'Rheumatoid arthritis', pattern: /rheumatoid/iu },
  { slug: 'bronchopulmonary-dysplasia', label: 'Bronchopulmonary dysplasia', pattern: /bronchopulmonary dysplasia|\bBPD\b/iu },
  { slug: 'dry-eye', label: 'Dry eye disease', pattern: /dry eye|keratoconjunctivitis sicca|sj[öo]gren/iu },
  { slug: 'ovarian-insufficiency', label: 'Ovarian insufficiency', pattern: /ovarian insufficiency|ovarian failure/iu },
];

export function conditionSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80);
}

/** The groups of one condition text: the first vocabulary group that matches, else its own. */
export function groupOfCondition(condition: string): ConditionGroup {
  const hit = GROUPS.find((g) => g.pattern.test(condition));
  if (hit) return { slug: hit.slug, label: hit.label };
  return { slug: conditionSlug(condition) || 'unnamed', label: condition };
}

/** The distinct condition groups of a trial, in the order of its conditions. */
export function conditionGroupsOf(trial: Pick<Trial, 'conditions'>): ConditionGroup[] {
  const seen = new Set<string>();
  const out: ConditionGroup[] = [];
  for (const c of trial.conditions) {
    const g = groupOfCondition(c);
    if (seen.has(g.slug)) continue;
    seen.add(g.slug);
    out.push(g);
  }
  return out;
}
