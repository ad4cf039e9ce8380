// @vitest-environment happy-dom
// The search page's controller on the page's markup (as src/search.njk
// writes it), driven through its events against a fake Pagefind that records
// what it is asked.
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  PAGE_SIZE,
  type PagefindResult,
  startSearch,
  TYPING_DELAY_MS,
} from "../../../../lib/client/search/controller.ts";
import type { FacetCounts } from "../../../../lib/client/search/render.ts";
import {
  openSearchIndex,
  type PagefindInstance,
  type SearchIndex,
} from "../../../../lib/client/search/search-index.ts";

const strings = {
  company: "Company",
  year: "Year",
  tag: "Tag",
  clear: "Clear filters",
  prompt: "Type a word.",
  loading: "Searching…",
  unavailable: "Search could not be loaded.",
  empty: "No releases match “{{query}}”.",
  results_one: "{{count}} release found",
  results_other: "{{count}} releases found",
  partial_one: "{{count}} release found from {{year}} on",
  partial_other: "{{count}} releases found from {{year}} on",
  older: "Search older releases",
  facetCount: "({{number}})",
};

function searchPage(): HTMLElement {
  document.body.innerHTML = `
    <div id="search" data-index-version="v42" data-lang="en">
      <form class="search-form"><input id="search-query" type="search" name="q"><button type="submit">Search</button></form>
      <div class="search-layout" hidden>
        <aside class="search-filters"></aside>
        <section>
          <p class="search-status" role="status"></p>
          <select name="sort"><option value="relevance">Best match</option><option value="newest">Newest first</option></select>
          <ol class="result-list"></ol>
          <button class="more" type="button" hidden>Show more results</button>
        </section>
      </div>
    </div>`;
  const root = document.getElementById("search");
  if (!root) throw new Error("no root");
  root.dataset.strings = JSON.stringify(strings);
  return root;
}

function result(id: string, title = `Release ${id}`): PagefindResult & { opened: () => boolean } {
  let opened = false;
  return {
    id,
    opened: () => opened,
    async data() {
      opened = true;
      return { url: `/en/releases/${id}/`, excerpt: `about <mark>${id}</mark>`, meta: { title } };
    },
  };
}

interface Answer {
  results: PagefindResult[];
  filters?: FacetCounts;
}

const ALL_FILTERS: FacetCounts = {
  company: { "Acme Power": 2, "Green Fields": 1 },
  year: { "2024": 1, "2025": 2 },
};

/** A Pagefind whose answers are looked up by query; an answer may be a promise to hold it back. */
function fakePagefind(answer: (query: string | null) => Answer | Promise<Answer>) {
  const searches: { query: string | null; options: object | undefined }[] = [];
  const setup: unknown[] = [];
  const pagefind: PagefindInstance = {
    async options(options) {
      setup.push(["options", options]);
    },
    async filters() {
      return ALL_FILTERS;
    },
    async search(query, options) {
      searches.push({ query, options });
      const { results, filters } = await answer(query);
      return { results, filters: filters ?? ALL_FILTERS };
    },
  };
  return { pagefind, searches, setup };
}

/**
 * The index as the page opens it, over fake instances, one per part
 * (newest first); the manifest's facet counts are ALL_FILTERS unless given.
 */
function indexOf(
  parts: PagefindInstance | PagefindInstance[],
  filters: FacetCounts = ALL_FILTERS,
): SearchIndex {
  const instances = Array.isArray(parts) ? parts : [parts];
  const keys = instances.map((_, i) => `en-x-y${2025 - i}`);
  const languages: string[] = [];
  return openSearchIndex(
    {
      createInstance: () =>
        instances[keys.indexOf(languages[languages.length - 1] ?? "")] as PagefindInstance,
    },
    {
      base: "/pagefind/",
      version: "v42",
      // 1,000 releases a part: a first search stops after two parts.
      manifest: { parts: keys.map((key, i) => ({ key, years: [2025 - i], pages: 1000 })), filters },
      withLanguage: (language, create) => {
        languages.push(language);
        return create();
      },
    },
  );
}

