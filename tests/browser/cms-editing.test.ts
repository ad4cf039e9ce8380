// The editor at /admin/ as communications staff and translators use it:
// `npm run cms` on a fixture copy of the project (decap-server and the site
// on 127.0.0.1), Decap CMS in headless Chromium. A release written in
// English and Chinese side by side lands in src/releases/<locale>/ with
// front matter the build accepts and is published at its contract URLs; a
// static page likewise under src/pages/<locale>/, with its header link; a
// company's web address is checked in the form as the build checks it; a
// missing required title is refused in the form; a Chinese interface string
// edited through the form changes that one line of its bundle, and
// check:i18n still passes. Decap's own interface wording (its English
// buttons) is Decap's, pinned with its version, not ours.
import { type ChildProcess, spawn } from "node:child_process";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../lib/build/run-command.ts";
import { companySchema, readCompanies } from "../../lib/content/companies.ts";
import { splitFrontMatter } from "../../lib/content/front-matter.ts";
import { pageFrontMatterSchema } from "../../lib/content/pages.ts";
import { frontMatterSchema } from "../../lib/content/schema.ts";
import { editorContentSecurityPolicy, formatPolicy } from "../../lib/deploy/content-security-policy.ts";
import { loadRegistry } from "../../lib/i18n/locales.ts";
import { type BrowserSession, openBrowser } from "../../scripts/bench/chromium.ts";
import { createFixtureSite, type FixtureSite, mustBuild } from "../support/fixture-site.ts";

// The build that checks what the editor wrote goes to a folder of its own:
// _site/ is the folder npm run cms serves, and a plain build would replace
// its editor configuration with one pointing at the default backend port.
const CHECK_BUILD = { args: ["--out", "_checked"] };

// Decap's bundle is 5 MB of JavaScript; on a loaded 2-core machine it takes a while to start.
const SLOW = 600_000;

let site: FixtureSite;
let cms: ChildProcess;
let editorUrl: string;
let browser: BrowserSession;

beforeAll(async () => {
  site = createFixtureSite({
    "_data/companies/test-energy.json": JSON.stringify({ name: { en: "Test Energy", zh: "测试能源" } }),
  });
  cms = spawn(process.execPath, ["--import", "tsx", "scripts/cms.ts", "--port", "0", "--backend-port", "0"], {
    cwd: site.dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  editorUrl = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Editor: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    cms.stdout?.on("data", read);
    cms.stderr?.on("data", read);
    cms.once("exit", (code) => reject(new Error(`npm run cms stopped (${code}):\n${output}`)));
  });
  browser = await openBrowser();
  // Logging in to the local backend once keeps the user for every page of this browser.
  const page = await browser.context.newPage();
  page.setDefaultTimeout(SLOW / 3);
  await page.goto(editorUrl, { waitUntil: "commit" });
  // The local backend's login page has one button.
  await page.locator("button").click();
  await page.waitForSelector("a[href*='collections/releases']");
  await page.close();
}, SLOW);

afterAll(async () => {
  await browser?.close();
  if (cms && cms.exitCode === null) {
    const exited = new Promise((resolve) => cms.once("exit", resolve));
    cms.kill("SIGTERM");
    await exited;
  }
  site?.dispose();
}, SLOW);

/** What Chromium reports refused by a Content-Security-Policy on any editor page this file opens. */
const violations: string[] = [];

/** Opens the editor at `route` (after the #). */
async function openEditor(route: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(SLOW / 3);
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.goto(`${editorUrl}#/${route}`, { waitUntil: "commit" });
  return page;
}

/** The control of field `name` in the pane of the n-th language (0: the source language, on the left). */
function control(page: Page, name: string, pane = 0) {
  return page.locator(`[id^="${name}-field-"]`).nth(pane);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^Publish$/ }).click();
  await page.getByText("Publish now", { exact: true }).click();
}

/**
 * A file's text once the CMS has written all of it (`whole` says when):
 * the local backend truncates a file, then writes it, so a read in between
 * finds it empty or cut short.
 */
