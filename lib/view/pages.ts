// Builds the view model of every page (lib/view/views.ts): templates only print
// these, so ordering, pairing, fallbacks and formatting are tested TypeScript.

import { type Companies, type CompanyView, companyView } from "../content/companies.ts";
import { formatReleaseTime } from "../content/dates.ts";
import { type Release, shownReleases } from "../content/load.ts";
import { formatFileSize, type ImageRendition } from "../content/media.ts";
import type { Locale, LocaleRegistry } from "../i18n/locales.ts";
import { type ArchiveGroup, byCompany, byTag, byYear } from "./archives.ts";
import { chunk, groupByLocale, neighbours, pairTranslations, sortNewestFirst } from "./collections.ts";
import { uniqueSegments } from "./segments.ts";
import { newsArticleScript, ogLocale } from "./structured-data.ts";
import {
  archiveUrl,
  atomFeedUrl,
  companyUrl,
  homeUrl,
  jsonFeedUrl,
  notFoundUrl,
  offlineUrl,
  pageUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
  tagUrl,
  yearUrl,
} from "./urls.ts";
import type {
  Alternate,
  ArchiveEntry,
  ArchiveView,
  ChooserView,
  FeedView,
  ListingView,
  ListKind,
  LocaleView,
  PageViewBase,
  PlainView,
  ReleaseCard,
  ReleaseView,
  SearchView,
  SitemapEntry,
  SitePages,
  SwitchLink,
} from "./views.ts";

export type * from "./views.ts";

export const FEED_SIZE = 20;

export interface PagesInput {
  registry: LocaleRegistry;
  releases: readonly Release[];
  releasesPerPage: number;
  /** Markdown body to HTML. */
  renderBody: (source: string) => string;
  companies: Companies;
  /** Site URL + path prefix + a root-relative URL. */
  absolute: (url: string) => string;
  /** The site's name in a locale (the publisher when a release names no company). */
  siteName: (localeCode: string) => string;
  /** Display label of a tag in a locale (a bundle string, or the tag as written). */
  tagLabel: (localeCode: string, tag: string) => string;
  /** Called when a company has no text in a locale and the source locale's is shown. */
  onCompanyFallback: (notice: { file: string; field: string; locale: string }) => void;
  /** Flat strings under a bundle prefix for one locale, with source fallbacks. */
  strings: (localeCode: string, prefix: string) => Record<string, string>;
  /** A preview build shows drafts and scheduled releases too, marked as such. */
  preview: boolean;
  /** See SitePages.searchVersion. */
  searchVersion: string;
  /** Image renditions by source file, when this build published attachments. */
  renditions: ReadonlyMap<string, ImageRendition>;
  /** "PDF document" / "PDF 文档" for an attachment kind. */
  attachmentType: (localeCode: string, kind: string) => string;
}

export function localeView(locale: Locale): LocaleView {
  return {
    code: locale.code,
    htmlLang: locale.htmlLang,
    dir: locale.dir,
    label: locale.label,
    homeUrl: homeUrl(locale),
    searchUrl: searchUrl(locale),
    archiveUrl: archiveUrl(locale),
    atomFeedUrl: atomFeedUrl(locale),
    jsonFeedUrl: jsonFeedUrl(locale),
  };
}

function switcherFor(
  registry: LocaleRegistry,
  current: Locale,
  urlIn: (locale: Locale) => string | undefined,
): SwitchLink[] {
  return registry.all
    .filter((l) => l.code !== current.code)
    .map((l) => {
      const url = urlIn(l);
      return {
        code: l.code,
        label: l.label,
        htmlLang: l.htmlLang,
        dir: l.dir,
        url: url ?? homeUrl(l),
        available: url !== undefined,
      };
    });
}

/** Everything about one build that page builders share. */
class SiteModel {
  readonly published: Release[];
  readonly byLocale: Map<string, Release[]>;
  readonly pairs: Map<string, Map<string, Release>>;
  readonly companySegments: Map<string, string>;
  readonly tagSegments: Map<string, string>;
  private readonly cards = new Map<Release, ReleaseCard>();
  private readonly bodies = new Map<Release, string>();
  private readonly companyViews = new Map<Release, CompanyView | undefined>();

  constructor(readonly input: PagesInput) {
    // Everything below sees only what this build may show: unpublished
    // releases never reach a page, list, feed, switcher or sitemap.
    this.published = shownReleases(input.releases, input.preview);
    this.byLocale = groupByLocale(sortNewestFirst(this.published));
    this.pairs = pairTranslations(this.published);
    // A company key is its own segment; plain names and tags get stable ones.
    this.companySegments = uniqueSegments(this.published.flatMap((r) => (r.company ? [r.company] : [])));
    this.tagSegments = uniqueSegments(this.published.flatMap((r) => r.tags));
  }

  get registry(): LocaleRegistry {
    return this.input.registry;
  }

