/** A worker thread of `workerExtractor`: runs the pipeline over the articles it is sent. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import { extractOne, ingestContext } from './extractor.js';

const context = ingestContext();
parentPort!.on('message', (msg: { id: number; articles: Article[] }) => {
  parentPort!.postMessage({ id: msg.id, outcomes: msg.articles.map((a) => extractOne(a, context)) });
});