async function open(search: string, pagefind: PagefindInstance | Error) {
  const root = searchPage();
  const urls: string[] = [];
  /** The history as a list of URLs and where the visitor is in it. */
  const entries = [`/en/search/${search}`];
  let at = 0;
  const location = { pathname: "/en/search/", search };
  const listeners: (() => void)[] = [];
  const go = (url: string) => {
    location.search = url.slice(location.pathname.length);
    urls.push(url);
  };
  await startSearch(root, {
    openIndex: async () => {
      if (pagefind instanceof Error) throw pagefind;
      return indexOf(pagefind);
    },
    location,
    history: {
      replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => {
        entries[at] = String(url);
        go(String(url));
      },
      pushState: (_data: unknown, _unused: string, url?: string | URL | null) => {
        entries.splice(++at, Infinity, String(url));
        go(String(url));
      },
    },
    events: {
      addEventListener: (type: string, listener: unknown) => {
        if (type === "popstate") listeners.push(listener as () => void);
      },
    } as Pick<Window, "addEventListener">,
  });
  /** Back (-1) or Forward (1), as the browser does it: the URL changes, then popstate. */
  const travel = (delta: number) => {
    at += delta;
    location.search = (entries[at] ?? "").slice(location.pathname.length);
    for (const listener of listeners) listener();
  };
  const q = <E extends Element>(selector: string) => {
    const found = root.querySelector<E>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  };
  return {
    root,
    urls,
    entries: () => entries.slice(0, at + 1),
    travel,
    status: () => q(".search-status").textContent,
    links: () => Array.from(root.querySelectorAll(".result h2 a"), (a) => a.getAttribute("href")),
    box: (name: string, value: string) => q<HTMLInputElement>(`input[name="${name}"][value="${value}"]`),
    counts: () => Array.from(root.querySelectorAll(".facet-count"), (c) => c.textContent),
    more: () => q<HTMLButtonElement>(".more"),
    input: () => q<HTMLInputElement>("#search-query"),
    form: () => q<HTMLFormElement>(".search-form"),
    sort: () => q<HTMLSelectElement>('select[name="sort"]'),
    clear: () => q<HTMLButtonElement>(".clear"),
    layout: () => q<HTMLElement>(".search-layout"),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("opening the search page", () => {
  it("prompts when there is nothing to search, opening no part of the index", async () => {
    const fake = fakePagefind(() => ({ results: [] }));
    const page = await open("", fake.pagefind);
    expect(fake.setup).toEqual([]);
    expect(page.layout().hidden).toBe(false);
    expect(page.status()).toBe("Type a word.");
    expect(fake.searches).toEqual([]);
    expect(page.urls).toEqual(["/en/search/"]);
    expect(Array.from(page.root.querySelectorAll("legend"), (l) => l.textContent)).toEqual([
      "Company",
      "Year",
    ]);
    // Counts of the whole index, years newest first.
    expect(page.counts()).toEqual(["(2)", "(1)", "(2)", "(1)"]);
  });

  it("runs the search in the URL and shows its state in the form", async () => {
    const fake = fakePagefind(() => ({
      results: [result("a")],
      filters: { company: { "Acme Power": 1 }, year: { "2025": 1 } },
    }));
    const page = await open("?q=battery&company=Acme+Power&sort=newest", fake.pagefind);
    expect(page.input().value).toBe("battery");
    expect(page.sort().value).toBe("newest");
    expect(page.box("company", "Acme Power").checked).toBe(true);
    expect(page.box("company", "Green Fields").checked).toBe(false);
    expect(fake.searches).toEqual([
      {
        query: "battery",
        options: { filters: { company: { any: ["Acme Power"] } }, sort: { date: "desc" } },
      },
    ]);
    expect(page.links()).toEqual(["/en/releases/a/"]);
    expect(page.status()).toBe("1 release found");
    expect(page.counts()).toEqual(["(1)", "(0)", "(1)", "(0)"]);
    expect(page.urls).toEqual(["/en/search/?q=battery&company=Acme+Power&sort=newest"]);
  });

  it("sets a part up with this index's cache tag and asks for a Chinese word as a phrase of its pairs", async () => {
    const fake = fakePagefind((query) => ({
      results: query === "新能 能源" ? [result("a"), result("b")] : [result("b")],
    }));
    const page = await open(`?q=${encodeURIComponent("新能源")}`, fake.pagefind);
    expect(fake.setup).toEqual([["options", { excerptLength: 30, metaCacheTag: "v42" }]]);
    // The ranking search is for the words as this runtime's segmenter splits them.
    expect(fake.searches.map((s) => s.query)).toContain('"新能 能源"');
    expect(page.links()).toEqual(["/en/releases/b/"]);
  });

  it("searches the newest parts first and older ones when the visitor asks", async () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => result(`${prefix}${i}`));
    const parts = [ids("new", 3), ids("mid", 2), ids("old", 4)].map((found) =>
      fakePagefind(() => ({ results: found })),
    );
    const root = searchPage();
    await startSearch(root, {
      openIndex: async () =>
        indexOf(
          parts.map((p) => p.pagefind),
          { year: { "2025": 3, "2024": 2, "2023": 4 } },
        ),
      location: { pathname: "/en/search/", search: "?q=battery" },
      history: { replaceState() {}, pushState() {} },
    });
    const status = () => root.querySelector(".search-status")?.textContent;
    const more = root.querySelector<HTMLButtonElement>(".more") as HTMLButtonElement;
    // The first two parts are searched, then the visitor is told where the search stopped.
    expect(parts.map((p) => p.searches.length)).toEqual([1, 1, 0]);
    expect(status()).toBe("5 releases found from 2024 on");
    expect(root.querySelectorAll(".result")).toHaveLength(5);
    expect(more.hidden).toBe(false);
    expect(more.textContent).toBe("Search older releases");
    // The fake answers every part with its own facet counts; a year not searched yet has none.
    const count = (year: string) =>
      root.querySelector(`input[name="year"][value="${year}"]`)?.parentElement?.querySelector(".facet-count")
        ?.textContent;
    expect(count("2023")).toBe("");
    more.click();
    await vi.waitFor(() => expect(root.querySelectorAll(".result")).toHaveLength(9));
    expect(parts.map((p) => p.searches.length)).toEqual([1, 1, 1]);
    expect(status()).toBe("9 releases found");
    expect(more.hidden).toBe(true);
    expect(count("2023")).not.toBe("");
    // Newest part first, each part in its own order.
    expect(Array.from(root.querySelectorAll(".result a"), (a) => a.getAttribute("href"))[5]).toBe(
      "/en/releases/old0/",
    );
  });

  it("searches only the parts of the years a year filter asks for", async () => {
    const parts = [0, 1, 2].map(() => fakePagefind(() => ({ results: [result("a")] })));
    const root = searchPage();
    await startSearch(root, {
      openIndex: async () => indexOf(parts.map((p) => p.pagefind)),
      location: { pathname: "/en/search/", search: "?q=battery&year=2023" },
      history: { replaceState() {}, pushState() {} },
    });
    expect(parts.map((p) => p.searches.length)).toEqual([0, 0, 1]);
  });

  it("says search is unavailable when Pagefind cannot be loaded", async () => {
    const page = await open("?q=battery", new Error("offline"));
    expect(page.status()).toBe("Search could not be loaded.");
    expect(page.layout().hidden).toBe(false);
    expect(page.root.querySelectorAll("fieldset")).toHaveLength(0);
  });

  it("does nothing on a page without the search markup", async () => {
    document.body.innerHTML = '<div id="search"></div>';
    const openIndex = vi.fn();
    const root = document.getElementById("search") as HTMLElement;
    await startSearch(root, { openIndex, location, history });
    expect(openIndex).not.toHaveBeenCalled();
  });
});

