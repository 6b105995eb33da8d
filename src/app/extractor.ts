/**
 * Runs the pipeline over batches of articles for ingest: in this thread, or spread over worker
 * threads (the pipeline is CPU-bound and pure, so a batch splits cleanly; the store stays on the
 * main thread). Ingest leaves the statistical tagger out: stored events rest on resolved names.
 */
import { Worker } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import type { EventRecord } from '../events/record.js';
import { createDoc } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { STAGES, type PipelineContext } from '../pipeline/stages.js';

/** The events of one article, or why the pipeline failed on it (one bad article stops nothing). */
export type Extracted = { events: EventRecord[] } | { error: string };

/** Milliseconds spent in each pipeline stage ('normalise' for the view), summed over articles. */
export type StageTimes = Record<string, number>;

export interface EventExtractor {
  /** The outcome for each article, in order. */
  extract(articles: Article[]): Promise<Extracted[]>;
  /** Time in each stage so far, over every thread (what `marsad ingest --timings` prints). */
  stageTimes?(): StageTimes;
  close(): Promise<void>;
}

/** Adds `more` into `into`. */
export function addStageTimes(into: StageTimes, more: StageTimes): void {
  for (const [stage, ms] of Object.entries(more)) into[stage] = (into[stage] ?? 0) + ms;
}

/** The pipeline over one article, its stages timed into `times`. */
export function extractOne(article: Article, context: PipelineContext, times: StageTimes = {}): Extracted {
  try {
    let started = performance.now();
    let doc = createDoc(article);
    times.normalise = (times.normalise ?? 0) + performance.now() - started;
    for (const stage of STAGES) {
      started = performance.now();
      doc = stage.run(doc, context);
      times[stage.name] = (times[stage.name] ?? 0) + performance.now() - started;
    }
    return { events: doc.events };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The pipeline as ingest runs it: no statistical tagger, so its model is not even loaded. */
export function ingestContext(): PipelineContext {
  return loadPipelineContext({ withTagger: false });
}

export function inlineExtractor(): EventExtractor {
  const times: StageTimes = {};
  return {
    extract(articles) {
      // The work is synchronous; a failure still arrives as a rejection, as from the worker pool.
      return new Promise((resolve) => {
        const context = ingestContext();
        resolve(articles.map((article) => extractOne(article, context, times)));
      });
    },
    stageTimes: () => ({ ...times }),
    async close() {},
  };
}

interface Job {
  resolve(outcomes: Extracted[]): void;
  reject(err: Error): void;
}

/** Articles a worker takes at a time: large enough to amortise messaging, small enough to balance. */
const CHUNK = 40;

/**
 * Spreads batches over `size` worker threads. A worker that dies fails only its pending chunks;
 * they and every later batch run in this thread instead.
 */
export function workerExtractor(size: number): EventExtractor {
  // Under tsx (development, tests from source) the worker is TypeScript and needs the loader too.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
  const workers = Array.from(
    { length: size },
    () => new Worker(script, { execArgv: fromSource ? ['--import', 'tsx'] : [] }),
  );
  const inline = inlineExtractor();
  const times: StageTimes = {};
  const pending = new Map<number, Job>();
  let broken = false;
  let nextId = 0;
  const fail = (err: Error) => {
    broken = true;
    for (const job of pending.values()) job.reject(err);
    pending.clear();
  };
  for (const worker of workers) {
    worker.on('message', (msg: { id: number; outcomes: Extracted[]; times: StageTimes }) => {
      const job = pending.get(msg.id);
      if (!job) return;
      addStageTimes(times, msg.times);
      pending.delete(msg.id);
      job.resolve(msg.outcomes);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`a pipeline worker stopped (exit code ${code})`));
    });
  }
  let turn = 0;
  const run = (articles: Article[]): Promise<Extracted[]> =>
    broken
      ? inline.extract(articles)
      : new Promise<Extracted[]>((resolve, reject) => {
          const id = nextId++;
          pending.set(id, { resolve, reject });
          workers[turn++ % workers.length].postMessage({ id, articles });
        }).catch(() => inline.extract(articles));
  return {
    async extract(articles) {
      const chunks: Article[][] = [];
      for (let i = 0; i < articles.length; i += CHUNK) chunks.push(articles.slice(i, i + CHUNK));
      return (await Promise.all(chunks.map(run))).flat();
    },
    stageTimes() {
      const all = { ...times };
      addStageTimes(all, inline.stageTimes?.() ?? {});
      return all;
    },
    async close() {
      broken = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
