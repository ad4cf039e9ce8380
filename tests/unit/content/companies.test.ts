import { describe, expect, it } from "vitest";
import { loadCompanies } from "../../../lib/content/companies.ts";
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
