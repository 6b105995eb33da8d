/**
 * The server store: PostgreSQL (15 or later) through a `pg` connection pool. Same behaviour as
 * SqliteRepository: writes are idempotent and safe when several processes ingest at once
 * (ON CONFLICT on the article id and on each distinct origin, write transactions one at a
 * time), and Arabic search matches substrings of the normalised text through a pg_trgm index.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { QueryResultRow } from 'pg';
import type { Article, ArticleInput } from '../core/article.js';
import type { ArticleRef, EventRecord } from '../events/record.js';
import type {
  ArticleQuery,
  ArticleSummary,
  EventQuery,
  EventStats,
  FusedEventStats,
  TrendInterval,
  FeedState,
  ClusterMembership,
  FusedCluster,
  FusedEvent,
  FusedPageItem,
  FusedPoint,
  FusionFacts,
  FusionWindow,
  LabelledFacts,
  Repository,
  StoreStats,
  StoredEvent,
  UpsertStatus,
  WorkCounts,
  WorkItem,
  WorkKind,
} from './repository.js';
import {
  actorNameText,
  eventActorRows,
  eventSummaryJson,
  fusedColumns,
  placeNameText,
  sourceNorm,
  toFacts,
  toLabelledFacts,
  wordsOf,
  type FactsRow,
  EVENT_ROW_COLUMNS,
  eventRowValues,
} from './event-filter.js';
import { searchableText, searchTerms } from './search-text.js';
import { eventStatsFromTallies, talliesAnswer, tallyTotal, tallyWhere, type TallyRow } from './tallies.js';
import { listTotal, matchesReadOneByOne, type ListTotal } from './list-total.js';
import { fusedStatsOf, partsFromEvents, type FusedOutletRow, type FusedStatsRow } from './fused-stats.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import {
  fusedReviewTarget,
  isFusedId,
  planReview,
  reviewedFused,
  reviewedRecord,
  reviewView,
  statusColumn,
  storedAction,
  storedStatus,
  type Corrections,
  type PlannedReview,
  type ReviewEntry,
  type ReviewInput,
  type ReviewState,
  type ReviewView,
} from '../review/review.js';
import type { Migration } from './sqlite-migrations.js';
import { errorCode } from '../core/unknown.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** An open transaction; `open` turns false when it ends, so late calls carrying it use the pool. */
interface TransactionScope {
  client: pg.PoolClient;
  open: boolean;
  savepoints: number;
}

/**
 * Taken by every transaction: writers in several processes take their turns batch by batch.
 * Without it, two ingests inserting the same articles in different orders wait on each
 * other's uncommitted rows and deadlock (the two transactions of one batch each can be long).
 */
const WRITE_LOCK = `SELECT pg_advisory_xact_lock(hashtext('marsad.write.' || current_schema()))`;