  alternates(versions: readonly { locale: Locale; url: string }[], xDefault: string): Alternate[] {
    if (versions.length === 0) return [];
    return [
      ...versions.map((v) => ({ hreflang: v.locale.htmlLang, url: this.input.absolute(v.url) })),
      { hreflang: "x-default", url: this.input.absolute(xDefault) },
    ];
  }

  company(release: Release, locale: Locale): CompanyView | undefined {
    if (!this.companyViews.has(release)) {
      const company = release.company ? this.input.companies.get(release.company) : undefined;
      this.companyViews.set(
        release,
        company
          ? companyView(company, locale.code, this.registry.source.code, (field) =>
              this.input.onCompanyFallback({ file: company.file, field, locale: locale.code }),
            )
          : undefined,
      );
    }
    return this.companyViews.get(release);
  }

  /** The body as HTML, rendered once for the release page and the feeds. */
  html(release: Release): string {
    let html = this.bodies.get(release);
    if (html === undefined) {
      html = this.input.renderBody(release.body);
      this.bodies.set(release, html);
    }
    return html;
  }

  card(release: Release): ReleaseCard {
    const cached = this.cards.get(release);
    if (cached) return cached;
    const locale = this.registry.get(release.locale) as Locale;
    const url = releaseUrl(locale, release.slug);
    const companySegment = release.company ? this.companySegments.get(release.company) : undefined;
    const card: ReleaseCard = {
      title: release.title,
      url,
      absoluteUrl: this.input.absolute(url),
      summary: release.summary,
      company: this.company(release, locale)?.name ?? release.company,
      companyUrl: companySegment ? companyUrl(locale, companySegment) : undefined,
      location: release.location,
      tags: release.tags.map((key) => ({
        key,
        label: this.input.tagLabel(locale.code, key),
        url: tagUrl(locale, this.tagSegments.get(key) as string),
      })),
      year: release.time.dateTime.year,
      yearUrl: yearUrl(locale, release.time.dateTime.year),
      sortKey: release.time.dateTime.toUTC().toISO({ suppressMilliseconds: true }) ?? release.time.iso,
      timeIso: release.time.iso,
      timestamp: release.time.dateTime.toISO({ suppressMilliseconds: true }) ?? release.time.iso,
      timeDisplay: formatReleaseTime(release.time, locale.luxonLocale),
      status: release.status,
    };
    this.cards.set(release, card);
    return card;
  }
}

