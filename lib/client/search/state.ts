// The search page's state and its strings, as pure functions: the URL is
// the state (?q=…&company=…&year=…&tag=…&sort=newest), so a search can be
// bookmarked, shared and reloaded offline.

export const FACETS = ["company", "year", "tag"] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  query: string;
  filters: Record<Facet, string[]>;
  sort: "relevance" | "newest";
}

export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(FACETS.map((f) => [f, params.getAll(f).filter(Boolean)])) as Record<
    Facet,
    string[]
  >;
  return {
    query: (params.get("q") ?? "").trim(),
    filters,
    sort: params.get("sort") === "newest" ? "newest" : "relevance",
  };
}

export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  for (const facet of FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.sort === "newest") params.set("sort", "newest");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f].length > 0);
}

/** Pagefind search options: values within a facet are alternatives, facets combine. */
export function pagefindOptions(state: SearchState): {
  filters: Record<string, { any: string[] }>;
  sort?: Record<string, "asc" | "desc">;
} {
  const filters: Record<string, { any: string[] }> = {};
  for (const facet of FACETS) {
    if (state.filters[facet].length > 0) filters[facet] = { any: state.filters[facet] };
  }
  return state.sort === "newest" ? { filters, sort: { date: "desc" } } : { filters };
}

export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}

/** Picks key_one / key_other… as i18next JSON v4 does, by the language's plural rules. */
export function plural(strings: Record<string, string>, key: string, count: number, lang: string): string {
  const category = new Intl.PluralRules(lang).select(count);
  const template = strings[`${key}_${category}`] ?? strings[`${key}_other`] ?? key;
  return interpolate(template, { count });
}
