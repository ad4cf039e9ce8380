// @vitest-environment happy-dom
// The search page's rendering, in a DOM without a browser: what each piece
// shows, and that text from the index (titles, excerpts, facet values) never
// becomes markup.
import { describe, expect, it } from "vitest";
import {
  excerptNode,
  facetValues,
  filterControls,
  interpolate,
  plural,
  resultItem,
  showCounts,
  showSelection,
  statusText,
} from "../../../../lib/client/search/render.ts";
import { parseState } from "../../../../lib/client/search/state.ts";

const en = {
  company: "Company",
  year: "Year",
  tag: "Tag",
  clear: "Clear filters",
  prompt: "Type a word, or choose a company, year or tag.",
  loading: "Searching…",
  empty: "No releases match “{{query}}”.",
  results_one: "{{count}} release found",
  results_other: "{{count}} releases found",
  facetCount: "({{number}})",
};
const zh = { empty: "查无“{{query}}”结果", results_other: "找到 {{count}} 篇新闻稿" };

const HOSTILE = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;

describe("strings", () => {
  it("fills placeholders, with or without spaces, and leaves unknown ones", () => {
    expect(interpolate("{{count}} of {{ total }} ({{other}})", { count: 3, total: 9 })).toBe(
      "3 of 9 ({{other}})",
    );
  });

  it("picks the language's plural form, falling back to _other", () => {
    expect(plural(en, "results", 1, "en")).toBe("1 release found");
    expect(plural(en, "results", 7, "en")).toBe("7 releases found");
    expect(plural(zh, "results", 1, "zh-CN")).toBe("找到 1 篇新闻稿");
    expect(plural({}, "results", 2, "en")).toBe("results");
  });
});

describe("the status line", () => {
  it("prompts, says it is searching, and says what was found", () => {
    expect(statusText(en, "en", { kind: "prompt" })).toBe(en.prompt);
    expect(statusText(en, "en", { kind: "loading" })).toBe("Searching…");
    expect(statusText(en, "en", { kind: "answered", query: "battery", count: 1 })).toBe("1 release found");
    expect(statusText(zh, "zh-CN", { kind: "answered", query: "储能", count: 12 })).toBe("找到 12 篇新闻稿");
  });

  it("names the query in the empty state, as the visitor typed it", () => {
    expect(statusText(zh, "zh-CN", { kind: "answered", query: "足球", count: 0 })).toBe("查无“足球”结果");
    expect(statusText(en, "en", { kind: "answered", query: HOSTILE, count: 0 })).toBe(
      `No releases match “${HOSTILE}”.`,
    );
  });

  it("shows the key of a string the bundle lacks, so the gap is visible", () => {
    expect(statusText(en, "en", { kind: "unavailable" })).toBe("unavailable");
  });
});

describe("facet values", () => {
  const counts = {
    year: { "2024": 1, "2026": 2, "2025": 1 },
    company: { zeta: 1, Émile: 1, alpha: 1 },
    tag: { 绿野农业: 1, 艾克姆电力: 1 },
  };

  it("lists years newest first and other values in the language's order", () => {
    expect(facetValues(counts, "year", "en")).toEqual(["2026", "2025", "2024"]);
    expect(facetValues(counts, "company", "en")).toEqual(["alpha", "Émile", "zeta"]);
    // Pinyin order: ài before lǜ.
    expect(facetValues(counts, "tag", "zh-CN")).toEqual(["艾克姆电力", "绿野农业"]);
    expect(facetValues({}, "tag", "en")).toEqual([]);
  });
});

