// The one home of markup built in code. Templates rely on Nunjucks
// autoescape; JSON for <script> elements and the documents given to the
// search index (lib/search/documents.ts) are escaped here.

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/**
 * JSON safe inside <script type="application/ld+json">: "<" is escaped so
 * no value (a headline containing "</script>") can end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
