// Loads everything one build needs, in order, from a project root: the site
// record, the locale registry and bundles, the releases, and the page views.
// The build script loads it first, so that content problems are reported
// cleanly and timed as their own phase, and hands it to the Eleventy
// configuration (eleventy.config.ts), which loads its own for each build
// under `npm start`.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DateTime } from "luxon";
import { type Companies, type Company, readCompanies } from "../content/companies.ts";
import { resolveBuildTime } from "../content/dates.ts";
import { loadReleases, type ParsedRelease, type Release, shownReleases } from "../content/load.ts";
import { type CompanyLogos, publishLogos } from "../content/logos.ts";
import { type BodyRendering, renderBody, renderInline } from "../content/markdown.ts";
import { publishAttachments } from "../content/media.ts";
import { loadPages, type StaticPage } from "../content/pages.ts";
import { type Problem, ProblemList } from "../content/problems.ts";
import { describeRemoval } from "../content/sanitize.ts";
import type { Site } from "../content/site.ts";
import { RebuildCache } from "../dev/rebuild-cache.ts";
import { sealMediaKits } from "../embargo/media.ts";
import { EmbargoKeys } from "../embargo/seal.ts";
import { readEmbargoSecret } from "../embargo/secret.ts";
import { assertBundlesBuildable } from "../i18n/check.ts";
import { type Locale, type LocaleRegistry, loadRegistry } from "../i18n/locales.ts";
import { createTranslator, type FallbackNotice, loadBundles, type Translator } from "../i18n/translator.ts";
import { buildPages, reservedSlugs, type SitePages } from "../view/page-kinds.ts";
import { absoluteUrl, pressKitUrl, releaseUrl } from "../view/urls.ts";
import { compiledModule } from "./compiled-modules.ts";
import { type ShareCardJob, ShareCardPlanner } from "./share-cards.ts";

export interface Newsroom {
  rootDir: string;
  site: Site;
  registry: LocaleRegistry;
  translator: Translator;
  companies: Companies;
  buildTime: DateTime;
  /** Every valid release, whatever its status. */
  releases: readonly Release[];
  /** Static pages from src/pages/. */
  staticPages: readonly StaticPage[];
  warnings: readonly Problem[];
  pages: SitePages;
  /** Published company logos, by company key (empty when nothing was published). */
  logos: CompanyLogos;
  /** The generated share cards the pages refer to; written by writeShareCards (lib/build/share-cards.ts). */
  shareCards: readonly ShareCardJob[];
  /** With PRESSROOM_EMBARGO_KEY set, outside a preview: what seals the embargoed previews. */
  embargo: EmbargoKeys | undefined;
}

export interface NewsroomOptions {
  rootDir: string;
  /** Shows drafts and scheduled releases too, marked as such (npm run build:preview). */
  preview: boolean;
  /** Where BUILD_TIME and PRESSROOM_EMBARGO_KEY are read. */
  env?: NodeJS.ProcessEnv;
  onFallback?: (notice: FallbackNotice) => void;
  onCompanyFallback?: (notice: { file: string; field: string; locale: string }) => void;
  /** Where attachments are published; without it, pages list them but nothing is written. */
  outputDir?: string;
  /** Under watch: work kept from the previous build (see createNewsroomCache). */
  cache?: NewsroomCache;
}

/** Parsed release files and rendered bodies, reused by the next build when their text is unchanged. */
export interface NewsroomCache {
  releases: RebuildCache<ParsedRelease>;
  /**
   * Rendered bodies by their Markdown, one cache for each value of the
   * site's `allowRawHtml`: keyed by the source string itself, a key holds
   * no copy of it (a key built from the setting and the source would, about
   * 50 MB at 10,000 releases).
   */
  bodies: { rawHtml: RebuildCache<BodyRendering>; escaped: RebuildCache<BodyRendering> };
}

const bodyCaches = (): NewsroomCache["bodies"] => ({
  rawHtml: new RebuildCache(),
  escaped: new RebuildCache(),
});

export function createNewsroomCache(): NewsroomCache {
  return { releases: new RebuildCache(), bodies: bodyCaches() };
}

/**
 * The site record as _data/site.ts says now. Node keeps an imported module
 * for the life of the process, and under `npm start` that process lives
 * across edits. Eleventy's watcher busts its import cache for the files it
 * saw change (through a module resolver hook of its own), but this loader
 * does not rely on that: a query naming the file's content makes each
 * version a module of its own, and an unchanged file the same one.
 * (What site.ts imports in turn is not reloaded.)
 */
export async function loadSite(rootDir: string): Promise<Site> {
  const file = path.join(rootDir, "_data", "site.ts");
  // Under `npm run build`, compiled with the build when it started.
  const compiled = compiledModule(file);
  if (compiled) return ((await import(pathToFileURL(compiled).href)) as { default: Site }).default;
  const version = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 12);
  const module = (await import(`${pathToFileURL(file).href}?v=${version}`)) as { default: Site };
  return module.default;
}

