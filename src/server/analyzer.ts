/**
 * The pipeline as the API uses it: one article in, its extraction record out. `marsad serve`
 * runs it in worker threads (analyzer-pool.ts); this in-thread form is for tests and workers.
 */
import type { Article, ArticleInput } from '../core/article.js';
import type { ExtractionRecord } from '../events/record.js';
import type { IngestItem } from '../input/read.js';
import { toExtractionRecord } from '../events/output.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';

export interface Analyzer {
  /** Events and entities of one article, with spans into its text. */
  extract(article: Article): ExtractionRecord | Promise<ExtractionRecord>;
  /**
   * The article (its id hashes the normalised text: slow for a long one) and its extraction, in
   * one step; toArticle and extract in this thread when absent.
   */
  analyze?(input: ArticleInput): Promise<{ article: Article; record: ExtractionRecord }>;
  /** Reads a request body into articles; parseBuffer in this thread when absent. */
  parse?(body: Uint8Array, name: string, contentType?: string): Promise<IngestItem[]>;
  /** Ends its workers, if any. */
  close?(): Promise<void>;
}

/** Runs the full pipeline; its knowledge is loaded on first use, so the server starts at once. */
export function pipelineAnalyzer(loadContext: () => PipelineContext = loadPipelineContext): Analyzer {
  let context: PipelineContext | null = null;
  return {
    extract(article) {
      context ??= loadContext();
      return toExtractionRecord(runPipeline(article, context));
    },
  };
}
