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

/**
 * Node's arguments for running `script` as `npm run build` runs
 * scripts/build.ts (package.json): compiled ahead, not under tsx.
 */
export const buildArguments = (script = "scripts/build.ts"): string[] => ["scripts/run-compiled.mjs", script];

/** Copies the project's code and templates into `dir`, without releases, static pages or companies. */
export function copyProject(projectRoot: string, dir: string): void {
  const content = [
    path.join(projectRoot, "src", "releases"),
    path.join(projectRoot, "src", "pages"),
    path.join(projectRoot, "_data", "companies"),
  ];
  for (const entry of COPIED) {
    cpSync(path.join(projectRoot, entry), path.join(dir, entry), {
      recursive: true,
      filter: (source) => !content.some((folder) => source.startsWith(folder)),
    });
  }
  mkdirSync(path.join(dir, "src", "releases"), { recursive: true });
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
}
