// What the search index sees of a release: title, metadata and body, with
// Han text as overlapping pairs (lib/search/han.ts), plus the filters,
// sort key and display metadata Pagefind returns with each result. Built
// from the content model, so navigation and lists are never indexed and the
// served HTML needs no search-only markup.
import { escapeHtml } from "../view/html.ts";
import type { ReleaseView } from "../view/views.ts";
import { encodeHan } from "./han.ts";
import type { PartDocument } from "./parts.ts";

export interface IndexDocument extends PartDocument {
  url: string;
  /**
   * Head and body: lib/search/pagefind.ts wraps them in <html lang> with
   * the part's Pagefind language. Made when the part is written for its
   * Pagefind run, so that the archive's index copies are never all in
   * memory at once, and the first run starts without waiting for them.
   */
  html(): string;
}

const text = (value: string) => escapeHtml(encodeHan(value));

// Markup inside a paragraph: dropped from the index copy, so that a Han run
// broken by it (新**能源**) is one run, paired across the tag as readers read it.
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)\b[^>]*>/gi;

/**
 * The index copy of a rendered body: inline markup dropped, the text
 * between block tags encoded. Tags and entities are ASCII, so encoding the
 * text between tags never touches them.
 */
export function indexBodyHtml(html: string): string {
  return html
    .replace(INLINE_TAG, "")
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : encodeHan(part)))
    .join("");
}

/** A release page's index document; its body is the one the page shows (`view.release.html`). */
export function indexDocument(view: ReleaseView): IndexDocument {
  const { release } = view;
  return {
    url: view.url,
    language: view.locale.htmlLang.toLowerCase(),
    year: release.year,
    sortKey: release.sortKey,
    filters: {
      year: [String(release.year)],
      ...(release.company ? { company: [release.companyKey ?? release.company] } : {}),
      tag: release.tags.map((tag) => tag.key),
    },
    html: () => indexHtml(view),
  };
}

function indexHtml(view: ReleaseView): string {
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
  return [
    `<head><meta charset="utf-8">`,
    `<title>${escapeHtml(release.title)}</title></head><body><main data-pagefind-body>`,
    `<h1>${text(release.title)}</h1>`,
    `<div data-pagefind-ignore>${hidden.join("")}</div>`,
    release.summary ? `<p>${text(release.summary)}</p>` : "",
    searchableMeta ? `<p>${searchableMeta}</p>` : "",
    indexBodyHtml(release.html),
    "</main></body>",
  ].join("");
}
