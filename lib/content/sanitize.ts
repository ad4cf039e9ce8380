// What raw HTML a release body may keep. Release bodies are written by
// communications staff and published on the site's origin, in its feeds and
// in its search index, so HTML typed into Markdown is reduced to this
// allow-list (sanitize-html) unless the site sets `allowRawHtml: true`
// (lib/content/site.ts). Everything removed is reported, so the build can
// name the release and what it lost (lib/content/markdown.ts renders,
// lib/build/newsroom.ts reports).
import sanitizeHtml from "sanitize-html";

/** Link and image addresses may use these schemes, or be relative. Markdown links follow the same rule (markdown.ts). */
export const ALLOWED_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Hosts whose players may be embedded with <iframe>, over https only. */
export const VIDEO_HOSTS = [
  "www.youtube-nocookie.com",
  "youtube-nocookie.com",
  "player.vimeo.com",
  "player.bilibili.com",
] as const;

/** How a table column may be aligned: markdown-it writes `style="text-align:<value>"`, and the site's Content-Security-Policy allows exactly these (lib/deploy/content-security-policy.ts). */
export const TABLE_ALIGNMENTS = ["left", "right", "center"] as const;

/** Permissions a video player may ask for in an iframe's `allow`; camera, microphone, geolocation and the rest are dropped. */
const IFRAME_PERMISSIONS = new Set(["fullscreen", "picture-in-picture", "encrypted-media"]);

/**
 * The allow-list: what Markdown itself produces (headings with their ids,
 * paragraphs, lists, tables with column alignment, code with its language,
 * blockquotes, emphasis, links, images, line breaks and rules), plus figures
 * with captions, superscript and subscript, and video players from
 * VIDEO_HOSTS. No scripts, styles (only a table cell's text-align), event
 * handlers, forms, objects or other frames; comments are dropped.
 */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  h1: ["id"],
  h2: ["id"],
  h3: ["id"],
  h4: ["id"],
  h5: ["id"],
  h6: ["id"],
  a: ["href", "title"],
  img: ["src", "alt", "title", "width", "height"],
  ol: ["start"],
  th: ["style", "colspan", "rowspan", "scope"],
  td: ["style", "colspan", "rowspan"],
  iframe: [
    "src",
    "title",
    "width",
    "height",
    "allow",
    "allowfullscreen",
    "frameborder",
    "loading",
    "referrerpolicy",
  ],
};

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code"],
    ...["ul", "ol", "li", "em", "strong", "s", "sup", "sub", "a", "img"],
    ...["table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "iframe"],
  ],
  allowedAttributes: ALLOWED_ATTRIBUTES,
  // Fenced code keeps its language (```js → class="language-js").
  allowedClasses: { code: ["language-*"] },
  // markdown-it aligns table columns with style="text-align:…".
  allowedStyles: {
    th: { "text-align": [new RegExp(`^(${TABLE_ALIGNMENTS.join("|")})$`)] },
    td: { "text-align": [new RegExp(`^(${TABLE_ALIGNMENTS.join("|")})$`)] },
  },
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesByTag: { img: ["http", "https"], iframe: ["https"] },
  allowedIframeHostnames: [...VIDEO_HOSTS],
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  transformTags: {
    iframe: (tagName, attribs) => {
      const allow = attribs.allow
        ?.split(";")
        .map((p) => p.trim())
        .filter((p) => IFRAME_PERMISSIONS.has(p.split(/\s/)[0] ?? ""));
      const { allow: _dropped, ...rest } = attribs;
      return { tagName, attribs: allow?.length ? { ...rest, allow: allow.join("; ") } : rest };
    },
  },
};

/** Elements whose content goes with them (sanitize-html's default nonTextTags). */
const CONTENT_DROPPED = new Set(["script", "style", "textarea", "option", "xmp"]);
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);

/** Whether an iframe address is a player from VIDEO_HOSTS, as sanitize-html decides with the options above. */
export function isVideoPlayer(src: string | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src, "https://relative.invalid/");
    return url.protocol === "https:" && (VIDEO_HOSTS as readonly string[]).includes(url.hostname);
  } catch {
    return false;
  }
}

