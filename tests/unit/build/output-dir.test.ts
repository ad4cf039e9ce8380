import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  claimOutputFolder,
  type FolderEntry,
  isWrittenByBuild,
  type OutputFolder,
  OutputRefused,
  outputFolderProblem,
  type ProjectFolders,
  readMarker,
  readOutputFolder,
  resolveReal,
  SOURCE_FOLDERS,
  writeMarker,
} from "../../../lib/build/output-dir.ts";

const ROOT = "/p/newsroom";
const project: ProjectFolders = {
  root: ROOT,
  sources: new Map(SOURCE_FOLDERS.map((name) => [name, `${ROOT}/${name}`])),
  published: `${ROOT}/_site`,
};

const file = (name: string): FolderEntry => ({ name, isDirectory: false });
const dir = (name: string): FolderEntry => ({ name, isDirectory: true });
/** The top level of a build from before the marker. */
const EARLIER_BUILD = [
  file("index.html"),
  file("404.html"),
  file("robots.txt"),
  file("sitemap.xml"),
  file("sw.js"),
  dir("assets"),
  dir("media"),
  dir("pagefind"),
  dir("en"),
  dir("zh"),
];

function folder(given: string, fields: Partial<OutputFolder> = {}): OutputFolder {
  return { given, path: path.resolve(ROOT, given), state: "missing", entries: [], ...fields };
}

const problem = (out: OutputFolder, preview = false) => outputFolderProblem(out, project, preview);

describe("where the build may write", () => {
  it("a new folder, an empty one, or one it marked", () => {
    expect(problem(folder("_site"))).toBeUndefined();
    expect(problem(folder("/srv/www/newsroom"))).toBeUndefined();
    expect(problem(folder("public", { state: "folder", entries: [] }))).toBeUndefined();
    const marked = folder("/srv/www/newsroom", {
      state: "folder",
      entries: [file(".pressroom-output"), ...EARLIER_BUILD, file("extra.txt")],
      marker: "site",
    });
    expect(problem(marked)).toBeUndefined();
  });

  it("never the project folder or a folder that contains it", () => {
    expect(problem(folder("."))).toBe(
      "output folder .: /p/newsroom is the project folder; the build replaces its output folder whole and would delete the project. Expected a new or empty folder of its own, such as _site (the default).",
    );
    expect(problem(folder(".."))).toMatch(/^output folder \.\.: \/p contains the project; /);
    expect(problem(folder("/"))).toMatch(/^output folder \/: \/ contains the project; /);
  });

  it("never a source folder, a folder inside one or a folder holding one", () => {
    expect(problem(folder("src"))).toMatch(
      /^output folder src: \/p\/newsroom\/src is the project's src\/ folder; the build replaces its output folder whole\. Expected a folder outside src, _data, .* and \.git, such as _site \(the default\)\.$/,
    );
    for (const name of SOURCE_FOLDERS) {
      expect(problem(folder(`${name}/out`)), name).toContain(`is inside the project's ${name}/ folder`);
    }
    // A source folder that is a link elsewhere is protected where it leads.
    const linked = { ...project, sources: new Map([["locales", "/shared/locales"]]) };
    expect(outputFolderProblem(folder("/shared"), linked, false)).toContain(
      "contains the project's locales/ folder",
    );
  });

  it("never a folder holding files it did not write, and names them", () => {
    const checkout = folder("../deploy", {
      state: "folder",
      entries: [dir(".git"), file("CNAME"), ...EARLIER_BUILD],
    });
    expect(problem(checkout)).toBe(
      "output folder ../deploy: /p/deploy holds files the build did not write (.git, CNAME); the build replaces its output folder whole and would delete them. Expected an empty or new folder, or one a build wrote (it holds .pressroom-output): build elsewhere and copy the result into place.",
    );
    const many = folder("notes", { state: "folder", entries: ["a", "b", "c", "d", "e", "f"].map(file) });
    expect(problem(many)).toContain("(a, b, c, d and 2 more)");
  });

  it("takes the default _site/ and _preview/ of a build from before the marker, if every entry is one a build writes", () => {
    expect(problem(folder("_site", { state: "folder", entries: EARLIER_BUILD }))).toBeUndefined();
    expect(problem(folder("_preview", { state: "folder", entries: EARLIER_BUILD }))).toBeUndefined();
    // What the development server writes: no service worker, no index.
    expect(
      problem(folder("_site", { state: "folder", entries: [file("index.html"), dir("en"), dir("assets")] })),
    ).toBeUndefined();
    for (const stray of [
      file("CNAME"),
      file(".nojekyll"),
      file(".git"),
      dir(".git"),
      file("notes.txt"),
      dir("Docs"),
    ]) {
      expect(
        problem(folder("_site", { state: "folder", entries: [...EARLIER_BUILD, stray] })),
        stray.name,
      ).toContain(`holds files the build did not write (${stray.name})`);
    }
  });

  it("takes an unmarked folder elsewhere only when it is empty, since any site looks like a build", () => {
    expect(problem(folder("public", { state: "folder", entries: EARLIER_BUILD }))).toBe(
      "output folder public: /p/newsroom/public holds a site but no .pressroom-output, so the build cannot tell it wrote it; the build replaces its output folder whole. Expected an empty or new folder, or one a build wrote: if an earlier version of Pressroom built this one, delete it and build again.",
    );
  });

  it("never a file or a link to nothing", () => {
    expect(problem(folder("README.md", { state: "file" }))).toBe(
      "output folder README.md: /p/newsroom/README.md is a file. Expected a folder.",
    );
    expect(problem(folder("gone", { state: "broken-link" }))).toContain("is a symbolic link to nothing");
  });

  it("knows the names a build writes at the top of its folder", () => {
    expect(EARLIER_BUILD.every(isWrittenByBuild)).toBe(true);
    expect(isWrittenByBuild(dir("pt-br"))).toBe(true);
    expect(isWrittenByBuild(file(".pressroom-output"))).toBe(true);
    expect(isWrittenByBuild(file("en"))).toBe(false);
    expect(isWrittenByBuild(dir("index.html"))).toBe(false);
    expect(isWrittenByBuild(file("CNAME"))).toBe(false);
  });
});

