// The builder of the embargo page kind (lib/view/page-kinds.ts): with the
// embargo secret set, a preview per scheduled release and language, sealed
// by its template (src/embargo.njk), and at the same address, once the
// release is published, a page that sends the reader to it. Drafts get
// neither. Nothing links here: the links come from `npm run embargo:links`.
import type { Release } from "../content/load.ts";
import { formatFileSize } from "../content/media.ts";
import type { Locale } from "../i18n/locales.ts";
import { localeView, type SiteModel } from "./site-model.ts";
import { embargoUrl } from "./urls.ts";
import type { EmbargoPreviewView, EmbargoReleasedView, EmbargoView, PageViewBase } from "./views.ts";

/** Not indexed, no alternates, and no language switcher: it would link to the other previews or call them missing. */
function embargoBase(model: SiteModel, release: Release, id: string): PageViewBase {
  const locale = model.registry.get(release.locale) as Locale;
  return {
    url: embargoUrl(id),
    canonical: undefined,
    locale: localeView(locale),
    alternates: [],
    switcher: [],
  };
}

function previewView(model: SiteModel, release: Release, id: string): EmbargoPreviewView {
  const { input } = model;
  const locale = model.registry.get(release.locale) as Locale;
  const card = model.card(release);
  const sealed = input.embargo?.media.get(`${release.locale}/${release.slug}`);
  return {
    kind: "embargo-preview",
    ...embargoBase(model, release, id),
    identity: { locale: release.locale, slug: release.slug },
    timeIso: card.timeIso,
    timeDisplay: card.timeDisplay,
    release: { ...card, html: model.html(release) },
    companyInfo: model.company(release, locale),
    attachments: release.attachments.flatMap((a) => {
      const file = sealed?.get(a.source);
      // Without an output folder (unit tests, `npm run embargo:links`) nothing is sealed.
      if (!file) return [];
      return [
        {
          name: a.name,
          title: a.title,
          typeLabel: input.attachmentType(locale.code, a.kind),
          size: formatFileSize(a.bytes, locale.luxonLocale),
          sealed: file,
        },
      ];
    }),
  };
}

function releasedView(model: SiteModel, release: Release, id: string): EmbargoReleasedView {
  const card = model.card(release);
  return {
    kind: "embargo-released",
    ...embargoBase(model, release, id),
    title: card.title,
    releaseUrl: card.url,
    refreshUrl: new URL(card.absoluteUrl).pathname,
  };
}

/**
 * Every scheduled release's preview, then a forwarding page for every
 * published release: a build cannot know which were once previewed, and
 * their links must keep working after the release time.
 */
export function embargoPages(model: SiteModel): EmbargoView[] {
  const { embargo, preview, releases } = model.input;
  if (!embargo || preview) return [];
  const id = (r: Release) => embargo.id({ locale: r.locale, slug: r.slug });
  return [
    ...releases.filter((r) => r.status === "scheduled").map((r) => previewView(model, r, id(r))),
    ...model.published.map((r) => releasedView(model, r, id(r))),
  ];
}
