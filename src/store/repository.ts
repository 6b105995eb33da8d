/**
 * The storage interface. SQLite (sqlite.ts) is the embedded default; a server database
 * implements the same interface. Articles are stored exactly as received.
 */
import type { Article, ArticleInput } from '../core/article.js';

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
  close(): void;
}
