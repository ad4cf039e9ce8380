// Hostile and careless input: where the build writes and the settings that
// shape URLs. Run by tests/build/hostile-input.test.ts.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect } from "vitest";
import type { FixtureSite } from "../../support/fixture-site.ts";
import type { HostileCase } from "../../support/hostile.ts";

/** A pid no process has: beyond any a Linux kernel hands out (pid_max is at most 2^22). */
const DEAD_PID = 99_999_999;

/** A case whose arguments name a path known only once the fixture exists. */
function withPathArgs(
  c: Omit<HostileCase, "args" | "setup">,
  args: (site: FixtureSite, outside: string) => string[],
): HostileCase {
  const made: HostileCase = {
    ...c,
    setup: (site, outside) => {
      made.args = args(site, outside);
      return () => {
        made.args = undefined;
      };
    },
  };
  return made;
}

/** Files of a folder, relative to it, with their bytes. */
function contents(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), readFileSync(full).toString("base64"));
    }
  };
  walk(dir);
  return files;
}

function expectSourcesIntact(site: FixtureSite): void {
  for (const file of ["src/releases/en/plant-opens.md", "src/index.njk", "_data/site.ts", "package.json"]) {
    expect(site.exists(file), file).toBe(true);
  }
}

function expectNoLeftovers(site: FixtureSite): void {
  expect(readdirSync(site.dir).filter((name) => /\.(staging|retired)-/.test(name))).toEqual([]);
}

const PREVIEW_REFUSED = "a preview (drafts and scheduled releases) cannot be written to _site/ or inside it";

