/**
 * Trial registries: how their ids look, how to write them canonically, and where each
 * registry shows a trial. The WHO ICTRP search portal is the fallback page for every
 * primary registry that has no stable per-trial URL.
 */

export interface Registry {
  key: string;
  name: string;
  /** Matches the id inside text (global, case-insensitive); group 0 is the id. */
  pattern: RegExp;
  /** The id in its canonical spelling. */
  canonical: (raw: string) => string;
  /** The registry's page for this id. */
  url: (id: string) => string;
}

const upper = (raw: string) => raw.replace(/\s+/gu, '').toUpperCase();
const ictrp = (id: string) => `https://trialsearch.who.int/Trial2.aspx?TrialID=${encodeURIComponent(id)}`;

export const REGISTRIES: readonly Registry[] = [
  {
    key: 'nct',
    name: 'ClinicalTrials.gov',
    pattern: /\bNCT ?\d{4} ?\d{4}\b/giu,
    canonical: upper,
    url: (id) => `https://clinicaltrials.gov/study/${id}`,
  },
  {
    key: 'isrctn',
    name: 'ISRCTN registry',
    pattern: /\bISRCTN ?\d{8}\b/giu,
    canonical: upper,
    url: (id) => `https://www.isrctn.com/${id}`,
  },
  {
    key: 'irct',
    name: 'Iranian Registry of Clinical Trials (IRCT)',
    pattern: /\bIRCT\d{8,14}N\d{1,3}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'chictr',
    name: 'Chinese Clinical Trial Registry (ChiCTR)',
    pattern: /\bChiCTR(?:-[A-Z]{2,5}-\d{8}|\d{10})\b/giu,
    canonical: (raw) => `ChiCTR${raw.replace(/\s+/gu, '').slice(6).toUpperCase()}`,
    url: ictrp,
  },
  {
    key: 'euctr',
    name: 'EU Clinical Trials Register (EudraCT)',
    // EudraCT numbers (2019-001234-56), optionally as EUCTR ids with a country suffix
    pattern: /\b(?:EUCTR)?(?:19|20)\d{2}-\d{6}-\d{2}(?:-[A-Z]{2}|-\d{2})?\b/giu,
    // one trial, one EudraCT number: "EUCTR2020-001450-22-ES" (ICTRP's id of the Spanish entry) is 2020-001450-22
    canonical: (raw) => upper(raw).replace(/^EUCTR/u, '').replace(/-[A-Z]{2}$/u, ''),
    url: (id) =>
      `https://www.clinicaltrialsregister.eu/ctr-search/search?query=${encodeURIComponent(
        id.replace(/^EUCTR/u, '').replace(/-[A-Z]{2}$/u, ''),
      )}`,
  },
  {
    key: 'actrn',
    name: 'Australian New Zealand Clinical Trials Registry',
    pattern: /\bACTRN\d{14}\b/giu,
    canonical: upper,
    url: (id) => `https://www.anzctr.org.au/${id}.aspx`,
  },
  {
    key: 'ctri',
    name: 'Clinical Trials Registry – India',
    pattern: /\bCTRI\/\d{4}\/\d{2,3}\/\d{6}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'drks',
    name: 'German Clinical Trials Register',
    pattern: /\bDRKS\d{8}\b/giu,
    canonical: upper,
    url: (id) => `https://drks.de/search/en/trial/${id}`,
  },
  {
    key: 'jrct',
    name: 'Japan Registry of Clinical Trials',
    pattern: /\bjRCT[a-z]?\d{9,10}\b/giu,
    canonical: (raw) => `jRCT${raw.slice(4)}`,
    url: (id) => `https://jrct.niph.go.jp/en-latest-detail/${id}`,
  },
  {
    key: 'umin',
    name: 'UMIN Clinical Trials Registry',
    pattern: /\bUMIN\d{9}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'kct',
    name: 'Clinical Research Information Service (Korea)',
    pattern: /\bKCT\d{7}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'pactr',
    name: 'Pan African Clinical Trials Registry',
    pattern: /\bPACTR\d{15,16}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'tctr',
    name: 'Thai Clinical Trials Registry',
    pattern: /\bTCTR\d{11}\b/giu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'rebec',
    name: 'Brazilian Clinical Trials Registry (ReBEC)',
    pattern: /\bRBR-[0-9a-z]{6,8}\b/giu,
    canonical: (raw) => `RBR-${raw.slice(4).toLowerCase()}`,
    url: ictrp,
  },
  {
    key: 'ntr',
    name: 'Netherlands Trial Register',
    // not a Dutch CCMO/ABR number such as "NL43712.000.13", which only starts like one
    pattern: /\bNTR\d{3,5}\b|\bNL\d{4,5}\b(?!\.\d)/gu,
    canonical: upper,
    url: ictrp,
  },
  {
    key: 'slctr',
    name: 'Sri Lanka Clinical Trials Registry',
    pattern: /\bSLCTR\/\d{4}\/\d{3}\b/giu,
    canonical: upper,
    url: ictrp,
  },
];

export interface RegistryId {
  id: string;
  registry: Registry;
}

/** Every registry id in a text, canonical, in order of appearance, without repeats. */
export function findRegistryIds(text: string): RegistryId[] {
  const hits: { index: number; id: string; registry: Registry }[] = [];
  for (const registry of REGISTRIES) {
    for (const match of text.matchAll(new RegExp(registry.pattern.source, registry.pattern.flags))) {
      hits.push({ index: match.index, id: registry.canonical(match[0]), registry });
    }
  }
  hits.sort((a, b) => a.index - b.index);
  const seen = new Set<string>();
  return hits.filter((hit) => (seen.has(hit.id) ? false : (seen.add(hit.id), true)));
}

/** The registry id that a whole value is (spaces and case ignored), or null. */
export function asRegistryId(value: string): RegistryId | null {
  const trimmed = value.trim().replace(/[.;,]$/u, '');
  for (const registry of REGISTRIES) {
    const match = new RegExp(`^(?:${registry.pattern.source})$`, registry.pattern.flags.replace('g', '')).exec(
      trimmed,
    );
    if (match) return { id: registry.canonical(trimmed), registry };
  }
  return null;
}

export function registryOf(id: string): Registry | null {
  return asRegistryId(id)?.registry ?? null;
}

/** The page of this id at its registry; null for ids that are not registry ids. */
export function registryUrl(id: string): string | null {
  const hit = asRegistryId(id);
  return hit ? hit.registry.url(hit.id) : null;
}

/**
 * Strip the annotations record sites add to identifiers: "(Other Grant/Funding Number)",
 * "[EudraCT Number]", "Identifier Type: -" and similar.
 */
export function stripIdAnnotation(value: string): string {
  return value
    .replace(/\s*[([][^)\]]*(?:number|identifier|id|registry|grant|funding|other|sponsor|protocol|utn|who|nih|contract)[^)\]]*[)\]]\s*$/iu, '')
    .replace(/^(?:other study id numbers?|secondary ids?|org study id)\s*:\s*/iu, '')
    .trim();
}
