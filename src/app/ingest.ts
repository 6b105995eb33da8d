/**
 * Reads inputs and stores their articles: the job behind `marsad ingest`, `demo` and the API.
 * One bad article never stops the batch: it is reported and counted, and the rest goes on.
 */
import { readInputs, type IngestOptions } from '../ingest/read.js';
import { articleId } from '../ingest/article-id.js';
import type { ArticleInput } from '../core/article.js';
import type { Repository, UpsertStatus } from '../store/repository.js';

export interface IngestSummary {
  read: number;
  new: number;
  duplicate: number;
  failed: number;
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
  const summary: IngestSummary = { read: 0, new: 0, duplicate: 0, failed: 0, bytes: 0, seconds: 0 };
  let batch: ArticleInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    for (const status of await storeArticles(repo, pending)) summary[status]++;
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
 * transaction; the status of each, in order.
 */
export async function storeArticles(repo: Repository, articles: ArticleInput[]): Promise<UpsertStatus[]> {
  return repo.transaction(async () => {
    const statuses: UpsertStatus[] = [];
    for (const article of articles) statuses.push(await repo.upsertArticle(articleId(article.title, article.text), article));
    return statuses;
  });
}
