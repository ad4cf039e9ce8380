// What the page builders (lib/view/pages.ts) share for one build: the
// releases it shows, grouped, paired and ordered once, and the pieces every
// page is made of (cards, bodies, company views, alternates, switchers),
// each computed once however many pages show it.
import { type Companies, type CompanyView, type Contact, companyView } from "../content/companies.ts";
import { formatReleaseTime, type ReleaseTime, type TimePatterns } from "../content/dates.ts";
import { type Release, shownReleases } from "../content/load.ts";
import { type CompanyLogos, companyLogo, type LogoRendition } from "../content/logos.ts";
import { formatFileSize, type ImageRendition } from "../content/media.ts";
import type { StaticPage } from "../content/pages.ts";
import type { SealedAttachment } from "../embargo/media.ts";
import type { EmbargoIdentity } from "../embargo/seal.ts";
import type { Locale, LocaleRegistry } from "../i18n/locales.ts";
import type { PatternPart } from "../i18n/translator.ts";
import { type ArchiveGroup, byCompany, byTag, byYear } from "./archives.ts";
import { groupByLocale, pairTranslations, sortNewestFirst } from "./collections.ts";
import { cutText } from "./excerpt.ts";
import type { PageKind } from "./page-kinds.ts";
import { uniqueSegments } from "./segments.ts";
import type { ShareCardRef, ShareCardText } from "./share-card.ts";
import { chooseShareImage, type ShareImage } from "./share-image.ts";
import {
  archiveUrl,
  atomFeedUrl,
  companyUrl,
  contactsUrl,
  homeUrl,
  jsonFeedUrl,
  pressKitUrl,
  releaseUrl,
  rootUrl,
  searchUrl,
  staticPageUrl,
  tagUrl,
  yearUrl,
} from "./urls.ts";
import type {
  Alternate,
  AttachmentView,
  CompanyBlock,
  CompanyInfoView,
  CompanyPage,
  ContactView,
  LinkView,
  ListKind,
  LocaleView,
  PageViewBase,
  ReleaseCard,
  SwitchLink,
} from "./views.ts";

export interface PagesInput {
  registry: LocaleRegistry;
  releases: readonly Release[];
  releasesPerPage: number;
  /** Markdown body to HTML. */
  renderBody: (source: string) => string;
  /** A Markdown body's first paragraph as plain text (renderBody's, from the same rendering). */
  firstParagraph: (source: string) => string;
  /** A one-paragraph note (a correction) to inline HTML, sanitized like a body. */
  renderNote: (source: string) => string;
  /** A bundle string of a locale, with its placeholders filled. */
  t: (localeCode: string, key: string, values?: Record<string, string | number>) => string;
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
  /** Static pages from src/pages/ (lib/content/pages.ts). */
  pages: readonly StaticPage[];
  /** A bundle pattern cut at its placeholders (Translator.parts), for text around markup. */
  pattern: (localeCode: string, key: string, values: Record<string, string>) => PatternPart[];
  /** Published company logos, by company key. */
  logos: CompanyLogos;
  /** A generated share card for this text, or undefined when it cannot be drawn (lib/build/share-cards.ts). */
  shareCard: (text: ShareCardText, release: string) => ShareCardRef | undefined;
  /** With the embargo secret set (and never in a preview): what the embargoed previews need. */
  embargo?: EmbargoPagesInput | undefined;
}

export interface EmbargoPagesInput {
  /** The preview folder's name of a release in one language (lib/embargo/seal.ts). */
  id: (identity: EmbargoIdentity) => string;
  /** Sealed media-kit files, by "<locale>/<slug>", then by source file. */
  media: ReadonlyMap<string, ReadonlyMap<string, SealedAttachment>>;
}

