/**
 * The storage interface. SQLite (sqlite.ts) is the embedded default; a server database
 * implements the same interface. Articles are stored exactly as received.
 */
import type { Article, ArticleInput } from '../core/article.js';
import type { ArticleRef, EventRecord } from '../events/record.js';

export interface ArticleQuery {
  /** Full-text query, matched on the normalised text (harakat, alef forms and clitics ignored). */
  search?: string;
  /** Publication date bounds, inclusive, `YYYY-MM-DD`. */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
  chars: number;
}

export type UpsertStatus = 'new' | 'duplicate';

export interface StoreStats {
  articles: number;
  events: number;
  /** Input records stored: more than `articles` when exact duplicates were merged. */
  origins: number;
  firstPublished: string | null;
  lastPublished: string | null;
  sources: number;
}

export interface EventQuery {
  /** Event date bounds, inclusive, `YYYY-MM-DD`. */
  since?: string;
  until?: string;
  /** ACLED event_type, exact. */
  type?: string;
  sub_type?: string;
  /** Matches the actor id, or words of the actor's English or Arabic name (either actor). */
  actor?: string;
  /** Matches the place id, or words of its English or Arabic name, or its admin1. */
  place?: string;
  /** Words of a source (outlet) name. */
  source?: string;
  /** Full-text query over the articles the events come from. */
  q?: string;
  /** [west, south, east, north] in degrees. */
  bbox?: [number, number, number, number];
  articleId?: string;
  /** Only these events. */
  ids?: string[];
  limit?: number;
  offset?: number;
  /** 'date' (default, newest first), 'date-asc', 'fatalities'. */
  sort?: 'date' | 'date-asc' | 'fatalities';
}

export interface StoredEvent {
  record: EventRecord;
  article: ArticleRef;
}

export interface EventStats {
  byDay: { date: string; count: number; fatalities: number }[];
  byType: { event_type: string; count: number; fatalities: number }[];
  byAdmin1: { admin1: string; count: number; fatalities: number }[];
}

export interface Repository {
  /** Stores one article, or merges its origin into the stored copy with the same id. */
  upsertArticle(id: string, input: ArticleInput): UpsertStatus;
  /** Runs `fn` in one transaction (batches of upserts are much faster inside one). */
  transaction<T>(fn: () => T): T;
  getArticle(id: string): Article | null;
  /** Finds an article by a unique id prefix (as users type short ids). */
  findArticleId(prefix: string): string[];
  listArticles(query: ArticleQuery): ArticleSummary[];
  countArticles(query?: ArticleQuery): number;
  stats(): StoreStats;
  /** Replaces the events extracted from one article (re-extraction is idempotent). */
  replaceEvents(articleId: string, events: EventRecord[]): void;
  listEvents(query: EventQuery): StoredEvent[];
  countEvents(query?: EventQuery): number;
  getEvent(id: string): StoredEvent | null;
  eventStats(query?: EventQuery): EventStats;
  close(): void;
}
