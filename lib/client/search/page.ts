// The search page (src/search.njk): Pagefind's JS API with our own markup,
// so every string comes from the locale bundles. Loaded only on that page.

import { runQuery, withoutWordBreaks } from "./query.ts";
import {
  FACETS,
  type Facet,
  hasFilters,
  interpolate,
  pagefindOptions,
  parseState,
  plural,
  type SearchState,
  stateToSearch,
} from "./state.ts";

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}

/** What Pagefind's search returns, and so what runQuery returns. */
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options?: object): Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 10;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Copies Pagefind's excerpt as text, keeping only its <mark> highlights, so
 * nothing from the index is ever inserted as markup.
 */
function excerptNode(html: string): HTMLParagraphElement {
  const paragraph = element("p", { class: "excerpt" });
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const node of Array.from(parsed.body.childNodes)) {
    const text = withoutWordBreaks(node.textContent ?? "");
    const last = paragraph.lastChild;
    if (node.nodeName !== "MARK") paragraph.append(document.createTextNode(text));
    // Characters are indexed one by one, so a phrase comes back as one mark
    // per character: join them.
    else if (last?.nodeName === "MARK") last.textContent = `${last.textContent ?? ""}${text}`;
    else paragraph.append(element("mark", {}, text));
  }
  return paragraph;
}

async function start(root: HTMLElement): Promise<void> {
  const strings = JSON.parse(root.dataset.strings ?? "{}") as Record<string, string>;
  const lang = root.dataset.lang ?? document.documentElement.lang;
  const form = root.querySelector<HTMLFormElement>(".search-form");
  const input = root.querySelector<HTMLInputElement>("#search-query");
  const layout = root.querySelector<HTMLElement>(".search-layout");
  const facetsBox = root.querySelector<HTMLElement>(".search-filters");
  const status = root.querySelector<HTMLElement>(".search-status");
  const list = root.querySelector<HTMLOListElement>(".result-list");
  const more = root.querySelector<HTMLButtonElement>(".more");
  const sort = root.querySelector<HTMLSelectElement>('select[name="sort"]');
  if (!form || !input || !layout || !facetsBox || !status || !list || !more || !sort) return;
  const say = (key: string, values: Record<string, string | number> = {}) =>
    interpolate(strings[key] ?? key, values);

  let pagefind: Pagefind;
  try {
    // Pagefind sits beside assets/ at the site root, which under a path
    // prefix is not "/": resolve it from this script's own URL.
    const pagefindUrl = new URL("../pagefind/pagefind.js", import.meta.url).href;
    pagefind = (await import(/* @vite-ignore */ pagefindUrl)) as Pagefind;
    // A new index has a new tag, so no browser keeps an old index's entry file.
    await pagefind.options({ excerptLength: 30, metaCacheTag: root.dataset.indexVersion ?? "" });
    await pagefind.init();
  } catch {
    status.textContent = say("unavailable");
    layout.hidden = false;
    return;
  }

  let state: SearchState = parseState(location.search);
  let results: PagefindResult[] = [];
  let shown = 0;
  let generation = 0;
  input.value = state.query;
  sort.value = state.sort;
  layout.hidden = false;

  const facetValues = await pagefind.filters();
  const checkboxes = new Map<string, HTMLInputElement>();
  for (const facet of FACETS) {
    const values = Object.keys(facetValues[facet] ?? {}).sort((a, b) =>
      facet === "year" ? b.localeCompare(a) : a.localeCompare(b, lang),
    );
    if (values.length === 0) continue;
    const fieldset = element("fieldset", { class: `facet facet-${facet}` });
    fieldset.append(element("legend", {}, say(facet)));
    for (const value of values) {
      const label = element("label");
      const box = element("input", { type: "checkbox", name: facet, value });
      box.checked = state.filters[facet].includes(value);
      const count = element("span", { class: "facet-count" });
      label.append(box, ` ${value} `, count);
      fieldset.append(label);
      checkboxes.set(`${facet}\u0000${value}`, box);
    }
    facetsBox.append(fieldset);
  }
  const clear = element("button", { type: "button", class: "clear" }, say("clear"));
  facetsBox.append(clear);

  function updateCounts(counts: Record<string, Record<string, number>>): void {
    for (const [id, box] of checkboxes) {
      const [facet, value] = id.split("\u0000") as [Facet, string];
      const count = counts[facet]?.[value] ?? 0;
      const label = box.parentElement?.querySelector(".facet-count");
      if (label) label.textContent = `(${count})`;
    }
  }

  async function showMore(): Promise<void> {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const items = await Promise.all(batch.map((r) => r.data()));
    for (const data of items) {
      const item = element("li", { class: "result" });
      const heading = element("h2");
      heading.append(element("a", { href: data.url }, withoutWordBreaks(data.meta.title ?? data.url)));
      const meta = element("p", { class: "result-meta" });
      if (data.meta.date) meta.append(element("span", { class: "date" }, data.meta.date));
      if (data.meta.company) meta.append(" · ", element("span", { class: "company" }, data.meta.company));
      item.append(heading, meta, excerptNode(data.excerpt));
      list?.append(item);
    }
    if (more) more.hidden = shown >= results.length;
  }

  async function run(): Promise<void> {
    const mine = ++generation;
    history.replaceState(null, "", `${location.pathname}${stateToSearch(state)}`);
    list?.replaceChildren();
    shown = 0;
    results = [];
    if (more) more.hidden = true;
    if (!state.query && !hasFilters(state)) {
      if (status) status.textContent = say("prompt");
      updateCounts(facetValues);
      return;
    }
    if (status) status.textContent = say("loading");
    const search = await runQuery(pagefind, state.query, pagefindOptions(state));
    if (mine !== generation || !search) return;
    results = search.results;
    updateCounts(search.filters);
    await showMore();
    if (mine !== generation) return;
    // The status is set last, so "done" is announced once results are on the page.
    if (status) {
      status.textContent =
        results.length === 0
          ? say("empty", { query: state.query })
          : plural(strings, "results", results.length, lang);
    }
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state = { ...state, query: input.value.trim() };
      void run();
    }, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state = { ...state, query: input.value.trim() };
    void run();
  });
  sort.addEventListener("change", () => {
    state = { ...state, sort: sort.value === "newest" ? "newest" : "relevance" };
    void run();
  });
  facetsBox.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !FACETS.includes(box.name as Facet)) return;
    const facet = box.name as Facet;
    const values = new Set(state.filters[facet]);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state = { ...state, filters: { ...state.filters, [facet]: [...values] } };
    void run();
  });
  clear.addEventListener("click", () => {
    for (const box of checkboxes.values()) box.checked = false;
    state = { ...state, filters: { company: [], year: [], tag: [] } };
    void run();
  });
  more.addEventListener("click", () => void showMore());

  await run();
}

const root = document.getElementById("search");
if (root) void start(root);
