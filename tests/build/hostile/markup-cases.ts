// Hostile and careless input: markup in release bodies, front matter and
// locale bundles. Run by tests/build/hostile-input.test.ts.
import { expect } from "vitest";
import { releaseFile } from "../../support/fixture-site.ts";
import type { HostileCase } from "../../support/hostile.ts";

export const markupCases: HostileCase[] = [
  {
    name: "markup typed into a title is shown as text",
    files: {
      "src/releases/en/markup-title.md": releaseFile({
        title: '<img src=x onerror="alert(1)">',
        releaseTime: "2025-02-01",
      }),
    },
    code: 0,
    check: (site) => {
      const html = site.read("_site/en/releases/markup-title/index.html");
      expect(html).not.toContain("<img src=x");
      expect(html).toContain("&lt;img src=x");
    },
  },
];
