/**
 * The trial picker of /compare/ (src/components/ComparePicker.astro): a condition category and
 * words narrow the catalogue (/compare/picker.json, loaded when the picker is first opened); a
 * ticked trial joins the comparison, an unticked one leaves it. The page's script owns the
 * selection: the picker asks it to change and follows its `compare-change` events.
 */
import { MAX_COMPARE, pickerMatches, type PickerIndex, type PickerTrial } from '../lib/compare-selection.ts';
import { trialPath } from '../lib/site.ts';

/** Rows listed at a time; "Show more" adds as many again. */
const PAGE = 20;

export interface PickerHooks {
  /** the trials of the comparison now */
  selection(): readonly string[];
  /** make `ids` the comparison, and say `announce` */
  change(ids: string[], announce: string): void;
  loadIndex(): Promise<PickerIndex | null>;
}

export function startPicker(details: HTMLDetailsElement, hooks: PickerHooks): void {
  const form = details.querySelector<HTMLFormElement>('[data-picker-form]')!;
  const category = details.querySelector<HTMLSelectElement>('[data-picker-category]')!;
  const words = details.querySelector<HTMLInputElement>('[data-picker-words]')!;
  const status = details.querySelector<HTMLElement>('[data-picker-status]')!;
  const list = details.querySelector<HTMLUListElement>('[data-picker-results]')!;
  const more = details.querySelector<HTMLButtonElement>('[data-picker-more]')!;
  details.querySelector<HTMLElement>('[data-picker-words-field]')!.hidden = false;
  let index: PickerIndex | null = null;
  let matches: PickerTrial[] = [];

  const categoryLabel = (slug: string) => index?.categories.find((c) => c.slug === slug)?.label;

  function row(t: PickerTrial): HTMLLIElement {
    const li = document.createElement('li');
    const label = document.createElement('label');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: t.id });
    const text = document.createElement('span');
    const id = Object.assign(document.createElement('span'), { className: 'font-mono text-sm', textContent: t.id });
    const title = Object.assign(document.createElement('span'), { className: 'picker-title', textContent: ` ${t.title}` });
    const facts = [t.status, t.phase, t.start ? `started ${t.start}` : 'start not stated', t.categories.map((c) => categoryLabel(c) ?? c).join(', ')];
    const meta = Object.assign(document.createElement('span'), { className: 'block text-xs text-muted', textContent: facts.join(' · ') });
    text.append(id, title, meta);
    label.append(box, text);
    const link = Object.assign(document.createElement('a'), { href: trialPath(t.id), className: 'text-sm', textContent: 'Trial page' });
    link.append(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` of ${t.id}` }));
    li.append(label, link);
    return li;
  }

  /** Ticks follow the selection; when it is full, the unticked boxes wait. */
  function syncChecks() {
    const chosen = hooks.selection();
    const full = chosen.length >= MAX_COMPARE;
    for (const box of list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      box.checked = chosen.includes(box.value);
      box.disabled = full && !box.checked;
    }
  }

  function describe(shown: number) {
    const where = category.value ? `in ${categoryLabel(category.value) ?? category.value}` : 'in the catalogue';
    const typed = words.value.trim();
    const what = `${matches.length} ${matches.length === 1 ? 'trial' : 'trials'} ${where}${typed ? ` matching “${typed}”` : ''}`;
    const full = hooks.selection().length >= MAX_COMPARE ? ` Your comparison is full (${MAX_COMPARE} trials): untick one to add another.` : '';
    status.textContent = matches.length
      ? `${what}; ${shown < matches.length ? `showing the ${shown} most recently started` : 'the most recently started first'}.${full}`
      : `No trials ${where}${typed ? ` match “${typed}”` : ''}.`;
  }

  async function refresh() {
    if (!index) {
      status.textContent = 'Loading the list of trials…';
      index = await hooks.loadIndex();
      if (!index) {
        status.textContent = 'The list of trials could not be loaded. The trial list (Trials, in the menu) filters by category too.';
        return;
      }
    }
    matches = pickerMatches(index, category.value, words.value);
    const first = matches.slice(0, PAGE);
    list.replaceChildren(...first.map(row));
    showMoreButton(first.length);
    describe(first.length);
    syncChecks();
  }

  function showMoreButton(shown: number) {
    const rest = matches.length - shown;
    more.hidden = rest <= 0;
    more.textContent = `Show ${Math.min(PAGE, rest)} more (${rest} not shown)`;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void refresh();
  });
  details.addEventListener('toggle', () => {
    if (details.open && !index) void refresh();
  });
  category.addEventListener('change', () => void refresh());
  words.addEventListener('input', () => void refresh());
  more.addEventListener('click', () => {
    const shown = list.children.length;
    const next = matches.slice(shown, shown + PAGE).map(row);
    list.append(...next);
    syncChecks();
    showMoreButton(list.children.length);
    describe(list.children.length);
    next[0]?.querySelector('input')?.focus();
  });
  list.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== 'checkbox') return;
    const chosen = hooks.selection();
    if (box.checked) hooks.change([...chosen.filter((id) => id !== box.value), box.value], `${box.value} added to the comparison.`);
    else hooks.change(chosen.filter((id) => id !== box.value), `${box.value} removed from the comparison.`);
  });
  window.addEventListener('compare-change', syncChecks);
  if (details.open) void refresh();
}
