import type { Command } from 'commander';
import {
  addDbOption,
  addFetchLimitOptions,
  collectFieldMap,
  fetchLimits,
  parseBytes,
  parseCount,
  parseDateOption,
  withDb,
  type FetchLimitCliOptions,
} from '../options.js';
import { ingestInputs, type IngestSummary } from '../../app/ingest.js';
import { enqueueInputs, type EnqueueSummary } from '../../app/work-queue.js';
import { createProgress } from '../progress.js';
import type { IngestOptions } from '../../input/read.js';
import { isOneOf } from '../../core/unknown.js';

const FORMATS = ['txt', 'html', 'rss', 'atom', 'jsonl', 'json', 'trec'] as const;

export function registerIngest(program: Command): void {
  addDbOption(
    addFetchLimitOptions(
      program
        .command('ingest')
        .description('read articles (files, directories, http(s) URLs, - for stdin) and store them')
        .argument('<inputs...>', 'paths, URLs, or - for standard input')
        .option(
          '--field <name=input>',
          'map a JSON field, e.g. --field published=published_raw (repeatable)',
          collectFieldMap,
        )
        .option('--format <format>', `force the input format (${FORMATS.join(', ')})`)
        .option(
          '--published <date>',
          'publication date (YYYY-MM-DD) of articles whose input gives none; per file, a sidecar <file>.meta.json {"published": …} does the same',
          parseDateOption,
        )
        .option('--timeout <ms>', 'HTTP timeout in milliseconds', '20000')
        .option(
          '--max-record-bytes <size>',
          'skip a JSON line longer than this, with an error (default 5M; k, M, G suffixes)',
          parseBytes,
        )
        .option(
          '--max-article-chars <n>',
          'skip an article whose title and text are longer than this, with an error (default 500000)',
          parseCount,
        )
        .option(
          '--max-file-bytes <size>',
          'skip a file of another format (read whole) larger than this, with an error (default 128M)',
          parseBytes,
        )
        .option('--timings', 'print where the time went: each pipeline stage, storing, fusion')
        .option(
          '--queue',
          'queue the articles for `marsad worker` processes instead of storing them here (several workers share one store)',
        )
        .option(
          '--workers <n>',
          'worker threads for the pipeline on large inputs (default 0: this thread, which is faster on two cores)',
          parseCount,
        ),
    ),
  ).action(
    async (
      inputs: string[],
      opts: {
        db?: string;
        field?: Record<string, string>;
        format?: string;
        timeout: string;
        workers?: number;
        queue?: boolean;
        timings?: boolean;
        maxRecordBytes?: number;
        maxFileBytes?: number;
        maxArticleChars?: number;
        published?: string;
      } & FetchLimitCliOptions,
    ) => {
      const format = opts.format || undefined; // an empty --format detects, as no --format does
      if (format !== undefined && !isOneOf(FORMATS, format)) {
        throw new Error(`unknown --format "${format}": expected one of ${FORMATS.join(', ')}`);
      }
      const options: IngestOptions = {
        fieldMap: opts.field,
        format,
        timeoutMs: parseCount(opts.timeout),
        maxRecordBytes: opts.maxRecordBytes,
        maxFileBytes: opts.maxFileBytes,
        maxArticleChars: opts.maxArticleChars,
        limits: fetchLimits(opts),
        published: opts.published ? { raw: opts.published, date: opts.published, at: null } : undefined,
      };
      const summary = await withDb<{ read: number }>(opts, async (repo) => {
        if (opts.queue) return runEnqueue(repo, inputs, options);
        const ingested = await runIngest(repo, inputs, options, opts.workers);
        if (opts.timings) process.stdout.write(`${formatTimings(ingested)}\n`);
        return ingested;
      });
      if (summary.read === 0) process.exitCode = 1;
    },
  );
}

export async function runIngest(
  repo: Parameters<typeof ingestInputs>[0],
  inputs: string[],
  options: IngestOptions,
  workers?: number,
): Promise<IngestSummary> {
  const progress = createProgress('ingest');
  let summary: IngestSummary;
  try {
    summary = await ingestInputs(
      repo,
      inputs,
      options,
      {
        onArticle: (s, where) => progress.update(s.read, where),
        onError: (message) => progress.log(`error: ${message}`),
        onWarning: (message) => progress.log(`warning: ${message}`),
      },
      { workers: workers ?? 0 },
    );
  } finally {
    progress.stop();
  }
  process.stdout.write(`${formatSummary(summary)}\n`);
  return summary;
}

async function runEnqueue(
  repo: Parameters<typeof ingestInputs>[0],
  inputs: string[],
  options: IngestOptions,
): Promise<EnqueueSummary> {
  const summary = await enqueueInputs(repo, inputs, options, {
    onError: (message) => process.stderr.write(`error: ${message}\n`),
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  process.stdout.write(
    `read ${summary.read}, failed ${summary.failed}; queued in ${summary.items} batches for \`marsad worker\` in ${summary.seconds.toFixed(1)} s\n`,
  );
  return summary;
}

export function formatSummary(s: IngestSummary): string {
  const rate =
    s.seconds > 0
      ? ` (${Math.round(s.read / s.seconds)} articles/s, ${(s.bytes / 1e6 / s.seconds).toFixed(1)} MB/s)`
      : '';
  return `read ${s.read}, new ${s.new}, duplicate ${s.duplicate}, failed ${s.failed}; ${s.events} events extracted (fused in ${s.fusionSeconds.toFixed(2)} s); in ${s.seconds.toFixed(1)} s${rate}`;
}

/** Where an ingest's time went: the pipeline's stages (summed over its threads), storing, fusion. */
export function formatTimings(s: IngestSummary): string {
  const t = s.timings;
  const stages = Object.entries(t.stages);
  const pipelineMs = stages.reduce((sum, [, ms]) => sum + ms, 0);
  return [
    `pipeline ${(pipelineMs / 1000).toFixed(2)} s over its threads: ` +
      stages.map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(2)}`).join(', '),
    `extraction ${t.extractSeconds.toFixed(2)} s (with --workers, beside the writes), store writes ${t.storeSeconds.toFixed(2)} s, fusion ${t.fusionSeconds.toFixed(2)} s, whole job ${s.seconds.toFixed(2)} s`,
  ].join('\n');
}
