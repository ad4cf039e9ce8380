// Generated share cards: which text gets one (the bundled font must draw all
// of it), the file each is published as (a hash of its text and of the
// renderer, so no title or slug is in a file name), and writing them into
// the output. Cards are kept in a cache folder between builds, keyed by that
// hash, so an unchanged release's card is copied, not drawn again; the
// others are drawn once Eleventy has rendered (lib/build/pipeline.ts): a few
// in the build's own thread, many by worker threads (whose start-up costs
// more than a few cards: see docs/performance.md).
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { ProblemsError } from "../content/problems.ts";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  LAYOUT_VERSION,
  type ShareCardRef,
  type ShareCardText,
  shareCardUrl,
} from "../view/share-card.ts";
import { CardFonts } from "./card-fonts.ts";

const require = createRequire(import.meta.url);
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;

/** Everything besides the text that decides a card's pixels: part of its key. */
function rendererVersion(fonts: CardFonts): string {
  return `layout ${LAYOUT_VERSION}; satori ${versionOf("satori")}; sharp ${versionOf("sharp")}; noto-sans-sc ${fonts.version}`;
}

/** Up to this many cards to draw, the build's own thread draws them: a worker's start-up would cost more. */
const IN_THREAD_LIMIT = 100;

/**
 * Cards a thread has in hand at once: while sharp rasterises and encodes
 * one (in libuv's thread pool), satori lays out the next in JavaScript.
 */
const IN_FLIGHT = 2;

/** A card a page refers to, to be written into the output. */
export interface ShareCardJob {
  key: string;
  text: ShareCardText;
  /** The release file it was made for (the first, when several have the same text), named if drawing fails. */
  release: string;
}

export interface ShareCardStats {
  /** Cards drawn by this build. */
  generated: number;
  /** Cards copied from the cache. */
  reused: number;
  ms: number;
}

/** Where cards are kept between builds: gitignored, safe to delete. */
export const shareCardCacheDir = (rootDir: string): string => path.join(rootDir, ".cache", "share-cards");

/** Decides, for one build, which text gets a card and under which key; remembers the cards handed out. */
export class ShareCardPlanner {
  readonly jobs = new Map<string, ShareCardJob>();
  private readonly version: string;

  constructor(private readonly fonts = new CardFonts()) {
    this.version = rendererVersion(fonts);
  }

  /** Characters of the card's text the bundled font cannot draw. */
  missing(text: ShareCardText): string[] {
    return this.fonts.cover([text.siteName, text.title, text.company ?? "", text.date].join("\n")).missing;
  }

  key(text: ShareCardText): string {
    return createHash("sha256")
      .update(JSON.stringify([this.version, text]))
      .digest("hex")
      .slice(0, 20);
  }

  /** The card for this text, or undefined when the font lacks some of its characters. */
  card(text: ShareCardText, release: string): ShareCardRef | undefined {
    if (this.missing(text).length > 0) return undefined;
    const key = this.key(text);
    if (!this.jobs.has(key)) this.jobs.set(key, { key, text, release });
    return { key, url: shareCardUrl(key), width: CARD_WIDTH, height: CARD_HEIGHT };
  }
}

export interface WriteOptions {
  /** The site being built: cards go to media/share/ in it. */
  outputDir: string;
  cacheDir: string;
  /** Worker threads drawing cards; 0 draws them in this thread. By default, cardThreads'. */
  threads?: number;
}

/**
 * Worker threads for drawing this many cards: none for a few (this thread
 * draws them), else one for every two cores. A worker keeps about two busy,
 * satori laying out a card in its thread while sharp encodes the other in
 * libuv's pool; a second worker on two cores drew 3% faster for 230 MB
 * more (docs/performance.md).
 */
export function cardThreads(cards: number, cores = availableParallelism()): number {
  return cards <= IN_THREAD_LIMIT ? 0 : Math.max(1, Math.floor(cores / 2));
}

