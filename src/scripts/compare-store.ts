/**
 * The comparison selection, kept in localStorage so it survives navigation, and the
 * "Add to compare" buttons every trial page, browse row and search result carries
 * (<span data-compare-slot data-id="NCT…">). The /compare/ page reads the URL first, then this.
 */
import { MAX_COMPARE } from '../lib/compare-selection.ts';

export { MAX_COMPARE };
const KEY = 'msc-compare-ids';

export function readSelection(): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_COMPARE) : [];
  } catch {
    return [];
  }
}

export function writeSelection(ids: readonly string[]): void {
  const unique = [...new Set(ids)].slice(0, MAX_COMPARE);
  try {
    localStorage.setItem(KEY, JSON.stringify(unique));
  } catch {
    // storage may be off (private mode); the URL still carries the selection
  }
  window.dispatchEvent(new CustomEvent('compare-change', { detail: unique }));
}

export function toggleSelection(id: string): string[] {
  const ids = readSelection();
  const next = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
  writeSelection(next);
  return next;
}

export const compareHref = (ids: readonly string[]) => `/compare/?ids=${ids.map(encodeURIComponent).join(',')}`;

function render(slot: HTMLElement) {
  const id = slot.dataset.id!;
  const ids = readSelection();
  const on = ids.includes(id);
  const button = slot.querySelector<HTMLButtonElement>('button')!;
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? '✓ In comparison' : '+ Add to compare';
  button.title = on ? 'Remove this trial from your comparison' : 'Add this trial to your comparison';
  const link = slot.querySelector<HTMLAnchorElement>('a')!;
  link.hidden = ids.length === 0;
  link.href = compareHref(ids);
  link.textContent = `Compare ${ids.length} trial${ids.length === 1 ? '' : 's'}`;
}

/** Turn every compare slot under `root` into a toggle button and a link to the comparison. */
export function enhanceCompareSlots(root: ParentNode = document): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-compare-slot]:not([data-ready])')) {
    slot.dataset.ready = '';
    slot.classList.add('inline-flex', 'flex-wrap', 'items-center', 'gap-2');
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'btn' });
    button.dataset.compareToggle = slot.dataset.id;
    const link = Object.assign(document.createElement('a'), { className: 'text-sm' });
    slot.append(button, link);
    button.addEventListener('click', () => {
      const ids = readSelection();
      if (!ids.includes(slot.dataset.id!) && ids.length >= MAX_COMPARE) {
        button.textContent = `At most ${MAX_COMPARE} trials`;
        return;
      }
      toggleSelection(slot.dataset.id!);
    });
    render(slot);
  }
}

function refreshAll() {
  for (const slot of document.querySelectorAll<HTMLElement>('[data-compare-slot][data-ready]')) render(slot);
}
if (typeof window !== 'undefined') {
  window.addEventListener('compare-change', refreshAll);
  window.addEventListener('storage', (e) => {
    if (e.key === KEY) refreshAll();
  });
}
