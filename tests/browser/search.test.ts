// Searching releases in a browser, in both languages: Chinese words from the
// middle of sentences (found only with Pagefind's word segmentation),
// English stemming, filters, sorting, the empty state, and search offline
// after one visit.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { segmentFor } from "../../lib/view/segments.ts";
import { openBrowser } from "../../scripts/bench/chromium.ts";
import { bundleText } from "../support/bundles.ts";
import { releaseFile } from "../support/fixture-site.ts";
import { type ServedSite, searchSettled, serveFixtureSite } from "../support/served-site.ts";

let served: ServedSite;

beforeAll(async () => {
  served = await serveFixtureSite({
    "src/releases/en/storage-cabinet.md": releaseFile(
      {
        title: "Acme launches a storage cabinet",
        releaseTime: "2024-09-05",
        company: "Acme Power",
        tags: ["storage"],
      },
      "The new cabinet keeps energy in lithium batteries for factories and shops.",
    ),
    "src/releases/zh/storage-cabinet.md": releaseFile(
      { title: "艾克姆发布新款机柜", releaseTime: "2024-09-05", company: "艾克姆电力", tags: ["storage"] },
      "公司今天发布新一代储能柜，面向工厂和商场，帮助用户在电价高峰时段节省开支。",
    ),
    "src/releases/en/cell-line.md": releaseFile(
      { title: "Acme opens a cell line", releaseTime: "2025-03-12T10:00:00+08:00", company: "Acme Power" },
      "Each battery cell from the line is scanned twice before it ships.",
    ),
    "src/releases/zh/cell-line.md": releaseFile(
      { title: "艾克姆新产线投产", releaseTime: "2025-03-12T10:00:00+08:00", company: "艾克姆电力" },
      "新建的圆柱电池产线正式投产，每一颗锂电池出厂前都要经过两次扫描检测。",
    ),
    "src/releases/en/rice-trial.md": releaseFile(
      { title: "Green Fields reports a rice trial", releaseTime: "2026-02-01", company: "Green Fields" },
      "Drought-tolerant rice gave a steady harvest; field batteries powered the sensors.",
    ),
    "src/releases/zh/rice-trial.md": releaseFile(
      { title: "绿野公布水稻试验结果", releaseTime: "2026-02-01", company: "绿野农业" },
      "抗旱水稻在试验田中表现稳定，田间传感器由太阳能供电。",
    ),
  });
});

afterAll(async () => {
  await served?.close();
});

/** Opens the search page for a query and waits for its results. */
async function search(page: Page, locale: string, params: string): Promise<string[]> {
  await page.goto(`${served.server.origin}/${locale}/search/${params}`);
  return searchSettled(page);
}

describe("search in Chinese", () => {
  it.each([
    ["储能", "/zh/releases/storage-cabinet/"],
    ["锂电池", "/zh/releases/cell-line/"],
    ["圆柱电池", "/zh/releases/cell-line/"],
    ["水稻", "/zh/releases/rice-trial/"],
  ])("finds a word from the middle of a sentence: %s", async (word, url) => {
    const page = await served.browser.context.newPage();
    const results = await search(page, "zh", `?q=${encodeURIComponent(word)}`);
    expect(results.slice(0, 5)).toContain(url);
    expect(results.every((r) => r.startsWith("/zh/"))).toBe(true);
    await page.close();
  });

  it("shows title, localized release time, company and a highlighted excerpt", async () => {
    const page = await served.browser.context.newPage();
    await search(page, "zh", `?q=${encodeURIComponent("锂电池")}`);
    const first = page.locator(".result").first();
    expect(await first.locator("h2").textContent()).toBe("艾克姆新产线投产");
    // Date, then time, then zone, as the release page writes it.
    expect(await first.locator(".date").textContent()).toMatch(/^2025年3月12日\D*10:00\D*\+8\D*$/);
    expect(await first.locator(".company").textContent()).toBe("艾克姆电力");
    // The release's own text, put back together from the index's character pairs (lib/search/han.ts).
    expect(await first.locator(".excerpt").textContent()).toContain("圆柱电池产线正式投产，每一颗锂电池");
    expect(await first.locator(".excerpt mark").allTextContents()).toEqual(["锂电池"]);
    expect(await page.locator(".search-status").textContent()).toBe(
      bundleText(served.site.dir, "zh", "search.results", { count: 1 }),
    );
    await page.close();
  });

  it("shows a localized empty state", async () => {
    const page = await served.browser.context.newPage();
    expect(await search(page, "zh", `?q=${encodeURIComponent("足球")}`)).toEqual([]);
    expect(await page.locator(".search-status").textContent()).toContain("没有与“足球”匹配的新闻稿");
    await page.close();
  });
});

