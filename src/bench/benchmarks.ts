/** The ordered list of benchmarks `npm run bench` runs. */
import { ingestBenchmark, normalizeBenchmark } from './ingest.js';
import { extractBenchmark, ingestEndToEndBenchmark } from './extract.js';
import { apiBenchmark } from './api.js';
import { apiBusyBenchmark } from './api-busy.js';
import { apiFusedBenchmark } from './api-fused.js';
import { apiMillionBenchmark } from './api-million.js';
import { nerBenchmark } from './ner.js';
import { corpusReadBenchmark, knowledgeLoadBenchmark, startupBenchmark } from './load.js';
import { scalingBenchmark } from './scaling.js';
import { workersBenchmark } from './workers.js';
import { fusionScaleBenchmark } from './fusion.js';

export interface Benchmark {
  name: string;
  /** A reason to skip (missing data), or null to run. */
  skipReason?: () => string | null;
  /** Lines of results; most benchmarks are synchronous work, the API's waits on a server. */
  run(): string[] | Promise<string[]>;
}

export const BENCHMARKS: Benchmark[] = [
  // Foundation: reading and storing articles, normalising text.
  corpusReadBenchmark,
  normalizeBenchmark,
  ingestBenchmark,
  // Knowledge and events: loading what they need, the tagger, the pipeline, and the whole ingest job.
  knowledgeLoadBenchmark,
  startupBenchmark,
  nerBenchmark,
  extractBenchmark,
  // How stage times grow with the text: linear, on hostile input as on long real text.
  scalingBenchmark,
  ingestEndToEndBenchmark,
  // Several processes over one PostgreSQL store.
  workersBenchmark,
  // Fusion as the store grows: time per 1,000 new articles from 10k to 200k stored.
  fusionScaleBenchmark,
  // Serving: the API under load.
  apiBenchmark,
  apiFusedBenchmark,
  apiBusyBenchmark,
  // The API on a million events made from real ones.
  apiMillionBenchmark,
];