export const outputCases: HostileCase[] = [
  {
    name: "a preview asked into _site/",
    args: ["--preview", "--out", "_site"],
    code: 1,
    says: ["cannot be written to _site/"],
  },

  // The output folder is the build's alone.
  {
    name: "--out . (the project itself) is refused and the project is untouched",
    args: ["--out", "."],
    code: 1,
    says: ["output folder .: ", "is the project folder", "would delete the project", "Nothing was written."],
    check: expectSourcesIntact,
  },
  {
    name: "--out src is refused and every template and release is still there",
    args: ["--out", "src"],
    code: 1,
    says: ["output folder src: ", "is the project's src/ folder", "such as _site (the default)"],
    check: expectSourcesIntact,
  },
  {
    name: "--out inside a source folder (locales/out) is refused",
    args: ["--out", "locales/out"],
    code: 1,
    says: ["is inside the project's locales/ folder"],
    check: (site) => expect(site.exists("locales/out")).toBe(false),
  },
  {
    name: "--out .. (a folder containing the project) is refused",
    args: ["--out", ".."],
    code: 1,
    says: ["output folder ..: ", "contains the project"],
    check: expectSourcesIntact,
  },
  {
    name: "--out a deploy checkout with .git and CNAME is refused, and both are still there",
    files: {
      "deploy/.git/HEAD": "ref: refs/heads/gh-pages\n",
      "deploy/CNAME": "newsroom.example.com\n",
      "deploy/index.html": "<!doctype html><title>live</title>\n",
    },
    args: ["--out", "deploy"],
    code: 1,
    says: [
      "output folder deploy: ",
      "holds files the build did not write (.git, CNAME)",
      "build elsewhere and copy the result into place",
    ],
    check: (site) => {
      expect(site.read("deploy/.git/HEAD")).toBe("ref: refs/heads/gh-pages\n");
      expect(site.read("deploy/CNAME")).toBe("newsroom.example.com\n");
      expect(site.read("deploy/index.html")).toContain("live");
      expect(readdirSync(path.join(site.dir, "deploy")).sort()).toEqual([".git", "CNAME", "index.html"]);
    },
  },
  withPathArgs(
    {
      name: "--out an absolute path to a folder outside the project with other files is refused",
      code: 1,
      says: ["holds files the build did not write (secret.md, secret.pdf, secret.txt)"],
      check: (_site, _result, outside) => {
        expect(readdirSync(outside).sort()).toEqual(["nested", "secret.md", "secret.pdf", "secret.txt"]);
      },
    },
    (_site, outside) => ["--out", outside],
  ),
  {
    name: "--out a file is refused",
    args: ["--out", "package.json"],
    code: 1,
    says: ["output folder package.json: ", "is a file. Expected a folder."],
    check: (site) => expect(JSON.parse(site.read("package.json")).name).toBe("pressroom"),
  },
  {
    name: "--out an empty folder builds there and marks it",
    args: ["--out", "public"],
    setup: (site) => {
      mkdirSync(path.join(site.dir, "public"));
      return () => rmSync(path.join(site.dir, "public"), { recursive: true, force: true });
    },
    code: 0,
    says: ["Built public/"],
    check: (site) => {
      expect(site.read("public/en/releases/plant-opens/index.html")).toContain("Plant opens");
      expect(site.read("public/.pressroom-output")).toMatch(/^kind: site$/m);
      expectNoLeftovers(site);
    },
  },
  {
    name: "--out a folder an earlier build wrote builds there and replaces it whole",
    args: ["--out", "earlier"],
    setup: (site) => {
      cpSync(path.join(site.dir, "_site"), path.join(site.dir, "earlier"), { recursive: true });
      site.write("earlier/en/releases/withdrawn/index.html", "a withdrawn release");
      return () => rmSync(path.join(site.dir, "earlier"), { recursive: true, force: true });
    },
    code: 0,
    check: (site) => {
      expect(site.exists("earlier/en/releases/plant-opens/index.html")).toBe(true);
      expect(site.exists("earlier/en/releases/withdrawn")).toBe(false);
      expectNoLeftovers(site);
    },
  },
  {
    name: "the default _site/ of a build from before the marker is still accepted, and marked",
    setup: (site) => {
      rmSync(path.join(site.dir, "_site", ".pressroom-output"));
      return undefined;
    },
    code: 0,
    says: ["Built _site/"],
    check: (site) => expect(site.read("_site/.pressroom-output")).toMatch(/^kind: site$/m),
  },

  // A preview never goes where a host publishes, however the path is spelled.
  {
    name: "a preview asked into ./_site is refused",
    args: ["--preview", "--out", "./_site"],
    code: 1,
    says: ["output folder ./_site: ", PREVIEW_REFUSED],
  },
  {
    name: "a preview asked into _site/ with a trailing slash is refused",
    args: ["--preview", "--out", "_site/"],
    code: 1,
    says: [PREVIEW_REFUSED],
  },
  withPathArgs(
    {
      name: "a preview asked into _site/ by its absolute path is refused",
      code: 1,
      says: [PREVIEW_REFUSED],
    },
    (site) => ["--preview", "--out", path.join(site.dir, "_site")],
  ),
  {
    name: "a preview asked into a symbolic link to _site/ is refused",
    links: { "to-site": "_site" },
    args: ["--preview", "--out", "to-site"],
    code: 1,
    says: ["output folder to-site: ", "is _site/, the folder a host publishes", PREVIEW_REFUSED],
  },
  {
    name: "a preview asked into a folder inside _site/ is refused",
    args: ["--preview", "--out", "_site/drafts"],
    code: 1,
    says: ["is inside _site/", PREVIEW_REFUSED],
  },
  {
    name: "a preview asked over a published build elsewhere is refused",
    args: ["--preview", "--out", "published-copy"],
    setup: (site) => {
      cpSync(path.join(site.dir, "_site"), path.join(site.dir, "published-copy"), { recursive: true });
      return () => rmSync(path.join(site.dir, "published-copy"), { recursive: true, force: true });
    },
    code: 1,
    says: ["holds a published build (its .pressroom-output says so)"],
    check: (site) => {
      expect(contents(path.join(site.dir, "published-copy"))).toEqual(contents(path.join(site.dir, "_site")));
    },
  },

  // Settings that shape every absolute URL.
  {
    name: "SITE_URL with the ftp: scheme is refused, naming SITE_URL",
    env: { SITE_URL: "ftp://newsroom.example.com" },
    code: 1,
    says: [
      "1 problem in the site settings; nothing was built.",
      'environment variable SITE_URL: url: expected an absolute URL starting with https:// or http://, such as https://newsroom.example.com; "ftp:" is not a web address',
    ],
  },
  {
    name: "SITE_URL=javascript:alert(1) is refused, naming SITE_URL",
    env: { SITE_URL: "javascript:alert(1)" },
    code: 1,
    says: ["environment variable SITE_URL: url: expected an absolute URL starting with https:// or http://"],
  },
  {
    name: "SITE_URL with a path is refused, pointing at PATH_PREFIX",
    env: { SITE_URL: "https://newsroom.example.com/press" },
    code: 1,
    says: [
      "environment variable SITE_URL: url: expected an absolute URL without a path",
      'pathPrefix: "/press/" in _data/site.ts, or PATH_PREFIX=/press/',
    ],
  },
  {
    name: "PATH_PREFIX=../../etc is refused, naming PATH_PREFIX",
    env: { PATH_PREFIX: "../../etc" },
    code: 1,
    says: [
      'environment variable PATH_PREFIX: pathPrefix: expected a path such as "/" or "/newsroom/"',
      '".." is not a folder name',
    ],
  },

  // What killed builds leave behind.
  {
    name: "a staging folder and a search index folder of a dead build are removed; a running build's are kept",
    setup: (site) => {
      const dead = path.join(site.dir, `._site.staging-${DEAD_PID}`);
      const alive = path.join(site.dir, `._site.staging-${process.pid}`);
      const index = path.join(tmpdir(), `pressroom-index-${DEAD_PID}-Ab12Cd`);
      for (const dir of [dead, alive, index]) {
        mkdirSync(path.join(dir, "en"), { recursive: true });
        writeFileSync(path.join(dir, "en", "index.html"), "an embargoed release's text");
      }
      return () => {
        for (const dir of [dead, alive, index]) rmSync(dir, { recursive: true, force: true });
      };
    },
    code: 0,
    says: [`Removed ._site.staging-${DEAD_PID}, left by a build that was stopped.`],
    check: (site) => {
      expect(site.exists(`._site.staging-${DEAD_PID}`)).toBe(false);
      expect(site.exists(`._site.staging-${process.pid}/en/index.html`)).toBe(true);
      expect(existsSync(path.join(tmpdir(), `pressroom-index-${DEAD_PID}-Ab12Cd`))).toBe(false);
    },
  },
  {
    name: "a build stopped between its two renames: the next build puts the previous _site/ back first",
    files: { "src/releases/en/untitled.md": "---\nreleaseTime: 2025-02-01\n---\nText\n" },
    setup: (site) => {
      const retired = path.join(site.dir, `._site.retired-${DEAD_PID}`);
      renameSync(path.join(site.dir, "_site"), retired);
      return () => {
        if (existsSync(retired)) renameSync(retired, path.join(site.dir, "_site"));
      };
    },
    code: 1,
    says: [
      `Restored _site/ from ._site.retired-${DEAD_PID}, which a build stopped while publishing left.`,
      "src/releases/en/untitled.md: title: required",
      "The previous _site/ was left as it was.",
    ],
    check: expectNoLeftovers,
  },

  // The command line.
  {
    name: "an unknown argument prints what is wrong and the usage, without a stack trace",
    args: ["--outt", "public"],
    code: 1,
    says: [
      "Unknown option --outt.",
      'Unexpected argument "public".',
      "Usage: npm run build -- [--out DIR] [--debug]",
    ],
    check: (site) => expect(site.exists("public")).toBe(false),
  },
  {
    name: "--out without a folder prints what is wrong and the usage",
    args: ["--out"],
    code: 1,
    says: ["--out needs a folder, such as --out public.", "Usage: npm run build"],
  },
  {
    name: "a broken template fails in one line per error, pointing at --debug",
    files: { "src/zz-broken.njk": "---\npermalink: /broken.html\n---\n{{ nothing.here }}\n" },
    code: 1,
    says: [
      "Build failed. Having trouble rendering njk template ./src/zz-broken.njk",
      "  because: (./src/zz-broken.njk) [Line 1, Column 1] attempted to output null or undefined value",
      "Run the build again with --debug to see where it failed.",
    ],
  },
  {
    name: "--debug adds the stack trace, naming the TypeScript sources",
    env: { SITE_URL: "ftp://newsroom.example.com" },
    args: ["--debug"],
    code: 1,
    says: ["environment variable SITE_URL: url:", /^\s+at .+[/\\]lib[/\\]content[/\\]site\.ts:\d+:\d+\)?$/m],
  },
];
