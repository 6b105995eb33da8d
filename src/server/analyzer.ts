/** The pipeline as the API uses it: one article in, its extraction record out. */
import type { Article } from '../core/article.js';
import type { ExtractionRecord } from '../events/record.js';
import { toExtractionRecord } from '../events/output.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';

export interface Analyzer {
  /** Events and entities of one article, with spans into its text. */
  extract(article: Article): ExtractionRecord;
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
