import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCompanies } from "../../../lib/content/companies.ts";
import { tempFolder } from "../../support/temp-folders.ts";
import { problemsThrownBy, tempProject, testRegistry } from "../../support/temp-project.ts";

function problemsOf(files: Record<string, string>): string[] {
  return problemsThrownBy(() => loadCompanies(tempProject(files), testRegistry));
}

describe("company files", () => {
  it("are read with their names in each locale", () => {
    const root = tempProject({
      "_data/companies/acme.json": JSON.stringify({ name: { en: "Acme", zh: "艾克姆" } }),
    });
    expect(loadCompanies(root, testRegistry).get("acme")?.name).toEqual({ en: "Acme", zh: "艾克姆" });
  });

  it("name the file, line and column of invalid JSON, as the project calls the file", () => {
    expect(problemsOf({ "_data/companies/acme.json": '{\n  "name": {},\n}\n' })).toEqual([
      expect.stringMatching(
        /^_data\/companies\/acme\.json:2:13 \| {2}\| invalid JSON: a comma before `}` is not allowed/,
      ),
    ]);
  });

  it("name the field of a locale the registry does not have, and a missing source name", () => {
    expect(problemsOf({ "_data/companies/acme.json": JSON.stringify({ name: { fr: "Acmé" } }) })).toEqual([
      '_data/companies/acme.json | name.fr | "fr" is not a locale in locales/registry.json',
      "_data/companies/acme.json | name.en | required: the name in the source locale",
    ]);
  });
});

describe("press kits", () => {
  const company = (pressKit: unknown) => JSON.stringify({ name: { en: "Acme" }, pressKit });

  it("find each file in the company's own folder, with titles and captions per locale", () => {
    const root = tempProject({
      "_data/companies/acme.json": company([
        { file: "logo.png", title: { en: "Logo", zh: "标志" } },
        { file: "people/ceo.jpg", caption: { en: "Our chief executive." } },
      ]),
      "_data/companies/acme/logo.png": "png",
      "_data/companies/acme/people/ceo.jpg": "jpeg!",
    });
    const kit = loadCompanies(root, testRegistry).get("acme")?.pressKit;
    expect(
      kit?.map((f) => [f.attachment.file, f.attachment.name, f.attachment.kind, f.attachment.bytes]),
    ).toEqual([
      ["_data/companies/acme/logo.png", "logo.png", "image", 3],
      ["_data/companies/acme/people/ceo.jpg", "ceo.jpg", "image", 5],
    ]);
    expect(kit?.[0]?.title).toEqual({ en: "Logo", zh: "标志" });
    expect(kit?.[1]?.caption).toEqual({ en: "Our chief executive." });
  });

  it("name the company record and the file when a file is missing, outside its folder, or a web page", () => {
    expect(
      problemsOf({
        "_data/companies/acme.json": company([
          { file: "logo.png" },
          { file: "../beta/logo.png" },
          { file: "../../../etc/passwd" },
          { file: "logo.svg" },
          { file: "fact.pdf", caption: { fr: "Fiche" } },
        ]),
        "_data/companies/acme/logo.svg": "<svg></svg>",
        "_data/companies/acme/fact.pdf": "%PDF-1.4",
        "_data/companies/beta/logo.png": "png",
      }),
    ).toEqual([
      '_data/companies/acme.json | pressKit.4.caption.fr | "fr" is not a locale in locales/registry.json',
      '_data/companies/acme.json | pressKit.0.file | "logo.png" not found (looked for _data/companies/acme/logo.png)',
      '_data/companies/acme.json | pressKit.1.file | "../beta/logo.png" is outside _data/companies/acme/; store press-kit files in _data/companies/acme/',
      '_data/companies/acme.json | pressKit.2.file | "../../../etc/passwd" is outside _data/companies/acme/; store press-kit files in _data/companies/acme/',
      expect.stringMatching(
        /^_data\/companies\/acme\.json \| pressKit\.3\.file \| "logo\.svg" is an SVG image/,
      ),
    ]);
  });

  it("say what is expected when pressKit is not a list or an entry has no file", () => {
    expect(problemsOf({ "_data/companies/acme.json": company("logo.png") })).toEqual([
      expect.stringMatching(/^_data\/companies\/acme\.json \| pressKit \| expected a list of files/),
    ]);
    expect(problemsOf({ "_data/companies/acme.json": company([{ title: { en: "Logo" } }]) })).toEqual([
      expect.stringMatching(/^_data\/companies\/acme\.json \| pressKit\.0\.file \| expected a file name/),
    ]);
  });
});

describe("company web address and logo", () => {
  const acme = (extra: Record<string, unknown>) => JSON.stringify({ name: { en: "Acme" }, ...extra });

  it("reads the address and the logo file beside the company file", () => {
    const root = tempProject({
      "_data/companies/acme.json": acme({ url: "https://acme.example/", logo: "acme.svg" }),
      "_data/companies/acme.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    });
    const company = loadCompanies(root, testRegistry).get("acme");
    expect(company?.url).toBe("https://acme.example/");
    expect(company?.logo?.file).toBe("_data/companies/acme.svg");
  });

  it("refuses an address that is not absolute http(s), naming the file and field", () => {
    for (const url of ["acme.example", "ftp://acme.example/", "javascript:alert(1)", 42]) {
      expect(problemsOf({ "_data/companies/acme.json": acme({ url }) })).toEqual([
        expect.stringMatching(/^_data\/companies\/acme\.json \| url \| .*absolute http\(s\) address/),
      ]);
    }
  });

  it("names the company file and the field when the logo is missing, elsewhere or not an image", () => {
    expect(problemsOf({ "_data/companies/acme.json": acme({ logo: "acme.png" }) })).toEqual([
      '_data/companies/acme.json | logo | "acme.png" not found (looked for _data/companies/acme.png)',
    ]);
    expect(problemsOf({ "_data/companies/acme.json": acme({ logo: "../../package.json" }) })).toEqual([
      '_data/companies/acme.json | logo | "../../package.json" is outside _data/companies/; store the logo beside _data/companies/acme.json',
    ]);
    expect(
      problemsOf({
        "_data/companies/acme.json": acme({ logo: "notes.txt" }),
        "_data/companies/notes.txt": "x",
      }),
    ).toEqual([
      '_data/companies/acme.json | logo | "notes.txt" is not an image type a logo may be (svg, png, jpg, jpeg, webp)',
    ]);
    expect(problemsOf({ "_data/companies/acme.json": acme({ logo: 7 }) })).toEqual([
      expect.stringMatching(/^_data\/companies\/acme\.json \| logo \| expected the name of an image file/),
    ]);
  });

  it("refuses a logo that is a link out of the companies folder", () => {
    const outside = path.join(tempFolder("pressroom-logo-"), "logo.png");
    writeFileSync(outside, "not really");
    const root = tempProject({ "_data/companies/acme.json": acme({ logo: "acme.png" }) });
    mkdirSync(path.join(root, "_data", "companies"), { recursive: true });
    symlinkSync(outside, path.join(root, "_data", "companies", "acme.png"));
    const problems = problemsThrownBy(() => loadCompanies(root, testRegistry));
    expect(problems).toEqual([
      expect.stringMatching(
        /^_data\/companies\/acme\.json \| logo \| "acme\.png" .*outside _data\/companies/,
      ),
    ]);
  });
});
