// Hostile and careless input: where the build writes and the settings that
// shape URLs. Run by tests/build/hostile-input.test.ts.
import type { HostileCase } from "../../support/hostile.ts";

export const outputCases: HostileCase[] = [
  {
    name: "a preview asked into _site/",
    args: ["--preview", "--out", "_site"],
    code: 1,
    says: ["cannot be written to _site/"],
  },
];
