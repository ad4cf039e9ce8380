import { describe, expect, it } from "vitest";
import { hashSegment, segmentFor, uniqueSegments } from "../../../lib/view/segments.ts";

describe("a URL segment", () => {
  it("is a key that is already a slug, as written", () => {
    expect(segmentFor("lumora")).toBe("lumora");
    expect(segmentFor("energy-storage")).toBe("energy-storage");
    expect(segmentFor("2024")).toBe("2024");
  });

  it("slugifies other ASCII text", () => {
    expect(segmentFor("Beta Corp")).toBe("beta-corp");
    expect(segmentFor("  Acme, Inc.  ")).toBe("acme-inc");
    expect(segmentFor("R&D")).toBe("r-and-d");
    expect(segmentFor("ACME")).toBe("acme");
  });

  it("hashes text in other scripts, and ASCII with no letter or digit", () => {
    // Fixed values: these are published URLs, so the hash must never change.
    expect(segmentFor("储能")).toBe("x017f1d8e");
    expect(segmentFor("Café")).toBe("x73473dcc");
    expect(segmentFor("Acme 储能")).toMatch(/^x[0-9a-f]{8}$/);
    expect(segmentFor("!!!")).toBe(hashSegment("!!!"));
    expect(segmentFor("!!!")).not.toBe(segmentFor("???"));
  });

  it("hashes the same text alike however its accents are encoded", () => {
    expect(hashSegment("Cafe\u0301")).toBe(hashSegment("Caf\u00e9"));
    expect(hashSegment("储能")).not.toBe(hashSegment("能储"));
  });
});

describe("segments for a set of values", () => {
  it("keeps every segment that no other value shares", () => {
    expect(uniqueSegments(["lumora", "Beta Corp", "储能", "Beta Corp"])).toEqual(
      new Map([
        ["lumora", "lumora"],
        ["Beta Corp", "beta-corp"],
        ["储能", "x017f1d8e"],
      ]),
    );
  });

  it("appends each value's hash where values slug alike", () => {
    const segments = uniqueSegments(["R&D", "R and D", "r-and-d", "people"]);
    expect(segments).toEqual(
      new Map([
        ["R&D", "r-and-d-1d168d"],
        ["R and D", "r-and-d-021be1"],
        ["r-and-d", `r-and-d-${hashSegment("r-and-d").slice(1, 7)}`],
        ["people", "people"],
      ]),
    );
  });

  it("gives a value the same segment whatever order the values come in", () => {
    const values = ["R&D", "储能", "R and D", "Beta Corp"];
    expect(uniqueSegments([...values].reverse())).toEqual(uniqueSegments(values));
  });

  it("stays unique when two hashes begin alike", () => {
    // Found by search: their SHA-256 digests share the first 8 hex digits (fb5a9369).
    expect(hashSegment("标签14163")).toBe("xfb5a9369");
    expect(hashSegment("标签71735")).toBe("xfb5a9369");
    const segments = [...uniqueSegments(["标签14163", "标签71735"]).values()];
    expect(new Set(segments).size).toBe(2);
    for (const segment of segments) expect(segment).toMatch(/^xfb5a9369-[0-9a-f]+$/);
  });

  it("stays unique when a value is written like another's suffixed segment", () => {
    const segments = uniqueSegments(["R&D", "R and D", "r-and-d-1d168d"]);
    expect(new Set(segments.values()).size).toBe(3);
  });

  it("refuses values that differ only in how their accents are encoded", () => {
    expect(() => uniqueSegments(["Caf\u00e9", "Cafe\u0301"])).toThrow(
      "are the same text in different Unicode forms",
    );
  });
});
