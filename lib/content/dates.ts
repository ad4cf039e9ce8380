// Release times: parsing the front matter value and formatting it per locale.
// Front matter is parsed without YAML timestamps (see content/front-matter.ts),
// so a date-only value arrives as the string the writer typed and is read as a
// calendar date in the site's time zone, whatever TZ the build machine has.
import { DateTime, type DateTimeFormatOptions } from "luxon";
import { ProblemsError } from "./problems.ts";

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
/**
 * The shape of a release time as one pattern (a form field checks it as the
 * writer types); readReleaseTime still checks the calendar and the ranges.
 */
export const RELEASE_TIME_PATTERN = new RegExp(`(${DATE_ONLY.source})|(${DATE_TIME.source})`);
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const OFFSET = /([+-])(\d{2}):?(\d{2})$/;

export const RELEASE_TIME_EXPECTED =
  "a date like 2023-01-14 or a date-time with offset like 2024-04-25T10:00:00+08:00";

/**
 * The years a release time may have. Earlier or later is a typo (0000, 20250)
 * that would make invalid <time> values and archive pages like /archive/0/.
 */
export const YEAR_RANGE = { first: 1900, last: 2999 } as const;

/** UTC-12:00 to UTC+14:00 are the zones in use; ±14:00 is allowed either way. */
export const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * What is wrong with a parsed date-time's year or with the offset written
 * in `text`, as what was expected; undefined when both are in range.
 */
export function timeRangeProblem(text: string, dateTime: DateTime): string | undefined {
  const offset = OFFSET.exec(text);
  if (offset) {
    const [, sign, hours, minutes] = offset;
    const total = Number(hours) * 60 + Number(minutes);
    if (Number(minutes) >= 60 || total > MAX_OFFSET_MINUTES) {
      return `expected an offset from -14:00 to +14:00, not ${sign}${hours}:${minutes}`;
    }
  }
  if (dateTime.year < YEAR_RANGE.first || dateTime.year > YEAR_RANGE.last) {
    return `expected a year from ${YEAR_RANGE.first} to ${YEAR_RANGE.last}, not ${String(dateTime.year).padStart(4, "0")}`;
  }
  return undefined;
}

/**
 * Reads a release time (also BUILD_TIME): a date is that calendar date in
 * the site's zone; a date-time without an offset is read in the site's zone,
 * never the machine's. Returns what was expected when the value is not one
 * (`expected` names the accepted forms).
 */
export function readReleaseTime(
  value: string,
  siteZone: string,
  expected = RELEASE_TIME_EXPECTED,
): ReleaseTime | string {
  const text = value.trim();
  const notATime = `"${value}" is not ${expected}`;
  let time: ReleaseTime;
  if (DATE_ONLY.test(text)) {
    const dateTime = DateTime.fromISO(text, { zone: siteZone });
    if (!dateTime.isValid) return notATime;
    time = { dateTime, hasTime: false, iso: text };
  } else if (DATE_TIME.test(text)) {
    const normalized = text.replace(" ", "T");
    // An explicit offset is kept for display; without one the site zone applies.
    const dateTime = HAS_OFFSET.test(normalized)
      ? DateTime.fromISO(normalized, { setZone: true })
      : DateTime.fromISO(normalized, { zone: siteZone });
    if (!dateTime.isValid) return notATime;
    time = { dateTime, hasTime: true, iso: dateTime.toISO({ suppressMilliseconds: true }) ?? normalized };
  } else {
    return notATime;
  }
  const range = timeRangeProblem(text, time.dateTime);
  return range ? `"${value}": ${range}` : time;
}

/**
 * Returns undefined when the value is not a date we accept; readReleaseTime
 * says why.
 */
export function parseReleaseTime(value: string, siteZone: string): ReleaseTime | undefined {
  const time = readReleaseTime(value, siteZone);
  return typeof time === "string" ? undefined : time;
}

const DATE_FORMAT: DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const TIME_FORMAT: DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };

/**
 * How a locale puts a date, a time of day and a zone together, from its
 * bundle (`time.dateTime`, `time.zone`), so a translator decides the order
 * and punctuation: "April 25, 2024 at 10:00 AM UTC+8", "2024年4月25日 10:00（UTC+8）".
 */
export interface TimePatterns {
  dateTime(parts: { date: string; time: string; zone: string }): string;
  zone(offset: string): string;
}

/** The offset as people write it after UTC: "+8", "+5:30", "-3", or "" for UTC itself. */
export function offsetLabel(dateTime: DateTime): string {
  const minutes = dateTime.offset;
  if (minutes === 0) return "";
  const sign = minutes < 0 ? "-" : "+";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `${sign}${hours}${rest === 0 ? "" : `:${String(rest).padStart(2, "0")}`}`;
}

/**
 * "January 14, 2023" / "2023年1月14日"; with the time of day and zone, put
 * together by the locale's patterns, when the source had them.
 */
export function formatReleaseTime(time: ReleaseTime, luxonLocale: string, patterns: TimePatterns): string {
  const local = time.dateTime.setLocale(luxonLocale);
  const date = local.toLocaleString(DATE_FORMAT);
  if (!time.hasTime) return date;
  return patterns.dateTime({
    date,
    time: local.toLocaleString(TIME_FORMAT),
    zone: patterns.zone(offsetLabel(time.dateTime)),
  });
}

const BUILD_TIME_EXPECTED =
  "a date-time like 2026-01-01T09:00:00+08:00 (without an offset, in the site's time zone) or a date like 2026-01-01";

/**
 * Parses BUILD_TIME, "now" everywhere a build decides what is published,
 * with the same rules as a release time: without an offset it is read in the
 * site's zone, so a build machine in another zone cannot lift an embargo
 * early. The result is in the site's zone, as the build summary shows it.
 */
export function resolveBuildTime(
  value: string | undefined,
  siteZone: string,
  now: () => Date = () => new Date(),
): DateTime {
  if (value === undefined || value.trim() === "") return DateTime.fromJSDate(now()).setZone(siteZone);
  const time = readReleaseTime(value, siteZone, BUILD_TIME_EXPECTED);
  if (typeof time === "string") {
    throw new ProblemsError("BUILD_TIME is not a time.", [
      { file: "environment variable BUILD_TIME", message: time },
    ]);
  }
  return time.dateTime.setZone(siteZone);
}