describe("filter controls", () => {
  const available = { company: { "Acme Power": 2, "Green Fields": 1 }, tag: { storage: 2 }, year: {} };

  it("builds one fieldset per facet with values, checked as the state says", () => {
    const { fieldsets, clear } = filterControls(available, parseState("?company=Green+Fields"), en, "en");
    expect(fieldsets.map((f) => f.className)).toEqual(["facet facet-company", "facet facet-tag"]);
    expect(fieldsets.map((f) => f.querySelector("legend")?.textContent)).toEqual(["Company", "Tag"]);
    const boxes = fieldsets.flatMap((f) => Array.from(f.querySelectorAll("input")));
    expect(boxes.map((b) => [b.type, b.name, b.value, b.checked])).toEqual([
      ["checkbox", "company", "Acme Power", false],
      ["checkbox", "company", "Green Fields", true],
      ["checkbox", "tag", "storage", false],
    ]);
    expect(fieldsets[0]?.querySelector("label")?.textContent).toBe(" Acme Power ");
    expect(clear.outerHTML).toBe('<button type="button" class="clear">Clear filters</button>');
  });

  it("shows a hostile value as text, in its label and its checkbox's value", () => {
    const { fieldsets } = filterControls({ tag: { [HOSTILE]: 1 } }, parseState(""), en, "en");
    const label = fieldsets[0]?.querySelector("label");
    expect(label?.querySelector("img, script")).toBeNull();
    expect(label?.textContent).toBe(` ${HOSTILE} `);
    expect(label?.querySelector("input")?.value).toBe(HOSTILE);
  });

  it("writes each value's count, zero when the counts leave it out", () => {
    const box = document.createElement("div");
    box.append(...filterControls(available, parseState(""), en, "en").fieldsets);
    showCounts(box, { company: { "Acme Power": 5 } }, en);
    expect(Array.from(box.querySelectorAll(".facet-count"), (c) => c.textContent)).toEqual([
      "(5)",
      "(0)",
      "(0)",
    ]);
  });

  it("checks exactly the values a new state filters by", () => {
    const box = document.createElement("div");
    box.append(
      ...filterControls(available, parseState("?company=Acme+Power&tag=storage"), en, "en").fieldsets,
    );
    showSelection(box, parseState("?company=Green+Fields"));
    expect(Array.from(box.querySelectorAll("input"), (b) => b.checked)).toEqual([false, true, false]);
  });
});

describe("excerpts", () => {
  it("puts pair-indexed Chinese back together and joins the per-pair marks of a phrase", () => {
    // As Pagefind returns it for 新一代储能柜，储电 with 储能柜 marked (lib/search/han.ts).
    const p = excerptNode("~新一 一代 代储 <mark>储能</mark> <mark>能柜</mark> ^， ^储电");
    expect(p.className).toBe("excerpt");
    expect(p.innerHTML).toBe("新一代<mark>储能柜</mark>，储电");
  });

  it("keeps only text from any other markup", () => {
    const p = excerptNode(`a <em>b</em> <mark>c</mark> ${HOSTILE} d`);
    expect(p.querySelectorAll("*").length).toBe(1);
    expect(p.querySelector("mark")?.textContent).toBe("c");
    expect(p.textContent).toBe("a b c alert(2) d");
  });

  it("shows escaped markup from a release's text as the text it is", () => {
    const p = excerptNode("use &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>battery</mark>");
    expect(p.querySelector("script")).toBeNull();
    expect(p.textContent).toBe("use <script>alert(1)</script> & battery");
    expect(p.innerHTML).toBe("use &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>battery</mark>");
  });

  it("does not join marks across the text between them, nor mark inside another element", () => {
    expect(excerptNode("<mark>a</mark> <mark>b</mark>").innerHTML).toBe("<mark>a</mark> <mark>b</mark>");
    expect(excerptNode("<b><mark>a</mark></b>").innerHTML).toBe("a");
  });
});

describe("a result", () => {
  it("links the title and shows release time, company and excerpt", () => {
    const item = resultItem({
      url: "/zh/releases/cell-line/",
      excerpt: "每一 一颗 颗锂 <mark>锂电</mark> <mark>电池</mark>",
      meta: { title: "艾克姆新产线投产", date: "2025年3月12日", company: "艾克姆电力" },
    });
    expect(item.outerHTML).toBe(
      '<li class="result"><h2><a href="/zh/releases/cell-line/">艾克姆新产线投产</a></h2>' +
        '<p class="result-meta"><span class="date">2025年3月12日</span> · <span class="company">艾克姆电力</span></p>' +
        '<p class="excerpt">每一颗<mark>锂电池</mark></p></li>',
    );
  });

  it("falls back to the URL for a missing title and leaves out missing metadata", () => {
    const item = resultItem({ url: "/en/releases/x/", excerpt: "", meta: { company: "Acme" } });
    expect(item.querySelector("a")?.textContent).toBe("/en/releases/x/");
    expect(item.querySelector(".date")).toBeNull();
    expect(item.querySelector(".result-meta")?.textContent).toBe(" · Acme");
  });

  it("shows a hostile title and metadata as text", () => {
    const item = resultItem({
      url: "/en/releases/x/",
      excerpt: HOSTILE,
      meta: { title: HOSTILE, date: "<b>2025</b>", company: "</p><p>Acme" },
    });
    expect(item.querySelectorAll("img, script, b").length).toBe(0);
    expect(item.querySelector("a")?.textContent).toBe(HOSTILE);
    expect(item.querySelector(".date")?.textContent).toBe("<b>2025</b>");
    expect(item.querySelector(".company")?.textContent).toBe("</p><p>Acme");
    expect(item.querySelectorAll("p").length).toBe(2);
  });
});
