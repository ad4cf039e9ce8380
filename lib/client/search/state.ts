// The search page's state, as pure functions: the URL is the state
// (?q=…&company=…&year=…&tag=…&sort=newest), so a search can be bookmarked,
// shared and reloaded offline. The controller (controller.ts) only ever
// replaces the state with one made here.

export const FACETS = ["company", "year", "tag"] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchState {
  query: string;
  filters: Record<Facet, string[]>;
  sort: "relevance" | "newest";
}

export function isFacet(name: string): name is Facet {
  return (FACETS as readonly string[]).includes(name);
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

/** True when there is nothing to ask the index: the page prompts instead. */
export function isBlank(state: SearchState): boolean {
  return !state.query && !hasFilters(state);
}

export function withQuery(state: SearchState, typed: string): SearchState {
  return { ...state, query: typed.trim() };
}

/** Any value other than "newest" (the select's other option) means best match. */
export function withSort(state: SearchState, value: string): SearchState {
  return { ...state, sort: value === "newest" ? "newest" : "relevance" };
}

export function withFilter(state: SearchState, facet: Facet, value: string, checked: boolean): SearchState {
  const values = new Set(state.filters[facet]);
  if (checked) values.add(value);
  else values.delete(value);
  return { ...state, filters: { ...state.filters, [facet]: [...values] } };
}

export function withoutFilters(state: SearchState): SearchState {
  return { ...state, filters: { company: [], year: [], tag: [] } };
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

/**
 * Filter values in the URL are keys (company key or slug, tag key, year).
 * Links written before were labels (`?company=Acme Power`, `?tag=储能`):
 * a value that is no key but is a key's label in this language becomes that key.
 */
export function withKeys(
  state: SearchState,
  labels: Partial<Record<string, Record<string, string>>>,
): SearchState {
  const filters = { ...state.filters };
  for (const facet of FACETS) {
    const own = labels[facet];
    if (!own) continue;
    const byLabel = new Map(Object.entries(own).map(([key, label]) => [label.toLowerCase(), key]));
    filters[facet] = [
      ...new Set(
        state.filters[facet].map((v) => (Object.hasOwn(own, v) ? v : (byLabel.get(v.toLowerCase()) ?? v))),
      ),
    ];
  }
  return { ...state, filters };
}
