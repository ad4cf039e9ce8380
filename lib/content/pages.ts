// Static pages beside the releases ("About us", a legal notice): one Markdown
// file each in src/pages/<locale>/<slug>.md, published at /<locale>/<slug>/.
// They are read here, like releases (lib/content/load.ts), so that every
// problem in every file is reported in one run, with the file and the field,
// before anything is rendered; Eleventy never reads them as templates.
import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { LocaleRegistry } from "../i18n/locales.ts";
import { didYouMean } from "./did-you-mean.ts";
import { readFrontMatter } from "./front-matter.ts";
import { findCollisions, localeFolderProblem } from "./load.ts";
import { type Problem, ProblemsError, problemsFromZod } from "./problems.ts";
import { contentFolder, readTextFile, resolveInside, toPosix } from "./read-text.ts";
import { RELEASE_FILE, SLUG_PATTERN } from "./schema.ts";

export const PAGES_DIR = path.join("src", "pages");

const optionalText = (what: string) =>
  z
    .string({ error: `expected text (${what})` })
    .trim()
    .min(1, `must not be empty (${what})`)
    .optional();

export const pageFrontMatterSchema = z.object({
  title: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "required: the page's heading" : "expected text (the page's heading)",
    })
    .trim()
    .min(1, "must not be empty"),
  description: optionalText("one sentence for search engines and link previews"),
  /** A link in the header of the page's language; the number orders the links. */
  nav: z
    .number({ error: "expected a whole number: the link's place in the header (1 first)" })
    .int("expected a whole number: the link's place in the header (1 first)")
    .min(1, "expected 1 or more: the link's place in the header (1 first)")
    .optional(),
  translationKey: z
    .string({ error: "expected text" })
    .regex(SLUG_PATTERN, "expected lowercase letters, digits and hyphens")
    .optional(),
  sourceHash: z
    .string({ error: "expected the 12-digit hash written by npm run status:translations -- --mark" })
    .regex(/^[0-9a-f]{12}$/, "expected the 12-digit hash written by npm run status:translations -- --mark")
    .optional(),
  extra: z
    .record(z.string(), z.unknown(), { error: "expected keys of your own, e.g. extra: { owner: legal }" })
    .nullish(),
});

export type PageFrontMatter = z.infer<typeof pageFrontMatterSchema>;

export const PAGE_FIELDS: readonly string[] = Object.keys(pageFrontMatterSchema.shape);

/** Keys writers bring from other tools or from releases, and the key that does that job here. */
const PAGE_FIELD_ALIASES: Readonly<Record<string, string>> = {
  summary: "description",
  excerpt: "description",
  menu: "nav",
  order: "nav",
  navOrder: "nav",
  weight: "nav",
  heading: "title",
};

export interface StaticPage {
  /** Project-relative path, named in every message about this page. */
  file: string;
  locale: string;
  slug: string;
  /** Pages sharing a key are one page in several languages. */
  translationKey: string;
  title: string;
  description: string | undefined;
  nav: number | undefined;
  sourceHash: string | undefined;
  /** Markdown source of the body. */
  body: string;
}

export interface LoadPagesOptions {
  rootDir: string;
  registry: LocaleRegistry;
  /** First URL segments under /<locale>/ that the site's own pages use (archive, search…). */
  reservedSlugs: readonly string[];
}

function unknownKey(file: string, key: string): Problem {
  const meant = didYouMean(key, PAGE_FIELDS, PAGE_FIELD_ALIASES);
  return {
    file,
    field: key,
    message: `unknown key; ${meant ? `did you mean ${meant}? ` : ""}known keys are ${PAGE_FIELDS.join(", ")}; keep data of your own under extra:`,
  };
}

function readPage(
  full: string,
  file: string,
  locale: string,
  options: LoadPagesOptions,
  folder: ReturnType<typeof contentFolder>,
  problems: Problem[],
): StaticPage | undefined {
  const before = problems.length;
  const slug = path.basename(full).replace(RELEASE_FILE, "");
  if (!SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      field: "file name",
      message: `"${slug}" is not a valid slug: expected lowercase letters, digits and single hyphens (e.g. about.md)`,
    });
  } else if (options.reservedSlugs.includes(slug)) {
    problems.push({
      file,
      field: "file name",
      message: `"${slug}" is a URL the site uses itself (/${locale}/${slug}/); reserved: ${options.reservedSlugs.join(", ")}; rename the file`,
    });
  }
  let text: string;
  try {
    text = readTextFile(full, file, folder);
  } catch (error) {
    if (error instanceof ProblemsError) {
      problems.push(...error.problems);
      return undefined;
    }
    throw error;
  }
  const split = readFrontMatter(text, file);
  if ("problem" in split) {
    problems.push(split.problem);
    return undefined;
  }
  const data = split.data;
  for (const key of Object.keys(data)) {
    if (!PAGE_FIELDS.includes(key)) problems.push(unknownKey(file, key));
  }
  const parsed = pageFrontMatterSchema.safeParse(data);
  if (!parsed.success) problems.push(...problemsFromZod(file, parsed.error.issues));
  if (!parsed.success || problems.length > before) return undefined;
  const fields = parsed.data;
  return {
    file,
    locale,
    slug,
    translationKey: fields.translationKey ?? slug,
    title: fields.title,
    description: fields.description,
    nav: fields.nav,
    sourceHash: fields.sourceHash,
    body: split.body,
  };
}

/** Files and folders of a locale folder, links inside src/pages/ followed. */
function entriesOf(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Every page under src/pages/<locale>/; throws a ProblemsError listing every
 * problem in every page. No src/pages/ folder means no pages.
 */
export function loadPages(options: LoadPagesOptions): StaticPage[] {
  const { rootDir, registry } = options;
  const folder = contentFolder(rootDir, PAGES_DIR);
  const problems: Problem[] = [];
  const pages: StaticPage[] = [];
  let locales: Dirent[];
  try {
    locales = entriesOf(folder.dir);
  } catch {
    return [];
  }
  for (const entry of locales) {
    const full = path.join(folder.dir, entry.name);
    const relative = toPosix(path.relative(rootDir, full));
    const resolved = resolveInside(full, folder);
    if ("problem" in resolved) {
      problems.push({ file: relative, field: "link", message: resolved.problem });
      continue;
    }
    const kind = statIsDir(resolved.real) ? "dir" : "file";
    const misplaced = localeFolderProblem(entry.name, kind, relative, folder.name, registry, "page");
    if (misplaced) problems.push(misplaced);
    if (kind !== "dir" || misplaced) continue;
    for (const file of entriesOf(full)) {
      const pageFull = path.join(full, file.name);
      const pageFile = toPosix(path.relative(rootDir, pageFull));
      if (!RELEASE_FILE.test(file.name)) continue;
      const real = resolveInside(pageFull, folder);
      if ("problem" in real) {
        problems.push({ file: pageFile, field: "link", message: real.problem });
        continue;
      }
      if (statIsDir(real.real)) {
        problems.push({
          file: pageFile,
          message: "is a folder; a page is one file, src/pages/<locale>/<slug>.md",
        });
        continue;
      }
      const page = readPage(pageFull, pageFile, entry.name, options, folder, problems);
      if (page) pages.push(page);
    }
  }
  problems.push(...findCollisions(pages, "page"));
  if (problems.length > 0) {
    throw new ProblemsError(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in pages; nothing was built.`,
      problems,
    );
  }
  return pages;
}

function statIsDir(real: string): boolean {
  return statSync(real).isDirectory();
}
