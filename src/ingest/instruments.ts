/**
 * Outcome instruments: the scales and tests an outcome measure uses, detected by name in the
 * measure, its description and its time frame, so a comparison can line up "VAS vs WOMAC vs MRI".
 */
import type { Trial } from '../schemas/trial.ts';

export interface Instrument {
  key: string;
  label: string;
  pattern: RegExp;
}

export const INSTRUMENTS: readonly Instrument[] = [
  { key: 'VAS', label: 'VAS (visual analogue scale)', pattern: /\bVAS\b|visual analog(ue)? scale/iu },
  { key: 'NRS', label: 'NRS (numeric rating scale)', pattern: /\bNRS\b|numeric (pain )?rating scale|numeric pain scale/iu },
  { key: 'WOMAC', label: 'WOMAC', pattern: /\bWOMAC\b|western ontario and mcmaster/iu },
  { key: 'KOOS', label: 'KOOS', pattern: /\bKOOS\b|knee injury and osteoarthritis outcome score/iu },
  { key: 'IKDC', label: 'IKDC', pattern: /\bIKDC\b/iu },
  { key: 'Lysholm', label: 'Lysholm score', pattern: /\blysholm\b/iu },
  { key: 'KSS', label: 'Knee Society Score', pattern: /\bKSS\b|knee society score/iu },
  { key: 'ODI', label: 'ODI (Oswestry)', pattern: /\bODI\b|oswestry/iu },
  { key: 'SF-36', label: 'SF-36 / SF-12', pattern: /\bSF-?(36|12)\b|short form[- ](36|12)/iu },
  { key: 'EQ-5D', label: 'EQ-5D', pattern: /\bEQ-?5D\b/iu },
  { key: 'MRI', label: 'MRI', pattern: /\bMRI\b|magnetic resonance|T2 mapping|MOCART/iu },
  { key: 'X-ray', label: 'X-ray / radiograph', pattern: /\bx-?ray\b|radiograph/iu },
  { key: 'BMD', label: 'BMD (bone mineral density)', pattern: /\bBMD\b|bone (mass|mineral) density|\bDEXA\b|\bDXA\b/iu },
  { key: 'SLEDAI', label: 'SLEDAI', pattern: /SLEDAI/iu },
  { key: 'DAS28', label: 'DAS28', pattern: /\bDAS-?28\b/iu },
  { key: 'EDSS', label: 'EDSS', pattern: /\bEDSS\b|expanded disability status/iu },
  { key: 'ALSFRS', label: 'ALSFRS-R', pattern: /ALSFRS/iu },
  { key: 'PaO2/FiO2', label: 'PaO2/FiO2', pattern: /PaO2\s*\/\s*FiO2|P\/F ratio|oxygenation index/iu },
  { key: 'Biomarkers', label: 'Inflammatory biomarkers', pattern: /\b(IL-?\d+|TNF|CRP|hs-CRP|ESR|MMP-?\d+|interleukin)\b/iu },
  { key: 'Adverse events', label: 'Adverse events / safety', pattern: /adverse (event|effect|reaction)|\bAEs?\b|\bsafety\b|side effect/iu },
];

/** The instruments one trial's outcomes use, in vocabulary order. */
export function instrumentsOf(trial: Pick<Trial, 'outcomes'>, which: 'primary' | 'secondary' | 'all' = 'all'): Instrument[] {
  const outcomes = which === 'all' ? [...trial.outcomes.primary, ...trial.outcomes.secondary] : trial.outcomes[which];
  const text = outcomes.map((o) => [o.measure, o.description ?? '', o.timeFrame ?? ''].join(' ')).join('\n');
  return INSTRUMENTS.filter((i) => i.pattern.test(text));
}
