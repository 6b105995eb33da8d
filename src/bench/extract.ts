/** Extraction throughput, and ingest + extract + fuse end to end on SQLite and PostgreSQL. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { PipelineContext } from '../pipeline/stages.js';
import { articleId } from '../input/article-id.js';
import type { Article } from '../core/article.js';
import { SqliteRepository } from '../store/sqlite.js';
import { openRepository } from '../store/open.js';
import type { Repository } from '../store/repository.js';
import { scratchPostgresSchemas } from '../store/postgres-schemas.js';
import { ingestInputs } from '../app/ingest.js';
import type { Benchmark } from './benchmarks.js';
import { z } from 'zod';

const corpusMissing = () =>
  sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`;

const CorpusArticle = z.object({ title: z.string(), text: z.string(), published_raw: z.string() });
type CorpusArticle = z.infer<typeof CorpusArticle>;

function readCorpus(): CorpusArticle[] {
  return readFileSync(sharedFile(...ANT_CORPUS)!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => CorpusArticle.parse(JSON.parse(line)));
}

/** The corpus as the pipeline takes it, ids computed here: they are the store's work, not the pipeline's. */
function pipelineArticles(articles: CorpusArticle[]): Article[] {
  return articles.map((a) => ({
    id: articleId(a.title, a.text),
    title: a.title,
    text: a.text,
    published: a.published_raw.slice(0, 10),
    publishedAt: null,
    publishedRaw: null,
    origins: [],
  }));
}

/** Wall-clock and CPU seconds (this process's user and system time) of one pass over the articles. */
function timePipeline(
  articles: readonly Article[],
  context: PipelineContext,
): { seconds: number; cpuSeconds: number; events: number } {
  let events = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const article of articles) events += runPipeline(article, context).events.length;
  const cpu = process.cpuUsage(cpuStarted);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, events };
}

/** Articles per second by the wall clock and by CPU time, and MB/s by the wall clock. */
function rates(timed: { seconds: number; cpuSeconds: number }, articles: number, mb: number): string {
  return (
    `${timed.seconds.toFixed(2)} s: ${Math.round(articles / timed.seconds)} articles/s, ${(mb / timed.seconds).toFixed(2)} MB/s; ` +
    `CPU ${timed.cpuSeconds.toFixed(2)} s: ${Math.round(articles / timed.cpuSeconds)} articles/s`
  );
}

export const extractBenchmark: Benchmark = {
  name: 'extraction (the whole pipeline, one core) over the ANT corpus',
  skipReason: corpusMissing,
  run() {
    const corpus = readCorpus();
    const mb = corpus.reduce((n, a) => n + Buffer.byteLength(a.text) + Buffer.byteLength(a.title), 0) / 1e6;
    const articles = pipelineArticles(corpus);
    const loadStarted = performance.now();
    const context = loadPipelineContext();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    timePipeline(articles.slice(0, 200), context); // warm up
    const lines = [`knowledge loaded in ${loadSeconds.toFixed(2)} s`];
    // The learned models (candidate judge, article relevance, mention coreference) on, as shipped, then off: the rules alone.
    // CPU time beside the wall clock, which on a shared machine also counts the time other
    // processes held the core. The first configuration runs twice: its first pass meets most of
    // the corpus's words for the first time, the passes after it find them memoised (a long
    // ingest's steady state).
    const rulesOnly = { ...context.events, judge: null, relevance: null, coreference: null };
    for (const [scope, events, models, passes] of [
      ['none', context.events, 'on', 2],
      ['none', rulesOnly, 'off', 1],
      ['event-sentences', context.events, 'on', 1],
    ] as const) {
      for (let pass = 1; pass <= passes; pass++) {
        const timed = timePipeline(articles, { ...context, events, taggerScope: scope });
        lines.push(
          `tagger ${scope === 'none' ? 'off (as ingest runs it)' : 'on trigger sentences (as extract runs it)'}, models ${models}` +
            `${passes > 1 ? `, pass ${pass}` : ''}: ${articles.length} articles, ${timed.events} events in ${rates(timed, articles.length, mb)}`,
        );
      }
    }
    return lines;
  },
};

async function endToEnd(label: string, repo: Repository, workers = 0): Promise<string[]> {
  const corpus = sharedFile(...ANT_CORPUS)!;
  const mb = statSync(corpus).size / 1e6;
  try {
    const first = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } }, {}, { workers });
    const again = await ingestInputs(repo, [corpus], { fieldMap: { published: 'published_raw' } });
    return [
      `${label}: ${first.read} read, ${first.new} new, ${first.events} events, ${first.failed} failed in ${first.seconds.toFixed(2)} s: ` +
        `${Math.round(first.read / first.seconds)} articles/s, ${(mb / first.seconds).toFixed(2)} MB/s; fusion ${first.fusionSeconds.toFixed(2)} s`,
      `${label}, again (all duplicates): ${again.new} new in ${again.seconds.toFixed(2)} s`,
    ];
  } finally {
    await repo.close();
  }
}

export const ingestEndToEndBenchmark: Benchmark = {
  name: 'ingest + extract + fuse the ANT corpus, end to end (SQLite on one thread and with workers; PostgreSQL when MARSAD_BENCH_PG or MARSAD_TEST_PG names one)',
  skipReason: corpusMissing,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-'));
    const lines: string[] = [];
    try {
      lines.push(...(await endToEnd('SQLite, one thread', new SqliteRepository(join(dir, 'bench.db')))));
      const cores = availableParallelism();
      lines.push(
        ...(await endToEnd(
          `SQLite, ${cores} pipeline workers (as marsad ingest runs)`,
          new SqliteRepository(join(dir, 'bench-workers.db')),
          cores,
        )),
      );
      const pg = process.env.MARSAD_BENCH_PG ?? process.env.MARSAD_TEST_PG;
      if (pg) {
        // A fresh schema, so the figures are for an empty store like SQLite's.
        const schemas = scratchPostgresSchemas(pg);
        try {
          lines.push(...(await endToEnd('PostgreSQL, one thread', await openRepository(await schemas.create()))));
        } finally {
          await schemas.dropAll();
        }
      } else {
        lines.push('PostgreSQL: skipped (set MARSAD_BENCH_PG=postgres://… to compare)');
      }
      lines.push(`peak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
