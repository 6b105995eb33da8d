/**
 * The server's pipeline in worker threads, behind a bounded queue. The pipeline is CPU-bound (a
 * 4 MB article takes the best part of a minute): run on the event loop it would stall every
 * other request. Here the event loop only hands jobs over; when every worker is busy and the
 * queue is full, a new job is refused at once (AnalyzerBusy → HTTP 503) rather than waited for,
 * and a job that runs past its time limit has its worker ended (and replaced).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, ArticleInput } from '../core/article.js';
import type { ExtractionRecord } from '../events/record.js';
import type { IngestItem } from '../input/read.js';
import type { Analyzer } from './analyzer.js';

/** Every worker busy and the queue full: try again later (503). */
export class AnalyzerBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalyzerBusy';
  }
}

export type WorkerJob =
  | { id: number; kind: 'extract'; article: Article }
  | { id: number; kind: 'analyze'; input: ArticleInput }
  | { id: number; kind: 'parse'; body: Uint8Array; name: string; contentType?: string; maxArticleChars?: number };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
/** Sent once, when the worker has loaded its knowledge. */
export interface WorkerReady {
  ready: true;
}

export interface WorkerAnalyzerOptions {
  /** Worker threads (default: the cores but one, at least 1, at most 4). */
  threads?: number;
  /** Jobs that may wait for a worker; more are refused with AnalyzerBusy (default 8). */
  maxQueued?: number;
  /** A job running longer has its worker ended and fails with AnalyzerBusy (default 120 s). */
  jobTimeoutMs?: number;
  /** An article of a request body longer than this is refused (default: the ingest default). */
  maxArticleChars?: number;
}

export interface PooledAnalyzer extends Analyzer {
  extract(article: Article): Promise<ExtractionRecord>;
  analyze(input: ArticleInput): Promise<{ article: Article; record: ExtractionRecord }>;
  parse(body: Uint8Array, name: string, contentType?: string): Promise<IngestItem[]>;
  close(): Promise<void>;
  /** Jobs running and waiting now. */
  load(): { running: number; queued: number };
}

interface Pending {
  job: WorkerJob;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker | null;
  /** The worker has loaded its knowledge and takes jobs. */
  ready: boolean;
  running: Pending | null;
  timer: NodeJS.Timeout | null;
}

export function workerAnalyzer(options: WorkerAnalyzerOptions = {}): PooledAnalyzer {
  const threads = Math.max(1, options.threads ?? Math.min(4, availableParallelism() - 1));
  const maxQueued = Math.max(0, options.maxQueued ?? 8);
  const jobTimeoutMs = options.jobTimeoutMs ?? 120_000;
  // Under tsx (tests from source) the worker is TypeScript and needs the loader too.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = new URL(fromSource ? './analyzer-worker.ts' : './analyzer-worker.js', import.meta.url);
  const slots: Slot[] = Array.from({ length: threads }, () => ({
    worker: null,
    ready: false,
    running: null,
    timer: null,
  }));
  const queue: Pending[] = [];
  let nextId = 0;
  let closed = false;

  const finish = (slot: Slot): Pending | null => {
    const pending = slot.running;
    if (slot.timer) clearTimeout(slot.timer);
    slot.running = null;
    slot.timer = null;
    return pending;
  };

  /** Ends a worker that failed or overran; its slot gets a new one on the next job. */
  const discard = (slot: Slot, err: Error) => {
    const worker = slot.worker;
    const started = slot.ready;
    slot.worker = null;
    slot.ready = false;
    finish(slot)?.reject(err);
    // A worker that dies before it is ready would die again: the waiting jobs fail instead of looping.
    if (!started) for (const pending of queue.splice(0)) pending.reject(err);
    if (worker) {
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
    }
    dispatch();
  };

  const spawn = (slot: Slot): Worker => {
    const worker = new Worker(script, { execArgv: fromSource ? ['--import', 'tsx'] : [] });
    worker.on('message', (reply: WorkerReply | WorkerReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        return dispatch();
      }
      const pending = finish(slot);
      if (pending && pending.job.id === reply.id) {
        if (reply.ok) pending.resolve(reply.value);
        else pending.reject(new Error(reply.error));
      }
      dispatch();
    });
    worker.on('error', (err) => discard(slot, new Error(`the extraction worker failed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (slot.worker === worker) discard(slot, new Error(`the extraction worker stopped (exit code ${code})`));
    });
    return worker;
  };

  function dispatch(): void {
    if (closed) return;
    for (const slot of slots) {
      if (slot.running || queue.length === 0) continue;
      slot.worker ??= spawn(slot);
      if (!slot.ready) continue;
      const pending = queue.shift()!;
      slot.running = pending;
      slot.timer = setTimeout(
        () =>
          discard(
            slot,
            new AnalyzerBusy(
              `the extraction took longer than ${formatMs(jobTimeoutMs)} and was stopped: the article is too long to extract here (marsad ingest can take it)`,
            ),
          ),
        jobTimeoutMs,
      );
      slot.worker.postMessage(pending.job);
    }
  }

  const submit = <T>(job: WorkerJob): Promise<T> => {
    if (closed) return Promise.reject(new Error('the analyzer is closed'));
    const running = slots.filter((s) => s.running).length;
    if (running + queue.length >= slots.length + maxQueued)
      return Promise.reject(
        new AnalyzerBusy(
          `the server is busy: ${running} extraction${running === 1 ? '' : 's'} running and ${queue.length} waiting; try again shortly`,
        ),
      );
    return new Promise<T>((resolve, reject) => {
      queue.push({ job, resolve: resolve, reject });
      dispatch();
    });
  };

  return {
    extract: (article) => submit<ExtractionRecord>({ id: nextId++, kind: 'extract', article }),
    analyze: (input) =>
      submit<{ article: Article; record: ExtractionRecord }>({ id: nextId++, kind: 'analyze', input }),
    parse: (body, name, contentType) =>
      submit<IngestItem[]>({
        id: nextId++,
        kind: 'parse',
        body,
        name,
        contentType,
        maxArticleChars: options.maxArticleChars,
      }),
    load: () => ({ running: slots.filter((s) => s.running).length, queued: queue.length }),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('the analyzer is closed'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = null;
          finish(slot)?.reject(new Error('the analyzer is closed'));
          if (worker) {
            worker.removeAllListeners();
            await worker.terminate();
          }
        }),
      );
    },
  };
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
