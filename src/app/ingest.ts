/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../input/read.js';
import type { Article, ArticleInput } from '../core/article.js';
import type { Repository, UpsertStatus } from '../store/repository.js';
import { inlineExtractor, workerExtractor, type EventExtractor, type Extracted } from './extractor.js';
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
 * The pipeline runs first, outside any transaction: it is the slow part, and a write lock held
 * through it stalls every other writer (a second `marsad ingest`, the server's POSTs) until
 * they give up. Then articles and events go in one short transaction (an interrupted batch
 * leaves neither an article without its events nor events without their article), and fusion
 * follows, holding the lock only to write its result.
 */
export async function storeArticles(
  repo: Repository,
  articles: ArticleInput[],
  timing?: { fusionSeconds: number },
  extractor: EventExtractor = inlineExtractor(),
): Promise<StoredArticle[]> {
  const prepared = articles.map((input) => ({ input, article: toArticle(input) }));
  // Only articles not stored yet are extracted: a duplicate keeps its first copy's events.
  const stored = await repo.existingArticleIds([...new Set(prepared.map((p) => p.article.id))]);
  const unseen = new Map<string, Article>();
  for (const { article } of prepared)
    if (!stored.has(article.id) && !unseen.has(article.id)) unseen.set(article.id, article);
  const outcomes = new Map<string, Extracted>();
  const extracted = await extractor.extract([...unseen.values()]);
  for (const [k, article] of [...unseen.values()].entries()) outcomes.set(article.id, extracted[k]);

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
  // The new events wait in the fusion queue (committed with them), so fusion may come after:
  // computed without the write lock, and resumed by the next run if this one is interrupted.
  const fusion = await fusePendingOptimistically(repo);
  if (timing) timing.fusionSeconds += fusion.seconds;
  return result;
}
