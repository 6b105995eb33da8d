/**
 * Versioned schema of the SQLite store. Each entry runs once, in order, inside a transaction;
 * applied versions are recorded in `schema_migrations`. Never edit a released migration: add one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The tallies' keys besides the day. */
const AREA_KEY = ['event_type', 'country', 'admin1', 'review_status', 'placed'];

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
  {
    version: 4,
    name: 'fused events; actor and place lookup tables and indexes for fast event queries',
    sql: `
      -- What fusion compares, read without parsing records.
      ALTER TABLE events ADD COLUMN time_precision INTEGER;
      ALTER TABLE events ADD COLUMN geo_precision INTEGER;
      ALTER TABLE events ADD COLUMN place_id TEXT;
      UPDATE events SET time_precision = json_extract(record, '$.time_precision'),
        geo_precision = json_extract(record, '$.location.geo_precision'), place_id = json_extract(record, '$.location.id');
      -- Pages in the default order (date newest first, then id) are read off an index, which
      -- also holds lat/lon so a bbox filter is checked without visiting the rows.
      CREATE INDEX events_date_id ON events(date DESC, id, lat, lon);
      CREATE INDEX events_type_date ON events(event_type, date DESC, id);
      CREATE INDEX events_place_date ON events(place_id, date DESC, id);
      CREATE INDEX events_fatalities ON events(fatalities DESC, date DESC, id);
      -- One row per actor of an event (main or associated); role: actor1, assoc_actor_1, actor2, assoc_actor_2.
      CREATE TABLE event_actors (
        actor_id TEXT NOT NULL,
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        PRIMARY KEY (actor_id, event_id, role)
      ) WITHOUT ROWID;
      CREATE INDEX event_actors_event ON event_actors(event_id);
      INSERT OR IGNORE INTO event_actors (actor_id, event_id, role)
        SELECT json_extract(record, '$.actor1.id'), id, 'actor1' FROM events WHERE json_extract(record, '$.actor1.id') IS NOT NULL
        UNION ALL SELECT json_extract(record, '$.actor2.id'), id, 'actor2' FROM events WHERE json_extract(record, '$.actor2.id') IS NOT NULL
        UNION ALL SELECT json_extract(j.value, '$.id'), e.id, 'assoc_actor_1' FROM events e, json_each(e.record, '$.assoc_actor_1') j
        UNION ALL SELECT json_extract(j.value, '$.id'), e.id, 'assoc_actor_2' FROM events e, json_each(e.record, '$.assoc_actor_2') j;
      -- Small lookup tables: the filter text (id, names, district; see event-filter.ts) of every
      -- actor and place named by a stored event. Text filters scan these, not the events.
      -- A row per spelling seen (names of one id may vary between pack versions).
      CREATE TABLE actor_names (actor_id TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (actor_id, text)) WITHOUT ROWID;
      CREATE TABLE place_names (place_id TEXT NOT NULL, text TEXT NOT NULL, PRIMARY KEY (place_id, text)) WITHOUT ROWID;
      -- Fusion (src/fusion): every fused event, and the cluster each event belongs to.
      CREATE TABLE fused_events (
        id TEXT PRIMARY KEY,
        date TEXT,
        fatalities INTEGER NOT NULL,
        fatalities_max INTEGER NOT NULL,
        record TEXT NOT NULL,
        -- JSON array of readable lines.
        explanation TEXT NOT NULL
      );
      CREATE INDEX fused_events_date ON fused_events(date DESC, id);
      CREATE TABLE event_clusters (
        event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        cluster_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        joined_by TEXT NOT NULL
      );
      CREATE INDEX event_clusters_cluster ON event_clusters(cluster_id, position);
      -- Events whose cluster must be recomputed: new ones, and those left by a cluster that lost a member.
      CREATE TABLE fusion_queue (event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE) WITHOUT ROWID;
      INSERT INTO fusion_queue (event_id) SELECT id FROM events;
    `,
  },
  {
    version: 5,
    name: "event summaries and articles' first source for lists",
    sql: `
      -- The record without its evidence sentences and per-field sources, kept beside it: lists
      -- read it as it is instead of taking the record apart on every request.
      ALTER TABLE events ADD COLUMN summary TEXT;
      UPDATE events SET summary = json_remove(record, '$.evidence', '$.sources');
      -- An article's first outlet and URL, which lists show with every event.
      ALTER TABLE articles ADD COLUMN first_source TEXT;
      ALTER TABLE articles ADD COLUMN first_url TEXT;
      -- Outlet names normalised like the query (ة/ه, alef forms, harakat) by the code that writes
      -- them; rows written before stay NULL and are compared lowercased.
      ALTER TABLE article_origins ADD COLUMN source_norm TEXT;
      UPDATE articles SET
        first_source = (SELECT source FROM article_origins o WHERE o.article_id = articles.id AND source IS NOT NULL ORDER BY rowid LIMIT 1),
        first_url = (SELECT url FROM article_origins o WHERE o.article_id = articles.id AND url IS NOT NULL ORDER BY rowid LIMIT 1);
    `,
  },
  {
    version: 6,
    name: 'pages by fatalities: per place, and bbox checked in the index',
    sql: `
      -- A place's events most fatalities first, read off an index like its events by date.
      CREATE INDEX events_place_fatalities ON events(place_id, fatalities DESC, date DESC, id);
      -- Like events_date_id: a bbox filter on this order is checked without visiting the rows.
      DROP INDEX events_fatalities;
      CREATE INDEX events_fatalities ON events(fatalities DESC, date DESC, id, lat, lon);
    `,
  },
  {
    version: 7,
    name: 'work queue for marsad worker, feed leases for several watch processes',
    sql: `
      -- status: pending, claimed (by worker until claimed_until, ISO 8601 UTC), done or failed.
      CREATE TABLE work_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',
        worker TEXT,
        claimed_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        finished_at TEXT,
        result TEXT,
        error TEXT
      );
      CREATE INDEX work_items_open ON work_items(status, id) WHERE status IN ('pending', 'claimed');
      CREATE TABLE feed_leases (url TEXT PRIMARY KEY, worker TEXT NOT NULL, until TEXT NOT NULL) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    name: 'fusion components: the set of linked events each event was last fused in',
    sql: `
      -- Fusion reads a component whole by its label instead of walking its links again
      -- (src/fusion/fuse.ts); events fused before this have none and are walked once more.
      CREATE TABLE fusion_components (
        event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        component TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX fusion_components_component ON fusion_components(component);
    `,
  },
  {
    version: 9,
    name: 'reviews: decisions, audit trail; fused events filtered and sorted on their own columns',
    sql: `
      -- The decision in force on each reviewed event, keyed on what re-extraction and re-fusion
      -- keep (src/review/review.ts): an event id, or fe- and the id of a fused event's anchor member.
      -- No foreign key: a decision outlives its event (an article removed, then ingested again).
      CREATE TABLE reviews (
        target TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        -- JSON: the corrections in force.
        changes TEXT NOT NULL,
        note TEXT,
        at TEXT NOT NULL
      );
      -- The audit trail: one row per action, never updated or deleted.
      CREATE TABLE review_log (
        seq INTEGER PRIMARY KEY,
        target TEXT NOT NULL,
        action TEXT NOT NULL,
        status TEXT NOT NULL,
        changes TEXT NOT NULL,
        -- JSON: the corrected fields' values just before the action.
        before TEXT NOT NULL,
        note TEXT,
        at TEXT NOT NULL
      );
      CREATE INDEX review_log_target ON review_log(target, seq);
      -- An event's review status (NULL: unreviewed) and, when corrected, the machine's record
      -- beside the corrected one in record.
      ALTER TABLE events ADD COLUMN country TEXT;
      ALTER TABLE events ADD COLUMN review_status TEXT;
      ALTER TABLE events ADD COLUMN machine_record TEXT;
      UPDATE events SET country = json_extract(record, '$.location.country');
      -- Fused events rebuilt with what filters and orders read first and the wide JSON last: a
      -- row's narrow columns are then read without walking the record's overflow pages.
      CREATE TABLE fused_events_v7 (
        id TEXT PRIMARY KEY,
        date TEXT,
        fatalities INTEGER NOT NULL,
        fatalities_max INTEGER NOT NULL,
        event_type TEXT,
        sub_event_type TEXT,
        country TEXT,
        admin1 TEXT,
        place_id TEXT,
        lat REAL,
        lon REAL,
        modality TEXT,
        reports INTEGER NOT NULL DEFAULT 1,
        -- NULL: unreviewed. review_target: the key of the decision that applies (src/review/review.ts).
        review_status TEXT,
        review_target TEXT,
        explanation TEXT NOT NULL,
        -- The machine's merged record when a correction applies (record holds the corrected one).
        machine_record TEXT,
        record TEXT NOT NULL
      );
      INSERT INTO fused_events_v7 (id, date, fatalities, fatalities_max, event_type, sub_event_type, country, admin1, place_id,
          lat, lon, modality, reports, explanation, record)
        SELECT id, date, fatalities, fatalities_max, json_extract(record, '$.event_type'), json_extract(record, '$.sub_event_type'),
          json_extract(record, '$.location.country'), json_extract(record, '$.location.admin1'), json_extract(record, '$.location.id'),
          json_extract(record, '$.location.lat'), json_extract(record, '$.location.lon'), json_extract(record, '$.modality'),
          (SELECT count(*) FROM event_clusters c WHERE c.cluster_id = fused_events.id), explanation, record
        FROM fused_events;
      DROP TABLE fused_events;
      ALTER TABLE fused_events_v7 RENAME TO fused_events;
      -- A page in the default order, with or without a bbox, is read off this index alone.
      CREATE INDEX fused_events_date ON fused_events(date DESC, id, review_status, lat, lon);
      -- Oldest first, undated last: the exports' order, and the table's "date-asc".
      CREATE INDEX fused_events_date_asc ON fused_events(date IS NULL, date, id, review_status);
      CREATE INDEX fused_events_type_date ON fused_events(event_type, date DESC, id);
      CREATE INDEX fused_events_admin1_date ON fused_events(admin1, date DESC, id);
      CREATE INDEX fused_events_country_date ON fused_events(country, date DESC, id);
      CREATE INDEX fused_events_fatalities ON fused_events(fatalities DESC, date DESC, id);
      CREATE INDEX fused_events_review_date ON fused_events(review_status, date DESC, id);
    `,
  },
  {
    version: 10,
    name: "fused events' records in a table of their own; the list's summary kept with them",
    sql: `
      -- A filtered page of fused events reads hundreds of rows off an index (an admin1, a type)
      -- before it sorts them: with the record in the row, each was about a database page; the
      -- narrow rows now fill a page by tens. The wide text is read for a page's rows only.
      CREATE TABLE fused_records (
        id TEXT PRIMARY KEY REFERENCES fused_events(id) ON DELETE CASCADE,
        -- What lists show: the record without its evidence and per-field sources (eventSummaryJson),
        -- the members' articles as sources (FUSED_SOURCES in sqlite.ts) and how many outlets
        -- corroborate it; the last two are rewritten when a member's article gains an origin or a date.
        summary TEXT NOT NULL,
        sources TEXT NOT NULL,
        outlets INTEGER NOT NULL,
        -- JSON array of readable lines.
        explanation TEXT NOT NULL,
        -- The machine's merged record when a correction applies (record holds the corrected one).
        machine_record TEXT,
        record TEXT NOT NULL
      );
      INSERT INTO fused_records (id, summary, sources, outlets, explanation, machine_record, record)
        SELECT f.id, json_remove(f.record, '$.evidence', '$.sources'),
          (SELECT json_group_array(json_object('articleId', a.id, 'eventId', c.event_id,
              'outlet', shown_text(a.first_source), 'source', shown_text(a.first_source), 'title', shown_text(a.title),
              'url', shown_url(a.first_url), 'published', a.published) ORDER BY c.position)
            FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id CROSS JOIN articles a ON a.id = e.article_id
            WHERE c.cluster_id = f.id),
          (SELECT count(DISTINCT coalesce(o.source_norm, lower(o.source)))
            FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id CROSS JOIN article_origins o ON o.article_id = e.article_id
            WHERE c.cluster_id = f.id AND o.source IS NOT NULL),
          f.explanation, f.machine_record, f.record
        FROM fused_events f;
      ALTER TABLE fused_events DROP COLUMN record;
      ALTER TABLE fused_events DROP COLUMN explanation;
      ALTER TABLE fused_events DROP COLUMN machine_record;
      -- The indexes of the common filters carry the others' columns: a page filtered on type and
      -- admin1 (and a toll, and the review status) is then chosen in one index, not in the table.
      DROP INDEX fused_events_type_date;
      DROP INDEX fused_events_admin1_date;
      DROP INDEX fused_events_country_date;
      DROP INDEX fused_events_fatalities;
      CREATE INDEX fused_events_type_date ON fused_events(event_type, date DESC, id, admin1, country, fatalities, review_status);
      CREATE INDEX fused_events_admin1_date ON fused_events(admin1, date DESC, id, event_type, fatalities, review_status);
      CREATE INDEX fused_events_country_date ON fused_events(country, date DESC, id, event_type, admin1, fatalities, review_status);
      CREATE INDEX fused_events_fatalities ON fused_events(fatalities DESC, date DESC, id, event_type, admin1, country, review_status);
      -- A fused event's members, read for every item of a page (its sources, reports, outlets)
      -- and by the actor filter, without a look-up in the table for each.
      DROP INDEX event_clusters_cluster;
      CREATE INDEX event_clusters_cluster ON event_clusters(cluster_id, position, event_id);
    `,
  },
  {
    version: 11,
    name: 'tallies of events and fused events by day, type, area and review status, kept by triggers',
    sql: `${talliesOf('events', 'event_tallies')}
      ${talliesOf('fused_events', 'fused_tallies')}`,
  },
  {
    version: 12,
    name: "fused events' actors and outlets tallied by day, type, area and review status, kept by triggers",
    sql: fusedSideTallies(),
  },
  {
    version: 13,
    name: 'the tallies summed over all days, kept by triggers on the tallies',
    sql: `${rollupOf('event_tallies', 'event_totals', AREA_KEY)}
      ${rollupOf('fused_tallies', 'fused_totals', AREA_KEY)}
      ${rollupOf('fused_side_tallies', 'fused_side_totals', ['side', 'id', ...AREA_KEY.slice(0, 4)], 'label')}`,
  },
  {
    version: 14,
    name: "an actor's events in date order, off one index",
    sql: `
      -- The event's date beside each of its actors: a page of one actor's events, newest first, is
      -- read off this index instead of every event in date order (an event's date changes only by
      -- its row being written again, with its actors).
      ALTER TABLE event_actors ADD COLUMN date TEXT;
      UPDATE event_actors SET date = (SELECT date FROM events WHERE events.id = event_actors.event_id);
      CREATE INDEX event_actors_date ON event_actors(actor_id, date DESC, event_id);
    `,
  },
  {
    version: 15,
    name: "fused events' actors in date order, off one index",
    sql: fusedActors(),
  },
  {
    version: 16,
    name: "each event's outlets on its own row, kept by triggers",
    sql: eventOutlets(),
  },
];

/**
 * The actors of each fused event's members, at the fused event's date, kept by triggers: a page
 * of an actor's fused events, newest first, is read off one index, and a count reads its rows,
 * instead of going from each of the actor's events to its cluster (thousands of look-ups, then
 * a sort). A fused event is written before its members (saveClusters), and a member's actors
 * are written with its event, before fusion gives it a cluster: the triggers on the members and
 * the fused events keep the table whole in either order.
 */
function fusedActors(): string {
  const missing = (
    fusedId: string,
  ) => `NOT EXISTS (SELECT 1 FROM event_clusters c CROSS JOIN event_actors ea ON ea.event_id = c.event_id
          WHERE c.cluster_id = ${fusedId} AND ea.actor_id = fused_actors.actor_id)`;
  return `
      CREATE TABLE fused_actors (
        fused_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        date TEXT,
        PRIMARY KEY (fused_id, actor_id)
      ) WITHOUT ROWID;
      INSERT OR IGNORE INTO fused_actors (fused_id, actor_id, date)
        SELECT f.id, ea.actor_id, f.date FROM fused_events f
          CROSS JOIN event_clusters c ON c.cluster_id = f.id CROSS JOIN event_actors ea ON ea.event_id = c.event_id;
      CREATE INDEX fused_actors_date ON fused_actors(actor_id, date DESC, fused_id);
      CREATE TRIGGER fused_actors_member_insert AFTER INSERT ON event_clusters BEGIN
        INSERT OR IGNORE INTO fused_actors (fused_id, actor_id, date)
          SELECT f.id, ea.actor_id, f.date FROM fused_events f CROSS JOIN event_actors ea
          WHERE f.id = NEW.cluster_id AND ea.event_id = NEW.event_id;
      END;
      CREATE TRIGGER fused_actors_fused_insert AFTER INSERT ON fused_events BEGIN
        INSERT OR IGNORE INTO fused_actors (fused_id, actor_id, date)
          SELECT NEW.id, ea.actor_id, NEW.date FROM event_clusters c CROSS JOIN event_actors ea ON ea.event_id = c.event_id
          WHERE c.cluster_id = NEW.id;
      END;
      CREATE TRIGGER fused_actors_fused_date AFTER UPDATE OF date ON fused_events BEGIN
        UPDATE fused_actors SET date = NEW.date WHERE fused_id = NEW.id;
      END;
      CREATE TRIGGER fused_actors_fused_delete AFTER DELETE ON fused_events BEGIN
        DELETE FROM fused_actors WHERE fused_id = OLD.id;
      END;
      -- A member leaving a fused event that stays takes the actors no other member has.
      CREATE TRIGGER fused_actors_member_delete AFTER DELETE ON event_clusters BEGIN
        DELETE FROM fused_actors WHERE fused_id = OLD.cluster_id AND ${missing('OLD.cluster_id')};
      END;`;
}

/**
 * A table of a tally table's rows summed over the days (\`key\`: its other key columns), kept by
 * triggers on that table: a query without dates (the default view: everything) reads a row per
 * type, area and status instead of one per day of a century of news. \`label\`: a column carried
 * along (the first written is kept).
 */
function rollupOf(tallies: string, totals: string, key: string[], label?: string): string {
  const columns = label ? [...key, label] : key;
  const matches = key.map((k) => `${k} = OLD.${k}`).join(' AND ');
  const remove = (events: string, fatalities: string) =>
    `UPDATE ${totals} SET events = events - (${events}), fatalities = fatalities - (${fatalities}) WHERE ${matches};
        DELETE FROM ${totals} WHERE ${matches} AND events = 0;`;
  return `
      CREATE TABLE ${totals} (
        ${columns.map((c) => `${c} ${c === 'placed' ? 'INTEGER' : 'TEXT'} NOT NULL`).join(',\n        ')},
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL,
        PRIMARY KEY (${key.join(', ')})
      ) WITHOUT ROWID;
      INSERT INTO ${totals}
        SELECT ${key.join(', ')}${label ? `, max(${label})` : ''}, sum(events), sum(fatalities) FROM ${tallies} GROUP BY ${key.join(', ')};
      CREATE TRIGGER ${totals}_insert AFTER INSERT ON ${tallies} BEGIN
        INSERT INTO ${totals} VALUES (${columns.map((c) => `NEW.${c}`).join(', ')}, NEW.events, NEW.fatalities)
          ON CONFLICT DO UPDATE SET events = events + excluded.events, fatalities = fatalities + excluded.fatalities;
      END;
      -- A tally's key never changes, only its figures.
      CREATE TRIGGER ${totals}_update AFTER UPDATE OF events, fatalities ON ${tallies} BEGIN
        ${remove('OLD.events - NEW.events', 'OLD.fatalities - NEW.fatalities')}
      END;
      CREATE TRIGGER ${totals}_delete AFTER DELETE ON ${tallies} BEGIN
        ${remove('OLD.events', 'OLD.fatalities')}
      END;`;
}

/**
 * A table of counts and fatalities of \`source\`'s rows by day, type, country, district, review
 * status and whether placed, kept current by triggers as rows are written, changed and deleted:
 * the timeline, the breakdowns and the counts read it instead of the events (src/store/tallies.ts).
 * Absent values are '' in the key (a primary key compares NULLs as distinct).
 */
function talliesOf(source: string, tallies: string): string {
  const values = (row: 'NEW' | 'OLD') => [
    `coalesce(${row}.date, '')`,
    `coalesce(${row}.event_type, '')`,
    `coalesce(${row}.country, '')`,
    `coalesce(${row}.admin1, '')`,
    `coalesce(${row}.review_status, '')`,
    `${row}.lat IS NOT NULL`,
  ];
  const key = (row: 'NEW' | 'OLD') => values(row).join(', ');
  const columns = ['day', 'event_type', 'country', 'admin1', 'review_status', 'placed'];
  const matches = values('OLD')
    .map((value, i) => `${columns[i]} = ${value}`)
    .join(' AND ');
  const add = `INSERT INTO ${tallies} VALUES (${key('NEW')}, 1, NEW.fatalities)
      ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;`;
  const remove = `UPDATE ${tallies} SET events = events - 1, fatalities = fatalities - OLD.fatalities WHERE ${matches};
      DELETE FROM ${tallies} WHERE ${matches} AND events = 0;`;
  return `
      CREATE TABLE ${tallies} (
        day TEXT NOT NULL,
        event_type TEXT NOT NULL,
        country TEXT NOT NULL,
        admin1 TEXT NOT NULL,
        review_status TEXT NOT NULL,
        placed INTEGER NOT NULL,
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL,
        PRIMARY KEY (day, event_type, country, admin1, review_status, placed)
      ) WITHOUT ROWID;
      INSERT INTO ${tallies}
        SELECT coalesce(date, ''), coalesce(event_type, ''), coalesce(country, ''), coalesce(admin1, ''),
          coalesce(review_status, ''), lat IS NOT NULL, count(*), sum(fatalities)
        FROM ${source} GROUP BY 1, 2, 3, 4, 5, 6;
      CREATE TRIGGER ${tallies}_insert AFTER INSERT ON ${source} BEGIN
        ${add}
      END;
      CREATE TRIGGER ${tallies}_delete AFTER DELETE ON ${source} BEGIN
        ${remove}
      END;
      CREATE TRIGGER ${tallies}_update AFTER UPDATE OF date, event_type, country, admin1, review_status, lat, fatalities
        ON ${source} BEGIN
        ${remove}
        ${add}
      END;`;
}

/**
 * The fused events' actors and outlets, tallied as talliesOf tallies events: a row per actor
 * (either side, associates included, each once) or outlet (of any member's article, each once)
 * and day, type, country, district and review status. The actors and outlets are read from the
 * fused event's record row (its summary and sources), written after the event's row.
 */
function fusedSideTallies(): string {
  // An actor's node in a summary's JSON tree (j): actor 1 or 2, or an associate, with an id.
  const actorNode = `(j.path = '$' AND j.key IN ('actor1', 'actor2') OR j.path IN ('$.assoc_actor_1', '$.assoc_actor_2'))
          AND j.type = 'object' AND json_type(j.value, '$.id') = 'text'`;
  const actorLabel = `json_object('id', json_extract(j.value, '$.id'), 'name', json_extract(j.value, '$.name'),
          'name_ar', json_extract(j.value, '$.name_ar'))`;
  const outletNode = `json_type(j.value, '$.outlet') = 'text'`;
  // The distinct actors and outlets of a fused record, from its summary and sources (JSON texts).
  const sides = (summary: string, sources: string) => `(
      SELECT 'actor' AS side, json_extract(j.value, '$.id') AS id, max(${actorLabel}) AS label
        FROM json_tree(${summary}) j WHERE ${actorNode} GROUP BY 2
      UNION ALL
      SELECT 'outlet', json_extract(j.value, '$.outlet'), json_extract(j.value, '$.outlet')
        FROM json_each(${sources}) j WHERE ${outletNode} GROUP BY 2)`;
  const key = (row: string) =>
    `coalesce(${row}.date, ''), coalesce(${row}.event_type, ''), coalesce(${row}.country, ''), coalesce(${row}.admin1, ''),
        coalesce(${row}.review_status, '')`;
  const keyAs = (row: string) =>
    `coalesce(${row}.date, '') AS day, coalesce(${row}.event_type, '') AS event_type, coalesce(${row}.country, '') AS country,
        coalesce(${row}.admin1, '') AS admin1, coalesce(${row}.review_status, '') AS review_status`;
  const add = (event: string, summary: string, sources: string, where: string) =>
    `INSERT INTO fused_side_tallies SELECT s.side, s.id, ${key(event)}, s.label, 1, ${event}.fatalities
        FROM ${sides(summary, sources)} s ${where}
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;`;
  const remove = (event: 'OLD' | 'NEW' | 'f', summary: string, sources: string, from = '') => {
    const matches = `(side, id) IN (SELECT side, id FROM ${sides(summary, sources)})
        AND (day, event_type, country, admin1, review_status) = (SELECT ${key(event)} ${from})`;
    return `UPDATE fused_side_tallies SET events = events - 1, fatalities = fatalities - (SELECT ${event}.fatalities ${from})
        WHERE ${matches};
      DELETE FROM fused_side_tallies WHERE ${matches} AND events = 0;`;
  };
  const record = (column: string, id: string) => `(SELECT ${column} FROM fused_records WHERE id = ${id})`;
  const event = (id: string) => `FROM fused_events f WHERE f.id = ${id}`;
  return `
      CREATE TABLE fused_side_tallies (
        -- 'actor' (id: the actor's id; label: its id and names, JSON) or 'outlet' (id and label: its name as shown).
        side TEXT NOT NULL,
        id TEXT NOT NULL,
        day TEXT NOT NULL,
        event_type TEXT NOT NULL,
        country TEXT NOT NULL,
        admin1 TEXT NOT NULL,
        review_status TEXT NOT NULL,
        label TEXT NOT NULL,
        events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL,
        PRIMARY KEY (side, id, day, event_type, country, admin1, review_status)
      ) WITHOUT ROWID;
      INSERT INTO fused_side_tallies
        SELECT side, id, day, event_type, country, admin1, review_status, max(label), count(*), sum(fatalities)
        FROM (SELECT 'actor' AS side, json_extract(j.value, '$.id') AS id, ${keyAs('f')}, max(${actorLabel}) AS label, f.fatalities
            FROM fused_events f CROSS JOIN fused_records r ON r.id = f.id CROSS JOIN json_tree(r.summary) j
            WHERE ${actorNode} GROUP BY f.id, 2
          UNION ALL
          SELECT 'outlet', json_extract(j.value, '$.outlet'), ${key('f')}, json_extract(j.value, '$.outlet'), f.fatalities
            FROM fused_events f CROSS JOIN fused_records r ON r.id = f.id CROSS JOIN json_each(r.sources) j
            WHERE ${outletNode} GROUP BY f.id, 2)
        GROUP BY 1, 2, 3, 4, 5, 6, 7;
      CREATE TRIGGER fused_side_tallies_insert AFTER INSERT ON fused_records BEGIN
        ${add('f', 'NEW.summary', 'NEW.sources', `CROSS JOIN fused_events f WHERE f.id = NEW.id`)}
      END;
      CREATE TRIGGER fused_side_tallies_delete BEFORE DELETE ON fused_events BEGIN
        ${remove('OLD', record('summary', 'OLD.id'), record('sources', 'OLD.id'))}
      END;
      CREATE TRIGGER fused_side_tallies_update AFTER UPDATE OF date, event_type, country, admin1, review_status, fatalities
        ON fused_events BEGIN
        ${remove('OLD', record('summary', 'OLD.id'), record('sources', 'OLD.id'))}
        ${add('NEW', record('summary', 'NEW.id'), record('sources', 'NEW.id'), 'WHERE true')}
      END;
      CREATE TRIGGER fused_side_tallies_record_update AFTER UPDATE OF summary, sources ON fused_records BEGIN
        ${remove('f', 'OLD.summary', 'OLD.sources', event('OLD.id'))}
        ${add('f', 'NEW.summary', 'NEW.sources', `CROSS JOIN fused_events f WHERE f.id = NEW.id`)}
      END;`;
}

/**
 * The normalised outlets of each event's article (char(31) between two) on the event's row: a
 * page read in date order with an outlet filter checks the row it reads anyway instead of looking
 * up the article's origins for every event it passes (about five per event shown for an outlet
 * of five). Kept when an event is written and when its article gains an origin.
 */
function eventOutlets(): string {
  const outletsOf = (article: string) =>
    `(SELECT group_concat(coalesce(o.source_norm, lower(o.source)), char(31)) FROM article_origins o WHERE o.article_id = ${article})`;
  return `
      ALTER TABLE events ADD COLUMN outlets TEXT;
      UPDATE events SET outlets = ${outletsOf('events.article_id')};
      CREATE TRIGGER events_outlets_insert AFTER INSERT ON events BEGIN
        UPDATE events SET outlets = ${outletsOf('NEW.article_id')} WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER events_outlets_origin AFTER INSERT ON article_origins BEGIN
        UPDATE events SET outlets = ${outletsOf('NEW.article_id')} WHERE article_id = NEW.article_id;
      END;`;
}
