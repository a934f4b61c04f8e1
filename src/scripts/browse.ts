/**
 * The browse list's interaction (components/BrowseList.astro): filters, sorts and pages kept in
 * the URL (deep links restore them, back and forward step through them), option counts that follow
 * the other filters, the add-to-compare buttons, and exports of exactly the rows the filter shows.
 * The page works without it: the static pages list every trial. The logic is lib/browse.ts, the
 * rows' HTML lib/browse-render.ts — the same code the build renders the static pages with.
 */
import {
  DEFAULT_SORT,
  DESCENDING_FIRST,
  FILTERS,
  FILTER_KEYS,
  activeFilters,
  browseView,
  countText,
  exportName,
  exportRecords,
  facetCounts,
  isPlain,
  parseState,
  recordsJson,
  sortLabel,
  stateHref,
  type BrowseRow,
  type BrowseState,
  type FilterKey,
  type SortOrders,
} from '../lib/browse.ts';
import { pagesHtml, rowsHtml } from '../lib/browse-render.ts';
import type { Trial } from '../schemas/trial.ts';
import { compareHref, enhanceCompareSlots, readSelection } from './compare-store.ts';

const root = document.querySelector<HTMLElement>('[data-browse]');
if (root) start(root);

function start(root: HTMLElement) {
  const q = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const details = q<HTMLDetailsElement>('[data-browse-filters]');
  const form = q<HTMLFormElement>('[data-browse-controls]');
  const body = q<HTMLTableSectionElement>('[data-browse-body]');
  const count = q<HTMLElement>('[data-browse-count]');
  const pagesNav = q<HTMLElement>('[data-browse-pages]');
  const active = q<HTMLElement>('[data-browse-active]');
  const clear = q<HTMLAnchorElement>('[data-browse-clear]');
  const exportLine = q<HTMLElement>('[data-browse-export]');
  const exportWhat = q<HTMLElement>('[data-browse-export-what]');
  const table = q<HTMLElement>('.browse-wrap');
  const exportStatus = q<HTMLElement>('[data-browse-export-status]');
  const compareLink = q<HTMLAnchorElement>('[data-browse-compare]');
  const catalogue = Number(root.dataset.catalogue);
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const sortSelect = select('sort');

  /** The options the form offers: a value in the URL that none of them is, is dropped. */
  const known = Object.fromEntries(
    FILTER_KEYS.map((k) => [k, new Set([...select(k).options].map((o) => o.value).filter(Boolean))]),
  ) as Record<FilterKey, Set<string>>;

  // statuses and phases sort in the vocabulary's order, which the build gave their filter options
  const orders: SortOrders = {
    status: [...select('status').options].map((o) => o.value),
    phase: [...select('phase').options].map((o) => o.value),
  };

  let data: BrowseRow[] | null = null;
  let loading: Promise<BrowseRow[]> | null = null;
  let records: Promise<Trial[]> | null = null;
  let current: BrowseState = parseState(location.search, location.pathname, known);

  const load = () =>
    (loading ??= fetch('/data/browse.json')
      .then((r) => {
        if (!r.ok) throw new Error(`/data/browse.json answered ${r.status}`);
        return r.json() as Promise<BrowseRow[]>;
      })
      .then((rows) => (data = rows)));

  function ensureSortOption(value: string) {
    if (![...sortSelect.options].some((o) => o.value === value)) sortSelect.add(new Option(sortLabel(value), value));
  }

  function syncForm(state: BrowseState) {
    for (const key of FILTER_KEYS) select(key).value = state.filters[key] ?? '';
    ensureSortOption(state.sort);
    sortSelect.value = state.sort;
  }

  function formState(): BrowseState {
    const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, select(k).value]).filter(([, v]) => v));
    return { filters, sort: sortSelect.value || DEFAULT_SORT, page: 1 };
  }

  /** Counts, summary, clear link, export wording and column states: everything but the rows. */
  function renderControls(state: BrowseState, matched: number | null) {
    const on = activeFilters(state);
    active.textContent = on.length ? `(${on.length} filter${on.length === 1 ? '' : 's'} on)` : '';
    clear.hidden = on.length === 0;
    exportWhat.textContent = isPlain(state)
      ? `all ${catalogue.toLocaleString('en')} trials`
      : matched === null
        ? 'the trials listed'
        : `the ${matched.toLocaleString('en')} trial${matched === 1 ? '' : 's'} listed`;
    const base = state.sort.replace(/^-/u, '');
    for (const th of root.querySelectorAll<HTMLElement>('th[data-col]')) {
      th.setAttribute('aria-sort', th.dataset.col === base ? (state.sort.startsWith('-') ? 'descending' : 'ascending') : 'none');
    }
  }

  function renderCounts(rows: BrowseRow[], state: BrowseState) {
    const counts = facetCounts(rows, state.filters);
    for (const { key } of FILTERS) {
      for (const option of select(key).options) {
        if (!option.value) continue;
        option.textContent = `${option.dataset.label} (${(counts[key].get(option.value) ?? 0).toLocaleString('en')})`;
      }
    }
  }

  async function show(state: BrowseState) {
    current = state;
    if (!data) count.textContent = 'Loading the full list…';
    let rows: BrowseRow[];
    try {
      rows = await load();
    } catch {
      count.textContent = 'The full list could not be loaded, so filters and sorts are off; the pages below list every trial.';
      return;
    }
    if (state !== current) return; // a later navigation took over
    const view = browseView(rows, state, orders);
    body.innerHTML = rowsHtml(view.rows);
    enhanceCompareSlots(body);
    pagesNav.innerHTML = pagesHtml(view.page, view.pages, (page) => stateHref({ ...state, page }));
    count.textContent = countText(view.matched.length, view.from, view.to, rows.length, state.sort);
    // an empty list shows no empty table and offers no empty file
    table.hidden = exportLine.hidden = view.matched.length === 0;
    renderCounts(rows, state);
    renderControls(state, view.matched.length);
  }

  function navigate(state: BrowseState) {
    history.pushState(null, '', stateHref(state));
    void show(state);
  }

  // the controls appear only with the script; the filters open on wide screens or when one is on
  details.open = matchMedia('(min-width: 64rem)').matches || activeFilters(current).length > 0;
  details.hidden = false;
  syncForm(current);
  renderControls(current, null);

  form.addEventListener('change', () => navigate(formState()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate(formState());
  });
  clear.addEventListener('click', (e) => {
    e.preventDefault();
    const state = { filters: {}, sort: current.sort, page: 1 };
    syncForm(state);
    navigate(state);
  });

  // page links: the plain list's are its static pages; a filtered list's pages are drawn here
  pagesNav.addEventListener('click', (e) => {
    const link = (e.target as Element).closest<HTMLAnchorElement>('a[data-page]');
    if (!link || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const state = { ...current, page: Number(link.dataset.page) };
    if (isPlain(state) && !data) return;
    e.preventDefault();
    navigate(state);
    root.scrollIntoView({ block: 'start' });
  });

  // sortable column headers: a click sorts by the column, a second click reverses it
  for (const th of root.querySelectorAll<HTMLElement>('th[data-col]')) {
    const key = th.dataset.col!;
    const label = th.querySelector('[data-col-label]')!;
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'font-semibold underline-offset-2 hover:underline', textContent: label.textContent });
    button.addEventListener('click', () => {
      const first = DESCENDING_FIRST.has(key) ? `-${key}` : key;
      const sort = current.sort === first ? (first.startsWith('-') ? key : `-${key}`) : first;
      ensureSortOption(sort);
      sortSelect.value = sort;
      navigate({ ...current, sort, page: 1 });
    });
    label.replaceWith(button);
  }

  window.addEventListener('popstate', () => {
    const state = parseState(location.search, location.pathname, known);
    syncForm(state);
    void show(state);
  });

  // exports: the full records of every row the filter shows (all pages), in the list's order.
  // The plain list is the site's own files (the links' targets); anything else is made here.
  root.querySelectorAll<HTMLAnchorElement>('a[data-export]').forEach((link) =>
    link.addEventListener('click', (e) => {
      const state = current;
      if (isPlain(state)) return;
      e.preventDefault();
      void exportList(state, link.dataset.export as 'csv' | 'json');
    }),
  );

  async function exportList(state: BrowseState, kind: 'csv' | 'json') {
    exportStatus.textContent = 'Preparing the file…';
    try {
      const rows = browseView(await load(), state, orders).matched;
      records ??= fetch('/trials.json').then((r) => {
        if (!r.ok) throw new Error(`/trials.json answered ${r.status}`);
        return r.json() as Promise<Trial[]>;
      });
      const list = exportRecords(await records, rows);
      if (kind === 'csv') {
        const { trialsToCsv } = await import('../lib/csv.ts');
        download(exportName(state, 'csv'), 'text/csv;charset=utf-8', trialsToCsv(list));
      } else {
        download(exportName(state, 'json'), 'application/json', recordsJson(list));
      }
      exportStatus.textContent = `Downloaded ${list.length.toLocaleString('en')} trial${list.length === 1 ? '' : 's'} as ${kind.toUpperCase()}.`;
    } catch {
      records = null;
      exportStatus.textContent = 'The export could not be made; the full files /trials.csv and /trials.json hold every trial.';
    }
  }

  // the comparison: one link for the list, not one per row
  const renderCompare = () => {
    const ids = readSelection();
    compareLink.hidden = ids.length === 0;
    compareLink.href = compareHref(ids);
    compareLink.textContent = `Compare ${ids.length} chosen trial${ids.length === 1 ? '' : 's'}`;
  };
  window.addEventListener('compare-change', renderCompare);
  window.addEventListener('storage', renderCompare);
  renderCompare();
  enhanceCompareSlots(body);

  // a deep link (?country=…): draw the state it names, under its clean address (values no option has dropped)
  if (location.search) {
    const href = stateHref(current);
    if (href !== `${location.pathname}${location.search}`) history.replaceState(null, '', href);
    void show(current);
  }
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
