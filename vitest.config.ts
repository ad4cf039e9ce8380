// Three test tiers, each runnable on its own (CONTRIBUTING.md says which
// tier proves what):
//   unit     tests/unit     pure functions of lib/, in-process, seconds   npm run test:unit
//   build    tests/build    the real build command on fixture sites       npm run test:build
//   browser  tests/browser  fixture sites served to headless Chromium     npm run test:browser
// `npm test` runs all three after the type check, lint and bundle checks.
import { defineConfig } from "vitest/config";

// Build and browser tests run whole builds in child processes; on a 2-core
// machine, shared with whatever else runs, they need room.
const wholeBuilds = { testTimeout: 120_000, hookTimeout: 180_000 };

export default defineConfig({
  test: {
    fileParallelism: true,
    setupFiles: ["tests/support/remove-temp-folders.ts"],
    maxWorkers: 2,
    projects: [
      // Unit tests take milliseconds; the limit only leaves room for a loaded
      // machine. One that runs a script or a build belongs in the build tier.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 20_000 } },
      { extends: true, test: { name: "build", include: ["tests/build/**/*.test.ts"], ...wholeBuilds } },
      { extends: true, test: { name: "browser", include: ["tests/browser/**/*.test.ts"], ...wholeBuilds } },
    ],
    // `npm test -- --coverage` (CI passes it): a text summary of the lines of
    // lib/ run inside the test processes. Builds run as child processes and
    // browser code runs in Chromium, so what only the build and browser tiers
    // reach is not counted.
    coverage: {
      provider: "v8",
      include: ["lib/**/*.ts"],
      reporter: ["text-summary"],
      reportsDirectory: "node_modules/.cache/coverage",
    },
  },
});
