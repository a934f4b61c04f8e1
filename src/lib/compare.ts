/**
 * The comparison model: attribute rows, grouped, each reading one cell from a trial. The
 * comparison grid, the guides' comparison tables and the CSV/JSON exports all use it, so a row
 * means the same everywhere. A cell is a list of lines plus a `key` that decides whether two
 * cells "differ" (case and spacing ignored).
 */
import { CATEGORY_LABELS, categorySlugsOf } from '../domain/conditions.ts';
import { EVIDENCE_CODES, SIGNAL_CODES } from '../domain/vocabulary.ts';
import { instrumentsOf } from '../ingest/instruments.ts';
import {
  ALLOCATION,
  ARM_TYPE,
  CELL_SOURCE,
  DONOR,
  FORMAT,
  INTERVENTION_MODEL,
  MASKING,
  PRIMARY_PURPOSE,
  PRODUCT,
  ROUTE,
  SEX,
  STUDY_TYPE,
  WHO_MASKED,
  flagLabel,
  labelOf,
} from '../domain/vocabulary.ts';
import type { Trial } from '../schemas/trial.ts';
import { absenceOf } from './absence.ts';
import { NOT_HELD, NOT_STATED, ageRangeLabel, enrollmentLabel, formatDate, phasesLabel, statusLabel } from './format.ts';

export interface Cell {
  lines: string[];
  /** the trial has no value here: the line says so ("Not stated", or "Not in the records we hold") */
  absent?: boolean;
  /** when this row is the age row: the range in years for the bar */
  ages?: { min: number | null; max: number | null; text: string };
}

export interface Row {
  key: string;
  label: string;
  cell: (t: Trial) => Cell;
  /**
   * the contract field the row shows: where it has no value and the records held are page copies
   * that may leave it out, the cell says "Not in the records we hold", not "Not stated" (src/lib/absence.ts)
   */
  field?: string;
  /** hint for the reader, shown under the label */
  hint?: string;
  /** a row whose cells differ by nature (ids, titles, files): not shaded as a difference */
  identity?: boolean;
}

export interface Group {
  key: string;
  label: string;
  rows: Row[];
}

const one = (text: string | null | undefined, none = NOT_STATED): Cell =>
  text === null || text === undefined || text === NOT_STATED ? { lines: [none], absent: true } : { lines: [text] };
const many = (values: readonly string[], none = NOT_STATED): Cell => (values.length ? { lines: [...values] } : { lines: [none], absent: true });
const KEY_ITEMS = 5;
const keyItems = (items: readonly string[]): Cell =>
  items.length === 0
    ? { lines: [NOT_STATED], absent: true }
    : { lines: [...items.slice(0, KEY_ITEMS), ...(items.length > KEY_ITEMS ? [`… and ${items.length - KEY_ITEMS} more`] : [])] };

/** What a trial's cell in a row says: the row's value, or for a missing one whether the registry or our copy lacks it. */
export function cellOf(row: Row, t: Trial): Cell {
  const cell = row.cell(t);
  if (cell.absent && row.field && absenceOf(t, row.field, row.label).kind === 'not-held') return { ...cell, lines: [NOT_HELD] };
  return cell;
}

const EVIDENCE: readonly string[] = EVIDENCE_CODES;
const SIGNALS: readonly string[] = SIGNAL_CODES;
const experimentalArms = (t: Trial) => t.arms.filter((a) => a.type === null || a.type === 'EXPERIMENTAL' || a.type === 'ACTIVE_COMPARATOR');