describe("where a preview may write", () => {
  it("never _site/ or inside it, however it is spelled once resolved", () => {
    const expected =
      "output folder ./_site: /p/newsroom/_site is _site/, the folder a host publishes; a preview (drafts and scheduled releases) cannot be written to _site/ or inside it. Expected another folder, such as _preview (the default of npm run build:preview).";
    expect(problem(folder("./_site"), true)).toBe(expected);
    expect(problem(folder("_site/drafts"), true)).toContain("is inside _site/");
    // _site/ when it is a link to a deploy folder: the preview may not go there either.
    const linked = { ...project, published: "/srv/www/newsroom" };
    expect(outputFolderProblem(folder("/srv/www/newsroom"), linked, true)).toContain("is _site/");
    expect(problem(folder("_site"), false)).toBeUndefined();
  });

  it("never over a published build elsewhere, but over an earlier preview", () => {
    const published = folder("/srv/www/newsroom", {
      state: "folder",
      entries: [file(".pressroom-output"), ...EARLIER_BUILD],
      marker: "site",
    });
    expect(problem(published, true)).toContain(
      "holds a published build (its .pressroom-output says so); a preview (drafts and scheduled releases) cannot replace it",
    );
    expect(problem({ ...published, marker: "preview" }, true)).toBeUndefined();
    expect(problem(folder("_preview"), true)).toBeUndefined();
  });
});

describe("reading the output folder", () => {
  let temp: string;
  afterEach(() => rmSync(temp, { recursive: true, force: true }));

  function tempProject(): string {
    temp = mkdtempSync(path.join(tmpdir(), "pressroom-unit-"));
    const root = path.join(temp, "project");
    mkdirSync(path.join(root, "src"), { recursive: true });
    mkdirSync(path.join(root, "_site"));
    writeMarker(path.join(root, "_site"), "site");
    return root;
  }

  it("follows symbolic links, so a link to _site/ is _site/", () => {
    const root = tempProject();
    symlinkSync(path.join(root, "_site"), path.join(root, "to-site"));
    expect(resolveReal(path.join(root, "to-site"))).toBe(resolveReal(path.join(root, "_site")));
    expect(resolveReal(path.join(root, "to-site", "new", "deeper"))).toBe(
      path.join(resolveReal(path.join(root, "_site")), "new", "deeper"),
    );
    expect(() => claimOutputFolder(root, "to-site", "preview")).toThrow(OutputRefused);
    expect(() => claimOutputFolder(root, "to-site/", "preview")).toThrow("is _site/");
    expect(claimOutputFolder(root, "to-site", "site")).toBe(resolveReal(path.join(root, "_site")));
  });

  it("protects a source folder reached through a link", () => {
    const root = tempProject();
    symlinkSync(path.join(root, "src"), path.join(root, "content"));
    expect(() => claimOutputFolder(root, "content", "site")).toThrow("is the project's src/ folder");
  });

  it("reads the marker's kind, and a marker it cannot read as a published build", () => {
    const root = tempProject();
    expect(readOutputFolder(root, "_site")).toMatchObject({ state: "folder", marker: "site" });
    writeMarker(path.join(root, "_site"), "preview");
    expect(readMarker(path.join(root, "_site"))).toBe("preview");
    writeFileSync(path.join(root, "_site", ".pressroom-output"), "");
    expect(readMarker(path.join(root, "_site"))).toBe("site");
  });

  it("tells a file and a link to nothing from a missing folder", () => {
    const root = tempProject();
    writeFileSync(path.join(root, "notes.txt"), "x");
    symlinkSync(path.join(root, "nowhere"), path.join(root, "dangling"));
    expect(readOutputFolder(root, "notes.txt").state).toBe("file");
    expect(readOutputFolder(root, "dangling").state).toBe("broken-link");
    expect(readOutputFolder(root, "new/deeper").state).toBe("missing");
  });
});
