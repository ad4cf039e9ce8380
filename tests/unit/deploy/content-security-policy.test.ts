// The site's Content-Security-Policy: what it allows is what the site loads.
// The browser tier (tests/browser/content-security-policy.test.ts) proves
// that every page of a built site loads under it without a violation.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderBody } from "../../../lib/content/markdown.ts";
import { VIDEO_HOSTS } from "../../../lib/content/sanitize.ts";
import { formatPolicy, siteContentSecurityPolicy } from "../../../lib/deploy/content-security-policy.ts";

const strict = siteContentSecurityPolicy({ allowRawHtml: false });

describe("the site's policy", () => {
  it("allows exactly the style attributes a Markdown table writes, by hash", () => {
    const { html } = renderBody("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n", {
      allowRawHtml: false,
    });
    const styles = new Set([...html.matchAll(/style="([^"]*)"/g)].map((m) => m[1] as string));
    expect(styles.size).toBe(3);
    const hashes = [...styles].map((s) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`);
    expect(new Set(strict.get("style-src-attr"))).toEqual(new Set(["'unsafe-hashes'", ...hashes]));
    expect(strict.get("style-src")).toEqual(["'self'"]);
  });

  it("runs only the site's own scripts, with WebAssembly for search but no eval", () => {
    expect(strict.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(strict.get("worker-src")).toEqual(["'self'"]);
    expect(strict.get("object-src")).toEqual(["'none'"]);
  });

  it("frames only the video players a release body may embed", () => {
    expect(strict.get("frame-src")).toEqual(VIDEO_HOSTS.map((host) => `https://${host}`));
  });

  it("lets inline scripts and styles run when the site publishes raw HTML as written", () => {
    const raw = siteContentSecurityPolicy({ allowRawHtml: true });
    expect(raw.get("script-src")).toContain("'unsafe-inline'");
    expect(raw.get("style-src")).toContain("'unsafe-inline'");
    // A style-src-attr would take precedence over style-src's 'unsafe-inline'.
    expect(raw.has("style-src-attr")).toBe(false);
  });
});

describe("formatPolicy", () => {
  it("writes directives separated by semicolons", () => {
    const policy = new Map([
      ["default-src", ["'self'"]],
      ["img-src", ["'self'", "https:"]],
    ]);
    expect(formatPolicy(policy)).toBe("default-src 'self'; img-src 'self' https:");
  });
});
