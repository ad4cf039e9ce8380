// Hostile and careless input: markup in release bodies, front matter and
// locale bundles. Run by tests/build/hostile-input.test.ts.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { type FixtureSite, releaseFile } from "../../support/fixture-site.ts";
import { type HostileCase, outputTexts } from "../../support/hostile.ts";
import { page } from "../../support/html.ts";

/** An English release whose body is `body`, at src/releases/en/<slug>.md. */
function body(slug: string, text: string): Record<string, string> {
  return {
    [`src/releases/en/${slug}.md`]: releaseFile({ title: `Case ${slug}`, releaseTime: "2025-02-01" }, text),
  };
}

/** The release page's body as HTML. */
function bodyHtml(site: FixtureSite, slug: string): string {
  return page(site, `/en/releases/${slug}/`)(".release-body").html() ?? "";
}

/** No output file (pages, feeds, the decompressed search index) contains `text`. */
function nowhere(site: FixtureSite, text: string): void {
  for (const [file, content] of outputTexts(site)) {
    expect(content.includes(text), `${file} contains ${text}`).toBe(false);
  }
}

/** Rewrites a project file for one case; returns the undo. */
function edit(site: FixtureSite, relative: string, change: (text: string) => string): () => void {
  const file = path.join(site.dir, relative);
  const original = readFileSync(file, "utf8");
  writeFileSync(file, change(original));
  return () => writeFileSync(file, original);
}

function editJson(
  site: FixtureSite,
  relative: string,
  change: (bundle: Record<string, Record<string, unknown>>) => void,
) {
  return edit(site, relative, (text) => {
    const bundle = JSON.parse(text) as Record<string, Record<string, unknown>>;
    change(bundle);
    return JSON.stringify(bundle, null, 2);
  });
}

