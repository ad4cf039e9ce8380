// CONTRIBUTING.md's module tour lists every file under lib/ with its job,
// under a heading per folder that says the folder's job. This keeps the
// tour and the tree in step: a new module needs its row, a removed one
// loses it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../support/fixture-site.ts";

interface TourFolder {
  /** "lib/content/" */
  folder: string;
  job: string;
  files: { name: string; job: string }[];
}

/** The folders and rows of the "## Module tour" section. */
function parseModuleTour(markdown: string): TourFolder[] {
  const start = markdown.indexOf("\n## Module tour\n");
  if (start < 0) throw new Error('CONTRIBUTING.md has no "## Module tour" section');
  const rest = markdown.slice(start + 1);
  const next = rest.indexOf("\n## ", 1);
  const section = next < 0 ? rest : rest.slice(0, next);

  const folders: TourFolder[] = [];
  for (const line of section.split("\n")) {
    const heading = /^### `(lib\/(?:[^`]+\/)?)`:?\s*(.*)$/.exec(line);
    if (heading) {
      folders.push({ folder: heading[1] ?? "", job: (heading[2] ?? "").trim(), files: [] });
      continue;
    }
    const row = /^\| `([^`]+)` \| (.*) \|$/.exec(line);
    const current = folders.at(-1);
    if (row && current) current.files.push({ name: row[1] ?? "", job: (row[2] ?? "").trim() });
  }
  return folders;
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(relative);
    return entry.isFile() ? [relative] : [];
  });
}

const tour = parseModuleTour(readFileSync(path.join(projectRoot, "CONTRIBUTING.md"), "utf8"));
const listed = tour.flatMap((f) => f.files.map((file) => `${f.folder}${file.name}`));
const onDisk = filesUnder("lib");

describe("the module tour in CONTRIBUTING.md", () => {
  it("lists every file under lib/", () => {
    expect(onDisk.filter((file) => !listed.includes(file)).sort()).toEqual([]);
  });

  it("lists no file that does not exist, and none twice", () => {
    expect(listed.filter((file) => !onDisk.includes(file)).sort()).toEqual([]);
    expect(listed.filter((file, i) => listed.indexOf(file) !== i)).toEqual([]);
  });

  it("gives every folder with files a heading that says its job, and every file a job", () => {
    const folders = [...new Set(onDisk.map((file) => `${path.posix.dirname(file)}/`))].sort();
    expect(tour.map((f) => f.folder).sort()).toEqual(folders);
    for (const folder of tour) {
      expect(folder.job, folder.folder).not.toBe("");
      for (const file of folder.files) expect(file.job, `${folder.folder}${file.name}`).not.toBe("");
    }
  });
});

describe("parseModuleTour", () => {
  it("reads folders and rows of the tour section only", () => {
    const markdown = [
      "# Title",
      "| `not/in/tour.ts` | ignored |",
      "## Module tour",
      "### `lib/a/`: does A",
      "| file | job |",
      "| --- | --- |",
      "| `one.ts` | the first |",
      "### `lib/a/b/`: does B",
      "| `two.ts` | the second |",
      "## Next section",
      "| `three.ts` | ignored |",
    ].join("\n");
    expect(parseModuleTour(markdown)).toEqual([
      { folder: "lib/a/", job: "does A", files: [{ name: "one.ts", job: "the first" }] },
      { folder: "lib/a/b/", job: "does B", files: [{ name: "two.ts", job: "the second" }] },
    ]);
  });
});
