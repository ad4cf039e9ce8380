// The one home of markup built in code. Templates rely on Nunjucks
// autoescape; JSON that goes into a <script> element comes from here.

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
