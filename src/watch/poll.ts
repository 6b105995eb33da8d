/**
 * One poll of a set of feeds: conditional GET, parse, drop items already seen, fetch the full
 * page of summary-only items, store what is new, remember validators and item keys. Each feed
 * is isolated: its failure is reported as one line naming it, and the other feeds go on.
 */
import type { ArticleInput } from '../core/article.js';
import { articleId } from '../input/article-id.js';
import { parseBuffer } from '../input/read.js';
import { storeArticles } from '../app/ingest.js';
import type { FeedState, Repository } from '../store/repository.js';
import { feedName, type FeedSpec } from './feed-list.js';
import { DEFAULT_RETRY_POLICY, FetchFailure, fetchWithRetry, type HttpDeps, type RetryPolicy } from './http.js';

export interface PollOptions extends Partial<RetryPolicy>, HttpDeps {
  /** Feeds fetched at once (default 4). */
  concurrency?: number;
  /** An item whose text is shorter than this is a summary: its linked page is fetched (default 400). */
  summaryChars?: number;
  /** Item keys remembered per feed, beyond those of the items the feed lists now (default 1000). */
  maxSeenKeys?: number;
  /**
   * All the time one feed may take in a poll, its retries and linked pages included (default
   * 2 minutes): a slow feed cannot hold a poll, and so the other feeds, for long.
   */
  feedTimeoutMs?: number;
}

export const DEFAULT_FEED_TIMEOUT_MS = 120_000;

export type FeedOutcome = 'ok' | 'not-modified' | 'failed';

export interface FeedResult {
  feed: FeedSpec;
  outcome: FeedOutcome;
  /** Items the feed listed (0 when not modified or failed). */
  items: number;
  new: number;
  /** Items seen in an earlier poll, or stored already from elsewhere. */
  duplicate: number;
  /** Linked pages fetched for summary-only items. */
  pages: number;
  /** HTTP attempts for the feed itself (retries included). */
  attempts: number;
  error: string | null;
}

export interface PollSummary {
  feeds: { ok: number; notModified: number; failed: number };
  items: { new: number; duplicate: number };
  pages: number;
  results: FeedResult[];
  seconds: number;
  /** Feeds skipped in this poll because they kept failing (set by watchFeeds). */
  deferred?: number;
}