export const GROUPS: readonly Group[] = [
  {
    key: 'identity',
    label: 'Identity',
    rows: [
      { key: 'id', label: 'Registry id', identity: true, cell: (t) => many(t.registryIds.length ? t.registryIds : [t.id]) },
      { key: 'title', label: 'Title', identity: true, cell: (t) => one(t.title) },
      { key: 'sponsor', field: 'sponsor', label: 'Sponsor', cell: (t) => one(t.sponsor) },
      { key: 'status', label: 'Status', cell: (t) => one(statusLabel(t.status)) },
      { key: 'phases', label: 'Phase', cell: (t) => one(phasesLabel(t.phases)) },
      { key: 'start', field: 'dates.start', label: 'Start', cell: (t) => one(formatDate(t.dates.start)) },
      {
        key: 'completion',
        field: 'dates.completion',
        label: 'Completion',
        cell: (t) => one(t.dates.completion ? formatDate(t.dates.completion) : t.dates.primaryCompletion ? `${formatDate(t.dates.primaryCompletion)} (primary)` : null),
      },
      { key: 'lastUpdated', field: 'dates.lastUpdated', label: 'Last update', cell: (t) => one(formatDate(t.dates.lastUpdated)) },
    ],
  },
  {
    key: 'therapy',
    label: 'Therapy',
    rows: [
      { key: 'products', label: 'Product type', cell: (t) => many(t.therapy.products.map((v) => labelOf(PRODUCT, v)), 'No MSC product identified') },
      { key: 'cellSources', label: 'Cell source', cell: (t) => many(t.therapy.cellSources.map((v) => labelOf(CELL_SOURCE, v))) },
      { key: 'donor', label: 'Donor', cell: (t) => many(t.therapy.donor.map((v) => labelOf(DONOR, v))) },
      { key: 'routes', label: 'Route', cell: (t) => many(t.therapy.routes.map((v) => labelOf(ROUTE, v))) },
      { key: 'interventions', field: 'interventions', label: 'Interventions', cell: (t) => many(t.interventions.map((i) => i.name)) },
      {
        key: 'regimen',
        label: 'Regimen',
        hint: 'as the experimental arms describe it',
        cell: (t) => many(experimentalArms(t).filter((a) => a.description).map((a) => `${a.label}: ${a.description}`)),
      },
    ],
  },
  {
    key: 'design',
    label: 'Design',
    rows: [
      { key: 'studyType', field: 'studyType', label: 'Study type', cell: (t) => one(t.studyType ? labelOf(STUDY_TYPE, t.studyType) : null) },
      { key: 'allocation', field: 'design.allocation', label: 'Allocation', cell: (t) => one(t.design.allocation ? labelOf(ALLOCATION, t.design.allocation) : null) },
      { key: 'model', field: 'design.interventionModel', label: 'Model', cell: (t) => one(t.design.interventionModel ? labelOf(INTERVENTION_MODEL, t.design.interventionModel) : null) },
      {
        key: 'masking',
        field: 'design.masking',
        label: 'Masking',
        cell: (t) =>
          one(
            t.design.masking
              ? `${labelOf(MASKING, t.design.masking)}${t.design.whoMasked.length ? ` (${t.design.whoMasked.map((w) => labelOf(WHO_MASKED, w).toLowerCase()).join(', ')})` : ''}`
              : null,
          ),
      },
      { key: 'purpose', field: 'design.primaryPurpose', label: 'Primary purpose', cell: (t) => one(t.design.primaryPurpose ? labelOf(PRIMARY_PURPOSE, t.design.primaryPurpose) : null) },
      { key: 'enrollment', field: 'enrollment', label: 'Enrollment', cell: (t) => one(enrollmentLabel(t.enrollment)) },
      { key: 'arms', field: 'arms', label: 'Arms', cell: (t) => many(t.arms.map((a) => `${a.label} — ${a.type ? labelOf(ARM_TYPE, a.type) : 'type not stated'}`)) },
    ],
  },
  {
    key: 'population',
    label: 'Population',
    rows: [
      {
        key: 'categories',
        label: 'Condition categories',
        hint: 'the catalogue’s taxonomy',
        cell: (t) => many(categorySlugsOf(t).map((slug) => CATEGORY_LABELS[slug] ?? slug)),
      },
      { key: 'conditions', field: 'conditions', label: 'Conditions', cell: (t) => many(t.conditions) },
      {
        key: 'ages',
        label: 'Age range',
        cell: (t) => ({
          lines: [ageRangeLabel(t)],
          ages: { min: t.eligibility.minAge?.years ?? null, max: t.eligibility.maxAge?.years ?? null, text: ageRangeLabel(t) },
        }),
      },
      { key: 'sex', field: 'eligibility.sex', label: 'Sex', cell: (t) => one(t.eligibility.sex ? labelOf(SEX, t.eligibility.sex) : null) },
      {
        key: 'healthyVolunteers',
        field: 'eligibility.healthyVolunteers',
        label: 'Healthy volunteers',
        cell: (t) => one(t.eligibility.healthyVolunteers === true ? 'Accepted' : t.eligibility.healthyVolunteers === false ? 'Not accepted' : null),
      },
      { key: 'inclusion', field: 'eligibility.inclusion', label: 'Key inclusion criteria', hint: `first ${KEY_ITEMS} as listed`, cell: (t) => keyItems(t.eligibility.inclusion) },
      { key: 'exclusion', field: 'eligibility.exclusion', label: 'Key exclusion criteria', hint: `first ${KEY_ITEMS} as listed`, cell: (t) => keyItems(t.eligibility.exclusion) },
    ],
  },
  {
    key: 'outcomes',
    label: 'Outcomes',
    rows: [
      { key: 'primary', field: 'outcomes.primary', label: 'Primary outcomes', cell: (t) => many(t.outcomes.primary.map((o) => `${o.measure}${o.timeFrame ? ` — ${o.timeFrame}` : ''}`)) },
      { key: 'secondary', field: 'outcomes.secondary', label: 'Secondary outcomes', cell: (t) => many(t.outcomes.secondary.map((o) => `${o.measure}${o.timeFrame ? ` — ${o.timeFrame}` : ''}`)) },
      {
        key: 'instruments',
        label: 'Instruments',
        hint: 'detected in the outcome measures',
        cell: (t) => many(instrumentsOf(t).map((i) => i.label), t.outcomes.primary.length + t.outcomes.secondary.length ? 'None recognised' : 'No outcomes stated'),
      },
    ],
  },
  {
    key: 'evidence',
    label: 'Evidence',
    rows: [
      {
        key: 'signals',
        label: 'Evidence signals',
        cell: (t) => many([...new Set(t.flags.filter((f) => EVIDENCE.includes(f.code) && f.code !== 'registered-not-approved').map((f) => flagLabel(f.code)))], 'None'),
      },
      { key: 'flags', label: 'Data-quality flags', cell: (t) => many([...new Set(t.flags.filter((f) => !SIGNALS.includes(f.code)).map((f) => flagLabel(f.code)))], 'None') },
      { key: 'results', field: 'hasResults', label: 'Results posted', cell: (t) => one(t.hasResults === true ? 'Yes' : t.hasResults === false ? 'No' : null) },
      { key: 'sources', label: 'Sources', identity: true, cell: (t) => many(t.sources.map((s) => `${FORMAT[s.format].label}: ${s.file}`)) },
    ],
  },
];

