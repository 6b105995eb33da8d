/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../ingest/read.js';
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
  const summary: IngestSummary = {
    read: 0,
    new: 0,
    duplicate: 0,
    failed: 0,
    events: 0,
    fusionSeconds: 0,
    bytes: 0,
    seconds: 0,
  };
  let batch: ArticleInput[] = [];
  // Created at the first flush: a pool of workers only for inputs that fill a batch.
  const pool: { extractor: EventExtractor | null } = { extractor: null };
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    pool.extractor ??=
      (job.workers ?? 0) > 1 && pending.length >= BATCH_SIZE ? workerExtractor(job.workers!) : inlineExtractor();
    for (const stored of await storeArticles(repo, pending, summary, pool.extractor)) {
      summary[stored.status]++;
      summary.events += stored.events;
      if (stored.error)
        progress.onError?.(
          `article ${stored.id} (${stored.title.slice(0, 60)}): stored, but its events could not be extracted: ${stored.error}`,
        );
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
export interface StoredArticle {
  id: string;
  title: string;
  status: UpsertStatus;
  events: number;
  /** Why the pipeline failed on this article; the article itself is stored. */
  error?: string;
}

/**
 * Article, events and fusion go in one transaction: an interrupted batch leaves neither an
 * article without its events nor events without their article.
 */
export async function storeArticles(
  repo: Repository,
  articles: ArticleInput[],
  timing?: { fusionSeconds: number },
  extractor: EventExtractor = inlineExtractor(),
): Promise<StoredArticle[]> {
  return repo.transaction(async () => {
    const stored: StoredArticle[] = [];
    const fresh: Article[] = [];
    for (const input of articles) {
      const article = toArticle(input);
      const status = await repo.upsertArticle(article.id, input);
      if (status === 'new') fresh.push(article);
      stored.push({ id: article.id, title: article.title, status, events: 0 });
    }
    const outcomes = await extractor.extract(fresh);
    const byId = new Map(stored.map((entry) => [entry.id, entry]));
    for (const [k, article] of fresh.entries()) {
      const outcome = outcomes[k];
      const entry = byId.get(article.id)!;
      if ('error' in outcome) {
        entry.error = outcome.error;
        continue;
      }
      await repo.replaceEvents(article.id, outcome.events);
      entry.events = outcome.events.length;
    }
    const fusion = await fusePending(repo);
    if (timing) timing.fusionSeconds += fusion.seconds;
    return stored;
  });
}
