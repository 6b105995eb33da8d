export { parseFeedList, resolveFeeds, parseDuration, feedName, type FeedSpec } from './feed-list.js';
export {
  fetchWithRetry,
  backoffMs,
  FetchFailure,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  type HttpDeps,
  type FetchedResponse,
} from './http.js';
export {
  pollFeeds,
  pollFeed,
  itemKeys,
  isSummary,
  type PollOptions,
  type PollProgress,
  type PollSummary,
  type FeedResult,
  type FeedOutcome,
} from './poll.js';
export { watchFeeds, formatPollSummary, type WatchOptions, type WatchProgress } from './watch.js';
