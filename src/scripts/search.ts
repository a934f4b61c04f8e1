/**
 * The search page's UI on Pagefind's JS API. The URL is the state: q, sort and one parameter per
 * facet value (status=COMPLETED&phase=PHASE1&phase=PHASE2), so a search can be shared, bookmarked
 * and restored with back/forward. Pagefind (its JS and WASM) loads when this page is idle, the
 * index chunks for a query when the query is made, and the filter index after the first results.
 */
import { queryAsId } from '../ingest/synonyms.ts';
import { enhanceCompareSlots } from './compare-store.ts';

type FacetKey = string;
interface Config {
  facets: [FacetKey, string][];
  labels: Record<FacetKey, Record<string, string>>;
  total: number;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<ResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o: Record<string, unknown>) => Promise<PagefindSearch | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const PAGE = 10;
/** Up to this many trials, facet counts load by themselves after the first results. */
const AUTO_FACETS_MAX = 2000;
const MANY = 8;

interface State {
  q: string;
  sort: string;
  filters: Record<FacetKey, string[]>;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  const configEl = document.getElementById('search-config');
  if (!root || !configEl) return;
  const config = JSON.parse(configEl.textContent ?? '{}') as Config;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const facetsEl = root.querySelector<HTMLElement>('[data-facet-groups]')!;
  const facetsPanel = root.querySelector<HTMLDetailsElement>('[data-search-facets]')!;
  const activeCount = root.querySelector<HTMLElement>('[data-active-count]')!;
  const clearButton = root.querySelector<HTMLButtonElement>('[data-clear-filters]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const empty = root.querySelector<HTMLElement>('[data-search-empty]')!;
  const keys = config.facets.map(([k]) => k);
  const expanded = new Set<FacetKey>();
  root.hidden = false;
  if (window.matchMedia('(max-width: 63.99rem)').matches) facetsPanel.open = false;

  let pagefind: Promise<Pagefind> | null = null;
  const loadPagefind = () => {
    pagefind ??= (async () => {
      const url = '/pagefind/pagefind.js';
      const module = (await import(/* @vite-ignore */ url)) as Pagefind;
      await module.options({ excerptLength: 24 });
      await module.init();
      return module;
    })();
    return pagefind;
  };

  /**
   * The filter index (what the facet counts need) loads after the first results are on screen, or
   * at once when the page opens with filters or someone reaches for the panel; then the current
   * search runs again to fill in the counts.
   */
  let filterIndex: Promise<void> | null = null;
  let filtersLoaded = false;
  const loadFilterIndex = () => {
    filterIndex ??= loadPagefind().then(async (pf) => {
      buildFacets(await pf.filters());
      filtersLoaded = true;
    });
    return filterIndex;
  };
  /** Facet counts for the current search, without touching the results on screen. */
  const refreshCounts = async () => {
    await loadFilterIndex();
    // a search that starts meanwhile (someone ticked a filter) renders the facets itself: drawing
    // these counts afterwards would untick the box from a state that is no longer current
    const id = runId;
    const state = readState();
    const pf = await loadPagefind();
    const term = state.q ? (queryAsId(state.q) ?? state.q) : null;
    const search = term || activeFilters(state) ? await pf.search(term, { filters: filtersOf(state) }) : null;
    const counts = search ? search.filters : await pf.filters();
    if (id !== runId) return;
    renderFacets(counts, state);
  };
  const filtersOf = (state: State) =>
    Object.fromEntries(keys.filter((k) => state.filters[k]?.length).map((k) => [k, { any: state.filters[k] }]));

  const readState = (): State => {
    const params = new URLSearchParams(location.search);
    return {
      q: params.get('q') ?? '',
      sort: params.get('sort') ?? '',
      filters: Object.fromEntries(keys.map((k) => [k, params.getAll(k)])),
    };
  };
  const writeState = (state: State, mode: 'push' | 'replace') => {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    for (const k of keys) for (const v of state.filters[k] ?? []) params.append(k, v);
    if (state.sort) params.set('sort', state.sort);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (url === `${location.pathname}${location.search}`) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  const currentState = (): State => ({
    q: input.value.trim(),
    sort: sortSelect.value,
    filters: Object.fromEntries(
      keys.map((k) => [k, [...facetsEl.querySelectorAll<HTMLInputElement>(`input[name="${k}"]:checked`)].map((c) => c.value)]),
    ),
  });
  const activeFilters = (s: State) => keys.reduce((n, k) => n + (s.filters[k]?.length ?? 0), 0);
  const label = (key: FacetKey, value: string) => config.labels[key]?.[value] ?? value;

  /**
   * The facet panel is built once from the whole catalogue's filter values (a stable list, so
   * controls are never replaced under the user's pointer or focus); each search then updates the
   * counts and checked states in place.
   */
  interface FacetRow {
    row: HTMLElement;
    box: HTMLInputElement;
    count: HTMLElement;
  }
  const facetRows = new Map<FacetKey, Map<string, FacetRow>>();
  const facetSummaries = new Map<FacetKey, HTMLElement>();

  function buildFacets(all: Record<string, Record<string, number>>) {
    const vocabOrder = (key: FacetKey) => Object.keys(config.labels[key] ?? {});
    facetsEl.replaceChildren(
      ...config.facets.map(([key, title]) => {
        const totals = all[key] ?? {};
        const order = vocabOrder(key);
        const values = Object.keys(totals).sort((a, b) => {
          const ia = order.indexOf(a);
          const ib = order.indexOf(b);
          if (['condition', 'country', 'flag'].includes(key) || ia < 0 || ib < 0) return (totals[b] ?? 0) - (totals[a] ?? 0) || label(key, a).localeCompare(label(key, b));
          return ia - ib;
        });
        const group = document.createElement('details');
        group.dataset.key = key;
        group.open = ['status', 'phase', 'product', 'source'].includes(key);
        const summary = Object.assign(document.createElement('summary'), { className: 'cursor-pointer text-sm font-medium', textContent: title });
        facetSummaries.set(key, summary);
        const fieldset = document.createElement('fieldset');
        fieldset.append(Object.assign(document.createElement('legend'), { className: 'visually-hidden', textContent: title }));
        const rows = new Map<string, FacetRow>();
        values.forEach((value, i) => {
          const id = `f-${key}-${value}`.replace(/[^\w-]/gu, '_');
          const row = document.createElement('div');
          row.className = 'flex items-center gap-2 py-0.5 text-sm';
          if (i >= MANY) row.hidden = true;
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: key, value, id });
          box.className = 'h-4 w-4 accent-[var(--accent)]';
          const text = Object.assign(document.createElement('label'), { htmlFor: id, className: 'flex-1 cursor-pointer' });
          const count = Object.assign(document.createElement('span'), { className: 'text-muted tabular-nums' });
          text.append(`${label(key, value)} `, count);
          row.append(box, text);
          fieldset.append(row);
          rows.set(value, { row, box, count });
        });
        if (values.length === 0) fieldset.append(Object.assign(document.createElement('p'), { className: 'text-sm text-muted', textContent: 'No trial states this' }));
        if (values.length > MANY) {
          const toggle = Object.assign(document.createElement('button'), { type: 'button', className: 'mt-1 text-sm underline', textContent: `Show all ${values.length}` });
          toggle.addEventListener('click', () => {
            const showAll = !expanded.has(key);
            if (showAll) expanded.add(key);
            else expanded.delete(key);
            [...rows.values()].forEach((r, i) => (r.row.hidden = !showAll && i >= MANY && !r.box.checked));
            toggle.textContent = showAll ? 'Show fewer' : `Show all ${values.length}`;
          });
          fieldset.append(toggle);
        }
        facetRows.set(key, rows);
        group.append(summary, fieldset);
        return group;
      }),
    );
  }

