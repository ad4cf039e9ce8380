// Stable ASCII URL segments for companies and tags. Keys that are already
// slugs are used as they are; other ASCII text is slugified; text in other
// scripts (a Chinese tag such as 储能) gets a short hash of the text, which
// is stable across builds and machines and needs no transliteration table.
import { createHash } from "node:crypto";
import { SLUG_PATTERN } from "../content/schema.ts";

function hashSegment(value: string): string {
  return `x${createHash("sha256").update(value.normalize("NFC")).digest("hex").slice(0, 8)}`;
}

function segmentFor(value: string): string {
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
 * alike ("R&D" and "R and D"), both get the value's hash appended.
 */
export function uniqueSegments(values: Iterable<string>): Map<string, string> {
  const byValue = new Map<string, string>();
  const bySegment = new Map<string, string[]>();
  for (const value of new Set(values)) {
    const segment = segmentFor(value);
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), value]);
  }
  for (const [segment, owners] of bySegment) {
    for (const value of owners) {
      byValue.set(value, owners.length === 1 ? segment : `${segment}-${hashSegment(value).slice(1, 7)}`);
    }
  }
  return byValue;
}
