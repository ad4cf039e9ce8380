// The one markdown-it instance: Eleventy uses it as its Markdown library and
// the release loader renders bodies with it, so both agree on the output.
import MarkdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";

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

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
  md.use(markdownItAnchor, { slugify: slugifyHeading, tabIndex: false });
  return md;
}

export const markdown = createMarkdown();