  function renderFacets(counts: Record<string, Record<string, number>>, state: State) {
    for (const [key, title] of config.facets) {
      const selected = new Set(state.filters[key] ?? []);
      for (const [value, r] of facetRows.get(key) ?? []) {
        const n = counts[key]?.[value] ?? 0;
        r.box.checked = selected.has(value);
        r.count.textContent = `(${n})`;
        r.row.classList.toggle('opacity-60', n === 0 && !selected.has(value));
        if (selected.has(value)) r.row.hidden = false;
      }
      const summary = facetSummaries.get(key);
      if (summary) summary.textContent = selected.size ? `${title} (${selected.size})` : title;
      if (selected.size) summary?.parentElement?.setAttribute('open', '');
    }
    const n = activeFilters(state);
    activeCount.textContent = n ? `(${n} on)` : '';
    clearButton.hidden = n === 0;
  }

  const escapeHtml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  /** Pagefind's excerpt, keeping only its <mark> tags. */
  const safeExcerpt = (html: string) =>
    escapeHtml(html.replace(/<mark>/gu, '\u0001').replace(/<\/mark>/gu, '\u0002').replace(/<[^>]+>/gu, ''))
      .replace(/\u0001/gu, '<mark>')
      .replace(/\u0002/gu, '</mark>');

