import { describe, expect, it } from "vitest";
import { markdown, renderBody, renderInline, slugifyHeading } from "../../../lib/content/markdown.ts";

const page = (source: string) => renderBody(source, { allowRawHtml: false });

describe("markdown", () => {
  it("gives headings ids, keeping Chinese characters readable", () => {
    const html = markdown.render("## Production highlights\n\n## 产线亮点：2024\n");
    expect(html).toContain('<h2 id="production-highlights">');
    expect(html).toContain('<h2 id="产线亮点2024">');
  });

  it("slugifies punctuation away", () => {
    expect(slugifyHeading("  Q&A: What's next?  ")).toBe("qa-whats-next");
  });

  it("links addresses with a scheme or www., never plain text that looks like a domain", () => {
    const html = markdown.render(
      "1.To fight a tough battle, see https://example.com/a, www.example.org/b, example.com or press@example.com.",
    );
    expect(html).toBe(
      '<p>1.To fight a tough battle, see <a href="https://example.com/a">https://example.com/a</a>, <a href="https://www.example.org/b">www.example.org/b</a>, example.com or press@example.com.</p>\n',
    );
    expect(markdown.render("<mailto:press@example.com>")).toContain('href="mailto:press@example.com"');
  });

  it("leaves Markdown links to other schemes as text", () => {
    for (const link of [
      "[x](javascript:alert(1))",
      "[x](data:text/html,x)",
      "[x](ftp://example.com/)",
      "![x](vbscript:x)",
    ]) {
      expect(markdown.render(link), link).not.toContain("<a");
      expect(markdown.render(link), link).not.toContain("<img");
    }
    expect(markdown.render("[x](/en/) [y](tel:+8610) ![z](a.png)")).toBe(
      '<p><a href="/en/">x</a> <a href="tel:+8610">y</a> <img src="a.png" alt="z"></p>\n',
    );
  });
});

describe("a release body", () => {
  it("is markdown-it's own output when it has no raw HTML", () => {
    const source = "## Title\n\n- a\n- b\n\n| a |\n|--:|\n| 1 |\n\n```js\nx\n```\n\n---\n";
    expect(page(source)).toEqual({ html: markdown.render(source), removed: [], firstParagraph: "a" });
  });

  it("has its raw HTML sanitized, and what was removed listed", () => {
    const { html, removed } = page('Text <script>alert(1)</script> and <img src="a.png" onerror="alert(1)">');
    expect(html).toBe('<p>Text  and <img src="a.png" /></p>\n');
    expect(removed.map((r) => [r.kind, r.tag, r.attribute])).toEqual([
      ["element", "script", undefined],
      ["attribute", "img", "onerror"],
    ]);
  });

  it("is published as written when the site allows raw HTML", () => {
    const source = '<div class="note" onclick="x()">Hi</div>';
    expect(renderBody(source, { allowRawHtml: true })).toEqual({
      html: source,
      removed: [],
      firstParagraph: "",
    });
  });

  it("keeps everything after an unclosed comment, as Markdown", () => {
    const { html } = page("Intro\n\n<!-- unfinished note\n\n## Later\n\nMore text\n");
    expect(html).toBe(
      '<p>Intro</p>\n<p>&lt;!-- unfinished note</p>\n<h2 id="later">Later</h2>\n<p>More text</p>\n',
    );
    expect(page("A <!-- inline\n\nB <!-- x --> C\n").html).toBe("<p>A &lt;!-- inline</p>\n<p>B  C</p>\n");
    expect(page("<div>\n<!-- in a block\n\nAfter\n").html).toContain("<p>After</p>");
  });

  it("keeps everything after an unclosed script, style or iframe", () => {
    for (const opener of [
      "<script>",
      "<style>",
      '<iframe src="https://player.vimeo.com/video/1">',
      "<textarea>",
    ]) {
      expect(page(`A ${opener} b\n\n## Still here\n`).html, opener).toContain(
        '<h2 id="still-here">Still here</h2>',
      );
      expect(page(`${opener}\n\n## Still here\n`).html, opener).toContain(
        '<h2 id="still-here">Still here</h2>',
      );
    }
  });

  it("drops a closed comment and what it hides", () => {
    expect(page("<!-- note for editors -->\n\nVisible\n")).toEqual({
      html: "\n<p>Visible</p>\n",
      removed: [],
      firstParagraph: "Visible",
    });
  });
});

describe("the first paragraph's text", () => {
  const first = (source: string) => page(source).firstParagraph;

  it("is the plain text of the first paragraph with text, markup and raw HTML left out", () => {
    const source =
      "# Title\n\n![photo](a.jpg)\n\nSales **rose** [36%](https://x.example) in `Q1`\nand <b>Q2</b>.\n\nMore.";
    expect(first(source)).toBe("Sales rose 36% in Q1 and Q2.");
  });

  it("takes a list item when no paragraph comes first, and is empty without text", () => {
    expect(first("## Only a heading\n\n- a list item\n")).toBe("a list item");
    expect(first("## Only a heading\n")).toBe("");
  });

  it("is the text as written, whatever the sanitizer removes from the HTML", () => {
    expect(first('Read <img src=x onerror="alert(1)">the **full** text.\n')).toBe("Read the full text.");
    expect(renderBody("Plain <i>words</i>\n", { allowRawHtml: true }).firstParagraph).toBe("Plain words");
  });
});

describe("renderInline", () => {
  it("renders emphasis and links without a paragraph, and reduces raw HTML like a body", () => {
    expect(renderInline("Fixed the *figure*.", { allowRawHtml: false })).toEqual({
      html: "Fixed the <em>figure</em>.",
      removed: [],
    });
    const hostile = renderInline('Fixed <script>alert(1)</script><img src=x onerror="alert(1)">.', {
      allowRawHtml: false,
    });
    expect(hostile.html).not.toMatch(/script|onerror/);
    expect(hostile.removed.length).toBeGreaterThan(0);
    expect(renderInline("[x](javascript:alert(1))", { allowRawHtml: false }).html).not.toContain("href");
  });
});
