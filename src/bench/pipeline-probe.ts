/**
 * Run as its own process by the start-up benchmark (load.ts): loads the pipeline with every
 * theatre's gazetteer, runs it on one short article, and prints the resident memory and the
 * time taken as one JSON line. A separate process, so that nothing the benchmark runner has
 * loaded counts.
 */
import { loadPipelineContext } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { articleOf } from '../pipeline/cost-ratio.js';

const started = performance.now();
const context = loadPipelineContext();
const loadedMs = performance.now() - started;
const doc = runPipeline(
  articleOf('قتل ثلاثة مدنيين في قصف على بلدة كفرنبل جنوب إدلب، وسقطت قذائف في سوسة وصفاقس.'),
  context,
);
process.stdout.write(
  `${JSON.stringify({ loadedMs, totalMs: performance.now() - started, rssMb: process.memoryUsage().rss / 2 ** 20, entities: doc.entities.length })}\n`,
);