describe("results", () => {
  it("shows a page at a time, opening only the results shown", async () => {
    const all = Array.from({ length: PAGE_SIZE * 2 + 3 }, (_, i) => result(String(i)));
    const page = await open("?q=battery", fakePagefind(() => ({ results: all })).pagefind);
    expect(page.links()).toHaveLength(PAGE_SIZE);
    expect(all.filter((r) => r.opened())).toHaveLength(PAGE_SIZE);
    expect(page.more().hidden).toBe(false);
    expect(page.status()).toBe("23 releases found");
    page.more().click();
    await vi.waitFor(() => expect(page.links()).toHaveLength(PAGE_SIZE * 2));
    page.more().click();
    await vi.waitFor(() => expect(page.links()).toHaveLength(all.length));
    expect(page.links()[22]).toBe("/en/releases/22/");
    expect(page.more().hidden).toBe(true);
  });

  it("shows a hostile query and title as text", async () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const fake = fakePagefind((query) => ({ results: query === "safe" ? [result("a", hostile)] : [] }));
    const page = await open(`?q=${encodeURIComponent(hostile)}`, fake.pagefind);
    expect(page.status()).toBe(`No releases match “${hostile}”.`);
    expect(page.root.querySelector(".search-status")?.children).toHaveLength(0);
    page.input().value = "safe";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(page.status()).toBe("1 release found"));
    expect(page.root.querySelector(".result-list img")).toBeNull();
    expect(page.root.querySelector(".result h2")?.textContent).toBe(hostile);
  });
});

