// `npm run bench -- --releases N`: builds a generated bilingual corpus with
// the full pipeline and, in the same run, with bare Eleventy plus bare
// Pagefind, alternating for several rounds, and prints medians per phase
// (wall, CPU, peak RSS), sizes, the ratio between the two (the full build
// both cold, with no share-card cache, and warm), and the time from
// editing one release to its page being rewritten under `npm start`, and what
// a first search transfers for each word of a fixed list (scripts/bench/words.ts),
// ours and bare Pagefind's, in the system's Chromium when it has one.
// `--card-cache DIR` keeps the full build's share cards in DIR from one run
// to the next and skips the cold build: at 30,000 releases the 60,000 cold
// cards take most of an hour on two cores, while what the run is for (peak
// memory and time of a build) is the warm build's.
import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { listFiles, totalBytes } from "../lib/build/output-files.ts";
import { formatBytes } from "../lib/build/summary.ts";
import { serveStatic } from "../lib/deploy/static-server.ts";
import { pagefindEnvironment, pagefindRunner } from "../lib/search/pagefind.ts";
import { writeBareSite } from "./bench/bare-site.ts";
import { CHROMIUM } from "./bench/chromium.ts";
import { generateCorpus } from "./bench/corpus.ts";
import { measureFirstQuery } from "./bench/first-query.ts";
import { type Measurement, measure } from "./bench/process-tree.ts";
import { type FirstVisit, measureFirstVisit, readIndexLists, refetchedBytes } from "./bench/reader-costs.ts";
import {
  BENCH_WORDS,
  formatWordTable,
  releasesContaining,
  type WordFigures,
  wordFigures,
} from "./bench/words.ts";
import { buildArguments, copyProject } from "./bench/workspace.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    releases: { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
    out: { type: "string" },
    json: { type: "boolean", default: false },
    "skip-dev": { type: "boolean", default: false },
    "skip-browser": { type: "boolean", default: false },
    // The search indexer's memory budget in MB (SEARCH_INDEX_MEMORY); the site's default without it.
    "index-memory": { type: "string" },
    // Share cards kept here between runs; the cold build is skipped.
    "card-cache": { type: "string" },
  },
});
const releases = Number(values.releases);
const rounds = Number(values.rounds);
// tmpfs keeps disk latency out of the figures when the machine has one.
const out = path.resolve(values.out ?? (existsSync("/dev/shm") ? "/dev/shm/pressroom-bench" : ".bench"));
const BUILD_TIME = "2026-06-01T00:00:00+08:00";
const log = (line: string) => {
  if (!values.json) console.log(line);
};

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

function check(m: Measurement, what: string): Measurement {
  if (m.code !== 0) throw new Error(`${what} failed:\n${m.stdout}\n${m.stderr}`);
  return m;
}

/** Splits a measurement into Pagefind's processes and everything else. */
function split(m: Measurement) {
  const isPagefind = (name: string) => name.startsWith("pagefind");
  const pf = m.processes.filter((p) => isPagefind(p.name));
  const rest = m.processes.filter((p) => !isPagefind(p.name));
  const sum = (ps: typeof pf) => ps.reduce((s, p) => s + p.cpuMs, 0);
  const peak = (ps: typeof pf) => Math.max(0, ...ps.map((p) => p.peakRss));
  return { pagefind: { cpuMs: sum(pf), peakRss: peak(pf) }, node: { cpuMs: sum(rest), peakRss: peak(rest) } };
}

/** The build summary's share-image line: cards drawn, cards copied from the cache, time. */
function shareImagesOf(stdout: string): { generated: number; reused: number; ms: number } {
  const match =
    /images:\s+(\d+) share images generated, (\d+) reused from the cache, in ([\d.]+) (ms|s)/.exec(stdout);
  if (!match) return { generated: 0, reused: 0, ms: 0 };
  const [, generated = "0", reused = "0", value = "0", unit = "ms"] = match;
  return {
    generated: Number(generated),
    reused: Number(reused),
    ms: Number(value) * (unit === "s" ? 1000 : 1),
  };
}

function phasesOf(stdout: string): Record<string, number> {
  // The line ends with a note in parentheses on which phases overlap.
  const line = (/phases:\s+(.+)/.exec(stdout)?.[1] ?? "").replace(/\s*\(.*\)$/, "");
  return Object.fromEntries(
    line.split(", ").map((part) => {
      const [name = "", value = "0", unit = "ms"] = part.split(" ");
      return [name, Number(value) * (unit === "s" ? 1000 : 1)];
    }),
  );
}

