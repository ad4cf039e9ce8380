// The page builders, one per page kind (lib/view/page-kinds.ts lists them):
// each returns the views of its pages, which templates only print, so
// ordering, pairing, fallbacks and formatting are tested TypeScript. What
// they share for one build is in lib/view/site-model.ts.
import type { PageLink } from "../client/search/pages.ts";
import type { Release } from "../content/load.ts";
import { formatFileSize } from "../content/media.ts";
import type { Locale } from "../i18n/locales.ts";
import { chunk, neighbours } from "./collections.ts";
import { type ListSpec, type SiteModel, switcherFor } from "./site-model.ts";
import { newsArticleScript } from "./structured-data.ts";
import {
  archiveUrl,
  atomFeedUrl,
  contactsUrl,
  homeUrl,
  jsonFeedUrl,
  notFoundUrl,
  offlineUrl,
  pageUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
  staticPageUrl,
} from "./urls.ts";
import type {
  ArchiveEntry,
  ArchiveView,
  ChooserView,
  ContactsView,
  FeedView,
  ListingView,
  PageViewBase,
  PlainView,
  ReleaseView,
  SearchView,
  SitemapEntry,
  StaticPageView,
} from "./views.ts";

export const FEED_SIZE = 20;

/** The language chooser at `/`: a link to each language's home, written in that language. */
function chooserView(model: SiteModel): ChooserView {
  const { registry } = model;
  return {
    kind: "chooser",
    url: rootUrl(),
    canonical: model.input.absolute(rootUrl()),
    locale: model.localeView(registry.source),
    alternates: model.alternates(
      registry.all.map((l) => ({ locale: l, url: homeUrl(l) })),
      rootUrl(),
    ),
    switcher: [],
    description: model.input.t(registry.source.code, "site.tagline"),
    lastModified: model.lastModified(model.published),
    choices: registry.all.map((l) => ({
      code: l.code,
      label: l.label,
      htmlLang: l.htmlLang,
      dir: l.dir,
      url: homeUrl(l),
      available: true,
    })),
  };
}

export function chooserPages(model: SiteModel): ChooserView[] {
  return [chooserView(model)];
}

/** A list's meta description: what the list is about, in its language. */
function listDescription(model: SiteModel, locale: Locale, spec: ListSpec): string {
  const { t } = model.input;
  switch (spec.listKind) {
    case "year":
      return t(locale.code, "description.year", { year: spec.subject });
    case "company":
      return t(locale.code, "description.company", { company: spec.subject });
    case "tag":
      return t(locale.code, "description.tag", { tag: spec.subject });
    default:
      return t(locale.code, "description.home", { site: model.input.siteName(locale.code) });
  }
}

function listPages(model: SiteModel, locale: Locale, spec: ListSpec): ListingView[] {
  const pages = chunk(spec.releases, model.input.releasesPerPage);
  const alternates = model.alternates(spec.counterparts, spec.xDefault);
  const description = listDescription(model, locale, spec);
  return pages.map((items, index) => {
    const pageNumber = index + 1;
    const url = pageUrl(spec.first, pageNumber);
    return {
      kind: "listing",
      listKind: spec.listKind,
      subject: spec.subject,
      url,
      canonical: model.input.absolute(url),
      locale: model.localeView(locale),
      // Only a first page has a counterpart in other languages.
      alternates: pageNumber === 1 ? alternates : [],
      switcher: switcherFor(model.registry, locale, (l) =>
        pageNumber === 1 ? spec.counterparts.find((c) => c.locale.code === l.code)?.url : undefined,
      ),
      description,
      lastModified: model.lastModified(items),
      pageNumber,
      totalPages: pages.length,
      totalReleases: spec.releases.length,
      releases: items.map((r) => model.card(r)),
      newerPageUrl: pageNumber > 1 ? pageUrl(spec.first, pageNumber - 1) : undefined,
      olderPageUrl: pageNumber < pages.length ? pageUrl(spec.first, pageNumber + 1) : undefined,
      company:
        spec.listKind === "company" && pageNumber === 1 ? model.companyPage(spec.value, locale) : undefined,
    };
  });
}

