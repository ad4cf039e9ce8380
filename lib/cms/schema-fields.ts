// Form fields for the CMS, derived from a zod schema (the release front
// matter in lib/content/schema.ts): which widget, whether it is required,
// the help text and the pattern all come from the schema itself, so the form
// and the build cannot disagree. Labels come from the bundles (config.ts).
import { z } from "zod";

/** One field of a Decap CMS collection, as far as this project writes them. */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  /** A regular expression's source and the message shown when the value does not match. */
  pattern?: [string, string];
  i18n?: boolean | "duplicate";
  default?: unknown;
  fields?: CmsField[];
  field?: CmsField;
  allow_add?: boolean;
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
  /** Number widget: whole numbers or not, and the least value. */
  value_type?: "int" | "float";
  min?: number;
  /** Where an upload is stored and how its name is written (relative to the entry's file). */
  media_folder?: string;
  public_folder?: string;
  media_library?: { config: { multiple: boolean } };
  /** The company field's list of company records. */
  choices?: { key: string; name: string }[];
}

/** What a schema says about one field, before it gets a label and a widget name. */
export interface SchemaFieldFacts {
  name: string;
  kind: "text" | "number" | "boolean" | "list" | "object-list" | "map";
  required: boolean;
  /** The schema's own message for a missing value (required fields) or a value of the wrong type. */
  hint: string;
  pattern?: [string, string];
  /** For a number: whole numbers only, and the least value the schema accepts. */
  integer?: boolean;
  min?: number;
  /** For an object-list: the fields of one item. */
  itemFields?: SchemaFieldFacts[];
}

/** The message the schema gives for a value; undefined when the value is accepted. */
export function schemaMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message ?? "");
}

/** zod's own wording ("Invalid input: expected string…"), which says nothing a writer can use as help. */
const GENERIC_MESSAGE = /^Invalid input/;

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (
    current instanceof z.ZodOptional ||
    current instanceof z.ZodNullable ||
    current instanceof z.ZodDefault
  ) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** The regular expression a string schema is checked with, and the message for a value that fails it. */
function patternOf(schema: z.ZodType): [string, string] | undefined {
  if (schema instanceof z.ZodURL) return urlPattern(schema);
  if (!(schema instanceof z.ZodString)) return undefined;
  const regex = (schema._zod.def.checks ?? [])
    .map((check) => check._zod.def as { format?: string; pattern?: RegExp })
    .find((def) => def.format === "regex")?.pattern;
  if (!regex) return undefined;
  // The schema's message for a value that breaks the pattern (no pattern here matches a lone space).
  const message = schemaMessage(schema, " ");
  return message ? [regex.source, message] : undefined;
}

/**
 * A web address as the form can check it: the schema's protocols, "://" and
 * a host. The schema parses the whole address when the site is built.
 */
function urlPattern(schema: z.ZodURL): [string, string] | undefined {
  const protocol = (schema._zod.def as { protocol?: RegExp }).protocol;
  const message = schemaMessage(schema, " ");
  if (!message) return undefined;
  const protocols = protocol ? protocol.source.replace(/^\^|\$$/g, "") : "[a-z][a-z0-9+.-]*";
  return [`^(?:${protocols})://[^\\s/?#]+\\S*$`, message];
}

/**
 * The facts of one field. A required field's hint is what the schema says
 * when it is missing; an optional one's, what it says for a wrong type
 * (its description of what is expected).
 */
export function fieldFacts(name: string, schema: z.ZodType): SchemaFieldFacts {
  const required = schemaMessage(schema, undefined) !== undefined;
  const inner = unwrap(schema);
  const message =
    (required ? schemaMessage(schema, undefined) : schemaMessage(inner, Symbol("wrong type"))) ?? "";
  const facts: SchemaFieldFacts = {
    name,
    kind: "text",
    required,
    hint: GENERIC_MESSAGE.test(message) ? "" : message,
  };
  if (inner instanceof z.ZodBoolean) facts.kind = "boolean";
  else if (inner instanceof z.ZodNumber) {
    facts.kind = "number";
    facts.integer = inner.isInt;
    if (inner.minValue !== null && Number.isFinite(inner.minValue)) facts.min = inner.minValue;
  } else if (inner instanceof z.ZodRecord) facts.kind = "map";
  else if (inner instanceof z.ZodArray) {
    const element = inner.element as z.ZodType;
    const objectOption =
      element instanceof z.ZodUnion
        ? (element.options as z.ZodType[]).find((o): o is z.ZodObject => o instanceof z.ZodObject)
        : element instanceof z.ZodObject
          ? element
          : undefined;
    if (objectOption) {
      facts.kind = "object-list";
      facts.itemFields = Object.entries(objectOption.shape).map(([key, s]) =>
        fieldFacts(key, s as z.ZodType),
      );
    } else facts.kind = "list";
  } else {
    const pattern = patternOf(inner);
    if (pattern) {
      facts.pattern = pattern;
      // What the pattern asks for says more than "expected text".
      if (!required) facts.hint = pattern[1];
    }
  }
  return facts;
}

/** Every field of an object schema, in the schema's order. */
export function objectFieldFacts(schema: z.ZodObject): SchemaFieldFacts[] {
  return Object.entries(schema.shape).map(([name, s]) => fieldFacts(name, s as z.ZodType));
}
