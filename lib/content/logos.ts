// Company logos as the site publishes them: a PNG drawn from the file the
// company record names (an SVG is rasterized, so no markup of it reaches the
// site), for JSON-LD `publisher.logo`, the share image of last resort and
// company pages. `companyLogo` is how other code finds one.
import path from "node:path";
import type { Companies } from "./companies.ts";
import { ProblemsError } from "./problems.ts";

export interface LogoRendition {
  /** Root-relative URL of the PNG. */
  url: string;
  width: number;
  height: number;
}

/** By company key. */
export type CompanyLogos = ReadonlyMap<string, LogoRendition>;

// Wide enough for a share image and for Google's publisher logo (at least
// 112 px); SVGs are drawn at this width, rasters never enlarged.
const LOGO_WIDTH = 600;

/** The published logo of a company, or undefined when it has none (or the key is not a company). */
export function companyLogo(logos: CompanyLogos, companyKey: string | undefined): LogoRendition | undefined {
  return companyKey === undefined ? undefined : logos.get(companyKey);
}

/** Draws every company's logo as PNG into `outputDir`/media/logos/. */
export async function publishLogos(
  companies: Companies,
  outputDir: string,
): Promise<Map<string, LogoRendition>> {
  const logos = new Map<string, LogoRendition>();
  const withLogo = [...companies.values()].filter((c) => c.logo);
  if (withLogo.length === 0) return logos;
  // Loaded on first use, as in media.ts: sites without logos skip sharp's start-up.
  const { default: Image } = await import("@11ty/eleventy-img");
  for (const company of withLogo) {
    const logo = company.logo as { source: string; file: string };
    try {
      const metadata = await Image(logo.source, {
        widths: [LOGO_WIDTH],
        formats: ["png"],
        outputDir: path.join(outputDir, "media", "logos"),
        urlPath: "/media/logos/",
        svgShortCircuit: false,
      });
      const png = metadata.png?.[0];
      if (!png) throw new Error("no PNG was made");
      logos.set(company.key, { url: png.url, width: png.width, height: png.height });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProblemsError("A company logo could not be read; nothing was published.", [
        { file: company.file, field: "logo", message: `"${logo.file}" is not a readable image (${reason})` },
      ]);
    }
  }
  return logos;
}
