/**
 * The comparison grid as HTML: trials as columns, attribute rows grouped (src/lib/compare.ts).
 * One renderer for both sides: Astro pages insert it at build time, the /compare/ page's script
 * inserts it in the browser for the chosen trials. Every text is escaped here, with the site's one
 * escaper (html.ts).
 */
import type { Trial } from '../schemas/trial.ts';
import { gridModel, type Cell, type GridModel, type Row } from './compare.ts';
import { NOT_HELD, NOT_STATED, phasesLabel, statusLabel, STATUS_TONE } from './format.ts';
import { escapeHtml as esc } from './html.ts';
import { trialPath } from './site.ts';

/** The common age axis of a selection, in years: 0 to the largest bound, rounded up, at least 20. */
function ageAxis(trials: readonly Trial[]): number {
  const bounds = trials.flatMap((t) => [t.eligibility.minAge?.years, t.eligibility.maxAge?.years]).filter((x): x is number => x != null);
  return Math.max(20, Math.ceil((Math.max(0, ...bounds) + 5) / 10) * 10);
}

function ageBar(cell: Cell, axis: number): string {
  const ages = cell.ages!;
  const w = 160;
  const x = (years: number) => Math.round((Math.min(years, axis) / axis) * w);
  if (ages.min === null && ages.max === null) return `<span class="not-stated">${esc(ages.text)}</span>`;
  const from = x(ages.min ?? 0);
  const open = ages.max === null;
  const to = open ? w : x(ages.max!);
  // an open upper bound fades out: a full bar to near the end, then a faint one (no gradient ids, so grids can repeat on a page)
  const bar = open
    ? `<rect x="${from}" y="10" width="${Math.max(3, w - 24 - from)}" height="10" rx="3" fill="var(--accent)" /><rect x="${Math.max(from, w - 24)}" y="10" width="24" height="10" rx="3" fill="var(--accent)" fill-opacity="0.3" />`
    : `<rect x="${from}" y="10" width="${Math.max(3, to - from)}" height="10" rx="3" fill="var(--accent)" />`;
  return `<svg class="age-bar" width="${w}" height="22" viewBox="0 0 ${w} 22" role="img" aria-label="${esc(ages.text)}">
<line x1="0" y1="15" x2="${w}" y2="15" stroke="var(--border-strong)" />${bar}
<text x="0" y="7" font-size="8" fill="var(--fg-muted)">0</text><text x="${w}" y="7" font-size="8" text-anchor="end" fill="var(--fg-muted)">${axis} y</text>
</svg><span class="block">${esc(ages.text)}</span>`;
}

/** The words a cell uses for no value, shown muted. */
const NO_VALUE = new Set([NOT_STATED, NOT_HELD, 'None', 'No outcomes stated', 'No MSC product identified']);

function cellHtml(row: Row, cell: Cell, axis: number): string {
  if (cell.ages) return ageBar(cell, axis);
  const notStated = cell.lines.length === 1 && NO_VALUE.has(cell.lines[0]!);
  if (notStated) return `<span class="not-stated">${esc(cell.lines[0]!)}</span>`;
  if (row.key === 'title') return esc(cell.lines[0]!);
  if (cell.lines.length === 1) return esc(cell.lines[0]!);
  return `<ul>${cell.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

export interface GridOptions {
  /** id attribute of the table, for the page's controls */
  id?: string;
  caption?: string;
  /** show the caption above the grid (guides); otherwise it is for screen readers only */
  captionVisible?: boolean;
  /** only these row keys (src/lib/compare.ts), in the model's order; default every row */
  rows?: readonly string[];
}

/** The sentence above a grid that says how many attributes differ and how they are marked. */
export function legendText(model: GridModel): string {
  if (model.trials < 2) return 'Add a second trial to see where they differ.';
  const all = model.trials === 2 ? 'these 2 trials' : `these ${model.trials} trials`;
  if (model.differing === 0) return `The ${model.compared} attributes shown are the same for ${all}.`;
  return `${model.differing} of the ${model.compared} attributes shown differ among ${all}: their rows are shaded and marked “differs”.`;
}

/**
 * The grid: a sentence saying how many attributes differ, then a scroll box with a table whose
 * header row and attribute column stay in view. A row on which the chosen trials disagree is
 * shaded and marked in words; a row the same for all of them carries data-same, which "only
 * differences" hides.
 */
export function renderGrid(trials: readonly Trial[], options: GridOptions = {}): string {
  const model = gridModel(trials, options.rows);
  const axis = ageAxis(trials);
  const head = trials
    .map((t) => {
      const tone = t.status ? STATUS_TONE[t.status] : 'neutral';
      return `<th scope="col" class="grid-head"><a href="${esc(trialPath(t.id))}" class="font-mono">${esc(t.id)}</a><span class="mt-1 flex flex-wrap gap-1"><span class="badge tone-${tone}">${esc(statusLabel(t.status))}</span><span class="badge tone-violet">${esc(phasesLabel(t.phases))}</span></span></th>`;
    })
    .join('');
  const bodies = model.groups
    .map((group) => {
      const rows = group.rows.map(({ row, cells, differs, same }) => {
        const attrs = `data-row="${esc(row.key)}"${differs ? ' class="differs" data-differs' : ''}${same ? ' data-same' : ''}`;
        const mark = differs ? ' <span class="differs-mark">differs</span>' : '';
        const hint = row.hint ? `<span class="block text-xs font-normal text-muted">${esc(row.hint)}</span>` : '';
        return `<tr ${attrs}><th scope="row" class="grid-attr">${esc(row.label)}${mark}${hint}</th>${cells.map((c) => `<td>${cellHtml(row, c, axis)}</td>`).join('')}</tr>`;
      });
      return `<tbody data-group="${esc(group.key)}"${group.same ? ' data-same' : ''}><tr class="grid-group"><th scope="colgroup" colspan="${trials.length + 1}"><span>${esc(group.label)}</span></th></tr>${rows.join('')}</tbody>`;
    })
    .join('');
  const caption = options.caption
    ? `<caption class="${options.captionVisible ? 'grid-caption' : 'visually-hidden'}">${esc(options.caption)}</caption>`
    : '';
  const label = `${options.caption ?? 'Comparison grid'}, scrolls sideways`;
  return `<p class="grid-legend" data-grid-legend>${esc(legendText(model))}</p>
<section class="compare-scroll" tabindex="0" aria-label="${esc(label)}">
<table class="compare-grid"${options.id ? ` id="${esc(options.id)}"` : ''} data-trials="${trials.length}" data-differing="${model.differing}" data-compared="${model.compared}">${caption}
<thead><tr><th scope="col" class="grid-attr grid-corner">Attribute</th>${head}</tr></thead>${bodies}</table></section>`;
}
