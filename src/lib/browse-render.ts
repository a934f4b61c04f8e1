/**
 * The browse list's rows and page links as HTML: one renderer for the static pages (BrowseList
 * inserts it at build time) and for the rows the browser script shows after a filter or a sort.
 * Every text is escaped here; styles are classes of src/styles/browse.css and global.css.
 */
import type { BrowseRow } from './browse.ts';
import { pageItems } from './browse.ts';
import { TONE_SHAPE, formatIsoDate, statusTone } from '../domain/display.ts';
import { escapeHtml as esc } from './html.ts';

/** Conditions a row names before "+N more": the trial page lists them all. */
export const ROW_CONDITIONS = 3;

function conditionsHtml(conditions: readonly string[]): string {
  if (conditions.length === 0) return '—';
  const shown = conditions.slice(0, ROW_CONDITIONS).map(esc).join('; ');
  const more = conditions.length - ROW_CONDITIONS;
  return more > 0 ? `${shown}; <span class="text-muted">+${more} more</span>` : shown;
}

const cell = (label: string, html: string, cls = '') => `<td data-label="${esc(label)}"${cls ? ` class="${cls}"` : ''}>${html}</td>`;

/** One row: the title links the trial page; the id line holds the add-to-compare slot. */
export function rowHtml(r: BrowseRow): string {
  const tone = statusTone(r.status);
  return [
    '<tr>',
    cell(
      'Trial',
      `<a href="${esc(r.url)}" class="browse-link">${esc(r.title)}</a>` +
        `<span class="browse-idline"><span class="browse-id">${esc(r.id)}</span><span data-compare-slot data-id="${esc(r.id)}"></span></span>`,
      'browse-title',
    ),
    cell('Status', `<span class="badge tone-${tone}"><span aria-hidden="true">${TONE_SHAPE[tone]}</span>${esc(r.statusLabel)}</span>`),
    cell('Phase', esc(r.phaseLabel)),
    cell('Product', esc(r.productLabel)),
    cell('Cell source', esc(r.sourceLabel)),
    cell('Condition', conditionsHtml(r.conditions), 'browse-conditions'),
    cell('Enrollment', r.enrollment === null ? '—' : esc(r.enrollment.toLocaleString('en')), 'tabular-nums'),
    cell('Start', r.start ? esc(formatIsoDate(r.start)) : '—'),
    '</tr>',
  ].join('');
}

export const rowsHtml = (rows: readonly BrowseRow[]) => rows.map(rowHtml).join('\n');

/** Previous, numbered and next page links; `href` gives each page's address. */
export function pagesHtml(page: number, pages: number, href: (n: number) => string): string {
  if (pages <= 1) return '';
  const link = (n: number, text: string, rel?: string) => `<a class="btn" href="${esc(href(n))}" data-page="${n}"${rel ? ` rel="${rel}"` : ''}>${text}</a>`;
  const items = pageItems(page, pages).map((n) =>
    n === null ? '<span aria-hidden="true">…</span>' : n === page ? `<span class="btn btn-primary" aria-current="page">${n}</span>` : link(n, String(n)),
  );
  return [...(page > 1 ? [link(page - 1, 'Previous', 'prev')] : []), ...items, ...(page < pages ? [link(page + 1, 'Next', 'next')] : [])].join('');
}
