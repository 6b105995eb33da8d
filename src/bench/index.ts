/**
 * `npm run bench`: prints throughput figures. Speed targets live here, never in timed tests.
 * Benchmarks that need ../shared/datasets say so and are skipped when it is absent.
 */
import { BENCHMARKS } from './benchmarks.js';
import { boundHeapGrowth } from '../cli/heap-growth.js';

async function run(): Promise<void> {
  // Under the heap settings of the `marsad` commands, so that memory figures are theirs.
  boundHeapGrowth();
  // A benchmark runs when its name holds one of the words given, in any case (`npm run bench -- ner`).
  const only = process.argv.slice(2).map((word) => word.toLowerCase());
  for (const bench of BENCHMARKS) {
    if (only.length && !only.some((word) => bench.name.toLowerCase().includes(word))) continue;
    process.stdout.write(`\n## ${bench.name}\n`);
    const skip = bench.skipReason?.();
    if (skip) {
      process.stdout.write(`skipped: ${skip}\n`);
      continue;
    }
    const lines = await bench.run();
    for (const line of lines) process.stdout.write(`${line}\n`);
  }
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
