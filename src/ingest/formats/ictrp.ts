/**
 * WHO ICTRP trial pages (trialsearch.who.int, formerly apps.who.int/trialsearch), copied as text:
 * the WHO Trial Registration Data Set of a trial of any primary registry (ChiCTR, CTRI, IRCT,
 * JPRN, EUCTR, ANZCTR, ClinicalTrials.gov…), as ICTRP shows it.
 *
 * Layout: "Register:", "Last refreshed on:", then "Label: value" lines (Main ID, Date of
 * registration, Primary sponsor, Public title, Scientific title, Date of first enrolment, Target
 * sample size, Recruitment status, URL, Study type, Study design, Phase), then headed blocks with
 * their values on the lines below (Countries of recruitment, Contacts, Key inclusion & exclusion
 * criteria with "Inclusion criteria:" / "Exclusion criteria:" / "Age minimum:" / "Age maximum:" /
 * "Gender:", Health Condition(s) or Problem(s) studied, Intervention(s), Primary Outcome(s),
 * Secondary Outcome(s), Secondary ID(s), Source(s) of Monetary Support, Secondary Sponsor(s),
 * Ethics review, Results). The contacts' and the ethics committee's "Name:"/"Status:" lines are
 * not the trial's. Secondary IDs that are registry ids (an NCT number, a EudraCT number) join
 * the trial's registry ids, which links the record to its twins in other registries.
 */
import type { ReadResult, SourceFile } from '../types.ts';
import { createEngine, type LabelRule } from './labelled.ts';
import { fromLabelled, type Field } from './generic.ts';
import { findRegistryIds } from '../../domain/registries.ts';
import { isoDayFirst } from './common.ts';

type Rule = LabelRule<Field>;
const r = (pattern: RegExp, field: Field, kind: Rule['kind'], extra: Partial<Rule> = {}): Rule => ({ pattern, field, kind, ...extra });

export const ICTRP_RULES: readonly Rule[] = [
  r(/^main id$/iu, 'registryId', 'scalar', { repeat: true }),
  r(/^secondary id\(?s\)?$|^secondary ids$/iu, 'secondaryId', 'list', { repeat: true }),
  r(/^public title$/iu, 'title', 'scalar'),
  r(/^scientific title$/iu, 'officialTitle', 'scalar'),
  r(/^acronym$/iu, 'acronym', 'scalar'),
  r(/^date of registration$/iu, 'firstPosted', 'scalar'),
  r(/^date of first enrol?l?ment$/iu, 'start', 'scalar'),
  r(/^primary sponsor$/iu, 'sponsor', 'scalar'),
  r(/^secondary sponsor\(?s\)?$/iu, 'collaborators', 'list'),
  r(/^recruitment status$/iu, 'recruitmentStatus', 'scalar'),
  r(/^target sample size$/iu, 'enrollment', 'scalar'),
  r(/^study type$/iu, 'studyType', 'scalar'),
  r(/^study design$/iu, 'design', 'text'),
  r(/^phase$/iu, 'phase', 'scalar'),
  r(/^countries of recruitment$/iu, 'countries', 'list'),
  r(/^inclusion criteria$/iu, 'inclusion', 'list'),
  r(/^exclusion criteria$/iu, 'exclusion', 'list'),
  r(/^(inclusion )?age ?min(imum)?$/iu, 'minAge', 'scalar'),
  r(/^(inclusion )?age ?max(imum)?$/iu, 'maxAge', 'scalar'),
  r(/^(brief summary|summary|public summary)$/iu, 'summary', 'text'),
  r(/^(gender|sex)$/iu, 'sex', 'scalar'),
  r(/^health condition\(?s\)? or problem\(?s\)? studied$/iu, 'conditions', 'list'),
  r(/^intervention\(?s\)?$/iu, 'interventions', 'list'),
  r(/^primary outcome\(?s\)?$/iu, 'primaryOutcomes', 'list'),
  r(/^(key )?secondary outcome\(?s\)?$/iu, 'secondaryOutcomes', 'list'),
  r(/^results available$/iu, 'hasResults', 'scalar'),
  // read by nothing: consumed so that the contacts' and the ethics committee's lines are not the trial's
  r(/^last refreshed on$/iu, 'retrieved', 'scalar'),
  r(/^(register|prospective registration|url|source\(?s\)? of monetary support|name|address|telephone|email|affiliation|status|approval date|contact|date posted|date completed|results url link|results summary|results date (posted|completed)|bridging flag truefalse|bridged child rec list)$/iu, 'other', 'skip'),
  r(/^(main|contacts|key inclusion & exclusion criteria|ethics review|results)$/iu, 'other', 'section'),
];

