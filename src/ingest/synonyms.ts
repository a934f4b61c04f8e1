/**
 * The search vocabulary: the words a reviewer types for each MSC facet value. Every trial page
 * indexes the words of its own facets (and of its registry ids), so "UC-MSC", "Wharton's jelly"
 * and "umbilical cord" all find umbilical-cord trials, "conditioned medium" finds secretome
 * trials, "EV" finds vesicle trials. One module; search pages and tests read it.
 */
import type { Therapy, Trial } from '../schemas/trial.ts';
import { asRegistryId } from './registries.ts';

export const SYNONYMS: {
  [F in keyof Therapy]: Partial<Record<Therapy[F][number], readonly string[]>>;
} = {
  products: {
    CELLS: ['MSC', 'MSCs', 'mesenchymal stem cells', 'mesenchymal stromal cells', 'stem cell therapy', 'cell therapy'],
    SECRETOME: ['secretome', 'conditioned medium', 'conditioned media', 'MSC-CM', 'CM', 'cell-free', 'paracrine factors'],
    EXTRACELLULAR_VESICLES: ['exosome', 'exosomes', 'EV', 'EVs', 'extracellular vesicle', 'extracellular vesicles', 'microvesicles', 'sEV', 'cell-free'],
    COMBINATION: ['combination', 'combined', 'PRP', 'platelet-rich plasma', 'scaffold'],
  },
  cellSources: {
    UMBILICAL_CORD: ['umbilical cord', 'umbilical', 'UC-MSC', 'UC-MSCs', 'UCMSC', 'hUC-MSC', "Wharton's jelly", 'Wharton jelly', 'Whartons jelly', 'WJ-MSC', 'cord tissue', 'cord blood'],
    ADIPOSE: ['adipose', 'adipose-derived', 'AD-MSC', 'AD-MSCs', 'ADMSC', 'ADSC', 'ADSCs', 'fat-derived', 'fat', 'lipoaspirate', 'stromal vascular fraction', 'SVF'],
    BONE_MARROW: ['bone marrow', 'BM-MSC', 'BM-MSCs', 'BMSC', 'BMAC', 'marrow'],
    PLACENTA: ['placenta', 'placental', 'decidua', 'P-MSC'],
    AMNION: ['amnion', 'amniotic', 'amniotic membrane', 'amniotic fluid'],
    DENTAL_PULP: ['dental pulp', 'DPSC', 'DPSCs', 'SHED', 'tooth'],
    MENSTRUAL_BLOOD: ['menstrual blood', 'MenSC', 'endometrial regenerative cells'],
    OTHER: ['synovial', 'iPSC-derived', 'induced pluripotent'],
  },
  donor: {
    ALLOGENEIC: ['allogeneic', 'allogenic', 'allo', 'donor'],
    AUTOLOGOUS: ['autologous', 'auto', "patient's own"],
  },
  routes: {
    INTRA_ARTICULAR: ['intra-articular', 'intraarticular', 'joint injection', 'IA'],
    INTRAVENOUS: ['intravenous', 'IV', 'infusion', 'systemic'],
    INTRATHECAL: ['intrathecal'],
    INTRAMUSCULAR: ['intramuscular', 'IM'],
    TOPICAL: ['topical', 'eye drops', 'dressing'],
    INTRANASAL: ['intranasal', 'nasal'],
    LOCAL_INJECTION: ['local injection', 'intradiscal', 'intralesional', 'subcutaneous'],
    OTHER: [],
  },
};

/** The synonym words a trial's facets bring into the index. */
export function synonymTerms(therapy: Therapy): string[] {
  const out = new Set<string>();
  for (const facet of Object.keys(SYNONYMS) as (keyof Therapy)[]) {
    for (const value of therapy[facet]) for (const word of (SYNONYMS[facet] as Record<string, readonly string[]>)[value] ?? []) out.add(word);
  }
  return [...out];
}

/**
 * The spellings of a trial's ids a user might type: as written, lower case, with the registry
 * prefix apart from the number ("NCT 06688318"), and the number alone.
 */
export function idTerms(trial: Pick<Trial, 'registryIds' | 'secondaryIds' | 'id'>): string[] {
  const out = new Set<string>();
  for (const id of [trial.id, ...trial.registryIds]) {
    out.add(id);
    out.add(id.toLowerCase());
    const m = /^([A-Za-z]+)[-/]?(\d[\w-]*)$/u.exec(id);
    if (m) {
      out.add(`${m[1]} ${m[2]}`);
      out.add(m[2]!);
    }
  }
  for (const id of trial.secondaryIds) out.add(id);
  return [...out];
}

/** A query that is a registry id (any case, spaces allowed) in its canonical form, else null. */
export function queryAsId(query: string): string | null {
  const compact = query.trim().replace(/\s+/gu, '');
  return asRegistryId(compact)?.id ?? null;
}
