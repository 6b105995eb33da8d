import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { normalize } from '../text/normalize.js';
import { SqliteRepository } from '../store/sqlite.js';
import { ingestInputs } from '../app/ingest.js';
import type { Benchmark } from './benchmarks.js';
import { z } from 'zod';

const corpusMissing = () =>
  sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`;

export const normalizeBenchmark: Benchmark = {
  name: 'normalisation (offset-preserving) over the ANT corpus text',
  skipReason: corpusMissing,
  run() {
    const texts = readFileSync(sharedFile(...ANT_CORPUS)!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => z.object({ text: z.string() }).parse(JSON.parse(line)).text);
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    normalize(texts[0]); // warm up
    const started = performance.now();
    for (const t of texts) normalize(t);
    const seconds = (performance.now() - started) / 1000;
    return [
      `${texts.length} texts, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`,
    ];
  },
};

/**
 * Measured before the work of issue 14 (commit 86f30c4, `marsad ingest` of the corpus from the
 * built CLI, /usr/bin/time) on this 2-core machine while other jobs kept it busy (load 16-24), so
 * CPU seconds, which the load does not inflate: user + system.
 */
const BEFORE = { cpuSeconds: 19.5, peakRssMb: 344 };

export const ingestBenchmark: Benchmark = {
  name: 'ingest + extract + fuse the ANT corpus into a fresh SQLite store (one thread), with its timings',
  skipReason: corpusMissing,
  async run() {
    const corpus = sharedFile(...ANT_CORPUS)!;
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
    const repo = new SqliteRepository(join(dir, 'bench.db'));
    try {
      const cpuBefore = process.cpuUsage();
      const first = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const again = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
      const mb = statSync(corpus).size / 1e6;
      const t = first.timings;
      const stages = Object.entries(t.stages);
      const pipelineSeconds = stages.reduce((sum, [, ms]) => sum + ms, 0) / 1000;
      return [
        `first run: ${first.read} read, ${first.new} new, ${first.events} events, ${first.failed} failed in ${first.seconds.toFixed(2)} s: ` +
          `${Math.round(first.read / first.seconds)} articles/s, ${(mb / first.seconds).toFixed(1)} MB/s; ${cpuSeconds.toFixed(1)} s CPU ` +
          `(before: ${BEFORE.cpuSeconds} s CPU, the whole CLI run)`,
        `  pipeline ${pipelineSeconds.toFixed(2)} s (${Math.round(first.new / pipelineSeconds)} articles/s): ` +
          stages.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}`).join(', '),
        `  store writes ${t.storeSeconds.toFixed(2)} s, fusion ${t.fusionSeconds.toFixed(2)} s`,
        `second run (all duplicates): ${again.new} new, ${again.duplicate} duplicate in ${again.seconds.toFixed(2)} s`,
        `peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (before: ${BEFORE.peakRssMb} MB)`,
      ];
    } finally {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
