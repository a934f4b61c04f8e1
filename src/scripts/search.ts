/**
 * The search page's UI on Pagefind's JS API. The URL is the state: q, sort and one parameter per
 * facet value (status=COMPLETED&phase=PHASE1&phase=PHASE2), so a search can be shared, bookmarked
 * and restored with back/forward. Pagefind (its JS and WASM) loads when this page is idle, the
 * index chunks for a query when the query is made, and the filter index after the first results.
 *
 * Trials and guides are searched apart (Pagefind's `kind` filter) and shown in two groups, each
 * counted. A registry id puts its trial first with an "Open trial" action; Enter on one opens the
 * trial. A query that finds no trial is corrected from the catalogue's own words and the
 * correction searched at once; one that finds few is offered corrections.
 */
import { queryAsId } from '../domain/synonyms.ts';
import { ownTextSnippet, type WeightedLocation } from '../lib/search-excerpt.ts';
import { enhanceCompareSlots } from './compare-store.ts';

type FacetKey = string;
interface Config {
  facets: [FacetKey, string][];
  labels: Record<FacetKey, Record<string, string>>;
  /** the whole catalogue's count of each facet value (the panel and the empty page need no filter index) */
  counts: Record<FacetKey, Record<string, number>>;
  total: number;
}
interface ResultData {
  url: string;
  excerpt: string;
  content: string;
  weighted_locations: WeightedLocation[];
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
/** Fewer trials than this for a query, and corrections are offered. */
const FEW = 3;
/** How many results are read to find the trial of a registry id. */
const ID_SCAN = 30;

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
  const suggestEl = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const idEl = root.querySelector<HTMLElement>('[data-search-id]')!;
  const guidesEl = root.querySelector<HTMLElement>('[data-search-guides]')!;
  const guidesList = root.querySelector<HTMLOListElement>('[data-guide-results]')!;
  const guidesCount = root.querySelector<HTMLElement>('[data-guides-count]')!;
  const browseEl = root.querySelector<HTMLElement>('[data-search-browse]')!;
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
   * The panel and the empty page's counts come from the catalogue's counts written into the page.
   * The filter index (what a query's counts need) loads after the first results are on screen, or
   * at once when the page opens with filters or someone reaches for the panel; then the current
   * search runs again to fill in the counts.
   */
  let filterIndex: Promise<void> | null = null;
  let filtersLoaded = false;
  const loadFilterIndex = () => {
    filterIndex ??= loadPagefind().then(async (pf) => {
      await pf.filters();
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
    // the term the results on screen are for (a correction, when one was searched)
    const term = searchedTerm;
    const search = term || activeFilters(state) ? await pf.search(term, { filters: trialFilters(state) }) : null;
    const counts = search ? search.filters : config.counts;
    if (id !== runId) return;
    renderFacets(counts, state);
  };
  const filtersOf = (state: State) =>
    Object.fromEntries(keys.filter((k) => state.filters[k]?.length).map((k) => [k, { any: state.filters[k] }]));
  /** The facet filters, and trials only (guides are searched apart). */
  const trialFilters = (state: State) => ({ ...filtersOf(state), kind: 'trial' });

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
    // a trial's snippet comes from its own text only, never from the words it is found by
    excerpt.innerHTML = m.kind === 'guide' ? safeExcerpt(data.excerpt) : ownTextSnippet(data.content, data.weighted_locations ?? [], m.title ?? '', 24);
    if (excerpt.innerHTML) li.append(excerpt);
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
  let searchedTerm: string | null = null;

  /** Appends the next page of trials, each card as soon as its fragment (and those before it) arrived. */
  async function showMore(id: number) {
    const batch = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    const loading = batch.map((r) => r.data());
    for (const next of loading) {
      const data = await next;
      if (id !== runId) return;
      list.append(card(data));
    }
    enhanceCompareSlots(list);
    more.hidden = pending.length === 0;
  }

  /** The result that is the trial of this registry id, among the first results; null when none is. */
  async function trialOfId(results: PagefindResult[], idQuery: string): Promise<{ result: PagefindResult; data: ResultData } | null> {
    const first = results.slice(0, ID_SCAN);
    const data = await Promise.all(first.map((r) => r.data()));
    const at = data.findIndex((d) => (d.meta.ids ?? d.meta.id ?? '').split(' ').some((id) => id.toUpperCase() === idQuery.toUpperCase()));
    return at < 0 ? null : { result: first[at]!, data: data[at]! };
  }

  /** The catalogue's words for corrections (/search/vocabulary.json) and the suggester, loaded when first needed. */
  let speller: Promise<(q: string) => string[]> | null = null;
  const loadSpeller = () => {
    speller ??= Promise.all([import('../lib/search-vocabulary.ts'), fetch('/search/vocabulary.json').then((r) => r.json())]).then(
      ([mod, vocab]) => (q: string) => mod.suggestQueries(q, vocab as [string, number][], 3),
    );
    return speller;
  };

  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

  /** Buttons that search a correction, in a sentence ("Did you mean …?"). */
  function offer(lead: string, queries: string[]) {
    suggestEl.replaceChildren(lead);
    queries.forEach((q, i) => {
      if (i > 0) suggestEl.append(i === queries.length - 1 ? ' or ' : ', ');
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'font-semibold underline', textContent: q });
      b.dataset.suggestion = q;
      b.addEventListener('click', () => {
        input.value = q;
        commit('push');
      });
      suggestEl.append(b);
    });
    suggestEl.append('?');
    suggestEl.hidden = false;
  }

  async function showGuides(id: number, pf: Pagefind, term: string | null, state: State): Promise<number> {
    guidesList.replaceChildren();
    guidesEl.hidden = true;
    if (!term || activeFilters(state) > 0) return 0;
    const found = await pf.search(term, { filters: { kind: 'guide' } });
    if (id !== runId || !found) return 0;
    const n = found.results.length;
    guidesCount.textContent = `(${n})`;
    if (n) {
      const data = await Promise.all(found.results.slice(0, PAGE).map((r) => r.data()));
      if (id !== runId) return n;
      guidesList.append(...data.map(card));
      guidesEl.hidden = false;
    }
    return n;
  }

  async function run(state: State, opts: { go?: boolean } = {}) {
    const id = ++runId;
    input.value = state.q;
    sortSelect.value = state.sort;
    const nFilters = activeFilters(state);
    suggestEl.hidden = true;
    idEl.hidden = true;
    if (!state.q && nFilters === 0) {
      // nothing asked yet: browse — the facets with their counts, and the most recently updated trials
      searchedTerm = null;
      list.replaceChildren();
      guidesEl.hidden = true;
      more.hidden = true;
      empty.hidden = true;
      browseEl.hidden = false;
      status.textContent = `Browse ${config.total.toLocaleString('en')} trials: choose filters, or type a word or a registry id.`;
      renderFacets(config.counts, state);
      return;
    }
    browseEl.hidden = true;
    status.textContent = 'Searching…';
    if (nFilters > 0) await loadFilterIndex();
    if (id !== runId) return;
    const pf = await loadPagefind();
    const idQuery = state.q ? queryAsId(state.q) : null;
    let shownQuery = state.q;
    let term = idQuery ?? (state.q || null);
    let search = await pf.search(term, { filters: trialFilters(state) });
    if (id !== runId || !search) return;
    let corrected: string | null = null;
    let offers: string[] = [];
    if (state.q && !idQuery && search.results.length < FEW) {
      const suggest = await loadSpeller();
      if (id !== runId) return;
      offers = suggest(state.q);
      if (search.results.length === 0 && offers[0]) {
        // nothing found: search the best correction at once, and say so
        const retry = await pf.search(offers[0], { filters: trialFilters(state) });
        if (id !== runId || !retry) return;
        if (retry.results.length > 0) {
          corrected = offers[0];
          search = retry;
          term = corrected;
          shownQuery = corrected;
          offers = offers.slice(1);
        }
      }
    }
    searchedTerm = term;
    let results = state.sort ? await sorted(search.results, state.sort) : search.results;
    if (id !== runId) return;
    if (idQuery) {
      const exact = await trialOfId(results, idQuery);
      if (id !== runId) return;
      if (exact && opts.go) {
        location.assign(exact.data.url);
        return;
      }
      if (exact) {
        results = [exact.result, ...results.filter((r) => r !== exact.result)];
        idEl.replaceChildren(
          Object.assign(document.createElement('span'), { className: 'text-sm', textContent: `${idQuery} is ${exact.data.meta.id === idQuery ? 'the registry id of' : 'an id of'} “${exact.data.meta.title ?? exact.data.url}”.` }),
          Object.assign(document.createElement('a'), { className: 'btn btn-primary', href: exact.data.url, textContent: `Open trial ${exact.data.meta.id ?? ''}`.trim() }),
        );
        idEl.hidden = false;
      }
    }
    pending = results;
    list.replaceChildren();
    const guides = await showGuides(id, pf, term, state);
    if (id !== runId) return;
    const count = search.results.length;
    const what = shownQuery ? ` for “${shownQuery}”` : '';
    const filtered = nFilters ? `, with ${plural(nFilters, 'filter')}` : '';
    const both = guides ? ` and ${plural(guides, 'guide')}` : '';
    status.textContent = corrected
      ? `No results for “${state.q}”; showing ${plural(count, 'trial')}${both} for “${corrected}”${filtered}.`
      : `${plural(count, 'trial')}${both}${what}${filtered}.`;
    if (corrected && offers.length) offer('Or did you mean ', offers);
    else if (!corrected && offers.length) offer('Did you mean ', offers);
    empty.hidden = count + guides > 0;
    empty.querySelector<HTMLElement>('[data-empty-filters]')!.hidden = nFilters === 0;
    if (filtersLoaded) renderFacets(search.filters, state);
    await showMore(id);
    // the facet counts follow the first results while the catalogue is small; in a large one the
    // filter index is big, and loads when someone reaches for the filters
    if (!filtersLoaded && config.total <= AUTO_FACETS_MAX) setTimeout(() => void refreshCounts(), 50);
  }

  const commit = (mode: 'push' | 'replace', opts: { go?: boolean } = {}) => {
    const state = currentState();
    writeState(state, mode);
    void run(state, opts);
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
    // Enter on a registry id opens its trial
    commit('push', { go: queryAsId(input.value) !== null });
  });
  sortSelect.addEventListener('change', () => commit('push'));
  facetsEl.addEventListener('change', () => commit('push'));
  const clear = () => {
    for (const box of facetsEl.querySelectorAll<HTMLInputElement>('input:checked')) box.checked = false;
    commit('push');
  };
  clearButton.addEventListener('click', clear);
  root.querySelector('[data-clear-filters-inline]')?.addEventListener('click', clear);
  more.addEventListener('click', () => void showMore(runId));
  window.addEventListener('popstate', () => void run(readState()));

  // Pagefind loads on the first search, focus in the box or look at the filters, not before
  const loadFacets = () => void refreshCounts();
  for (const event of ['focusin', 'pointerenter', 'click'] as const) facetsPanel.addEventListener(event, loadFacets, { once: true });
  buildFacets(config.counts);
  const initial = readState();
  void run(initial);
  // someone who opens the search page is about to search: get Pagefind ready while they type
  const warm = () => void loadPagefind();
  if ('requestIdleCallback' in window) window.requestIdleCallback(warm, { timeout: 1500 });
  else setTimeout(warm, 200);
}
