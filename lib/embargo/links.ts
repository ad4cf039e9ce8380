// What `npm run embargo:links` prints: per scheduled release and language,
// its title, release time and private link (site address + path prefix +
// /embargo/<id>/ + #k=<key>), as text for a person or JSON for a mail merge.
import type { Release } from "../content/load.ts";
import type { Site } from "../content/site.ts";
import { absoluteUrl, embargoUrl } from "../view/urls.ts";
import type { EmbargoKeys } from "./seal.ts";

export interface EmbargoLink {
  locale: string;
  slug: string;
  file: string;
  title: string;
  /** With its offset, as the build decides by it. */
  releaseTime: string;
  link: string;
}

/** Every scheduled release (drafts never), in the order the build reads them. */
export function embargoLinks(
  releases: readonly Release[],
  site: Pick<Site, "url" | "pathPrefix">,
  keys: EmbargoKeys,
): EmbargoLink[] {
  return releases
    .filter((r) => r.status === "scheduled")
    .map((r) => {
      const identity = { locale: r.locale, slug: r.slug };
      return {
        locale: r.locale,
        slug: r.slug,
        file: r.file,
        title: r.title,
        releaseTime: r.time.dateTime.toISO({ suppressMilliseconds: true }) ?? r.time.iso,
        link: `${absoluteUrl(site.url, site.pathPrefix, embargoUrl(keys.id(identity)))}#${keys.fragment(identity)}`,
      };
    })
    .sort((a, b) => a.releaseTime.localeCompare(b.releaseTime) || a.file.localeCompare(b.file));
}

export function formatLinks(links: readonly EmbargoLink[], buildTime: string): string {
  if (links.length === 0)
    return `No release is scheduled after ${buildTime}: there is nothing under embargo.`;
  const lines = [
    `${links.length} embargoed preview${links.length === 1 ? "" : "s"} (anyone with a link can read that release until it is public):`,
  ];
  for (const l of links) {
    lines.push(
      "",
      `${l.locale}  ${l.title}`,
      `    embargoed until ${l.releaseTime}  (${l.file})`,
      `    ${l.link}`,
    );
  }
  return lines.join("\n");
}
