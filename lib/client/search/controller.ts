// The search page's controller: opens the index (search-index.ts), keeps the
// state (state.ts) in the URL, one history entry per committed search, asks
// the index and hands what comes back to the rendering (render.ts). The
// browser's own objects are passed in by page.ts, so tests can drive it with
// a fake Pagefind.
import { matchingPages, type PageLink, showPages } from "./pages.ts";
import {
  type FacetLabels,
  filterControls,
  resultItem,
  type Status,
  type Strings,
  say,
  showCounts,
  showSelection,
  statusText,
} from "./render.ts";
import type { Answer, Pagefind, PagefindResult, SearchIndex } from "./search-index.ts";
import {
  isBlank,
  isFacet,
  pagefindOptions,
  parseState,
  type SearchState,
  stateToSearch,
  withFilter,
  withKeys,
  withoutFilters,
  withQuery,
  withSort,
} from "./state.ts";

export type { Pagefind, PagefindResult };

export interface PageContext {
  /** Opens this language's index (page.ts); may fail (offline before a first visit). */
  openIndex(): Promise<SearchIndex>;
  location: Pick<Location, "pathname" | "search">;
  history: Pick<History, "replaceState" | "pushState">;
  /** Where Back and Forward are heard (the window). */
  events?: Pick<Window, "addEventListener">;
  /** Called once results are shown: offline saving starts after the first search (offline-index.ts). */
  afterSearch?(): void;
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

  let index: SearchIndex;
  try {
    index = await context.openIndex();
  } catch {
    show({ kind: "unavailable" });
    layout.hidden = false;
    return;
  }

  const labels = JSON.parse(root.dataset.labels ?? "{}") as FacetLabels;
  let state: SearchState = withKeys(parseState(context.location.search), labels);
  let results: PagefindResult[] = [];
  let answer: Answer | undefined;
  let shown = 0;
  let generation = 0;
  input.value = state.query;
  sort.value = state.sort;
  layout.hidden = false;

  const available = index.filters();
  const moreLabel = more.textContent ?? "";
  const { fieldsets, clear } = filterControls(available, state, strings, lang, labels);
  facetsBox.append(...fieldsets, clear);

  /** The status for the answer so far: its count, and from which year on while older parts wait. */
  function showAnswered(): void {
    if (!answer) return;
    if (answer.complete || answer.fromYear === undefined)
      show({ kind: "answered", query: state.query, count: results.length });
    else show({ kind: "partial", count: results.length, year: answer.fromYear });
  }

  /** `older`: the visitor asked for more, so older parts may be searched. */
  async function showMore(focus = false, older = false): Promise<void> {
    const mine = generation;
    // One result beyond the page tells whether "Show more" has more to show.
    if (older && answer && !answer.complete && shown + PAGE_SIZE + 1 > results.length) {
      const next = await answer.more(shown + PAGE_SIZE + 1);
      if (mine !== generation || !next) return;
      answer = next;
      results = next.results;
      showCounts(facetsBox, next.filters, strings, next.pendingYears);
      showAnswered();
    }
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const items = (await Promise.all(batch.map((r) => r.data()))).map(resultItem);
    // A newer search may have cleared the list while these loaded.
    if (mine !== generation) return;
    list.append(...items);
    const olderNext = shown >= results.length && answer?.complete === false;
    more.hidden = shown >= results.length && !olderNext;
    more.textContent = olderNext ? say(strings, "older") : moreLabel;
    // The button may have just been hidden: keyboard and screen reader users
    // continue at the first result they had not seen.
    if (focus) items[0]?.querySelector("a")?.focus();
  }

  /** Links to this page in other languages carry the search; filter values are keys, the same in every language. */
  function updateSwitcher(): void {
    for (const link of document.querySelectorAll<HTMLAnchorElement>(".language-switcher a[href]")) {
      const url = new URL(link.href, document.baseURI);
      url.search = stateToSearch(state);
      link.href = url.href;
    }
  }

  /**
   * How the URL follows the state: "push" makes a history entry, "replace"
   * rewrites the current one, "none" is for Back and Forward, which already
   * moved to the entry.
   */
  type HistoryWrite = "push" | "replace" | "none";

  async function run(record: HistoryWrite): Promise<void> {
    const mine = ++generation;
    const url = `${context.location.pathname}${stateToSearch(state)}`;
    const current = `${context.location.pathname}${context.location.search}`;
    if (record === "push" && url !== current) context.history.pushState(null, "", url);
    else if (record !== "none") context.history.replaceState(null, "", url);
    updateSwitcher();
    list.replaceChildren();
    if (pagesGroup) showPages(pagesGroup, matchingPages(pageLinks, state.query));
    shown = 0;
    results = [];
    answer = undefined;
    more.hidden = true;
    if (isBlank(state)) {
      show({ kind: "prompt" });
      showCounts(facetsBox, available, strings);
      return;
    }
    show({ kind: "loading" });
    const search = await index.query(state.query, pagefindOptions(state), PAGE_SIZE + 1);
    if (mine !== generation || !search) return;
    answer = search;
    results = search.results;
    showCounts(facetsBox, search.filters, strings, search.pendingYears);
    await showMore();
    if (mine !== generation) return;
    // The status is set last, so "done" is announced once results are on the page.
    showAnswered();
    context.afterSearch?.();
  }

  // Typing makes one history entry per pause-separated burst, kept up to
  // date while the visitor goes on typing; any other change makes its own.
  let typedLast = false;
  function update(next: SearchState, typed = false): void {
    state = next;
    void run(typed && typedLast ? "replace" : "push");
    typedLast = typed;
  }

  // While an input method composes (pinyin, kana), the field holds letters
  // the visitor has not chosen yet: nothing is searched or written to the URL
  // until the composition ends.
  let composing = false;
  let typing: ReturnType<typeof setTimeout> | undefined;
  const typeLater = () => {
    clearTimeout(typing);
    typing = setTimeout(() => update(withQuery(state, input.value), true), TYPING_DELAY_MS);
  };
  input.addEventListener("compositionstart", () => {
    composing = true;
    clearTimeout(typing);
  });
  input.addEventListener("compositionend", () => {
    composing = false;
    typeLater();
  });
  input.addEventListener("input", (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    typeLater();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    // Enter that confirms a candidate ends the composition; it does not submit.
    if (composing) return;
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
  more.addEventListener("click", () => {
    void showMore(true, true);
  });
  // On narrow screens the filters open from a button (CSS hides it on wide ones).
  const toggle = root.querySelector<HTMLButtonElement>(".filters-toggle");
  toggle?.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
    layout.dataset.filters = open ? "open" : "closed";
  });
  // Back and Forward: the entry's URL is the state to show.
  context.events?.addEventListener("popstate", () => {
    clearTimeout(typing);
    state = withKeys(parseState(context.location.search), labels);
    input.value = state.query;
    sort.value = state.sort;
    showSelection(facetsBox, state);
    typedLast = false;
    void run("none");
  });

  await run("replace");
}
