/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../input/read.js';
import type { Article, ArticleInput } from '../core/article.js';
import type { Repository, UpsertStatus } from '../store/repository.js';
import { inlineExtractor, workerExtractor, type EventExtractor, type Extracted, type StageTimes } from './extractor.js';
import { toArticle } from './analyze.js';
import { fusePendingOptimistically } from '../fusion/fuse.js';

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
  /** Where the time went (`marsad ingest --timings`). */
  timings: IngestTimings;
}

/** Seconds of each part of the job; the pipeline's are summed over its threads. */
export interface IngestTimings {
  /** Milliseconds in each pipeline stage ('normalise': the view every stage reads). */
  stages: StageTimes;
  /** From each batch read to its events extracted, summed (with workers, beside the writes of the one before). */
  extractSeconds: number;
  /** Writing articles and events. */
  storeSeconds: number;
  fusionSeconds: number;
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
    timings: { stages: {}, extractSeconds: 0, storeSeconds: 0, fusionSeconds: 0 },
  };
  let batch: ArticleInput[] = [];
  // Created at the first flush: a pool of workers only for inputs that fill a batch.
  const pool: { extractor: EventExtractor | null } = { extractor: null };
  // The batch being stored while the next is read and extracted (by workers, when there are).
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    pool.extractor ??=
      (job.workers ?? 0) > 1 && pending.length >= BATCH_SIZE ? workerExtractor(job.workers!) : inlineExtractor();
    const extracting = extractBatch(repo, pending, pool.extractor);
    const previous = storing;
    storing = (async () => {
      const extracted = await extracting;
      await previous;
      for (const stored of await storeExtracted(repo, extracted, summary.timings, pool.extractor!)) {
        summary[stored.status]++;
        summary.events += stored.events;
        if (stored.error)
          progress.onError?.(
            `article ${stored.id} (${stored.title.slice(0, 60)}): stored, but its events could not be extracted: ${stored.error}`,
          );
      }
    })();
    // Handled when awaited: by the next flush or at the end.
    storing.catch(() => undefined);
    // At most one batch waits to be stored while the next is extracted: memory stays bounded.
    await previous;
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
    await storing;
  } finally {
    await storing.catch(() => undefined);
    await pool.extractor?.close();
  }
  summary.timings.stages = pool.extractor?.stageTimes?.() ?? {};
  summary.fusionSeconds = summary.timings.fusionSeconds;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** What became of one article of a batch. */
export interface StoredArticle {
  id: string;
  title: string;
  status: UpsertStatus;
  events: number;
  /** Why the pipeline failed on this article; the article itself is stored. */
  error?: string;
}

/** A batch read and extracted, ready to be stored. */
interface ExtractedBatch {
  prepared: { input: ArticleInput; article: Article }[];
  outcomes: Map<string, Extracted>;
  /** From reading the batch to its events extracted (for the timings). */
  extractSeconds: number;
}

/**
 * Extracts the events of the articles not stored yet (a duplicate keeps its first copy's
 * events). Outside any transaction: the pipeline is the slow part, and a write lock held
 * through it stalls every other writer (a second `marsad ingest`, the server's POSTs).
 */
async function extractBatch(
  repo: Repository,
  articles: ArticleInput[],
  extractor: EventExtractor,
): Promise<ExtractedBatch> {
  const started = performance.now();
  const prepared = articles.map((input) => ({ input, article: toArticle(input) }));
  const stored = await repo.existingArticleIds([...new Set(prepared.map((p) => p.article.id))]);
  const unseen = new Map<string, Article>();
  for (const { article } of prepared)
    if (!stored.has(article.id) && !unseen.has(article.id)) unseen.set(article.id, article);
  const outcomes = new Map<string, Extracted>();
  const extracted = await extractor.extract([...unseen.values()]);
  for (const [k, article] of [...unseen.values()].entries()) outcomes.set(article.id, extracted[k]);
  return { prepared, outcomes, extractSeconds: (performance.now() - started) / 1000 };
}

/**
 * Articles and events go in one short transaction (an interrupted batch leaves neither an article
 * without its events nor events without their article), and fusion follows, holding the lock only
 * to write its result.
 */
async function storeExtracted(
  repo: Repository,
  { prepared, outcomes, extractSeconds }: ExtractedBatch,
  timings: { extractSeconds: number; storeSeconds: number; fusionSeconds: number },
  extractor: EventExtractor,
): Promise<StoredArticle[]> {
  const started = performance.now();
  const result = await repo.transaction(async () => {
    const result: StoredArticle[] = [];
    const fresh: Article[] = [];
    for (const { input, article } of prepared) {
      const status = await repo.upsertArticle(article.id, input);
      if (status === 'new') fresh.push(article);
      result.push({ id: article.id, title: article.title, status, events: 0 });
    }
    // Stored as new but not extracted: another process removed it since the check (rare).
    const late = fresh.filter((article) => !outcomes.has(article.id));
    if (late.length > 0) for (const [k, o] of (await extractor.extract(late)).entries()) outcomes.set(late[k].id, o);
    const byId = new Map(result.filter((entry) => entry.status === 'new').map((entry) => [entry.id, entry]));
    for (const article of fresh) {
      const outcome = outcomes.get(article.id)!;
      const entry = byId.get(article.id)!;
      if ('error' in outcome) {
        entry.error = outcome.error;
        continue;
      }
      await repo.replaceEvents(article.id, outcome.events);
      entry.events = outcome.events.length;
    }
    return result;
  });
  timings.extractSeconds += extractSeconds;
  timings.storeSeconds += (performance.now() - started) / 1000;
  // The new events wait in the fusion queue (committed with them), so fusion may come after:
  // computed without the write lock, and resumed by the next run if this one is interrupted.
  const fusion = await fusePendingOptimistically(repo);
  timings.fusionSeconds += fusion.seconds;
  return result;
}

/**
 * Stores articles already read (by `marsad watch` from feeds, the API), extracts and stores the
 * events of the new ones, and fuses those events with the stored ones (src/fusion); the status of
 * each, in order. A duplicate keeps the events already extracted from its first copy. The fusion
 * time is added to `timing.fusionSeconds`.
 */
export async function storeArticles(
  repo: Repository,
  articles: ArticleInput[],
  timing?: { fusionSeconds: number },
  extractor: EventExtractor = inlineExtractor(),
): Promise<StoredArticle[]> {
  const timings = { extractSeconds: 0, storeSeconds: 0, fusionSeconds: 0 };
  const result = await storeExtracted(repo, await extractBatch(repo, articles, extractor), timings, extractor);
  if (timing) timing.fusionSeconds += timings.fusionSeconds;
  return result;
}