log(`Generating ${releases} releases (${releases * 2} pages) in ${out}`);
rmSync(out, { recursive: true, force: true });
const fullDir = path.join(out, "full");
const bareDir = path.join(out, "bare");
mkdirSync(fullDir, { recursive: true });
mkdirSync(bareDir, { recursive: true });
const corpus = generateCorpus({ releases });
copyProject(projectRoot, fullDir);
for (const release of corpus) {
  for (const locale of ["en", "zh"] as const) {
    const file = path.join(fullDir, release[locale].path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, release[locale].markdown);
  }
}
writeBareSite(bareDir, corpus, projectRoot);
const cardCache = values["card-cache"] ? path.resolve(values["card-cache"]) : undefined;
if (cardCache) {
  mkdirSync(cardCache, { recursive: true });
  mkdirSync(path.join(fullDir, ".cache"), { recursive: true });
  symlinkSync(cardCache, path.join(fullDir, ".cache", "share-cards"), "dir");
}

const env = {
  ...process.env,
  BUILD_TIME,
  ...(values["index-memory"] ? { SEARCH_INDEX_MEMORY: values["index-memory"] } : {}),
};
// Bare Pagefind's baseline is its default allocator, even if this shell sets one.
const bareEnv: NodeJS.ProcessEnv = { ...env };
delete bareEnv._RJEM_MALLOC_CONF;
const node = process.execPath;
const eleventyCli = path.join(projectRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const pagefindCli = pagefindRunner();

type FullBuild = {
  m: Measurement;
  phases: Record<string, number>;
  shareImages: ReturnType<typeof shareImagesOf>;
};
// Each round builds twice: cold, with no share-card cache (a first build),
// and warm, with the cache the cold build left (any later build, or CI
// with a restored .cache/).
const full: FullBuild[] = [];
const fullWarm: FullBuild[] = [];
const buildFull = async (what: string): Promise<FullBuild> => {
  const f = check(await measure(node, buildArguments(), { cwd: fullDir, env }), what);
  return { m: f, phases: phasesOf(f.stdout), shareImages: shareImagesOf(f.stdout) };
};
const bareEleventy: Measurement[] = [];
const barePagefind: Measurement[] = [];
// Bare Pagefind again with the allocator setting the build gives it
// (lib/search/pagefind.ts): its default is the baseline, this shows how much
// of the difference is that setting.
const barePagefindTuned: Measurement[] = [];
for (let round = 1; round <= rounds; round++) {
  rmSync(path.join(bareDir, "_site"), { recursive: true, force: true });
  const e = check(
    await measure(node, [eleventyCli, "--config=eleventy.config.mjs", "--quiet"], { cwd: bareDir, env }),
    "bare Eleventy",
  );
  const p = check(
    await measure(node, [pagefindCli, "--site", "_site"], { cwd: bareDir, env: bareEnv }),
    "bare Pagefind",
  );
  const pt = check(
    await measure(node, [pagefindCli, "--site", "_site"], { cwd: bareDir, env: pagefindEnvironment(env) }),
    "bare Pagefind with the build's allocator setting",
  );
  if (!cardCache) rmSync(path.join(fullDir, ".cache", "share-cards"), { recursive: true, force: true });
  const cold = cardCache ? undefined : await buildFull("full build (cold)");
  const warm = await buildFull("full build (warm)");
  bareEleventy.push(e);
  barePagefind.push(p);
  barePagefindTuned.push(pt);
  // Without a cold build, the figures printed for it are the warm one's.
  full.push(cold ?? warm);
  fullWarm.push(warm);
  log(
    `  round ${round}: full ${cold ? `${seconds(cold.m.wallMs)} cold, ` : ""}${seconds(warm.m.wallMs)} warm; bare Eleventy ${seconds(e.wallMs)} + bare Pagefind ${seconds(p.wallMs)} (${seconds(pt.wallMs)} with the allocator setting)`,
  );
}

const fullSite = path.join(fullDir, "_site");
const fullFiles = listFiles(fullSite);
const indexFiles = listFiles(path.join(fullSite, "pagefind"));
const pages = fullFiles.filter((f) => f.endsWith(".html")).length;
const fullWall = median(full.map((r) => r.m.wallMs));
const warmWall = median(fullWarm.map((r) => r.m.wallMs));
const cardsOf = (builds: FullBuild[]) => ({
  generated: median(builds.map((r) => r.shareImages.generated)),
  reused: median(builds.map((r) => r.shareImages.reused)),
  ms: median(builds.map((r) => r.shareImages.ms)),
});
const bareEleventyWall = median(bareEleventy.map((m) => m.wallMs));
const bareTotal = bareEleventyWall + median(barePagefind.map((m) => m.wallMs));
const bareTunedTotal = bareEleventyWall + median(barePagefindTuned.map((m) => m.wallMs));
const phaseNames = Object.keys(full[0]?.phases ?? {});
const releasePage = path.join(fullSite, "en", "releases", corpus[0]?.slug ?? "", "index.html");

const summary = {
  releases,
  pages,
  rounds,
  full: {
    wallMs: fullWall,
    cpuMs: median(full.map((r) => r.m.cpuMs)),
    peakRss: median(full.map((r) => r.m.peakRss)),
    peakTotalRss: median(full.map((r) => r.m.peakTotalRss)),
    pagesPerSecond: Math.round(pages / (fullWall / 1000)),
    phasesMs: Object.fromEntries(phaseNames.map((n) => [n, median(full.map((r) => r.phases[n] ?? 0))])),
    node: {
      cpuMs: median(full.map((r) => split(r.m).node.cpuMs)),
      peakRss: median(full.map((r) => split(r.m).node.peakRss)),
    },
    pagefind: {
      cpuMs: median(full.map((r) => split(r.m).pagefind.cpuMs)),
      peakRss: median(full.map((r) => split(r.m).pagefind.peakRss)),
    },
    outputBytes: totalBytes(fullFiles),
    indexBytes: totalBytes(indexFiles),
    indexFiles: indexFiles.length,
    releasePageBytes: existsSync(releasePage) ? statSync(releasePage).size : 0,
    // As served: the page and its stylesheet, gzipped.
    releasePageGzipBytes: existsSync(releasePage)
      ? gzipSync(readFileSync(releasePage)).length +
        gzipSync(readFileSync(path.join(fullSite, "assets", "site.css"))).length
      : 0,
  },
  bare: {
    eleventy: {
      wallMs: median(bareEleventy.map((m) => m.wallMs)),
      cpuMs: median(bareEleventy.map((m) => m.cpuMs)),
      peakRss: median(bareEleventy.map((m) => m.peakRss)),
    },
    pagefind: {
      wallMs: median(barePagefind.map((m) => m.wallMs)),
      cpuMs: median(barePagefind.map((m) => m.cpuMs)),
      peakRss: median(barePagefind.map((m) => m.peakRss)),
      peakTotalRss: median(barePagefind.map((m) => m.peakTotalRss)),
    },
    pagefindTuned: {
      wallMs: median(barePagefindTuned.map((m) => m.wallMs)),
      cpuMs: median(barePagefindTuned.map((m) => m.cpuMs)),
      peakRss: median(barePagefindTuned.map((m) => m.peakRss)),
    },
  },
  /** `full` is the warm build's figures: --card-cache skipped the cold one. */
  coldSkipped: cardCache !== undefined,
  /** The same full build with the share-card cache of the cold one kept. */
  fullWarm: {
    wallMs: warmWall,
    cpuMs: median(fullWarm.map((r) => r.m.cpuMs)),
    peakTotalRss: median(fullWarm.map((r) => r.m.peakTotalRss)),
    nodePeakRss: median(fullWarm.map((r) => split(r.m).node.peakRss)),
    pagefindPeakRss: median(fullWarm.map((r) => split(r.m).pagefind.peakRss)),
    phasesMs: Object.fromEntries(phaseNames.map((n) => [n, median(fullWarm.map((r) => r.phases[n] ?? 0))])),
  },
  shareImages: { cold: cardsOf(full), warm: cardsOf(fullWarm) },
  /** Cold: no share-card cache. */
  ratio: fullWall / bareTotal,
  ratioWarm: warmWall / bareTotal,
  /** Against bare Pagefind with the build's allocator setting. */
  ratioWarmTuned: warmWall / bareTunedTotal,
  devLoopMs: undefined as number | undefined,
  /** Per word of BENCH_WORDS: releases containing it, and a first search's bytes and results, ours and bare. */
  words: [] as WordFigures[],
  firstVisit: undefined as FirstVisit | undefined,
  /** Per Pagefind language: the whole index saved for offline use, and what one edited release makes it fetch again. */
  offlineIndex: {} as Record<string, { bytes: number; files: number; refetchedAfterEdit?: number }>,
};

for (const [language, list] of readIndexLists(fullSite)) {
  summary.offlineIndex[language] = { bytes: list.bytes, files: list.files.length };
}

// Each word of the fixed list searched first in a fresh browser, on our site
// and on the bare one, with what the corpus says a search should find.
let firstQueryProblem: string | undefined;
if (values["skip-browser"]) {
  firstQueryProblem = "skipped (--skip-browser)";
} else if (!existsSync(CHROMIUM)) {
  firstQueryProblem = `no Chromium at ${CHROMIUM}`;
}
{
  const servers = firstQueryProblem
    ? undefined
    : { ours: await serveStatic(fullSite), bare: await serveStatic(path.join(bareDir, "_site")) };
  try {
    for (const word of BENCH_WORDS) {
      const containing = releasesContaining(corpus, word);
      if (!servers) {
        summary.words.push(wordFigures(word, containing));
        continue;
      }
      const measured: Parameters<typeof wordFigures>[2] = {};
      const searchPath = `/${word.locale}/search/`;
      // One side failing (a page that never shows a count) leaves the other's figures.
      for (const side of ["bare", "ours"] as const) {
        try {
          measured[side] = await measureFirstQuery(servers[side], searchPath, word.word);
        } catch (error) {
          const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
          measured.problem = [measured.problem, `${side}: ${reason}`].filter(Boolean).join("; ");
        }
      }
      summary.words.push(wordFigures(word, containing, measured));
    }
    if (servers)
      summary.firstVisit = await measureFirstVisit(servers.ours, `/zh/releases/${corpus[0]?.slug ?? ""}/`);
  } finally {
    await servers?.ours.close();
    await servers?.bare.close();
  }
}

// One release edited in both languages and the site built again: what a
// visitor's saved index fetches on the next visit.
{
  const before = readIndexLists(fullSite);
  const edited = corpus[Math.floor(corpus.length / 3)] as (typeof corpus)[number];
  appendFileSync(path.join(fullDir, edited.en.path), "\nThe board approved the plan on Tuesday.\n");
  appendFileSync(path.join(fullDir, edited.zh.path), "\n董事会于周二批准了该计划。\n");
  check(await measure(node, buildArguments(), { cwd: fullDir, env }), "full build after an edit");
  for (const [language, after] of readIndexLists(fullSite)) {
    const old = before.get(language);
    const entry = summary.offlineIndex[language];
    if (old && entry) entry.refetchedAfterEdit = refetchedBytes(old, after);
  }
}

let devLoopProblem: string | undefined;
if (!values["skip-dev"]) {
  try {
    summary.devLoopMs = await devLoop();
  } catch (error) {
    // The build figures above are still worth printing.
    devLoopProblem = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}

/** `npm start` (watch): append to one release, time until its page is rewritten. */
async function devLoop(): Promise<number> {
  const child = spawn(
    node,
    ["--import", "tsx", eleventyCli, "--config=eleventy.config.ts", "--watch", "--quiet"],
    {
      cwd: fullDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const waitFor = async (test: () => boolean, limitMs: number) => {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > limitMs)
        throw new Error(`timed out; output so far:\n${output.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - start;
  };
  try {
    await waitFor(() => output.includes("Watching"), 600_000);
    // The watcher reports ready before it has scanned every release folder.
    await new Promise((r) => setTimeout(r, 3000));
    const release = corpus[Math.floor(corpus.length / 2)] as (typeof corpus)[number];
    const source = path.join(fullDir, release.en.path);
    const page = path.join(fullDir, "_site", "en", "releases", release.slug, "index.html");
    const times: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const marker = `Edited for the benchmark ${i}`;
      await new Promise((r) => setTimeout(r, 500));
      appendFileSync(source, `\n${marker}\n`);
      times.push(
        await waitFor(() => existsSync(page) && readFileSync(page, "utf8").includes(marker), 600_000),
      );
    }
    return median(times);
  } finally {
    child.kill();
  }
}

if (values.json) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const s = summary;
  log("");
  log(`Pressroom benchmark: ${releases} releases, ${pages} HTML pages, median of ${rounds} rounds`);
  if (s.coldSkipped)
    log(
      "  cold build         skipped (--card-cache): the full pipeline's figures below are the warm build's",
    );
  log(
    `  full pipeline      ${seconds(s.full.wallMs)} wall, ${seconds(s.full.cpuMs)} CPU, ${s.full.pagesPerSecond} pages/s`,
  );
  const phases = (p: Record<string, number>) =>
    Object.entries(p)
      .map(([n, ms]) => `${n} ${seconds(ms)}`)
      .join(", ");
  log(`    phases           ${phases(s.full.phasesMs)}`);
  const cards = (c: { generated: number; reused: number; ms: number }) =>
    `${c.generated} drawn, ${c.reused} from the cache, ${seconds(c.ms)}${c.generated > 0 ? ` (${(c.ms / c.generated).toFixed(1)} ms a card)` : ""}`;
  log(
    `    share images     cold (no cache): ${cards(s.shareImages.cold)}; warm: ${cards(s.shareImages.warm)}`,
  );
  log(
    `  full, warm cache   ${seconds(s.fullWarm.wallMs)} wall, ${seconds(s.fullWarm.cpuMs)} CPU, peak RSS ${mb(s.fullWarm.peakTotalRss)} (Node ${mb(s.fullWarm.nodePeakRss)}, largest Pagefind ${mb(s.fullWarm.pagefindPeakRss)}); phases ${phases(s.fullWarm.phasesMs)}`,
  );
  log(`    node processes   ${seconds(s.full.node.cpuMs)} CPU, peak RSS ${mb(s.full.node.peakRss)}`);
  log(`    pagefind         ${seconds(s.full.pagefind.cpuMs)} CPU, peak RSS ${mb(s.full.pagefind.peakRss)}`);
  log(
    `    all at once      peak RSS ${mb(s.full.peakTotalRss)} (every process of the build together; index memory budget ${values["index-memory"] ? `${values["index-memory"]} MB` : "the site's default"})`,
  );
  log(
    `    output           ${formatBytes(s.full.outputBytes)}; search index ${s.full.indexFiles} files, ${formatBytes(s.full.indexBytes)}; a release page ${formatBytes(s.full.releasePageBytes)} (${formatBytes(s.full.releasePageGzipBytes)} gzipped with its CSS)`,
  );
  log(
    `  bare Eleventy      ${seconds(s.bare.eleventy.wallMs)} wall, ${seconds(s.bare.eleventy.cpuMs)} CPU, peak RSS ${mb(s.bare.eleventy.peakRss)}`,
  );
  log(
    `  bare Pagefind      ${seconds(s.bare.pagefind.wallMs)} wall, ${seconds(s.bare.pagefind.cpuMs)} CPU, peak RSS ${mb(s.bare.pagefind.peakRss)} (${mb(s.bare.pagefind.peakTotalRss)} with its launcher)`,
  );
  log(
    `    with huge pages  ${seconds(s.bare.pagefindTuned.wallMs)} wall, ${seconds(s.bare.pagefindTuned.cpuMs)} CPU, peak RSS ${mb(s.bare.pagefindTuned.peakRss)} (the allocator setting the build gives Pagefind)`,
  );
  log(
    `  ratio              full / (bare Eleventy + bare Pagefind) = ${s.ratio.toFixed(2)} cold, ${s.ratioWarm.toFixed(2)} warm; ${s.ratioWarmTuned.toFixed(2)} warm against bare Pagefind with huge pages`,
  );
  if (s.devLoopMs !== undefined)
    log(`  dev loop           one edited release rewritten in ${seconds(s.devLoopMs)} (npm start, watch)`);
  if (devLoopProblem) log(`  dev loop           not measured: ${devLoopProblem}`);
  log(
    "  first query        per word, in a fresh browser without the service worker, bytes as sent (gzip); bare = bare Pagefind's JS API on the bare site",
  );
  for (const line of formatWordTable(s.words)) log(`    ${line}`);
  if (firstQueryProblem) log(`  first query        not measured: ${firstQueryProblem}`);
  if (s.firstVisit)
    log(
      `  first visit        a release page with the service worker: ${formatBytes(s.firstVisit.bytes)} in ${s.firstVisit.requests} requests in 30 s, ${s.firstVisit.pagefindRequests} of them for the search index`,
    );
  for (const [language, index] of Object.entries(s.offlineIndex)) {
    const refetched =
      index.refetchedAfterEdit === undefined
        ? ""
        : `; after one edited release it fetches ${formatBytes(index.refetchedAfterEdit)} again (${((100 * index.refetchedAfterEdit) / index.bytes).toFixed(1)}%)`;
    log(`  offline index      ${language}: ${formatBytes(index.bytes)} in ${index.files} files${refetched}`);
  }
}
