/**
 * How far V8 lets the heap grow past what survived the last full collection. By default, while
 * collecting looks cheap, up to four times: the pipeline's knowledge (gazetteers, actors, word
 * lists, about 200 MB once warm) then let an ingest of the 10k ANT corpus reach 700 MB of memory,
 * most of it batches long dead. At 1.5 times it peaks near 500 MB, and the extra collections are
 * marked concurrently, beside the work (`npm run bench -- "ingest + extract"` prints both).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Applies the bound to this process (and its worker threads, which share V8's flags). */
export function boundHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