/** Writes every card into the output, drawing those the cache does not have. */
export async function writeShareCards(
  jobs: Iterable<ShareCardJob>,
  options: WriteOptions,
): Promise<ShareCardStats> {
  const started = performance.now();
  const targetDir = path.join(options.outputDir, path.dirname(shareCardUrl("x")));
  const todo: ShareCardJob[] = [];
  let reused = 0;
  const all = [...jobs];
  if (all.length === 0) return { generated: 0, reused: 0, ms: 0 };
  mkdirSync(targetDir, { recursive: true });
  mkdirSync(options.cacheDir, { recursive: true });
  const cached = (key: string) => path.join(options.cacheDir, `${key}.png`);
  // A card is linked into the output rather than copied: linking 2,000
  // cards took a sixth of the time of copying them, and the output takes no
  // disk space for them. The cache never changes a card in place (a new one
  // is written aside and renamed), so the output's card stays as it was.
  // Where the cache is on another file system, or links are refused, cards
  // are copied.
  let linking = true;
  /** Puts a cached card in the output; false when the cache has none. */
  const publish = (key: string): boolean => {
    const source = cached(key);
    // Named by content: one already there (the last build under `npm start`) is this card.
    const target = path.join(targetDir, `${key}.png`);
    if (linking) {
      try {
        linkSync(source, target);
        return true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") return true;
        if (code === "ENOENT") return false;
        linking = false;
      }
    }
    if (!existsSync(source)) return false;
    if (!existsSync(target)) copyFileSync(source, target);
    return true;
  };
  for (const job of all) {
    if (publish(job.key)) reused++;
    else todo.push(job);
  }
  const threads = options.threads ?? cardThreads(todo.length);
  await (threads === 0 ? drawHere : drawAll)(todo, threads, (job, png) => {
    // Written aside and renamed, so a build stopped mid-write leaves no half card in the cache.
    const partial = `${cached(job.key)}.${process.pid}.partial`;
    writeFileSync(partial, png);
    renameSync(partial, cached(job.key));
    publish(job.key);
  });
  return { generated: todo.length, reused, ms: performance.now() - started };
}

/**
 * A worker running share-card-worker.ts. Workers do not inherit the
 * TypeScript loader the build runs under, so the worker registers tsx's
 * before importing its module.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const entry = new URL("./share-card-worker.ts", import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

function cardProblem(job: ShareCardJob, reason: string): ProblemsError {
  return new ProblemsError("A share image could not be drawn; nothing was published.", [
    { file: job.release, field: "title", message: `the share image could not be drawn (${reason})` },
  ]);
}

async function drawHere(
  todo: readonly ShareCardJob[],
  _threads: number,
  done: (job: ShareCardJob, png: Uint8Array) => void,
): Promise<void> {
  if (todo.length === 0) return;
  // Loaded on first use: satori is a large module that builds without new cards need not load.
  const { renderShareCard } = await import("./share-card-render.ts");
  const fonts = new CardFonts();
  let next = 0;
  const drawNext = async (): Promise<void> => {
    for (let job = todo[next++]; job; job = todo[next++]) {
      let png: Buffer;
      try {
        png = await renderShareCard(job.text, fonts);
      } catch (error) {
        // The other card in hand is finished, but no new one is begun.
        next = todo.length;
        const reason = error instanceof Error ? error.message : String(error);
        throw cardProblem(job, reason);
      }
      done(job, png);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, drawNext));
}

async function drawAll(
  todo: readonly ShareCardJob[],
  threads: number,
  done: (job: ShareCardJob, png: Uint8Array) => void,
): Promise<void> {
  if (todo.length === 0) return;
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let busy = 0;
      const send = () => {
        const id = next++;
        const job = todo[id];
        if (!job) {
          if (busy === 0) resolve();
          return;
        }
        busy++;
        worker.postMessage({ id, text: job.text });
      };
      worker.on("message", (message: { id: number; png?: Uint8Array; error?: string }) => {
        busy--;
        const job = todo[message.id] as ShareCardJob;
        if (message.error !== undefined || !message.png) {
          reject(cardProblem(job, message.error ?? "no image came back"));
          return;
        }
        try {
          done(job, message.png);
        } catch (error) {
          reject(error);
          return;
        }
        send();
      });
      worker.on("error", reject);
      worker.on("exit", (code) => {
        if (code !== 0) reject(new Error(`A share-image worker stopped with code ${code}`));
      });
      for (let i = 0; i < IN_FLIGHT; i++) send();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, todo.length)) }, startWorker);
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
