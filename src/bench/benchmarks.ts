/** The ordered list of benchmarks `npm run bench` runs. */
import { ingestBenchmark, normalizeBenchmark } from './ingest.js';
import { apiBenchmark } from './api.js';

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
  // Serving: the API under load.
  apiBenchmark,
];
