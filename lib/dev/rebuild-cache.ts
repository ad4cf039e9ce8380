// Under `npm start` every change reloads the whole newsroom, but an edit
// touches one file. Work decided by one file or text alone is kept from one
// build to the next: a parsed release while the file's modification time
// and size are unchanged, a rendered body while its Markdown is the same.
// Entries a build did not ask for are dropped when the next one starts, so
// the cache follows the content and a long editing session does not grow it.

export class RebuildCache<V> {
  #previous = new Map<string, V>();
  #current = new Map<string, V>();

  /** The value kept for this key, or `compute()`'s, kept for the next build. */
  get(key: string, compute: () => V): V {
    let value = this.#current.get(key);
    if (value === undefined) {
      value = this.#previous.get(key) ?? compute();
      this.#current.set(key, value);
    }
    return value;
  }

  /** Starts a build: what the last build did not use is forgotten. */
  nextBuild(): void {
    this.#previous = this.#current;
    this.#current = new Map();
  }

  get size(): number {
    return this.#current.size;
  }
}
