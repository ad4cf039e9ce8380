// Builds the view model of every page: templates only print these, so
// ordering, pairing, fallbacks and formatting are all tested TypeScript.

import { chunk, groupByLocale, neighbours, pairTranslations, sortNewestFirst } from "./collections.ts";
import { type Companies, type CompanyView, companyView } from "./companies.ts";
import type { Release } from "./content/load.ts";
import { formatReleaseTime } from "./dates.ts";
import type { Locale, LocaleRegistry } from "./locales.ts";
import type { markdown as Markdown } from "./markdown.ts";
import { homeUrl, offlineUrl, releaseUrl, rootUrl, searchUrl } from "./urls.ts";

export interface LocaleView {
  code: string;
  htmlLang: string;
  dir: "ltr" | "rtl";
  label: string;
  homeUrl: string;
  searchUrl: string;
}

export interface Alternate {
  hreflang: string;
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

export interface TagView {
  key: string;
  label: string;
}

export interface ReleaseCard {
  title: string;
  url: string;
  summary: string | undefined;
  /** The company's name in this locale, or the plain name the release gave. */
  company: string | undefined;
  location: string | undefined;
  tags: TagView[];
  year: number;
  /** UTC instant, so Pagefind's string sort orders releases across offsets. */
  sortKey: string;
  timeIso: string;
  timeDisplay: string;
}

interface PageViewBase {
  url: string;
  locale: LocaleView;
  alternates: Alternate[];
  switcher: SwitchLink[];
}

export interface ReleaseView extends PageViewBase {
  kind: "release";
  release: ReleaseCard & { html: string };
  /** Boilerplate and media contacts, when `company` is a key into _data/companies. */
  companyInfo: CompanyView | undefined;
  newer: ReleaseCard | undefined;
  older: ReleaseCard | undefined;
}

export interface ListingView extends PageViewBase {
  kind: "listing";
  pageNumber: number;
  totalPages: number;
  totalReleases: number;
  releases: ReleaseCard[];
  newerPageUrl: string | undefined;
  olderPageUrl: string | undefined;
}

export interface SearchView extends PageViewBase {
  kind: "search";
  /** Interface strings the search script needs, keyed without the "search." prefix. */
  strings: Record<string, string>;
}

export interface OfflineView extends PageViewBase {
  kind: "offline";
}

export interface ChooserView extends PageViewBase {
  kind: "chooser";
  choices: SwitchLink[];
}

export interface SitePages {
  chooser: ChooserView[];
  listings: ListingView[];
  releases: ReleaseView[];
  search: SearchView[];
  offline: OfflineView[];
}

export interface PagesInput {
  registry: LocaleRegistry;
  releases: readonly Release[];
  releasesPerPage: number;
  markdown: typeof Markdown;
  companies: Companies;
  /** Display label of a tag in a locale (a bundle string, or the tag as written). */
  tagLabel: (localeCode: string, tag: string) => string;
  /** Called when a company has no text in a locale and the source locale's is shown. */
  onCompanyFallback: (notice: { file: string; field: string; locale: string }) => void;
  /** Flat strings under a bundle prefix for one locale, with source fallbacks. */
  strings: (localeCode: string, prefix: string) => Record<string, string>;
}

export function localeView(locale: Locale): LocaleView {
  return {
    code: locale.code,
    htmlLang: locale.htmlLang,
    dir: locale.dir,
    label: locale.label,
    homeUrl: homeUrl(locale),
    searchUrl: searchUrl(locale),
  };
}

function companyFor(release: Release, locale: Locale, input: PagesInput): CompanyView | undefined {
  const company = release.company ? input.companies.get(release.company) : undefined;
  if (!company) return undefined;
  return companyView(company, locale.code, input.registry.source.code, (field) =>
    input.onCompanyFallback({ file: company.file, field, locale: locale.code }),
  );
}

function card(release: Release, locale: Locale, input: PagesInput): ReleaseCard {
  return {
    title: release.title,
    url: releaseUrl(locale, release.slug),
    summary: release.summary,
    company: companyFor(release, locale, input)?.name ?? release.company,
    location: release.location,
    tags: release.tags.map((key) => ({ key, label: input.tagLabel(locale.code, key) })),
    year: release.time.dateTime.year,
    sortKey: release.time.dateTime.toUTC().toISO({ suppressMilliseconds: true }) ?? release.time.iso,
    timeIso: release.time.iso,
    timeDisplay: formatReleaseTime(release.time, locale.luxonLocale),
  };
}

/** hreflang links for the versions that exist, plus x-default. */
function alternatesFor(versions: readonly { locale: Locale; url: string }[], xDefault: string): Alternate[] {
  return [
    ...versions.map((v) => ({ hreflang: v.locale.htmlLang, url: v.url })),
    { hreflang: "x-default", url: xDefault },
  ];
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

export function buildPages(input: PagesInput): SitePages {
  const { registry, releasesPerPage } = input;
  const published = input.releases.filter((r) => r.status === "published");
  const byLocale = groupByLocale(sortNewestFirst(published));
  const pairs = pairTranslations(published);

  const homeAlternates = alternatesFor(
    registry.all.map((l) => ({ locale: l, url: homeUrl(l) })),
    rootUrl(),
  );

  const listings: ListingView[] = [];
  const releases: ReleaseView[] = [];

  for (const locale of registry.all) {
    const sorted = byLocale.get(locale.code) ?? [];
    const view = localeView(locale);
    const cards = new Map(sorted.map((r) => [r, card(r, locale, input)]));
    const pages = chunk(sorted, releasesPerPage);
    pages.forEach((items, index) => {
      const pageNumber = index + 1;
      listings.push({
        kind: "listing",
        url: homeUrl(locale, pageNumber),
        locale: view,
        // Only the first page has a counterpart in every language.
        alternates: pageNumber === 1 ? homeAlternates : [],
        switcher: switcherFor(registry, locale, (l) => homeUrl(l)),
        pageNumber,
        totalPages: pages.length,
        totalReleases: sorted.length,
        releases: items.map((r) => cards.get(r) as ReleaseCard),
        newerPageUrl: pageNumber > 1 ? homeUrl(locale, pageNumber - 1) : undefined,
        olderPageUrl: pageNumber < pages.length ? homeUrl(locale, pageNumber + 1) : undefined,
      });
    });

    const around = neighbours(sorted);
    for (const release of sorted) {
      const versions = pairs.get(release.translationKey) ?? new Map<string, Release>();
      const existing = registry.all
        .filter((l) => versions.has(l.code))
        .map((l) => ({ locale: l, url: releaseUrl(l, (versions.get(l.code) as Release).slug) }));
      const sourceVersion = existing.find((v) => v.locale.code === registry.source.code) ?? existing[0];
      const next = around.get(release);
      releases.push({
        kind: "release",
        url: releaseUrl(locale, release.slug),
        locale: view,
        alternates: alternatesFor(existing, sourceVersion?.url ?? rootUrl()),
        switcher: switcherFor(registry, locale, (l) => {
          const twin = versions.get(l.code);
          return twin ? releaseUrl(l, twin.slug) : undefined;
        }),
        release: { ...(cards.get(release) as ReleaseCard), html: input.markdown.render(release.body) },
        companyInfo: companyFor(release, locale, input),
        newer: next?.newer ? cards.get(next.newer) : undefined,
        older: next?.older ? cards.get(next.older) : undefined,
      });
    }
  }

  const search: SearchView[] = registry.all.map((locale) => ({
    kind: "search",
    url: searchUrl(locale),
    locale: localeView(locale),
    alternates: alternatesFor(
      registry.all.map((l) => ({ locale: l, url: searchUrl(l) })),
      searchUrl(registry.source),
    ),
    switcher: switcherFor(registry, locale, (l) => searchUrl(l)),
    strings: input.strings(locale.code, "search"),
  }));

  // Shown by the service worker for pages not saved for offline reading.
  const offline: OfflineView[] = registry.all.map((locale) => ({
    kind: "offline",
    url: offlineUrl(locale),
    locale: localeView(locale),
    alternates: [],
    switcher: switcherFor(registry, locale, (l) => homeUrl(l)),
  }));

  const chooserLocale = registry.source;
  const chooser: ChooserView = {
    kind: "chooser",
    url: rootUrl(),
    locale: localeView(chooserLocale),
    alternates: homeAlternates,
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

  return { chooser: [chooser], listings, releases, search, offline };
}