/** Every list of releases, page by page: each language's home, then its years, companies and tags. */
export function listingPages(model: SiteModel): ListingView[] {
  const { registry } = model;
  const archives = model.archiveLists();
  const homeCounterparts = registry.all.map((l) => ({ locale: l, url: homeUrl(l) }));
  return registry.all.flatMap((locale) => {
    const home: ListSpec = {
      listKind: "home",
      value: "",
      subject: "",
      first: homeUrl(locale),
      releases: model.sorted(locale),
      counterparts: homeCounterparts,
      xDefault: rootUrl(),
    };
    const specs = [
      home,
      ...[archives.years, archives.companies, archives.tags].flatMap((lists) => lists.get(locale.code) ?? []),
    ];
    return specs.flatMap((spec) => listPages(model, locale, spec));
  });
}

function releasePagesIn(model: SiteModel, locale: Locale): ReleaseView[] {
  const { registry, input } = model;
  const sorted = model.sorted(locale);
  const around = neighbours(sorted);
  return sorted.map((release) => {
    const versions = model.pairs.get(release.translationKey) ?? new Map<string, Release>();
    const existing = registry.all
      .filter((l) => versions.has(l.code))
      .map((l) => ({ locale: l, release: versions.get(l.code) as Release }))
      .map((v) => ({ ...v, url: releaseUrl(v.locale, v.release.slug) }));
    const original = existing.find((v) => v.locale.code === registry.source.code);
    const card = model.card(release);
    const companyInfo = model.companyInfo(release, locale);
    const next = around.get(release);
    const isOriginal = original?.release === release;
    const share = model.shareImage(release, locale);
    const company = release.company ? input.companies.get(release.company) : undefined;
    const logo = model.logo(release);
    return {
      kind: "release",
      url: card.url,
      canonical: card.absoluteUrl,
      locale: model.localeView(locale),
      alternates: model.alternates(existing, (original ?? existing[0])?.url ?? rootUrl()),
      switcher: switcherFor(registry, locale, (l) => {
        const twin = versions.get(l.code);
        return twin ? releaseUrl(l, twin.slug) : undefined;
      }),
      description: model.description(release),
      lastModified: card.modified,
      release: { ...card, html: model.html(release) },
      correctionHtml: release.correction === undefined ? undefined : input.renderNote(release.correction),
      companyInfo,
      attachments: release.attachments.map((a) => ({
        name: a.name,
        url: `${card.url}${a.name}`,
        title: a.title,
        typeLabel: input.attachmentType(locale.code, a.kind),
        size: formatFileSize(a.bytes, locale.luxonLocale),
        image: input.renditions.get(a.source),
      })),
      newer: next?.newer ? model.card(next.newer) : undefined,
      older: next?.older ? model.card(next.older) : undefined,
      social: {
        title: release.title,
        description: model.description(release),
        ogLocale: locale.ogLocale,
        ogLocaleAlternates: existing.filter((v) => v.release !== release).map((v) => v.locale.ogLocale),
        publishedTime: card.timestamp,
        modifiedTime: card.updated?.timestamp,
      },
      share,
      jsonLd: newsArticleScript({
        headline: release.title,
        description: model.description(release),
        url: card.absoluteUrl,
        datePublished: card.timestamp,
        dateModified: card.updated?.timestamp,
        inLanguage: locale.htmlLang,
        dateline: release.location,
        keywords: card.tags.map((t) => t.label),
        publisher: {
          name: card.company ?? input.siteName(locale.code),
          url: company?.url,
          logo: logo && { ...logo, url: input.absolute(logo.url) },
        },
        image: share,
        translationOf:
          original && !isOriginal
            ? { url: input.absolute(original.url), inLanguage: original.locale.htmlLang }
            : undefined,
        translations: isOriginal
          ? existing
              .filter((v) => v.release !== release)
              .map((v) => ({ url: input.absolute(v.url), inLanguage: v.locale.htmlLang }))
          : [],
      }),
    };
  });
}

