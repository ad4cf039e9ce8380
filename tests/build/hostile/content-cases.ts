// Hostile and careless input: release files, their front matter and their
// attachments. Run by tests/build/hostile-input.test.ts.
import type { HostileCase } from "../../support/hostile.ts";

export const contentCases: HostileCase[] = [
  {
    name: "a release without a title",
    files: { "src/releases/en/untitled.md": "---\nreleaseTime: 2025-02-01\n---\nText\n" },
    code: 1,
    says: ["src/releases/en/untitled.md: title: required"],
  },
];
