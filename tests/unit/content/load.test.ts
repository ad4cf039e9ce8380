import { rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { loadReleases, type ParsedRelease } from "../../../lib/content/load.ts";
import { RebuildCache } from "../../../lib/dev/rebuild-cache.ts";
import { releaseFile } from "../../support/fixture-site.ts";
import { problemsThrownBy, tempProject, testRegistry } from "../../support/temp-project.ts";

const buildTime = DateTime.fromISO("2026-01-01T00:00:00+08:00", { setZone: true });

function load(files: Record<string, string>, companyKeys: string[] = []) {
  return loadReleases({
    rootDir: tempProject(files),
    registry: testRegistry,
    timeZone: "Asia/Shanghai",
    buildTime,
    companyKeys: new Set(companyKeys),
  });
}

function problemsOf(files: Record<string, string>, companyKeys: string[] = []): string[] {
  return problemsThrownBy(() => load(files, companyKeys));
}

describe("loadReleases", () => {
  it("reads a release with its locale, slug and fields", () => {
    const { releases, warnings } = load({
      "src/releases/en/new-plant.md": releaseFile(
        { title: "New plant", releaseTime: "2025-03-01", company: "Acme Corp", tags: ["a", "b"] },
        "## Hello",
      ),
    });
    expect(warnings).toEqual([]);
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({
      file: "src/releases/en/new-plant.md",
      locale: "en",
      slug: "new-plant",
      translationKey: "new-plant",
      title: "New plant",
      company: "Acme Corp",
      tags: ["a", "b"],
      status: "published",
    });
    expect(releases[0]?.body.trim()).toBe("## Hello");
  });

  it("classifies drafts and releases scheduled after the build time", () => {
    const { releases } = load({
      "src/releases/en/a.md": releaseFile({ title: "A", releaseTime: "2025-12-31T23:59:59+08:00" }),
      "src/releases/en/b.md": releaseFile({ title: "B", releaseTime: "2026-01-01T00:00:01+08:00" }),
      "src/releases/en/c.md": releaseFile({ title: "C", releaseTime: "2025-01-01", draft: true }),
    });
    expect(Object.fromEntries(releases.map((r) => [r.slug, r.status]))).toEqual({
      a: "published",
      b: "scheduled",
      c: "draft",
    });
  });

  it("reports every problem in every file in one run, naming file and field", () => {
    const problems = problemsOf({
      "src/releases/en/no-title.md": "---\nreleaseTime: 2025-01-01\n---\n",
      "src/releases/en/bad-time.md": releaseFile({ title: "T", releaseTime: "next tuesday" }),
      "src/releases/en/bad-tags.md": "---\ntitle: T\nreleaseTime: 2025-01-01\ntags: energy\n---\n",
      "src/releases/en/Bad_Slug.md": releaseFile({ title: "T", releaseTime: "2025-01-01" }),
      "src/releases/fr/bonjour.md": releaseFile({ title: "T", releaseTime: "2025-01-01" }),
      "src/releases/zh/a.md": releaseFile({
        title: "甲",
        releaseTime: "2025-01-01",
        translationKey: "shared",
      }),
      "src/releases/zh/b.md": releaseFile({
        title: "乙",
        releaseTime: "2025-01-01",
        translationKey: "shared",
      }),
      "src/releases/en/key-company.md": releaseFile({
        title: "T",
        releaseTime: "2025-01-01",
        company: "lumora",
      }),
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/releases\/en\/no-title.md \| title \| required/),
        expect.stringMatching(
          /^src\/releases\/en\/bad-time.md \| releaseTime \| "next tuesday" is not a date/,
        ),
        expect.stringMatching(/^src\/releases\/en\/bad-tags.md \| tags \| expected a list/),
        expect.stringMatching(
          /^src\/releases\/en\/Bad_Slug.md \| file name \| "Bad_Slug" is not a valid slug/,
        ),
        expect.stringMatching(
          /^src\/releases\/fr\/ \| {2}\| locale folder "fr" is not in locales\/registry.json/,
        ),
        expect.stringMatching(
          /^src\/releases\/zh\/b.md \| translationKey \| "shared" is already used by src\/releases\/zh\/a.md/,
        ),
        expect.stringMatching(
          /^src\/releases\/en\/key-company.md \| company \| "lumora" is not a company key/,
        ),
      ]),
    );
    expect(problems).toHaveLength(7);
  });

  it("names a release's missing attachment", () => {
    const problems = problemsOf({
      "src/releases/en/kit.md": "---\ntitle: Kit\nreleaseTime: 2025-01-01\nattachments: [facts.pdf]\n---\n",
    });
    expect(problems).toEqual([
      'src/releases/en/kit.md | attachments | "facts.pdf" not found (looked for src/releases/en/facts.pdf)',
    ]);
  });

  it("rejects one slug used twice in a locale, in nested folders", () => {
    const problems = problemsOf({
      "src/releases/en/2024/launch.md": releaseFile({ title: "A", releaseTime: "2024-01-01" }),
      "src/releases/en/2025/launch.md": releaseFile({ title: "B", releaseTime: "2025-01-01" }),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/releases\/en\/2025\/launch.md \| file name \| slug "launch" is already used by src\/releases\/en\/2024\/launch.md/,
      ),
    ]);
  });

  it("names the line of a YAML syntax error", () => {
    const problems = problemsOf({
      "src/releases/en/broken.md": '---\ntitle: "unclosed\nreleaseTime: 2025-01-01\n---\n',
    });
    expect(problems[0]).toMatch(/^src\/releases\/en\/broken.md:\d+ \| {2}\| invalid YAML/);
  });

  it("refuses an unknown front matter key, suggesting the key meant, and keeps extra: for own data", () => {
    const problems = problemsOf({
      "src/releases/en/a.md": "---\ntitle: A\nreleaseTime: 2025-01-01\nDraft: true\nauthor: Kim\n---\n",
      "src/releases/en/b.md": "---\ntitle: B\nreleaseTime: 2025-01-01\nembargo: 2027-01-01\n---\n",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^src\/releases\/en\/a.md \| Draft \| unknown key; did you mean draft\?/),
      expect.stringMatching(
        /^src\/releases\/en\/a.md \| author \| unknown key; known keys are title, .*extra:/,
      ),
      expect.stringMatching(
        /^src\/releases\/en\/b.md \| embargo \| unknown key; did you mean releaseTime\? \(a release stays unpublished until its releaseTime\)/,
      ),
    ]);
    const { releases } = load({
      "src/releases/en/a.md":
        "---\ntitle: A\nreleaseTime: 2025-01-01\nextra:\n  author: Kim\n  Draft: anything\n---\n",
    });
    expect(releases.map((r) => r.slug)).toEqual(["a"]);
  });

  it("reports schema, release time, company and attachment problems of one file together", () => {
    const problems = problemsOf({
      "src/releases/en/all-wrong.md": [
        "---",
        "title: All wrong",
        "releaseTime: 2025-01-01T10:00:00+15:00",
        "tags: energy",
        "company: lumora",
        "attachments: [missing.pdf]",
        "Draft: true",
        "---",
        "",
      ].join("\n"),
    });
    expect(problems).toEqual([
      expect.stringMatching(/ \| Draft \| unknown key; did you mean draft\?/),
      expect.stringMatching(/ \| tags \| expected a list/),
      expect.stringMatching(/ \| releaseTime \| .*expected an offset from -14:00 to \+14:00, not \+15:00/),
      expect.stringMatching(/ \| company \| "lumora" is not a company key/),
      expect.stringMatching(/ \| attachments \| "missing.pdf" not found/),
    ]);
  });

  it("follows links inside src/releases/ and names links that leave it or loop", () => {
    const rootDir = tempProject({
      "src/releases/en/a.md": releaseFile({ title: "A", releaseTime: "2025-01-01" }),
      "outside/b.md": releaseFile({ title: "B", releaseTime: "2025-01-01" }),
    });
    const at = (relative: string) => path.join(rootDir, relative);
    symlinkSync("en", at("src/releases/zh"));
    symlinkSync("missing", at("src/releases/en/gone"));
    symlinkSync(at("outside/b.md"), at("src/releases/en/b.md"));
    symlinkSync(at("outside"), at("src/releases/en/more"));
    symlinkSync("self.md", at("src/releases/en/self.md"));
    symlinkSync("..", at("src/releases/en/up"));
    const problems = problemsThrownBy(() =>
      loadReleases({
        rootDir,
        registry: testRegistry,
        timeZone: "Asia/Shanghai",
        buildTime,
        companyKeys: new Set(),
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/releases\/en\/b.md \| link \| is a link to ".*outside\/b.md", outside src\/releases\//,
      ),
      'src/releases/en/gone | link | is a link to "missing", which does not exist',
      expect.stringMatching(
        /^src\/releases\/en\/more \| link \| is a link to ".*outside", outside src\/releases\//,
      ),
      "src/releases/en/self.md | link | is a loop of links",
      expect.stringMatching(/^src\/releases\/en\/up \| link \| links back to a folder that contains it/),
      // zh is a link to en: read twice, under each locale, with the same problems.
      expect.stringMatching(/^src\/releases\/zh\/b.md \| link/),
      expect.stringMatching(/^src\/releases\/zh\/gone \| link/),
      expect.stringMatching(/^src\/releases\/zh\/more \| link/),
      "src/releases/zh/self.md | link | is a loop of links",
      expect.stringMatching(/^src\/releases\/zh\/up \| link \| links back/),
    ]);
  });

  it("reads .MD and .markdown files as releases, their slug without the extension", () => {
    const { releases } = load({
      "src/releases/en/shouted.MD": releaseFile({ title: "A", releaseTime: "2025-01-01" }),
      "src/releases/en/long-name.markdown": releaseFile({ title: "B", releaseTime: "2025-01-01" }),
    });
    expect(releases.map((r) => r.slug)).toEqual(["long-name", "shouted"]);
  });

  it("warns about a file that looks like a release but is not read, unless a release lists it", () => {
    const { warnings } = load({
      "src/releases/en/a.md": "---\ntitle: A\nreleaseTime: 2025-01-01\nattachments: [notes.txt]\n---\n",
      "src/releases/en/notes.txt": "Notes for the press",
      "src/releases/en/plant-opens.md.txt": releaseFile({ title: "B", releaseTime: "2025-01-01" }),
    });
    expect(warnings).toEqual([
      {
        file: "src/releases/en/plant-opens.md.txt",
        field: "file name",
        message: expect.stringContaining("rename it to plant-opens.md"),
      },
    ]);
  });

  it("accepts a company key that exists and a plain company name", () => {
    const { releases } = load(
      {
        "src/releases/en/a.md": releaseFile({ title: "A", releaseTime: "2025-01-01", company: "lumora" }),
        "src/releases/en/b.md": releaseFile({ title: "B", releaseTime: "2025-01-01", company: "Acme Corp" }),
      },
      ["lumora"],
    );
    expect(releases.map((r) => r.company)).toEqual(["lumora", "Acme Corp"]);
  });

  it("under watch, reuses a parsed file only while it is unchanged, and forgets removed files", () => {
    const rootDir = tempProject({
      "src/releases/en/a.md": releaseFile({ title: "Alpha", releaseTime: "2025-01-01" }),
      "src/releases/en/b.md": releaseFile({ title: "Beta", releaseTime: "2025-01-02" }),
    });
    const cache = new RebuildCache<ParsedRelease>();
    const options = {
      rootDir,
      registry: testRegistry,
      timeZone: "Asia/Shanghai",
      buildTime,
      companyKeys: new Set<string>(),
      cache,
    };
    const titles = () => {
      cache.nextBuild();
      return loadReleases(options).releases.map((r) => r.title);
    };
    expect(titles()).toEqual(["Alpha", "Beta"]);
    // Same length, so only the modification time tells the edit apart.
    const edited = path.join(rootDir, "src/releases/en/a.md");
    writeFileSync(edited, releaseFile({ title: "Alpho", releaseTime: "2025-01-01" }));
    utimesSync(edited, new Date(), new Date(Date.now() + 1000));
    expect(titles()).toEqual(["Alpho", "Beta"]);
    rmSync(path.join(rootDir, "src/releases/en/b.md"));
    expect(titles()).toEqual(["Alpho"]);
    expect(cache.size).toBe(1);
  });
});

