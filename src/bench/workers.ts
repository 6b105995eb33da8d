/**
 * `npm run bench -- workers`: the ANT corpus queued once (`marsad ingest --queue`) and stored by
 * one `marsad worker` process, then (into a fresh schema) by two, on PostgreSQL; prints both
 * times, their ratio, and checks that no batch was done twice. Needs MARSAD_BENCH_PG (or
 * MARSAD_TEST_PG): a postgres:// URL where scratch schemas may be made. The corpus is told by
 * MARSAD_WORKERS_COPIES outlets (default 5: 50k articles); MARSAD_WORKERS_ARTICLES caps the articles.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { PostgresRepository } from '../store/postgres.js';
import { scratchPostgresSchemas } from '../store/postgres-schemas.js';
import { enqueueInputs } from '../app/work-queue.js';
import type { Benchmark } from './benchmarks.js';
import { z } from 'zod';

/** Outlets telling each story: the ANT corpus five times over is the 50k corpus of issue 14. */
const COPIES = Number(process.env.MARSAD_WORKERS_COPIES ?? 5);

/** Copy `copy` of a corpus line: the same article, as another outlet filed it. */
function outletCopy(line: string, copy: number): string {
  const record = CorpusRecord.parse(JSON.parse(line));
  return JSON.stringify({ ...record, text: `${record.text}\n\noutlet ${copy + 1}` });
}
const CorpusRecord = z.looseObject({ text: z.string() });

const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));
const pgUrl = () => process.env.MARSAD_BENCH_PG ?? process.env.MARSAD_TEST_PG;

/** Runs `n` worker processes to the end of the queue; wall-clock seconds (the point is parallelism). */
async function drainWith(url: string, n: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: n },
      (_, k) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, 'worker', '--drain', '--name', `bench-${k}`, '--db', url], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          // A line per batch goes to stderr: kept, and shown only when the worker fails.
          let log = '';
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log = (log + chunk).slice(-4000)));
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`worker ${k} exited with ${code}:\n${log}`)),
          );
        }),
    ),
  );
  return (performance.now() - started) / 1000;
}

export const workersBenchmark: Benchmark = {
  name: `marsad worker processes on PostgreSQL: the ANT corpus from ${COPIES} outlet(s) stored by one worker, then by two`,
  skipReason: () =>
    !sharedFile(...ANT_CORPUS)
      ? `../shared/${ANT_CORPUS.join('/')} is absent`
      : !pgUrl()
        ? 'MARSAD_BENCH_PG (or MARSAD_TEST_PG) is not set: a postgres:// URL'
        : null,
  async run() {
    const schemas = scratchPostgresSchemas(pgUrl()!);
    const cap = Number(process.env.MARSAD_WORKERS_ARTICLES ?? Infinity);
    const dir = mkdtempSync(join(tmpdir(), 'marsad-workers-'));
    const corpus = join(dir, 'corpus.jsonl');
    const lines = readFileSync(sharedFile(...ANT_CORPUS)!, 'utf8')
      .split('\n')
      .filter(Boolean);
    // Each story told by COPIES outlets, as a day's news is: its own article (a line naming the
    // outlet), extracted and stored like any other.
    const copies: string[] = [];
    for (let copy = 0; copy < COPIES && copies.length < cap; copy++)
      for (const line of lines) {
        if (copies.length >= cap) break;
        copies.push(copy === 0 ? line : outletCopy(line, copy));
      }
    writeFileSync(corpus, copies.join('\n') + '\n');
    const report: string[] = [];
    try {
      const seconds: number[] = [];
      for (const n of [1, 2]) {
        const url = await schemas.create();
        const repo = await PostgresRepository.open(url);
        try {
          const queued = await enqueueInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
          const s = await drainWith(url, n);
          seconds.push(s);
          const counts = await repo.workCounts();
          const { rows } = await repo.pool.query<{ again: string }>(
            'SELECT count(*) AS again FROM work_items WHERE attempts > 1',
          );
          report.push(
            `${n} worker${n > 1 ? 's' : ''}: ${queued.read} articles in ${queued.items} batches stored in ${s.toFixed(1)} s ` +
              `(${Math.round(queued.read / s)} articles/s); batches done ${counts.done}, failed ${counts.failed}, ` +
              `claimed more than once ${rows[0].again}; ${await repo.countArticles()} articles, ${await repo.countEvents()} events stored`,
          );
        } finally {
          await repo.close();
        }
      }
      report.push(
        `two workers against one: ${(seconds[0] / seconds[1]).toFixed(2)}× faster (this machine has 2 cores, PostgreSQL on the same machine)`,
      );
    } finally {
      await schemas.dropAll();
      rmSync(dir, { recursive: true, force: true });
    }
    return report;
  },
};
