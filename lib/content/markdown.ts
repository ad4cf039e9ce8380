// The one markdown-it instance: Eleventy uses it as its Markdown library and
// the release loader renders bodies with it, so both agree on the output.
import MarkdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import { splitHan } from "../search/han.ts";

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

function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItAnchor, { slugify: slugifyHeading, tabIndex: false });
  // The copy of a release given to the search index splits Han text into
  // single characters (see han.ts); rendering for pages leaves it alone.
  md.core.ruler.push("split_han_for_index", (state) => {
    if (!(state.env as RenderEnv | undefined)?.splitHan) return;
    for (const token of state.tokens) {
      for (const child of token.children ?? []) {
        if (child.type === "text") child.content = splitHan(child.content);
      }
    }
  });
  return md;
}

export interface RenderEnv {
  splitHan?: boolean;
}

export const markdown = createMarkdown();
