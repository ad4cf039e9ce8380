// The page builders, one per page kind (lib/view/page-kinds.ts lists them):
// each returns the views of its pages, which templates only print, so
// ordering, pairing, fallbacks and formatting are tested TypeScript. What
// they share for one build is in lib/view/site-model.ts.
import type { Release } from "../content/load.ts";
import { formatFileSize } from "../content/media.ts";
import type { Locale } from "../i18n/locales.ts";
import { chunk, neighbours } from "./collections.ts";
import { type ListSpec, localeView, type SiteModel, switcherFor } from "./site-model.ts";
import { newsArticleScript, ogLocale } from "./structured-data.ts";
import {
  archiveUrl,
  atomFeedUrl,
  homeUrl,
  jsonFeedUrl,
  notFoundUrl,
  offlineUrl,
  pageUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
} from "./urls.ts";
import type {
  ArchiveEntry,
  ArchiveView,
  ChooserView,
  FeedView,
  ListingView,
  PageViewBase,
  PlainView,
  ReleaseView,
  SearchView,
  SitemapEntry,
} from "./views.ts";

export const FEED_SIZE = 20;

/** The language chooser at `/`: a link to each language's home, written in that language. */
function chooserView(model: SiteModel): ChooserView {
  const { registry } = model;
  return {
    kind: "chooser",
    url: rootUrl(),
    canonical: model.input.absolute(rootUrl()),
    locale: localeView(registry.source),
    alternates: model.alternates(
      registry.all.map((l) => ({ locale: l, url: homeUrl(l) })),
      rootUrl(),
    ),
    switcher: [],
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

function listPages(model: SiteModel, locale: Locale, spec: ListSpec): ListingView[] {
  const pages = chunk(spec.releases, model.input.releasesPerPage);
  const alternates = model.alternates(spec.counterparts, spec.xDefault);
  return pages.map((items, index) => {
    const pageNumber = index + 1;
    const url = pageUrl(spec.first, pageNumber);
    return {
      kind: "listing",
      listKind: spec.listKind,
      subject: spec.subject,
      url,
      canonical: model.input.absolute(url),
      locale: localeView(locale),
      // Only a first page has a counterpart in other languages.
      alternates: pageNumber === 1 ? alternates : [],
      switcher: switcherFor(model.registry, locale, (l) =>
        pageNumber === 1 ? spec.counterparts.find((c) => c.locale.code === l.code)?.url : undefined,
      ),
      pageNumber,
      totalPages: pages.length,
      totalReleases: spec.releases.length,
      releases: items.map((r) => model.card(r)),
      newerPageUrl: pageNumber > 1 ? pageUrl(spec.first, pageNumber - 1) : undefined,
      olderPageUrl: pageNumber < pages.length ? pageUrl(spec.first, pageNumber + 1) : undefined,
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
    const companyInfo = model.company(release, locale);
    const next = around.get(release);
    const isOriginal = original?.release === release;
    return {
      kind: "release",
      sourceId: `${release.locale}/${release.slug}`,
      url: card.url,
      canonical: card.absoluteUrl,
      locale: localeView(locale),
      alternates: model.alternates(existing, (original ?? existing[0])?.url ?? rootUrl()),
      switcher: switcherFor(registry, locale, (l) => {
        const twin = versions.get(l.code);
        return twin ? releaseUrl(l, twin.slug) : undefined;
      }),
      release: { ...card, html: model.html(release) },
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
        description: release.summary ?? release.title,
        ogLocale: ogLocale(locale.htmlLang),
        ogLocaleAlternates: existing
          .filter((v) => v.release !== release)
          .map((v) => ogLocale(v.locale.htmlLang)),
        publishedTime: card.timestamp,
      },
      jsonLd: newsArticleScript({
        headline: release.title,
        description: release.summary,
        url: card.absoluteUrl,
        datePublished: card.timestamp,
        inLanguage: locale.htmlLang,
        dateline: release.location,
        keywords: card.tags.map((t) => t.label),
        publisher: card.company ?? input.siteName(locale.code),
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
    ...model.inEveryLanguage(locale, archiveUrl),
    years: entriesOf(years.get(locale.code) ?? []),
    companies: entriesOf(companies.get(locale.code) ?? []),
    tags: entriesOf(tags.get(locale.code) ?? []),
  }));
}

/** Each language's search page. */
export function searchPages(model: SiteModel): SearchView[] {
  const { registry } = model;
  // The index holds the release pages this build writes (lib/search/).
  const searchable = registry.all.some((locale) => model.sorted(locale).length > 0);
  return registry.all.map((locale) => ({
    kind: "search",
    ...model.inEveryLanguage(locale, searchUrl),
    searchable,
    strings: model.input.strings(locale.code, "search"),
    facetLabels: facetLabels(model, locale),
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
    locale: localeView(locale),
    alternates: [],
    switcher: switcherFor(model.registry, locale, (l) => homeUrl(l)),
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
      locale: localeView(locale),
      atomUrl: input.absolute(atomFeedUrl(locale)),
      jsonUrl: input.absolute(jsonFeedUrl(locale)),
      homeUrl: input.absolute(homeUrl(locale)),
      updated: entries[0]?.timestamp ?? "1970-01-01T00:00:00Z",
      entries,
    };
  });
}

/** A page's line in sitemap.xml, for the page kinds listed there. */
export function sitemapEntry(view: PageViewBase): SitemapEntry {
  return { url: view.canonical as string, alternates: view.alternates };
}
