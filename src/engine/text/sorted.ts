// Ascending lists of offsets (line starts, sentence starts, word spans): one definition of the binary search, and of
// growing such a list kept in a typed array.

/** Index of the last value at or before `x` in ascending `sorted` (0 when every value is after it). */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A copy of `a` twice as long: an offset list in a typed array grows by doubling (a plain array that long is heap). */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(1, a.length * 2));
  b.set(a);
  return b;
}
