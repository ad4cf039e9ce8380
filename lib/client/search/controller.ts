// The search page's controller: loads Pagefind, keeps the state
// (state.ts) in the URL, asks the index (query.ts) and hands what comes back
// to the rendering (render.ts). The browser's own objects are passed in by
// page.ts, so tests can drive it with a fake Pagefind.
import { matchingPages, type PageLink, showPages } from "./pages.ts";
import { runQuery } from "./query.ts";
import {
  type FacetCounts,
  filterControls,
  type ResultData,
  resultItem,
  type Status,
  type Strings,
  showCounts,
  showSelection,
  statusText,
} from "./render.ts";
import {
  isBlank,
  isFacet,
  pagefindOptions,
  parseState,
  type SearchState,
  stateToSearch,
  withFilter,
  withoutFilters,
  withQuery,
  withSort,
} from "./state.ts";

export interface PagefindResult {
  id: string;
  data(): Promise<ResultData>;
}

/** The part of Pagefind's JS API the page uses. */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FacetCounts>;
  search(
    query: string | null,
    options?: object,
  ): Promise<{ results: PagefindResult[]; filters: FacetCounts } | null>;
}

export interface PageContext {
  /** Imports Pagefind's module from the built site; may fail (offline before a first visit). */
  importPagefind(): Promise<Pagefind>;
  location: Pick<Location, "pathname" | "search">;
  history: Pick<History, "replaceState">;
}

/** Results shown at first and added by each "Show more". */
export const PAGE_SIZE = 10;
/** Typing searches once the visitor pauses this long. */
export const TYPING_DELAY_MS = 250;

/** The page's elements from src/search.njk; null when one is missing. */
function findParts(root: HTMLElement) {
  const form = root.querySelector<HTMLFormElement>(".search-form");
  const input = root.querySelector<HTMLInputElement>("#search-query");
  const layout = root.querySelector<HTMLElement>(".search-layout");
  const facetsBox = root.querySelector<HTMLElement>(".search-filters");
  const status = root.querySelector<HTMLElement>(".search-status");
  const list = root.querySelector<HTMLOListElement>(".result-list");
  const more = root.querySelector<HTMLButtonElement>(".more");
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]');
  if (!form || !input || !layout || !facetsBox || !status || !list || !more || !sort) return null;
  return { form, input, layout, facetsBox, status, list, more, sort };
}

export async function startSearch(root: HTMLElement, context: PageContext): Promise<void> {
  const strings = JSON.parse(root.dataset.strings ?? "{}") as Strings;
  const lang = root.dataset.lang ?? document.documentElement.lang;
  const parts = findParts(root);
  if (!parts) return;
  const { form, input, layout, facetsBox, status, list, more, sort } = parts;
  // Optional: a page without the group still searches releases.
  const pagesGroup = root.querySelector<HTMLElement>(".page-matches");
  const pageLinks = JSON.parse(root.dataset.pages ?? "[]") as PageLink[];
  const show = (next: Status) => {
    status.textContent = statusText(strings, lang, next);
  };

  let pagefind: Pagefind;
  try {
    pagefind = await context.importPagefind();
    // A new index has a new tag, so no browser keeps an old index's entry file.
    await pagefind.options({ excerptLength: 30, metaCacheTag: root.dataset.indexVersion ?? "" });
    await pagefind.init();
  } catch {
    show({ kind: "unavailable" });
    layout.hidden = false;
    return;
  }

  let state: SearchState = parseState(context.location.search);
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  input.value = state.query;
  sort.value = state.sort;
  layout.hidden = false;

  const available = await pagefind.filters();
  const { fieldsets, clear } = filterControls(available, state, strings, lang);
  facetsBox.append(...fieldsets, clear);

  async function showMore(): Promise<void> {
    const mine = generation;
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const items = await Promise.all(batch.map((r) => r.data()));
    // A newer search may have cleared the list while these loaded.
    if (mine !== generation) return;
    list.append(...items.map(resultItem));
    more.hidden = shown >= results.length;
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    context.history.replaceState(null, "", `${context.location.pathname}${stateToSearch(state)}`);
    list.replaceChildren();
    if (pagesGroup) showPages(pagesGroup, matchingPages(pageLinks, state.query));
    shown = 0;
    results = [];
    more.hidden = true;
    if (isBlank(state)) {
      show({ kind: "prompt" });
      showCounts(facetsBox, available, strings);
      return;
    }
    show({ kind: "loading" });
    const search = await runQuery(pagefind, state.query, pagefindOptions(state));
    if (mine !== generation || !search) return;
    results = search.results;
    showCounts(facetsBox, search.filters, strings);
    await showMore();
    if (mine !== generation) return;
    // The status is set last, so "done" is announced once results are on the page.
    show({ kind: "answered", query: state.query, count: results.length });
  }

  function update(next: SearchState): void {
    state = next;
    void run();
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => update(withQuery(state, input.value)), TYPING_DELAY_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    update(withQuery(state, input.value));
  });
  sort.addEventListener("change", () => update(withSort(state, sort.value)));
  facetsBox.addEventListener("change", (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && isFacet(box.name)) {
      update(withFilter(state, box.name, box.value, box.checked));
    }
  });
  clear.addEventListener("click", () => {
    const next = withoutFilters(state);
    showSelection(facetsBox, next);
    update(next);
  });
  more.addEventListener("click", () => void showMore());

  await run();
}
