// A copy of this project with its own content, in a folder of its own: how
// the benchmark and the build-output tests run the real build on generated
// or fixture releases without touching the sample content.
import { cpSync, mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";

const COPIED = [
  "eleventy.config.ts",
  "lib",
  "src",
  "_data",
  "_includes",
  "locales",
  "scripts",
  "package.json",
];

/** Copies the project's code and templates into `dir`, without releases or companies. */
export function copyProject(projectRoot: string, dir: string): void {
  const releases = path.join(projectRoot, "src", "releases");
  const companies = path.join(projectRoot, "_data", "companies");
  for (const entry of COPIED) {
    cpSync(path.join(projectRoot, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(releases) && !source.startsWith(companies),
    });
  }
  mkdirSync(path.join(dir, "src", "releases"), { recursive: true });
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
}