function releasePages(model: SiteModel, locale: Locale, sorted: Release[]): ReleaseView[] {
  const { registry, input } = model;
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

interface ListSpec {
  listKind: ListKind;
  subject: string;
  first: string;
  releases: readonly Release[];
  /** The same list's first page in each language that has it. */
  counterparts: { locale: Locale; url: string }[];
  xDefault: string;
}

function listingPages(model: SiteModel, locale: Locale, spec: ListSpec): ListingView[] {
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

/** Archive lists of one kind (years, companies or tags) in every language, paired by value. */
function archiveLists(
  model: SiteModel,
  listKind: Exclude<ListKind, "home">,
  groupsOf: (sorted: Release[]) => ArchiveGroup[],
  urlOf: (locale: Locale, value: string) => string,
  subjectOf: (locale: Locale, group: ArchiveGroup) => string,
): Map<string, { spec: ListSpec; locale: Locale }[]> {
  const perLocale = model.registry.all.map((locale) => ({
    locale,
    groups: groupsOf(model.byLocale.get(locale.code) ?? []),
  }));
  const result = new Map<string, { spec: ListSpec; locale: Locale }[]>();
  for (const { locale, groups } of perLocale) {
    const specs = groups.map((group) => {
      const counterparts = perLocale
        .filter((p) => p.groups.some((g) => g.value === group.value))
        .map((p) => ({ locale: p.locale, url: urlOf(p.locale, group.value) }));
      const source =
        counterparts.find((c) => c.locale.code === model.registry.source.code) ?? counterparts[0];
      return {
        locale,
        spec: {
          listKind,
          subject: subjectOf(locale, group),
          first: urlOf(locale, group.value),
          releases: group.releases,
          counterparts,
          xDefault: source?.url ?? rootUrl(),
        },
      };
    });
    result.set(locale.code, specs);
  }
  return result;
}

/** The shared fields of a page every language has at its own URL (archive overview, search). */
function inEveryLanguage(model: SiteModel, locale: Locale, urlOf: (locale: Locale) => string): PageViewBase {
  const { registry } = model;
  return {
    url: urlOf(locale),
    canonical: model.input.absolute(urlOf(locale)),
    locale: localeView(locale),
    alternates: model.alternates(
      registry.all.map((l) => ({ locale: l, url: urlOf(l) })),
      urlOf(registry.source),
    ),
    switcher: switcherFor(registry, locale, urlOf),
  };
}

function entriesOf(specs: { spec: ListSpec }[]): ArchiveEntry[] {
  return specs.map(({ spec }) => ({ label: spec.subject, url: spec.first, count: spec.releases.length }));
}

export function buildPages(input: PagesInput): SitePages {
  const model = new SiteModel(input);
  const { registry } = model;

  const years = archiveLists(
    model,
    "year",
    byYear,
    (l, v) => yearUrl(l, Number(v)),
    (_l, g) => g.value,
  );
  const companies = archiveLists(
    model,
    "company",
    byCompany,
    (l, v) => companyUrl(l, model.companySegments.get(v) as string),
    (_l, g) => model.card(g.releases[0] as Release).company ?? g.value,
  );
  const tags = archiveLists(
    model,
    "tag",
    byTag,
    (l, v) => tagUrl(l, model.tagSegments.get(v) as string),
    (l, g) => input.tagLabel(l.code, g.value),
  );
  // Alphabetical in the reader's language; years stay newest first.
  for (const lists of [companies, tags]) {
    for (const [code, specs] of lists) {
      const lang = registry.get(code)?.htmlLang;
      specs.sort((a, b) => a.spec.subject.localeCompare(b.spec.subject, lang));
    }
  }

  const homeCounterparts = registry.all.map((l) => ({ locale: l, url: homeUrl(l) }));
  const listings: ListingView[] = [];
  const releases: ReleaseView[] = [];
  const archives: ArchiveView[] = [];
  const feeds: FeedView[] = [];

  for (const locale of registry.all) {
    const sorted = model.byLocale.get(locale.code) ?? [];
    listings.push(
      ...listingPages(model, locale, {
        listKind: "home",
        subject: "",
        first: homeUrl(locale),
        releases: sorted,
        counterparts: homeCounterparts,
        xDefault: rootUrl(),
      }),
    );
    const archiveSpecs = [years, companies, tags].map((lists) => lists.get(locale.code) ?? []);
    for (const specs of archiveSpecs) {
      for (const { spec } of specs) listings.push(...listingPages(model, locale, spec));
    }
    releases.push(...releasePages(model, locale, sorted));

    const [yearSpecs = [], companySpecs = [], tagSpecs = []] = archiveSpecs;
    archives.push({
      kind: "archive",
      ...inEveryLanguage(model, locale, archiveUrl),
      years: entriesOf(yearSpecs),
      companies: entriesOf(companySpecs),
      tags: entriesOf(tagSpecs),
    });

    const entries = sorted.slice(0, FEED_SIZE).map((r) => ({
      ...model.card(r),
      html: model.html(r),
    }));
    feeds.push({
      locale: localeView(locale),
      atomUrl: input.absolute(atomFeedUrl(locale)),
      jsonUrl: input.absolute(jsonFeedUrl(locale)),
      homeUrl: input.absolute(homeUrl(locale)),
      updated: entries[0]?.timestamp ?? "1970-01-01T00:00:00Z",
      entries,
    });
  }

  const search: SearchView[] = registry.all.map((locale) => ({
    kind: "search",
    ...inEveryLanguage(model, locale, searchUrl),
    // The index holds the release pages this build writes (lib/search/).
    searchable: releases.length > 0,
    strings: input.strings(locale.code, "search"),
  }));

  // Pages that are served, not found: no canonical, no alternates.
  const plain = (kind: PlainView["kind"], locale: Locale, url: string): PlainView => ({
    kind,
    url,
    canonical: undefined,
    locale: localeView(locale),
    alternates: [],
    switcher: switcherFor(registry, locale, (l) => homeUrl(l)),
  });
  const choices = registry.all.map((l) => ({
    code: l.code,
    label: l.label,
    htmlLang: l.htmlLang,
    dir: l.dir,
    url: homeUrl(l),
    available: true,
  }));
  const chooser: ChooserView = {
    kind: "chooser",
    url: rootUrl(),
    canonical: input.absolute(rootUrl()),
    locale: localeView(registry.source),
    alternates: model.alternates(homeCounterparts, rootUrl()),
    switcher: [],
    choices,
  };
  const rootNotFound: ChooserView = {
    ...chooser,
    kind: "root-not-found",
    url: "/404.html",
    canonical: undefined,
    alternates: [],
  };

  const indexed = [chooser, ...listings, ...releases, ...archives];
  const sitemap: SitemapEntry[] = indexed.map((view) => ({
    url: view.canonical as string,
    alternates: view.alternates,
  }));

  return {
    preview: input.preview,
    searchVersion: input.searchVersion,
    chooser: [chooser],
    listings,
    releases,
    archives,
    search,
    offline: registry.all.map((l) => plain("offline", l, offlineUrl(l))),
    notFound: [rootNotFound, ...registry.all.map((l) => plain("not-found", l, notFoundUrl(l)))],
    feeds,
    sitemap,
  };
}
