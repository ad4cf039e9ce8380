// Post-build phase: indexes the staged site with Pagefind, one index per
// <html lang>. Chinese word segmentation exists only in Pagefind's extended
// binary and silently switches off otherwise, so the phase refuses an index
// made by another binary or for other languages than the registry's.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { LocaleRegistry } from "../locales.ts";

export interface PagefindReport {
  version: string;
  extended: boolean;
  languages: string[];
  pages: number;
  output: string;
}

/** The CLI runner shipped in the npm package; it starts the platform's extended binary. */
function pagefindRunner(): string {
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  return path.join(path.dirname(entry), "runner", "bin.cjs");
}

export function parsePagefindOutput(output: string): PagefindReport {
  const running = /Running Pagefind v(\S+)(?: \((\w+)\))?/.exec(output);
  const languages = /Discovered \d+ languages?: (.+)/.exec(output);
  const pages = /Indexed (\d+) pages?/.exec(output);
  return {
    version: running?.[1] ?? "unknown",
    extended: running?.[2] === "Extended",
    languages: languages?.[1]?.split(",").map((l) => l.trim()) ?? [],
    pages: Number(pages?.[1] ?? 0),
    output,
  };
}

/**
 * Problems with an index: not built by the extended binary, or languages
 * other than the registry's `htmlLang`s (Pagefind lowercases them) for the
 * locales that have published pages to index.
 */
export function checkPagefindReport(
  report: PagefindReport,
  registry: LocaleRegistry,
  localesWithReleases: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (!report.extended) {
    problems.push(
      `Pagefind v${report.version} is not the extended binary: Chinese text would be indexed without word segmentation`,
    );
  }
  const expected = registry.all
    .filter((l) => localesWithReleases.has(l.code))
    .map((l) => l.htmlLang.toLowerCase())
    .sort();
  const actual = [...report.languages].sort();
  if (expected.join(",") !== actual.join(",")) {
    problems.push(
      `Pagefind indexed languages [${actual.join(", ")}] but the registry's languages with releases are [${expected.join(", ")}]`,
    );
  }
  return problems;
}

export function runPagefind(siteDir: string): Promise<PagefindReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [pagefindRunner(), "--site", siteDir, "--output-subdir", "pagefind"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`Pagefind exited with ${code}:\n${output}`));
      else resolve(parsePagefindOutput(output));
    });
  });
}
