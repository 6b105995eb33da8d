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

export const ingestBenchmark: Benchmark = {
  name: 'ingest the ANT corpus into a fresh SQLite store (one thread: reading, extraction, storing)',
  skipReason: corpusMissing,
  async run() {
    const corpus = sharedFile(...ANT_CORPUS)!;
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
    const repo = new SqliteRepository(join(dir, 'bench.db'));
    try {
      const memBefore = process.memoryUsage().rss;
      const first = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
      const again = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
      const mb = statSync(corpus).size / 1e6;
      return [
        `first run: ${first.read} read, ${first.new} new, ${first.failed} failed in ${first.seconds.toFixed(2)} s: ` +
          `${Math.round(first.read / first.seconds)} articles/s, ${(mb / first.seconds).toFixed(1)} MB/s`,
        `second run (all duplicates): ${again.new} new, ${again.duplicate} duplicate in ${again.seconds.toFixed(2)} s`,
        `rss grew ${((process.memoryUsage().rss - memBefore) / 1e6).toFixed(0)} MB`,
      ];
    } finally {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
