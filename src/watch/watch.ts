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
}

export interface WatchProgress extends PollProgress {
  onPoll?(summary: PollSummary): void;
}

/**
 * Polls until `options.signal` aborts (or once); returns the last poll's summary. A poll that
 * outlasts the interval is followed by the next one at once, never by two at a time.
 */
export async function watchFeeds(
  repo: Repository,
  feeds: FeedSpec[],
  options: WatchOptions = {},
  progress: WatchProgress = {},
): Promise<PollSummary> {
  const everyMs = options.everyMs ?? 10 * 60_000;
  for (;;) {
    const started = Date.now();
    const summary = await pollFeeds(repo, feeds, options, progress);
    progress.onPoll?.(summary);
    if (options.once || options.signal?.aborted) return summary;
    await sleep(Math.max(0, started + everyMs - Date.now()), options.signal);
    if (options.signal?.aborted) return summary;
  }
}

export function formatPollSummary(s: PollSummary, at: Date = new Date()): string {
  return (
    `poll ${at.toISOString().slice(0, 19)}Z: feeds ${s.feeds.ok} ok, ${s.feeds.notModified} not modified, ${s.feeds.failed} failed; ` +
    `items ${s.items.new} new, ${s.items.duplicate} duplicate; pages ${s.pages} fetched; ${s.seconds.toFixed(1)} s`
  );
}
