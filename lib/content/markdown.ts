// The one markdown-it instance, and the one way a release body becomes HTML
// (renderBody): pages, both feeds and the search index all take a body from
// here, so all of them get the same sanitized markup.
import MarkdownIt from "markdown-it";
import htmlBlock from "markdown-it/lib/rules_block/html_block.mjs";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import type Token from "markdown-it/lib/token.mjs";
import markdownItAnchor from "markdown-it-anchor";
import { ALLOWED_SCHEMES, type Removal, sanitizeBodyHtml } from "./sanitize.ts";

/**
 * Heading ids keep CJK and other letters as they are (browsers and fragment
 * links handle them) instead of percent-encoding them into unreadable ids.
 */
export function slugifyHeading(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/** Markdown links, images and autolinks: the schemes raw HTML may use too (sanitize.ts), or a relative address. */
export function isAllowedLink(url: string): boolean {
  const scheme = SCHEME.exec(url.trim().toLowerCase())?.[1];
  return scheme === undefined || (ALLOWED_SCHEMES as readonly string[]).includes(scheme);
}

// HTML blocks that end only at a closing sequence (CommonMark types 1 to 5):
// without one, markdown-it makes the rest of the body one raw block, and a
// browser (or the sanitizer) then hides it inside a comment or a script.
const CLOSED_BLOCKS: [RegExp, RegExp][] = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];

function htmlBlockUnlessUnclosed(state: StateBlock, startLine: number, endLine: number, silent: boolean) {
  const start = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  const line = state.src.slice(start, state.eMarks[startLine]);
  const sequence = CLOSED_BLOCKS.find(([open]) => open.test(line));
  if (sequence) {
    const rest = state.src.slice(start, state.eMarks[endLine - 1] ?? state.src.length);
    // Not a block: the line is read as a paragraph, where an unclosed opener is text.
    if (!sequence[1].test(rest)) return false;
  }
  return htmlBlock(state, startLine, endLine, silent);
}

// Openers that swallow everything up to their closer: a comment, and the
// elements HTML parsers read as raw text. One whose closer appears in no
// later raw HTML is written as text, so it cannot hide the rest of the body.
const SWALLOWING = /<!--|<(script|style|title|textarea|xmp|iframe|noembed|noframes|noscript)(?=[\s/>]|$)/gi;

function escapeUnclosedOpeners(tokens: readonly Token[]): void {
  const raw: Token[] = [];
  for (const token of tokens) {
    if (token.type === "html_block") raw.push(token);
    for (const child of token.children ?? []) if (child.type === "html_inline") raw.push(child);
  }
  raw.forEach((token, index) => {
    SWALLOWING.lastIndex = 0;
    if (!SWALLOWING.test(token.content)) return;
    const later = raw
      .slice(index + 1)
      .map((t) => t.content)
      .join("\n");
    token.content = token.content.replace(
      SWALLOWING,
      (opener: string, name: string | undefined, offset: number) => {
        const after = token.content.slice(offset + opener.length) + later;
        const closer = name ? new RegExp(`</${name}\\s*>`, "i") : /-->/;
        return closer.test(after) ? opener : `&lt;${opener.slice(1)}`;
      },
    );
  });
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItAnchor, { slugify: slugifyHeading, tabIndex: false });
  md.validateLink = isAllowedLink;
  md.block.ruler.at("html_block", htmlBlockUnlessUnclosed, { alt: ["paragraph", "reference", "blockquote"] });
  // Plain text that looks like a domain ("1.To fight a tough battle", a
  // file name) is not a link: only an address with a scheme or "www." is.
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false });
  md.linkify.add("www.", {
    validate: (text, pos, self) => {
      const re = self.re as Record<string, string | RegExp>;
      re.www ??= new RegExp(
        `^(?:(?:${re.src_domain})\\.)+${re.src_domain_root}${re.src_port}${re.src_host_terminator}${re.src_path}`,
        "i",
      );
      return (re.www as RegExp).exec(text.slice(pos))?.[0].length ?? 0;
    },
    normalize: (match) => {
      match.url = `https://${match.url}`;
    },
  });
  md.core.ruler.push("escape_unclosed_html", (state) => {
    escapeUnclosedOpeners(state.tokens);
  });
  return md;
}

export const markdown = createMarkdown();

export interface BodyOptions {
  /** The site's `allowRawHtml`: publish raw HTML in bodies as written. */
  allowRawHtml: boolean;
}

export interface RenderedBody {
  html: string;
  /** What the sanitizer took out; empty when nothing was, or raw HTML is allowed. */
  removed: Removal[];
}

/** A body rendered, with the text a description is cut from, read from the same parse. */
export interface BodyRendering extends RenderedBody {
  /** The first paragraph's plain text; empty when no paragraph has text. */
  firstParagraph: string;
}

/**
 * A release body as HTML. Raw HTML in it is reduced to the allow-list in
 * sanitize.ts. A body without raw HTML is markdown-it's own output, which
 * escapes all text and attributes and links only to isAllowedLink
 * addresses, so it is left exactly as markdown-it wrote it.
 */
export function renderBody(source: string, options: BodyOptions, md: MarkdownIt = markdown): BodyRendering {
  const env = {};
  const tokens = md.parse(source, env);
  const firstParagraph = firstParagraphText(tokens);
  const html = md.renderer.render(tokens, md.options, env);
  const hasRawHtml = tokens.some(
    (t) => t.type === "html_block" || t.children?.some((c) => c.type === "html_inline"),
  );
  const body = options.allowRawHtml || !hasRawHtml ? { html, removed: [] } : sanitizeBodyHtml(html);
  return { ...flattened(body), firstParagraph };
}

/**
 * The HTML as one flat string. markdown-it and the sanitizer build it by
 * concatenation, which V8 keeps as a tree of the pieces until something
 * reads its characters, and such a tree takes about twice the memory of
 * the text. A build holds every rendered body until it ends (the page, its
 * feeds and its index document read it), so it is flattened once here:
 * converting a string to a number reads it, which flattens it in place.
 */
function flattened(body: RenderedBody): RenderedBody {
  Number(body.html);
  return body;
}

/**
 * A one-paragraph note (a release's `correction`) as inline HTML: Markdown
 * emphasis and links, no blocks; raw HTML in it goes through the same
 * allow-list as a body's, and what it removed is reported the same way.
 */
export function renderInline(source: string, options: BodyOptions, md: MarkdownIt = markdown): RenderedBody {
  const tokens = md.parseInline(source, {});
  const html = md.renderer.render(tokens, md.options, {});
  const hasRawHtml = tokens.some((t) => t.children?.some((c) => c.type === "html_inline"));
  if (options.allowRawHtml || !hasRawHtml) return { html, removed: [] };
  return sanitizeBodyHtml(html);
}

/**
 * The plain text of the first paragraph that has any (a paragraph of only
 * an image is passed over): what describes a release that has no summary.
 * Markup and raw HTML are left out, line breaks become spaces.
 */
function firstParagraphText(tokens: readonly Token[]): string {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type !== "paragraph_open") continue;
    const inline = tokens[i + 1];
    const text = (inline?.children ?? [])
      .map((child) =>
        child.type === "text" || child.type === "code_inline"
          ? child.content
          : child.type === "softbreak" || child.type === "hardbreak"
            ? " "
            : "",
      )
      .join("")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text;
  }
  return "";
}
