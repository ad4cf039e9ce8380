// Loads everything one build needs, in order, from a project root: the site
// record, the locale registry and bundles, the releases, and the page views.
// Shared by the Eleventy config (per build, also in watch mode) and by the
// build script, which loads first so that content problems are reported
// cleanly and timed as their own phase.
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { DateTime } from "luxon";
import { type Companies, readCompanies } from "../content/companies.ts";
import { resolveBuildTime } from "../content/dates.ts";
import { loadReleases, type ParsedRelease, type Release, shownReleases } from "../content/load.ts";
import { markdown } from "../content/markdown.ts";
import { publishAttachments } from "../content/media.ts";
import { type Problem, ProblemList } from "../content/problems.ts";
import type { Site } from "../content/site.ts";
import { RebuildCache } from "../dev/rebuild-cache.ts";
import { type Locale, type LocaleRegistry, loadRegistry } from "../i18n/locales.ts";
import { createTranslator, type FallbackNotice, loadBundles, type Translator } from "../i18n/translator.ts";
import { buildPages, type SitePages } from "../view/pages.ts";
import { absoluteUrl, releaseUrl } from "../view/urls.ts";

export interface Newsroom {
  rootDir: string;
  site: Site;
  registry: LocaleRegistry;
  translator: Translator;
  companies: Companies;
  buildTime: DateTime;
  /** Every valid release, whatever its status. */
  releases: readonly Release[];
  warnings: readonly Problem[];
  pages: SitePages;
}

export interface NewsroomOptions {
  rootDir: string;
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
  bodies: RebuildCache<string>;
}

export function createNewsroomCache(): NewsroomCache {
  return { releases: new RebuildCache(), bodies: new RebuildCache() };
}

export async function loadSite(rootDir: string): Promise<Site> {
  const file = path.join(rootDir, "_data", "site.ts");
  const module = (await import(pathToFileURL(file).href)) as { default: Site };
  return module.default;
}

export async function loadNewsroom(options: NewsroomOptions): Promise<Newsroom> {
  const { rootDir, env = process.env, cache } = options;
  cache?.releases.nextBuild();
  cache?.bodies.nextBuild();
  const site = await loadSite(rootDir);
  const registry = loadRegistry(rootDir);
  // Every loader runs even when one before it failed: a writer sees every
  // problem of every file in one run, not in rounds.
  const found = new ProblemList();
  const bundles = found.attempt(() => loadBundles(rootDir, registry));
  const companyData = found.attempt(() => readCompanies(rootDir, registry)) ?? {
    companies: new Map(),
    keys: new Set<string>(),
    problems: [],
  };
  found.problems.push(...companyData.problems);
  const buildTime = found.attempt(() => resolveBuildTime(env.BUILD_TIME, site.timeZone));
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
  if (!bundles || !buildTime || !loaded || found.problems.length > 0) throw found.error();
  const { companies } = companyData;
  const { releases, warnings } = loaded;
  const translator = createTranslator(registry, bundles, options.onFallback);
  const preview = isPreview(env);
  const shown = shownReleases(releases, preview);
  const renditions = options.outputDir
    ? await publishAttachments(
        shown.flatMap((r) =>
          r.attachments.map((attachment) => ({
            attachment,
            pageUrl: releaseUrl(registry.get(r.locale) as Locale, r.slug),
            release: r.file,
          })),
        ),
        options.outputDir,
      )
    : new Map();
  const pages = buildPages({
    registry,
    releases,
    releasesPerPage: site.releasesPerPage,
    renderBody: cache
      ? (source) => cache.bodies.get(source, () => markdown.render(source))
      : (source) => markdown.render(source),
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
  });
  return { rootDir, site, registry, translator, companies, buildTime, releases, warnings, pages };
}

/** PRESSROOM_PREVIEW=1 builds drafts and scheduled releases (npm run build:preview). */
export function isPreview(env: NodeJS.ProcessEnv): boolean {
  return env.PRESSROOM_PREVIEW === "1";
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

let primed: Newsroom | undefined;

/** Hands an already loaded newsroom to the next Eleventy build in this process. */
export function primeNewsroom(newsroom: Newsroom): void {
  primed = newsroom;
}

/** The primed newsroom once, then a fresh load for every later (watch) build. */
export async function nextNewsroom(options: NewsroomOptions): Promise<Newsroom> {
  const ready = primed;
  primed = undefined;
  return ready ?? loadNewsroom(options);
}
