/** A worker thread of `workerExtractor`: runs the pipeline over the articles it is sent. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { ingestContext } from './extractor.js';

const context = ingestContext();
parentPort!.on('message', (msg: { id: number; articles: Article[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, events: msg.articles.map((a) => runPipeline(a, context).events) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
