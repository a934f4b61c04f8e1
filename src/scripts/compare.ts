/**
 * The /compare/ page's script: the selection from the URL (?ids=) or local storage, chips to
 * remove and reorder, the grid rendered by the shared renderer, exports as CSV (csv-stringify)
 * and JSON, a notice for ids the catalogue does not have, the question a shared link asks before
 * it replaces a saved selection, and the picker by condition category (compare-picker.ts).
 *
 * A link's ids are read in any case and in the site's URL form ("/" as "-"), and by a trial's
 * other registry ids: an id already written as the catalogue writes it is fetched directly, any
 * other is first looked up in /compare/picker.json.
 */
import { comparisonTable } from '../lib/compare.ts';
import { renderGrid } from '../lib/compare-render.ts';
import { idsOfParam, isCanonicalNct, linkChoice, lookupOf, mergeSelections, resolveIds, type PickerIndex } from '../lib/compare-selection.ts';
import { idSlug, trialJsonPath, trialPath } from '../lib/site.ts';
import type { Trial } from '../schemas/trial.ts';
import { startPicker } from './compare-picker.ts';
import { MAX_COMPARE, readSelection, writeSelection } from './compare-store.ts';

const cache = new Map<string, Promise<Trial | null>>();

function fetchTrial(id: string): Promise<Trial | null> {
  if (!cache.has(id)) {
    cache.set(
      id,
      fetch(trialJsonPath(id)).then(async (r) => (r.ok ? ((await r.json()) as Trial) : null)).catch(() => null),
    );
  }
  return cache.get(id)!;
}

let indexLoad: Promise<PickerIndex | null> | null = null;
/** The picker's index: loaded once, when the picker opens or a link names a trial in another form. */
function loadIndex(): Promise<PickerIndex | null> {
  indexLoad ??= fetch('/compare/picker.json')
    .then(async (r) => (r.ok ? ((await r.json()) as PickerIndex) : null))
    .catch(() => null);
  return indexLoad;
}

