import type { Command } from 'commander';
import { addDbOption, parseCount, withDb } from '../options.js';
import { defaultWorkerName, runWorker, type WorkerSummary } from '../../app/work-queue.js';
import { parseDuration } from '../../watch/index.js';

interface WorkerCliOptions {
  db?: string;
  name?: string;
  lease: string;
  drain?: boolean;
  idle: string;
}

export function registerWorker(program: Command): void {
  addDbOption(
    program
      .command('worker')
      .description(
        'store the batches queued by `marsad ingest --queue`: run one per core, on one or many machines, against one PostgreSQL store',
      )
      .option('--name <name>', 'how this worker signs its claims (default: host:pid)')
      .option('--lease <duration>', 'a claim expires after this long, and another worker takes the batch over', '10m')
      .option('--drain', 'exit when the queue is empty (default: wait for more work until stopped)')
      .option('--idle <duration>', 'wait between looks at an empty queue', '2s'),
  ).action(async (opts: WorkerCliOptions) => {
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const name = opts.name ?? defaultWorkerName();
      const summary = await withDb(opts, (repo) =>
        runWorker(
          repo,
          {
            name,
            leaseSeconds: parseDuration(opts.lease) / 1000,
            drain: opts.drain ?? false,
            idleMs: parseCount(String(parseDuration(opts.idle))),
            signal: stop.signal,
          },
          {
            onError: (message) => process.stderr.write(`error: ${message}\n`),
            onItem: (item, s) =>
              process.stderr.write(
                `worker ${name}: batch ${item.id} done (${s.items} batches, ${s.articles} articles)\n`,
              ),
          },
        ),
      );
      process.stdout.write(`${formatWorkerSummary(name, summary)}\n`);
      if (summary.failedItems > 0) process.exitCode = 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}

export function formatWorkerSummary(name: string, s: WorkerSummary): string {
  const failed = s.failedItems ? ` (${s.failedItems} failed)` : '';
  return `worker ${name}: ${s.items} batches${failed}, ${s.articles} articles (new ${s.new}, duplicate ${s.duplicate}), ${s.events} events (fused in ${s.fusionSeconds.toFixed(2)} s); in ${s.seconds.toFixed(1)} s`;
}