/** A page per release, with its translations, neighbours, company and media kit. */
export function releasePages(model: SiteModel): ReleaseView[] {
  return model.registry.all.flatMap((locale) => releasePagesIn(model, locale));
}

function entriesOf(specs: readonly ListSpec[]): ArchiveEntry[] {
  return specs.map((spec) => ({ label: spec.subject, url: spec.first, count: spec.releases.length }));
}

/** Each language's archive overview: its years, companies and tags with their counts. */
export function archivePages(model: SiteModel): ArchiveView[] {
  const { years, companies, tags } = model.archiveLists();
  return model.registry.all.map((locale) => ({
    kind: "archive",
    ...model.inEveryLanguage(
      locale,
      archiveUrl,
      model.input.t(locale.code, "description.archive", { site: model.input.siteName(locale.code) }),
    ),
    lastModified: model.lastModified(model.sorted(locale)),
    years: entriesOf(years.get(locale.code) ?? []),
    companies: entriesOf(companies.get(locale.code) ?? []),
    tags: entriesOf(tags.get(locale.code) ?? []),
  }));
}

/**
 * What the search page offers above release results for a query that names
 * a page: the language's static pages, its contacts page (found by any
 * company's name too) and its company pages (by the company's name in every
 * language and its key).
 */
function searchablePages(model: SiteModel, locale: Locale): PageLink[] {
  const { input, registry } = model;
  const statics = input.pages
    .filter((p) => p.locale === locale.code)
    .map((p) => ({ title: p.title, url: staticPageUrl(locale, p.slug), terms: p.description ?? "" }));
  const companyNames = (value: string) => Object.values(input.companies.get(value)?.name ?? {}).join(" ");
  const companies = (model.archiveLists().companies.get(locale.code) ?? []).map((spec) => ({
    title: spec.subject,
    url: spec.first,
    terms: `${spec.value} ${companyNames(spec.value)}`,
  }));
  const contacts = {
    title: input.strings(locale.code, "contacts").title ?? "",
    url: contactsUrl(locale),
    terms: [...input.companies.values()]
      .map((c) => Object.values(c.name).join(" "))
      .concat(registry.all.map((l) => input.strings(l.code, "footer").contacts ?? ""))
      .join(" "),
  };
  return [...statics, ...companies, contacts];
}

/** Each language's search page. */
export function searchPages(model: SiteModel): SearchView[] {
  const { registry } = model;
  // The index holds the release pages this build writes (lib/search/).
  const searchable = registry.all.some((locale) => model.sorted(locale).length > 0);
  return registry.all.map((locale) => ({
    kind: "search",
    ...model.inEveryLanguage(
      locale,
      searchUrl,
      model.input.t(locale.code, "description.search", { site: model.input.siteName(locale.code) }),
    ),
    searchable,
    strings: model.input.strings(locale.code, "search"),
    pages: searchablePages(model, locale),
    facetLabels: facetLabels(model, locale),
  }));
}

/**
 * A page per static page in src/pages/, linked to its versions in other
 * languages (same slug, or same translationKey) as releases are.
 */
export function staticPages(model: SiteModel): StaticPageView[] {
  const { registry, input } = model;
  return registry.all.flatMap((locale) =>
    input.pages
      .filter((p) => p.locale === locale.code)
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((page) => {
        const versions = model.pagePairs.get(page.translationKey) ?? new Map();
        const existing = registry.all
          .filter((l) => versions.has(l.code))
          .map((l) => ({ locale: l, url: staticPageUrl(l, versions.get(l.code).slug) }));
        const original = existing.find((v) => v.locale.code === registry.source.code) ?? existing[0];
        const url = staticPageUrl(locale, page.slug);
        return {
          kind: "page" as const,
          sourceId: `${page.locale}/${page.slug}`,
          url,
          canonical: input.absolute(url),
          locale: model.localeView(locale),
          alternates: model.alternates(existing, original?.url ?? rootUrl()),
          switcher: switcherFor(registry, locale, (l) => {
            const twin = versions.get(l.code);
            return twin ? staticPageUrl(l, twin.slug) : undefined;
          }),
          title: page.title,
          description: model.describe(
            { summary: page.description, body: page.body, title: page.title },
            locale,
          ),
          html: input.renderBody(page.body),
        };
      }),
  );
}