describe("changing the search", () => {
  it("searches a submitted query at once, trimmed, and keeps it in the URL", async () => {
    const fake = fakePagefind(() => ({ results: [result("a"), result("b")] }));
    const page = await open("", fake.pagefind);
    page.input().value = "  cabinet ";
    const submit = new Event("submit", { cancelable: true });
    page.form().dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(page.status()).toBe("Searching…");
    await vi.waitFor(() => expect(page.status()).toBe("2 releases found"));
    expect(fake.searches.map((s) => s.query)).toEqual(["cabinet"]);
    expect(page.urls.at(-1)).toBe("/en/search/?q=cabinet");
  });

  it("searches once typing pauses, for what was typed last", async () => {
    vi.useFakeTimers();
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    const page = await open("", fake.pagefind);
    for (const typed of ["b", "ba", "bat"]) {
      page.input().value = typed;
      page.input().dispatchEvent(new Event("input"));
      await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS - 1);
    }
    expect(fake.searches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.searches.map((s) => s.query)).toEqual(["bat"]);
  });

  it("filters by a checked value, sorts, and clears the filters", async () => {
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    const page = await open("?q=battery", fake.pagefind);
    page.box("year", "2025").click();
    await vi.waitFor(() => expect(fake.searches).toHaveLength(2));
    expect(fake.searches[1]?.options).toEqual({ filters: { year: { any: ["2025"] } } });
    expect(page.urls.at(-1)).toBe("/en/search/?q=battery&year=2025");

    page.sort().value = "newest";
    page.sort().dispatchEvent(new Event("change", { bubbles: true }));
    await vi.waitFor(() => expect(fake.searches).toHaveLength(3));
    expect(fake.searches[2]?.options).toEqual({
      filters: { year: { any: ["2025"] } },
      sort: { date: "desc" },
    });

    page.clear().click();
    await vi.waitFor(() => expect(fake.searches).toHaveLength(4));
    expect(page.box("year", "2025").checked).toBe(false);
    expect(fake.searches[3]?.options).toEqual({ filters: {}, sort: { date: "desc" } });
    expect(page.urls.at(-1)).toBe("/en/search/?q=battery&sort=newest");
  });

  it("prompts again when the query is emptied and no filter is left", async () => {
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    const page = await open("?q=battery", fake.pagefind);
    page.input().value = " ";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    expect(page.status()).toBe("Type a word.");
    expect(page.links()).toEqual([]);
    expect(page.more().hidden).toBe(true);
    expect(page.urls.at(-1)).toBe("/en/search/");
  });

  it("shows only the latest search when an earlier one answers later", async () => {
    let answerSlow: (answer: Answer) => void = () => {};
    const slow = new Promise<Answer>((resolve) => {
      answerSlow = resolve;
    });
    const fake = fakePagefind((query) => (query === "slow" ? slow : { results: [result("fast")] }));
    const page = await open("", fake.pagefind);
    page.input().value = "slow";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    page.input().value = "fast";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(page.status()).toBe("1 release found"));
    answerSlow({ results: [result("old1"), result("old2")] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(page.links()).toEqual(["/en/releases/fast/"]);
    expect(page.status()).toBe("1 release found");
  });

  it("shows only the latest search when an earlier one's results open later", async () => {
    let openSlow: () => void = () => {};
    const opened = new Promise<void>((resolve) => {
      openSlow = resolve;
    });
    let opening = false;
    const slowResult: PagefindResult = {
      id: "old",
      async data() {
        opening = true;
        await opened;
        return { url: "/en/releases/old/", excerpt: "", meta: {} };
      },
    };
    const fake = fakePagefind((query) => ({ results: query === "slow" ? [slowResult] : [result("fast")] }));
    const page = await open("", fake.pagefind);
    page.input().value = "slow";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(opening).toBe(true));
    page.input().value = "fast";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(page.status()).toBe("1 release found"));
    openSlow();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(page.links()).toEqual(["/en/releases/fast/"]);
  });
});

describe("an input method composing", () => {
  it("searches nothing and leaves the URL alone until the composition ends", async () => {
    vi.useFakeTimers();
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    const page = await open("", fake.pagefind);
    const urlsBefore = [...page.urls];
    page.input().dispatchEvent(new Event("compositionstart"));
    for (const typed of ["c", "chu", "chuneng"]) {
      page.input().value = typed;
      page.input().dispatchEvent(new InputEvent("input", { isComposing: true }));
      await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS * 2);
    }
    // Enter confirms a candidate; it is not a search.
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS * 2);
    expect(fake.searches).toEqual([]);
    expect(page.urls).toEqual(urlsBefore);
    page.input().value = "储能";
    page.input().dispatchEvent(new Event("compositionend"));
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    expect(fake.searches.map((s) => s.query)).toContain("储能");
    expect(fake.searches.map((s) => s.query).join()).not.toMatch(/[a-z]/);
    expect(page.urls.at(-1)).toBe(`/en/search/?q=${encodeURIComponent("储能")}`);
  });
});

