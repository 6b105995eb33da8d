/** The embedded default store: one SQLite file in WAL mode (better-sqlite3). */
import Database from 'better-sqlite3';
import type { Article, ArticleInput, ArticleOrigin } from '../core/article.js';
import { normalize, normalizeForMatch } from '../text/normalize.js';
import type { ArticleQuery, ArticleSummary, Repository, StoreStats, UpsertStatus } from './repository.js';
import { SQLITE_MIGRATIONS, type Migration } from './sqlite-migrations.js';

interface ArticleRow {
  seq: number;
  id: string;
  title: string;
  text: string;
  published: string | null;
  published_at: string | null;
  published_raw: string | null;
}

interface OriginRow {
  url: string | null;
  source: string | null;
  input: string | null;
  external_id: string | null;
}

export class SqliteRepository implements Repository {
  readonly db: Database.Database;
  private readonly statements;

  constructor(path: string, migrations: Migration[] = SQLITE_MIGRATIONS) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, migrations);
    this.statements = {
      seqById: this.db.prepare<[string], { seq: number }>('SELECT seq FROM articles WHERE id = ?'),
      insertArticle: this.db.prepare(
        `INSERT INTO articles (id, title, text, published, published_at, published_raw, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertFts: this.db.prepare('INSERT INTO articles_fts (rowid, body) VALUES (?, ?)'),
      originExists: this.db.prepare<[string, string | null, string | null, string | null], { one: number }>(
        `SELECT 1 AS one FROM article_origins
         WHERE article_id = ? AND url IS ? AND source IS ? AND input IS ?`,
      ),
      insertOrigin: this.db.prepare(
        `INSERT INTO article_origins (article_id, url, source, input, external_id, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      fillPublished: this.db.prepare(
        `UPDATE articles SET published = ?, published_at = ?, published_raw = ? WHERE id = ? AND published IS NULL`,
      ),
      article: this.db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE id = ?'),
      origins: this.db.prepare<[string], OriginRow>(
        'SELECT url, source, input, external_id FROM article_origins WHERE article_id = ? ORDER BY rowid',
      ),
      idsByPrefix: this.db.prepare<[string, string], { id: string }>(
        `SELECT id FROM articles WHERE id >= ? AND id < ? || 'g' ORDER BY id LIMIT 10`,
      ),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  upsertArticle(id: string, input: ArticleInput): UpsertStatus {
    const s = this.statements;
    const now = new Date().toISOString();
    const existing = s.seqById.get(id);
    const o = input.origin;
    if (existing) {
      // A duplicate keeps every new URL and source, and may fill a date the first copy lacked;
      // nothing already stored is changed.
      if (!s.originExists.get(id, o.url, o.source, o.input)) {
        s.insertOrigin.run(id, o.url, o.source, o.input, o.externalId, now);
      }
      if (input.published) s.fillPublished.run(input.published, input.publishedAt, input.publishedRaw, id);
      return 'duplicate';
    }
    const info = s.insertArticle.run(id, input.title, input.text, input.published, input.publishedAt, input.publishedRaw, now);
    s.insertFts.run(info.lastInsertRowid, searchableText(input.title, input.text));
    s.insertOrigin.run(id, o.url, o.source, o.input, o.externalId, now);
    return 'new';
  }

  getArticle(id: string): Article | null {
    const row = this.statements.article.get(id);
    if (!row) return null;
    const origins: ArticleOrigin[] = this.statements.origins.all(id).map((r) => ({
      url: r.url,
      source: r.source,
      input: r.input,
      externalId: r.external_id,
    }));
    return {
      id: row.id,
      title: row.title,
      text: row.text,
      published: row.published,
      publishedAt: row.published_at,
      publishedRaw: row.published_raw,
      origins,
    };
  }

  findArticleId(prefix: string): string[] {
    return this.statements.idsByPrefix.all(prefix, prefix).map((r) => r.id);
  }

  listArticles(query: ArticleQuery): ArticleSummary[] {
    const { where, params } = articleFilter(query);
    const sql = `
      SELECT a.id, a.title, a.published, length(a.text) AS chars,
        (SELECT source FROM article_origins o WHERE o.article_id = a.id AND source IS NOT NULL ORDER BY rowid LIMIT 1) AS source,
        (SELECT url FROM article_origins o WHERE o.article_id = a.id AND url IS NOT NULL ORDER BY rowid LIMIT 1) AS url
      FROM articles a ${where}
      ORDER BY a.published IS NULL, a.published DESC, a.seq DESC
      LIMIT ? OFFSET ?`;
    return this.db.prepare(sql).all(...params, query.limit ?? -1, query.offset ?? 0) as ArticleSummary[];
  }

  countArticles(query: ArticleQuery = {}): number {
    const { where, params } = articleFilter(query);
    return (this.db.prepare(`SELECT count(*) AS n FROM articles a ${where}`).get(...params) as { n: number }).n;
  }

  stats(): StoreStats {
    const row = this.db
      .prepare(
        `SELECT (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM article_origins) AS origins,
                (SELECT min(published) FROM articles) AS firstPublished,
                (SELECT max(published) FROM articles) AS lastPublished,
                (SELECT count(DISTINCT source) FROM article_origins) AS sources`,
      )
      .get() as StoreStats;
    return row;
  }

  close(): void {
    this.db.close();
  }
}

/** The text the full-text index holds: normalised title and body. */
export function searchableText(title: string, text: string): string {
  return normalize(`${title}\n${text}`).norm;
}

function articleFilter(query: ArticleQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.search && query.search.trim()) {
    const { match, likes } = ftsQuery(query.search);
    const parts: string[] = [];
    if (match) {
      parts.push('body MATCH ?');
      params.push(match);
    }
    for (const like of likes) {
      parts.push('body LIKE ?');
      params.push(like);
    }
    clauses.push(`a.seq IN (SELECT rowid FROM articles_fts WHERE ${parts.join(' AND ')})`);
  }
  if (query.since) {
    clauses.push('a.published >= ?');
    params.push(query.since);
  }
  if (query.until) {
    clauses.push('a.published <= ?');
    params.push(query.until);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * Turns a user's query into an FTS5 trigram query: every term must occur (as a substring of
 * the normalised text). Terms under three characters cannot use trigrams and fall back to LIKE.
 */
export function ftsQuery(search: string): { match: string | null; likes: string[] } {
  const terms = normalizeForMatch(search)
    .split(/[\s"'()*:^,;?!.]+/)
    .filter(Boolean);
  const long = terms.filter((t) => t.length >= 3);
  const short = terms.filter((t) => t.length < 3);
  return {
    match: long.length ? long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ') : null,
    likes: short.map((t) => `%${t.replace(/[%_]/g, '')}%`),
  };
}

function migrate(db: Database.Database, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
