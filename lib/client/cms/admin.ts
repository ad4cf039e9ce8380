// The editor at /admin/: starts Decap CMS (loaded before this module runs,
// from decap-cms.js beside the page) with the configuration the build wrote
// for the reader's language (lib/cms/config.ts), and registers what Decap
// lacks: the company field (a company key from a list, or any name) and a
// JSON format that writes files the way the project keeps them.
import { type AdminLocale, chooseLocale } from "./locale.ts";

interface ImmutableMap {
  get(key: string): unknown;
}
interface ControlProps {
  forID: string;
  value: unknown;
  field: ImmutableMap;
  classNameWrapper: string;
  onChange(value: string): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}
interface DecapCms {
  init(options: { config: Record<string, unknown> }): void;
  registerWidget(name: string, control: unknown, preview?: unknown, schema?: Record<string, unknown>): void;
  registerCustomFormat(
    name: string,
    extension: string,
    formatter: { fromFile(text: string): unknown; toFile(data: unknown): string },
  ): void;
}
type CreateElement = (type: string, props: Record<string, unknown> | null, ...children: unknown[]) => unknown;

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
    h?: CreateElement;
    createClass?: (spec: { render(this: { props: ControlProps }): unknown }) => unknown;
  }
}

// Decap starts itself when its script has loaded unless told not to.
window.CMS_MANUAL_INIT = true;

/** The company field: a key from _data/companies/ offered as a choice, or any other name typed in. */
function registerCompanyWidget(
  cms: DecapCms,
  h: CreateElement,
  createClass: NonNullable<Window["createClass"]>,
) {
  const control = createClass({
    render() {
      const { forID, value, field, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } =
        this.props;
      const listId = `${forID}-companies`;
      const choices =
        (field.get("choices") as { toJS(): { key: string; name: string }[] } | undefined)?.toJS() ?? [];
      return h(
        "div",
        null,
        h("input", {
          id: forID,
          type: "text",
          className: classNameWrapper,
          value: typeof value === "string" ? value : "",
          list: listId,
          autoComplete: "off",
          onChange: (event: { target: { value: string } }) => onChange(event.target.value),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h(
          "datalist",
          { id: listId },
          ...choices.map((c) => h("option", { key: c.key, value: c.key }, c.name)),
        ),
      );
    },
  });
  cms.registerWidget("pressroom-company", control, undefined, {
    properties: { choices: { type: "array" } },
  });
}

/** Keys in alphabetical order at every level, as the bundles are kept. */
export function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/**
 * JSON as the project's files are written (two spaces, a final newline), so
 * a save changes only what was edited. Decap moves the keys it edited to the
 * end of their object, so bundles get their alphabetical order back.
 */
function registerJsonFormats(cms: DecapCms) {
  const fromFile = (text: string) => JSON.parse(text.replace(/^\uFEFF/, ""));
  cms.registerCustomFormat("pressroom-json", "json", {
    fromFile,
    toFile: (data) => `${JSON.stringify(data, null, 2)}\n`,
  });
  cms.registerCustomFormat("pressroom-bundle", "json", {
    fromFile,
    toFile: (data) => `${JSON.stringify(sortKeys(data), null, 2)}\n`,
  });
}

async function start(): Promise<void> {
  const { CMS: cms, h, createClass } = window;
  if (!cms || !h || !createClass) throw new Error("decap-cms.js did not load");
  const locales = JSON.parse(document.documentElement.dataset.locales ?? "[]") as AdminLocale[];
  const chosen = chooseLocale(
    locales,
    new URLSearchParams(location.search).get("locale"),
    navigator.languages,
  );
  if (!chosen) throw new Error("no locale in the admin page");
  document.documentElement.lang = chosen.lang;
  document.title = chosen.title;
  const response = await fetch(`config.${chosen.code}.json`);
  const config = (await response.json()) as Record<string, unknown>;
  registerCompanyWidget(cms, h, createClass);
  registerJsonFormats(cms);
  cms.init({ config: { ...config, load_config_file: false } });
}

document.addEventListener("DOMContentLoaded", () => {
  void start();
});
