/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../ingest/read.js';
import { articleId } from '../ingest/article-id.js';
import type { ArticleInput } from '../core/article.js';
import type { Repository, UpsertStatus } from '../store/repository.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
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

export async function ingestInputs(
  repo: Repository,
  inputs: string[],
  options: IngestOptions = {},
  progress: IngestProgress = {},
): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, events: 0, fusionSeconds: 0, bytes: 0, seconds: 0 };
  let batch: ArticleInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    for (const stored of await storeArticles(repo, pending, summary)) {
      summary[stored.status]++;
      summary.events += stored.events;
    }
  };
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
): Promise<{ status: UpsertStatus; events: number }[]> {
  // Stored events rest on resolved names only, so ingest leaves the statistical tagger out.
  const context = { ...loadPipelineContext(), taggerScope: 'none' as const };
  return repo.transaction(async () => {
    const stored: { status: UpsertStatus; events: number }[] = [];
    for (const input of articles) {
      const article = toArticle(input);
      const status = await repo.upsertArticle(article.id, input);
      let events = 0;
      if (status === 'new') {
        const doc = runPipeline(article, context);
        await repo.replaceEvents(article.id, doc.events);
        events = doc.events.length;
      }
      stored.push({ status, events });
    }
    const fusion = await fusePending(repo);
    if (timing) timing.fusionSeconds += fusion.seconds;
    return stored;
  });
}
