// Static pages (lib/content/pages.ts): what a writer's file becomes, and
// every mistake named with its file and field, all in one run.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadPages } from "../../../lib/content/pages.ts";
import { reservedSlugs } from "../../../lib/view/page-kinds.ts";
import { problemsThrownBy, tempProject, testRegistry } from "../../support/temp-project.ts";

const load = (root: string) =>
  loadPages({ rootDir: root, registry: testRegistry, reservedSlugs: reservedSlugs() });

describe("static pages", () => {
  it("are read with their front matter and paired by slug or translationKey", () => {
    const root = tempProject({
      "src/pages/en/about.md":
        '---\ntitle: About us\ndescription: "Who we are."\nnav: 2\n---\nWe make things.\n',
      "src/pages/zh/guanyu.md": "---\ntitle: 关于我们\ntranslationKey: about\n---\n正文。\n",
    });
    const pages = load(root);
    expect(pages.map((p) => [p.file, p.slug, p.translationKey, p.title, p.nav])).toEqual([
      ["src/pages/en/about.md", "about", "about", "About us", 2],
      ["src/pages/zh/guanyu.md", "guanyu", "about", "关于我们", undefined],
    ]);
    expect(pages[0]?.description).toBe("Who we are.");
    expect(pages[0]?.body).toBe("We make things.\n");
  });

  it("are none when there is no src/pages/ folder", () => {
    expect(load(tempProject({}))).toEqual([]);
  });

  it("name every mistake with file and field, with the key a typo meant", () => {
    const root = tempProject({
      "src/pages/en/no-title.md": "---\ndescription: Missing its title\n---\nx\n",
      "src/pages/en/typo.md": "---\ntitle: Typo\nNav: 1\nsummary: wrong key\n---\nx\n",
      "src/pages/en/bad-nav.md": "---\ntitle: Bad nav\nnav: first\n---\nx\n",
      "src/pages/en/Bad_Name.md": "---\ntitle: Bad name\n---\nx\n",
      "src/pages/en/search.md": "---\ntitle: Our search\n---\nx\n",
      "src/pages/en/broken.md": "---\ntitle: [unclosed\n---\nx\n",
      "src/pages/fr/a-propos.md": "---\ntitle: À propos\n---\nx\n",
      "src/pages/loose.md": "---\ntitle: Loose\n---\nx\n",
    });
    const problems = problemsThrownBy(() => load(root));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/pages\/en\/no-title\.md \| title \| required/),
        expect.stringMatching(/^src\/pages\/en\/typo\.md \| Nav \| unknown key; did you mean nav\?/),
        expect.stringMatching(
          /^src\/pages\/en\/typo\.md \| summary \| unknown key; did you mean description\?/,
        ),
        expect.stringMatching(/^src\/pages\/en\/bad-nav\.md \| nav \| expected a whole number/),
        expect.stringMatching(/^src\/pages\/en\/Bad_Name\.md \| file name \| "Bad_Name" is not a valid slug/),
        expect.stringMatching(
          /^src\/pages\/en\/search\.md \| file name \| "search" is a URL the site uses itself/,
        ),
        expect.stringMatching(/^src\/pages\/en\/broken\.md:\d+ \| {2}\| invalid YAML/),
        expect.stringMatching(
          /^src\/pages\/fr\/ \| {2}\| locale folder "fr" is not in locales\/registry\.json/,
        ),
        expect.stringMatching(/^src\/pages\/loose\.md \| {2}\| a page must be inside a locale folder/),
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it("refuse a slug or translation key used twice in one locale", () => {
    const root = tempProject({
      "src/pages/en/about.md": "---\ntitle: A\n---\nx\n",
      "src/pages/en/about.markdown": "---\ntitle: B\n---\nx\n",
      "src/pages/en/team.md": "---\ntitle: C\ntranslationKey: about\n---\nx\n",
    });
    expect(problemsThrownBy(() => load(root))).toEqual([
      expect.stringMatching(
        /^src\/pages\/en\/about\.md \| file name \| slug "about" is already used by src\/pages\/en\/about\.markdown/,
      ),
      expect.stringMatching(
        /^src\/pages\/en\/team\.md \| translationKey \| "about" is already used by src\/pages\/en\/about\.markdown/,
      ),
    ]);
  });

  it("refuse a link that leads outside src/pages/, naming it", () => {
    const root = tempProject({ "src/pages/en/about.md": "---\ntitle: A\n---\nx\n" });
    symlinkSync("/etc/hostname", path.join(root, "src/pages/en/leak.md"));
    expect(problemsThrownBy(() => load(root))).toEqual([
      expect.stringMatching(/^src\/pages\/en\/leak\.md \| link \| .*outside src\/pages\//),
    ]);
  });

  it("refuse a file that is not UTF-8, naming the encoding", () => {
    const root = tempProject({});
    const gbk = Buffer.concat([
      Buffer.from("---\ntitle: "),
      Buffer.from([0xb9, 0xd8, 0xd3, 0xda]),
      Buffer.from("\n---\n"),
    ]);
    const file = path.join(root, "src/pages/zh/about.md");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, gbk);
    expect(problemsThrownBy(() => load(root))).toEqual([
      expect.stringMatching(/^src\/pages\/zh\/about\.md \| encoding \| expected UTF-8/),
    ]);
  });
});