describe("updated and correction", () => {
  const file = "src/releases/en/plant.md";
  const withUpdate = (releaseTime: string, updated: string, correction?: string) => ({
    [file]: releaseFile({ title: "Plant", releaseTime, updated, correction }),
  });

  it("reads a date or a date-time, with the note", () => {
    const { releases } = load(withUpdate("2025-03-01T10:00:00+08:00", "2025-03-02", "Fixed *a* figure."));
    expect(releases[0]?.updated?.iso).toBe("2025-03-02");
    expect(releases[0]?.correction).toBe("Fixed *a* figure.");
    const timed = load(withUpdate("2025-03-01", "2025-03-01T18:00:00+08:00")).releases[0];
    expect(timed?.updated?.dateTime.toISO()).toBe("2025-03-01T18:00:00.000+08:00");
  });

  it("takes a date-only update on the day of a timed release as that day", () => {
    const { releases } = load(withUpdate("2025-03-01T10:00:00+08:00", "2025-03-01"));
    expect(releases[0]?.updated?.iso).toBe("2025-03-01");
  });

  it("refuses an update before the release time, naming file and field", () => {
    expect(problemsOf(withUpdate("2025-03-01T10:00:00+08:00", "2025-03-01T09:59:00+08:00"))).toEqual([
      expect.stringMatching(/^src\/releases\/en\/plant\.md \| updated \| .*before the releaseTime/),
    ]);
    expect(problemsOf(withUpdate("2025-03-01", "2025-02-28"))).toEqual([
      expect.stringMatching(/^src\/releases\/en\/plant\.md \| updated \| /),
    ]);
  });

  it("refuses what is not a time, as for releaseTime", () => {
    for (const bad of [
      "yesterday",
      "2025-13-01",
      "0000-01-01",
      "2025-03-02T10:00:00+15:00",
      "[2025-03-02]",
    ]) {
      expect(problemsOf(withUpdate("2025-03-01", bad)), bad).toEqual([
        expect.stringMatching(/^src\/releases\/en\/plant\.md \| updated \| /),
      ]);
    }
  });

  it("refuses a correction without updated, and an empty one", () => {
    expect(
      problemsOf({
        [file]: releaseFile({ title: "Plant", releaseTime: "2025-03-01", correction: "Fixed." }),
      }),
    ).toEqual([expect.stringMatching(/^src\/releases\/en\/plant\.md \| correction \| .*needs updated/)]);
    expect(
      problemsOf({
        [file]:
          "---\ntitle: Plant\nreleaseTime: 2025-03-01\nupdated: 2025-03-02\ncorrection: '  '\n---\nBody\n",
      }),
    ).toEqual([expect.stringMatching(/correction \\| must not be empty/)]);
  });

  it("suggests updated for keys other tools use", () => {
    expect(
      problemsOf({
        [file]: "---\ntitle: Plant\nreleaseTime: 2025-03-01\ndateModified: 2025-03-02\n---\nBody\n",
      }),
    ).toEqual([expect.stringMatching(/dateModified \\| unknown key; did you mean updated\?/)]);
  });
});

describe("RebuildCache", () => {
  it("computes a value once while builds keep asking for it, and drops it after a build that does not", () => {
    const cache = new RebuildCache<string>();
    let computed = 0;
    const get = () =>
      cache.get("key", () => {
        computed += 1;
        return "value";
      });
    get();
    cache.nextBuild();
    get();
    get();
    expect(computed).toBe(1);
    cache.nextBuild();
    cache.nextBuild();
    get();
    expect(computed).toBe(2);
  });
});
