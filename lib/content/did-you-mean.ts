// "Did you mean …?" for a key the contract does not know. A misspelt key
// is an error, not a warning (`Draft: true` once published a draft), so the
// error should say which key was meant.

/** Edit distance with transpositions (optimal string alignment): "drfat" is one edit from "draft". */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** Case, hyphens, underscores and spaces do not tell keys apart for a reader: release_time is releaseTime. */
function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/**
 * The known key `input` most likely meant: the same key in another case or
 * spelling (Draft, release_time), a synonym from `aliases` (embargo →
 * releaseTime), or the nearest key within a small edit distance (one edit
 * for keys up to four letters, two for longer ones). Undefined when none is
 * close enough to be a useful guess.
 */
export function didYouMean(
  input: string,
  known: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | undefined {
  const wanted = normalize(input);
  const same = known.find((key) => normalize(key) === wanted);
  if (same) return same;
  const alias = Object.entries(aliases).find(([name]) => normalize(name) === wanted)?.[1];
  if (alias) return alias;
  const limit = wanted.length <= 4 ? 1 : 2;
  let best: { key: string; distance: number } | undefined;
  for (const key of known) {
    const distance = editDistance(wanted, normalize(key));
    if (distance <= limit && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}
