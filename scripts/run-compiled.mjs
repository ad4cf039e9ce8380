// @ts-check
// `node scripts/run-compiled.mjs scripts/build.ts [arguments]`: runs a
// TypeScript script compiled by esbuild ahead of running it, the way Vite
// loads its config, rather than under tsx. tsx sends every module Node
// loads through a loader thread; the build loads Eleventy's hundreds of
// modules, and under tsx its start-up took 0.5 to 1 s longer
// (docs/performance.md, "Start-up and the build's own thread"). This is
// the project's one JavaScript file: Node 20 runs no TypeScript without a
// loader.
//
// The script, everything it imports from the project and _data/site.ts
// (which the build imports by its path, lib/build/newsroom.ts) are bundled
// into one folder under .cache/compiled/, named by a hash of its content:
// runs of different code never share a folder, and a folder is never
// changed once written. Packages stay in node_modules. Each module keeps
// its own import.meta.url, so a path computed from it (the share-card
// worker's source, a package found with createRequire) is the same as under
// tsx. A run whose sources are unchanged since the last one (same size and
// modification time) imports the last run's folder without compiling.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(projectRoot, ".cache", "compiled");
/** Modules a script imports by a path it computes, compiled with it when present. */
const ALSO_COMPILED = ["_data/site.ts"];
/** A compiled folder unused this long is removed by the next run that compiles. */
const KEEP_MS = 24 * 60 * 60 * 1000;
/** Where lib/build/compiled-modules.ts finds a compiled module by its source file. */
const REGISTRY = Symbol.for("pressroom.compiled-modules");

/**
 * What a compiled folder was made from: each source file's size and
 * modification time, this file's and esbuild's among them. `fresh` is
 * false when a source may have changed while it was compiled: the folder
 * may hold either version, so the next run compiles again.
 * `outputs` lists the folder's files, all of which must still be there.
 * @typedef {{ folder: string, modules: Record<string, string>, inputs: [string, number, number][], outputs: string[], fresh: boolean }} Manifest
 */

/** @param {string} file */
const stamp = (file) => {
  const stats = statSync(path.resolve(projectRoot, file));
  return /** @type {[string, number, number]} */ ([file, stats.mtimeMs, stats.size]);
};

/**
 * The last run's folder for this script, if no source has changed since.
 * @param {string} manifestFile
 * @returns {Manifest | undefined}
 */
function unchanged(manifestFile) {
  try {
    /** @type {Manifest} */
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    for (const [file, mtime, size] of manifest.inputs) {
      const [, now, bytes] = stamp(file);
      if (now !== mtime || bytes !== size) return undefined;
    }
    for (const file of manifest.outputs) statSync(path.join(cacheDir, manifest.folder, file));
    return manifest;
  } catch {
    // No manifest yet, a source removed, or the folder cleared (or a file of it).
    return undefined;
  }
}

/** @type {import("esbuild").Plugin} */
const sourceUrls = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: source.replaceAll("import.meta.url", url), loader: "ts" };
    });
  },
};

/**
 * Compiles `entry` (relative to the project) and the modules of
 * ALSO_COMPILED into a folder of their own; esbuild's messages name the
 * file and line of a syntax error.
 * @param {string} entry
 * @returns {Promise<Manifest>}
 */