/**
 * Each language's media contacts: every company with a record and contacts,
 * by name in the reader's language, with its About text.
 */
export function contactsPages(model: SiteModel): ContactsView[] {
  const { registry, input } = model;
  return registry.all.map((locale) => ({
    kind: "contacts",
    ...model.inEveryLanguage(
      locale,
      contactsUrl,
      input.t(locale.code, "description.contacts", { site: model.input.siteName(locale.code) }),
    ),
    companies: [...input.companies.keys()]
      .flatMap((key) => model.companyBlock(key, locale) ?? [])
      .filter((block) => block.contacts.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, locale.htmlLang)),
  }));
}

/** Filters carry keys, the same in every language; the page shows these labels for them. */
function facetLabels(model: SiteModel, locale: Locale): SearchView["facetLabels"] {
  const labels: SearchView["facetLabels"] = { company: {}, tag: {} };
  for (const release of model.sorted(locale)) {
    const card = model.card(release);
    if (card.companyKey && card.company) labels.company[card.companyKey] = card.company;
    for (const tag of card.tags) labels.tag[tag.key] = tag.label;
  }
  return labels;
}

/** Pages that are served, not found: no canonical, no alternates. */
function plainView(model: SiteModel, kind: PlainView["kind"], locale: Locale, url: string): PlainView {
  return {
    kind,
    url,
    canonical: undefined,
    locale: model.localeView(locale),
    alternates: [],
    switcher: switcherFor(model.registry, locale, (l) => homeUrl(l)),
    description: model.input.t(locale.code, kind === "offline" ? "offline.body" : "notFound.body"),
  };
}

/** Each language's page for a page never opened before, shown by the service worker offline. */
export function offlinePages(model: SiteModel): PlainView[] {
  return model.registry.all.map((l) => plainView(model, "offline", l, offlineUrl(l)));
}

/** /404.html in every language, then each language's own. */
export function notFoundPages(model: SiteModel): (PlainView | ChooserView)[] {
  const rootNotFound: ChooserView = {
    ...chooserView(model),
    kind: "root-not-found",
    url: "/404.html",
    canonical: undefined,
    alternates: [],
    description: model.input.t(model.registry.source.code, "notFound.body"),
    lastModified: undefined,
  };
  return [rootNotFound, ...model.registry.all.map((l) => plainView(model, "not-found", l, notFoundUrl(l)))];
}

/** Each language's Atom and JSON feeds share one view: its newest releases in full. */
export function feedViews(model: SiteModel): FeedView[] {
  const { input } = model;
  return model.registry.all.map((locale) => {
    const entries = model
      .sorted(locale)
      .slice(0, FEED_SIZE)
      .map((r) => ({ ...model.card(r), html: model.html(r) }));
    return {
      locale: model.localeView(locale),
      atomUrl: input.absolute(atomFeedUrl(locale)),
      jsonUrl: input.absolute(jsonFeedUrl(locale)),
      homeUrl: input.absolute(homeUrl(locale)),
      // Entries stay in release order; the feed changed when any entry last did.
      updated: model.lastModified(model.sorted(locale).slice(0, FEED_SIZE)) ?? "1970-01-01T00:00:00Z",
      entries,
    };
  });
}

/** A page's line in sitemap.xml, for the page kinds listed there. */
export function sitemapEntry(view: PageViewBase): SitemapEntry {
  return { url: view.canonical as string, lastmod: view.lastModified, alternates: view.alternates };
}