describe("the newsroom's own pages", () => {
  const pageLinks = (page: Page) =>
    page
      .locator(".page-matches:not([hidden]) a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));

  it("are offered above release results, not mixed into them, for a company's name or 'contacts'", async () => {
    const page = await served.browser.context.newPage();
    const results = await search(page, "en", "?q=green+fields");
    expect(await pageLinks(page)).toEqual(["/en/companies/green-fields/"]);
    expect(results.every((r) => r.startsWith("/en/releases/"))).toBe(true);
    const contacts = await search(page, "en", "?q=contacts");
    expect(await pageLinks(page)).toEqual(["/en/contacts/"]);
    expect(contacts).toEqual([]);
    await search(page, "zh", `?q=${encodeURIComponent("艾克姆")}`);
    expect(await pageLinks(page)).toEqual([`/zh/companies/${segmentFor("艾克姆电力")}/`]);
    await page.close();
  });
});

describe("search in English", () => {
  it.each(["battery", "batteries"])("matches across word forms: %s", async (word) => {
    const page = await served.browser.context.newPage();
    const results = await search(page, "en", `?q=${word}`);
    expect(results).toEqual(
      expect.arrayContaining([
        "/en/releases/storage-cabinet/",
        "/en/releases/cell-line/",
        "/en/releases/rice-trial/",
      ]),
    );
    await page.close();
  });

  it("narrows results with a company filter", async () => {
    const page = await served.browser.context.newPage();
    expect(await search(page, "en", "?q=battery")).toHaveLength(3);
    await page.getByRole("checkbox", { name: /Green Fields/ }).check();
    await page.waitForFunction(() => document.querySelectorAll(".result").length === 1);
    expect(await searchSettled(page)).toEqual(["/en/releases/rice-trial/"]);
    // The URL holds the company's key, not its label.
    expect(page.url()).toContain("company=green-fields");
    await page.close();
  });

  it("reads filter keys and the older label-style links alike", async () => {
    const page = await served.browser.context.newPage();
    expect(await search(page, "en", "?tag=storage")).toEqual(["/en/releases/storage-cabinet/"]);
    expect(await search(page, "en", "?q=battery&company=Green+Fields")).toEqual(["/en/releases/rice-trial/"]);
    expect(await page.getByRole("checkbox", { name: /Green Fields/ }).isChecked()).toBe(true);
    expect(await search(page, "zh", `?company=${encodeURIComponent("绿野农业")}`)).toEqual([
      "/zh/releases/rice-trial/",
    ]);
    await page.close();
  });

  it("narrows results with a year filter from the URL", async () => {
    const page = await served.browser.context.newPage();
    expect(await search(page, "en", "?q=battery&year=2025")).toEqual(["/en/releases/cell-line/"]);
    await page.close();
  });

  it("sorts by newest release time", async () => {
    const page = await served.browser.context.newPage();
    expect(await search(page, "en", "?q=battery&sort=newest")).toEqual([
      "/en/releases/rice-trial/",
      "/en/releases/cell-line/",
      "/en/releases/storage-cabinet/",
    ]);
    await page.close();
  });

  it("searches from the box in any page's header", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/en/releases/rice-trial/`);
    await page.getByRole("searchbox").fill("cabinet");
    await page.getByRole("searchbox").press("Enter");
    await page.waitForURL(/\/en\/search\/\?q=cabinet$/);
    expect(await searchSettled(page)).toEqual(["/en/releases/storage-cabinet/"]);
    await page.close();
  });
});

describe("offline after one visit", () => {
  it("saves a small index after the first search, so any search works offline, in both languages", async () => {
    const offline = await openBrowser();
    try {
      const page = await offline.context.newPage();
      await page.goto(`${served.server.origin}/zh/releases/cell-line/`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // One search per language, online; the index is small, so it is saved by itself.
      for (const [locale, query] of [
        ["zh", "储能"],
        ["en", "cell"],
      ] as const) {
        await search(page, locale, `?q=${encodeURIComponent(query)}`);
        await page.waitForSelector('.offline-index[data-state="saved"]');
        expect(await page.locator(".offline-index-save").isHidden()).toBe(true);
      }

      await offline.context.setOffline(true);
      // Queries never asked online.
      expect(await search(page, "zh", `?q=${encodeURIComponent("圆柱电池")}`)).toEqual([
        "/zh/releases/cell-line/",
      ]);
      expect(await search(page, "en", "?q=cabinet")).toEqual(["/en/releases/storage-cabinet/"]);

      await page.goto(`${served.server.origin}/zh/releases/cell-line/`);
      expect(await page.locator("h1").textContent()).toBe("艾克姆新产线投产");

      await page.goto(`${served.server.origin}/zh/releases/rice-trial/`);
      expect(await page.locator("h1").textContent()).toBe(bundleText(served.site.dir, "zh", "offline.title"));
      // Every link of the offline page leads to a page that is available offline.
      const links = await page
        .locator("main a, .language-switcher a")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        await page.goto(link);
        expect(await page.locator("h1").first().textContent()).not.toMatch(/offline|离线状态/);
      }
      await page.goto(`${served.server.origin}/en/releases/rice-trial/`);
      expect(await page.locator("h1").textContent()).toBe("You are offline");
    } finally {
      await offline.close();
    }
  });
});

describe("a site hosted under a path prefix", () => {
  it("searches and works offline from /newsroom/", async () => {
    const prefixed = await serveFixtureSite(
      {
        "src/releases/en/cell-line.md": releaseFile(
          { title: "Acme opens a cell line", releaseTime: "2025-03-12" },
          "Each battery cell is scanned.",
        ),
        "src/releases/zh/cell-line.md": releaseFile(
          { title: "艾克姆新产线投产", releaseTime: "2025-03-12" },
          "每一颗锂电池都要扫描。",
        ),
      },
      { env: { PATH_PREFIX: "/newsroom/" }, mount: "/newsroom/" },
    );
    const origin = prefixed.server.origin;
    try {
      const page = await prefixed.browser.context.newPage();
      await page.goto(`${origin}/newsroom/zh/search/?q=${encodeURIComponent("锂电池")}`);
      expect(await searchSettled(page)).toEqual(["/newsroom/zh/releases/cell-line/"]);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await page.goto(`${origin}/newsroom/en/search/?q=cell`);
      await searchSettled(page);
      await page.waitForSelector('.offline-index[data-state="saved"]');
      await prefixed.browser.context.setOffline(true);
      await page.goto(`${origin}/newsroom/en/search/?q=battery`);
      expect(await searchSettled(page)).toEqual(["/newsroom/en/releases/cell-line/"]);
    } finally {
      await prefixed.close();
    }
  });
});

describe("typing with an input method", () => {
  it("searches nothing and keeps the URL until the composition ends", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/zh/search/`);
    await searchSettled(page);
    const prompt = await page.locator(".search-status").textContent();
    const cdp = await served.browser.context.newCDPSession(page);
    await page.focus("#search-query");
    for (const text of ["c", "chu", "chuneng"]) {
      await cdp.send("Input.imeSetComposition", {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
      await page.waitForTimeout(400);
    }
    // Longer than the typing pause: a search would have started by now.
    await page.waitForTimeout(800);
    expect(await page.inputValue("#search-query")).toBe("chuneng");
    expect(new URL(page.url()).search).toBe("");
    expect(await page.locator(".search-status").textContent()).toBe(prompt);
    expect(await page.locator(".result").count()).toBe(0);

    await cdp.send("Input.insertText", { text: "储能" });
    await page.waitForFunction(() => new URL(location.href).searchParams.get("q") === "储能");
    expect(await searchSettled(page)).toContain("/zh/releases/storage-cabinet/");
    await page.close();
  });
});

describe("on a 390-px phone", () => {
  it("shows results first, filters behind a button, and does not shift the layout", async () => {
    const page = await served.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${served.server.origin}/en/search/?q=battery`);
    await searchSettled(page);
    await page.waitForTimeout(1000);
    const cls = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
    );
    console.log(`search page at 390 px: cumulative layout shift ${cls.toFixed(3)}`);
    expect(cls).toBeLessThan(0.1);

    const first = await page.locator(".result").first().boundingBox();
    expect(first?.y ?? Infinity).toBeLessThan(844);
    expect(await page.locator(".search-filters").isVisible()).toBe(false);
    const toggle = page.locator(".filters-toggle");
    const strings = JSON.parse((await page.locator("#search").getAttribute("data-strings")) ?? "{}");
    expect(await toggle.textContent()).toBe(strings.filtersShow);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await page.locator(".search-filters fieldset").first().isVisible()).toBe(true);
    await page.close();
  });
});

describe("the search in the URL", () => {
  it("moves between searches with Back and Forward", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/en/search/?q=cabinet`);
    await searchSettled(page);
    await page.fill("#search-query", "rice");
    await page.press("#search-query", "Enter");
    await page.waitForFunction(() => location.search === "?q=rice");
    expect(await searchSettled(page)).toEqual(["/en/releases/rice-trial/"]);
    await page.goBack();
    await page.waitForFunction(() => location.search === "?q=cabinet");
    await page.waitForFunction(
      () => document.querySelector(".result a")?.getAttribute("href") === "/en/releases/storage-cabinet/",
    );
    expect(await page.inputValue("#search-query")).toBe("cabinet");
    await page.goForward();
    await page.waitForFunction(
      () => document.querySelector(".result a")?.getAttribute("href") === "/en/releases/rice-trial/",
    );
    await page.close();
  });

  it("keeps the search when switching language", async () => {
    const page = await served.browser.context.newPage();
    await page.goto(`${served.server.origin}/en/search/?q=${encodeURIComponent("储能")}&year=2024`);
    await searchSettled(page);
    await page.locator('.language-switcher a[hreflang="zh-CN"]').click();
    await page.waitForURL(/\/zh\/search\//);
    expect(new URL(page.url()).searchParams.get("q")).toBe("储能");
    expect(new URL(page.url()).searchParams.get("year")).toBe("2024");
    expect(await searchSettled(page)).toEqual(["/zh/releases/storage-cabinet/"]);
    await page.close();
  });
});
