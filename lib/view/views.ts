// The shapes templates print, built by lib/view/pages.ts; each page kind
// (lib/view/page-kinds.ts) has its own.

import type { PageLink } from "../client/search/pages.ts";
import type { LogoRendition } from "../content/logos.ts";
import type { ImageRendition } from "../content/media.ts";
import type { SealedAttachment } from "../embargo/media.ts";
import type { EmbargoIdentity } from "../embargo/seal.ts";
import type { PatternPart } from "../i18n/translator.ts";
import type { ShareImage } from "./share-image.ts";

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
  contactsUrl: string;
  /** Static pages marked `nav`, in their order: the header's links after the site's own. */
  nav: LinkView[];
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
  /** The company's URL segment (its key, or the slug of a plain name): the same in every language. */
  companyKey: string | undefined;
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
  /** The last correction, when there was one: as written, as a full date-time, and for reading. */
  updated: { iso: string; timestamp: string; display: string } | undefined;
  /** The last correction's timestamp, or the release's: what dateModified, feeds and the sitemap say. */
  modified: string;
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
  /** The page's meta description, plain text in its language. */
  description: string;
  /** Newest change of what the page shows (a release's time or correction), for sitemap.xml. */
  lastModified?: string;
}

export interface SocialMeta {
  title: string;
  description: string;
  ogLocale: string;
  ogLocaleAlternates: string[];
  publishedTime: string;
  /** Only when the release was corrected. */
  modifiedTime: string | undefined;
}

export interface AttachmentView {
  name: string;
  /** Beside the release page. */
  url: string;
  title: string | undefined;
  typeLabel: string;
  size: string;
  image: ImageRendition | undefined;
  /** Press-kit files only: a photo's caption in the page's language. */
  caption?: string | undefined;
}

/**
 * A media contact, its lines cut into parts at the placeholders of the
 * bundle's patterns (release.contactName, release.contactField), so the
 * punctuation between label and value is the translator's.
 */
export interface ContactView {
  /** "{{name}}, {{role}}": the template makes the `name` part bold. */
  name: PatternPart[];
  /** "Email: {{value}}": the `value` part is the link to `address`. */
  email: { parts: PatternPart[]; address: string } | undefined;
  phone: { parts: PatternPart[]; tel: string } | undefined;
}

export interface CompanyInfoView {
  name: string;
  about: string | undefined;
  contacts: ContactView[];
}

export interface ReleaseView extends PageViewBase {
  kind: "release";
  release: ReleaseCard & { html: string };
  /** The `correction` note as inline HTML, sanitized like the body. */
  correctionHtml: string | undefined;
  /** Boilerplate and media contacts, when `company` is a key into _data/companies. */
  companyInfo: CompanyInfoView | undefined;
  attachments: AttachmentView[];
  newer: ReleaseCard | undefined;
  older: ReleaseCard | undefined;
  social: SocialMeta;
  /** The link preview's image (og:image, twitter:image, JSON-LD image), when there is one. */
  share: ShareImage | undefined;
  /** schema.org NewsArticle, serialized for a <script> element. */
  jsonLd: string;
}

export type ListKind = "home" | "year" | "company" | "tag";

/**
 * A company as its page and the contacts page show it, in one language.
 * `aboutLang` and `contactsLang` are set (to the registry `lang` of the text
 * shown) only when that text is the source language's, shown for want of
 * this one's: the page marks it.
 */
export interface CompanyBlock {
  key: string;
  name: string;
  /** Its releases' page in this language, when it has any. */
  url: string | undefined;
  about: string | undefined;
  aboutLang: string | undefined;
  contacts: ContactView[];
  contactsLang: string | undefined;
  /** The label of the language shown instead, for the note. */
  fallbackLabel: string | undefined;
  /** The published logo (lib/content/logos.ts) and the company's own site, when its record gives them. */
  logo: LogoRendition | undefined;
  website: string | undefined;
}

/** What a company's page shows above its releases: About, contacts and press kit. */
export interface CompanyPage {
  company: CompanyBlock;
  pressKit: AttachmentView[];
}

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
  /** A company list whose company has a record in _data/companies/: shown on its first page. */
  company: CompanyPage | undefined;
}

/** A static page from src/pages/<locale>/<slug>.md. */
export interface StaticPageView extends PageViewBase {
  kind: "page";
  /** "<locale>/<slug>", for messages. */
  sourceId: string;
  title: string;
  html: string;
}

/** Each language's page of every company's media contacts. */
export interface ContactsView extends PageViewBase {
  kind: "contacts";
  companies: CompanyBlock[];
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
  /** The newsroom's own pages, matched by the search script above release results (lib/client/search/pages.ts). */
  pages: PageLink[];
  /** This language's label of each company and tag key, as filters show them. */
  facetLabels: { company: Record<string, string>; tag: Record<string, string> };
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
  lastmod: string | undefined;
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
  companyInfo: CompanyInfoView | undefined;
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
