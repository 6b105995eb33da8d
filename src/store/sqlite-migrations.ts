/**
 * Versioned schema of the SQLite store. Each entry runs once, in order, inside a transaction;
 * applied versions are recorded in `schema_migrations`. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, origins and Arabic full-text index',
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        published TEXT,
        published_at TEXT,
        published_raw TEXT,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE TABLE article_origins (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT,
        source TEXT,
        input TEXT,
        external_id TEXT,
        added_at TEXT NOT NULL
      );
      CREATE INDEX article_origins_article ON article_origins(article_id);
      -- Normalised title and text (see text/normalize.ts): SQLite's own diacritic folding does not
      -- strip harakat, so normalisation happens in JS at index and query time. Trigrams match
      -- words with glued clitics (وحفتر، لحفتر) and glued words (جنوبطرابلس).
      CREATE VIRTUAL TABLE articles_fts USING fts5(body, tokenize = 'trigram');
    `,
  },
  {
    version: 2,
    name: 'events',
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date TEXT,
        lat REAL,
        lon REAL,
        admin1 TEXT,
        fatalities INTEGER NOT NULL,
        modality TEXT NOT NULL,
        -- Ids and names (English, normalised Arabic) of the actors and the place, for filters.
        actors_text TEXT NOT NULL,
        place_text TEXT NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX events_article ON events(article_id);
      CREATE INDEX events_date ON events(date);
      CREATE INDEX events_type ON events(event_type, sub_event_type);
      CREATE INDEX events_lat_lon ON events(lat, lon);
    `,
  },
  {
    version: 3,
    name: 'feed state for marsad watch',
    sql: `
      CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        -- JSON array of the keys (guid, link, article id) of the feed's recent items, newest first.
        seen_keys TEXT NOT NULL DEFAULT '[]',
        checked_at TEXT,
        last_error TEXT
      );
    `,
  },
];
