// The "pages" group above the search results: the newsroom's own pages
// (static pages, media contacts, company pages) whose title or terms hold
// every word of the query. They are not in the Pagefind index, which holds
// releases only, so a search for "contacts" or a company's name reaches its
// page without mixing pages into release results. The list comes from the
// search page's view (lib/view/pages.ts, searchPages) in data-pages.

export interface PageLink {
  title: string;
  url: string;
  /** Other words that find the page: its description, a company's names in every language. */
  terms: string;
}

/** At most this many pages are shown; the group is a shortcut, not a second result list. */
export const MAX_PAGES = 5;

const fold = (text: string) => text.normalize("NFKC").toLocaleLowerCase();

/** The pages whose title or terms contain every word of the query (Han text matches as written). */
export function matchingPages(pages: readonly PageLink[], query: string): PageLink[] {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  return pages
    .filter((page) => {
      const text = fold(`${page.title} ${page.terms}`);
      return words.every((word) => text.includes(word));
    })
    .slice(0, MAX_PAGES);
}

/** Fills the group's list with links (text only, never markup) and hides the group when none match. */
export function showPages(group: HTMLElement, pages: readonly PageLink[]): void {
  const list = group.querySelector("ul");
  if (!list) return;
  list.replaceChildren(
    ...pages.map((page) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = page.url;
      link.textContent = page.title;
      item.append(link);
      return item;
    }),
  );
  group.hidden = pages.length === 0;
}