export interface PollProgress {
  /** A one-line message that names the feed. */
  onError?(message: string): void;
  onWarning?(message: string): void;
  onFeed?(result: FeedResult): void;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
/** Feeds and wire services mark a cut summary with an ellipsis. */
const TRUNCATED = /(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*$/;

export async function pollFeeds(
  repo: Repository,
  feeds: FeedSpec[],
  options: PollOptions = {},
  progress: PollProgress = {},
): Promise<PollSummary> {
  const started = performance.now();
  const results = new Array<FeedResult>(feeds.length);
  let next = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      results[i] = await pollFeed(repo, feeds[i], options, progress);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 4, feeds.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const count = (outcome: FeedOutcome) => results.filter((r) => r.outcome === outcome).length;
  return {
    feeds: { ok: count('ok'), notModified: count('not-modified'), failed: count('failed') },
    items: { new: sum(results, (r) => r.new), duplicate: sum(results, (r) => r.duplicate) },
    pages: sum(results, (r) => r.pages),
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Polls one feed; never throws: any failure becomes an outcome of 'failed' with its reason. */
export async function pollFeed(
  repo: Repository,
  feed: FeedSpec,
  options: PollOptions = {},
  progress: PollProgress = {},
): Promise<FeedResult> {
  const result: FeedResult = {
    feed,
    outcome: 'failed',
    items: 0,
    new: 0,
    duplicate: 0,
    pages: 0,
    attempts: 0,
    error: null,
  };
  let state: FeedState = {
    url: feed.url,
    etag: null,
    lastModified: null,
    seenKeys: [],
    checkedAt: null,
    lastError: null,
  };
  const checkedAt = new Date().toISOString();
  const feedTimeoutMs = options.feedTimeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const stop = options.signal;
  const deadline = AbortSignal.timeout(feedTimeoutMs);
  options = { ...options, signal: stop ? AbortSignal.any([stop, deadline]) : deadline };
  try {
    state = (await repo.getFeedState(feed.url)) ?? state;
    const headers: Record<string, string> = { accept: FEED_ACCEPT };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    const response = await fetchWithRetry(feed.url, headers, policyOf(options), options);
    result.attempts = response.attempts;
    if (response.status === 304) {
      result.outcome = 'not-modified';
      await repo.saveFeedState({ ...state, checkedAt, lastError: null });
    } else {
      const parsed = parseFeedItems(response.body, feed.url, response.headers.get('content-type') ?? undefined);
      for (const warning of parsed.warnings) progress.onWarning?.(`${feedName(feed)}: ${warning}`);
      result.items = parsed.articles.length;
      const seen = new Set(state.seenKeys);
      const fresh: ArticleInput[] = [];
      for (const article of parsed.articles) {
        if (itemKeys(article).some((k) => seen.has(k))) result.duplicate++;
        else
          fresh.push(
            await withFullText(article, options, result, (w) => progress.onWarning?.(`${feedName(feed)}: ${w}`)),
          );
      }
      for (const { status } of await storeArticles(repo, fresh)) result[status]++;
      result.outcome = 'ok';
      // Saved after the articles: a crash in between re-reads the items, and the store merges them.
      await repo.saveFeedState({
        url: feed.url,
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
        seenKeys: rememberKeys(parsed.articles, state.seenKeys, options.maxSeenKeys ?? 1000),
        checkedAt,
        lastError: null,
      });
    }
  } catch (e) {
    result.outcome = 'failed';
    result.attempts ||= e instanceof FetchFailure ? e.attempts : 0;
    result.error =
      deadline.aborted && !stop?.aborted
        ? `gave up after ${feedTimeoutMs} ms (the time one feed may take)`
        : oneLine(e);
    progress.onError?.(`${feedName(feed)}: ${result.error}`);
    await repo.saveFeedState({ ...state, checkedAt, lastError: result.error }).catch((saveError: unknown) => {
      progress.onError?.(`${feedName(feed)}: feed state not saved (${oneLine(saveError)})`);
    });
  }
  progress.onFeed?.(result);
  return result;
}

/** The feed's articles; a feed where no item is an article (broken XML, an HTML page) is an error. */
function parseFeedItems(
  body: Buffer,
  url: string,
  contentType: string | undefined,
): { articles: ArticleInput[]; warnings: string[] } {
  // parseFeed reads RSS and Atom alike; naming the format makes an HTML page served at a feed's
  // address a failure instead of one article.
  const items = parseBuffer(body, url, { contentType, format: 'rss' });
  const articles: ArticleInput[] = [];
  const warnings: string[] = [];
  for (const item of items) {
    if (item.kind === 'article') articles.push(item.article);
    else warnings.push(withoutPrefix(item.message, url));
  }
  if (articles.length === 0) throw new Error(warnings[0] ?? 'feed has no items');
  return { articles, warnings };
}

/**
 * Names an item is known by: its guid, its link, and the hash of its feed text (for items with
 * neither). Any one seen before makes the item a duplicate, so a feed that changes its guids
 * but not its links is not re-ingested.
 */
export function itemKeys(article: ArticleInput): string[] {
  const keys: string[] = [];
  if (article.origin.externalId) keys.push(`guid:${article.origin.externalId}`);
  if (article.origin.url) keys.push(`link:${article.origin.url}`);
  if (keys.length === 0) keys.push(`article:${articleId(article.title, article.text)}`);
  return keys;
}

/** The keys of every item the feed lists now, then older keys, up to `max` older ones. */
function rememberKeys(articles: ArticleInput[], previous: string[], max: number): string[] {
  const current = [...new Set(articles.flatMap(itemKeys))];
  const listed = new Set(current);
  return [...current, ...previous.filter((k) => !listed.has(k))].slice(0, Math.max(max, current.length));
}

export function isSummary(article: ArticleInput, summaryChars: number): boolean {
  const text = article.text.trim();
  return text.length < summaryChars || TRUNCATED.test(text);
}

/**
 * The article with its page's text when the feed gave only a summary and the page's text is
 * longer. The feed's title, date and origin are kept: they are the feed's own and stable.
 */
async function withFullText(
  article: ArticleInput,
  options: PollOptions,
  result: FeedResult,
  warn: (message: string) => void,
): Promise<ArticleInput> {
  const link = article.origin.url;
  if (!link || !/^https?:\/\//i.test(link) || !isSummary(article, options.summaryChars ?? 400)) return article;
  try {
    const response = await fetchWithRetry(link, { accept: PAGE_ACCEPT }, policyOf(options), options);
    result.pages++;
    const page = parseBuffer(response.body, link, {
      contentType: response.headers.get('content-type') ?? undefined,
    }).find((item) => item.kind === 'article');
    if (!page || page.kind !== 'article' || page.article.text.trim().length <= article.text.trim().length)
      return article;
    return {
      ...article,
      title: article.title || page.article.title,
      text: page.article.text,
      published: article.published ?? page.article.published,
      publishedAt: article.publishedAt ?? page.article.publishedAt,
      publishedRaw: article.publishedRaw ?? page.article.publishedRaw,
    };
  } catch (e) {
    warn(`${link}: page not fetched (${oneLine(e)}); stored the feed's summary`);
    return article;
  }
}

function policyOf(options: PollOptions): RetryPolicy {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_RETRY_POLICY.timeoutMs,
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_POLICY.retryBaseMs,
    retryMaxMs: options.retryMaxMs ?? DEFAULT_RETRY_POLICY.retryMaxMs,
  };
}

function withoutPrefix(message: string, url: string): string {
  return message.startsWith(`${url}: `) ? message.slice(url.length + 2) : message;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}

function sum(results: FeedResult[], of: (r: FeedResult) => number): number {
  return results.reduce((n, r) => n + of(r), 0);
}
