/**
 * The comparison grid as HTML: trials as columns, attribute rows grouped (src/lib/compare.ts).
 * One renderer for both sides: Astro pages insert it at build time, the /compare/ page's script
 * inserts it in the browser for the chosen trials. Every text is escaped here.
 */
import type { Trial } from '../schemas/trial.ts';
import { GROUPS, cellKey, type Cell, type Row } from './compare.ts';
import { phasesLabel, statusLabel, STATUS_TONE } from './format.ts';
import { trialPath } from './site.ts';

export const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

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
  const to = ages.max === null ? w : x(ages.max);
  const open = ages.max === null;
  return `<svg class="age-bar" width="${w}" height="22" viewBox="0 0 ${w} 22" role="img" aria-label="${esc(ages.text)}">
<line x1="0" y1="15" x2="${w}" y2="15" stroke="var(--border-strong)" />
<rect x="${from}" y="10" width="${Math.max(3, to - from)}" height="10" rx="3" fill="${open ? 'url(#age-open)' : 'var(--accent)'}" />
<text x="0" y="7" font-size="8" fill="var(--fg-muted)">0</text><text x="${w}" y="7" font-size="8" text-anchor="end" fill="var(--fg-muted)">${axis} y</text>
</svg><span class="block">${esc(ages.text)}</span>`;
}

function cellHtml(row: Row, cell: Cell, axis: number): string {
  if (cell.ages) return ageBar(cell, axis);
  const notStated = cell.lines.length === 1 && /^(Not stated|None|No outcomes stated|No MSC product identified)$/u.test(cell.lines[0]!);
  if (notStated) return `<span class="not-stated">${esc(cell.lines[0]!)}</span>`;
  if (row.key === 'title') return esc(cell.lines[0]!);
  if (cell.lines.length === 1) return esc(cell.lines[0]!);
  return `<ul>${cell.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
}

export interface GridOptions {
  /** id attribute of the table, for the page's controls */
  id?: string;
  caption?: string;
}

/** The grid: a scroll box with a table whose header row and attribute column stay in view. */
export function renderGrid(trials: readonly Trial[], options: GridOptions = {}): string {
  const axis = ageAxis(trials);
  const head = trials
    .map((t) => {
      const tone = t.status ? STATUS_TONE[t.status] : 'neutral';
      return `<th scope="col" class="grid-head"><a href="${esc(trialPath(t.id))}" class="font-mono">${esc(t.id)}</a><span class="mt-1 flex flex-wrap gap-1"><span class="badge tone-${tone}">${esc(statusLabel(t.status))}</span><span class="badge tone-violet">${esc(phasesLabel(t.phases))}</span></span></th>`;
    })
    .join('');
  const bodies = GROUPS.map((group) => {
    const rows = group.rows.map((row) => {
      const cells = trials.map((t) => row.cell(t));
      const first = cells[0] ? cellKey(cells[0]) : '';
      const same = cells.every((c) => cellKey(c) === first);
      const tds = cells
        .map((c, i) => {
          const differs = i > 0 && !row.identity && cellKey(c) !== first;
          return `<td${differs ? ' class="differs"' : ''}>${cellHtml(row, c, axis)}${differs ? '<span class="visually-hidden"> (differs from the first trial)</span>' : ''}</td>`;
        })
        .join('');
      return `<tr data-row="${row.key}"${same && !row.identity && trials.length > 1 ? ' data-same' : ''}><th scope="row" class="grid-attr">${esc(row.label)}${row.hint ? `<span class="block text-xs font-normal text-muted">${esc(row.hint)}</span>` : ''}</th>${tds}</tr>`;
    });
    return `<tbody data-group="${group.key}"><tr class="grid-group"><th scope="colgroup" colspan="${trials.length + 1}"><span>${esc(group.label)}</span></th></tr>${rows.join('')}</tbody>`;
  }).join('');
  return `<section class="compare-scroll" tabindex="0" aria-label="Comparison grid, scrolls sideways">
<svg width="0" height="0" aria-hidden="true" class="absolute"><defs><linearGradient id="age-open"><stop offset="0.7" stop-color="var(--accent)"/><stop offset="1" stop-color="var(--accent)" stop-opacity="0.15"/></linearGradient></defs></svg>
<table class="compare-grid"${options.id ? ` id="${esc(options.id)}"` : ''}>${options.caption ? `<caption class="visually-hidden">${esc(options.caption)}</caption>` : ''}
<thead><tr><th scope="col" class="grid-attr grid-corner">Attribute</th>${head}</tr></thead>${bodies}</table></section>`;
}
