// The few lines a build ends with: what was published, what was held back,
// how big the output is and where the time went.
import type { BuildReport } from "./pipeline.ts";

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatSummary(report: BuildReport): string {
  const pages = [...report.pagesByLocale.entries()].map(([code, n]) => `${code} ${n}`).join(", ");
  const lines = [
    `Built ${report.outputDir}/ in ${formatMs(report.wallMs)}`,
    `  pages:      ${pages}`,
    report.preview
      ? `  releases:   PREVIEW with ${report.published} published, ${report.scheduled} scheduled, ${report.drafts} draft (not for publication)`
      : `  releases:   ${report.published} published; held back: ${report.scheduled} scheduled, ${report.drafts} draft`,
    // With its offset and zone, so a schedule run on a machine in another zone can be checked.
    `  build time: ${report.buildTime.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")} (${report.buildTime.zoneName})`,
    report.search.pages > 0
      ? `  search:     ${report.search.pages} pages indexed in ${report.search.languages.join(", ")}, in ${report.search.parts} ${report.search.parts === 1 ? "part" : "parts"}; ${report.search.files} files, ${formatBytes(report.search.bytes)}`
      : "  search:     nothing to index yet (no published release)",
    `  images:     ${report.shareImages.generated} share images generated, ${report.shareImages.reused} reused from the cache, in ${formatMs(report.shareImages.ms)}`,
    `  offline:    ${report.offline.files} files precached, ${formatBytes(report.offline.bytes)}`,
    // How many, never which: the summary may end up in a public CI log.
    ...(report.embargoPreviews === undefined
      ? []
      : [
          `  embargo:    ${report.embargoPreviews} embargoed preview${report.embargoPreviews === 1 ? "" : "s"} written (links: npm run embargo:links)`,
        ]),
    `  output:     ${report.files} files, ${formatBytes(report.bytes)}`,
    `  phases:     ${report.phases.map((p) => `${p.name} ${formatMs(p.ms)}`).join(", ")} (search runs alongside eleventy, then alongside checks, images and offline)`,
  ];
  if (report.rootRobotsLine) {
    lines.push(`  robots.txt: crawlers only read /robots.txt; add to the root one: ${report.rootRobotsLine}`);
  }
  if (report.warnings + report.fallbacks > 0) {
    lines.push(
      `  attention:  ${report.warnings} content warning(s), ${report.fallbacks} missing translation(s); see the warnings above`,
    );
  }
  return lines.join("\n");
}
