/**
 * A worker thread of `workerAnalyzer`: parses request bodies and runs the pipeline, so that the
 * server's event loop never does either. Knowledge is loaded before the worker says it is ready:
 * a job's time limit counts the job alone.
 */
import { parentPort } from 'node:worker_threads';
import { toArticle } from '../app/analyze.js';
import { parseBuffer } from '../input/read.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { pipelineAnalyzer } from './analyzer.js';
import type { WorkerJob, WorkerReady, WorkerReply } from './analyzer-pool.js';

const context = loadPipelineContext();
const analyzer = pipelineAnalyzer(() => context);

function run(job: WorkerJob): WorkerReply {
  try {
    if (job.kind === 'extract') return { id: job.id, ok: true, value: analyzer.extract(job.article) };
    if (job.kind === 'analyze') {
      const article = toArticle(job.input);
      return { id: job.id, ok: true, value: { article, record: analyzer.extract(article) } };
    }
    const items = parseBuffer(Buffer.from(job.body), job.name, {
      contentType: job.contentType,
      maxArticleChars: job.maxArticleChars,
    });
    return { id: job.id, ok: true, value: items };
  } catch (err) {
    return { id: job.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

parentPort!.on('message', (job: WorkerJob) => parentPort!.postMessage(run(job)));
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
