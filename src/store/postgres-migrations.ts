/**
 * Versioned schema of the PostgreSQL store, mirroring sqlite-migrations.ts table for table and
 * column for column. Each entry runs once, in order, in the transaction that holds the
 * migration lock; applied versions are recorded in `schema_migrations`. Never edit a released
 * migration: add one. Needs PostgreSQL 15 or later (`NULLS NOT DISTINCT`).
 */
import type { Migration } from './sqlite-migrations.js';

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, origins and Arabic full-text index',
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      -- Ids, dates and the filter texts compare bytewise (COLLATE "C"), as in SQLite: prefix
      -- lookups use the primary key, and the order of results does not depend on the locale.
      CREATE TABLE articles (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        id TEXT COLLATE "C" PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        published TEXT COLLATE "C",
        published_at TEXT,
        published_raw TEXT,
        ingested_at TEXT NOT NULL,
        -- Normalised title and text (see search-text.ts): harakat, alef forms and tatweel are
        -- folded in JS, as for SQLite's index; trigrams match glued clitics (وحفتر، لحفتر).
        body TEXT NOT NULL
      );
      CREATE INDEX articles_published ON articles(published);
      CREATE INDEX articles_body_trgm ON articles USING gin (body gin_trgm_ops);
      CREATE TABLE article_origins (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT,
        source TEXT,
        input TEXT,
        external_id TEXT,
        added_at TEXT NOT NULL
      );
      -- One row per distinct origin, even when two processes add the same one at once.
      CREATE UNIQUE INDEX article_origins_unique ON article_origins (article_id, url, source, input) NULLS NOT DISTINCT;
    `,
  },
  {
    version: 2,
    name: 'events',
    sql: `
      CREATE TABLE events (
        id TEXT COLLATE "C" PRIMARY KEY,
        article_id TEXT COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_type TEXT COLLATE "C" NOT NULL,
        sub_event_type TEXT COLLATE "C" NOT NULL,
        date TEXT COLLATE "C",
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        admin1 TEXT COLLATE "C",
        fatalities INTEGER NOT NULL,
        modality TEXT NOT NULL,
        -- Ids and names (English, normalised Arabic) of the actors and the place, for filters.
        actors_text TEXT NOT NULL,
        place_text TEXT NOT NULL,
        -- json, not jsonb: the record comes back with its keys in the order they were written.
        record JSON NOT NULL
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
        seen_keys JSON NOT NULL DEFAULT '[]',
        checked_at TEXT,
        last_error TEXT
      );
    `,
  },
  {
    version: 4,
    name: 'fused events; actor and place lookup tables and indexes for fast event queries',
    sql: `
      ALTER TABLE events ADD COLUMN time_precision INTEGER;
      ALTER TABLE events ADD COLUMN geo_precision INTEGER;
      ALTER TABLE events ADD COLUMN place_id TEXT COLLATE "C";
      UPDATE events SET time_precision = (record->>'time_precision')::int,
        geo_precision = (record->'location'->>'geo_precision')::int, place_id = record->'location'->>'id';
      CREATE INDEX events_date_id ON events(date DESC NULLS LAST, id) INCLUDE (lat, lon);
      CREATE INDEX events_type_date ON events(event_type, date DESC NULLS LAST, id);
      CREATE INDEX events_place_date ON events(place_id, date DESC NULLS LAST, id);
      CREATE INDEX events_fatalities ON events(fatalities DESC, date DESC NULLS LAST, id);
      CREATE TABLE event_actors (
        actor_id TEXT COLLATE "C" NOT NULL,
        event_id TEXT COLLATE "C" NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (actor_id, event_id, role)
      );
      CREATE INDEX event_actors_event ON event_actors(event_id);
      INSERT INTO event_actors (actor_id, event_id, role)
        SELECT record->'actor1'->>'id', id, 'actor1' FROM events WHERE record->'actor1'->>'id' IS NOT NULL
        UNION SELECT record->'actor2'->>'id', id, 'actor2' FROM events WHERE record->'actor2'->>'id' IS NOT NULL
        UNION SELECT a->>'id', e.id, 'assoc_actor_1' FROM events e, json_array_elements(e.record->'assoc_actor_1') a
        UNION SELECT a->>'id', e.id, 'assoc_actor_2' FROM events e, json_array_elements(e.record->'assoc_actor_2') a
        ON CONFLICT DO NOTHING;
      CREATE TABLE actor_names (actor_id TEXT COLLATE "C" NOT NULL, text TEXT NOT NULL, PRIMARY KEY (actor_id, text));
      CREATE TABLE place_names (place_id TEXT COLLATE "C" NOT NULL, text TEXT NOT NULL, PRIMARY KEY (place_id, text));
      CREATE TABLE fused_events (
        id TEXT COLLATE "C" PRIMARY KEY,
        date TEXT COLLATE "C",
        fatalities INTEGER NOT NULL,
        fatalities_max INTEGER NOT NULL,
        record JSON NOT NULL,
        explanation JSON NOT NULL
      );
      CREATE INDEX fused_events_date ON fused_events(date DESC NULLS LAST, id);
      CREATE TABLE event_clusters (
        event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        cluster_id TEXT COLLATE "C" NOT NULL,
        position INTEGER NOT NULL,
        joined_by TEXT NOT NULL
      );
      CREATE INDEX event_clusters_cluster ON event_clusters(cluster_id, position);
      CREATE TABLE fusion_queue (event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE);
      INSERT INTO fusion_queue (event_id) SELECT id FROM events;
    `,
  },
  {
    version: 5,
    name: "event summaries and articles' first source for lists",
    sql: `
      -- The record without its evidence sentences and per-field sources, kept beside it.
      ALTER TABLE events ADD COLUMN summary TEXT;
      UPDATE events SET summary = ((record::jsonb - 'evidence') - 'sources')::text;
      -- An article's first outlet and URL, which lists show with every event.
      ALTER TABLE articles ADD COLUMN first_source TEXT;
      ALTER TABLE articles ADD COLUMN first_url TEXT;
      -- Outlet names normalised like the query (ة/ه, alef forms, harakat) by the code that writes
      -- them; rows written before stay NULL and are compared lowercased.
      ALTER TABLE article_origins ADD COLUMN source_norm TEXT;
      UPDATE articles SET
        first_source = (SELECT source FROM article_origins o WHERE o.article_id = articles.id AND source IS NOT NULL ORDER BY o.seq LIMIT 1),
        first_url = (SELECT url FROM article_origins o WHERE o.article_id = articles.id AND url IS NOT NULL ORDER BY o.seq LIMIT 1);
    `,
  },
  {
    version: 6,
    name: 'work queue for marsad worker, feed leases for several watch processes',
    sql: `
      -- status: pending, claimed (by worker until claimed_until), done or failed. Workers claim
      -- with FOR UPDATE SKIP LOCKED: each takes a different row without waiting for the others.
      CREATE TABLE work_items (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        worker TEXT,
        claimed_until TIMESTAMPTZ,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        finished_at TIMESTAMPTZ,
        result TEXT,
        error TEXT
      );
      CREATE INDEX work_items_open ON work_items(status, id) WHERE status IN ('pending', 'claimed');
      CREATE TABLE feed_leases (url TEXT COLLATE "C" PRIMARY KEY, worker TEXT NOT NULL, until TIMESTAMPTZ NOT NULL);
    `,
  },
  {
    version: 7,
    name: 'fusion components: the set of linked events each event was last fused in',
    sql: `
      CREATE TABLE fusion_components (
        event_id TEXT COLLATE "C" PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        component TEXT COLLATE "C" NOT NULL
      );
      CREATE INDEX fusion_components_component ON fusion_components(component);
    `,
  },
  {
    version: 8,
    name: 'reviews: decisions, audit trail; fused events filtered and sorted on their own columns',
    sql: `
      -- The decision in force on each reviewed event (see sqlite-migrations.ts, version 7).
      CREATE TABLE reviews (
        target TEXT COLLATE "C" PRIMARY KEY,
        status TEXT NOT NULL,
        changes JSON NOT NULL,
        note TEXT,
        at TEXT NOT NULL
      );
      -- The audit trail: one row per action, never updated or deleted.
      CREATE TABLE review_log (
        seq BIGSERIAL PRIMARY KEY,
        target TEXT COLLATE "C" NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        changes JSON NOT NULL,
        before JSON NOT NULL,
        note TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX review_log_target ON review_log(target, seq);
      ALTER TABLE events ADD COLUMN country TEXT;
      ALTER TABLE events ADD COLUMN review_status TEXT;
      ALTER TABLE events ADD COLUMN machine_record JSON;
      UPDATE events SET country = record->'location'->>'country';
      ALTER TABLE fused_events ADD COLUMN event_type TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN sub_event_type TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN country TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN admin1 TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN place_id TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN lat DOUBLE PRECISION;
      ALTER TABLE fused_events ADD COLUMN lon DOUBLE PRECISION;
      ALTER TABLE fused_events ADD COLUMN modality TEXT;
      ALTER TABLE fused_events ADD COLUMN reports INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE fused_events ADD COLUMN review_status TEXT;
      ALTER TABLE fused_events ADD COLUMN review_target TEXT COLLATE "C";
      ALTER TABLE fused_events ADD COLUMN machine_record JSON;
      UPDATE fused_events SET event_type = record->>'event_type', sub_event_type = record->>'sub_event_type',
        country = record->'location'->>'country', admin1 = record->'location'->>'admin1',
        place_id = record->'location'->>'id', lat = (record->'location'->>'lat')::double precision,
        lon = (record->'location'->>'lon')::double precision, modality = record->>'modality',
        reports = (SELECT count(*) FROM event_clusters c WHERE c.cluster_id = fused_events.id);
      CREATE INDEX fused_events_type_date ON fused_events(event_type, date DESC NULLS LAST, id);
      CREATE INDEX fused_events_admin1_date ON fused_events(admin1, date DESC NULLS LAST, id);
      CREATE INDEX fused_events_country_date ON fused_events(country, date DESC NULLS LAST, id);
      CREATE INDEX fused_events_fatalities ON fused_events(fatalities DESC, date DESC NULLS LAST, id);
      CREATE INDEX fused_events_review_date ON fused_events(review_status, date DESC NULLS LAST, id);
    `,
  },
  {
    version: 9,
    name: 'tallies of events and fused events by day, type, area and review status, kept by triggers',
    sql: `${talliesOf('events', 'event_tallies')}
      ${talliesOf('fused_events', 'fused_tallies')}`,
  },
  {
    version: 10,
    name: "an actor's events in date order, off one index",
    sql: `
      ALTER TABLE event_actors ADD COLUMN date TEXT COLLATE "C";
      UPDATE event_actors SET date = (SELECT date FROM events WHERE events.id = event_actors.event_id);
      CREATE INDEX event_actors_date ON event_actors(actor_id, date DESC NULLS LAST, event_id);
    `,
  },
];

/**
 * The tallies of sqlite-migrations.ts (version 11). Here several sessions write at once: were
 * their triggers to update the same tally rows, two transactions could each hold one and wait
 * for the other's. So the triggers only append to a table of changes, once per statement, and
 * readers fold the changes into the tallies one at a time (PostgresRepository.foldTallies).
 */
function talliesOf(source: string, tallies: string): string {
  const key = `coalesce(date, ''), coalesce(event_type, ''), coalesce(country, ''), coalesce(admin1, ''),
          coalesce(review_status, ''), (lat IS NOT NULL)::int`;
  const columns = `day TEXT COLLATE "C" NOT NULL,
        event_type TEXT COLLATE "C" NOT NULL,
        country TEXT COLLATE "C" NOT NULL,
        admin1 TEXT COLLATE "C" NOT NULL,
        review_status TEXT COLLATE "C" NOT NULL,
        placed INTEGER NOT NULL,
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL`;
  const changes = `${tallies}_changes`;
  const signed = (table: string, sign: 1 | -1) => `SELECT ${key}, ${sign}, ${sign} * fatalities FROM ${table}`;
  // An update that leaves an event's key as it was changes nothing here.
  const net = (rows: string) =>
    `INSERT INTO ${changes} SELECT day, event_type, country, admin1, review_status, placed, sum(events), sum(fatalities)
          FROM (${rows}) AS t(day, event_type, country, admin1, review_status, placed, events, fatalities)
          GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(events) <> 0 OR sum(fatalities) <> 0;`;
  return `
      CREATE TABLE ${tallies} (
        ${columns},
        PRIMARY KEY (day, event_type, country, admin1, review_status, placed)
      );
      CREATE TABLE ${changes} (${columns});
      INSERT INTO ${tallies} SELECT ${key}, count(*), sum(fatalities) FROM ${source} GROUP BY 1, 2, 3, 4, 5, 6;
      CREATE FUNCTION ${tallies}_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${net(signed('added', 1))}
        ELSIF TG_OP = 'DELETE' THEN
          ${net(signed('removed', -1))}
        ELSE
          ${net(`${signed('removed', -1)} UNION ALL ${signed('added', 1)}`)}
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${tallies}_insert AFTER INSERT ON ${source}
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${tallies}_change();
      CREATE TRIGGER ${tallies}_delete AFTER DELETE ON ${source}
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${tallies}_change();
      CREATE TRIGGER ${tallies}_update AFTER UPDATE ON ${source}
        REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${tallies}_change();`;
}