export const ALL_ROWS: readonly Row[] = GROUPS.flatMap((g) => g.rows);

/** What decides whether two cells are the same. */
export const cellKey = (cell: Cell) => cell.lines.join('\n').toLowerCase().replace(/\s+/gu, ' ').trim();

/**
 * Whether the trials disagree among themselves on one attribute: true when not every cell is the
 * same as every other (case and spacing ignored). Which trial comes first does not matter: two
 * trials that agree and a third that does not make the whole row differ, not only the third cell.
 */
export function cellsDiffer(cells: readonly Cell[]): boolean {
  return new Set(cells.map(cellKey)).size > 1;
}

/** Whether a row's cells are not all the same across the trials. */
export function rowDiffers(row: Row, trials: readonly Trial[]): boolean {
  return cellsDiffer(trials.map((t) => cellOf(row, t)));
}

export interface GridRow {
  row: Row;
  cells: Cell[];
  /** the trials disagree on this attribute (never set on identity rows, which differ by nature) */
  differs: boolean;
  /** every trial has the same value: the row "only differences" hides (needs two trials or more) */
  same: boolean;
}

export interface GridGroup {
  key: string;
  label: string;
  rows: GridRow[];
  /** every row of the group is the same across the trials */
  same: boolean;
}

export interface GridModel {
  trials: number;
  groups: GridGroup[];
  /** rows that can differ (identity rows left out) */
  compared: number;
  /** of those, the rows on which the trials disagree */
  differing: number;
}

/**
 * What the grid shows for a list of trials: the groups and rows (all, or only the `wanted` row
 * keys, in the model's order), each row's cells and whether the trials disagree on it.
 */
export function gridModel(trials: readonly Trial[], wanted?: readonly string[]): GridModel {
  const several = trials.length > 1;
  const groups = GROUPS.map((g) => {
    const rows = g.rows
      .filter((r) => !wanted || wanted.includes(r.key))
      .map((row): GridRow => {
        const cells = trials.map((t) => cellOf(row, t));
        const disagree = cellsDiffer(cells);
        return { row, cells, differs: several && disagree && !row.identity, same: several && !disagree };
      });
    return { key: g.key, label: g.label, rows, same: rows.every((r) => r.same) };
  }).filter((g) => g.rows.length > 0);
  const comparable = groups.flatMap((g) => g.rows).filter((r) => !r.row.identity);
  return { trials: trials.length, groups, compared: comparable.length, differing: comparable.filter((r) => r.differs).length };
}

/** The selection as a flat table (header + one row per attribute), for CSV export and tests. */
export function comparisonTable(trials: readonly Trial[]): string[][] {
  const header = ['group', 'attribute', ...trials.map((t) => t.id)];
  const rows = GROUPS.flatMap((g) => g.rows.map((r) => [g.label, r.label, ...trials.map((t) => cellOf(r, t).lines.join('; '))]));
  return [header, ...rows];
}
