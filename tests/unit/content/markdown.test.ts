import { describe, expect, it } from "vitest";
import { markdown, slugifyHeading } from "../../../lib/content/markdown.ts";

describe("markdown", () => {
  it("gives headings ids, keeping Chinese characters readable", () => {
    const html = markdown.render("## Production highlights\n\n## 产线亮点：2024\n");
    expect(html).toContain('<h2 id="production-highlights">');
    expect(html).toContain('<h2 id="产线亮点2024">');
  });

  it("slugifies punctuation away", () => {
    expect(slugifyHeading("  Q&A: What's next?  ")).toBe("qa-whats-next");
  });
});
