/** The ordered list of benchmarks `npm run bench` runs. */
import { ingestBenchmark, normalizeBenchmark } from './ingest.js';
import { extractBenchmark, ingestEndToEndBenchmark } from './extract.js';
import { apiBenchmark } from './api.js';
import { nerBenchmark } from './ner.js';
import { scalingBenchmark } from './scaling.js';

export interface Benchmark {
  name: string;
  /** A reason to skip (missing data), or null to run. */
  skipReason?: () => string | null;
  run(): Promise<string[]>;
}

export const BENCHMARKS: Benchmark[] = [
  // Foundation: reading and storing articles, normalising text.
  normalizeBenchmark,
  ingestBenchmark,
  // Knowledge and events: the tagger, the pipeline, and the whole ingest job.
  nerBenchmark,
  extractBenchmark,
  // How stage times grow with the text: linear, on hostile input as on long real text.
  scalingBenchmark,
  ingestEndToEndBenchmark,
  // Serving: the API under load.
  apiBenchmark,
];
