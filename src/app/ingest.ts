/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../ingest/read.js';
import { articleId } from '../ingest/article-id.js';
import type { Article, ArticleInput } from '../core/article.js';
import type { Repository, UpsertStatus } from '../store/repository.js';
import { inlineExtractor, workerExtractor, type EventExtractor } from './extractor.js';
import { toArticle } from './analyze.js';
import { fusePending } from '../fusion/fuse.js';

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
  /** Events extracted from the new articles. */
  events: number;
  /** Time spent fusing the new events with the stored ones (seconds). */
  fusionSeconds: number;
  bytes: number;
  seconds: number;
}

export interface IngestProgress {
  onArticle?(summary: IngestSummary, where: string): void;
  /** A one-line message that names the file and line. */
  onError?(message: string): void;
  onWarning?(message: string): void;
}

/** Articles are written in transactions of this many: one fsync per batch, not per article. */
const BATCH_SIZE = 500;

export interface IngestJobOptions {
  /**
   * Worker threads for the pipeline once the input proves large (a full batch): the pipeline is
   * the costly part and splits cleanly. 0 or 1 keeps everything in this thread.
   */
  workers?: number;
}

export async function ingestInputs(
  repo: Repository,
  inputs: string[],
  options: IngestOptions = {},
  progress: IngestProgress = {},
  job: IngestJobOptions = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, events: 0, fusionSeconds: 0, bytes: 0, seconds: 0 };
  let batch: ArticleInput[] = [];
  // Created at the first flush: a pool of workers only for inputs that fill a batch.
  const pool: { extractor: EventExtractor | null } = { extractor: null };
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    pool.extractor ??= (job.workers ?? 0) > 1 && pending.length >= BATCH_SIZE ? workerExtractor(job.workers!) : inlineExtractor();
    for (const stored of await storeArticles(repo, pending, summary, pool.extractor)) {
      summary[stored.status]++;
      summary.events += stored.events;
    }
  };
  try {
    for await (const item of readInputs(inputs, options)) {
      if (item.kind === 'error') {
        summary.failed++;
        progress.onError?.(item.message);
        continue;
      }
      if (item.warning) progress.onWarning?.(item.warning);
      summary.read++;
      summary.bytes += Buffer.byteLength(item.article.text) + Buffer.byteLength(item.article.title);
      batch.push(item.article);
      if (batch.length >= BATCH_SIZE) await flush();
      progress.onArticle?.(summary, item.where);
    }
    await flush();
  } finally {
    await pool.extractor?.close();
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Stores articles already read (by `ingestInputs`, or `marsad watch` from feeds) in one
 * transaction, extracts and stores the events of the new ones, and fuses those events with the
 * stored ones (src/fusion); the status of each, in order. A duplicate keeps the events already
 * extracted from its first copy. The fusion time is added to `timing.fusionSeconds`.
 */
export async function storeArticles(
  repo: Repository,
  articles: ArticleInput[],
  timing?: { fusionSeconds: number },
  extractor: EventExtractor = inlineExtractor(),
): Promise<{ status: UpsertStatus; events: number }[]> {
  return repo.transaction(async () => {
    const stored: { status: UpsertStatus; events: number }[] = [];
    const fresh: Article[] = [];
    for (const input of articles) {
      const article = toArticle(input);
      const status = await repo.upsertArticle(article.id, input);
      if (status === 'new') fresh.push(article);
      stored.push({ status, events: 0 });
    }
    const events = await extractor.extract(fresh);
    let k = 0;
    for (const entry of stored) {
      if (entry.status !== 'new') continue;
      await repo.replaceEvents(fresh[k].id, events[k]);
      entry.events = events[k].length;
      k++;
    }
    const fusion = await fusePending(repo);
    if (timing) timing.fusionSeconds += fusion.seconds;
    return stored;
  });
}