/** A deadlock or serialization failure: PostgreSQL aborted the transaction, running it again can succeed. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export class PostgresRepository implements Repository {
  private readonly scope = new AsyncLocalStorage<TransactionScope>();

  private constructor(readonly pool: pg.Pool) {}

  /** Connects, checks the server version and brings the schema up to date. */
  static async open(
    connectionString: string,
    migrations: Migration[] = POSTGRES_MIGRATIONS,
  ): Promise<PostgresRepository> {
    const pool = new pg.Pool({ connectionString });
    // An idle client losing its connection must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      const { rows } = await pool.query<{ server_version_num: string }>('SHOW server_version_num');
      if (Number(rows[0].server_version_num) < 150000) {
        throw new Error(`PostgreSQL ${rows[0].server_version_num} is too old: Marsad needs 15 or later`);
      }
      const applied = await migrate(pool, migrations);
      const repo = new PostgresRepository(pool);
      // Name tables are filled in JS (normalised like the queries), for events stored before them.
      if (applied.includes(4)) await repo.fillNameTables();
      return repo;
    } catch (err) {
      await pool.end();
      throw err;
    }
  }

  /** The connection of the transaction this call runs in, or the pool. */
  private get db(): Queryable {
    const scope = this.scope.getStore();
    return scope?.open ? scope.client : this.pool;
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer?.open) return savepoint(outer, fn);
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const scope: TransactionScope = { client, open: true, savepoints: 0 };
      try {
        await client.query('BEGIN');
        await client.query(WRITE_LOCK);
        const result = await this.scope.run(scope, fn);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (attempt < MAX_ATTEMPTS && RETRYABLE.has(errorCode(err) ?? '')) {
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt * (1 + Math.random())));
          continue;
        }
        throw err;
      } finally {
        scope.open = false;
        client.release();
      }
    }
  }

  /** Runs `fn` in the caller's transaction, or in one of its own. */
  private atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.scope.getStore()?.open ? fn() : this.transaction(fn);
  }

  upsertArticle(id: string, input: ArticleInput): Promise<UpsertStatus> {
    return this.atomically(async () => {
      const now = new Date().toISOString();
      const inserted = await this.db.query(
        `INSERT INTO articles (id, title, text, published, published_at, published_raw, ingested_at, body, first_source, first_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
        [
          id,
          input.title,
          input.text,
          input.published,
          input.publishedAt,
          input.publishedRaw,
          now,
          searchableText(input.title, input.text),
          input.origin.source,
          input.origin.url,
        ],
      );
      const o = input.origin;
      // A duplicate keeps every new URL and source, and may fill a date the first copy lacked;
      // nothing already stored is changed.
      await this.db.query(
        `INSERT INTO article_origins (article_id, url, source, input, external_id, added_at, source_norm)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [id, o.url, o.source, o.input, o.externalId, now, sourceNorm(o.source)],
      );
      if (inserted.rowCount === 1) return 'new';
      if (o.source !== null || o.url !== null) {
        await this.db.query(
          'UPDATE articles SET first_source = coalesce(first_source, $1), first_url = coalesce(first_url, $2) WHERE id = $3',
          [o.source, o.url, id],
        );
      }
      if (input.published) {
        await this.db.query(
          'UPDATE articles SET published = $1, published_at = $2, published_raw = $3 WHERE id = $4 AND published IS NULL',
          [input.published, input.publishedAt, input.publishedRaw, id],
        );
      }
      return 'duplicate';
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    const { rows } = await this.db.query<{
      id: string;
      title: string;
      text: string;
      published: string | null;
      published_at: string | null;
      published_raw: string | null;
    }>('SELECT id, title, text, published, published_at, published_raw FROM articles WHERE id = $1', [id]);
    if (rows.length === 0) return null;
    const origins = await this.db.query<{
      url: string | null;
      source: string | null;
      input: string | null;
      external_id: string | null;
    }>('SELECT url, source, input, external_id FROM article_origins WHERE article_id = $1 ORDER BY seq', [id]);
    const row = rows[0];
    return {
      id: row.id,
      title: row.title,
      text: row.text,
      published: row.published,
      publishedAt: row.published_at,
      publishedRaw: row.published_raw,
      origins: origins.rows.map((r) => ({ url: r.url, source: r.source, input: r.input, externalId: r.external_id })),
    };
  }

  async findArticleId(prefix: string): Promise<string[]> {
    // A range on the "C"-collated primary key: ids are lowercase hex, and 'g' sorts after 'f'.
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM articles WHERE id >= $1 AND id < $1 || 'g' ORDER BY id LIMIT 10`,
      [prefix],
    );
    return rows.map((r) => r.id);
  }

  async existingArticleIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[])', [ids]);
    return new Set(rows.map((r) => r.id));
  }

  async listArticles(query: ArticleQuery): Promise<ArticleSummary[]> {
    const params = new Params();
    const where = articleFilter(query, params);
    const { rows } = await this.db.query<ArticleSummary>(
      `SELECT a.id, a.title, a.published, length(a.text)::int AS chars,
         (SELECT source FROM article_origins o WHERE o.article_id = a.id AND source IS NOT NULL ORDER BY o.seq LIMIT 1) AS source,
         (SELECT url FROM article_origins o WHERE o.article_id = a.id AND url IS NOT NULL ORDER BY o.seq LIMIT 1) AS url
       FROM articles a ${where}
       ORDER BY a.published IS NULL, a.published DESC, a.seq DESC
       LIMIT ${params.add(query.limit ?? null)} OFFSET ${params.add(query.offset ?? 0)}`,
      params.values,
    );
    return rows;
  }

  async countArticles(query: ArticleQuery = {}): Promise<number> {
    const params = new Params();
    const where = articleFilter(query, params);
    return this.countOf(`SELECT count(*) FROM articles a ${where}`, params.values);
  }

  async stats(): Promise<StoreStats> {
    const { rows } = await this.db.query<StoreStats>(
      `SELECT (SELECT count(*)::int FROM articles) AS articles,
              (SELECT count(*)::int FROM events) AS events,
              (SELECT count(*)::int FROM article_origins) AS origins,
              (SELECT min(published) FROM articles) AS "firstPublished",
              (SELECT max(published) FROM articles) AS "lastPublished",
              (SELECT count(DISTINCT source)::int FROM article_origins) AS sources`,
    );
    return rows[0];
  }

  replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    return this.atomically(async () => {
      await this.releaseClusters(articleId);
      await this.db.query('DELETE FROM events WHERE article_id = $1', [articleId]);
      // A decision taken on an earlier extraction applies again (the ids are stable: review.ts).
      const decisions = await this.reviewStates(events.map((e) => e.id));
      for (const e of events) await this.insertEvent(articleId, e, decisions.get(e.id) ?? null);
    });
  }

  /** Stores one event from the machine's record under the decision in force, and queues it for fusion. */
  private async insertEvent(articleId: string, machine: EventRecord, state: ReviewState | null): Promise<void> {
    const { record: e, machineValues } = reviewedRecord(machine, state);
    await this.db.query(
      `INSERT INTO events (${EVENT_ROW_COLUMNS.join(', ')}) VALUES (${EVENT_ROW_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      eventRowValues(articleId, e, statusColumn(state), machineValues ? machine : null),
    );
    const actors = eventActorRows(e);
    if (actors.length) {
      await this.db.query(
        `INSERT INTO event_actors (actor_id, event_id, role, date)
         SELECT a, $2, r, $4 FROM unnest($1::text[], $3::text[]) AS x(a, r) ON CONFLICT DO NOTHING`,
        [actors.map((a) => a.actorId), e.id, actors.map((a) => a.role), e.date],
      );
    }
    await this.db.query('INSERT INTO fusion_queue (event_id) VALUES ($1) ON CONFLICT DO NOTHING', [e.id]);
    await this.rememberNames(e);
  }

  /** The decisions in force on these review targets. */
  private async reviewStates(targets: string[]): Promise<Map<string, ReviewState>> {
    if (targets.length === 0) return new Map();
    const { rows } = await this.db.query<ReviewRow>('SELECT * FROM reviews WHERE target = ANY($1)', [targets]);
    return new Map(rows.map((r) => [r.target, toReviewState(r)]));
  }

  /** The decision that applies to a cluster of these members (see SqliteRepository.clusterReview). */
  private async clusterReviews(clusters: FusedCluster[]): Promise<Map<string, { target: string; state: ReviewState }>> {
    const states = await this.reviewStates(clusters.flatMap((c) => c.members.map((m) => fusedReviewTarget(m.eventId))));
    const found = new Map<string, { target: string; state: ReviewState }>();
    if (states.size === 0) return found;
    for (const c of clusters) {
      for (const m of c.members) {
        const target = fusedReviewTarget(m.eventId);
        const state = states.get(target);
        const best = found.get(c.id);
        if (state && (!best || state.at > best.state.at)) found.set(c.id, { target, state });
      }
    }
    return found;
  }

  reviewEvent(id: string, input: ReviewInput): Promise<ReviewView | null> {
    return this.atomically(() => (isFusedId(id) ? this.reviewFused(id, input) : this.reviewOne(id, input)));
  }

  private async reviewOne(id: string, input: ReviewInput): Promise<ReviewView | null> {
    const { rows } = await this.db.query<{
      article_id: string;
      record: EventRecord;
      machine_record: EventRecord | null;
    }>('SELECT article_id, record, machine_record FROM events WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row) return null;
    const plan = planReview({
      target: id,
      stored: row.record,
      machineRecord: row.machine_record,
      previous: (await this.reviewStates([id])).get(id) ?? null,
      input,
      at: new Date().toISOString(),
    });
    await this.saveDecision(plan);
    if (input.action === 'correct' || input.action === 'reopen') {
      // The facts fusion compares may have changed: the event's cluster is fused again.
      await this.releaseClusterOf(id);
      await this.db.query('DELETE FROM events WHERE id = $1', [id]);
      await this.insertEvent(row.article_id, plan.machineRecord ?? plan.record, plan.state);
    } else {
      const status = statusColumn(plan.state);
      await this.db.query('UPDATE events SET review_status = $1, summary = $2 WHERE id = $3', [
        status,
        eventSummaryJson(plan.record, status),
        id,
      ]);
    }
    return plan.view;
  }

  private async reviewFused(id: string, input: ReviewInput): Promise<ReviewView | null> {
    const { rows } = await this.db.query<{
      record: EventRecord;
      machine_record: EventRecord | null;
      review_target: string | null;
    }>('SELECT record, machine_record, review_target FROM fused_events WHERE id = $1 FOR UPDATE', [id]);
    const row = rows[0];
    if (!row) return null;
    const target = row.review_target ?? id;
    const plan = planReview({
      target,
      stored: row.record,
      machineRecord: row.machine_record,
      previous: (await this.reviewStates([target])).get(target) ?? null,
      input,
      at: new Date().toISOString(),
    });
    await this.saveDecision(plan);
    if (input.action === 'correct' || input.action === 'reopen') {
      // Fusion lays the decision over the machine's merge again (saveClusters), range included.
      await this.releaseClusterOf(id.slice('fe-'.length));
    } else {
      await this.db.query('UPDATE fused_events SET review_status = $1, review_target = $2 WHERE id = $3', [
        statusColumn(plan.state),
        target,
        id,
      ]);
    }
    return plan.view;
  }

  /** Writes a decision and its line of the audit trail. */
  private async saveDecision(plan: PlannedReview): Promise<void> {
    const { state, entry } = plan;
    await this.db.query(
      `INSERT INTO reviews (target, status, changes, note, at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (target) DO UPDATE SET status = excluded.status, changes = excluded.changes, note = excluded.note, at = excluded.at`,
      [entry.target, state.status, JSON.stringify(state.changes), state.note, state.at],
    );
    await this.db.query(
      'INSERT INTO review_log (target, action, status, changes, before, note, at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [
        entry.target,
        entry.action,
        entry.status,
        JSON.stringify(entry.changes),
        JSON.stringify(entry.before),
        entry.note,
        entry.at,
      ],
    );
  }

  async reviewHistory(id: string): Promise<ReviewEntry[]> {
    let targets = [id];
    if (isFusedId(id)) {
      const { rows } = await this.db.query<{ event_id: string }>(
        'SELECT event_id FROM event_clusters WHERE cluster_id = $1',
        [id],
      );
      targets = [...new Set([id, ...rows.map((r) => fusedReviewTarget(r.event_id))])];
    }
    const { rows } = await this.db.query<ReviewLogRow>('SELECT * FROM review_log WHERE target = ANY($1) ORDER BY seq', [
      targets,
    ]);
    return rows.map(toReviewEntry);
  }

  /** Drops the fused event holding this event and queues its members for fusion. */
  private async releaseClusterOf(eventId: string): Promise<void> {
    const { rows } = await this.db.query<{ cluster_id: string }>(
      'SELECT cluster_id FROM event_clusters WHERE event_id = $1',
      [eventId],
    );
    if (rows.length === 0) return;
    const clusters = [rows[0].cluster_id];
    await this.db.query(
      'INSERT INTO fusion_queue (event_id) SELECT event_id FROM event_clusters WHERE cluster_id = ANY($1) ON CONFLICT DO NOTHING',
      [clusters],
    );
    await this.db.query('DELETE FROM fused_events WHERE id = ANY($1)', [clusters]);
    await this.db.query('DELETE FROM event_clusters WHERE cluster_id = ANY($1)', [clusters]);
  }

  /** Keeps the filter text of the event's actors and place in the lookup tables. */
  private async rememberNames(e: EventRecord): Promise<void> {
    for (const a of [e.actor1, ...e.assoc_actor_1, e.actor2, ...e.assoc_actor_2]) {
      if (!a) continue;
      await this.db.query('INSERT INTO actor_names (actor_id, text) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        a.id,
        actorNameText(a),
      ]);
    }
    if (e.location) {
      await this.db.query('INSERT INTO place_names (place_id, text) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        e.location.id,
        placeNameText(e.location),
      ]);
    }
  }

  private async fillNameTables(): Promise<void> {
    await this.transaction(async () => {
      const { rows } = await this.db.query<{ record: EventRecord }>('SELECT record FROM events');
      for (const row of rows) await this.rememberNames(row.record);
    });
  }

  /**
   * Drops the fused events resting on the article's events and queues their other members:
   * called before those events are deleted.
   */
  private async releaseClusters(articleId: string): Promise<void> {
    const { rows } = await this.db.query<{ cluster_id: string }>(
      'SELECT DISTINCT c.cluster_id FROM event_clusters c JOIN events e ON e.id = c.event_id WHERE e.article_id = $1',
      [articleId],
    );
    if (rows.length === 0) return;
    const clusters = rows.map((r) => r.cluster_id);
    await this.db.query(
      'INSERT INTO fusion_queue (event_id) SELECT event_id FROM event_clusters WHERE cluster_id = ANY($1) ON CONFLICT DO NOTHING',
      [clusters],
    );
    await this.db.query('DELETE FROM fused_events WHERE id = ANY($1)', [clusters]);
    await this.db.query('DELETE FROM event_clusters WHERE cluster_id = ANY($1)', [clusters]);
  }

  deleteArticle(id: string): Promise<boolean> {
    return this.atomically(async () => {
      await this.releaseClusters(id);
      const deleted = await this.db.query('DELETE FROM articles WHERE id = $1', [id]);
      return deleted.rowCount === 1;
    });
  }

  async fusionQueue(): Promise<string[]> {
    const { rows } = await this.db.query<{ event_id: string }>('SELECT event_id FROM fusion_queue ORDER BY event_id');
    return rows.map((r) => r.event_id);
  }

  queueAllForFusion(): Promise<number> {
    return this.atomically(async () => {
      await this.db.query('INSERT INTO fusion_queue (event_id) SELECT id FROM events ON CONFLICT DO NOTHING');
      return this.countOf('SELECT count(*) FROM fusion_queue');
    });
  }

  async fusionFacts(ids: string[]): Promise<FusionFacts[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<FactsRow>(`${FACTS_SELECT} WHERE e.id = ANY($1) ORDER BY e.id`, [ids]);
    return rows.map(toFacts);
  }

  async fusionCandidates(window: FusionWindow): Promise<LabelledFacts[]> {
    const params = new Params();
    let sql = `${FACTS_SELECT} WHERE e.event_type = ANY(${params.add(window.types)}) AND e.date BETWEEN ${params.add(window.since)} AND ${params.add(window.until)}`;
    if (window.precision !== undefined) sql += ` AND e.time_precision = ${params.add(window.precision)}`;
    const near = window.near;
    if (near) {
      let place = `e.lat BETWEEN ${params.add(near.south)} AND ${params.add(near.north)}`;
      if (near.west !== null && near.east !== null)
        place += ` AND e.lon BETWEEN ${params.add(near.west)} AND ${params.add(near.east)}`;
      if (near.admin1 !== null) {
        place = `(${place}) OR (e.admin1 = ${params.add(near.admin1)}${near.imprecise ? '' : ' AND coalesce(e.geo_precision, 1) >= 2'})`;
      }
      sql += ` AND e.lat IS NOT NULL AND e.lon IS NOT NULL AND (${place})`;
    }
    const { rows } = await this.db.query<FactsRow>(`${sql} ORDER BY e.id`, params.values);
    return rows.map(toLabelledFacts);
  }

  async componentFacts(component: string): Promise<LabelledFacts[]> {
    const { rows } = await this.db.query<FactsRow>(
      `${FACTS_SELECT} WHERE e.id IN (SELECT event_id FROM fusion_components WHERE component = $1) ORDER BY e.id`,
      [component],
    );
    return rows.map(toLabelledFacts);
  }

  saveComponents(entries: { eventId: string; component: string }[]): Promise<void> {
    return this.atomically(async () => {
      await this.db.query(
        `INSERT INTO fusion_components (event_id, component)
         SELECT event_id, component FROM json_to_recordset($1::json) AS x(event_id text, component text)
         ON CONFLICT (event_id) DO UPDATE SET component = excluded.component`,
        [JSON.stringify(entries.map((e) => ({ event_id: e.eventId, component: e.component })))],
      );
    });
  }

  async clusterMembership(eventIds: string[]): Promise<ClusterMembership[]> {
    const { rows } = await this.db.query<ClusterMembership>(
      `SELECT event_id AS "eventId", cluster_id AS "clusterId", position, joined_by AS "joinedBy"
       FROM event_clusters WHERE event_id = ANY($1)`,
      [eventIds],
    );
    return rows;
  }

  saveClusters(eventIds: string[], clusters: FusedCluster[]): Promise<void> {
    return this.atomically(async () => {
      await this.db.query(
        'DELETE FROM fused_events WHERE id IN (SELECT cluster_id FROM event_clusters WHERE event_id = ANY($1))',
        [eventIds],
      );
      await this.db.query('DELETE FROM event_clusters WHERE event_id = ANY($1)', [eventIds]);
      await this.db.query('DELETE FROM fusion_queue WHERE event_id = ANY($1)', [eventIds]);
      // One statement each for all clusters and all members: fusing every event stays a few round trips.
      const reviews = await this.clusterReviews(clusters);
      await this.db.query(
        `INSERT INTO fused_events (id, date, fatalities, fatalities_max, record, explanation, event_type, sub_event_type, country, admin1,
           place_id, lat, lon, modality, reports, review_status, review_target, machine_record)
         SELECT id, date, fatalities, fatalities_max, record, explanation, event_type, sub_event_type, country, admin1,
           place_id, lat, lon, modality, reports, review_status, review_target, machine_record
         FROM json_to_recordset($1::json) AS x(id text, date text, fatalities int, fatalities_max int, record json, explanation json,
           event_type text, sub_event_type text, country text, admin1 text, place_id text, lat double precision, lon double precision,
           modality text, reports int, review_status text, review_target text, machine_record json)`,
        [
          JSON.stringify(
            clusters.map((c) => {
              const review = reviews.get(c.id) ?? null;
              const fused = reviewedFused(c, review?.state ?? null);
              return {
                id: c.id,
                date: fused.record.date,
                fatalities: fused.range[0],
                fatalities_max: fused.range[1],
                record: fused.record,
                explanation: c.explanation,
                ...fusedColumns(fused.record),
                reports: c.members.length,
                review_status: statusColumn(review?.state ?? null),
                review_target: review?.target ?? null,
                machine_record: fused.machineRecord,
              };
            }),
          ),
        ],
      );
      await this.db.query(
        `INSERT INTO event_clusters (event_id, cluster_id, position, joined_by)
         SELECT event_id, cluster_id, position, joined_by FROM json_to_recordset($1::json) AS x(event_id text, cluster_id text, position int, joined_by text)`,
        [
          JSON.stringify(
            clusters.flatMap((c) =>
              c.members.map((m, position) => ({
                event_id: m.eventId,
                cluster_id: c.id,
                position,
                joined_by: m.joinedBy,
              })),
            ),
          ),
        ],
      );
    });
  }

  async listFusedEvents(query: EventQuery): Promise<FusedEvent[]> {
    const params = new Params();
    const where = fusedFilter(query, params);
    const order =
      query.sort === 'date-asc'
        ? 'f.date ASC NULLS LAST, f.id'
        : query.sort === 'fatalities'
          ? 'f.fatalities DESC, f.date DESC NULLS LAST, f.id'
          : query.sort === 'reports'
            ? 'f.reports DESC, f.date DESC NULLS LAST, f.id'
            : 'f.date DESC NULLS LAST, f.id';
    const { rows } = await this.db.query<FusedRow>(
      `SELECT f.id, f.record, f.fatalities, f.fatalities_max, f.explanation, f.review_target, f.machine_record
       FROM fused_events f ${where}
       ORDER BY ${order} LIMIT ${params.add(query.limit ?? null)} OFFSET ${params.add(query.offset ?? 0)}`,
      params.values,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const members = await this.db.query<MemberRow>(
      `SELECT c.cluster_id, c.event_id, a.id AS article_id, a.title, a.published, ${FIRST_SOURCE} AS source, ${FIRST_URL} AS url
       FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN articles a ON a.id = e.article_id
       WHERE c.cluster_id = ANY($1) ORDER BY c.cluster_id, c.position`,
      [ids],
    );
    // Every origin of every member's article counts: an article received from two outlets is two.
    const outlets = await this.db.query<{ cluster_id: string; outlets: string }>(
      `SELECT c.cluster_id, count(DISTINCT coalesce(o.source_norm, lower(o.source))) AS outlets
       FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN article_origins o ON o.article_id = e.article_id
       WHERE c.cluster_id = ANY($1) AND o.source IS NOT NULL GROUP BY c.cluster_id`,
      [ids],
    );
    const outletsOf = new Map(outlets.rows.map((r) => [r.cluster_id, Number(r.outlets)]));
    const decisions = await this.reviewStates(rows.flatMap((r) => (r.review_target ? [r.review_target] : [])));
    const byCluster = new Map<string, FusedEvent['members']>(rows.map((r) => [r.id, []]));
    for (const m of members.rows) {
      byCluster.get(m.cluster_id)!.push({
        eventId: m.event_id,
        article: { id: m.article_id, title: m.title, published: m.published, source: m.source, url: m.url },
      });
    }
    return rows.map((r) => {
      const state = r.review_target ? (decisions.get(r.review_target) ?? null) : null;
      return {
        id: r.id,
        record: r.record,
        members: byCluster.get(r.id)!,
        fatalities_range: [r.fatalities, r.fatalities_max],
        explanation: r.explanation,
        review: state ? reviewView(state, r.machine_record) : null,
        outlets: outletsOf.get(r.id) ?? 0,
      };
    });
  }

  async fusedPoints(query: EventQuery): Promise<FusedPoint[]> {
    const params = new Params();
    const where = fusedFilter({ ...query, placed: true }, params);
    const { rows } = await this.db.query<FusedPoint>(
      `SELECT f.id, f.lat, f.lon, f.event_type, f.fatalities, f.date FROM fused_events f ${where}
       ORDER BY f.date DESC NULLS LAST, f.id LIMIT ${params.add(query.limit ?? null)}`,
      params.values,
    );
    return rows;
  }

  fusedItemPage(query: EventQuery): Promise<FusedPageItem[]> {
    return this.listFusedEvents(query);
  }

  async countFusedEvents(query: EventQuery = {}): Promise<number> {
    if (talliesAnswer(query)) return tallyTotal(await this.tallyRows('fused_tallies', query));
    const params = new Params();
    const where = fusedFilter(query, params);
    return this.countOf(`SELECT count(*) FROM fused_events f ${where}`, params.values);
  }

  async countFusedEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal> {
    if (!matchesReadOneByOne(query)) return { total: await this.countFusedEvents(query), capped: false };
    const params = new Params();
    return this.countUpTo('fused_events f', fusedFilter(query, params), params, cap);
  }

  /** The rows of `from` that match `where`, counted no further than cap + 1 (list-total.ts). */
  private async countUpTo(from: string, where: string, params: Params, cap: number): Promise<ListTotal> {
    const found = await this.countOf(
      `SELECT count(*) FROM (SELECT 1 FROM ${from} ${where} LIMIT ${params.add(cap + 1)}) s`,
      params.values,
    );
    return listTotal(found, cap);
  }

  async fusedEventStats(query: EventQuery, interval: TrendInterval): Promise<FusedEventStats> {
    const params = new Params();
    const where = fusedFilter(query, params);
    const rows = await this.db.query<FusedStatsRow>(
      `SELECT f.id, f.date, f.fatalities, f.event_type, f.country, f.admin1, f.lat,
           f.record->>'actor1' AS actor1, f.record->>'actor2' AS actor2,
           f.record->>'assoc_actor_1' AS assoc_actor_1, f.record->>'assoc_actor_2' AS assoc_actor_2
         FROM fused_events f ${where}`,
      params.values,
    );
    const outlets = await this.db.query<FusedOutletRow>(
      `SELECT DISTINCT c.cluster_id AS id, a.first_source AS outlet
         FROM event_clusters c JOIN events e ON e.id = c.event_id JOIN articles a ON a.id = e.article_id
         WHERE a.first_source IS NOT NULL AND c.cluster_id IN (SELECT f.id FROM fused_events f ${where})`,
      params.values,
    );
    return fusedStatsOf(partsFromEvents(rows.rows, outlets.rows, interval));
  }

  async getFusedEvent(id: string): Promise<FusedEvent | null> {
    const { rows } = await this.db.query<{ cluster_id: string }>(
      'SELECT cluster_id FROM event_clusters WHERE event_id = $1',
      [id],
    );
    const found = await this.listFusedEvents({ ids: [rows[0]?.cluster_id ?? id], includeDismissed: true });
    return found[0] ?? null;
  }

  async listEvents(query: EventQuery): Promise<StoredEvent[]> {
    const rows = await this.pageOfEvents<EventRow>(query, EVENT_WITH_ARTICLE);
    return rows.map((row) => {
      const article: ArticleRef = {
        id: row.article_id,
        title: row.title,
        published: row.published,
        source: row.source,
        url: row.url,
      };
      return { record: row.record, article };
    });
  }

  async eventSummaryPage(query: EventQuery): Promise<Uint8Array> {
    const { sql, params } = this.pageQuery(query, `${EVENT_SUMMARY_JSON} AS summary, e.date, e.fatalities, e.id`);
    // The aggregate is given the page's order again: a subquery's order is not kept by right.
    const { rows } = await this.db.query<{ page: Buffer }>(
      `SELECT convert_to('[' || coalesce(string_agg(e.summary, ',' ORDER BY ${pageOrder(query)}), '') || ']', 'UTF8') AS page
       FROM (${sql}) e`,
      params,
    );
    return rows[0].page;
  }

  /** One page of events in the query's order. */
  private async pageOfEvents<Row extends object>(query: EventQuery, columns: string): Promise<Row[]> {
    const { sql, params } = this.pageQuery(query, columns);
    const { rows } = await this.db.query<Row>(sql, params);
    return rows;
  }

  private pageQuery(query: EventQuery, columns: string): { sql: string; params: unknown[] } {
    const params = new Params();
    const where = eventFilter(query, params);
    const sql = `SELECT ${columns}
       FROM events e JOIN articles a ON a.id = e.article_id ${where}
       ORDER BY ${pageOrder(query)} LIMIT ${params.add(query.limit ?? null)} OFFSET ${params.add(query.offset ?? 0)}`;
    return { sql, params: params.values };
  }

  /** The single number a `SELECT count(*) …` gives (bigint, which pg returns as text). */
  private async countOf(sql: string, values: unknown[] = []): Promise<number> {
    const { rows } = await this.db.query<{ count: string }>(sql, values);
    return Number(rows[0].count);
  }

  /** PostgreSQL has no cheap, exact signal of other sessions' writes to these tables. */
  changeMark(): Promise<string | null> {
    return Promise.resolve(null);
  }

  async countEvents(query: EventQuery = {}): Promise<number> {
    if (talliesAnswer(query)) return tallyTotal(await this.tallyRows('event_tallies', query));
    const params = new Params();
    const where = eventFilter(query, params);
    return this.countOf(`SELECT count(*) FROM events e ${where}`, params.values);
  }

  async countEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal> {
    if (!matchesReadOneByOne(query)) return { total: await this.countEvents(query), capped: false };
    const params = new Params();
    return this.countUpTo('events e', eventFilter(query, params), params, cap);
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const [event] = await this.listEvents({ ids: [id], includeDismissed: true });
    if (!event) return null;
    const state = (await this.reviewStates([id])).get(id) ?? null;
    const { rows } = await this.db.query<{ machine_record: EventRecord | null }>(
      'SELECT machine_record FROM events WHERE id = $1',
      [id],
    );
    // Unreviewed: as listEvents gives it.
    if (!state) return event;
    return { ...event, review: reviewView(state, rows[0]?.machine_record ?? null) };
  }

  /**
   * The rows of a tally table (src/store/tallies.ts) that a query answered by tallies matches:
   * the tallies with the changes not yet folded into them, a row per key.
   */
  private async tallyRows(table: 'event_tallies' | 'fused_tallies', query: EventQuery): Promise<TallyRow[]> {
    await this.foldTallies(table);
    const params = new Params();
    const where = tallyWhere(query, (value) => params.add(value));
    const { rows } = await this.db.query<TallyRow>(
      `SELECT day, event_type, country, admin1, review_status, placed, sum(events)::int AS events, sum(fatalities)::int AS fatalities
       FROM (SELECT * FROM ${table} UNION ALL SELECT * FROM ${table}_changes) t ${where}
       GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(events) <> 0`,
      params.values,
    );
    return rows;
  }

  /**
   * Folds the changes the triggers appended into the tallies, one session at a time (another
   * folding now leaves them to it: readers add the changes anyway).
   */
  private foldTallies(table: 'event_tallies' | 'fused_tallies'): Promise<void> {
    return this.atomically(async () => {
      const { rows } = await this.db.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [`marsad.${table}`],
      );
      if (!rows[0].locked) return;
      const folded = await this.db.query(
        `WITH moved AS (DELETE FROM ${table}_changes RETURNING *)
         INSERT INTO ${table}
           SELECT day, event_type, country, admin1, review_status, placed, sum(events), sum(fatalities) FROM moved
           GROUP BY 1, 2, 3, 4, 5, 6
         ON CONFLICT (day, event_type, country, admin1, review_status, placed) DO UPDATE
           SET events = ${table}.events + EXCLUDED.events, fatalities = ${table}.fatalities + EXCLUDED.fatalities`,
      );
      if (folded.rowCount) await this.db.query(`DELETE FROM ${table} WHERE events = 0`);
    });
  }

  async eventStats(query: EventQuery = {}): Promise<EventStats> {
    if (talliesAnswer(query)) return eventStatsFromTallies(await this.tallyRows('event_tallies', query));
    const params = new Params();
    const where = eventFilter(query, params);
    const group = async <Row extends QueryResultRow>(column: string, key: string) =>
      (
        await this.db.query<Row>(
          `SELECT ${column} AS ${key}, count(*)::int AS count, sum(fatalities)::int AS fatalities FROM events e ${where}
           ${where ? 'AND' : 'WHERE'} ${column} IS NOT NULL GROUP BY ${column} ORDER BY ${column}`,
          params.values,
        )
      ).rows;
    return {
      byDay: await group<EventStats['byDay'][number]>('e.date', 'date'),
      byType: await group<EventStats['byType'][number]>('e.event_type', 'event_type'),
      byAdmin1: await group<EventStats['byAdmin1'][number]>('e.admin1', 'admin1'),
    };
  }

  async enqueueWork(kind: WorkKind, payloads: string[]): Promise<number[]> {
    if (payloads.length === 0) return [];
    const { rows } = await this.db.query<{ id: string }>(
      'INSERT INTO work_items (kind, payload) SELECT $1, p FROM unnest($2::text[]) WITH ORDINALITY AS t(p, n) ORDER BY n RETURNING id',
      [kind, payloads],
    );
    return rows.map((row) => Number(row.id));
  }

  async claimWork(worker: string, leaseSeconds: number): Promise<WorkItem | null> {
    // One statement: the row is locked by the subquery and updated at once; a row another worker
    // is claiming is skipped, not waited for.
    const { rows } = await this.db.query<{ id: string; kind: WorkKind; payload: string; attempts: number }>(
      `UPDATE work_items SET status = 'claimed', worker = $1, claimed_until = now() + make_interval(secs => $2),
         attempts = attempts + 1
       WHERE id = (SELECT id FROM work_items
                   WHERE status = 'pending' OR (status = 'claimed' AND claimed_until < now())
                   ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, kind, payload, attempts`,
      [worker, leaseSeconds],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return { id: Number(row.id), kind: row.kind, payload: row.payload, attempts: row.attempts };
  }

  async finishWork(id: number, worker: string, outcome: { result: string } | { error: string }): Promise<boolean> {
    const failed = 'error' in outcome;
    const { rowCount } = await this.db.query(
      `UPDATE work_items SET status = $1, payload = '', finished_at = now(), result = $2, error = $3, claimed_until = NULL
       WHERE id = $4 AND status = 'claimed' AND worker = $5`,
      [failed ? 'failed' : 'done', failed ? null : outcome.result, failed ? outcome.error : null, id, worker],
    );
    return rowCount === 1;
  }

  async workCounts(): Promise<WorkCounts> {
    const counts: WorkCounts = { pending: 0, claimed: 0, done: 0, failed: 0 };
    const { rows } = await this.db.query<{ status: keyof WorkCounts; n: string }>(
      'SELECT status, count(*) AS n FROM work_items GROUP BY status',
    );
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  async claimFeed(url: string, worker: string, leaseSeconds: number): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `INSERT INTO feed_leases (url, worker, until) VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT (url) DO UPDATE SET worker = EXCLUDED.worker, until = EXCLUDED.until
       WHERE feed_leases.until < now() OR feed_leases.worker = EXCLUDED.worker`,
      [url, worker, leaseSeconds],
    );
    return rowCount === 1;
  }

  async getFeedState(url: string): Promise<FeedState | null> {
    const { rows } = await this.db.query<{
      url: string;
      etag: string | null;
      last_modified: string | null;
      seen_keys: string[];
      checked_at: string | null;
      last_error: string | null;
    }>('SELECT url, etag, last_modified, seen_keys, checked_at, last_error FROM feed_state WHERE url = $1', [url]);
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      url: row.url,
      etag: row.etag,
      lastModified: row.last_modified,
      seenKeys: row.seen_keys,
      checkedAt: row.checked_at,
      lastError: row.last_error,
    };
  }

  async saveFeedState(state: FeedState): Promise<void> {
    await this.db.query(
      `INSERT INTO feed_state (url, etag, last_modified, seen_keys, checked_at, last_error) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified,
         seen_keys = EXCLUDED.seen_keys, checked_at = EXCLUDED.checked_at, last_error = EXCLUDED.last_error`,
      [state.url, state.etag, state.lastModified, JSON.stringify(state.seenKeys), state.checkedAt, state.lastError],
    );
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** A page's order, over the columns of `e`. */
function pageOrder(query: EventQuery): string {
  if (query.sort === 'date-asc') return 'e.date IS NULL, e.date ASC, e.id';
  if (query.sort === 'fatalities') return 'e.fatalities DESC, e.date DESC NULLS LAST, e.id';
  return 'e.date DESC NULLS LAST, e.id';
}

const FIRST_SOURCE = 'a.first_source';
const FIRST_URL = 'a.first_url';
const EVENT_WITH_ARTICLE = `e.record, a.id AS article_id, a.title, a.published, ${FIRST_SOURCE} AS source, ${FIRST_URL} AS url`;
/** The record without its evidence sentences and per-field sources, with its article: built in SQL. */
const EVENT_SUMMARY_JSON = `left(e.summary, -1) || ',"article":' ||
  json_build_object('id', a.id, 'title', a.title, 'published', a.published, 'source', ${FIRST_SOURCE}, 'url', ${FIRST_URL})::text || '}'`;

interface EventRow {
  /** The `json` column, parsed by pg. */
  record: EventRecord;
  article_id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
}

const FACTS_SELECT = `SELECT e.id, e.article_id, e.event_type, e.sub_event_type, e.date, e.time_precision, e.lat, e.lon, e.geo_precision, e.admin1,
  e.record->'location'->>'name' AS place,
  (SELECT string_agg(role || ' ' || actor_id, E'\\n') FROM event_actors WHERE event_id = e.id) AS actors,
  (SELECT component FROM fusion_components WHERE event_id = e.id) AS component
  FROM events e`;

interface FusedRow {
  id: string;
  /** `json` columns, parsed by pg. */
  record: EventRecord;
  fatalities: number;
  fatalities_max: number;
  explanation: string[];
  review_target: string | null;
  machine_record: EventRecord | null;
}

interface ReviewRow {
  target: string;
  status: string;
  /** `json` columns, parsed by pg. */
  changes: Corrections;
  note: string | null;
  at: string;
}

interface ReviewLogRow extends ReviewRow {
  action: string;
  before: ReviewEntry['before'];
}

function toReviewState(r: ReviewRow): ReviewState {
  return { status: storedStatus(r.status), changes: r.changes, note: r.note, at: r.at };
}

function toReviewEntry(r: ReviewLogRow): ReviewEntry {
  return {
    target: r.target,
    action: storedAction(r.action),
    status: storedStatus(r.status),
    changes: r.changes,
    before: r.before,
    note: r.note,
    at: r.at,
  };
}

interface MemberRow {
  cluster_id: string;
  event_id: string;
  article_id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
}

/**
 * Fused events matching the query: their own facts on their row (corrections included), the
 * actor, outlet, text and article filters on any member (see sqlite.ts). `ids` name fused events.
 */
function fusedFilter(query: EventQuery, params: Params): string {
  const clauses: string[] = [];
  if (query.ids) clauses.push(`f.id = ANY(${params.add(query.ids)})`);
  if (query.since) clauses.push(`f.date >= ${params.add(query.since)}`);
  if (query.until) clauses.push(`f.date <= ${params.add(query.until)}`);
  if (query.type) clauses.push(`f.event_type = ${params.add(query.type)}`);
  if (query.sub_type) clauses.push(`f.sub_event_type = ${params.add(query.sub_type)}`);
  if (query.country) clauses.push(`f.country = ${params.add(query.country)}`);
  if (query.admin1) clauses.push(`f.admin1 = ${params.add(query.admin1)}`);
  if (query.modality) clauses.push(`f.modality = ${params.add(query.modality)}`);
  if (query.fatalitiesMin !== undefined) clauses.push(`f.fatalities >= ${params.add(query.fatalitiesMin)}`);
  if (query.fatalitiesMax !== undefined) clauses.push(`f.fatalities <= ${params.add(query.fatalitiesMax)}`);
  const review = reviewClause('f', query, params);
  if (review) clauses.push(review);
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    clauses.push(
      `f.lat BETWEEN ${params.add(south)} AND ${params.add(north)} AND f.lon BETWEEN ${params.add(west)} AND ${params.add(east)}`,
    );
  }
  if (query.placed !== undefined) clauses.push(query.placed ? 'f.lat IS NOT NULL' : 'f.lat IS NULL');
  const placeWords = (query.place ? wordsOf(query.place) : []).map((word) => `strpos(text, ${params.add(word)}) > 0`);
  if (placeWords.length)
    clauses.push(`f.place_id IN (SELECT place_id FROM place_names WHERE ${placeWords.join(' AND ')})`);
  const { actor, actorIds, source, q, articleId } = query;
  const members = eventFilter({ actor, actorIds, source, q, articleId, includeDismissed: true }, params);
  if (members)
    clauses.push(`f.id IN (SELECT c.cluster_id FROM events e JOIN event_clusters c ON c.event_id = e.id ${members})`);
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** The review filter on a table's `review_status` (NULL: unreviewed); dismissed left out by default. */
function reviewClause(table: string, query: EventQuery, params: Params): string | null {
  const column = `${table}.review_status`;
  if (query.review?.length) {
    const decided = query.review.filter((s) => s !== 'unreviewed');
    const parts = decided.length ? [`${column} = ANY(${params.add(decided)})`] : [];
    if (query.review.includes('unreviewed')) parts.push(`${column} IS NULL`);
    return `(${parts.join(' OR ')})`;
  }
  return query.includeDismissed ? null : `${column} IS DISTINCT FROM 'dismissed'`;
}

async function savepoint<T>(scope: TransactionScope, fn: () => Promise<T>): Promise<T> {
  const name = `sp${++scope.savepoints}`;
  await scope.client.query(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await scope.client.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await scope.client.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}

/** Positional parameters of one statement: `add(value)` returns its `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** `%term%` for ILIKE, with the term's own wildcards taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

function articleFilter(query: ArticleQuery, params: Params): string {
  const clauses: string[] = [];
  // Every term is a substring of the normalised text, as with SQLite's trigram index.
  for (const term of query.search ? searchTerms(query.search) : [])
    clauses.push(`a.body ILIKE ${params.add(containsPattern(term))}`);
  if (query.since) clauses.push(`a.published >= ${params.add(query.since)}`);
  if (query.until) clauses.push(`a.published <= ${params.add(query.until)}`);
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

function eventFilter(query: EventQuery, params: Params): string {
  const clauses: string[] = [];
  if (query.ids) clauses.push(`e.id = ANY(${params.add(query.ids)})`);
  if (query.since) clauses.push(`e.date >= ${params.add(query.since)}`);
  if (query.until) clauses.push(`e.date <= ${params.add(query.until)}`);
  if (query.type) clauses.push(`e.event_type = ${params.add(query.type)}`);
  if (query.sub_type) clauses.push(`e.sub_event_type = ${params.add(query.sub_type)}`);
  if (query.articleId) clauses.push(`e.article_id = ${params.add(query.articleId)}`);
  if (query.country) clauses.push(`e.country = ${params.add(query.country)}`);
  if (query.admin1) clauses.push(`e.admin1 = ${params.add(query.admin1)}`);
  if (query.modality) clauses.push(`e.modality = ${params.add(query.modality)}`);
  if (query.fatalitiesMin !== undefined) clauses.push(`e.fatalities >= ${params.add(query.fatalitiesMin)}`);
  if (query.fatalitiesMax !== undefined) clauses.push(`e.fatalities <= ${params.add(query.fatalitiesMax)}`);
  const review = reviewClause('e', query, params);
  if (review) clauses.push(review);
  // Names are matched in the small lookup tables; the events are then found by id through an index.
  // Ids from the actor dictionary (a name or any alias) match as well as the stored names.
  const actorWords = (query.actor ? wordsOf(query.actor) : []).map((word) => `strpos(text, ${params.add(word)}) > 0`);
  const actorSets: string[] = [];
  if (actorWords.length) actorSets.push(`SELECT actor_id FROM actor_names WHERE ${actorWords.join(' AND ')}`);
  if (query.actorIds?.length) actorSets.push(`SELECT unnest(${params.add(query.actorIds)}::text[])`);
  if (actorSets.length) {
    clauses.push(`e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN (${actorSets.join(' UNION ')}))`);
  }
  const placeWords = (query.place ? wordsOf(query.place) : []).map((word) => `strpos(text, ${params.add(word)}) > 0`);
  if (placeWords.length)
    clauses.push(`e.place_id IN (SELECT place_id FROM place_names WHERE ${placeWords.join(' AND ')})`);
  if (query.source) {
    const words = wordsOf(query.source).map(
      (word) => `strpos(coalesce(source_norm, lower(source)), ${params.add(word)}) > 0`,
    );
    clauses.push(`e.article_id IN (SELECT article_id FROM article_origins WHERE ${words.join(' AND ') || 'TRUE'})`);
  }
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    clauses.push(
      `e.lat BETWEEN ${params.add(south)} AND ${params.add(north)} AND e.lon BETWEEN ${params.add(west)} AND ${params.add(east)}`,
    );
  }
  if (query.placed !== undefined) clauses.push(query.placed ? 'e.lat IS NOT NULL' : 'e.lat IS NULL');
  if (query.q && query.q.trim()) {
    const where = articleFilter({ search: query.q }, params);
    clauses.push(`e.article_id IN (SELECT a.id FROM articles a ${where})`);
  }
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/**
 * Applies the missing migrations in one transaction under an advisory lock, so that two
 * processes opening a fresh database at once do not both create the tables.
 */
async function migrate(pool: pg.Pool, migrations: Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('marsad.schema_migrations'))`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      done.push(m.version);
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
    return done;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
