/**
 * Runs the pipeline over batches of articles for ingest: in this thread, or spread over worker
 * threads (the pipeline is CPU-bound and pure, so a batch splits cleanly; the store stays on the
 * main thread). Ingest leaves the statistical tagger out: stored events rest on resolved names.
 */
import { Worker } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import type { EventRecord } from '../events/record.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadEntityKnowledge } from '../entities/knowledge.js';
import { loadEventKnowledge } from '../events/extract.js';
import type { PipelineContext } from '../pipeline/stages.js';

export interface EventExtractor {
  /** The events of each article, in order. */
  extract(articles: Article[]): Promise<EventRecord[][]>;
  close(): Promise<void>;
}

let cached: PipelineContext | null = null;

/** The pipeline as ingest runs it: no statistical tagger, so its model is not even loaded. */
export function ingestContext(): PipelineContext {
  cached ??= { entities: loadEntityKnowledge({ withTagger: false }), events: loadEventKnowledge(), taggerScope: 'none' };
  return cached;
}

export function inlineExtractor(): EventExtractor {
  return {
    async extract(articles) {
      const context = ingestContext();
      return articles.map((article) => runPipeline(article, context).events);
    },
    async close() {},
  };
}

interface Job {
  resolve(events: EventRecord[][]): void;
  reject(err: Error): void;
}

/** Articles a worker takes at a time: large enough to amortise messaging, small enough to balance. */
const CHUNK = 40;

export function workerExtractor(size: number): EventExtractor {
  // Under tsx (development, tests from source) the worker is TypeScript and needs the loader too.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
  const workers = Array.from({ length: size }, () => new Worker(script, { execArgv: fromSource ? ['--import', 'tsx'] : [] }));
  const pending = new Map<number, Job>();
  let nextId = 0;
  for (const worker of workers) {
    worker.on('message', (msg: { id: number; events?: EventRecord[][]; error?: string }) => {
      const job = pending.get(msg.id);
      if (!job) return;
      pending.delete(msg.id);
      if (msg.error) job.reject(new Error(msg.error));
      else job.resolve(msg.events!);
    });
    worker.on('error', (err) => {
      for (const job of pending.values()) job.reject(err);
      pending.clear();
    });
  }
  let turn = 0;
  const run = (articles: Article[]) =>
    new Promise<EventRecord[][]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      workers[turn++ % workers.length].postMessage({ id, articles });
    });
  return {
    async extract(articles) {
      const chunks: Article[][] = [];
      for (let i = 0; i < articles.length; i += CHUNK) chunks.push(articles.slice(i, i + CHUNK));
      return (await Promise.all(chunks.map(run))).flat();
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