/** Attribute lines of an EU CTR product ("Product Name:", "Pharmaceutical Form:"…), as ICTRP lists them under Intervention(s). */
const EUCTR_ATTRIBUTE = /^(product name|trade name|product code|pharmaceutical form|inn or proposed inn|cas number|current sponsor code|other descriptive name|concentration unit|concentration type|concentration number)\s*:/iu;
/** EU CTR's age-group questions, which ICTRP prints among the criteria. */
const EUCTR_AGE_QUESTION = /^(are the trial subjects under 18\?|number of subjects for this age range|f\.\d(\.\d)*\s)/iu;

const engine = createEngine<Field>({
  rules: ICTRP_RULES,
  noise: [/^Note: This record shows only\b/u, /^(World Health Organization site|Skip Navigation Links)$/u],
});

export function readIctrp(file: SourceFile): ReadResult {
  const page = engine.read(file.content);
  const trial = fromLabelled(page, file, { dayFirst: true, layout: 'WHO ICTRP' });

  // "Target sample size: Experimental group:30;control group:30;" states the size of each group
  const size = trial.enrollment?.count ?? '';
  const groups = size.split(';').map((g) => g.trim()).filter(Boolean);
  if (groups.length > 1 && groups.every((g) => /:\s*\d+\s*$/u.test(g))) {
    const total = groups.reduce((n, g) => n + Number(/(\d+)\s*$/u.exec(g)![1]), 0);
    trial.enrollment = { count: String(total), type: 'ESTIMATED' };
    trial.notes.push({
      code: 'enrollment-summed',
      field: 'enrollment',
      severity: 'info',
      message: `The record gives the target sample size per group ("${size}"); the enrollment shown is their sum, ${total}.`,
    });
  }
  // EU CTR records: interventions are listed as product attributes, outcomes as objective / end point / time point lines
  if (trial.interventions.some((i) => EUCTR_ATTRIBUTE.test(i.name))) {
    const names = trial.interventions.map((i) => /^(?:product name|trade name)\s*:\s*(.+)$/iu.exec(i.name)?.[1]?.trim()).filter((n): n is string => !!n);
    trial.interventions = [...new Set(names)].map((name) => ({ type: null, name, description: null, otherNames: [] }));
  }
  for (const key of ['primary', 'secondary'] as const) {
    const lines = trial.outcomes[key];
    if (!lines.some((o) => /^(main|secondary) objective\s*:|^(primary|secondary) end ?point\(?s\)?\s*:/iu.test(o.measure))) continue;
    const outcomes: typeof lines = [];
    for (const o of lines) {
      const point = /^(?:primary|secondary) end ?point\(?s\)?\s*:\s*(.+)$/iu.exec(o.measure);
      const time = /^timepoint\(?s\)? of evaluation of this end ?point\s*:\s*(.+)$/iu.exec(o.measure);
      if (point) outcomes.push({ measure: point[1]!.trim(), timeFrame: null, description: null });
      else if (time && outcomes.length > 0) outcomes[outcomes.length - 1]!.timeFrame = time[1]!.trim();
    }
    trial.outcomes[key] = outcomes;
  }
  trial.conditions = trial.conditions.filter((c) => !/^MedDRA version\b/iu.test(c));
  for (const key of ['inclusion', 'exclusion'] as const) {
    trial.eligibility[key] = trial.eligibility[key].filter((c) => !EUCTR_AGE_QUESTION.test(c));
  }
  // "Last refreshed on" is when ICTRP last copied the record from its registry: the record's as-of
  // date (when it states no update date), not its last update
  const refreshed = page.blocks.find((b) => b.field === 'retrieved')?.lines.find((l) => l !== '');
  if (refreshed) trial.retrieved = isoDayFirst(refreshed.trim(), true);
  // the register's own id is the Main ID; an NCT twin named among the secondary ids is a registry id too
  trial.registryIds = [...new Set(trial.registryIds.flatMap((id) => findRegistryIds(id).map((f) => f.id)))];
  return { format: 'ictrp', site: 'trialsearch.who.int', trials: [trial], ignored: page.ignored };
}
