// What the page builders (lib/view/pages.ts) share for one build: the
// releases it shows, grouped, paired and ordered once, and the pieces every
// page is made of (cards, bodies, company views, alternates, switchers),
// each computed once however many pages show it.
import { type Companies, type CompanyView, companyView } from "../content/companies.ts";
import { formatReleaseTime } from "../content/dates.ts";
import { type Release, shownReleases } from "../content/load.ts";
import type { ImageRendition } from "../content/media.ts";
import type { SealedAttachment } from "../embargo/media.ts";
import type { EmbargoIdentity } from "../embargo/seal.ts";
import type { Locale, LocaleRegistry } from "../i18n/locales.ts";
import { type ArchiveGroup, byCompany, byTag, byYear } from "./archives.ts";
import { groupByLocale, pairTranslations, sortNewestFirst } from "./collections.ts";
import type { PageKind } from "./page-kinds.ts";
import { uniqueSegments } from "./segments.ts";
import {
  archiveUrl,
  atomFeedUrl,
  companyUrl,
  homeUrl,
  jsonFeedUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
  tagUrl,
  yearUrl,
} from "./urls.ts";
import type { Alternate, ListKind, LocaleView, PageViewBase, ReleaseCard, SwitchLink } from "./views.ts";

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
  /** With the embargo secret set (and never in a preview): what the embargoed previews need. */
  embargo?: EmbargoPagesInput | undefined;
}

export interface EmbargoPagesInput {
  /** The preview folder's name of a release in one language (lib/embargo/seal.ts). */
  id: (identity: EmbargoIdentity) => string;
  /** Sealed media-kit files, by "<locale>/<slug>", then by source file. */
  media: ReadonlyMap<string, ReadonlyMap<string, SealedAttachment>>;
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

export function switcherFor(
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

/** One paginated list of releases: a language's home, or one year, company or tag. */
export interface ListSpec {
  listKind: ListKind;
  subject: string;
  first: string;
  releases: readonly Release[];
  /** The same list's first page in each language that has it. */
  counterparts: { locale: Locale; url: string }[];
  xDefault: string;
}

/** The archive lists of each language, by locale code, each in the order its archive shows them. */
export interface ArchiveLists {
  years: Map<string, ListSpec[]>;
  companies: Map<string, ListSpec[]>;
  tags: Map<string, ListSpec[]>;
}

export class SiteModel {
  readonly published: Release[];
  readonly byLocale: Map<string, Release[]>;
  readonly pairs: Map<string, Map<string, Release>>;
  readonly companySegments: Map<string, string>;
  readonly tagSegments: Map<string, string>;
  private readonly cards = new Map<Release, ReleaseCard>();
  private readonly bodies = new Map<Release, string>();
  private readonly companyViews = new Map<Release, CompanyView | undefined>();
  private readonly built = new Map<string, readonly unknown[]>();
  private archives: ArchiveLists | undefined;

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

  /** The views of a page kind, built once: a kind may read another's (the sitemap reads them all). */
  views<V>(kind: PageKind<string, V>): readonly V[] {
    let views = this.built.get(kind.key) as readonly V[] | undefined;
    if (!views) {
      views = kind.build(this);
      this.built.set(kind.key, views);
    }
    return views;
  }

  /** A locale's shown releases, newest first. */
  sorted(locale: Locale): Release[] {
    return this.byLocale.get(locale.code) ?? [];
  }

  alternates(versions: readonly { locale: Locale; url: string }[], xDefault: string): Alternate[] {
    if (versions.length === 0) return [];
    return [
      ...versions.map((v) => ({ hreflang: v.locale.htmlLang, url: this.input.absolute(v.url) })),
      { hreflang: "x-default", url: this.input.absolute(xDefault) },
    ];
  }

  /** The shared fields of a page every language has at its own URL (archive overview, search). */
  inEveryLanguage(locale: Locale, urlOf: (locale: Locale) => string): PageViewBase {
    const { registry } = this;
    return {
      url: urlOf(locale),
      canonical: this.input.absolute(urlOf(locale)),
      locale: localeView(locale),
      alternates: this.alternates(
        registry.all.map((l) => ({ locale: l, url: urlOf(l) })),
        urlOf(registry.source),
      ),
      switcher: switcherFor(registry, locale, urlOf),
    };
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

  /** Years, companies and tags per language: the archive overview lists them, and each is a list of its own. */
  archiveLists(): ArchiveLists {
    if (!this.archives) {
      const years = this.archiveListsOf(
        "year",
        byYear,
        (l, v) => yearUrl(l, Number(v)),
        (_l, g) => g.value,
      );
      const companies = this.archiveListsOf(
        "company",
        byCompany,
        (l, v) => companyUrl(l, this.companySegments.get(v) as string),
        (_l, g) => this.card(g.releases[0] as Release).company ?? g.value,
      );
      const tags = this.archiveListsOf(
        "tag",
        byTag,
        (l, v) => tagUrl(l, this.tagSegments.get(v) as string),
        (l, g) => this.input.tagLabel(l.code, g.value),
      );
      // Alphabetical in the reader's language; years stay newest first.
      for (const lists of [companies, tags]) {
        for (const [code, specs] of lists) {
          const lang = this.registry.get(code)?.htmlLang;
          specs.sort((a, b) => a.subject.localeCompare(b.subject, lang));
        }
      }
      this.archives = { years, companies, tags };
    }
    return this.archives;
  }

  /** Archive lists of one kind (years, companies or tags) in every language, paired by value. */
  private archiveListsOf(
    listKind: Exclude<ListKind, "home">,
    groupsOf: (sorted: Release[]) => ArchiveGroup[],
    urlOf: (locale: Locale, value: string) => string,
    subjectOf: (locale: Locale, group: ArchiveGroup) => string,
  ): Map<string, ListSpec[]> {
    const perLocale = this.registry.all.map((locale) => ({ locale, groups: groupsOf(this.sorted(locale)) }));
    const result = new Map<string, ListSpec[]>();
    for (const { locale, groups } of perLocale) {
      const specs = groups.map((group) => {
        const counterparts = perLocale
          .filter((p) => p.groups.some((g) => g.value === group.value))
          .map((p) => ({ locale: p.locale, url: urlOf(p.locale, group.value) }));
        const source =
          counterparts.find((c) => c.locale.code === this.registry.source.code) ?? counterparts[0];
        return {
          listKind,
          subject: subjectOf(locale, group),
          first: urlOf(locale, group.value),
          releases: group.releases,
          counterparts,
          xDefault: source?.url ?? rootUrl(),
        };
      });
      result.set(locale.code, specs);
    }
    return result;
  }
}
