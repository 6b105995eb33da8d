/**
 * How a cost grows with input size, as the ratio time(2n) / time(n): about 2 for linear work,
 * 4 for quadratic. A ratio, unlike a time, does not depend on the machine, and the minimum of
 * several runs is what is left of the cost once other processes' noise is taken out.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Doc } from '../core/document.js';
import type { Article } from '../core/article.js';
import { createDoc } from './pipeline.js';
import { STAGES, type PipelineContext } from './stages.js';

/**
 * The CPU time this process has used, in ms. Costs are measured in it, not in wall-clock time:
 * on a machine shared by many, waiting for a core would count as cost, and grows with the load.
 */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Linux's per-thread scheduler statistics; the second field is the time the thread has waited for a CPU, in ns. */
const THREAD_SCHEDSTAT = '/proc/thread-self/schedstat';
const hasSchedstat = existsSync(THREAD_SCHEDSTAT);

/**
 * The calling thread's time, in ms: wall-clock time less the time the thread waited for a core
 * (Linux; elsewhere the process's CPU time). Ratios are measured in it. The process's CPU time
 * also holds V8's background threads (concurrent marking, compilation), which work when they
 * choose, not in proportion to the code being timed, and made one stage's fastest of five runs
 * vary by half on a quiet machine; the thread's own CPU counter only moves in 4 ms ticks. Waiting
 * for a core is known to the nanosecond, so a busy machine does not count either.
 */
export function threadMs(): number {
  if (!hasSchedstat) return cpuMs();
  // The wait read on both sides of the clock: a wait between a reading and the clock would count
  // on one side of a difference only.
  for (;;) {
    const waited = waitedNs();
    const now = performance.now();
    if (waitedNs() === waited) return now - waited / 1e6;
  }
}

const waitedNs = () => Number(readFileSync(THREAD_SCHEDSTAT, 'latin1').split(' ', 2)[1]);

/** The fastest of `repeats` runs of `work`, in ms of the thread's time. */
export function minTime(work: () => void, repeats: number): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const started = threadMs();
    work();
    best = Math.min(best, threadMs() - started);
  }
  return best;
}

export interface CostRatio {
  /** The size the growth was measured from. */
  n: number;
  /** The size it was measured to: n doubled `doublings` times. */
  large: number;
  /** Fastest run at n and at `large`, ms. */
  msAtN: number;
  msAtLarge: number;
  /**
   * time(2n)/time(n) as the geometric mean over the doublings from n to `large`: about 2 when
   * linear, 4 when quadratic. Measured over several doublings, a busy spell that slows one run by
   * half moves it by far less than half (by the cube root of 1.5 over three doublings).
   */
  perDoubling: number;
}

export interface RatioOptions {
  /** Grow n (doubling from `from`) until one run takes at least this long, so timer noise is small. */
  minMs: number;
  from: number;
  /** Never grow n beyond this. */
  maxN: number;
  repeats: number;
  /** How many times n is doubled for the larger run (1: 2n). */
  doublings: number;
}

/**
 * The growth of `run`'s time per doubling of its input `prepare(n)` (preparation is not timed),
 * with n grown until a run at n is long enough to measure.
 */
export function costRatio<T>(prepare: (n: number) => T, run: (input: T) => void, options: RatioOptions): CostRatio {
  let n = options.from;
  let input = prepare(n);
  let msAtN = minTime(() => run(input), options.repeats);
  while (msAtN < options.minMs && n * 2 <= options.maxN) {
    n *= 2;
    input = prepare(n);
    msAtN = minTime(() => run(input), options.repeats);
  }
  const large = n * 2 ** options.doublings;
  const largeInput = prepare(large);
  const msAtLarge = minTime(() => run(largeInput), options.repeats);
  // Re-measure n after the large run: a slow first measure (a cold cache, a busy machine) only lowers the growth.
  msAtN = Math.min(
    msAtN,
    minTime(() => run(input), options.repeats),
  );
  const perDoubling = (msAtLarge / Math.max(msAtN, 1e-3)) ** (1 / options.doublings);
  return { n, large, msAtN, msAtLarge, perDoubling };
}

/** An article around `text`, as the pipeline receives one. */
export function articleOf(text: string): Article {
  return {
    id: 'scaling',
    title: '',
    text,
    published: '2020-03-15',
    publishedAt: null,
    publishedRaw: null,
    origins: [],
  };
}

/**
 * Each stage's fastest time over `repeats` runs of the pipeline over `text`, in ms of the thread's time, or the name
 * of the error a stage threw (a stack overflow): the run ends there. A run in which a stage took
 * longer than `capMs` is not repeated.
 */
export function stageTimes(
  text: string,
  context: PipelineContext,
  repeats: number,
  capMs = Infinity,
): Map<string, number | string> {
  const best = new Map<string, number | string>();
  for (let r = 0; r < repeats; r++) {
    let doc: Doc = createDoc(articleOf(text));
    let slow = false;
    for (const stage of STAGES) {
      const started = threadMs();
      try {
        doc = stage.run(doc, context);
      } catch (e) {
        best.set(stage.name, e instanceof Error ? e.name : 'error');
        return best;
      }
      const ms = threadMs() - started;
      slow ||= ms > capMs;
      best.set(stage.name, Math.min(Number(best.get(stage.name) ?? Infinity), ms));
    }
    if (slow) break;
  }
  return best;
}
