// JSON as a translator types it: each common mistake located at the mistake
// itself (not where the parser noticed it) and described in words, and keys
// written twice found in the text.
import { describe, expect, it } from "vitest";
import { describeJsonError, findDuplicateKeys } from "../../../lib/i18n/json-text.ts";
import { JsonSyntaxError, parseJsonText } from "../../../lib/i18n/locales.ts";

const at = (text: string) => {
  const mistake = describeJsonError(text);
  return mistake && `${mistake.line}:${mistake.column} ${mistake.message}`;
};

describe("describeJsonError", () => {
  it("finds nothing wrong with valid JSON", () => {
    expect(describeJsonError('{ "a": { "b": "乙" } }')).toBeUndefined();
  });

  it("points at a comma before } or ], not at the next line", () => {
    expect(at('{\n  "a": "甲",\n}\n')).toMatch(/^2:11 a comma before `}` is not allowed/);
    expect(at('{\n  "a": ["x",\n  ]\n}')).toMatch(/^2:12 a comma before `]` is not allowed/);
  });

  it("points at the end of the entry after which a comma is missing", () => {
    expect(at('{\n  "a": "甲"\n  "b": "乙"\n}')).toMatch(/^2:11 a comma is missing/);
  });

  it("says a straight quote inside a text ends it early", () => {
    expect(at('{\n  "a": "the "best" plant"\n}')).toMatch(/^2:14 a straight " inside a text ends it early/);
  });

  it("names quotes that cannot start a text", () => {
    expect(at("{\n  'a': \"b\"\n}")).toMatch(/^2:3 `'` cannot start a text/);
    expect(at('{ "a": “b” }')).toMatch(/^1:8 `“` cannot start a text/);
  });

  it("says which closing brace is missing at the end", () => {
    expect(at('{\n  "a": { "b": "c" }\n')).toMatch(/^2:20 the file ends too early: a closing `}` is missing/);
  });

  it("describes a missing colon, a comment, text after the end, a bad escape and an unclosed text", () => {
    expect(at('{ "a" "b" }')).toMatch(/^1:7 a colon is missing/);
    expect(at('{ "a": "b" // note\n}')).toMatch(/^1:12 comments are not allowed/);
    expect(at('{ "a": "b" }}')).toMatch(/^1:13 text after the end/);
    expect(at('{ "a": "C:\\path" }')).toMatch(/^1:11 `\\p` is not a valid escape/);
    expect(at('{ "a": "b\n}')).toMatch(/^1:8 this text has no closing "/);
  });

  it("counts columns in characters, as an editor does, with Chinese text before the mistake", () => {
    expect(at('{ "标题": "新闻稿" "b": "c" }')).toMatch(/^1:14 a comma is missing/);
  });
});

describe("parseJsonText", () => {
  it("throws the file, line and column with the description", () => {
    try {
      parseJsonText('{\n  "a": "甲",\n}', "locales/ja/translation.json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(JsonSyntaxError);
      expect((error as JsonSyntaxError).location).toBe("locales/ja/translation.json:2:11");
      expect((error as JsonSyntaxError).reason).toMatch(/^invalid JSON: a comma before `}`/);
    }
  });

  it("reads a file that starts with a byte order mark", () => {
    expect(parseJsonText('\uFEFF{ "a": "b" }', "x.json")).toEqual({ a: "b" });
  });
});

describe("findDuplicateKeys", () => {
  it("finds keys written twice in the same object, with every line, and not the same name in two objects", () => {
    const text = [
      "{",
      '  "home": {',
      '    "title": "新闻稿",',
      '    "title": "新闻"',
      "  },",
      '  "nav": { "title": "导航" },',
      '  "list": [{ "a": 1, "a": 2 }],',
      '  "nav": {}',
      "}",
    ].join("\n");
    expect(findDuplicateKeys(text)).toEqual([
      { key: "home.title", lines: [3, 4] },
      { key: "nav", lines: [6, 8] },
      { key: "list[0].a", lines: [7, 7] },
    ]);
  });
});
