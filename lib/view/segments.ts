// Stable ASCII URL segments for companies and tags. Keys that are already
// slugs are used as they are; other ASCII text is slugified; text in other
// scripts (a Chinese tag such as 储能) gets a short hash of the text, which
// is stable across builds and machines and needs no transliteration table.
import { createHash } from "node:crypto";
import { SLUG_PATTERN } from "../content/schema.ts";

/** Hex SHA-256 of the text, NFC-normalized so its accents may be encoded either way. */
function digest(value: string): string {
  return createHash("sha256").update(value.normalize("NFC")).digest("hex");
}

export function hashSegment(value: string): string {
  return `x${digest(value).slice(0, 8)}`;
}

export function segmentFor(value: string): string {
  if (SLUG_PATTERN.test(value)) return value;
  if (/^[\x20-\x7e]+$/.test(value)) {
    const slug = value
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (slug) return slug;
  }
  return hashSegment(value);
}

/**
 * Segments for a set of values, unique within the set: when two values slug
 * alike ("R&D" and "R and D"), both get 6 hex digits of the value's hash
 * appended, and more digits while a segment is still shared (two hashes can
 * begin alike; a value can be written like another's suffixed segment).
 */
export function uniqueSegments(values: Iterable<string>): Map<string, string> {
  const byValue = new Map([...new Set(values)].map((value) => [value, segmentFor(value)]));
  for (let digits = 6; ; digits += 6) {
    const clashing = valuesSharingASegment(byValue);
    if (clashing.length === 0) return byValue;
    // Only values that are one text after NFC normalization get this far.
    if (digits > 64) {
      throw new Error(
        `${clashing.map((v) => JSON.stringify(v)).join(" and ")} are the same text in different Unicode forms; write them alike`,
      );
    }
    for (const value of clashing) {
      byValue.set(value, `${segmentFor(value)}-${digest(value).slice(0, digits)}`);
    }
  }
}

function valuesSharingASegment(byValue: Map<string, string>): string[] {
  const owners = new Map<string, string[]>();
  for (const [value, segment] of byValue) owners.set(segment, [...(owners.get(segment) ?? []), value]);
  return [...owners.values()].filter((values) => values.length > 1).flat();
}
