import type { Command } from 'commander';
import {
  addDbOption,
  addFetchLimitOptions,
  fetchLimits,
  parseCount,
  withDb,
  type FetchLimitCliOptions,
} from '../options.js';
import { defaultWorkerName } from '../../app/work-queue.js';
import { formatPollSummary, parseDuration, resolveFeeds, watchFeeds, type WatchOptions } from '../../watch/index.js';

interface WatchCliOptions extends FetchLimitCliOptions {
  db?: string;
  every: string;
  once?: boolean;
  shared?: boolean;
  timeout: string;
  maxRetries: string;
  retryDelay: string;
  concurrency: string;
  feedTimeout: string;
}

export function registerWatch(program: Command): void {
  addDbOption(
    addFetchLimitOptions(
      program
        .command('watch')
        .description('poll RSS/Atom feeds and store their new articles (conditional GET, retries, per-feed errors)')
        .argument(
          '<feeds...>',
          'feed URLs, or files listing one feed URL a line (# comments, optional label after the URL)',
        )
        .option('--every <duration>', 'interval between polls, e.g. 30s, 10m, 1h', '10m')
        .option('--once', 'poll once and exit (cron, tests): exit status 1 only when every feed failed')
        .option(
          '--shared',
          'one of several watch processes over this feed list and store: each feed is polled by one of them per interval',
        )
        .option('--timeout <ms>', 'HTTP timeout per attempt in milliseconds', '20000')
        .option('--max-retries <n>', 'retries after a network error, timeout or 5xx', '2')
        .option('--retry-delay <ms>', 'first retry delay in milliseconds, doubled at each retry', '1000')
        .option('--concurrency <n>', 'feeds fetched at once', '4')
        .option(
          '--feed-timeout <ms>',
          'all the time one feed may take in a poll, retries and pages included',
          '120000',
        ),
    ),
  ).action(async (args: string[], opts: WatchCliOptions) => {
    const feeds = await resolveFeeds(args);
    if (feeds.length === 0) throw new Error('no feeds to watch');
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const options: WatchOptions = {
      everyMs: parseDuration(opts.every),
      once: opts.once ?? false,
      sharedAs: opts.shared ? defaultWorkerName() : undefined,
      timeoutMs: parseCount(opts.timeout),
      maxRetries: parseCount(opts.maxRetries),
      retryBaseMs: parseCount(opts.retryDelay),
      concurrency: Math.max(1, parseCount(opts.concurrency)),
      feedTimeoutMs: parseCount(opts.feedTimeout),
      limits: fetchLimits(opts),
      signal: stop.signal,
    };
    try {
      const last = await withDb(opts, (repo) =>
        watchFeeds(repo, feeds, options, {
          onError: (message) => process.stderr.write(`error: ${message}\n`),
          onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
          onPoll: (summary) => process.stdout.write(`${formatPollSummary(summary)}\n`),
        }),
      );
      if (options.once && last.feeds.failed === last.results.length) process.exitCode = 1;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  });
}