export function localeView(locale: Locale, nav: LinkView[] = []): LocaleView {
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
    contactsUrl: contactsUrl(locale),
    nav,
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
  /** The year, company or tag as the releases give it (a company key, for companies with a record). */
  value: string;
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
  /** Static pages by translation key, then locale code. */
  readonly pagePairs: Map<string, Map<string, StaticPage>>;
  private readonly localeViews = new Map<string, LocaleView>();
  private readonly companyBlocks = new Map<string, CompanyBlock | undefined>();
  private readonly cards = new Map<Release, ReleaseCard>();
  private readonly bodies = new Map<Release, string>();
  private readonly descriptions = new Map<Release, string>();
  private readonly ellipses = new Map<string, (start: string) => string>();
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
    this.pagePairs = new Map();
    for (const page of input.pages) {
      const versions = this.pagePairs.get(page.translationKey) ?? new Map<string, StaticPage>();
      versions.set(page.locale, page);
      this.pagePairs.set(page.translationKey, versions);
    }
  }

  /** What every page in a language shares: its URLs and its header links (static pages marked `nav`). */
  localeView(locale: Locale): LocaleView {
    let view = this.localeViews.get(locale.code);
    if (!view) {
      const nav = this.input.pages
        .filter((p) => p.locale === locale.code && p.nav !== undefined)
        .sort((a, b) => (a.nav as number) - (b.nav as number) || a.slug.localeCompare(b.slug))
        .map((p) => ({ label: p.title, url: staticPageUrl(locale, p.slug) }));
      view = localeView(locale, nav);
      this.localeViews.set(locale.code, view);
    }
    return view;
  }

  /** A company in one language, for its page and the contacts page; fallbacks are reported and marked. */
  companyBlock(key: string, locale: Locale): CompanyBlock | undefined {
    const id = `${locale.code}\u0000${key}`;
    if (!this.companyBlocks.has(id)) this.companyBlocks.set(id, this.makeCompanyBlock(key, locale));
    return this.companyBlocks.get(id);
  }

  private makeCompanyBlock(key: string, locale: Locale): CompanyBlock | undefined {
    const company = this.input.companies.get(key);
    if (!company) return undefined;
    const { source } = this.registry;
    const view = companyView(company, locale.code, source.code, (field) =>
      this.input.onCompanyFallback({ file: company.file, field, locale: locale.code }),
    );
    const marked = (shownIn: string | undefined) =>
      shownIn !== undefined && shownIn !== locale.code ? source.htmlLang : undefined;
    const aboutLang = marked(view.aboutLocale);
    const contactsLang = view.contacts.length > 0 ? marked(view.contactsLocale) : undefined;
    const segment = this.companySegments.get(key);
    const hasPage = this.archiveLists()
      .companies.get(locale.code)
      ?.some((spec) => spec.value === key);
    return {
      key,
      name: view.name,
      url: segment && hasPage ? companyUrl(locale, segment) : undefined,
      about: view.about,
      aboutLang,
      contacts: this.contactViews(view.contacts, locale),
      contactsLang,
      fallbackLabel: aboutLang || contactsLang ? source.label : undefined,
      logo: companyLogo(this.input.logos, key),
      website: company.url,
    };
  }

  /** About, contacts and press kit of a company with a record, for its page in one language. */
  companyPage(key: string, locale: Locale): CompanyPage | undefined {
    const company = this.input.companies.get(key);
    const block = this.companyBlock(key, locale);
    if (!company || !block) return undefined;
    const { source } = this.registry;
    const pick = (record: Record<string, string>) => record[locale.code] ?? record[source.code];
    const pressKit: AttachmentView[] = company.pressKit.map(({ attachment: a, title, caption }) => ({
      name: a.name,
      url: `${pressKitUrl(key)}${a.name}`,
      title: pick(title),
      caption: pick(caption),
      typeLabel: this.input.attachmentType(locale.code, a.kind),
      size: formatFileSize(a.bytes, locale.luxonLocale),
      image: this.input.renditions.get(a.source),
    }));
    return { company: block, pressKit };
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
  inEveryLanguage(locale: Locale, urlOf: (locale: Locale) => string, description: string): PageViewBase {
    const { registry } = this;
    return {
      url: urlOf(locale),
      canonical: this.input.absolute(urlOf(locale)),
      locale: this.localeView(locale),
      alternates: this.alternates(
        registry.all.map((l) => ({ locale: l, url: urlOf(l) })),
        urlOf(registry.source),
      ),
      switcher: switcherFor(registry, locale, urlOf),
      description,
    };
  }

  /** The company's texts for a release page. */
  companyInfo(release: Release, locale: Locale): CompanyInfoView | undefined {
    const company = this.company(release, locale);
    if (!company) return undefined;
    return {
      name: company.name,
      about: company.about,
      contacts: this.contactViews(company.contacts, locale),
    };
  }

  /** Contact lines cut at the bundle patterns' placeholders, so the punctuation around them is the translator's. */
  contactViews(contacts: readonly Contact[], locale: Locale): ContactView[] {
    const { pattern, t } = this.input;
    const field = (label: string, value: string) =>
      pattern(locale.code, "release.contactField", { label, value });
    return contacts.map((contact) => ({
      name: contact.role
        ? pattern(locale.code, "release.contactName", { name: contact.name, role: contact.role })
        : [{ text: contact.name, slot: "name" }],
      email: contact.email
        ? { parts: field(t(locale.code, "release.email"), contact.email), address: contact.email }
        : undefined,
      // No-break spaces keep a phone number on one line (and html-validate's tel-non-breaking rule happy).
      phone: contact.phone
        ? {
            parts: field(t(locale.code, "release.phone"), contact.phone.replace(/ /g, "\u00a0")),
            tel: contact.phone.replace(/\s+/g, ""),
          }
        : undefined,
    }));
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

  /** The company's published logo, when the release names a company that has one. */
  logo(release: Release): LogoRendition | undefined {
    return companyLogo(this.input.logos, release.company);
  }

  /** What a link to the release shows: its first media-kit image, a generated card, or its company's logo. */
  shareImage(release: Release, locale: Locale): ShareImage | undefined {
    const card = this.card(release);
    const firstImage = release.attachments
      .map((a) => ({ attachment: a, share: this.input.renditions.get(a.source)?.share }))
      .find((a) => a.attachment.kind === "image" && a.share);
    const logo = this.logo(release);
    return chooseShareImage(
      {
        mediaKit: firstImage?.share && {
          ...firstImage.share,
          alt: firstImage.attachment.title ?? release.title,
        },
        generated: () => {
          const ref = this.input.shareCard(
            {
              title: release.title,
              company: card.company,
              date: formatReleaseTime(
                { ...release.time, hasTime: false },
                locale.luxonLocale,
                this.timePatterns(locale),
              ),
              siteName: this.input.siteName(locale.code),
              lang: locale.htmlLang,
              dir: locale.dir,
            },
            release.file,
          );
          return ref && { ...ref, alt: release.title };
        },
        logo: logo && {
          ...logo,
          alt: this.input.t(locale.code, "share.logoAlt", { company: card.company ?? "" }),
        },
      },
      this.input.absolute,
    );
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

  /** How a locale's bundle puts a date, time and zone together. */
  timePatterns(locale: Locale): TimePatterns {
    const { t } = this.input;
    return {
      dateTime: (parts) => t(locale.code, "time.dateTime", parts),
      zone: (offset) => t(locale.code, "time.zone", { offset }),
    };
  }

  formatTime(time: ReleaseTime, locale: Locale): string {
    return formatReleaseTime(time, locale.luxonLocale, this.timePatterns(locale));
  }

  /** What describes a release: its summary, or the start of its first paragraph. */
  description(release: Release): string {
    let description = this.descriptions.get(release);
    if (description === undefined) {
      const locale = this.registry.get(release.locale) as Locale;
      description = this.describe(release, locale);
      this.descriptions.set(release, description);
    }
    return description;
  }

  /** A written summary, else the start of the first paragraph, else the title: a release's or a static page's. */
  describe(text: { summary: string | undefined; body: string; title: string }, locale: Locale): string {
    return (
      text.summary ??
      (cutText(this.input.firstParagraph(text.body), locale.htmlLang, this.ellipsis(locale)) || text.title)
    );
  }

  /**
   * The bundle's `description.cut` around a cut text. Asked of the
   * translator once per language, with a marker where the text goes:
   * asking for each of 2,000 descriptions took a fifth of building the
   * release views (values are not escaped, so the marker comes back as given).
   */
  private ellipsis(locale: Locale): (start: string) => string {
    let around = this.ellipses.get(locale.code);
    if (!around) {
      const pieces = this.input.t(locale.code, "description.cut", { start: "\u0000" }).split("\u0000");
      around = (start) => pieces.join(start);
      this.ellipses.set(locale.code, around);
    }
    return around;
  }

  /** The newest modification among releases (released or corrected), for a list's sitemap line. */
  lastModified(releases: readonly Release[]): string | undefined {
    let newest: { millis: number; stamp: string } | undefined;
    for (const release of releases) {
      const time = release.updated ?? release.time;
      const millis = time.dateTime.toMillis();
      if (!newest || millis > newest.millis) newest = { millis, stamp: this.card(release).modified };
    }
    return newest?.stamp;
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
      companyKey: companySegment,
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
      timestamp: timestampOf(release.time),
      timeDisplay: this.formatTime(release.time, locale),
      updated: release.updated
        ? {
            iso: release.updated.iso,
            timestamp: timestampOf(release.updated),
            display: this.formatTime(release.updated, locale),
          }
        : undefined,
      modified: timestampOf(release.updated ?? release.time),
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
          value: group.value,
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

/** Always a full date-time with offset, whether the writer gave a date or a date-time. */
function timestampOf(time: ReleaseTime): string {
  return time.dateTime.toISO({ suppressMilliseconds: true }) ?? time.iso;
}