describe("history", () => {
  it("makes each committed search an entry that Back and Forward return to", async () => {
    const fake = fakePagefind((query) => ({ results: [result(query ?? "all")] }));
    const page = await open("?q=first", fake.pagefind);
    page.input().value = "second";
    page.form().dispatchEvent(new Event("submit", { cancelable: true }));
    await vi.waitFor(() => expect(page.links()).toEqual(["/en/releases/second/"]));
    page.box("year", "2025").click();
    await vi.waitFor(() => expect(fake.searches).toHaveLength(3));
    expect(page.entries()).toEqual([
      "/en/search/?q=first",
      "/en/search/?q=second",
      "/en/search/?q=second&year=2025",
    ]);

    page.travel(-1);
    await vi.waitFor(() => expect(fake.searches).toHaveLength(4));
    expect(page.box("year", "2025").checked).toBe(false);
    page.travel(-1);
    await vi.waitFor(() => expect(page.links()).toEqual(["/en/releases/first/"]));
    expect(page.input().value).toBe("first");
    page.travel(1);
    await vi.waitFor(() => expect(page.links()).toEqual(["/en/releases/second/"]));
    expect(page.input().value).toBe("second");
    // Moving through history made no new entries.
    expect(page.entries()).toHaveLength(2);
  });

  it("makes one entry of a burst of typing", async () => {
    vi.useFakeTimers();
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    const page = await open("", fake.pagefind);
    for (const typed of ["bat", "battery", "battery cell"]) {
      page.input().value = typed;
      page.input().dispatchEvent(new Event("input"));
      await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    }
    expect(page.entries()).toEqual(["/en/search/", "/en/search/?q=battery+cell"]);
  });
});

describe("after Show more", () => {
  it("moves focus to the first result that was not shown before", async () => {
    const all = Array.from({ length: PAGE_SIZE + 2 }, (_, i) => result(String(i)));
    const page = await open("?q=battery", fakePagefind(() => ({ results: all })).pagefind);
    page.more().focus();
    page.more().click();
    await vi.waitFor(() => expect(page.links()).toHaveLength(all.length));
    expect(document.activeElement?.getAttribute("href")).toBe(`/en/releases/${PAGE_SIZE}/`);
  });
});

describe("the language switcher", () => {
  it("carries the query, filters and sort to the other languages' search pages", async () => {
    const root = searchPage();
    const nav = document.createElement("nav");
    nav.className = "language-switcher";
    nav.innerHTML = '<a href="/zh/search/">中文</a>';
    document.body.prepend(nav);
    await startSearch(root, {
      openIndex: async () => indexOf(fakePagefind(() => ({ results: [] })).pagefind),
      location: { pathname: "/en/search/", search: "?q=battery&year=2025" },
      history: { replaceState() {}, pushState() {} },
    });
    expect(
      new URL(nav.querySelector("a")?.href ?? "").pathname +
        new URL(nav.querySelector("a")?.href ?? "").search,
    ).toBe("/zh/search/?q=battery&year=2025");
  });
});

describe("filter keys and labels", () => {
  it("shows this language's labels for key values and reads a label from an older link as its key", async () => {
    const root = searchPage();
    root.dataset.labels = JSON.stringify({ company: { acme: "Acme Power", constructor: "Builders" } });
    const fake = fakePagefind(() => ({ results: [result("a")] }));
    await startSearch(root, {
      openIndex: async () => indexOf(fake.pagefind, { company: { acme: 2, constructor: 1 } }),
      location: { pathname: "/en/search/", search: "?company=Acme+Power" },
      history: { replaceState() {}, pushState() {} },
    });
    const box = root.querySelector<HTMLInputElement>('input[name="company"][value="acme"]');
    expect(box?.checked).toBe(true);
    expect(box?.parentElement?.textContent).toContain("Acme Power");
    expect(root.querySelector('input[value="constructor"]')?.parentElement?.textContent).toContain(
      "Builders",
    );
    expect(fake.searches[0]?.options).toEqual({ filters: { company: { any: ["acme"] } } });
  });
});
