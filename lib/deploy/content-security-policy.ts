// The Content-Security-Policy every page is served with (lib/deploy/headers.ts
// puts it into _headers). It allows what the site itself loads and nothing
// more: its own scripts, styles, images, service worker and search index,
// Pagefind's WebAssembly, the video players a release body may embed
// (lib/content/sanitize.ts) and the table alignments Markdown writes.
import { createHash } from "node:crypto";
import { TABLE_ALIGNMENTS, VIDEO_HOSTS } from "../content/sanitize.ts";

export interface PolicyOptions {
  /**
   * The site publishes raw HTML from release bodies as written (`allowRawHtml`
   * in _data/site.ts): inline scripts and styles, images and frames from
   * anywhere are then part of the site, so the policy lets them run.
   */
  allowRawHtml: boolean;
  /**
   * blob: URLs for images and reads: an embargoed preview opens its sealed
   * media-kit files in the browser and offers them as blobs
   * (lib/client/embargo/page.ts).
   */
  blobs?: boolean;
}

/** A CSP source expression for an inline style attribute with exactly this text. */
function styleHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** Directive name to its sources, in the order they are written. */
export type Policy = ReadonlyMap<string, readonly string[]>;

export function siteContentSecurityPolicy({ allowRawHtml, blobs = false }: PolicyOptions): Policy {
  const directives = new Map<string, string[]>([
    ["default-src", ["'self'"]],
    // Pagefind compiles its WebAssembly search engine; 'wasm-unsafe-eval'
    // allows that without allowing eval() of JavaScript. JSON-LD blocks are
    // data, not scripts, and need nothing.
    ["script-src", ["'self'", "'wasm-unsafe-eval'"]],
    // Pagefind runs in a worker it starts from pagefind-worker.js; the
    // service worker is sw.js. Both are the site's own files.
    ["worker-src", ["'self'"]],
    ["style-src", ["'self'"]],
    // Release bodies may keep images from any https address (sanitize.ts);
    // data: URIs are not among the schemes it keeps.
    ["img-src", ["'self'", "https:"]],
    ["frame-src", VIDEO_HOSTS.map((host) => `https://${host}`)],
    ["connect-src", ["'self'"]],
    ["font-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'self'"]],
  ]);
  if (allowRawHtml) {
    directives.set("script-src", ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'", "https:"]);
    directives.set("style-src", ["'self'", "'unsafe-inline'", "https:"]);
    directives.set("img-src", ["'self'", "https:", "data:"]);
    directives.set("frame-src", ["https:"]);
  } else {
    // The only inline styles on a page are the column alignments Markdown
    // writes into tables, allowed by their exact text and nothing else.
    directives.set("style-src-attr", [
      "'unsafe-hashes'",
      ...TABLE_ALIGNMENTS.map((align) => styleHash(`text-align:${align}`)),
    ]);
  }
  if (blobs) {
    for (const name of ["img-src", "connect-src"])
      directives.set(name, [...(directives.get(name) ?? []), "blob:"]);
  }
  return directives;
}

/**
 * The policy of the editor at /admin/ (lib/cms/), looser than the site's:
 * Decap CMS compiles its configuration schema with new Function (so
 * 'unsafe-eval'), injects its styles at run time, previews uploads as data:
 * and blob: URLs, and talks to a git host's API over https or, under
 * `npm run cms`, to the local backend on 127.0.0.1.
 */
export function editorContentSecurityPolicy(): Policy {
  return new Map<string, string[]>([
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:", "https:"]],
    ["media-src", ["'self'", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", "http://127.0.0.1:*", "https:"]],
    ["frame-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["frame-ancestors", ["'self'"]],
  ]);
}

/** The header value: `name source source; name source`. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}
