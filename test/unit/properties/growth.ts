// Growth ratio of a function's cost: time(2n) / time(n), each the minimum of several runs, at sizes big enough
// that fixed costs vanish. A linear function gives about 2, a quadratic one about 4. No absolute time is asserted:
// the ratio holds on a slow or busy machine as well as on a fast one. A garbage collection or a JIT tier-up can
// inflate one sample, so the lowest ratio of a few attempts is returned (a quadratic cost never measures low).
import { performance } from 'node:perf_hooks';

function minTime(fn: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** min over attempts of time(f(2n)) / time(f(n)), n doubled from `n` until one run takes at least `minMs`. */
export function growth(f: (n: number) => unknown, n = 2000, minMs = 20, runs = 5, attempts = 3): number {
  while (minTime(() => f(n), 1) < minMs && n < 8_000_000) n *= 2;
  let best = Infinity;
  for (let a = 0; a < attempts && best >= 2.6; a++) {
    const t1 = minTime(() => f(n), runs);
    const t2 = minTime(() => f(2 * n), runs);
    best = Math.min(best, t2 / t1);
  }
  return best;
}

/** min over attempts of time(f(2n)) / time(f(n)) at a fixed n (for inputs whose size is capped by design). */
export function ratioAt(f: (n: number) => unknown, n: number, runs = 5, attempts = 3): number {
  let best = Infinity;
  for (let a = 0; a < attempts && best >= 2.6; a++) best = Math.min(best, minTime(() => f(2 * n), runs) / minTime(() => f(n), runs));
  return best;
}