  function card(data: ResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'card p-4';
    const m = data.meta;
    if (m.kind === 'guide') {
      li.innerHTML = `<p class="mb-1"><span class="badge tone-info">Guide</span></p>`;
    } else {
      const tone = ({ RECRUITING: 'ok', ENROLLING_BY_INVITATION: 'ok', NOT_YET_RECRUITING: 'pending', ACTIVE_NOT_RECRUITING: 'info', COMPLETED: 'neutral', UNKNOWN: 'neutral' } as Record<string, string>)[m.statusCode ?? ''] ?? 'stop';
      const badges = document.createElement('p');
      badges.className = 'mb-1 flex flex-wrap items-center gap-2';
      badges.innerHTML = `<span class="badge tone-${tone}">${escapeHtml(m.status ?? '')}</span><span class="badge tone-violet">${escapeHtml(m.phases ?? '')}</span><span class="font-mono text-xs text-muted">${escapeHtml(m.id ?? '')}</span>`;
      li.append(badges);
    }
    const h = document.createElement('h3');
    h.className = 'font-semibold leading-snug';
    h.append(Object.assign(document.createElement('a'), { href: data.url, textContent: m.title ?? data.url }));
    li.append(h);
    if (m.kind !== 'guide') {
      const line = document.createElement('p');
      line.className = 'mt-1 text-sm text-muted';
      line.textContent = [m.sponsor, m.enrollment, m.start && m.start !== 'not stated' ? `started ${m.start}` : 'start not stated'].filter(Boolean).join(' · ');
      li.append(line);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'mt-2 text-sm';
    excerpt.innerHTML = safeExcerpt(data.excerpt);
    li.append(excerpt);
    if (m.kind !== 'guide' && m.id) {
      const slot = document.createElement('p');
      slot.className = 'mt-2';
      slot.innerHTML = `<span data-compare-slot data-id="${escapeHtml(m.id)}"></span>`;
      li.append(slot);
    }
    return li;
  }

  /** Results in the order of a sort key's rank file (built with the index); unranked results last, by relevance. */
  const ranks = new Map<string, Promise<Map<string, number>>>();
  async function sorted(results: PagefindResult[], key: string): Promise<PagefindResult[]> {
    if (!ranks.has(key)) {
      ranks.set(
        key,
        fetch(`/pagefind/sort/${encodeURIComponent(key)}.json`)
          .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
          .then((ids) => new Map(ids.map((id, i) => [id, i]))),
      );
    }
    const rank = await ranks.get(key)!;
    const at = (r: PagefindResult) => rank.get(r.id) ?? Number.MAX_SAFE_INTEGER;
    return results.map((r, i) => ({ r, i })).sort((a, b) => at(a.r) - at(b.r) || a.i - b.i).map(({ r }) => r);
  }

  let runId = 0;
  let pending: PagefindResult[] = [];

  /** Appends the next page of results, each card as soon as its fragment (and those before it) arrived. */
  async function showMore(id: number, idQuery: string | null) {
    const batch = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const loading = batch.map((r) => r.data());
    if (idQuery) {
      // an exact registry id goes first: wait for the page to know where it is
      const data = await Promise.all(loading);
      if (id !== runId) return;
      data.sort((a, b) => Number(b.meta.id === idQuery) - Number(a.meta.id === idQuery));
      list.append(...data.map(card));
    } else {
      for (const next of loading) {
        const data = await next;
        if (id !== runId) return;
        list.append(card(data));
      }
    }
    enhanceCompareSlots(list);
    more.hidden = pending.length === 0;
  }

  async function run(state: State) {
    const id = ++runId;
    input.value = state.q;
    sortSelect.value = state.sort;
    const filters = filtersOf(state);
    const nFilters = activeFilters(state);
    if (!state.q && nFilters === 0) {
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = `Type a word, or choose filters, to search ${config.total} trials.`;
      if (filtersLoaded) renderFacets(await (await loadPagefind()).filters(), state);
      return;
    }
    status.textContent = 'Searching…';
    if (nFilters > 0) await loadFilterIndex();
    if (id !== runId) return;
    const pf = await loadPagefind();
    const idQuery = state.q ? queryAsId(state.q) : null;
    const term = idQuery ?? (state.q || null);
    const search = await pf.search(term, { filters });
    if (id !== runId || !search) return;
    pending = state.sort ? await sorted(search.results, state.sort) : search.results;
    if (id !== runId) return;
    list.replaceChildren();
    const count = search.results.length;
    const what = state.q ? ` for “${state.q}”` : '';
    const filtered = nFilters ? `, with ${nFilters} filter${nFilters === 1 ? '' : 's'}` : '';
    status.textContent = `${count} result${count === 1 ? '' : 's'}${what}${filtered}.`;
    empty.hidden = count > 0;
    empty.querySelector<HTMLElement>('[data-empty-filters]')!.hidden = nFilters === 0;
    if (filtersLoaded) renderFacets(search.filters, state);
    await showMore(id, idQuery);
    // the facet counts follow the first results while the catalogue is small; in a large one the
    // filter index is big, and loads when someone reaches for the filters
    if (!filtersLoaded && config.total <= AUTO_FACETS_MAX) setTimeout(() => void refreshCounts(), 50);
  }

  const commit = (mode: 'push' | 'replace') => {
    const state = currentState();
    writeState(state, mode);
    void run(state);
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit('replace'), 120);
  });
  input.addEventListener('focus', () => void loadPagefind(), { once: true });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    commit('push');
  });
  sortSelect.addEventListener('change', () => commit('push'));
  facetsEl.addEventListener('change', () => commit('push'));
  const clear = () => {
    for (const box of facetsEl.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
    commit('push');
  };
  clearButton.addEventListener('click', clear);
  root.querySelector('[data-clear-filters-inline]')?.addEventListener('click', clear);
  more.addEventListener('click', () => void showMore(runId, queryAsId(input.value)));
  window.addEventListener('popstate', () => void run(readState()));

  // Pagefind loads on the first search, focus in the box or look at the filters, not before
  const loadFacets = () => void refreshCounts();
  for (const event of ['focusin', 'pointerenter', 'click'] as const) facetsPanel.addEventListener(event, loadFacets, { once: true });
  const initial = readState();
  void run(initial);
  // someone who opens the search page is about to search: get Pagefind ready while they type
  const warm = () => void loadPagefind();
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 1500 });
  else setTimeout(warm, 200);
}
