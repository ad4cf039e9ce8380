// Builds a throwaway copy of this project with its own content in a temp
// dir, then runs the real build command on it. Tests never read the sample
// content in src/releases.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type CommandResult, runCommand } from "../../lib/build/run-command.ts";
import { buildArguments, copyProject } from "../../scripts/bench/workspace.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface FixtureSite {
  dir: string;
  /** Writes a file relative to the fixture root. */
  write(relative: string, content: string | Uint8Array): void;
  read(relative: string): string;
  exists(relative: string): boolean;
  build(options?: BuildRun): Promise<BuildResult>;
  dispose(): void;
}

export interface BuildRun {
  env?: Record<string, string>;
  args?: string[];
  /** The script to run instead of scripts/build.ts, relative to the fixture (one a test wrote). */
  script?: string;
}

export type BuildResult = CommandResult;

/**
 * The languages of every fixture: English and Simplified Chinese, whatever
 * languages translators have added to the project's own registry, so no
 * test depends on how many the sample site has. A test that needs another
 * writes its own registry.
 */
export const FIXTURE_REGISTRY = {
  sourceLocale: "en",
  locales: [
    { code: "en", htmlLang: "en", i18nextLanguage: "en", luxonLocale: "en", label: "English", dir: "ltr" },
    {
      code: "zh",
      htmlLang: "zh-CN",
      i18nextLanguage: "zh-CN",
      luxonLocale: "zh-CN",
      label: "简体中文",
      dir: "ltr",
    },
  ],
};

/**
 * A copy of the project with src/releases replaced by `files`
 * (paths relative to the fixture root, e.g. "src/releases/en/a.md"), and
 * the registry by FIXTURE_REGISTRY.
 */
export function createFixtureSite(files: Record<string, string | Uint8Array> = {}): FixtureSite {
  const dir = mkdtempSync(path.join(tmpdir(), "pressroom-fixture-"));
  copyProject(projectRoot, dir);
  writeFileSync(path.join(dir, "locales", "registry.json"), `${JSON.stringify(FIXTURE_REGISTRY, null, 2)}\n`);

  const site: FixtureSite = {
    dir,
    write(relative, content) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    },
    read(relative) {
      return readFileSync(path.join(dir, relative), "utf8");
    },
    exists(relative) {
      return existsSync(path.join(dir, relative));
    },
    build: (options = {}) => runBuild(dir, options),
    dispose() {
      // Retries: a process the test started may still be closing files in it.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
  for (const [relative, content] of Object.entries(files)) site.write(relative, content);
  return site;
}

/** Builds a fixture a test needs built; a failed build throws with everything it printed. */
export async function mustBuild(site: FixtureSite, run: BuildRun = {}): Promise<BuildResult> {
  const result = await site.build(run);
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Settings a developer may have exported that would change what a fixture builds. */
const SITE_SETTINGS = /^(SITE_URL|PATH_PREFIX|SEARCH_INDEX_MEMORY|BUILD_TIME|TZ|PRESSROOM_.*)$/;

function runBuild(
  dir: string,
  { env = {}, args = [], script = "scripts/build.ts" }: BuildRun,
): Promise<BuildResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !SITE_SETTINGS.test(name)),
  );
  return runCommand(process.execPath, [...buildArguments(script), ...args], {
    cwd: dir,
    env: { ...inherited, BUILD_TIME: "2026-11-01T00:00:00+08:00", ...env },
  });
}

export interface ReleaseFields {
  title: string;
  releaseTime: string;
  updated?: string;
  correction?: string;
  company?: string;
  location?: string;
  summary?: string;
  tags?: string[];
  draft?: boolean;
  translationKey?: string;
}

/**
 * A release file as a writer would type it: values unquoted where YAML
 * allows, so `releaseTime: 2023-01-14` is a bare YAML date.
 */
export function releaseFile(fields: ReleaseFields, body = "Body text."): string {
  const lines = ["---", `title: ${JSON.stringify(fields.title)}`, `releaseTime: ${fields.releaseTime}`];
  if (fields.updated) lines.push(`updated: ${fields.updated}`);
  if (fields.correction) lines.push(`correction: ${JSON.stringify(fields.correction)}`);
  if (fields.company) lines.push(`company: ${JSON.stringify(fields.company)}`);
  if (fields.location) lines.push(`location: ${JSON.stringify(fields.location)}`);
  if (fields.summary) lines.push(`summary: ${JSON.stringify(fields.summary)}`);
  if (fields.tags) lines.push(`tags: [${fields.tags.map((t) => JSON.stringify(t)).join(", ")}]`);
  if (fields.draft !== undefined) lines.push(`draft: ${fields.draft}`);
  if (fields.translationKey) lines.push(`translationKey: ${fields.translationKey}`);
  lines.push("---", "", body, "");
  return lines.join("\n");
}