/** One kind of thing the sanitizer took out of a body, and how often. */
export interface Removal {
  kind: "element" | "attribute" | "address" | "frame";
  /** Element name, without brackets. */
  tag: string;
  /** Attribute name, for "attribute" and "address". */
  attribute?: string;
  /** The address refused, for "address" and "frame". */
  value?: string;
  count: number;
}

export interface Sanitized {
  html: string;
  removed: Removal[];
}

/**
 * Reduces HTML to the allow-list and lists what it removed. What was
 * removed is found by comparing each element and attribute the parser saw
 * with those written out, so the report cannot drift from the allow-list.
 */
export function sanitizeBodyHtml(html: string): Sanitized {
  const seen = new Map<string, Removal>();
  const kept = new Map<string, number>();
  const keyOf = (r: Omit<Removal, "count">) => `${r.kind}\u0000${r.tag}\u0000${r.attribute}\u0000${r.value}`;
  const see = (r: Omit<Removal, "count">) => {
    const key = keyOf(r);
    const entry = seen.get(key);
    if (entry) entry.count += 1;
    else seen.set(key, { ...r, count: 1 });
  };
  const keep = (r: Omit<Removal, "count">) => {
    const key = keyOf(r);
    kept.set(key, (kept.get(key) ?? 0) + 1);
  };
  const allowedTags = new Set(OPTIONS.allowedTags || []);

  const record = (
    into: (r: Omit<Removal, "count">) => void,
    tag: string,
    attribs: Record<string, string>,
  ) => {
    into({ kind: "element", tag });
    for (const [attribute, value] of Object.entries(attribs)) {
      into(
        URL_ATTRIBUTES.has(attribute)
          ? { kind: "address", tag, attribute, value }
          : { kind: "attribute", tag, attribute },
      );
    }
  };

  const clean = sanitizeHtml(html, {
    ...OPTIONS,
    onOpenTag: (tag, attribs) => {
      // A player from elsewhere goes whole, and is reported as one thing.
      if (tag === "iframe" && !isVideoPlayer(attribs.src))
        see({ kind: "frame", tag, value: attribs.src ?? "" });
      else record(see, tag, attribs);
    },
    // Called for each element written out, with the attributes left on it.
    exclusiveFilter: (frame) => {
      if (!allowedTags.has(frame.tag)) return false;
      // An iframe whose address was refused would be an empty box.
      if (frame.tag === "iframe" && !frame.attribs.src) return true;
      record(keep, frame.tag, frame.attribs);
      return false;
    },
  });

  const removed: Removal[] = [];
  for (const [key, entry] of seen) {
    const count = entry.count - (kept.get(key) ?? 0);
    if (count > 0) removed.push({ ...entry, count });
  }
  // An attribute gone with its element is not news: the element is reported.
  const goneElements = new Set(removed.filter((r) => r.kind === "element").map((r) => r.tag));
  return {
    html: clean,
    removed: removed.filter((r) => r.kind === "element" || r.kind === "frame" || !goneElements.has(r.tag)),
  };
}

const times = (n: number) => (n > 1 ? ` ${n} times` : "");

/** `<script> removed (raw HTML is not allowed; see allowRawHtml)`: one line of a build warning. */
export function describeRemoval(r: Removal): string {
  const why = "raw HTML is not allowed; see allowRawHtml";
  switch (r.kind) {
    case "element":
      return CONTENT_DROPPED.has(r.tag)
        ? `<${r.tag}> removed${times(r.count)}, with its content (${why})`
        : `<${r.tag}> removed${times(r.count)}, its text kept (${why})`;
    case "attribute":
      return `${r.attribute} attribute removed from <${r.tag}>${times(r.count)} (${why})`;
    case "address":
      return `${r.attribute} ${JSON.stringify(r.value)} removed from <${r.tag}>${times(r.count)} (addresses may use ${ALLOWED_SCHEMES.join(", ")} or be relative)`;
    case "frame":
      return `<iframe src=${JSON.stringify(r.value)}> removed${times(r.count)} (embedded players may come from https://${VIDEO_HOSTS.join(", https://")} only)`;
  }
}
