// Release times: parsing the front matter value and formatting it per locale.
// Front matter is parsed without YAML timestamps (see content/front-matter.ts),
// so a date-only value arrives as the string the writer typed and is read as a
// calendar date in the site's time zone, whatever TZ the build machine has.
import { DateTime, type DateTimeFormatOptions } from "luxon";

export interface ReleaseTime {
  /** The instant, in the zone the writer meant (site zone or the given offset). */
  dateTime: DateTime;
  /** False for a date-only value: no hour, minute or zone is shown. */
  hasTime: boolean;
  /** Machine-readable value for <time datetime> and feeds. */
  iso: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export const RELEASE_TIME_EXPECTED =
  "a date like 2023-01-14 or a date-time with offset like 2024-04-25T10:00:00+08:00";

/**
 * Returns undefined when the value is not a date we accept, so the caller can
 * report it against the file and field.
 */
export function parseReleaseTime(value: string, siteZone: string): ReleaseTime | undefined {
  const text = value.trim();
  if (DATE_ONLY.test(text)) {
    const dateTime = DateTime.fromISO(text, { zone: siteZone });
    if (!dateTime.isValid) return undefined;
    return { dateTime, hasTime: false, iso: text };
  }
  if (DATE_TIME.test(text)) {
    const normalized = text.replace(" ", "T");
    // An explicit offset is kept for display; without one the site zone applies.
    const dateTime = HAS_OFFSET.test(normalized)
      ? DateTime.fromISO(normalized, { setZone: true })
      : DateTime.fromISO(normalized, { zone: siteZone });
    if (!dateTime.isValid) return undefined;
    return {
      dateTime,
      hasTime: true,
      iso: dateTime.toISO({ suppressMilliseconds: true }) ?? normalized,
    };
  }
  return undefined;
}

const DATE_FORMAT: DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const DATE_TIME_FORMAT: DateTimeFormatOptions = {
  ...DATE_FORMAT,
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** "January 14, 2023" / "2023年1月14日", with time and zone when the source had them. */
export function formatReleaseTime(time: ReleaseTime, luxonLocale: string): string {
  return time.dateTime.setLocale(luxonLocale).toLocaleString(time.hasTime ? DATE_TIME_FORMAT : DATE_FORMAT);
}

/** Parses BUILD_TIME; "now" everywhere a build decides what is published. */
export function resolveBuildTime(value: string | undefined, now: () => Date = () => new Date()): DateTime {
  if (value === undefined || value.trim() === "") return DateTime.fromJSDate(now());
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  if (!parsed.isValid) {
    throw new Error(
      `BUILD_TIME: "${value}" is not an ISO date-time (expected e.g. 2026-01-01T09:00:00+08:00)`,
    );
  }
  return parsed;
}