/** The trials a link's written ids stand for, in order, each once; and what it lists that is no catalogue trial. */
async function resolveWritten(written: readonly string[]): Promise<{ trials: Trial[]; missing: string[] }> {
  const direct = await Promise.all(written.map((w) => (isCanonicalNct(w) ? fetchTrial(w) : Promise.resolve(null))));
  const rest = written.filter((_, i) => !direct[i]);
  const index = rest.length ? await loadIndex() : null;
  const lookup = index ? lookupOf(index) : new Map<string, string>();
  const trials: Trial[] = [];
  const missing: string[] = [];
  for (const [i, w] of written.entries()) {
    const id = resolveIds([w], lookup).ids[0];
    const trial = direct[i] ?? (id ? await fetchTrial(id) : null);
    if (!trial) missing.push(w);
    else if (!trials.some((t) => t.id === trial.id)) trials.push(trial);
  }
  return { trials, missing };
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const list = (ids: readonly string[]) => ids.join(', ');
const trialsWord = (n: number) => `${n} ${n === 1 ? 'trial' : 'trials'}`;

export function startCompare(): void {
  const app = document.querySelector<HTMLElement>('[data-compare-app]');
  if (!app) return;
  const notice = app.querySelector<HTMLElement>('[data-compare-notice]')!;
  const prompt = app.querySelector<HTMLElement>('[data-link-prompt]')!;
  const promptText = prompt.querySelector<HTMLElement>('[data-link-prompt-text]')!;
  const mergeButton = prompt.querySelector<HTMLButtonElement>('[data-link-merge]')!;
  const selectionBox = app.querySelector<HTMLElement>('[data-compare-selection]')!;
  const chips = app.querySelector<HTMLOListElement>('[data-compare-chips]')!;
  const count = app.querySelector<HTMLElement>('[data-selection-count]')!;
  const caption = app.querySelector<HTMLElement>('[data-compare-caption]')!;
  const gridBox = app.querySelector<HTMLElement>('[data-compare-grid]')!;
  const exports = app.querySelector<HTMLElement>('[data-compare-exports]');
  const copyStatus = app.querySelector<HTMLElement>('[data-copy-status]')!;
  const picker = app.querySelector<HTMLDetailsElement>('[data-compare-picker]');
  const defaults = JSON.parse(document.getElementById('compare-defaults')?.textContent ?? '{"ids":[]}') as { ids: string[]; label: string };
  /** the trials of the grid; the selection they are, unless a shared link is waiting for an answer */
  let shown: Trial[] = [];
  /** a shared link's trials and the saved selection, while the reader has not said which to keep */
  let pending: { link: string[]; saved: string[] } | null = null;

  const setUrl = (ids: readonly string[], mode: 'push' | 'replace') => {
    const url = ids.length ? `${location.pathname}?ids=${ids.map(encodeURIComponent).join(',')}` : location.pathname;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };

  function chip(t: Trial, i: number, all: Trial[]): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'badge tone-neutral gap-1 py-1 text-sm';
    const label = Object.assign(document.createElement('a'), { href: trialPath(t.id), className: 'font-mono', textContent: t.id });
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
      void select(next, 'push', `${t.id} moved to position ${to + 1}.`);
    };
    li.append(
      button('‹', 'Move left', i === 0, move(i - 1)),
      label,
      button('›', 'Move right', i === all.length - 1, move(i + 1)),
      button('×', 'Remove', false, () => void select(ids.filter((x) => x !== t.id), 'push', `${t.id} removed.`)),
    );
    return li;
  }

  /** Draw the grid, chips, caption and notice for these trials. */
  function render(trials: Trial[], missing: readonly string[]) {
    const focusedLabel = document.activeElement?.getAttribute('aria-label');
    shown = trials;
    if (missing.length) {
      const message = document.createElement('p');
      message.className = 'card mt-3 p-3 text-sm tone-pending';
      message.textContent = `Not in the catalogue: ${list(missing)}. ${missing.length === 1 ? 'This id is' : 'These ids are'} left out of the grid — check the spelling, or search for the trial.`;
      notice.replaceChildren(message);
    } else notice.replaceChildren();
    selectionBox.hidden = shown.length === 0 || pending !== null;
    if (picker) picker.hidden = pending !== null;
    chips.replaceChildren(...shown.map(chip));
    count.textContent = `(${trialsWord(shown.length)})`;
    caption.textContent = pending
      ? `Showing the ${trialsWord(shown.length)} of the link you opened, in its order.`
      : shown.length
        ? `Showing ${trialsWord(shown.length)}, in the order chosen.`
        : missing.length
          ? 'None of the chosen ids is in the catalogue.'
          : 'Your selection is empty. Add trials with “Add to compare”, by condition category above, or open a ready-made comparison below.';
    gridBox.innerHTML = shown.length ? renderGrid(shown, { id: 'compare-grid', caption: `Comparison of ${list(shown.map((t) => t.id))}` }) : '';
    if (exports) exports.hidden = shown.length === 0;
    if (focusedLabel) chips.querySelector<HTMLElement>(`[aria-label="${CSS.escape(focusedLabel)}"]:not(:disabled)`)?.focus();
  }

  /** Make `ids` (catalogue ids) the selection: saved, in the URL, drawn. */
  async function select(ids: string[], mode: 'push' | 'replace' | 'none', announce?: string) {
    pending = null;
    prompt.hidden = true;
    const chosen = [...new Set(ids)].slice(0, MAX_COMPARE);
    writeSelection(chosen);
    if (mode !== 'none') setUrl(chosen, mode);
    if (chosen.length) caption.textContent = 'Loading…';
    const found = await Promise.all(chosen.map(fetchTrial));
    render(
      found.filter((t): t is Trial => t !== null),
      chosen.filter((_, i) => !found[i]),
    );
    if (announce) copyStatus.textContent = announce;
  }

  /** A shared link: take its trials, or show them and ask when the reader has saved others. */
  async function openLink(written: string[], ask: boolean) {
    caption.textContent = 'Loading…';
    const { trials, missing } = await resolveWritten(written);
    const linkIds = trials.map((t) => t.id);
    const saved = readSelection();
    // the address shows the catalogue's ids (NCT04447833 for nct04447833); what is not found stays as written
    setUrl([...linkIds, ...missing], 'replace');
    if (linkIds.length === 0) {
      // nothing of the link is in the catalogue: the saved selection stays untouched
      pending = null;
      prompt.hidden = true;
      render([], missing);
      return;
    }
    const choice = linkChoice(linkIds, saved);
    if (!ask || choice !== 'ask') {
      pending = null;
      prompt.hidden = true;
      writeSelection(linkIds);
      render(trials, missing);
      return;
    }
    pending = { link: linkIds, saved };
    const together = mergeSelections(saved, linkIds, Number.POSITIVE_INFINITY).length;
    mergeButton.disabled = together > MAX_COMPARE;
    promptText.textContent =
      `This link compares ${trialsWord(linkIds.length)} (${list(linkIds)}), shown below. ` +
      `Your saved selection holds ${trialsWord(saved.length)} (${list(saved)}); it stays as it is until you choose.` +
      (mergeButton.disabled ? ` Together they are ${together} trials, more than the ${MAX_COMPARE} a comparison holds.` : '');
    prompt.hidden = false;
    render(trials, missing);
    notice.append(Object.assign(document.createElement('p'), { className: 'visually-hidden', textContent: 'This link’s trials are shown. Your saved selection is kept until you answer the question below.' }));
  }

  /** After the reader answers the link's question: the selection box takes the focus the buttons had. */
  const answered = async (ids: string[], announce: string) => {
    await select(ids, 'replace', announce);
    selectionBox.querySelector<HTMLElement>('h2')?.focus();
  };
  prompt.querySelector('[data-link-replace]')?.addEventListener('click', () => {
    if (pending) void answered(pending.link, `Your selection is now the link’s ${trialsWord(pending.link.length)}.`);
  });
  mergeButton.addEventListener('click', () => {
    if (pending) void answered(mergeSelections(pending.saved, pending.link), 'The link’s trials were added to your selection.');
  });
  prompt.querySelector('[data-link-keep]')?.addEventListener('click', () => {
    if (pending) void answered(pending.saved, 'Your saved selection is kept.');
  });

  function fromLocation(first: boolean) {
    const written = idsOfParam(new URLSearchParams(location.search).get('ids'));
    // going back and forth through the page's own history is the reader's own doing: no question then
    if (written) return void openLink(written, first);
    pending = null;
    prompt.hidden = true;
    const stored = readSelection();
    if (stored.length) return void select(stored, first ? 'replace' : 'none');
    // nothing chosen: keep the default grid rendered at build time
    shown = [];
    selectionBox.hidden = true;
    if (picker) picker.hidden = false;
    if (exports) exports.hidden = false;
    caption.textContent = `Showing ${defaults.label}. Choose trials with “Add to compare”, or by condition category above, to compare your own selection.`;
  }

  exports?.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
    if (!target) return;
    if (target.dataset.print !== undefined) return window.print();
    const trials = shown.length ? shown : null;
    const run = async () => {
      const all = trials ?? ((await Promise.all(defaults.ids.map(fetchTrial))).filter(Boolean) as Trial[]);
      const name = `msc-trials-comparison-${all.map((t) => idSlug(t.id)).join('-').slice(0, 80)}`;
      if (target.dataset.export === 'csv') {
        // the CSV writer loads only when someone exports
        const { stringify } = await import('csv-stringify/browser/esm/sync');
        download(`${name}.csv`, 'text/csv', stringify(comparisonTable(all)));
      }
      if (target.dataset.export === 'json') download(`${name}.json`, 'application/json', `${JSON.stringify(all, null, 2)}\n`);
    };
    void run();
  });

  app.querySelector('[data-clear-selection]')?.addEventListener('click', () => void select([], 'push', 'Selection cleared.'));
  app.querySelector('[data-copy-compare-link]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      copyStatus.textContent = 'Link copied.';
    } catch {
      copyStatus.textContent = 'Copy the address from the address bar.';
    }
  });
  if (picker) {
    startPicker(picker, {
      selection: () => (pending ? pending.link : readSelection()),
      change: (ids, announce) => void select(ids, 'replace', announce),
      loadIndex,
    });
  }
  window.addEventListener('popstate', () => fromLocation(false));
  fromLocation(true);
}
