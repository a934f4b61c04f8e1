/**
 * The /compare/ page's script: the selection from the URL (?ids=) or local storage, chips to
 * remove and reorder, the grid rendered by the shared renderer, exports as CSV (csv-stringify)
 * and JSON, and a notice for ids the catalogue does not have.
 */
import { comparisonTable } from '../lib/compare.ts';
import { renderGrid } from '../lib/compare-render.ts';
import type { Trial } from '../schemas/trial.ts';
import { MAX_COMPARE, readSelection, writeSelection } from './compare-store.ts';

const slug = (id: string) => id.replace(/\//gu, '-');
const cache = new Map<string, Promise<Trial | null>>();

function fetchTrial(id: string): Promise<Trial | null> {
  const key = id.trim();
  if (!cache.has(key)) {
    cache.set(
      key,
      fetch(`/trials/${encodeURIComponent(slug(key))}.json`).then(async (r) => (r.ok ? ((await r.json()) as Trial) : null)).catch(() => null),
    );
  }
  return cache.get(key)!;
}

function idsFromUrl(): string[] | null {
  const raw = new URLSearchParams(location.search).get('ids');
  if (raw === null) return null;
  return [...new Set(raw.split(',').map((s) => s.trim()).filter(Boolean))].slice(0, MAX_COMPARE);
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function startCompare(): void {
  const app = document.querySelector<HTMLElement>('[data-compare-app]');
  if (!app) return;
  const notice = app.querySelector<HTMLElement>('[data-compare-notice]')!;
  const selectionBox = app.querySelector<HTMLElement>('[data-compare-selection]')!;
  const chips = app.querySelector<HTMLOListElement>('[data-compare-chips]')!;
  const count = app.querySelector<HTMLElement>('[data-selection-count]')!;
  const caption = app.querySelector<HTMLElement>('[data-compare-caption]')!;
  const gridBox = app.querySelector<HTMLElement>('[data-compare-grid]')!;
  const exports = app.querySelector<HTMLElement>('[data-compare-exports]');
  const copyStatus = app.querySelector<HTMLElement>('[data-copy-status]')!;
  const defaults = JSON.parse(document.getElementById('compare-defaults')?.textContent ?? '{"ids":[]}') as { ids: string[]; label: string };
  let shown: Trial[] = [];

  const setUrl = (ids: string[], mode: 'push' | 'replace') => {
    const url = ids.length ? `${location.pathname}?ids=${ids.map(encodeURIComponent).join(',')}` : location.pathname;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  function chip(t: Trial, i: number, all: Trial[]): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'badge tone-neutral gap-1 py-1 text-sm';
    const label = Object.assign(document.createElement('a'), { href: `/trials/${slug(t.id)}/`, className: 'font-mono', textContent: t.id });
    label.title = t.title;
    const button = (text: string, name: string, disabled: boolean, action: () => void) => {
      const b = Object.assign(document.createElement('button'), { type: 'button', textContent: text, disabled, className: 'inline-flex h-7 min-w-7 items-center justify-center rounded hover:bg-surface-2 disabled:opacity-30' });
      b.setAttribute('aria-label', `${name} ${t.id}`);
      b.addEventListener('click', action);
      return b;
    };
    const ids = all.map((x) => x.id);
    const move = (to: number) => () => {
      const next = [...ids];
      next.splice(i, 1);
      next.splice(to, 0, t.id);
      void apply(next, 'push', `${t.id} moved to position ${to + 1}.`);
    };
    li.append(
      button('‹', 'Move left', i === 0, move(i - 1)),
      label,
      button('›', 'Move right', i === all.length - 1, move(i + 1)),
      button('×', 'Remove', false, () => void apply(ids.filter((x) => x !== t.id), 'push', `${t.id} removed.`)),
    );
    return li;
  }

  async function apply(ids: string[], mode: 'push' | 'replace' | 'none', announce?: string) {
    const focusedLabel = document.activeElement?.getAttribute('aria-label');
    if (mode !== 'none') setUrl(ids, mode);
    writeSelection(ids.filter((id) => !id.startsWith('?')));
    if (ids.length === 0) {
      shown = [];
      selectionBox.hidden = true;
      notice.replaceChildren();
      caption.textContent = 'Your selection is empty. Add trials with “Add to compare”, or open a ready-made comparison below.';
      gridBox.replaceChildren();
      if (exports) exports.hidden = true;
      return;
    }
    caption.textContent = 'Loading…';
    const found = await Promise.all(ids.map(fetchTrial));
    const missing = ids.filter((_, i) => !found[i]);
    shown = found.filter((t): t is Trial => t !== null);
    const message = document.createElement('p');
    if (missing.length) {
      message.className = 'card mt-3 p-3 text-sm tone-pending';
      message.textContent = `Not in the catalogue: ${missing.join(', ')}. ${missing.length === 1 ? 'This id is' : 'These ids are'} left out of the grid — check the spelling, or search for the trial.`;
      notice.replaceChildren(message);
    } else notice.replaceChildren();
    selectionBox.hidden = shown.length === 0;
    chips.replaceChildren(...shown.map(chip));
    count.textContent = `(${shown.length} ${shown.length === 1 ? 'trial' : 'trials'})`;
    caption.textContent = shown.length
      ? `Showing ${shown.length} ${shown.length === 1 ? 'trial' : 'trials'}, in the order chosen.`
      : 'None of the chosen ids is in the catalogue.';
    gridBox.innerHTML = shown.length ? renderGrid(shown, { id: 'compare-grid', caption: `Comparison of ${shown.map((t) => t.id).join(', ')}` }) : '';
    if (exports) exports.hidden = shown.length === 0;
    if (announce) copyStatus.textContent = announce;
    if (focusedLabel) chips.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focusedLabel)}"]:not(:disabled)`)?.focus();
  }

  function fromLocation(mode: 'replace' | 'none') {
    const fromUrl = idsFromUrl();
    if (fromUrl) return void apply(fromUrl, 'none');
    const stored = readSelection();
    if (stored.length) return void apply(stored, mode);
    // nothing chosen: keep the default grid rendered at build time
    shown = [];
    selectionBox.hidden = true;
    if (exports) exports.hidden = false;
    caption.textContent = `Showing ${defaults.label}. Choose trials with “Add to compare” to compare your own selection.`;
  }

  exports?.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!target) return;
    if (target.dataset.print !== undefined) return window.print();
    const trials = shown.length ? shown : null;
    const run = async () => {
      const list = trials ?? ((await Promise.all(defaults.ids.map(fetchTrial))).filter(Boolean) as Trial[]);
      const name = `msc-trials-comparison-${list.map((t) => slug(t.id)).join('-').slice(0, 80)}`;
      if (target.dataset.export === 'csv') {
        // the CSV writer loads only when someone exports
        const { stringify } = await import('csv-stringify/browser/esm/sync');
        download(`${name}.csv`, 'text/csv', stringify(comparisonTable(list)));
      }
      if (target.dataset.export === 'json') download(`${name}.json`, 'application/json', `${JSON.stringify(list, null, 2)}\n`);
    };
    void run();
  });

  app.querySelector('[data-clear-selection]')?.addEventListener('click', () => void apply([], 'push', 'Selection cleared.'));
  app.querySelector('[data-copy-compare-link]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copyStatus.textContent = 'Link copied.';
    } catch {
      copyStatus.textContent = 'Copy the address from the address bar.';
    }
  });
  window.addEventListener('popstate', () => fromLocation('none'));
  fromLocation('replace');
}