/** The build printed no warning about a release body. */
const noBodyWarning = (printed: string) => expect(printed).not.toMatch(/: body: /);

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
  {
    name: "a <script> in a body is in no output file, feeds and search index included, and the warning names the file",
    files: body(
      "script-body",
      'Before the script.\n\n<script>window.pwned = "ScriptCanary91";</script>\n\nAfter the script, <script>alert("ScriptCanary91")</script> inline.\n',
    ),
    code: 0,
    says: [
      "src/releases/en/script-body.md: body: <script> removed 2 times, with its content (raw HTML is not allowed; see allowRawHtml)",
    ],
    check: (site) => {
      nowhere(site, "ScriptCanary91");
      expect(bodyHtml(site, "script-body")).toContain("After the script,  inline.");
      expect(site.read("_site/en/feed.json")).toContain("Before the script.");
      expect(site.read("_site/en/feed.xml")).toContain("After the script,");
    },
  },
  {
    name: "an <img onerror> keeps the image and loses the handler",
    files: body("img-onerror", 'A chart: <img src="chart.png" alt="Chart" onerror="alert(\'ImgCanary\')">\n'),
    code: 0,
    says: ["src/releases/en/img-onerror.md: body: onerror attribute removed from <img>"],
    check: (site) => {
      nowhere(site, "ImgCanary");
      expect(bodyHtml(site, "img-onerror")).toContain('<img src="chart.png" alt="Chart">');
    },
  },
  {
    name: "a link to javascript: keeps its text and loses the address",
    files: body("javascript-link", "Read <a href=\"javascript:alert('LinkCanary')\">the report</a>.\n"),
    code: 0,
    says: [
      `src/releases/en/javascript-link.md: body: href "javascript:alert('LinkCanary')" removed from <a>`,
    ],
    check: (site) => {
      nowhere(site, "LinkCanary");
      expect(bodyHtml(site, "javascript-link")).toContain("<a>the report</a>");
    },
  },
  {
    name: "a <form> posting to javascript: is removed, its text kept",
    files: body(
      "form-body",
      '<form action="javascript:alert(\'FormCanary\')"><input name="email" placeholder="Your e-mail"><button>Subscribe</button></form>\n',
    ),
    code: 0,
    says: ["src/releases/en/form-body.md: body: <form> removed, its text kept"],
    check: (site) => {
      nowhere(site, "FormCanary");
      const html = bodyHtml(site, "form-body");
      expect(html).not.toMatch(/<form|<input|<button/);
      expect(html).toContain("Subscribe");
    },
  },
  {
    name: "an <iframe> from a host not on the list is removed, and the warning says which hosts are",
    files: body(
      "evil-iframe",
      'Watch:\n\n<iframe src="https://evil.example/FrameCanary"></iframe>\n\nEnd.\n',
    ),
    code: 0,
    says: [
      'src/releases/en/evil-iframe.md: body: <iframe src="https://evil.example/FrameCanary"> removed (embedded players may come from https://www.youtube-nocookie.com',
    ],
    check: (site) => {
      nowhere(site, "FrameCanary");
      expect(bodyHtml(site, "evil-iframe")).not.toContain("<iframe");
      expect(bodyHtml(site, "evil-iframe")).toContain("End.");
    },
  },
  {
    name: "a video from YouTube's privacy-enhanced host is kept, with safe attributes only",
    files: body(
      "video-body",
      'The launch:\n\n<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Launch video" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>\n',
    ),
    code: 0,
    check: (site, result) => {
      noBodyWarning(result.stdout + result.stderr);
      const $ = page(site, "/en/releases/video-body/");
      const frame = $(".release-body iframe");
      expect(frame.attr("src")).toBe("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
      expect(frame.attr("title")).toBe("Launch video");
      expect(frame.attr("allow")).toBe("encrypted-media; picture-in-picture");
    },
  },
  {
    name: "an unclosed <!-- hides nothing after it",
    files: body(
      "unclosed-comment",
      "Intro paragraph.\n\n<!-- note to self: check figures\n\n## Results\n\nRevenue grew 12 percent.\n",
    ),
    code: 0,
    check: (site) => {
      const $ = page(site, "/en/releases/unclosed-comment/");
      expect($(".release-body h2#results").text()).toBe("Results");
      expect($(".release-body").text()).toContain("Revenue grew 12 percent.");
      expect($(".release-body").text()).toContain("<!-- note to self");
      expect($("footer.site-footer").length, "the page after the body is intact").toBeGreaterThan(0);
    },
  },
  {
    name: "a <style> in a body is removed with its rules",
    files: body("style-body", "<style>body { display: none } /* StyleCanary */</style>\n\nVisible text.\n"),
    code: 0,
    says: ["src/releases/en/style-body.md: body: <style> removed, with its content"],
    check: (site) => {
      nowhere(site, "StyleCanary");
      expect(bodyHtml(site, "style-body")).toContain("Visible text.");
    },
  },
  {
    name: "a Markdown table and an HTML figure with a caption are kept, without warnings",
    files: body(
      "table-figure",
      '| Year | Output |\n|:-----|-------:|\n| 2024 | 1.2 GWh |\n\n<figure>\n<img src="line.jpg" alt="The new line">\n<figcaption>The new line in Shenzhen</figcaption>\n</figure>\n',
    ),
    code: 0,
    check: (site, result) => {
      noBodyWarning(result.stdout + result.stderr);
      const $ = page(site, "/en/releases/table-figure/");
      expect($(".release-body table td").last().attr("style")).toBe("text-align:right");
      expect($(".release-body figure img").attr("alt")).toBe("The new line");
      expect($(".release-body figcaption").text()).toBe("The new line in Shenzhen");
    },
  },
  {
    name: "text that looks like a domain is not a link; https:// and www. addresses are",
    files: body(
      "fuzzy-links",
      "1.To fight a tough battle, read report.pdf at https://example.com/report or www.example.org/news.\n",
    ),
    code: 0,
    check: (site) => {
      const $ = page(site, "/en/releases/fuzzy-links/");
      expect(
        $(".release-body a")
          .toArray()
          .map((a) => `${$(a).attr("href")} ${$(a).text()}`),
      ).toEqual([
        "https://example.com/report https://example.com/report",
        "https://www.example.org/news www.example.org/news",
      ]);
      expect($(".release-body").text()).toContain("1.To fight a tough battle, read report.pdf at");
    },
  },
  {
    name: "an .svg in a media kit is refused, with what to attach instead",
    files: {
      "src/releases/en/svg-kit.md":
        "---\ntitle: SVG kit\nreleaseTime: 2025-02-01\nattachments:\n  - logo.svg\n---\nLogo.\n",
      "src/releases/en/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    },
    code: 1,
    says: [
      'src/releases/en/svg-kit.md: attachments: "logo.svg" is an SVG image: a browser would run scripts in it as part of this site; attach a PNG, JPEG or PDF instead, or the file in a .zip',
    ],
  },
  {
    name: "a link that gives a text file an .html name in a media kit is refused",
    files: {
      "src/releases/en/renamed-kit.md":
        "---\ntitle: Renamed kit\nreleaseTime: 2025-02-01\nattachments:\n  - page.html\n---\nKit.\n",
      "src/releases/en/notes.txt": "<img src=x onerror=alert(1)>\n",
    },
    links: { "src/releases/en/page.html": "notes.txt" },
    code: 1,
    says: ['src/releases/en/renamed-kit.md: attachments: "page.html" is a web page'],
  },
  {
    name: "an .html page in a media kit is refused",
    files: {
      "src/releases/en/html-kit.md":
        "---\ntitle: HTML kit\nreleaseTime: 2025-02-01\nattachments:\n  - file: press/kit.html\n    title: Press kit\n---\nKit.\n",
      "src/releases/en/press/kit.html": "<!doctype html><script>alert(1)</script>",
    },
    code: 1,
    says: [
      'src/releases/en/html-kit.md: attachments: "press/kit.html" is a web page: a browser would run scripts',
    ],
  },
  {
    name: "an SVG named .jpg in a media kit is refused by its content",
    files: {
      "src/releases/en/fake-jpg.md":
        "---\ntitle: Fake JPEG\nreleaseTime: 2025-02-01\nattachments:\n  - photo.jpg\n---\nPhoto.\n",
      "src/releases/en/photo.jpg": '\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    },
    code: 1,
    says: ['src/releases/en/fake-jpg.md: attachments: "photo.jpg" holds markup (it starts with "<svg")'],
  },
  {
    name: "a bundle value that is an object where text belongs stops the build, naming the bundle and the key",
    setup: (site) =>
      editJson(site, "locales/zh/translation.json", (bundle) => {
        (bundle.release as Record<string, unknown>).time = { text: "发布时间" };
      }),
    code: 1,
    says: [
      "locales/zh/translation.json: release.time: expected text, found an object: write the text in quotes, as locales/en/translation.json has it",
    ],
  },
  {
    name: "a key missing from the source bundle stops the build, naming the key and where it is used",
    setup: (site) =>
      editJson(site, "locales/en/translation.json", (bundle) => {
        delete (bundle.release as Record<string, unknown>).time;
      }),
    code: 1,
    says: [
      /_includes\/partials\/release-meta\.njk:\d+: release\.time: used here but not in locales\/en\/translation\.json; add it there \(and to every other bundle\)/,
    ],
  },
  {
    name: "a template asking for a key no bundle has stops the build, naming the template and the key",
    setup: (site) =>
      edit(site, "src/release.njk", (text) =>
        text.replace("<article", '<p>{{ "release.embargoNotice" | t(code) }}</p>\n<article'),
      ),
    code: 1,
    says: [
      /src\/release\.njk:\d+: release\.embargoNotice: used here but not in locales\/en\/translation\.json/,
    ],
  },
  {
    name: "allowRawHtml: true publishes raw HTML as written, without warnings",
    files: body(
      "raw-allowed",
      '<div class="callout">Note for <abbr title="journalists">press</abbr></div>\n',
    ),
    setup: (site) =>
      edit(
        site,
        "_data/site.ts",
        () =>
          'import { defineSite } from "../lib/content/site.ts";\n\nexport default defineSite({ url: "https://newsroom.example.com", allowRawHtml: true });\n',
      ),
    code: 0,
    check: (site, result) => {
      noBodyWarning(result.stdout + result.stderr);
      expect(bodyHtml(site, "raw-allowed")).toContain(
        '<div class="callout">Note for <abbr title="journalists">press</abbr></div>',
      );
    },
  },
];
