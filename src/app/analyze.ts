/** Runs the pipeline over articles read from inputs, without touching the store. */
import type { Article, ArticleInput } from '../core/article.js';
import type { Doc } from '../core/document.js';
import { articleId } from '../input/article-id.js';
import { readInputs, type IngestOptions } from '../input/read.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';

export function toArticle(input: ArticleInput): Article {
  const { origin, ...rest } = input;
  return { ...rest, id: articleId(input.title, input.text), origins: [origin] };
}

export type AnalyzedItem = { kind: 'doc'; doc: Doc; where: string } | { kind: 'error'; message: string };

/** Analyses every article of the inputs in input order; bad items are reported, not fatal. */
export async function* analyzeInputs(
  inputs: string[],
  context: PipelineContext,
  options: IngestOptions = {},
  /** Overrides the publication date of every article (`--published`). */
  published?: string,
): AsyncGenerator<AnalyzedItem> {
  for await (const item of readInputs(inputs, options)) {
    if (item.kind === 'error') {
      yield { kind: 'error', message: item.message };
      continue;
    }
    const article = toArticle(published ? { ...item.article, published } : item.article);
    let doc: Doc;
    try {
      doc = runPipeline(article, context);
    } catch (e) {
      // One article the pipeline cannot read is that article's error, named; the batch goes on.
      yield {
        kind: 'error',
        message: `${item.where}: extraction failed (${e instanceof Error ? e.message : String(e)})`,
      };
      continue;
    }
    yield { kind: 'doc', doc, where: item.where };
  }
}
