// What the search page shows, built from Pagefind's data and the locale
// strings (src/search.njk hands them over in data-strings). Nothing from the
// index is ever inserted as markup: titles, values and excerpts become text
// nodes, and an excerpt keeps only Pagefind's <mark> highlights.
import { decodeIndexText } from "../../search/han.ts";
import { FACETS, type Facet, isFacet, type SearchState } from "./state.ts";

/** The "search." strings of one locale's bundle, keyed without the prefix. */
export type Strings = Record<string, string>;

/** Facet → value → number of releases, as Pagefind counts them. */
export type FacetCounts = Record<string, Record<string, number>>;

/** One result as Pagefind's `data()` gives it. */
export interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Picks key_one / key_other… as i18next JSON v4 does, by the language's plural rules. */
export function plural(
  strings: Strings,
  key: string,
  count: number,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = strings[`${key}_${category}`] ?? strings[`${key}_other`] ?? key;
  return interpolate(template, { ...values, count });
}

/** A string by key; the key itself when the bundle lacks it, so a gap shows. */
export function say(strings: Strings, key: string, values: Record<string, string | number> = {}): string {
  return interpolate(strings[key] ?? key, values);
}

/** What the status line (an ARIA live region) says. */
export type Status =
  | { kind: "unavailable" | "prompt" | "loading" }
  | { kind: "answered"; query: string; count: number }
  /** Only the parts from `year` on were searched (lib/client/search/search-index.ts). */
  | { kind: "partial"; count: number; year: number };

export function statusText(strings: Strings, lang: string, status: Status): string {
  if (status.kind === "partial") return plural(strings, "partial", status.count, lang, { year: status.year });
  if (status.kind !== "answered") return say(strings, status.kind);
  return status.count === 0
    ? say(strings, "empty", { query: status.query })
    : plural(strings, "results", status.count, lang);
}

/** Facet → key → this language's label (company names, tag labels); a key without one shows as itself. */
export type FacetLabels = Partial<Record<string, Record<string, string>>>;

// Own properties only: a key such as "constructor" is a value, not Object's.
const labelOf = (labels: FacetLabels, facet: string, key: string) => {
  const own = labels[facet];
  return own && Object.hasOwn(own, key) ? (own[key] ?? key) : key;
};

/** A facet's values in the order they are offered: years newest first, others alphabetically by label. */
export function facetValues(
  counts: FacetCounts,
  facet: string,
  lang: string,
  labels: FacetLabels = {},
): string[] {
  return Object.keys(counts[facet] ?? {}).sort((a, b) =>
    facet === "year"
      ? b.localeCompare(a)
      : labelOf(labels, facet, a).localeCompare(labelOf(labels, facet, b), lang),
  );
}

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
 * A fieldset of checkboxes per facet that has values, checked as the state
 * says, and the button that clears them. Counts are filled in by showCounts.
 */
export function filterControls(
  available: FacetCounts,
  state: SearchState,
  strings: Strings,
  lang: string,
  labels: FacetLabels = {},
): { fieldsets: HTMLFieldSetElement[]; clear: HTMLButtonElement } {
  const fieldsets: HTMLFieldSetElement[] = [];
  for (const facet of FACETS) {
    const values = facetValues(available, facet, lang, labels);
    if (values.length === 0) continue;
    const fieldset = element("fieldset", { class: `facet facet-${facet}` });
    fieldset.append(element("legend", {}, say(strings, facet)));
    for (const value of values) {
      const label = element("label");
      const box = element("input", { type: "checkbox", name: facet, value });
      box.checked = state.filters[facet].includes(value);
      label.append(box, ` ${labelOf(labels, facet, value)} `, element("span", { class: "facet-count" }));
      fieldset.append(label);
    }
    fieldsets.push(fieldset);
  }
  return { fieldsets, clear: element("button", { type: "button", class: "clear" }, say(strings, "clear")) };
}

function* facetBoxes(container: ParentNode): Generator<{ box: HTMLInputElement; facet: Facet }> {
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    if (isFacet(box.name)) yield { box, facet: box.name };
  }
}

/** Writes "(n)" (the bundle's search.facetCount) beside every value; a value the counts omit has 0. */
/** Shows each value's count; none for the years a partial search has not reached yet. */
export function showCounts(
  container: ParentNode,
  counts: FacetCounts,
  strings: Strings,
  pendingYears: readonly string[] = [],
): void {
  for (const { box, facet } of facetBoxes(container)) {
    const label = box.parentElement?.querySelector(".facet-count");
    if (!label) continue;
    label.textContent =
      facet === "year" && pendingYears.includes(box.value)
        ? ""
        : say(strings, "facetCount", { number: counts[facet]?.[box.value] ?? 0 });
  }
}

/** Checks exactly the boxes of the values the state filters by. */
export function showSelection(container: ParentNode, state: SearchState): void {
  for (const { box, facet } of facetBoxes(container)) box.checked = state.filters[facet].includes(box.value);
}

/**
 * Copies Pagefind's excerpt as text, keeping only its <mark> highlights, so
 * nothing from the index is ever inserted as markup.
 */
export function excerptNode(html: string): HTMLParagraphElement {
  const paragraph = element("p", { class: "excerpt" });
  // The index holds Han text as character pairs with markers (lib/search/han.ts): undone first.
  const parsed = new DOMParser().parseFromString(`<body>${decodeIndexText(html)}</body>`, "text/html");
  for (const node of Array.from(parsed.body.childNodes)) {
    const text = node.textContent ?? "";
    const last = paragraph.lastChild;
    if (node.nodeName !== "MARK") paragraph.append(document.createTextNode(text));
    // A phrase comes back as one mark per indexed pair: join them.
    else if (last?.nodeName === "MARK") last.textContent = `${last.textContent ?? ""}${text}`;
    else paragraph.append(element("mark", {}, text));
  }
  return paragraph;
}

/** One result: linked title, release time and company, excerpt. */
export function resultItem(data: ResultData): HTMLLIElement {
  const item = element("li", { class: "result" });
  const heading = element("h2");
  heading.append(element("a", { href: data.url }, data.meta.title ?? data.url));
  const meta = element("p", { class: "result-meta" });
  if (data.meta.date) meta.append(element("span", { class: "date" }, data.meta.date));
  if (data.meta.company) meta.append(" · ", element("span", { class: "company" }, data.meta.company));
  item.append(heading, meta, excerptNode(data.excerpt));
  return item;
}
