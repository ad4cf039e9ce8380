// The shapes templates print, built by lib/view/pages.ts; each page kind
// (lib/view/page-kinds.ts) has its own.
import type { CompanyView } from "../content/companies.ts";
import type { ImageRendition } from "../content/media.ts";
import type { SealedAttachment } from "../embargo/media.ts";
import type { EmbargoIdentity } from "../embargo/seal.ts";

export interface LocaleView {
  code: string;
  htmlLang: string;
  dir: "ltr" | "rtl";
  label: string;
  homeUrl: string;
  searchUrl: string;
  archiveUrl: string;
  atomFeedUrl: string;
  jsonFeedUrl: string;
}

export interface Alternate {
  hreflang: string;
  /** Absolute. */
  url: string;
}

export interface SwitchLink {
  code: string;
  label: string;
  htmlLang: string;
  dir: "ltr" | "rtl";
  url: string;
  /** False when this page has no version in that language: the link goes to its home. */
  available: boolean;
}

export interface LinkView {
  label: string;
  url: string;
}

export interface TagView extends LinkView {
  key: string;
}

export interface ReleaseCard {
  title: string;
  url: string;
  absoluteUrl: string;
  summary: string | undefined;
  /** The company's name in this locale, or the plain name the release gave. */
  company: string | undefined;
  companyUrl: string | undefined;
  location: string | undefined;
  tags: TagView[];
  year: number;
  yearUrl: string;
  /** UTC instant, so Pagefind's string sort orders releases across offsets. */
  sortKey: string;
  /** As the writer gave it: a date, or a date-time with offset. */
  timeIso: string;
  /** Always a full date-time with offset (feeds, structured data). */
  timestamp: string;
  timeDisplay: string;
  /** Other than "published" only in preview builds, where a banner says so. */
  status: "published" | "scheduled" | "draft";
}

export interface PageViewBase {
  url: string;
  locale: LocaleView;
  /** hreflang alternates, absolute, reciprocal across languages. */
  alternates: Alternate[];
  switcher: SwitchLink[];
  /** Absolute canonical URL, or undefined for pages that are not indexed. */
  canonical: string | undefined;
}

export interface SocialMeta {
  title: string;
  description: string;
  ogLocale: string;
  ogLocaleAlternates: string[];
  publishedTime: string;
}

export interface AttachmentView {
  name: string;
  /** Beside the release page. */
  url: string;
  title: string | undefined;
  typeLabel: string;
  size: string;
  image: ImageRendition | undefined;
}

export interface ReleaseView extends PageViewBase {
  kind: "release";
  /** "<locale>/<slug>" of the release this page shows (the search index reads its source). */
  sourceId: string;
  release: ReleaseCard & { html: string };
  /** Boilerplate and media contacts, when `company` is a key into _data/companies. */
  companyInfo: CompanyView | undefined;
  attachments: AttachmentView[];
  newer: ReleaseCard | undefined;
  older: ReleaseCard | undefined;
  social: SocialMeta;
  /** schema.org NewsArticle, serialized for a <script> element. */
  jsonLd: string;
}

export type ListKind = "home" | "year" | "company" | "tag";

export interface ListingView extends PageViewBase {
  kind: "listing";
  listKind: ListKind;
  /** The year, company or tag the list is about (empty for home). */
  subject: string;
  pageNumber: number;
  totalPages: number;
  totalReleases: number;
  releases: ReleaseCard[];
  newerPageUrl: string | undefined;
  olderPageUrl: string | undefined;
}

export interface ArchiveEntry extends LinkView {
  count: number;
}

export interface ArchiveView extends PageViewBase {
  kind: "archive";
  years: ArchiveEntry[];
  companies: ArchiveEntry[];
  tags: ArchiveEntry[];
}

export interface SearchView extends PageViewBase {
  kind: "search";
  /** False before the first release: there is no index to search. */
  searchable: boolean;
  /** Interface strings the search script needs, keyed without the "search." prefix. */
  strings: Record<string, string>;
}

export interface PlainView extends PageViewBase {
  kind: "offline" | "not-found";
}

export interface ChooserView extends PageViewBase {
  kind: "chooser" | "root-not-found";
  choices: SwitchLink[];
}

export interface FeedView {
  locale: LocaleView;
  /** Absolute URLs. */
  atomUrl: string;
  jsonUrl: string;
  homeUrl: string;
  /** Newest entry's time, so the feed changes only when content does. */
  updated: string;
  entries: (ReleaseCard & { html: string })[];
}

export interface SitemapEntry {
  url: string;
  alternates: Alternate[];
}

/** A media-kit file of an embargoed preview: shown inside the sealed release, opened by the page's script. */
export interface SealedAttachmentView {
  name: string;
  title: string | undefined;
  typeLabel: string;
  size: string;
  sealed: SealedAttachment;
}

/**
 * A scheduled release's embargoed preview (lib/embargo/). Only `timeDisplay`,
 * `timeIso` and the chrome are printed in clear; the template seals the rest
 * with the key of `identity`.
 */
export interface EmbargoPreviewView extends PageViewBase {
  kind: "embargo-preview";
  identity: EmbargoIdentity;
  timeIso: string;
  timeDisplay: string;
  release: ReleaseCard & { html: string };
  companyInfo: CompanyView | undefined;
  attachments: SealedAttachmentView[];
}

/** The same link once the release is published: it sends the reader to the public page. */
export interface EmbargoReleasedView extends PageViewBase {
  kind: "embargo-released";
  title: string;
  /** The public release, without the path prefix (for links, which Eleventy prefixes). */
  releaseUrl: string;
  /** The same with the prefix, for the refresh, which Eleventy leaves as written. */
  refreshUrl: string;
}

export type EmbargoView = EmbargoPreviewView | EmbargoReleasedView;