async function writtenText(file: string, whole: (text: string) => boolean): Promise<string> {
  let text = "";
  await expect
    .poll(
      () => {
        text = site.exists(file) ? site.read(file) : "";
        return whole(text);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return text;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("editing in the browser with npm run cms", () => {
  it(
    "writes a release in English and Chinese that the build publishes at its URLs",
    async () => {
      const page = await openEditor("collections/releases/new");
      await control(page, "title", 0).fill("Test Energy Opens Plant");
      await control(page, "title", 1).fill("测试能源工厂投产");
      await control(page, "releaseTime", 0).fill("2026-03-02T10:00:00+08:00");
      await control(page, "company", 0).fill("test-energy");
      await control(page, "tags", 0).fill("batteries, plants");
      await control(page, "tags", 1).fill("电池");
      for (const [pane, text] of [
        [0, "The plant opened today."],
        [1, "工厂今日投产。"],
      ] as const) {
        await page.locator("[data-slate-editor]").nth(pane).click();
        await page.keyboard.type(text);
      }
      await publish(page);
      await page.waitForURL(/entries\/test-energy-opens-plant/);

      for (const [locale, title] of [
        ["en", "Test Energy Opens Plant"],
        ["zh", "测试能源工厂投产"],
      ]) {
        const file = `src/releases/${locale}/test-energy-opens-plant.md`;
        const sentence = locale === "en" ? "The plant opened today." : "工厂今日投产。";
        const { data, body } = splitFrontMatter(await writtenText(file, (text) => text.includes(sentence)));
        const parsed = frontMatterSchema.safeParse(data);
        expect(parsed.error?.issues ?? [], file).toEqual([]);
        expect(parsed.data).toMatchObject({
          title,
          releaseTime: "2026-03-02T10:00:00+08:00",
          company: "test-energy",
        });
        expect(body).toContain(sentence);
      }
      expect(
        frontMatterSchema.parse(
          splitFrontMatter(site.read("src/releases/en/test-energy-opens-plant.md")).data,
        ).tags,
      ).toEqual(["batteries", "plants"]);

      await mustBuild(site, CHECK_BUILD);
      expect(site.read("_checked/en/releases/test-energy-opens-plant/index.html")).toContain(
        "Test Energy Opens Plant",
      );
      expect(site.read("_checked/zh/releases/test-energy-opens-plant/index.html")).toContain(
        "测试能源工厂投产",
      );
      await page.close();
    },
    SLOW,
  );

  it(
    "writes a page in English and Chinese that the build publishes with its header link",
    async () => {
      const page = await openEditor("collections/pages/new");
      await control(page, "title", 0).fill("About Test Energy");
      await control(page, "title", 1).fill("关于测试能源");
      await control(page, "nav", 0).fill("2");
      await control(page, "nav", 1).fill("2");
      for (const [pane, text] of [
        [0, "We build power plants."],
        [1, "我们建设发电厂。"],
      ] as const) {
        await page.locator("[data-slate-editor]").nth(pane).click();
        await page.keyboard.type(text);
      }
      await publish(page);
      await page.waitForURL(/entries\/about-test-energy/);

      for (const [locale, title, text] of [
        ["en", "About Test Energy", "We build power plants."],
        ["zh", "关于测试能源", "我们建设发电厂。"],
      ] as const) {
        const file = `src/pages/${locale}/about-test-energy.md`;
        const { data, body } = splitFrontMatter(await writtenText(file, (written) => written.includes(text)));
        const parsed = pageFrontMatterSchema.safeParse(data);
        expect(parsed.error?.issues ?? [], file).toEqual([]);
        expect(parsed.data).toMatchObject({ title, nav: 2 });
        expect(body).toContain(text);
      }

      await mustBuild(site, CHECK_BUILD);
      for (const [locale, title] of [
        ["en", "About Test Energy"],
        ["zh", "关于测试能源"],
      ]) {
        expect(site.read(`_checked/${locale}/about-test-energy/index.html`)).toContain(title);
        // The header of every page of that language links to it.
        expect(site.read(`_checked/${locale}/index.html`)).toContain(`/${locale}/about-test-energy/`);
      }
      await page.close();
    },
    SLOW,
  );

  it(
    "saves a company web address the build accepts, and refuses one it would refuse",
    async () => {
      const file = "_data/companies/test-energy.json";
      const page = await openEditor("collections/companies/entries/test-energy");
      await control(page, "url").fill("https://www.test-energy.example/");
      await publish(page);
      await expect
        .poll(() => JSON.parse(site.read(file)).url, { timeout: 30_000 })
        .toBe("https://www.test-energy.example/");
      const { companies, problems } = readCompanies(site.dir, loadRegistry(site.dir));
      expect(problems).toEqual([]);
      expect(companies.get("test-energy")).toMatchObject({
        name: { en: "Test Energy", zh: "测试能源" },
        url: "https://www.test-energy.example/",
      });
      const saved = site.read(file);
      await page.close();

      const message = companySchema.shape.url.safeParse("www.test-energy.example").error?.issues[0]?.message;
      expect(message ?? "").not.toBe("");
      // Opened again, as an editor coming back would: a second publish from the page that
      // has just saved did not run in Decap 3.16.
      const again = await openEditor("collections/companies/entries/test-energy");
      await control(again, "url").fill("www.test-energy.example");
      await publish(again);
      const urlField = control(again, "url").locator("xpath=ancestor::div[.//li][1]");
      await expect.poll(() => urlField.locator("li").count(), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await urlField.innerText()).toContain(message);
      expect(site.read(file)).toBe(saved);
      await again.close();
    },
    SLOW,
  );

  it(
    "refuses a release whose Chinese title is missing, showing the schema's message",
    async () => {
      const page = await openEditor("collections/releases/new");
      await control(page, "title", 0).fill("Untranslated Notice");
      await control(page, "releaseTime", 0).fill("2026-03-03");
      await publish(page);
      const titleField = control(page, "title", 1).locator("xpath=ancestor::div[.//li][1]");
      await expect.poll(() => titleField.locator("li").count()).toBeGreaterThan(0);
      const required = frontMatterSchema.shape.title.safeParse(undefined).error?.issues[0]?.message ?? "";
      expect(required).not.toBe("");
      expect(await titleField.innerText()).toContain(required);
      expect(site.exists("src/releases/en/untranslated-notice.md")).toBe(false);
      expect(site.exists("src/releases/zh/untranslated-notice.md")).toBe(false);
      await page.close();
    },
    SLOW,
  );

  it(
    "changes one Chinese interface string and nothing else in its bundle",
    async () => {
      const bundleFile = "locales/zh/translation.json";
      const before = site.read(bundleFile);
      const bundle = JSON.parse(before) as Record<string, Record<string, unknown>>;
      // A group's key whose name appears nowhere else in the bundle, so its control is found by name.
      const names = Object.values(bundle).flatMap((group) => Object.keys(group));
      const [group, key] = Object.entries(bundle)
        .flatMap(([g, entries]) =>
          Object.entries(entries)
            .filter(
              ([k, v]) =>
                typeof v === "string" && !k.includes("_") && names.filter((n) => n === k).length === 1,
            )
            .map(([k]) => [g, k] as const),
        )
        .filter(([g]) => !names.includes(g))[0] ?? ["", ""];
      expect(key).not.toBe("");

      const page = await openEditor("collections/interface/entries/zh");
      // Groups start folded: open this one with its expand button.
      await page.locator(`[id^="${group}-field-"]`).first().locator("button").first().click();
      const changed = "已由编辑器修改";
      await control(page, key).fill(changed);
      await publish(page);

      const after = await writtenText(bundleFile, (text) => text !== before && isJson(text));
      const expected = JSON.parse(before) as Record<string, Record<string, unknown>>;
      (expected[group] as Record<string, unknown>)[key] = changed;
      expect(JSON.parse(after)).toEqual(expected);
      // Same format and key order: only the edited line differs.
      const beforeLines = before.split("\n");
      const afterLines = after.split("\n");
      expect(afterLines.length).toBe(beforeLines.length);
      const differing = afterLines.filter((line, i) => line !== beforeLines[i]);
      expect(differing).toHaveLength(1);
      expect(differing[0]).toContain(`"${key}": "${changed}"`);

      const check = await runCommand(process.execPath, ["--import", "tsx", "scripts/check-i18n.ts"], {
        cwd: site.dir,
      });
      expect(check.code, `${check.stdout}\n${check.stderr}`).toBe(0);
      await page.close();
    },
    SLOW,
  );

  it(
    "works under the /admin/ Content-Security-Policy that _headers gives it, with no violation",
    async () => {
      const page = await openEditor("collections/pages");
      const response = await page.reload({ waitUntil: "commit" });
      // npm run cms serves _site/ with its _headers, as a host would.
      expect(response?.headers()["content-security-policy"]).toBe(
        formatPolicy(editorContentSecurityPolicy()),
      );
      await page.waitForSelector("a[href*='collections/pages/new']");
      await page.close();
      // Every editor page of this file: releases, pages, companies and bundles, saved and refused.
      expect(violations).toEqual([]);
    },
    SLOW,
  );
});
