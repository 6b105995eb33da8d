/** The `marsad watch` loop: poll every feed, wait, poll again, until stopped. */
import type { Repository } from '../store/repository.js';
import type { FeedSpec } from './feed-list.js';
import { sleep } from './http.js';
import { pollFeeds, type PollOptions, type PollProgress, type PollSummary } from './poll.js';

export interface WatchOptions extends PollOptions {
  /** Wait between the start of one poll and the start of the next (default 10 minutes). */
  everyMs?: number;
  /** Poll once and return (tests, cron). */
  once?: boolean;
  /** A failing feed is skipped for up to this many intervals, doubling with each failure in a row (default 32). */
  maxBackoffPolls?: number;
  /**
   * Several processes watch one feed list over one store: each feed is polled, in each interval,
   * by the one that leases it first (Repository.claimFeed); this is the name this one signs with.
   */
  sharedAs?: string;
}

export interface WatchProgress extends PollProgress {
  onPoll?(summary: PollSummary): void;
}

/**
 * Polls until `options.signal` aborts (or once); returns the last poll's summary. A poll that
 * outlasts the interval is followed by the next one at once, never by two at a time. A feed
 * that keeps failing is polled less and less often (1, 2, 4 … intervals apart), so a dead or
 * hostile feed costs little; its first success brings it back to every poll.
 */
export async function watchFeeds(
  repo: Repository,
  feeds: FeedSpec[],
  options: WatchOptions = {},
  progress: WatchProgress = {},
): Promise<PollSummary> {
  const everyMs = options.everyMs ?? 10 * 60_000;
  const backoff = new FeedBackoff(options.maxBackoffPolls ?? 32);
  for (let poll = 0; ; poll++) {
    const started = Date.now();
    const due = await leased(
      repo,
      feeds.filter((feed) => backoff.isDue(feed.url, poll)),
      options.sharedAs,
      // Held for most of the interval: released in time for the next poll, by whichever process comes first.
      (everyMs * 0.9) / 1000,
    );
    const summary = { ...(await pollFeeds(repo, due, options, progress)), deferred: feeds.length - due.length };
    for (const result of summary.results) backoff.record(result.feed.url, poll, result.outcome !== 'failed');
    progress.onPoll?.(summary);
    if (options.once || options.signal?.aborted) return summary;
    await sleep(Math.max(0, started + everyMs - Date.now()), options.signal);
    if (options.signal?.aborted) return summary;
  }
}

/** The feeds this process polls now: all of them, or those it leased when the list is shared. */
async function leased(
  repo: Repository,
  feeds: FeedSpec[],
  sharedAs: string | undefined,
  leaseSeconds: number,
): Promise<FeedSpec[]> {
  if (sharedAs === undefined) return feeds;
  const mine: FeedSpec[] = [];
  for (const feed of feeds) if (await repo.claimFeed(feed.url, sharedAs, leaseSeconds)) mine.push(feed);
  return mine;
}

/** Counts polls, not time: a feed that failed n times in a row waits 2^(n-1) - 1 polls, up to a cap. */
export class FeedBackoff {
  private readonly failing = new Map<string, { failures: number; nextPoll: number }>();
  constructor(private readonly maxPolls: number) {}

  isDue(url: string, poll: number): boolean {
    return (this.failing.get(url)?.nextPoll ?? 0) <= poll;
  }

  record(url: string, poll: number, ok: boolean): void {
    if (ok) {
      this.failing.delete(url);
      return;
    }
    const failures = (this.failing.get(url)?.failures ?? 0) + 1;
    const wait = Math.min(this.maxPolls, 2 ** (failures - 1));
    this.failing.set(url, { failures, nextPoll: poll + wait });
  }
}

export function formatPollSummary(s: PollSummary, at: Date = new Date()): string {
  const deferred = s.deferred ? `, ${s.deferred} deferred (failing, backing off)` : '';
  return (
    `poll ${at.toISOString().slice(0, 19)}Z: feeds ${s.feeds.ok} ok, ${s.feeds.notModified} not modified, ${s.feeds.failed} failed${deferred}; ` +
    `items ${s.items.new} new, ${s.items.duplicate} duplicate; pages ${s.pages} fetched; ${s.seconds.toFixed(1)} s`
  );
}
