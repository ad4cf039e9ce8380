import { afterEach, describe, expect, it } from "vitest";
import {
  formatReleaseTime,
  offsetLabel,
  parseReleaseTime,
  readReleaseTime,
  resolveBuildTime,
} from "../../../lib/content/dates.ts";
import { splitFrontMatter } from "../../../lib/content/front-matter.ts";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("parseReleaseTime", () => {
  it("reads a date-only value as that calendar date in the site's zone", () => {
    const time = parseReleaseTime("2023-01-14", "Asia/Shanghai");
    expect(time?.hasTime).toBe(false);
    expect(time?.iso).toBe("2023-01-14");
    expect(time?.dateTime.toISO()).toBe("2023-01-14T00:00:00.000+08:00");
  });

  it("keeps the offset the writer gave with a date-time", () => {
    const time = parseReleaseTime("2024-04-25T10:00:00+08:00", "America/New_York");
    expect(time?.hasTime).toBe(true);
    expect(time?.iso).toBe("2024-04-25T10:00:00+08:00");
  });

  it("reads a date-time without offset in the site's zone", () => {
    expect(parseReleaseTime("2024-04-25 10:00", "Asia/Shanghai")?.iso).toBe("2024-04-25T10:00:00+08:00");
  });

  it.each(["next tuesday", "2023-13-01", "2023-02-30", "14/01/2023", ""])("rejects %j", (value) => {
    expect(parseReleaseTime(value, "Asia/Shanghai")).toBeUndefined();
  });
});

/** Marks each part, so a test sees what the patterns were given without pinning a bundle's wording. */
const marked = {
  dateTime: (p: { date: string; time: string; zone: string }) => `[${p.date}][${p.time}][${p.zone}]`,
  zone: (offset: string) => `UTC${offset}`,
};

describe("formatReleaseTime", () => {
  const dateOnly = () => parseReleaseTime("2023-01-14", "Asia/Shanghai");
  const withTime = () => parseReleaseTime("2024-04-25T10:00:00+08:00", "Asia/Shanghai");

  it("formats a date in English and Chinese", () => {
    const time = dateOnly();
    if (!time) throw new Error("parse failed");
    expect(formatReleaseTime(time, "en", marked)).toBe("January 14, 2023");
    expect(formatReleaseTime(time, "zh-CN", marked)).toBe("2023年1月14日");
  });

  it("adds hour, minute and zone when the source gave a time", () => {
    const time = withTime();
    if (!time) throw new Error("parse failed");
    expect(formatReleaseTime(time, "en", marked)).toMatch(/^\[April 25, 2024\]\[10:00\s?AM\]\[UTC\+8\]$/);
    expect(formatReleaseTime(time, "zh-CN", marked)).toBe("[2024年4月25日][10:00][UTC+8]");
  });

  it("writes the offset as people do after UTC, and UTC alone for zero", () => {
    const at = (value: string) => {
      const time = parseReleaseTime(value, "Asia/Shanghai");
      if (!time) throw new Error("parse failed");
      return offsetLabel(time.dateTime);
    };
    expect(at("2024-04-25T10:00:00+05:30")).toBe("+5:30");
    expect(at("2024-04-25T10:00:00-03:00")).toBe("-3");
    expect(at("2024-04-25T10:00:00Z")).toBe("");
    expect(at("2024-04-25T10:00")).toBe("+8");
  });

  // The time-zone trap: YAML would turn 2023-01-14 into UTC midnight, which
  // is January 13 west of Greenwich. The build machine's TZ must not matter.
  it.each(["America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati", "UTC"])(
    "shows the same calendar date with TZ=%s",
    (tz) => {
      process.env.TZ = tz;
      const { data } = splitFrontMatter("---\nreleaseTime: 2023-01-14\n---\nbody\n");
      const value = (data as { releaseTime: unknown }).releaseTime;
      expect(value).toBe("2023-01-14");
      const time = parseReleaseTime(String(value), "Asia/Shanghai");
      if (!time) throw new Error("parse failed");
      expect(formatReleaseTime(time, "en", marked)).toBe("January 14, 2023");
      expect(new Date(2023, 0, 14).getDate()).toBe(14);
    },
  );
});

describe("release time ranges", () => {
  it.each([
    ["2025-01-01T10:00:00+14:00", true],
    ["2025-01-01T10:00:00-14:00", true],
    ["2025-01-01T10:00:00+05:45", true],
    ["1900-01-01", true],
    ["2999-12-31", true],
  ])("accepts %s", (value) => {
    expect(readReleaseTime(value, "Asia/Shanghai")).toHaveProperty("dateTime");
  });

  it.each([
    ["2025-01-01T10:00:00+15:00", "expected an offset from -14:00 to +14:00, not +15:00"],
    ["2025-01-01T10:00:00-1430", "expected an offset from -14:00 to +14:00, not -14:30"],
    ["2025-01-01T10:00:00+08:60", "expected an offset from -14:00 to +14:00, not +08:60"],
    ["0000-01-01", "expected a year from 1900 to 2999, not 0000"],
    ["1899-12-31T23:00:00+08:00", "expected a year from 1900 to 2999, not 1899"],
    ["3000-01-01", "expected a year from 1900 to 2999, not 3000"],
  ])("refuses %s, saying what was expected", (value, expected) => {
    expect(readReleaseTime(value, "Asia/Shanghai")).toBe(`"${value}": ${expected}`);
    expect(parseReleaseTime(value, "Asia/Shanghai")).toBeUndefined();
  });

  it("names the accepted forms for a value that is no time at all", () => {
    expect(readReleaseTime("next tuesday", "Asia/Shanghai")).toBe(
      '"next tuesday" is not a date like 2023-01-14 or a date-time with offset like 2024-04-25T10:00:00+08:00',
    );
  });
});

describe("resolveBuildTime", () => {
  it("uses BUILD_TIME when set", () => {
    expect(resolveBuildTime("2026-01-01T09:00:00+08:00", "Asia/Shanghai").toISO()).toBe(
      "2026-01-01T09:00:00.000+08:00",
    );
  });

  it("reads BUILD_TIME without an offset in the site's zone, whatever the machine's TZ", () => {
    process.env.TZ = "America/Los_Angeles";
    const time = resolveBuildTime("2026-11-01T09:00:00", "Asia/Shanghai");
    expect(time.toISO()).toBe("2026-11-01T09:00:00.000+08:00");
    expect(time.zoneName).toBe("Asia/Shanghai");
  });

  it("gives the moment in the site's zone when BUILD_TIME has another offset", () => {
    expect(resolveBuildTime("2026-01-01T01:00:00Z", "Asia/Shanghai").toISO()).toBe(
      "2026-01-01T09:00:00.000+08:00",
    );
  });

  it("uses the clock otherwise", () => {
    const now = new Date("2026-05-05T05:05:05Z");
    const time = resolveBuildTime(undefined, "Asia/Shanghai", () => now);
    expect(time.toMillis()).toBe(now.getTime());
    expect(time.zoneName).toBe("Asia/Shanghai");
  });

  it("names BUILD_TIME when the value is not a date or out of range", () => {
    expect(() => resolveBuildTime("tomorrow", "Asia/Shanghai")).toThrow(
      /environment variable BUILD_TIME: "tomorrow" is not a date-time like/,
    );
    expect(() => resolveBuildTime("2026-01-01T09:00:00+15:00", "Asia/Shanghai")).toThrow(
      /environment variable BUILD_TIME: "2026-01-01T09:00:00\+15:00": expected an offset from -14:00 to \+14:00/,
    );
  });
});