export async function loadNewsroom(options: NewsroomOptions): Promise<Newsroom> {
  const { rootDir, preview, env = process.env, cache } = options;
  cache?.releases.nextBuild();
  cache?.bodies.rawHtml.nextBuild();
  cache?.bodies.escaped.nextBuild();
  const site = await loadSite(rootDir);
  const registry = loadRegistry(rootDir);
  // Every loader runs even when one before it failed: a writer sees every
  // problem of every file in one run, not in rounds.
  const found = new ProblemList();
  const bundles = found.attempt(() => {
    const loaded = loadBundles(rootDir, registry);
    found.warnings.push(...assertBundlesBuildable(rootDir));
    return loaded;
  });
  const companyData = found.attempt(() => readCompanies(rootDir, registry)) ?? {
    companies: new Map<string, Company>(),
    keys: new Set<string>(),
    problems: [],
  };
  found.problems.push(...companyData.problems);
  const buildTime = found.attempt(() => resolveBuildTime(env.BUILD_TIME, site.timeZone));
  // A preview shows scheduled releases in clear already and seals nothing.
  const secret = preview ? undefined : found.attempt(() => readEmbargoSecret(env));
  const embargo = secret ? new EmbargoKeys(secret) : undefined;
  const loaded = found.attempt(() =>
    loadReleases({
      rootDir,
      registry,
      timeZone: site.timeZone,
      // Only to finish checking the releases when BUILD_TIME is refused.
      buildTime: buildTime ?? resolveBuildTime(undefined, site.timeZone),
      companyKeys: companyData.keys,
      cache: cache?.releases,
    }),
  );
  const staticPages = found.attempt(() => loadPages({ rootDir, registry, reservedSlugs: reservedSlugs() }));
  if (!bundles || !buildTime || !loaded || !staticPages || found.problems.length > 0) {
    if (loaded) found.warnings.push(...loaded.warnings);
    throw found.error();
  }
  const { companies } = companyData;
  const { releases, warnings } = loaded;
  const translator = createTranslator(registry, bundles, options.onFallback);
  const shown = shownReleases(releases, preview);
  const scheduled = embargo ? releases.filter((r) => r.status === "scheduled") : [];
  // Each body is rendered once per build (and kept under watch); what the
  // sanitizer removed from a shown release is a warning naming its file.
  const bodies = (cache?.bodies ?? bodyCaches())[site.allowRawHtml ? "rawHtml" : "escaped"];
  const body = (source: string) =>
    bodies.get(source, () => renderBody(source, { allowRawHtml: site.allowRawHtml }));
  const note = (source: string) => renderInline(source, { allowRawHtml: site.allowRawHtml });
  const bodyWarnings: Problem[] = [...shown, ...scheduled, ...staticPages].flatMap((r) => [
    ...body(r.body).removed.map((removal) => ({
      file: r.file,
      field: "body",
      message: describeRemoval(removal),
    })),
    ...("correction" in r && r.correction !== undefined ? note(r.correction).removed : []).map((removal) => ({
      file: r.file,
      field: "correction",
      message: describeRemoval(removal),
    })),
  ]);
  const renditions = options.outputDir
    ? await publishAttachments(
        [
          ...shown.flatMap((r) =>
            r.attachments.map((attachment) => ({
              attachment,
              pageUrl: releaseUrl(registry.get(r.locale) as Locale, r.slug),
              release: r.file,
            })),
          ),
          ...[...companies.values()].flatMap((c) =>
            c.pressKit.map(({ attachment }) => ({
              attachment,
              pageUrl: pressKitUrl(c.key),
              release: c.file,
              field: "pressKit",
            })),
          ),
        ],
        options.outputDir,
      )
    : new Map();
  const logos = options.outputDir ? await publishLogos(companies, options.outputDir) : new Map();
  const planner = new ShareCardPlanner();
  const sealedMedia =
    embargo && options.outputDir
      ? await sealMediaKits(
          scheduled.map((r) => ({
            identity: { locale: r.locale, slug: r.slug },
            release: r.file,
            attachments: r.attachments,
          })),
          embargo,
          options.outputDir,
        )
      : new Map();
  const pages = buildPages({
    registry,
    releases,
    releasesPerPage: site.releasesPerPage,
    renderBody: (source) => body(source).html,
    firstParagraph: (source) => body(source).firstParagraph,
    renderNote: (source) => note(source).html,
    t: (code, key, values) => translator.t(code, key, values),
    companies,
    tagLabel: (code, tag) => translator.optional(code, `tags.${tag}`) ?? tag,
    onCompanyFallback: options.onCompanyFallback ?? (() => {}),
    strings: (code, prefix) => translator.strings(code, prefix),
    absolute: (url) => absoluteUrl(site.url, site.pathPrefix, url),
    siteName: (code) => translator.t(code, "site.name"),
    preview,
    searchVersion: contentVersion(shown),
    renditions,
    attachmentType: (code, kind) => translator.t(code, `media.type.${kind}`),
    pages: staticPages,
    pattern: (code, key, values) => translator.parts(code, key, values),
    logos,
    shareCard: (text, file) => planner.card(text, file),
    embargo: embargo && { id: (identity) => embargo.id(identity), media: sealedMedia },
  });
  return {
    rootDir,
    site,
    registry,
    translator,
    companies,
    buildTime,
    releases,
    staticPages,
    warnings: [...found.warnings, ...warnings, ...bodyWarnings],
    pages,
    logos,
    shareCards: [...planner.jobs.values()],
    embargo,
  };
}

/** A short hash of the releases a build shows, as the search index sees them. */
export function contentVersion(shown: readonly Release[]): string {
  const hash = createHash("sha256");
  for (const r of shown) {
    hash.update(
      JSON.stringify([r.file, r.title, r.time.iso, r.company, r.location, r.summary, r.tags, r.body]),
    );
  }
  return hash.digest("hex").slice(0, 12);
}
