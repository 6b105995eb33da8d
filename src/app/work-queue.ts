/**
 * Work shared by several processes over one store: `marsad ingest --queue` reads inputs and
 * queues their articles in batches; each `marsad worker` (on this machine or another, against
 * the same PostgreSQL database) claims one batch at a time, extracts, stores and fuses it. The
 * store hands each batch to one worker (see Repository.claimWork); a worker that dies leaves its
 * batch to be claimed again when its lease expires, and storing a batch twice changes nothing
 * (articles are stored by content id, a duplicate keeps its first events).
 */
import { z } from 'zod';
import { hostname } from 'node:os';
import type { ArticleInput } from '../core/article.js';
import { readInputs, type IngestOptions } from '../input/read.js';
import type { Repository, WorkItem } from '../store/repository.js';
import { inlineExtractor, type EventExtractor } from './extractor.js';
import { storeArticles } from './ingest.js';
import { sleep } from '../watch/http.js';

/** Articles per queued batch: large enough that a claim costs little, small enough to share well. */
export const DEFAULT_QUEUE_BATCH = 100;

export interface EnqueueSummary {
  read: number;
  failed: number;
  /** Batches queued. */
  items: number;
  seconds: number;
}

/** Reads `inputs` and queues their articles in batches of `batchSize`; errors name file and line. */
export async function enqueueInputs(
  repo: Repository,
  inputs: string[],
  options: IngestOptions = {},
  progress: { onError?(message: string): void; onWarning?(message: string): void } = {},
  batchSize = DEFAULT_QUEUE_BATCH,
): Promise<EnqueueSummary> {
  const started = performance.now();
  const summary: EnqueueSummary = { read: 0, failed: 0, items: 0, seconds: 0 };
  let batch: ArticleInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    summary.items += (await repo.enqueueWork('articles', [JSON.stringify(batch)])).length;
    batch = [];
  };
  for await (const item of readInputs(inputs, options)) {
    if (item.kind === 'error') {
      summary.failed++;
      progress.onError?.(item.message);
      continue;
    }
    if (item.warning) progress.onWarning?.(item.warning);
    summary.read++;
    batch.push(item.article);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

const ArticleOriginSchema = z.strictObject({
  url: z.string().nullable(),
  source: z.string().nullable(),
  input: z.string().nullable(),
  externalId: z.string().nullable(),
});
const ArticleBatchSchema = z.array(
  z.strictObject({
    title: z.string(),
    text: z.string(),
    published: z.string().nullable(),
    publishedAt: z.string().nullable(),
    publishedRaw: z.string().nullable(),
    origin: ArticleOriginSchema,
  }),
);

/** The articles of a queued batch; a payload that is not one is an error naming the item. */
export function parseArticleBatch(item: WorkItem): ArticleInput[] {
  let json: unknown;
  try {
    json = JSON.parse(item.payload);
  } catch (err) {
    throw new Error(`work item ${item.id}: payload is not JSON (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    });
  }
  const parsed = ArticleBatchSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`work item ${item.id}: not a batch of articles at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export interface WorkerOptions {
  /** How this worker signs its claims (default: host and process id). */
  name?: string;
  /** How long a claim holds before another worker may take the item over (default 10 minutes). */
  leaseSeconds?: number;
  /** Exit when the queue is empty instead of waiting for more work. */
  drain?: boolean;
  /** Wait between looks at an empty queue (default 2 s). */
  idleMs?: number;
  signal?: AbortSignal;
  extractor?: EventExtractor;
}

export interface WorkerSummary {
  /** Batches this worker finished (failed ones included). */
  items: number;
  failedItems: number;
  articles: number;
  new: number;
  duplicate: number;
  events: number;
  fusionSeconds: number;
  seconds: number;
}

export interface WorkerProgress {
  onItem?(item: WorkItem, summary: WorkerSummary): void;
  onError?(message: string): void;
}

export function defaultWorkerName(): string {
  return `${hostname()}:${process.pid}`;
}

/** Claims and stores queued batches until the queue is empty (with `drain`) or `signal` aborts. */
export async function runWorker(
  repo: Repository,
  options: WorkerOptions = {},
  progress: WorkerProgress = {},
): Promise<WorkerSummary> {
  const started = performance.now();
  const name = options.name ?? defaultWorkerName();
  const leaseSeconds = options.leaseSeconds ?? 600;
  const extractor = options.extractor ?? inlineExtractor();
  const summary: WorkerSummary = {
    items: 0,
    failedItems: 0,
    articles: 0,
    new: 0,
    duplicate: 0,
    events: 0,
    fusionSeconds: 0,
    seconds: 0,
  };
  try {
    while (!options.signal?.aborted) {
      const item = await repo.claimWork(name, leaseSeconds);
      if (item === null) {
        if (options.drain) break;
        await sleep(options.idleMs ?? 2000, options.signal);
        continue;
      }
      summary.items++;
      try {
        const articles = parseArticleBatch(item);
        const stored = await storeArticles(repo, articles, summary, extractor);
        const counts = { articles: stored.length, new: 0, duplicate: 0, events: 0 };
        for (const s of stored) {
          counts[s.status]++;
          counts.events += s.events;
          if (s.error) progress.onError?.(`article ${s.id}: stored, but its events could not be extracted: ${s.error}`);
        }
        summary.articles += counts.articles;
        summary.new += counts.new;
        summary.duplicate += counts.duplicate;
        summary.events += counts.events;
        if (!(await repo.finishWork(item.id, name, { result: JSON.stringify(counts) })))
          progress.onError?.(`work item ${item.id}: its claim expired before it was done; another worker took it over`);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        summary.failedItems++;
        progress.onError?.(message.startsWith('work item') ? message : `work item ${item.id}: ${message}`);
        await repo.finishWork(item.id, name, { error: message });
      }
      progress.onItem?.(item, summary);
    }
  } finally {
    if (!options.extractor) await extractor.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
