/**
 * Runs the ordered stages of stages.ts over an article. Each stage is a pure function from a
 * document to a document with one more layer; knowledge (gazetteer, actors, lexicons, models) is
 * loaded once into the context and shared by every document.
 */
import type { Article } from '../core/article.js';
import type { Doc } from '../core/document.js';
import { viewOf } from '../text/view-cache.js';
import { STAGES, type Stage, type PipelineContext } from './stages.js';

export function createDoc(article: Article): Doc {
  return {
    article,
    view: viewOf(article.text),
    sentences: [],
    tokens: [],
    numbers: [],
    temporals: [],
    triggers: [],
    cues: [],
    entities: [],
    events: [],
    candidates: [],
  };
}

export function runPipeline(article: Article, context: PipelineContext, stages: readonly Stage[] = STAGES): Doc {
  let doc = createDoc(article);
  for (const stage of stages) doc = stage.run(doc, context);
  return doc;
}
