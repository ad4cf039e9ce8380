import { describe, expect, it } from "vitest";
import { describeRemoval, isVideoPlayer, sanitizeBodyHtml } from "../../../lib/content/sanitize.ts";

const clean = (html: string) => sanitizeBodyHtml(html).html;
const removed = (html: string) => sanitizeBodyHtml(html).removed.map(describeRemoval);

describe("the body sanitizer's allow-list", () => {
  it("keeps what Markdown writes: headings with ids, lists, tables with alignment, code, quotes, links, images", () => {
    const html = [
      '<h2 id="产线亮点">产线亮点</h2>',
      '<ol start="3"><li><em>a</em> <strong>b</strong> <s>c</s></li></ol>',
      '<table><thead><tr><th style="text-align:right">n</th></tr></thead><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>',
      '<pre><code class="language-js">let a = 1;\n</code></pre>',
      "<blockquote><p>Quote<br />line</p></blockquote><hr />",
      '<p><a href="https://example.com/a" title="A">a</a> <a href="/en/">home</a> <a href="mailto:press@example.com">m</a> <a href="tel:+8610">t</a></p>',
      '<p><img src="photo.jpg" alt="" title="T" /></p>',
    ].join("\n");
    expect(sanitizeBodyHtml(html)).toEqual({ html, removed: [] });
  });

  it("keeps figures with captions, superscript and subscript", () => {
    const html =
      '<figure><img src="a.png" alt="A" /><figcaption>H<sub>2</sub>O, 10<sup>3</sup></figcaption></figure>';
    expect(clean(html)).toBe(html);
  });

  it("removes scripts and styles with their content, and says so", () => {
    expect(clean("<p>a<script>alert(1)</script>b</p><style>p{}</style>")).toBe("<p>ab</p>");
    expect(removed("<script>alert(1)</script><script>x</script>")).toEqual([
      "<script> removed 2 times, with its content (raw HTML is not allowed; see allowRawHtml)",
    ]);
  });

  it("removes event handlers, styles, classes and forms, keeping the text", () => {
    expect(clean('<img src="x.png" onerror="alert(1)">')).toBe('<img src="x.png" />');
    expect(clean('<p style="color:red" class="x" onclick="alert(1)">t</p>')).toBe("<p>t</p>");
    expect(clean('<form action="javascript:alert(1)"><input name="q"><button>Go</button></form>')).toBe("Go");
    expect(removed('<img src="x.png" onerror="alert(1)">')).toEqual([
      "onerror attribute removed from <img> (raw HTML is not allowed; see allowRawHtml)",
    ]);
    expect(removed('<form action="/x"><button>Go</button></form>')).toEqual([
      "<form> removed, its text kept (raw HTML is not allowed; see allowRawHtml)",
      "<button> removed, its text kept (raw HTML is not allowed; see allowRawHtml)",
    ]);
  });

  it("allows only http, https, mailto and tel addresses, or relative ones", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "file:///etc/passwd",
    ]) {
      expect(clean(`<a href="${href}">x</a>`), href).toBe("<a>x</a>");
    }
    expect(clean('<img src="data:image/svg+xml,<svg/onload=alert(1)>">')).toBe("<img />");
    expect(removed('<a href="javascript:alert(1)">x</a>')).toEqual([
      'href "javascript:alert(1)" removed from <a> (addresses may use http, https, mailto, tel or be relative)',
    ]);
  });

  it("keeps iframes from the video hosts over https, with safe attributes and permissions only", () => {
    const youtube =
      '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/x" title="Video" frameborder="0" allow="camera; encrypted-media; picture-in-picture" allowfullscreen onload="alert(1)" srcdoc="&lt;script&gt;"></iframe>';
    expect(clean(youtube)).toBe(
      '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/x" title="Video" frameborder="0" allowfullscreen allow="encrypted-media; picture-in-picture"></iframe>',
    );
    expect(removed(youtube)).toEqual([
      "onload attribute removed from <iframe> (raw HTML is not allowed; see allowRawHtml)",
      "srcdoc attribute removed from <iframe> (raw HTML is not allowed; see allowRawHtml)",
    ]);
    expect(clean('<iframe src="https://player.vimeo.com/video/1"></iframe>')).toContain("player.vimeo.com");
    expect(clean('<iframe src="https://player.bilibili.com/player.html?bvid=1"></iframe>')).toContain(
      "player.bilibili.com",
    );
  });

  it("removes an iframe from any other host, or over http, whole", () => {
    for (const src of [
      "https://evil.example/x",
      "http://www.youtube-nocookie.com/embed/x",
      "https://www.youtube-nocookie.com.evil.example/x",
      "javascript:alert(1)",
      "/en/",
    ]) {
      expect(clean(`<p>a<iframe src="${src}">fallback</iframe>b</p>`), src).toBe("<p>ab</p>");
      expect(isVideoPlayer(src), src).toBe(false);
    }
    expect(removed('<iframe src="https://evil.example/x"></iframe>')).toEqual([
      '<iframe src="https://evil.example/x"> removed (embedded players may come from https://www.youtube-nocookie.com, https://youtube-nocookie.com, https://player.vimeo.com, https://player.bilibili.com only)',
    ]);
  });

  it("removes objects, embeds, SVG, base and meta elements", () => {
    expect(
      clean(
        '<object data="x.swf"></object><embed src="x.swf"><svg><script>alert(1)</script></svg><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
      ),
    ).toBe("");
  });

  it("drops comments without a warning: they were never for readers", () => {
    expect(sanitizeBodyHtml("<p>a<!-- note -->b</p>")).toEqual({ html: "<p>ab</p>", removed: [] });
  });
});
