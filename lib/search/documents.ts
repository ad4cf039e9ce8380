// What the search index sees of a release: title, metadata and body, with
// Han text split into single characters (lib/search/han.ts), plus the filters,
// sort key and display metadata Pagefind returns with each result. Built
// from the content model, so navigation and lists are never indexed and the
// served HTML needs no search-only markup.
import { escapeHtml } from "../view/html.ts";
import type { ReleaseView } from "../view/views.ts";
import { splitHan } from "./han.ts";

export interface IndexDocument {
  url: string;
  /** The page's <html lang>, which names its index. */
  language: string;
  html: string;
}

const text = (value: string) => escapeHtml(splitHan(value));

/** `bodyHtml`: the body as renderBody (lib/content/markdown.ts) writes it with `splitHan`. */
export function indexDocument(view: ReleaseView, bodyHtml: string): IndexDocument {
  const { release } = view;
  // Values inside data-pagefind-ignore are kept as filters, meta and sort but
  // not as searchable text, so they stay exactly as readers see them.
  const hidden = [
    `<span data-pagefind-meta="title">${escapeHtml(release.title)}</span>`,
    `<span data-pagefind-meta="date">${escapeHtml(release.timeDisplay)}</span>`,
    `<span data-pagefind-sort="date">${escapeHtml(release.sortKey)}</span>`,
    `<span data-pagefind-filter="year">${release.year}</span>`,
    ...(release.company
      ? [
          `<span data-pagefind-meta="company">${escapeHtml(release.company)}</span>`,
          // Filters hold keys, the same in every language and stable in URLs;
          // the search page shows their labels (SearchView.facetLabels).
          `<span data-pagefind-filter="company">${escapeHtml(release.companyKey ?? release.company)}</span>`,
        ]
      : []),
    ...release.tags.map((tag) => `<span data-pagefind-filter="tag">${escapeHtml(tag.key)}</span>`),
  ];
  const searchableMeta = [release.company, release.location, ...release.tags.map((t) => t.label)]
    .filter((v): v is string => Boolean(v))
    .map(text)
    .join(" · ");
  const html = [
    `<!DOCTYPE html><html lang="${escapeHtml(view.locale.htmlLang)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(release.title)}</title></head><body><main data-pagefind-body>`,
    `<h1>${text(release.title)}</h1>`,
    `<div data-pagefind-ignore>${hidden.join("")}</div>`,
    release.summary ? `<p>${text(release.summary)}</p>` : "",
    searchableMeta ? `<p>${searchableMeta}</p>` : "",
    bodyHtml,
    "</main></body></html>",
  ].join("");
  return { url: view.url, language: view.locale.htmlLang.toLowerCase(), html };
}