async function compile(entry) {
  const esbuild = await import("esbuild");
  const started = Date.now();
  const entries = [entry, ...ALSO_COMPILED.filter((file) => file !== entry && exists(file))];
  const result = await esbuild.build({
    entryPoints: entries,
    absWorkingDir: projectRoot,
    outbase: ".",
    // Not written there (write: false) but beside it, at the same depth, so
    // the source maps' relative paths hold.
    outdir: path.join(cacheDir, "out"),
    entryNames: "[dir]/[name]",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [sourceUrls],
  });
  const hash = createHash("sha256");
  for (const file of result.outputFiles) hash.update(`${file.path}\0${file.hash}\0`);
  const folder = hash.digest("hex").slice(0, 16);
  const target = path.join(cacheDir, folder);
  const outDir = path.join(cacheDir, "out");
  const outputs = result.outputFiles.map((file) => path.relative(outDir, file.path));
  mkdirSync(cacheDir, { recursive: true });
  // A folder missing a file (someone cleaned up by hand) is written again.
  if (!outputs.every((file) => exists(path.join(target, file)))) {
    rmSync(target, { recursive: true, force: true });
    // Written aside and renamed, so no run imports a half-written folder.
    const staging = `${target}.${process.pid}.tmp`;
    result.outputFiles.forEach((file, i) => {
      const dest = path.join(staging, outputs[i] ?? "");
      mkdirSync(path.dirname(dest), { recursive: true });
      writeFileSync(dest, file.contents);
    });
    try {
      renameSync(staging, target);
    } catch {
      // Another run wrote the same folder first.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const esbuildPackage = createRequire(import.meta.url).resolve("esbuild/package.json");
  const inputs = [
    ...Object.keys(result.metafile.inputs),
    path.relative(projectRoot, fileURLToPath(import.meta.url)),
    path.relative(projectRoot, esbuildPackage),
  ].map(stamp);
  return {
    folder,
    modules: Object.fromEntries(entries.map((file) => [file, file.replace(/\.ts$/, ".mjs")])),
    inputs,
    outputs,
    // Two seconds of margin: some file systems keep times to the second or two.
    fresh: inputs.every(([, mtime]) => mtime < started - 2000),
  };
}

/** @param {string} file */
function exists(file) {
  try {
    statSync(path.resolve(projectRoot, file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the folders no run has used for a day.
 * @param {string} current
 */
function removeUnused(current) {
  const now = Date.now();
  for (const name of readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, name);
    if (name === current || name.endsWith(".json")) continue;
    try {
      if (now - statSync(folder).mtimeMs > KEEP_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/** @param {unknown} error */
function compileFailure(error) {
  const messages = /** @type {{ errors?: import("esbuild").Message[] }} */ (error).errors ?? [];
  for (const message of messages) {
    const where = message.location ? `${message.location.file}:${message.location.line}: ` : "";
    console.error(`${where}${message.text}`);
  }
  if (messages.length === 0) console.error(error instanceof Error ? error.message : error);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("Usage: node scripts/run-compiled.mjs SCRIPT.ts [arguments]");
  process.exit(1);
}
const entry = path.relative(projectRoot, path.resolve(script)).split(path.sep).join("/");
if (entry.startsWith("../") || path.isAbsolute(entry)) {
  console.error(`${script} is outside this project; run-compiled.mjs runs the project's own scripts.`);
  process.exit(1);
}
if (!exists(entry)) {
  console.error(`${script}: no such file.`);
  process.exit(1);
}
const manifestFile = path.join(cacheDir, `${entry.replaceAll("/", "-")}.json`);
let manifest = unchanged(manifestFile);
if (!manifest) {
  try {
    manifest = await compile(entry);
  } catch (error) {
    compileFailure(error);
    console.error(`Could not compile ${script}; nothing was run.`);
    process.exit(1);
  }
  if (manifest.fresh) {
    const staging = `${manifestFile}.${process.pid}.tmp`;
    writeFileSync(staging, JSON.stringify(manifest));
    renameSync(staging, manifestFile);
  }
  removeUnused(manifest.folder);
}
const folder = path.join(cacheDir, manifest.folder);
// Marks the folder used, for removeUnused.
const now = new Date();
utimesSync(folder, now, now);
const compiled = new Map(
  Object.entries(manifest.modules).map(([source, output]) => [
    realpathSync(path.join(projectRoot, source)),
    path.join(folder, output),
  ]),
);
Object.defineProperty(globalThis, REGISTRY, { value: compiled });
const main = /** @type {string} */ (compiled.get(realpathSync(path.join(projectRoot, entry))));
// Stack traces name the TypeScript sources. The build prints one only
// under --debug, so the maps are read (at start-up) only then.
if (args.includes("--debug")) process.setSourceMapsEnabled(true);
// The script reads its arguments from process.argv, as it does under tsx.
process.argv = [process.argv[0] ?? process.execPath, main, ...args];
await import(pathToFileURL(main).href);
