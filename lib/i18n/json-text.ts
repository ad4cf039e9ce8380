// JSON as translators and writers type it: a syntax error located where the
// mistake is (a comma before `}` is reported at the comma, not at the line
// after it) and described in words with the fix, and keys written twice in
// one object, which JSON.parse silently resolves by keeping the last one.
// Bundles, the locale registry and company records all come through here
// (lib/i18n/locales.ts readJsonFile). jsonc-parser (the parser VS Code uses)
// gives each error's offset and kind, and walks the text key by key.
import { type ParseError, parse, printParseErrorCode, visit } from "jsonc-parser";

/** One-based line and column (columns count characters as an editor does). */
export interface TextPosition {
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: [...(before.at(-1) ?? "")].length + 1 };
}

export interface JsonMistake extends TextPosition {
  /** What is wrong and how to fix it, in words. */
  message: string;
}

const STRICT = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false };

/** The last offset before `offset` that is not white space, or -1. */
function previousToken(text: string, offset: number): number {
  let at = offset - 1;
  while (at >= 0 && /\s/.test(text[at] ?? "")) at--;
  return at;
}

const QUOTE_HINT = 'text goes in straight double quotes "…"; inside a text write “ ” or \\"';

/**
 * Where the first syntax error is and what it means; undefined for valid
 * JSON. Only the first is described: later ones usually follow from it.
 */
export function describeJsonError(text: string): JsonMistake | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, STRICT);
  const first = errors[0];
  if (!first) return undefined;
  const at = (offset: number, message: string): JsonMistake => ({ ...positionAt(text, offset), message });
  const found = text.slice(first.offset, first.offset + Math.max(first.length, 1));
  const before = previousToken(text, first.offset);
  const afterQuote = before === first.offset - 1 && text[before] === '"';
  // Compared by name: the codes are a const enum, out of reach of isolated modules.
  const code = printParseErrorCode(first.error);
  switch (code) {
    case "PropertyNameExpected":
    case "ValueExpected": {
      if ((found === "}" || found === "]") && text[before] === ",") {
        return at(
          before,
          `a comma before \`${found}\` is not allowed: delete this comma (the last entry of a block has none)`,
        );
      }
      if (code === "PropertyNameExpected") {
        return at(
          first.offset,
          `expected a key in double quotes, found \`${found}\`: write keys as "key", and check for a missing comma or quote before it`,
        );
      }
      return at(first.offset, `expected a value, found \`${found}\`: ${QUOTE_HINT}`);
    }
    case "CommaExpected":
    case "InvalidSymbol":
    case "CloseBraceExpected":
    case "CloseBracketExpected": {
      if (afterQuote) {
        return at(
          first.offset,
          `a straight " inside a text ends it early: write it as \\" or use typographic quotes “ ”`,
        );
      }
      if (first.offset >= text.length) {
        const closer = code === "CloseBracketExpected" ? "]" : "}";
        return at(before + 1, `the file ends too early: a closing \`${closer}\` is missing`);
      }
      if (code === "InvalidSymbol" && /^['“”‘’「]/.test(found)) {
        return at(first.offset, `\`${found[0]}\` cannot start a text: ${QUOTE_HINT}`);
      }
      if (code === "InvalidSymbol") {
        return at(first.offset, `unexpected \`${found}\`: ${QUOTE_HINT}`);
      }
      // The mistake is the missing comma after the previous entry.
      return at(before + 1, `a comma is missing here, before the next entry: add \`,\` after this value`);
    }
    case "ColonExpected":
      return at(first.offset, `a colon is missing after the key: write "key": "text"`);
    case "EndOfFileExpected":
      return at(
        first.offset,
        `text after the end of the file's last \`}\`: delete it, or look above for a \`}\` too many`,
      );
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return at(first.offset, "comments are not allowed in JSON: delete the comment");
    case "UnexpectedEndOfString":
      return at(first.offset, `this text has no closing ": add it at the end of the text, on the same line`);
    case "InvalidEscapeCharacter":
    case "InvalidUnicode": {
      // The error spans the whole text; point at the backslash itself.
      const bad = /\\(?:u(?![0-9a-fA-F]{4})|[^"\\/bfnrtu])/.exec(found);
      const offset = first.offset + (bad?.index ?? 0);
      const sequence = bad?.[0] ?? "\\";
      return at(
        offset,
        `\`${sequence}\` is not a valid escape: a backslash in a text is written \\\\ (and a quote \\")`,
      );
    }
    case "InvalidCharacter":
      return at(
        first.offset,
        "a line break or tab inside a text: keep the text on one line (write a line break as \\n)",
      );
    default:
      return at(first.offset, `unexpected \`${found}\`: check the commas and quotes around it`);
  }
}

export interface DuplicateKey {
  /** Dotted path of the key (home.title). */
  key: string;
  /** Lines of every occurrence; the last one is what JSON.parse keeps. */
  lines: number[];
}

/** Keys written more than once in the same object, from the text (parsing keeps only the last). */
export function findDuplicateKeys(text: string): DuplicateKey[] {
  interface Scope {
    /** Path of this object or list: home.title, locales[1]. */
    path: string;
    /** Keys of an object with their lines; undefined for a list. */
    keys: Map<string, number[]> | undefined;
    /** A list's next element index. */
    next: number;
  }
  const scopes: Scope[] = [];
  const duplicates: DuplicateKey[] = [];
  let lastProperty = "";
  const join = (parent: string, name: string) => (parent ? `${parent}.${name}` : name);
  /** The path of a value starting now: a list element by index, an object member by key. */
  const childPath = (): string => {
    const parent = scopes.at(-1);
    if (!parent) return "";
    if (parent.keys === undefined) return `${parent.path}[${parent.next++}]`;
    return join(parent.path, lastProperty);
  };
  const open = (list: boolean) => () => {
    scopes.push({ path: childPath(), keys: list ? undefined : new Map(), next: 0 });
  };
  const close = () => {
    const scope = scopes.pop();
    for (const [name, lines] of scope?.keys ?? []) {
      if (lines.length > 1) duplicates.push({ key: join(scope?.path ?? "", name), lines });
    }
  };
  visit(
    text,
    {
      onObjectBegin: open(false),
      onObjectEnd: close,
      onArrayBegin: open(true),
      onArrayEnd: close,
      onLiteralValue: () => {
        childPath();
      },
      onObjectProperty: (name, _offset, _length, startLine) => {
        const keys = scopes.at(-1)?.keys;
        keys?.set(name, [...(keys.get(name) ?? []), startLine + 1]);
        lastProperty = name;
      },
    },
    STRICT,
  );
  return duplicates.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
}
