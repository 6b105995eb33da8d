/** A worker thread of `workerExtractor`: runs the pipeline over the articles it is sent. */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../core/article.js';
import { extractOne, ingestContext, type StageTimes } from './extractor.js';

const context = ingestContext();
parentPort!.on('message', (msg: { id: number; articles: Article[] }) => {
  const times: StageTimes = {};
  const outcomes = msg.articles.map((a) => extractOne(a, context, times));
  parentPort!.postMessage({ id: msg.id, outcomes, times });
});
