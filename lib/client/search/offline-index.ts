// Saving a language's search index for offline use, on the visitor's terms.
// Searches already keep what they load (the service worker's search cache);
// this saves the rest: by itself after the first search when the index is
// small (AUTO_SAVE_BYTES), on request with its size, progress, cancel and
// remove when it is not. The build's per-language file list (lib/search/
// offline-files.ts) gives sizes and, as Pagefind names files by their
// content, which stored files a new build no longer uses.
import { AUTO_SAVE_BYTES, fileListName, type IndexFileList, SEARCH_CACHE } from "../../search/index-files.ts";
import { type Strings, say } from "./render.ts";

/** The markup of the offer in src/search.njk. */
interface Parts {
  box: HTMLElement;
  text: HTMLElement;
  storage: HTMLElement;
  progress: HTMLProgressElement;
  save: HTMLButtonElement;
  cancel: HTMLButtonElement;
  remove: HTMLButtonElement;
}

function findParts(root: ParentNode): Parts | null {
  const box = root.querySelector<HTMLElement>(".offline-index");
  const q = <E extends Element>(selector: string) => box?.querySelector<E>(selector) ?? null;
  const text = q<HTMLElement>(".offline-index-text");
  const storage = q<HTMLElement>(".offline-index-storage");
  const progress = q<HTMLProgressElement>("progress");
  const save = q<HTMLButtonElement>(".offline-index-save");
  const cancel = q<HTMLButtonElement>(".offline-index-cancel");
  const remove = q<HTMLButtonElement>(".offline-index-remove");
  if (!box || !text || !storage || !progress || !save || !cancel || !remove) return null;
  return { box, text, storage, progress, save, cancel, remove };
}

/** Files fetched at once while saving: what browsers allow per host over HTTP/1.1. */
const PARALLEL_FETCHES = 6;

const STATE_TEXT = {
  offer: "offlineOffer",
  saving: "offlineSaving",
  saved: "offlineSaved",
  stopped: "offlineStopped",
} as const;

export function formatSize(bytes: number, lang: string): string {
  const [unit, size] =
    bytes >= 1024 ** 3
      ? ["gigabyte", bytes / 1024 ** 3]
      : bytes >= 1024 ** 2
        ? ["megabyte", bytes / 1024 ** 2]
        : ["kilobyte", Math.max(1, bytes / 1024)];
  return new Intl.NumberFormat(lang, {
    style: "unit",
    unit,
    maximumFractionDigits: unit === "kilobyte" ? 0 : 1,
  }).format(size);
}

/** Which of the list's files the cache lacks, and which stored index files of this language the list no longer has. */
export function difference(
  list: IndexFileList,
  base: URL,
  stored: readonly string[],
): { missing: IndexFileList["files"]; stale: string[] } {
  const wanted = new Set(list.files.map((f) => new URL(f.path, base).pathname));
  const have = new Set(stored);
  const prefix = new URL("./", base).pathname;
  const ownFile = new RegExp(`^(?:(?:index|fragment|filter)/|pagefind\\.)${list.language}_`);
  return {
    missing: list.files.filter((f) => !have.has(new URL(f.path, base).pathname)),
    stale: stored.filter(
      (p) => p.startsWith(prefix) && ownFile.test(p.slice(prefix.length)) && !wanted.has(p),
    ),
  };
}

export interface OfflineIndexOptions {
  /** Pagefind's folder, ending in "/". */
  base: URL;
  /** Pagefind's language: the page's `lang`, lowercased. */
  language: string;
  lang: string;
  strings: Strings;
}

/**
 * Called after each answered search; does its work once per page. Needs the
 * Cache API and a service worker to serve what it saves; without them the
 * offer stays hidden.
 */
export function offlineIndex(root: ParentNode, options: OfflineIndexOptions): () => void {
  const parts = findParts(root);
  let started = false;
  return () => {
    if (started || !parts || !("caches" in globalThis) || !navigator.serviceWorker?.controller) return;
    if (!navigator.onLine) return;
    started = true;
    void start(parts, options).catch((error: unknown) => {
      console.warn("Saving search for offline use failed:", error);
    });
  };
}

async function storedPaths(cache: Cache): Promise<string[]> {
  return (await cache.keys()).map((request) => new URL(request.url).pathname);
}

async function start(parts: Parts, { base, language, lang, strings }: OfflineIndexOptions): Promise<void> {
  const response = await fetch(new URL(fileListName(language), base), { cache: "no-cache" });
  if (!response.ok) return;
  const list = (await response.json()) as IndexFileList;
  const cache = await caches.open(SEARCH_CACHE);
  const { missing, stale } = difference(list, base, await storedPaths(cache));
  // A new build's files replace the old ones: the old are never searched again.
  await Promise.all(stale.map((p) => cache.delete(new URL(p, base))));
  const size = formatSize(list.bytes, lang);
  const { box, text, storage, progress, save, cancel, remove } = parts;
  let controller: AbortController | undefined;

  async function showStorage(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.();
    storage.hidden = !estimate?.quota;
    if (estimate?.quota) {
      storage.textContent = say(strings, "offlineStorage", {
        used: formatSize(estimate.usage ?? 0, lang),
        quota: formatSize(estimate.quota, lang),
      });
    }
  }

  function show(state: "offer" | "saving" | "saved" | "stopped"): void {
    box.hidden = false;
    box.dataset.state = state;
    save.hidden = state === "saving" || state === "saved";
    cancel.hidden = state !== "saving";
    remove.hidden = state !== "saved";
    progress.hidden = state !== "saving";
    text.textContent = say(strings, STATE_TEXT[state], { size });
    void showStorage();
  }

  async function saveAll(): Promise<boolean> {
    controller = new AbortController();
    const { signal } = controller;
    const todo = difference(list, base, await storedPaths(cache)).missing;
    const total = todo.reduce((sum, f) => sum + f.bytes, 0);
    let done = 0;
    progress.max = Math.max(1, total);
    progress.value = 0;
    // A few at a time: an index is mostly small files (a fragment per release).
    const queue = [...todo];
    const worker = async () => {
      for (let file = queue.shift(); file && !signal.aborted; file = queue.shift()) {
        const url = new URL(file.path, base);
        const answer = await fetch(url, { signal });
        if (!answer.ok) throw new Error(`${url.pathname}: ${answer.status}`);
        await cache.put(url, answer);
        done += file.bytes;
        progress.value = done;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_FETCHES }, worker));
    if (signal.aborted) return false;
    return true;
  }

  async function saveOnRequest(): Promise<void> {
    show("saving");
    // Without persistence the browser may evict the index under storage pressure.
    await navigator.storage?.persist?.();
    try {
      show((await saveAll()) ? "saved" : "stopped");
    } catch (error) {
      if (!controller?.signal.aborted) console.warn("Saving search for offline use failed:", error);
      show("stopped");
    }
  }

  save.addEventListener("click", () => void saveOnRequest());
  cancel.addEventListener("click", () => controller?.abort());
  remove.addEventListener("click", () => {
    void (async () => {
      for (const file of list.files) {
        // The runtime stays: other languages' searches use it too.
        if (/^(?:index|fragment|filter)\/|\.pf_meta$/.test(file.path))
          await cache.delete(new URL(file.path, base));
      }
      show("offer");
    })();
  });

  if (missing.length === 0) show("saved");
  else if (list.bytes <= AUTO_SAVE_BYTES) {
    // Small enough to save without asking; said once it is done.
    if (await saveAll()) show("saved");
  } else show("offer");
}
