/**
 * The embedded default store: one SQLite file in WAL mode (better-sqlite3). better-sqlite3 is
 * synchronous and has one connection, so the async interface runs every call in turn: a call
 * made while another caller's transaction is open waits for it to end instead of joining it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { visibleUrl, withoutBidiControls } from '../core/printable.js';
import type { Article, ArticleInput, ArticleOrigin } from '../core/article.js';
import { searchableText, searchTerms } from './search-text.js';
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
import type { ArticleRef, EventRecord } from '../events/record.js';
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
import { SQLITE_MIGRATIONS, type Migration } from './sqlite-migrations.js';
import {
  REVIEW_STATUSES,
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
import { errorCode } from '../core/unknown.js';
import { parseStoredJson } from './stored-json.js';
import {
  fusedStatsOf,
  partsFromEvents,
  partsFromTallies,
  type FusedOutletRow,
  type FusedStatsRow,
  type SideTallyRow,
} from './fused-stats.js';
import { eventStatsFromTallies, talliesAnswer, tallyTotal, tallyWhere, type TallyRow } from './tallies.js';
import { listTotal, matchesReadOneByOne, type ListTotal } from './list-total.js';

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

/** How many matches an estimate reads (SqliteRepository.sampledRows). */
const ESTIMATE_SAMPLE = 1000;

/** How many rows a query gives, estimated past ESTIMATE_SAMPLE; `all`: their rowids (JSON) when counted. */
interface SampledRows {
  count: number;
  all: string | null;
}

/** The value kept under `key`, computed when missing (at most 500 kept at once). */
function keptIn<T>(kept: Map<string, T>, key: string, compute: () => T): T {
  let value = kept.get(key);
  if (value === undefined) {
    value = compute();
    if (kept.size >= 500) kept.clear();
    kept.set(key, value);
  }
  return value;
}

/**
 * One page of a kept list of rowids (JSON, in the query's order): `passing` gives which rowids of a
 * chunk (JSON) the other filters keep. Chunks of about what the page still needs, so a page reads
 * about its own rows, not every kept one.
 */
function pageOfKept(
  kept: string,
  passing: (chunk: string) => number[],
  offset: number,
  limit: number | undefined,
): number[] {
  const rowids = parseStoredJson<number[]>(kept);
  const wanted = offset + (limit ?? rowids.length);
  const page: number[] = [];
  let passed = 0;
  for (let i = 0; i < rowids.length && passed < wanted;) {
    const chunk = rowids.slice(i, i + Math.max(64, wanted - passed + 16));
    i += chunk.length;
    const passes = new Set(passing(JSON.stringify(chunk)));
    for (const rowid of chunk) {
      if (!passes.has(rowid)) continue;
      if (passed >= offset && passed < wanted) page.push(rowid);
      passed++;
    }
  }
  return page;
}

/** What the planner keeps while the store is unchanged (its change mark): none of it yet. */
function emptyEstimates(mark: string) {
  return {
    mark,
    byFilter: new Map<string, number>(),
    samples: new Map<string, SampledRows>(),
    matchedRows: new Map<string, string>(),
    anchors: new Map<string, PageAnchor | null>(),
  };
}

/** A deep page of fused events starts from the kept position of the last multiple of this before it. */
const PAGE_ANCHOR_EVERY = 10_000;
/** The sort key of the fused event at a kept position, newest first. */
interface PageAnchor {
  date: string | null;
  id: string;
}

/** How long a single statement outside a transaction may wait for another process's lock. */
const BUSY_TIMEOUT_MS = 5000;
/** How long `transaction` keeps trying for the write lock, in brief tries. */
const WRITE_LOCK_WAIT_MS = 60_000;
/** One try's wait for the write lock: short, since it blocks this thread. */
const BEGIN_WAIT_MS = 10;

export class SqliteRepository implements Repository {
  readonly db: Database.Database;
  private readonly statements;
  /** Carried by the calls made inside `transaction(fn)`: those run inside that transaction. */
  private readonly transactionScope = new AsyncLocalStorage<object>();
  private openTransaction: object | null = null;
  /** The tail of the queue of calls waiting for the connection. */
  private queue: Promise<unknown> = Promise.resolve();
  private savepoints = 0;

  constructor(path: string, migrations: Migration[] = SQLITE_MIGRATIONS) {
    this.db = new Database(path);
    // First: the other pragmas and the migrations may wait for another process opening the file.
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    // Rows with a record are about a page each: a filtered page of events reads hundreds of them,
    // which the default 2 MiB cache sends back to the file (a system call each).
    this.db.pragma('cache_size = -65536');
    // Pages of lists are written by the database (eventSummaryPage, fusedItemPage), and show
    // input text as the views do.
    this.db.function('shown_text', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? withoutBidiControls(s) : s,
    );
    this.db.function('shown_url', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? visibleUrl(s) : s));
    const applied = migrate(this.db, migrations);
    // Name tables are filled in JS (normalised like the queries), for events stored before them.
    if (applied.includes(4)) this.fillNameTables();
    this.statements = {
      seqById: this.db.prepare<[string], { seq: number }>('SELECT seq FROM articles WHERE id = ?'),
      insertArticle: this.db.prepare(
        `INSERT INTO articles (id, title, text, published, published_at, published_raw, ingested_at, first_source, first_url)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      fillFirstOrigin: this.db.prepare(
        `UPDATE articles SET first_source = coalesce(first_source, ?), first_url = coalesce(first_url, ?) WHERE id = ?`,
      ),
      insertFts: this.db.prepare('INSERT INTO articles_fts (rowid, body) VALUES (?, ?)'),
      originExists: this.db.prepare<[string, string | null, string | null, string | null], { one: number }>(
        `SELECT 1 AS one FROM article_origins
         WHERE article_id = ? AND url IS ? AND source IS ? AND input IS ?`,
      ),
      insertOrigin: this.db.prepare(
        `INSERT INTO article_origins (article_id, url, source, input, external_id, added_at, source_norm) VALUES (?, ?, ?, ?, ?, ?, ?)`,
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

  /** Prepared statements by SQL text: preparing is costly and ingest runs the same few per article. */
  private readonly prepared = new Map<string, Database.Statement>();

  /** The prepared statement for `sql`, whose result rows have the shape `Row` (as `prepare<P, Row>` declares it). */
  private stmt<Row = unknown>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.prepared.get(sql);
    if (!statement) {
      // Statements with id lists vary in length; keep the cache bounded.
      if (this.prepared.size >= 256) this.prepared.clear();
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the caller's SQL selects the columns Row names; better-sqlite3 declares, never checks, a row's type
    return statement as Database.Statement<unknown[], Row>;
  }

  private insideOpenTransaction(): boolean {
    return this.openTransaction !== null && this.transactionScope.getStore() === this.openTransaction;
  }

  /** Runs `fn` when no other caller's transaction is open, or at once from inside our own. */
  private exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.insideOpenTransaction()) return Promise.resolve().then(fn);
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A read of several statements (a page's rows, then their JSON; totals and series) as exclusive
   * runs it, inside one read transaction: its statements see one state of the store, even when
   * another process commits between them.
   */
  private snapshot<T>(fn: () => T): Promise<T> {
    return this.exclusive(() => (this.db.inTransaction ? fn() : this.db.transaction(fn)()));
  }

  // Wider than Repository's: this store's own writes are synchronous (better-sqlite3).
  async transaction<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.insideOpenTransaction()) {
      const name = `sp${++this.savepoints}`;
      this.db.exec(`SAVEPOINT ${name}`);
      try {
        const result = await fn();
        this.db.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
        throw err;
      }
    }
    // Another process may hold the write lock (a second `marsad ingest`, the server). Waiting
    // for it inside SQLite (busy_timeout) would block this thread, the server's event loop
    // included; so each try is brief, and between tries this connection serves other calls.
    const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.exclusive(async (): Promise<{ result: T } | null> => {
        if (!this.tryBeginImmediate(Date.now() >= deadline)) return null;
        const scope = {};
        this.openTransaction = scope;
        try {
          const result = await this.transactionScope.run(scope, fn);
          this.db.exec('COMMIT');
          return { result };
        } catch (err) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          throw err;
        } finally {
          this.openTransaction = null;
        }
      });
      if (outcome) return outcome.result;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }

  /** BEGIN IMMEDIATE, waiting at most a few ms for the lock; false when another writer holds it. */
  private tryBeginImmediate(lastTry: boolean): boolean {
    this.db.pragma(`busy_timeout = ${BEGIN_WAIT_MS}`);
    try {
      this.db.exec('BEGIN IMMEDIATE');
      return true;
    } catch (err) {
      if (errorCode(err) !== 'SQLITE_BUSY') throw err;
      if (lastTry)
        throw new Error(
          `database is locked: another process held the write lock for over ${WRITE_LOCK_WAIT_MS / 1000} s`,
          { cause: err },
        );
      return false;
    } finally {
      this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }

  existingArticleIds(ids: string[]): Promise<Set<string>> {
    return this.exclusive(() => {
      const found = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        const rows = this.stmt(`SELECT id FROM articles WHERE id IN (${chunk.map(() => '?').join(',')})`)
          .pluck(true)
          .all(...chunk);
        for (const id of rows) if (typeof id === 'string') found.add(id);
      }
      return found;
    });
  }

  upsertArticle(id: string, input: ArticleInput): Promise<UpsertStatus> {
    return this.exclusive(() => this.upsertArticleNow(id, input));
  }

  private upsertArticleNow(id: string, input: ArticleInput): UpsertStatus {
    const s = this.statements;
    const now = new Date().toISOString();
    const existing = s.seqById.get(id);
    const o = input.origin;
    if (existing) {
      // A duplicate keeps every new URL and source, and may fill a date the first copy lacked;
      // nothing already stored is changed.
      let changed = false;
      if (!s.originExists.get(id, o.url, o.source, o.input)) {
        s.insertOrigin.run(id, o.url, o.source, o.input, o.externalId, now, sourceNorm(o.source));
        s.fillFirstOrigin.run(o.source, o.url, id);
        changed = true;
      }
      if (input.published)
        changed =
          s.fillPublished.run(input.published, input.publishedAt, input.publishedRaw, id).changes > 0 || changed;
      // The fused events this article reports show its outlets and date: shown anew.
      if (changed)
        this.stmt(
          `UPDATE fused_records SET sources = ${fusedSources('fused_records.id')}, outlets = ${fusedOutlets('fused_records.id')}
           WHERE id IN (SELECT c.cluster_id FROM events e CROSS JOIN event_clusters c ON c.event_id = e.id WHERE e.article_id = ?)`,
        ).run(id);
      return 'duplicate';
    }
    const info = s.insertArticle.run(
      id,
      input.title,
      input.text,
      input.published,
      input.publishedAt,
      input.publishedRaw,
      now,
      o.source,
      o.url,
    );
    s.insertFts.run(info.lastInsertRowid, searchableText(input.title, input.text));
    s.insertOrigin.run(id, o.url, o.source, o.input, o.externalId, now, sourceNorm(o.source));
    return 'new';
  }

  getArticle(id: string): Promise<Article | null> {
    return this.exclusive(() => this.getArticleNow(id));
  }

  private getArticleNow(id: string): Article | null {
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

  findArticleId(prefix: string): Promise<string[]> {
    return this.exclusive(() => this.statements.idsByPrefix.all(prefix, prefix).map((r) => r.id));
  }

  listArticles(query: ArticleQuery): Promise<ArticleSummary[]> {
    return this.exclusive(() => this.listArticlesNow(query));
  }

  private listArticlesNow(query: ArticleQuery): ArticleSummary[] {
    const { where, params } = articleFilter(query);
    const sql = `
      SELECT a.id, a.title, a.published, length(a.text) AS chars,
        (SELECT source FROM article_origins o WHERE o.article_id = a.id AND source IS NOT NULL ORDER BY rowid LIMIT 1) AS source,
        (SELECT url FROM article_origins o WHERE o.article_id = a.id AND url IS NOT NULL ORDER BY rowid LIMIT 1) AS url
      FROM articles a ${where}
      ORDER BY a.published IS NULL, a.published DESC, a.seq DESC
      LIMIT ? OFFSET ?`;
    return this.stmt<ArticleSummary>(sql).all(...params, query.limit ?? -1, query.offset ?? 0);
  }

  countArticles(query: ArticleQuery = {}): Promise<number> {
    const { where, params } = articleFilter(query);
    return this.exclusive(() => this.countOf(`SELECT count(*) FROM articles a ${where}`, ...params));
  }

  stats(): Promise<StoreStats> {
    return this.exclusive(() => this.statsNow());
  }

  private statsNow(): StoreStats {
    // A SELECT with no FROM gives exactly one row.
    const row = this.db
      .prepare<[], StoreStats>(
        `SELECT (SELECT count(*) FROM articles) AS articles,
                (SELECT count(*) FROM events) AS events,
                (SELECT count(*) FROM article_origins) AS origins,
                (SELECT min(published) FROM articles) AS firstPublished,
                (SELECT max(published) FROM articles) AS lastPublished,
                (SELECT count(DISTINCT source) FROM article_origins) AS sources`,
      )
      .get()!;
    return row;
  }

  replaceEvents(articleId: string, events: EventRecord[]): Promise<void> {
    return this.transaction(() => {
      this.releaseClusters(articleId);
      this.stmt('DELETE FROM events WHERE article_id = ?').run(articleId);
      // A decision taken on an earlier extraction applies again (the ids are stable: review.ts).
      const decisions = this.reviewStates(events.map((e) => e.id));
      for (const e of events) this.insertEvent(articleId, e, decisions.get(e.id) ?? null);
    });
  }

  /** Stores one event from the machine's record under the decision in force, and queues it for fusion. */
  private insertEvent(articleId: string, machine: EventRecord, state: ReviewState | null): void {
    const { record: e, machineValues } = reviewedRecord(machine, state);
    this.stmt(
      `INSERT INTO events (${EVENT_ROW_COLUMNS.join(', ')}) VALUES (${EVENT_ROW_COLUMNS.map(() => '?').join(', ')})`,
    ).run(...eventRowValues(articleId, e, statusColumn(state), machineValues ? machine : null));
    const insertActor = this.stmt(
      'INSERT OR IGNORE INTO event_actors (actor_id, event_id, role, date) VALUES (?, ?, ?, ?)',
    );
    for (const row of eventActorRows(e)) insertActor.run(row.actorId, e.id, row.role, e.date);
    this.stmt('INSERT OR IGNORE INTO fusion_queue (event_id) VALUES (?)').run(e.id);
    this.rememberNames(e);
  }

  /** The decisions in force on these review targets. */
  private reviewStates(targets: string[]): Map<string, ReviewState> {
    const found = new Map<string, ReviewState>();
    for (let i = 0; i < targets.length; i += 500) {
      const chunk = targets.slice(i, i + 500);
      const rows = this.stmt<ReviewRow>(
        `SELECT * FROM reviews WHERE target IN (${chunk.map(() => '?').join(',')})`,
      ).all(...chunk);
      for (const r of rows) found.set(r.target, toReviewState(r));
    }
    return found;
  }

  /**
   * The decision that applies to a cluster of these members: the one anchored on a member (a
   * cluster holds at most one anchor, unless two reviewed clusters merged: then the latest).
   */
  private clusterReview(
    memberIds: string[],
    states: Map<string, ReviewState>,
  ): { target: string; state: ReviewState } | null {
    let best: { target: string; state: ReviewState } | null = null;
    for (const target of memberIds.map(fusedReviewTarget)) {
      const state = states.get(target);
      if (state && (!best || state.at > best.state.at)) best = { target, state };
    }
    return best;
  }

  reviewEvent(id: string, input: ReviewInput): Promise<ReviewView | null> {
    return this.transaction(() => (isFusedId(id) ? this.reviewFused(id, input) : this.reviewOne(id, input)));
  }

  private reviewOne(id: string, input: ReviewInput): ReviewView | null {
    const row = this.stmt<{ article_id: string; record: string; machine_record: string | null }>(
      'SELECT article_id, record, machine_record FROM events WHERE id = ?',
    ).get(id);
    if (!row) return null;
    const plan = planReview({
      target: id,
      stored: parseStoredJson<EventRecord>(row.record),
      machineRecord: row.machine_record ? parseStoredJson<EventRecord>(row.machine_record) : null,
      previous: this.reviewStates([id]).get(id) ?? null,
      input,
      at: new Date().toISOString(),
    });
    this.saveDecision(plan);
    if (input.action === 'correct' || input.action === 'reopen') {
      // The facts fusion compares may have changed: the event's cluster is fused again.
      this.releaseClusterOf(id);
      this.stmt('DELETE FROM events WHERE id = ?').run(id);
      this.insertEvent(row.article_id, plan.machineRecord ?? plan.record, plan.state);
    } else {
      const status = statusColumn(plan.state);
      this.stmt('UPDATE events SET review_status = ?, summary = ? WHERE id = ?').run(
        status,
        eventSummaryJson(plan.record, status),
        id,
      );
    }
    return plan.view;
  }

  private reviewFused(id: string, input: ReviewInput): ReviewView | null {
    const row = this.stmt<{ record: string; machine_record: string | null; review_target: string | null }>(
      'SELECT r.record, r.machine_record, f.review_target FROM fused_events f JOIN fused_records r ON r.id = f.id WHERE f.id = ?',
    ).get(id);
    if (!row) return null;
    const target = row.review_target ?? id;
    const plan = planReview({
      target,
      stored: parseStoredJson<EventRecord>(row.record),
      machineRecord: row.machine_record ? parseStoredJson<EventRecord>(row.machine_record) : null,
      previous: this.reviewStates([target]).get(target) ?? null,
      input,
      at: new Date().toISOString(),
    });
    this.saveDecision(plan);
    if (input.action === 'correct' || input.action === 'reopen') {
      // Fusion lays the decision over the machine's merge again (saveClusters), range included.
      this.releaseClusterOf(id.slice('fe-'.length));
    } else {
      this.stmt('UPDATE fused_events SET review_status = ?, review_target = ? WHERE id = ?').run(
        statusColumn(plan.state),
        target,
        id,
      );
    }
    return plan.view;
  }

  /** Writes a decision and its line of the audit trail. */
  private saveDecision(plan: PlannedReview): void {
    const { state, entry } = plan;
    this.stmt('INSERT OR REPLACE INTO reviews (target, status, changes, note, at) VALUES (?, ?, ?, ?, ?)').run(
      entry.target,
      state.status,
      JSON.stringify(state.changes),
      state.note,
      state.at,
    );
    this.stmt(
      'INSERT INTO review_log (target, action, status, changes, before, note, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      entry.target,
      entry.action,
      entry.status,
      JSON.stringify(entry.changes),
      JSON.stringify(entry.before),
      entry.note,
      entry.at,
    );
  }

  reviewHistory(id: string): Promise<ReviewEntry[]> {
    return this.exclusive(() => {
      let targets = [id];
      if (isFusedId(id)) {
        // Every anchor among the cluster's members (one, unless reviewed clusters merged).
        const members = this.stmt<string>('SELECT event_id FROM event_clusters WHERE cluster_id = ?')
          .pluck(true)
          .all(id);
        targets = [...new Set([id, ...members.map(fusedReviewTarget)])];
      }
      return this.stmt<ReviewLogRow>(
        `SELECT * FROM review_log WHERE target IN (${targets.map(() => '?').join(',')}) ORDER BY seq`,
      )
        .all(...targets)
        .map(toReviewEntry);
    });
  }

  /** Drops the fused event holding this event and queues its members for fusion. */
  private releaseClusterOf(eventId: string): void {
    const cluster = `SELECT cluster_id FROM event_clusters WHERE event_id = ?`;
    this.stmt(
      `INSERT OR IGNORE INTO fusion_queue (event_id) SELECT event_id FROM event_clusters WHERE cluster_id IN (${cluster})`,
    ).run(eventId);
    this.stmt(`DELETE FROM fused_events WHERE id IN (${cluster})`).run(eventId);
    this.stmt(`DELETE FROM event_clusters WHERE cluster_id IN (${cluster})`).run(eventId);
  }

  /** Keeps the filter text of the event's actors and place in the lookup tables. */
  private rememberNames(e: EventRecord): void {
    const actor = this.stmt('INSERT OR IGNORE INTO actor_names (actor_id, text) VALUES (?, ?)');
    for (const a of [e.actor1, ...e.assoc_actor_1, e.actor2, ...e.assoc_actor_2])
      if (a) actor.run(a.id, actorNameText(a));
    if (e.location)
      this.stmt('INSERT OR IGNORE INTO place_names (place_id, text) VALUES (?, ?)').run(
        e.location.id,
        placeNameText(e.location),
      );
  }

  private fillNameTables(): void {
    this.db.transaction(() => {
      for (const row of this.stmt<{ record: string }>('SELECT record FROM events').all()) {
        this.rememberNames(parseStoredJson<EventRecord>(row.record));
      }
    })();
  }

  /**
   * Drops the fused events resting on the article's events and queues their other members:
   * called before those events are deleted.
   */
  private releaseClusters(articleId: string): void {
    const affected = `SELECT c.cluster_id FROM event_clusters c JOIN events e ON e.id = c.event_id WHERE e.article_id = ?`;
    this.stmt(
      `INSERT OR IGNORE INTO fusion_queue (event_id) SELECT event_id FROM event_clusters WHERE cluster_id IN (${affected})`,
    ).run(articleId);
    this.stmt(`DELETE FROM fused_events WHERE id IN (${affected})`).run(articleId);
    this.stmt(`DELETE FROM event_clusters WHERE cluster_id IN (${affected})`).run(articleId);
  }

  deleteArticle(id: string): Promise<boolean> {
    return this.transaction(() => {
      const row = this.statements.seqById.get(id);
      if (!row) return false;
      this.releaseClusters(id);
      this.stmt('DELETE FROM articles_fts WHERE rowid = ?').run(row.seq);
      this.stmt('DELETE FROM articles WHERE id = ?').run(id);
      return true;
    });
  }

  fusionQueue(): Promise<string[]> {
    return this.exclusive(() =>
      this.stmt<{ event_id: string }>('SELECT event_id FROM fusion_queue ORDER BY event_id')
        .all()
        .map((r) => r.event_id),
    );
  }

  queueAllForFusion(): Promise<number> {
    return this.exclusive(() => {
      this.stmt('INSERT OR IGNORE INTO fusion_queue (event_id) SELECT id FROM events').run();
      return this.countOf('SELECT count(*) FROM fusion_queue');
    });
  }

  fusionFacts(ids: string[]): Promise<FusionFacts[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.exclusive(() =>
      this.stmt<FactsRow>(`${FACTS_SELECT} WHERE e.id IN (${ids.map(() => '?').join(',')}) ORDER BY e.id`)
        .all(...ids)
        .map(toFacts),
    );
  }

  fusionCandidates(window: FusionWindow): Promise<LabelledFacts[]> {
    const params: unknown[] = [...window.types, window.since, window.until];
    let sql = `${FACTS_SELECT} WHERE e.event_type IN (${window.types.map(() => '?').join(',')}) AND e.date BETWEEN ? AND ?`;
    if (window.precision !== undefined) {
      sql += ' AND e.time_precision = ?';
      params.push(window.precision);
    }
    const near = window.near;
    if (near) {
      const box = ['e.lat BETWEEN ? AND ?'];
      params.push(near.south, near.north);
      if (near.west !== null && near.east !== null) {
        box.push('e.lon BETWEEN ? AND ?');
        params.push(near.west, near.east);
      }
      let place = `(${box.join(' AND ')})`;
      if (near.admin1 !== null) {
        place += ` OR (e.admin1 = ?${near.imprecise ? '' : ' AND coalesce(e.geo_precision, 1) >= 2'})`;
        params.push(near.admin1);
      }
      sql += ` AND e.lat IS NOT NULL AND e.lon IS NOT NULL AND (${place})`;
    }
    return this.exclusive(() =>
      this.stmt<FactsRow>(`${sql} ORDER BY e.id`)
        .all(...params)
        .map(toLabelledFacts),
    );
  }

  componentFacts(component: string): Promise<LabelledFacts[]> {
    return this.exclusive(() =>
      this.stmt<FactsRow>(
        `${FACTS_SELECT} WHERE e.id IN (SELECT event_id FROM fusion_components WHERE component = ?) ORDER BY e.id`,
      )
        .all(component)
        .map(toLabelledFacts),
    );
  }

  saveComponents(entries: { eventId: string; component: string }[]): Promise<void> {
    return this.transaction(() => {
      const save = this.stmt('INSERT OR REPLACE INTO fusion_components (event_id, component) VALUES (?, ?)');
      for (const e of entries) save.run(e.eventId, e.component);
    });
  }

  clusterMembership(eventIds: string[]): Promise<ClusterMembership[]> {
    return this.exclusive(() => {
      const found: ClusterMembership[] = [];
      // Pages of ids: one bound parameter each.
      for (let i = 0; i < eventIds.length; i += 500) {
        const page = eventIds.slice(i, i + 500);
        found.push(
          ...this.stmt<ClusterMembership>(
            `SELECT event_id AS eventId, cluster_id AS clusterId, position, joined_by AS joinedBy
             FROM event_clusters WHERE event_id IN (${page.map(() => '?').join(',')})`,
          ).all(...page),
        );
      }
      return found;
    });
  }

  saveClusters(eventIds: string[], clusters: FusedCluster[]): Promise<void> {
    return this.transaction(() => {
      const dropFused = this.stmt(
        'DELETE FROM fused_events WHERE id = (SELECT cluster_id FROM event_clusters WHERE event_id = ?)',
      );
      const dropMember = this.stmt('DELETE FROM event_clusters WHERE event_id = ?');
      const dequeue = this.stmt('DELETE FROM fusion_queue WHERE event_id = ?');
      for (const id of eventIds) {
        dropFused.run(id);
        dropMember.run(id);
        dequeue.run(id);
      }
      const insertFused = this.stmt(
        `INSERT INTO fused_events (id, date, fatalities, fatalities_max, event_type, sub_event_type, country, admin1,
           place_id, lat, lon, modality, reports, review_status, review_target)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      // After the members: the sources and outlets are read through them.
      const insertRecord = this.stmt(
        `INSERT INTO fused_records (id, summary, sources, outlets, explanation, machine_record, record)
         VALUES (?, ?, ${fusedSources('?')}, ${fusedOutlets('?')}, ?, ?, ?)`,
      );
      const insertMember = this.stmt(
        'INSERT INTO event_clusters (event_id, cluster_id, position, joined_by) VALUES (?, ?, ?, ?)',
      );
      // The decisions anchored on any member, read at once (a full fusion saves every cluster).
      const decisions = this.reviewStates(clusters.flatMap((c) => c.members.map((m) => fusedReviewTarget(m.eventId))));
      for (const c of clusters) {
        const review = decisions.size
          ? this.clusterReview(
              c.members.map((m) => m.eventId),
              decisions,
            )
          : null;
        const fused = reviewedFused(c, review?.state ?? null);
        const columns = fusedColumns(fused.record);
        insertFused.run(
          c.id,
          fused.record.date,
          fused.range[0],
          fused.range[1],
          columns.event_type,
          columns.sub_event_type,
          columns.country,
          columns.admin1,
          columns.place_id,
          columns.lat,
          columns.lon,
          columns.modality,
          c.members.length,
          statusColumn(review?.state ?? null),
          review?.target ?? null,
        );
        c.members.forEach((m, position) => insertMember.run(m.eventId, c.id, position, m.joinedBy));
        insertRecord.run(
          c.id,
          eventSummaryJson(fused.record),
          c.id,
          c.id,
          JSON.stringify(c.explanation),
          fused.machineRecord ? JSON.stringify(fused.machineRecord) : null,
          JSON.stringify(fused.record),
        );
      }
    });
  }

  listFusedEvents(query: EventQuery): Promise<FusedEvent[]> {
    return this.snapshot(() => this.fusedEventsAt(this.fusedPageRowids(query)));
  }

  fusedPoints(query: EventQuery): Promise<FusedPoint[]> {
    const { where, params } = fusedFilter({ ...query, placed: true });
    return this.exclusive(() =>
      this.stmt<FusedPoint>(
        `SELECT f.id, f.lat, f.lon, f.event_type, f.fatalities, f.date FROM fused_events f ${where}
         ORDER BY f.date DESC, f.id LIMIT ?`,
      ).all(...params, query.limit ?? -1),
    );
  }

  fusedItemPage(query: EventQuery): Promise<FusedPageItem[]> {
    return this.snapshot(() => {
      const page = this.fusedPageRowids(query);
      if (page.length === 0) return [];
      // Unreviewed events, nearly all of a page, are written by the database as the list shows
      // them; a reviewed one's decision and machine original are read and shown in JavaScript.
      const rows = this.stmt<{ rowid: number; id: string; item: Buffer | null }>(
        `SELECT f.rowid, f.id, CASE WHEN f.review_target IS NULL THEN CAST(${FUSED_ITEM_JSON} AS BLOB) END AS item
         FROM json_each(?) page CROSS JOIN fused_events f ON f.rowid = page.value CROSS JOIN fused_records r ON r.id = f.id
         ORDER BY page.key`,
      ).all(JSON.stringify(page));
      const reviewed = this.fusedEventsAt(rows.filter((r) => r.item === null).map((r) => r.rowid));
      const byId = new Map(reviewed.map((f) => [f.id, f]));
      return rows.map((r) => r.item ?? byId.get(r.id)!);
    });
  }

  /** The rowids of one page of fused events, in the query's order, chosen on the indexes. */
  private fusedPageRowids(query: EventQuery): number[] {
    const actor = (query.sort ?? 'date') === 'date' ? this.oneActorOf(query) : null;
    if (actor !== null) {
      // One actor, newest first: its fused events are read in order off their actors' index.
      const { where, params } = fusedFilter(query, {
        page: true,
        membersInOrder: true,
        actorDriven: true,
        textMatched: this.textMatchedEvents(query.q ? textSearch(query.q) : null),
      });
      return this.stmt<number>(
        `SELECT f.rowid FROM fused_actors fa CROSS JOIN fused_events f ON f.id = fa.fused_id
         ${where} ${where ? 'AND' : 'WHERE'} fa.actor_id = ?
         ORDER BY fa.date DESC, fa.fused_id LIMIT ? OFFSET ?`,
      )
        .pluck(true)
        .all(...params, actor, query.limit ?? -1, query.offset ?? 0);
    }
    const text = query.q ? textSearch(query.q) : null;
    const textMatchedFused = this.textMatchedFused(text);
    const otherMembers = query.actor || query.actorIds?.length || query.source || query.articleId;
    if (textMatchedFused !== undefined && !otherMembers && (query.sort ?? 'date') === 'date')
      return this.keptPage(textMatchedFused, 'fused_events f', fusedFilter({ ...query, q: undefined }), query);
    const matching = this.memberMatches(query);
    if (matching?.count === 0) return [];
    // In order, a page checks about (offset + limit) / share fused events, each by a few look-ups;
    // collecting visits every matching row once. The cheaper is chosen.
    let membersInOrder = false;
    let textPerArticle = false;
    if (matching !== null) {
      const share = matching.count / Math.max(1, matching.of);
      const page = (query.offset ?? 0) + (query.limit ?? Infinity);
      membersInOrder = (3 * page) / share < 2 * matching.count;
      // In order, the members' articles are checked one by one when that costs less than
      // collecting every article the text matches.
      const members = this.eventsCount() / Math.max(1, this.keptCount('fused', 'SELECT count(*) FROM fused_events'));
      textPerArticle =
        membersInOrder && text !== null && (page / share) * members * text.storedCost < this.textMatches(text);
    }
    const { where, params } = fusedFilter(query, {
      page: true,
      membersInOrder,
      textPerArticle,
      textMatched: this.textMatchedEvents(text),
      textMatchedFused,
    });
    const order =
      query.sort === 'date-asc'
        ? 'f.date IS NULL, f.date ASC, f.id'
        : query.sort === 'fatalities'
          ? 'f.fatalities DESC, f.date DESC, f.id'
          : query.sort === 'reports'
            ? 'f.reports DESC, f.date DESC, f.id'
            : 'f.date DESC, f.id';
    const offset = query.offset ?? 0;
    if (order === 'f.date DESC, f.id' && query.limit !== undefined && offset >= PAGE_ANCHOR_EVERY) {
      const fromAnchor = this.fusedPageFromAnchor(where, params, offset, query.limit);
      if (fromAnchor) return fromAnchor;
    }
    return this.stmt<number>(`SELECT f.rowid FROM fused_events f ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck(true)
      .all(...params, query.limit ?? -1, offset);
  }

  /**
   * A newest-first page of a text's kept rows (`rows`: the table and its alias, whose rowids `kept`
   * lists newest first), the query's other filters (`others`) checked on chunks of them.
   */
  private keptPage(
    kept: string,
    rows: 'events e' | 'fused_events f',
    others: { where: string; params: unknown[] },
    query: EventQuery,
  ): number[] {
    const alias = rows.slice(-1);
    const passing = this.stmt<number>(
      `SELECT ${alias}.rowid FROM json_each(?) m CROSS JOIN ${rows} ON ${alias}.rowid = m.value ${others.where}`,
    ).pluck(true);
    return pageOfKept(kept, (chunk) => passing.all(chunk, ...others.params), query.offset ?? 0, query.limit);
  }

  /**
   * A deep page, newest first, read from the kept anchor before it: the date and id of the fused
   * event at the last multiple of PAGE_ANCHOR_EVERY, found once (by skipping that many rows) and
   * kept until the store changes, so the next page of a deep walk, or the same page asked again,
   * skips at most PAGE_ANCHOR_EVERY rows instead of all of them. Null where the plain query must
   * answer: past the end, an undated anchor, or a page that reaches the undated events.
   */
  private fusedPageFromAnchor(where: string, params: unknown[], offset: number, limit: number): number[] | null {
    const at = offset - (offset % PAGE_ANCHOR_EVERY);
    const anchors = this.estimatesNow().anchors;
    const anchor = keptIn(anchors, JSON.stringify([where, params, at]), () => {
      const row = this.stmt<{ date: string | null; id: string }>(
        `SELECT f.date, f.id FROM fused_events f ${where} ORDER BY f.date DESC, f.id LIMIT 1 OFFSET ?`,
      ).get(...params, at);
      return row ?? null;
    });
    if (anchor === null || anchor.date === null) return null;
    // From the anchor on in (date DESC, id) order: its date and earlier, less its date's smaller ids.
    const page = this.stmt<number>(
      `SELECT f.rowid FROM fused_events f ${where} ${where ? 'AND' : 'WHERE'} f.date <= ? AND NOT (f.date = ? AND f.id < ?)
       ORDER BY f.date DESC, f.id LIMIT ? OFFSET ?`,
    )
      .pluck(true)
      .all(...params, anchor.date, anchor.date, anchor.id, limit, offset - at);
    return page.length === limit ? page : null;
  }

  /** The fused events of these rowids, in their order: the wide columns are read for them only. */
  private fusedEventsAt(page: number[]): FusedEvent[] {
    if (page.length === 0) return [];
    const pageJson = JSON.stringify(page);
    const rows = this.stmt<FusedRow>(
      `SELECT f.id, r.record, f.fatalities, f.fatalities_max, r.explanation, f.review_target, r.machine_record, r.outlets
       FROM json_each(?) page CROSS JOIN fused_events f ON f.rowid = page.value CROSS JOIN fused_records r ON r.id = f.id
       ORDER BY page.key`,
    ).all(pageJson);
    const members = new Map<string, FusedEvent['members']>(rows.map((r) => [r.id, []]));
    const memberRows = this.stmt<MemberRow>(
      `SELECT c.cluster_id, c.event_id, a.id AS article_id, a.title, a.published, ${FIRST_SOURCE} AS source, ${FIRST_URL} AS url
       FROM json_each(?) page CROSS JOIN fused_events f ON f.rowid = page.value
       CROSS JOIN event_clusters c ON c.cluster_id = f.id CROSS JOIN events e ON e.id = c.event_id
       CROSS JOIN articles a ON a.id = e.article_id
       ORDER BY c.cluster_id, c.position`,
    ).all(pageJson);
    for (const m of memberRows) members.get(m.cluster_id)!.push(toMember(m));
    const decisions = this.reviewStates(rows.flatMap((r) => (r.review_target ? [r.review_target] : [])));
    return rows.map((r) => {
      const state = r.review_target ? (decisions.get(r.review_target) ?? null) : null;
      const machine = r.machine_record ? parseStoredJson<EventRecord>(r.machine_record) : null;
      return toFusedEvent(r, members.get(r.id)!, state ? reviewView(state, machine) : null);
    });
  }

  countFusedEvents(query: EventQuery = {}): Promise<number> {
    if (talliesAnswer(query)) return this.exclusive(() => tallyTotal(this.tallied('fused', query, false).totals));
    const { where, params } = fusedFilter(query);
    return this.exclusive(() => this.countOf(`SELECT count(*) FROM fused_events f ${where}`, ...params));
  }

  countFusedEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal> {
    if (!matchesReadOneByOne(query)) return this.countFusedEvents(query).then((total) => ({ total, capped: false }));
    // A page of cap + 1, read as a page is (in order, or collected when the matches are few).
    const { limit: _limit, offset: _offset, sort: _sort, ...filters } = query;
    return this.snapshot(() => listTotal(this.fusedPageRowids({ ...filters, limit: cap + 1 }).length, cap));
  }

  fusedEventStats(query: EventQuery, interval: TrendInterval): Promise<FusedEventStats> {
    // The actors' and outlets' tallies are not kept by place (the trends of unplaced events are read from them).
    if (talliesAnswer(query) && query.placed === undefined)
      return this.snapshot(() => {
        const { totals, series, sides } = this.tallied('fused', query, true);
        return fusedStatsOf(partsFromTallies(totals, series, sides, interval));
      });
    const { where, params } = fusedFilter(query);
    return this.snapshot(() => {
      const rows = this.db
        .prepare<unknown[], FusedStatsRow>(
          `SELECT f.id, f.date, f.fatalities, f.event_type, f.country, f.admin1, f.lat,
             json_extract(r.summary, '$.actor1') AS actor1, json_extract(r.summary, '$.actor2') AS actor2,
             json_extract(r.summary, '$.assoc_actor_1') AS assoc_actor_1, json_extract(r.summary, '$.assoc_actor_2') AS assoc_actor_2
           FROM fused_events f CROSS JOIN fused_records r ON r.id = f.id ${where}`,
        )
        .all(...params);
      // The outlets as the fused event's sources show them, as the tallies keep them.
      const outlets = this.db
        .prepare<unknown[], FusedOutletRow>(
          `SELECT DISTINCT c.cluster_id AS id, shown_text(a.first_source) AS outlet
           FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id CROSS JOIN articles a ON a.id = e.article_id
           WHERE a.first_source IS NOT NULL AND c.cluster_id IN (SELECT f.id FROM fused_events f ${where})`,
        )
        .all(...params);
      return fusedStatsOf(partsFromEvents(rows, outlets, interval));
    });
  }

  async getFusedEvent(id: string): Promise<FusedEvent | null> {
    const cluster = await this.exclusive(
      () =>
        this.stmt<{ cluster_id: string }>('SELECT cluster_id FROM event_clusters WHERE event_id = ?').get(id)
          ?.cluster_id,
    );
    const rows = await this.listFusedEvents({ ids: [cluster ?? id], includeDismissed: true });
    return rows[0] ?? null;
  }

  listEvents(query: EventQuery): Promise<StoredEvent[]> {
    return this.snapshot(() => this.listEventsNow(query));
  }

  private listEventsNow(query: EventQuery): StoredEvent[] {
    return this.pageOfEvents<EventRow>(query, EVENT_WITH_ARTICLE).map(toStoredEvent);
  }

  eventSummaryPage(query: EventQuery): Promise<Uint8Array> {
    return this.snapshot(() => {
      const page = this.pageRowids(query);
      // A text cast to BLOB is its bytes in the database's encoding, UTF-8 here (the default):
      // the page crosses into JavaScript as one buffer, never decoded into strings and encoded
      // again for the socket. (group_concat's ORDER BY needs SQLite 3.44; better-sqlite3 bundles it.)
      // An aggregate with no GROUP BY gives exactly one row.
      return this.stmt<Buffer>(
        `SELECT CAST('[' || coalesce(group_concat(${EVENT_SUMMARY_JSON}, ',' ORDER BY page.key), '') || ']' AS BLOB) ${PAGE_ROWS}`,
      )
        .pluck(true)
        .get(JSON.stringify(page))!;
    });
  }

  /** One page of events in the query's order, with `columns` read for those rows only. */
  private pageOfEvents<Row>(query: EventQuery, columns: string): Row[] {
    const page = this.pageRowids(query);
    if (page.length === 0) return [];
    return this.stmt<Row>(`SELECT ${columns} ${PAGE_ROWS} ORDER BY page.key`).all(JSON.stringify(page));
  }

  /**
   * The rowids of one page of events, in the query's order. The page is chosen on the indexes
   * first; the wide columns are then read for its rows only, never sorted with all their text.
   */
  private pageRowids(query: EventQuery): number[] {
    const plan = {
      ...this.pagePlan(query),
      textMatched: this.textMatchedEvents(query.q ? textSearch(query.q) : null),
    };
    if (plan.textMatched !== undefined && !plan.actorDriven && (query.sort ?? 'date') === 'date')
      return this.keptPage(plan.textMatched, 'events e', eventFilter({ ...query, q: undefined }), query);
    const { where, params } = eventFilter(query, plan);
    if (plan.actorInOrder !== undefined) {
      // Each event once, under its actor's first role.
      return this.stmt<number>(
        `SELECT e.rowid FROM event_actors ea CROSS JOIN events e ON e.id = ea.event_id
         ${where} ${where ? 'AND' : 'WHERE'} ea.actor_id = ?
           AND NOT EXISTS (SELECT 1 FROM event_actors r WHERE r.actor_id = ea.actor_id AND r.event_id = ea.event_id AND r.role < ea.role)
         ORDER BY ea.date DESC, ea.event_id LIMIT ? OFFSET ?`,
      )
        .pluck(true)
        .all(...params, plan.actorInOrder, query.limit ?? -1, query.offset ?? 0);
    }
    const actors = plan.actorDriven ? actorIdsOf(query) : null;
    const from = actors
      ? `(SELECT DISTINCT event_id FROM event_actors WHERE actor_id IN (${actors.sql})) m CROSS JOIN events e ON e.id = m.event_id`
      : 'events e';
    // NULL sorts lowest in SQLite, so undated events come last in DESC order without an
    // `IS NULL` term, and the date index can serve the default order.
    const order =
      query.sort === 'date-asc'
        ? 'e.date IS NULL, e.date ASC, e.id'
        : query.sort === 'fatalities'
          ? 'e.fatalities DESC, e.date DESC, e.id'
          : 'e.date DESC, e.id';
    return this.stmt<number>(`SELECT e.rowid FROM ${from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .pluck(true)
      .all(...(actors?.params ?? []), ...params, query.limit ?? -1, query.offset ?? 0);
  }

  /**
   * How a page reads its events. Whether it checks the article filters (source, text) while
   * reading events in order: read in order, a page visits about (offset + limit) / share events,
   * where share is the fraction of articles the filters keep; through the articles' index, it
   * visits and sorts share × events of them. The share is estimated from the origins and the
   * text index. In order, a text is checked article by article (TextSearch.stored) when that
   * costs less than collecting every match.
   */
  private pagePlan(query: EventQuery): FilterPlan {
    const actors = actorIdsOf(query);
    const actor = (query.sort ?? 'date') === 'date' ? this.oneActorOf(query) : null;
    if (actor !== null) return { paged: true, actorDriven: true, actorInOrder: actor, articlesInOrder: true };
    if (actors) {
      // In order, a page visits about page / share events; from the actors' events, it sorts them all.
      const events = this.eventsCount();
      const page = (query.offset ?? 0) + (query.limit ?? events);
      const matches = this.actorEvents(actors);
      if (matches * matches < page * events) return { paged: true, actorDriven: true, articlesInOrder: true };
    }
    const text = query.q ? textSearch(query.q) : null;
    // No index gives the oldest-first order (undated last): read in order would mean every event.
    if ((!query.source && !text) || query.sort === 'date-asc') return { paged: true };
    const events = this.eventsCount();
    const share = this.articleShare(query.source, text);
    const page = (query.offset ?? 0) + (query.limit ?? events);
    if (share ** 2 * events <= page) return { paged: true };
    const visits = page / Math.max(share, 1e-9);
    const matches = text ? this.textMatches(text) : 0;
    return { paged: true, articlesInOrder: true, textPerArticle: text !== null && visits * text.storedCost < matches };
  }

  /** The actor's id when the query's actor filter names exactly one; null otherwise. */
  private oneActorOf(query: EventQuery): string | null {
    const actors = actorIdsOf(query);
    if (!actors) return null;
    const ids = new Set(
      this.stmt<string>(`SELECT * FROM (${actors.sql})`)
        .pluck(true)
        .all(...actors.params),
    );
    return ids.size === 1 ? [...ids][0] : null;
  }

  /** Estimates, kept while the store is unchanged: a client pages through one filter many times. */
  private shareEstimates = emptyEstimates('');

  /** How many events are stored, kept while the store is unchanged. */
  private eventsCount(): number {
    return this.keptCount('events', 'SELECT count(*) FROM events');
  }

  /** How many articles are stored, kept while the store is unchanged. */
  private articlesCount(): number {
    return this.keptCount('articles', 'SELECT count(*) FROM articles');
  }

  private keptCount(key: string, sql: string, ...params: unknown[]): number {
    return this.kept(key, () => this.countOf(sql, ...params));
  }

  /** A figure the planner uses, kept under `key` until the store changes (at most 500 at once). */
  private kept(key: string, compute: () => number): number {
    return keptIn(this.estimatesNow().byFilter, key, compute);
  }

  /** The estimates kept, emptied when the store has changed. */
  private estimatesNow(): SqliteRepository['shareEstimates'] {
    const mark = this.changeMarkNow();
    if (mark !== this.shareEstimates.mark) this.shareEstimates = emptyEstimates(mark);
    return this.shareEstimates;
  }

  /**
   * About how many rows match a fused query's member filters (actor, outlet, text, article), of
   * how many: member events of all events, or with an actor alone, the actors' fused events
   * (their rows in fused_actors) of all fused events. Outlet and text filters are estimated
   * (articleShare), the others counted; 0 only when none match. Null without such filters.
   */
  private memberMatches(query: EventQuery): { count: number; of: number } | null {
    const { actor, actorIds, source, q, articleId } = query;
    const actors = actorIdsOf(query);
    const text = q ? textSearch(q) : null;
    if (articleId) {
      const { where, params } = eventFilter({ actor, actorIds, source, q, articleId, includeDismissed: true });
      return { count: this.countOf(`SELECT count(*) FROM events e ${where}`, ...params), of: this.eventsCount() };
    }
    if (actors && !source && !text)
      return {
        count: this.keptCount(
          JSON.stringify(['fused actors', actors]),
          `SELECT count(*) FROM fused_actors WHERE actor_id IN (${actors.sql})`,
          ...actors.params,
        ),
        of: this.keptCount('fused', 'SELECT count(*) FROM fused_events'),
      };
    if (!source && !text) return null;
    const events = actors ? this.actorEvents(actors) : this.eventsCount();
    return { count: this.articleShare(source, text) * events, of: this.eventsCount() };
  }

  /** How many events (counted once per role) the actors have, kept while the store is unchanged. */
  private actorEvents(actors: { sql: string; params: unknown[] }): number {
    return this.keptCount(
      JSON.stringify(['actors', actors]),
      `SELECT count(*) FROM event_actors WHERE actor_id IN (${actors.sql})`,
      ...actors.params,
    );
  }

  /** The share of articles the outlet and text filters keep, estimated (sampledRows). */
  private articleShare(sourceFilter: string | undefined, text: TextSearch | null): number {
    let share = 1;
    if (sourceFilter) {
      const source = sourceMatch(sourceFilter);
      const rowids = `SELECT rowid FROM article_origins o WHERE ${source.clause}`;
      const origins = this.sampledRows('article_origins', rowids, source.params).count;
      share *= origins / Math.max(1, this.keptCount('origins', 'SELECT count(*) FROM article_origins'));
    }
    if (text) share *= this.textMatches(text) / Math.max(1, this.articlesCount());
    return share;
  }

  /** About how many articles the text matches (sampledRows). */
  private textMatches(text: TextSearch): number {
    return this.sampledRows('articles', text.rowids, text.params).count;
  }

  /**
   * The seqs of the articles the text matches, as a JSON array, when they are few (under
   * ESTIMATE_SAMPLE, read by sampledRows and kept with its estimate): a page collects them from
   * there instead of searching the index again (a rare word's page is then half as costly).
   */
  private textMatched(text: TextSearch | null): string | undefined {
    return text ? (this.sampledRows('articles', text.rowids, text.params).all ?? undefined) : undefined;
  }

  /**
   * The rowids of the events of the articles a text matches, as a JSON array, when those articles
   * are kept (textMatched): a rare word's pages and totals then read its events by rowid instead
   * of going from each article's seq to its id and its events on every request.
   */
  private textMatchedEvents(text: TextSearch | null): string | undefined {
    const seqs = this.textMatched(text);
    if (!text || seqs === undefined) return undefined;
    return this.keptRowids(
      'events',
      text,
      `SELECT e.rowid FROM json_each(?) m CROSS JOIN articles a ON a.seq = m.value CROSS JOIN events e ON e.article_id = a.id
       ORDER BY e.date DESC, e.id`,
      seqs,
    );
  }

  /** The rowids of the fused events with a member among textMatchedEvents, as a JSON array, likewise. */
  private textMatchedFused(text: TextSearch | null): string | undefined {
    const events = this.textMatchedEvents(text);
    if (!text || events === undefined) return undefined;
    return this.keptRowids(
      'fused',
      text,
      `SELECT f.rowid FROM fused_events f WHERE f.rowid IN (SELECT g.rowid FROM json_each(?) m
         CROSS JOIN events e ON e.rowid = m.value CROSS JOIN event_clusters c ON c.event_id = e.id
         CROSS JOIN fused_events g ON g.id = c.cluster_id)
       ORDER BY f.date DESC, f.id`,
      events,
    );
  }

  /** The rowids `sql` gives for a JSON array of rowids, as a JSON array, kept for the text until the store changes. */
  private keptRowids(kind: 'events' | 'fused', text: TextSearch, sql: string, from: string): string {
    return keptIn(this.estimatesNow().matchedRows, JSON.stringify([kind, text.rowids, text.params]), () =>
      JSON.stringify(this.stmt<number>(sql).pluck(true).all(from)),
    );
  }

  /**
   * About how many rows of `table` a query of their rowids gives, kept while the store is
   * unchanged: counted when there are few (`all`: their rowids, as a JSON array); otherwise the
   * first ESTIMATE_SAMPLE, in rowid order, tell how far into the table as many reach (counting
   * every match of a word most articles hold reads the whole text index: a second, and a minute
   * on a cold cache).
   */
  private sampledRows(table: 'articles' | 'article_origins', rowids: string, params: unknown[]): SampledRows {
    return keptIn(this.estimatesNow().samples, JSON.stringify([table, rowids, params]), () => {
      const first = this.stmt<number>(`${rowids} ORDER BY rowid LIMIT ${ESTIMATE_SAMPLE}`)
        .pluck(true)
        .all(...params);
      if (first.length < ESTIMATE_SAMPLE) return { count: first.length, all: JSON.stringify(first) };
      // Each bound off the table's b-tree (min and max in one SELECT would scan it).
      const { low, high } = this.stmt<{ low: number; high: number }>(
        `SELECT (SELECT min(rowid) FROM ${table}) AS low, (SELECT max(rowid) FROM ${table}) AS high`,
      ).get()!;
      return {
        count: Math.round((first.length * (high - low + 1)) / (first[first.length - 1] - low + 1)),
        all: null,
      };
    });
  }

  /** The single number a `SELECT count(*) …` gives. */
  private countOf(sql: string, ...params: unknown[]): number {
    return this.stmt<number>(sql)
      .pluck(true)
      .get(...params)!;
  }

  changeMark(): Promise<string | null> {
    return this.exclusive(() => this.changeMarkNow());
  }

  /** data_version moves with other connections' commits, total_changes() with this one's writes. */
  private changeMarkNow(): string {
    const dataVersion = Number(this.db.pragma('data_version', { simple: true }));
    const totalChanges = this.stmt<number>('SELECT total_changes()').pluck(true).get()!;
    return `${dataVersion}:${totalChanges}`;
  }

  countEvents(query: EventQuery = {}): Promise<number> {
    if (talliesAnswer(query)) return this.exclusive(() => tallyTotal(this.tallied('event', query, false).totals));
    const { where, params } = eventFilter(query);
    return this.exclusive(() => this.countOf(`SELECT count(*) FROM events e ${where}`, ...params));
  }

  countEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal> {
    if (!matchesReadOneByOne(query)) return this.countEvents(query).then((total) => ({ total, capped: false }));
    // A page of cap + 1, read as a page is (in order, or collected when the matches are few).
    const { limit: _limit, offset: _offset, sort: _sort, ...filters } = query;
    return this.snapshot(() => listTotal(this.pageRowids({ ...filters, limit: cap + 1 }).length, cap));
  }

  /**
   * What the tallies (src/store/tallies.ts) hold for a query they answer: `totals`, a row per
   * type, area, status and placement (the totals over all days, or the dated tallies summed over
   * the query's days), and on demand `series`, a row per day and type.
   */
  private tallied(kind: 'event' | 'fused', query: EventQuery, withSeries: boolean) {
    const params: unknown[] = [];
    const where = tallyWhere(query, (value) => {
      params.push(value);
      return '?';
    });
    const dated = Boolean(query.since || query.until);
    const totals = this.stmt<TallyRow>(
      `SELECT '' AS day, event_type, country, admin1, review_status, placed, sum(events) AS events, sum(fatalities) AS fatalities
       FROM ${kind}_${dated ? 'tallies' : 'totals'} ${where} GROUP BY event_type, country, admin1, review_status, placed`,
    ).all(...params);
    const series = withSeries
      ? this.stmt<TallyRow>(
          `SELECT day, event_type, '' AS country, '' AS admin1, '' AS review_status, 1 AS placed,
             sum(events) AS events, sum(fatalities) AS fatalities
           FROM ${kind}_tallies ${where} ${where ? 'AND' : 'WHERE'} day <> '' GROUP BY day, event_type`,
        ).all(...params)
      : [];
    const sides =
      kind === 'fused' && withSeries
        ? this.stmt<SideTallyRow>(
            `SELECT side, id, max(label) AS label, sum(events) AS events, sum(fatalities) AS fatalities
             FROM fused_side_${dated ? 'tallies' : 'totals'} ${where} GROUP BY side, id`,
          ).all(...params)
        : [];
    return { totals, series, sides };
  }

  async getEvent(id: string): Promise<StoredEvent | null> {
    const [event] = await this.listEvents({ ids: [id], includeDismissed: true });
    if (!event) return null;
    return this.exclusive(() => {
      const state = this.reviewStates([id]).get(id) ?? null;
      const machine = this.stmt<string | null>('SELECT machine_record FROM events WHERE id = ?').pluck(true).get(id);
      // Unreviewed: as listEvents gives it.
      if (!state) return event;
      return { ...event, review: reviewView(state, machine ? parseStoredJson<EventRecord>(machine) : null) };
    });
  }

  eventStats(query: EventQuery = {}): Promise<EventStats> {
    return this.snapshot(() => this.eventStatsNow(query));
  }

  private eventStatsNow(query: EventQuery): EventStats {
    if (talliesAnswer(query)) {
      const { totals, series } = this.tallied('event', query, true);
      return eventStatsFromTallies([...totals, ...series.map((row) => ({ ...row, event_type: '' }))]);
    }
    const { where, params } = eventFilter(query);
    const group = <Row>(column: string, key: string) =>
      this.db
        .prepare<unknown[], Row>(
          `SELECT ${column} AS ${key}, count(*) AS count, sum(fatalities) AS fatalities FROM events e ${where}
           ${where ? 'AND' : 'WHERE'} ${column} IS NOT NULL GROUP BY ${column} ORDER BY ${column}`,
        )
        .all(...params);
    return {
      byDay: group<EventStats['byDay'][number]>('e.date', 'date'),
      byType: group<EventStats['byType'][number]>('e.event_type', 'event_type'),
      byAdmin1: group<EventStats['byAdmin1'][number]>('e.admin1', 'admin1'),
    };
  }

  enqueueWork(kind: WorkKind, payloads: string[]): Promise<number[]> {
    return this.transaction(() => {
      const insert = this.db.prepare<[string, string, string], { id: number }>(
        'INSERT INTO work_items (kind, payload, created_at) VALUES (?, ?, ?) RETURNING id',
      );
      const now = new Date().toISOString();
      return payloads.map((payload) => insert.get(kind, payload, now)!.id);
    });
  }

  claimWork(worker: string, leaseSeconds: number): Promise<WorkItem | null> {
    return this.transaction(() => {
      const now = new Date();
      const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
      const row = this.db
        .prepare<[string, string, string], WorkItem>(
          `UPDATE work_items SET status = 'claimed', worker = ?, claimed_until = ?, attempts = attempts + 1
           WHERE id = (SELECT id FROM work_items
                       WHERE status = 'pending' OR (status = 'claimed' AND claimed_until < ?) ORDER BY id LIMIT 1)
           RETURNING id, kind, payload, attempts`,
        )
        .get(worker, until, now.toISOString());
      return row ?? null;
    });
  }

  finishWork(id: number, worker: string, outcome: { result: string } | { error: string }): Promise<boolean> {
    return this.transaction(() => {
      const failed = 'error' in outcome;
      const changes = this.db
        .prepare(
          `UPDATE work_items SET status = ?, payload = '', finished_at = ?, result = ?, error = ?, claimed_until = NULL
           WHERE id = ? AND status = 'claimed' AND worker = ?`,
        )
        .run(
          failed ? 'failed' : 'done',
          new Date().toISOString(),
          failed ? null : outcome.result,
          failed ? outcome.error : null,
          id,
          worker,
        ).changes;
      return changes === 1;
    });
  }

  workCounts(): Promise<WorkCounts> {
    return this.exclusive(() => {
      const counts: WorkCounts = { pending: 0, claimed: 0, done: 0, failed: 0 };
      const rows = this.stmt<{ status: keyof WorkCounts; n: number }>(
        'SELECT status, count(*) AS n FROM work_items GROUP BY status',
      ).all();
      for (const row of rows) counts[row.status] = row.n;
      return counts;
    });
  }

  claimFeed(url: string, worker: string, leaseSeconds: number): Promise<boolean> {
    return this.transaction(() => {
      const now = new Date();
      const until = new Date(now.getTime() + leaseSeconds * 1000).toISOString();
      const changes = this.db
        .prepare(
          `INSERT INTO feed_leases (url, worker, until) VALUES (?, ?, ?)
           ON CONFLICT (url) DO UPDATE SET worker = excluded.worker, until = excluded.until
           WHERE feed_leases.until < ? OR feed_leases.worker = excluded.worker`,
        )
        .run(url, worker, until, now.toISOString()).changes;
      return changes === 1;
    });
  }

  getFeedState(url: string): Promise<FeedState | null> {
    return this.exclusive(() => {
      const row = this.stmt<FeedStateRow>('SELECT * FROM feed_state WHERE url = ?').get(url);
      if (!row) return null;
      return {
        url: row.url,
        etag: row.etag,
        lastModified: row.last_modified,
        seenKeys: parseStoredJson<string[]>(row.seen_keys),
        checkedAt: row.checked_at,
        lastError: row.last_error,
      };
    });
  }

  saveFeedState(state: FeedState): Promise<void> {
    return this.exclusive(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO feed_state (url, etag, last_modified, seen_keys, checked_at, last_error)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          state.url,
          state.etag,
          state.lastModified,
          JSON.stringify(state.seenKeys),
          state.checkedAt,
          state.lastError,
        );
    });
  }

  /** Closes once every queued call has run. */
  close(): Promise<void> {
    return this.exclusive(() => {
      try {
        // Statistics for the planner, refreshed (bounded work) where missing or stale. It needs
        // the write lock: skipped, not waited for, while another process writes.
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('analysis_limit = 1000');
        this.db.pragma('optimize = 0x10002');
      } catch (err) {
        if (errorCode(err) !== 'SQLITE_BUSY') throw err;
      } finally {
        this.db.close();
      }
    }).then(() => undefined);
  }
}

interface FeedStateRow {
  url: string;
  etag: string | null;
  last_modified: string | null;
  seen_keys: string;
  checked_at: string | null;
  last_error: string | null;
}

const FIRST_SOURCE = 'a.first_source';
const FIRST_URL = 'a.first_url';
/** The events of a page given as a JSON array of rowids (`page.key` is each one's position), with their articles. */
const PAGE_ROWS =
  'FROM json_each(?) page CROSS JOIN events e ON e.rowid = page.value CROSS JOIN articles a ON a.id = e.article_id';
const EVENT_WITH_ARTICLE = `e.record, a.id AS article_id, a.title, a.published, ${FIRST_SOURCE} AS source, ${FIRST_URL} AS url`;
/**
 * The members' articles of the fused event with id `cluster` as the list shows them
 * (server/fused-views.ts): titles, outlets and URLs as the views show them (shown_text, shown_url).
 * Stored in fused_records.sources when fused, rewritten when an article gains an origin or a date.
 */
const fusedSources = (
  cluster: string,
) => `(SELECT json_group_array(json_object('articleId', a.id, 'eventId', c.event_id,
    'outlet', shown_text(${FIRST_SOURCE}), 'source', shown_text(${FIRST_SOURCE}), 'title', shown_text(a.title),
    'url', shown_url(${FIRST_URL}), 'published', a.published) ORDER BY c.position)
  FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id CROSS JOIN articles a ON a.id = e.article_id
  WHERE c.cluster_id = ${cluster})`;
/**
 * How many outlets corroborate the fused event with id `cluster`: every origin of every member's
 * article counts, so an article received from two outlets is two. Stored in fused_records.outlets.
 */
const fusedOutlets = (cluster: string) => `(SELECT count(DISTINCT coalesce(o.source_norm, lower(o.source)))
  FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id CROSS JOIN article_origins o ON o.article_id = e.article_id
  WHERE c.cluster_id = ${cluster} AND o.source IS NOT NULL)`;
/**
 * Unreviewed fused event `f` (its record `r`) as the list shows it (server/fused-views.ts's
 * fusedItemView), put together in SQL from what fusion stored: the summary, whose id is the fused
 * event's, with its toll range, sources, reports and corroboration added as keys a record never has.
 */
const FUSED_ITEM_JSON = `substr(r.summary, 1, length(r.summary) - 1)
  || ',"fatalities_range":' || json_array(f.fatalities, f.fatalities_max)
  || ',"sources":' || r.sources || ',"reports":' || f.reports || ',"outlets":' || r.outlets
  || ',"review":null,"review_status":"unreviewed"}'`;
/** The record without its evidence sentences and per-field sources, with its article: built in SQL. */
const EVENT_SUMMARY_JSON = `substr(e.summary, 1, length(e.summary) - 1) || ',"article":' ||
  json_object('id', a.id, 'title', shown_text(a.title), 'published', a.published, 'source', shown_text(${FIRST_SOURCE}),
    'url', shown_url(${FIRST_URL})) || '}'`;

interface EventRow {
  record: string;
  article_id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
}

function toStoredEvent(row: EventRow): StoredEvent {
  const article: ArticleRef = {
    id: row.article_id,
    title: row.title,
    published: row.published,
    source: row.source,
    url: row.url,
  };
  return { record: parseStoredJson<EventRecord>(row.record), article };
}

const FACTS_SELECT = `SELECT e.id, e.article_id, e.event_type, e.sub_event_type, e.date, e.time_precision, e.lat, e.lon, e.geo_precision, e.admin1,
  json_extract(e.record, '$.location.name') AS place,
  (SELECT group_concat(role || ' ' || actor_id, char(10)) FROM event_actors WHERE event_id = e.id) AS actors,
  (SELECT component FROM fusion_components WHERE event_id = e.id) AS component
  FROM events e`;

interface FusedRow {
  id: string;
  record: string;
  fatalities: number;
  fatalities_max: number;
  explanation: string;
  review_target: string | null;
  machine_record: string | null;
  outlets: number;
}

interface ReviewRow {
  target: string;
  status: string;
  changes: string;
  note: string | null;
  at: string;
}

interface ReviewLogRow extends ReviewRow {
  action: string;
  before: string;
}

function toReviewState(r: ReviewRow): ReviewState {
  return {
    status: storedStatus(r.status),
    changes: parseStoredJson<Corrections>(r.changes),
    note: r.note,
    at: r.at,
  };
}

function toReviewEntry(r: ReviewLogRow): ReviewEntry {
  return {
    target: r.target,
    action: storedAction(r.action),
    status: storedStatus(r.status),
    changes: parseStoredJson<Corrections>(r.changes),
    before: parseStoredJson<ReviewEntry['before']>(r.before),
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

function toMember(m: MemberRow): FusedEvent['members'][number] {
  return {
    eventId: m.event_id,
    article: { id: m.article_id, title: m.title, published: m.published, source: m.source, url: m.url },
  };
}

function toFusedEvent(r: FusedRow, members: FusedEvent['members'], review: ReviewView | null): FusedEvent {
  return {
    id: r.id,
    record: parseStoredJson<EventRecord>(r.record),
    members,
    fatalities_range: [r.fatalities, r.fatalities_max],
    explanation: parseStoredJson<string[]>(r.explanation),
    review,
    outlets: r.outlets,
  };
}

/**
 * Fused events matching the query. The event's own facts (type, date, place, toll, review) are
 * read on its row, corrections included; the actor, outlet, text and article filters match
 * when any member matches. `ids` name fused events.
 */
function fusedFilter(
  query: EventQuery,
  how: {
    page: boolean;
    membersInOrder: boolean;
    actorDriven?: boolean;
    textPerArticle?: boolean;
    /** The rowids of the events the text matches (JSON), where the repository keeps them. */
    textMatched?: string;
    /** The rowids of the fused events the text matches (JSON), likewise. */
    textMatchedFused?: string;
  } = { page: false, membersInOrder: false },
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.ids) add(`f.id IN (${query.ids.map(() => '?').join(',')})`, ...query.ids);
  if (query.since) add('f.date >= ?', query.since);
  if (query.until) add('f.date <= ?', query.until);
  if (query.type) add('f.event_type = ?', query.type);
  if (query.sub_type) add('f.sub_event_type = ?', query.sub_type);
  if (query.country) add('f.country = ?', query.country);
  if (query.admin1) add('f.admin1 = ?', query.admin1);
  if (query.modality) add('f.modality = ?', query.modality);
  if (query.fatalitiesMin !== undefined) add('f.fatalities >= ?', query.fatalitiesMin);
  if (query.fatalitiesMax !== undefined) add('f.fatalities <= ?', query.fatalitiesMax);
  const review = reviewClause('f', query);
  // A page reads the status off its order's index: an index on the status would have it sort
  // every match ("unreviewed" is nearly all of them).
  if (review)
    add(how.page ? review.clause.replaceAll('f.review_status', '+f.review_status') : review.clause, ...review.params);
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    add('f.lat BETWEEN ? AND ? AND f.lon BETWEEN ? AND ?', south, north, west, east);
  }
  if (query.placed !== undefined) add(query.placed ? 'f.lat IS NOT NULL' : 'f.lat IS NULL');
  if (query.place) {
    const words = wordsOf(query.place);
    if (words.length)
      add(
        `f.place_id IN (SELECT place_id FROM place_names WHERE ${words.map(() => 'instr(text, ?) > 0').join(' AND ')})`,
        ...words,
      );
  }
  const { actor, actorIds, source, q, articleId } = query;
  // Every member's actors are the fused event's (fused_actors); with an article filter as well,
  // one member must match both, which is checked on the members. `actorDriven`: the page reads
  // the actor's fused events off their index, a join and not a clause.
  const actors = actorIdsOf(query);
  if (actors && !how.actorDriven)
    add(
      how.membersInOrder
        ? `EXISTS (SELECT 1 FROM fused_actors fa WHERE fa.fused_id = f.id AND fa.actor_id IN (${actors.sql}))`
        : `f.id IN (SELECT fused_id FROM fused_actors WHERE actor_id IN (${actors.sql}))`,
      ...actors.params,
    );
  // A text alone among the member filters matches the fused events kept for it, if any.
  const textAlone = q && how.textMatchedFused !== undefined && !actors && !source && !articleId;
  if (textAlone) add('f.rowid IN (SELECT value FROM json_each(?))', how.textMatchedFused);
  const members =
    (source || q || articleId) && !textAlone
      ? eventFilter(
          { actor, actorIds, source, q, articleId, includeDismissed: true },
          {
            paged: how.membersInOrder,
            articlesInOrder: how.membersInOrder,
            textPerArticle: how.textPerArticle,
            textMatched: how.textMatched,
            eventId: 'c.event_id',
          },
        )
      : { where: '', params: [] };
  // A page may check each fused event's members in order (from the cluster to its events); a
  // count collects the matching members once, from the matching articles' events to their
  // clusters (CROSS JOIN fixes that order: clusters first would visit every member of every cluster).
  if (members.where)
    add(
      how.membersInOrder
        ? `EXISTS (SELECT 1 FROM event_clusters c CROSS JOIN events e ON e.id = c.event_id ${members.where} AND c.cluster_id = f.id)`
        : `f.id IN (SELECT c.cluster_id FROM events e CROSS JOIN event_clusters c ON c.event_id = e.id ${members.where})`,
      ...members.params,
    );
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/**
 * The review filter; dismissed events are left out by default. A fused event's status is on its
 * row (narrow, and in the date index). A per-article event's is looked up by id in the small
 * table of decisions: its row's status column lies past the record, costly to reach on every row.
 */
function reviewClause(table: 'e' | 'f', query: EventQuery): { clause: string; params: unknown[] } | null {
  const statuses = query.review?.length ? query.review : null;
  if (!statuses && query.includeDismissed) return null;
  if (table === 'f') {
    if (!statuses) return { clause: `f.review_status IS NOT 'dismissed'`, params: [] };
    const decided = statuses.filter((s) => s !== 'unreviewed');
    const parts = decided.length ? [`f.review_status IN (${decided.map(() => '?').join(',')})`] : [];
    if (statuses.includes('unreviewed')) parts.push('f.review_status IS NULL');
    return { clause: `(${parts.join(' OR ')})`, params: decided };
  }
  if (!statuses) return { clause: `e.id NOT IN (SELECT target FROM reviews WHERE status = 'dismissed')`, params: [] };
  // Unreviewed: no decision, or one reopened.
  const excluded = REVIEW_STATUSES.filter((s) => s !== 'unreviewed' && !statuses.includes(s));
  return statuses.includes('unreviewed')
    ? {
        clause: `e.id NOT IN (SELECT target FROM reviews WHERE status IN (${excluded.map(() => '?').join(',') || "''"}))`,
        params: excluded,
      }
    : {
        clause: `e.id IN (SELECT target FROM reviews WHERE status IN (${statuses.map(() => '?').join(',')}))`,
        params: [...statuses],
      };
}

/**
 * How the filtered rows are read. A page is read in its order off an index (date, or
 * fatalities), the filters checked on the way until the page is full: so a page never sorts
 * every match. Other uses (counts, stats) visit every match and let the filters pick the index.
 * `articlesInOrder`: a page checks the article filters (source, text) on the way too, rather
 * than collecting the articles' events through their index and sorting them.
 */
interface FilterPlan {
  paged: boolean;
  articlesInOrder?: boolean;
  /**
   * In order, each event's article is looked up in the text index by itself instead of checked
   * against every matching article: for a word most articles hold, when the page is reached long
   * before the matches are all collected.
   */
  textPerArticle?: boolean;
  /** The page is read from the actors' events (few), not in order: the actor filter is the join's, not a clause. */
  actorDriven?: boolean;
  /** The one actor the filter names, whose events are read newest first off its dated index. */
  actorInOrder?: string;
  /** The event's id as the query names it (default e.id; a fused event's member: c.event_id). */
  eventId?: string;
  /** The rowids of the events whose articles the text matches, as a JSON array, where the repository keeps them. */
  textMatched?: string;
}

/**
 * The actor ids a query's actor filter names: names are matched in the small lookup table, and
 * ids from the actor dictionary (a name or any alias) match as well as the stored names.
 */
function actorIdsOf(query: EventQuery): { sql: string; params: unknown[] } | null {
  const actorWords = query.actor ? wordsOf(query.actor) : [];
  const byId = query.actorIds?.length ? query.actorIds : null;
  if (!actorWords.length && !byId) return null;
  const sets: string[] = [];
  const params: unknown[] = [];
  if (actorWords.length) {
    sets.push(`SELECT actor_id FROM actor_names WHERE ${actorWords.map(() => 'instr(text, ?) > 0').join(' AND ')}`);
    params.push(...actorWords);
  }
  if (byId) {
    sets.push(`VALUES ${byId.map(() => '(?)').join(',')}`);
    params.push(...byId);
  }
  return { sql: sets.join(' UNION '), params };
}

function eventFilter(query: EventQuery, plan: FilterPlan = { paged: false }): { where: string; params: unknown[] } {
  const { paged } = plan;
  // Unary + keeps SQLite from choosing that column's index over the one that gives the order.
  const unindexed = (column: string) => (paged ? `+${column}` : column);
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (query.ids) add(`e.id IN (${query.ids.map(() => '?').join(',')})`, ...query.ids);
  if (query.since) add('e.date >= ?', query.since);
  if (query.until) add('e.date <= ?', query.until);
  if (query.type) add('e.event_type = ?', query.type);
  if (query.sub_type) add('e.sub_event_type = ?', query.sub_type);
  if (query.articleId) add('e.article_id = ?', query.articleId);
  if (query.country) add(`${unindexed('e.country')} = ?`, query.country);
  if (query.admin1) add(`${unindexed('e.admin1')} = ?`, query.admin1);
  if (query.modality) add('e.modality = ?', query.modality);
  if (query.fatalitiesMin !== undefined) add(`${unindexed('e.fatalities')} >= ?`, query.fatalitiesMin);
  if (query.fatalitiesMax !== undefined) add(`${unindexed('e.fatalities')} <= ?`, query.fatalitiesMax);
  const review = reviewClause('e', query);
  if (review) add(review.clause, ...review.params);
  const actors = plan.actorDriven ? null : actorIdsOf(query);
  if (actors) {
    // A page checks each event in order; a count collects the actors' events once.
    const eventId = plan.eventId ?? 'e.id';
    add(
      paged
        ? `EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = ${eventId} AND ea.actor_id IN (${actors.sql}))`
        : `${eventId} IN (SELECT event_id FROM event_actors WHERE actor_id IN (${actors.sql}))`,
      ...actors.params,
    );
  }
  // The indexes on (place, date) and (place, fatalities) serve a page by themselves: SQLite reads
  // a page's worth per place.
  const placeWords = query.place ? wordsOf(query.place) : [];
  if (placeWords.length) {
    add(
      `e.place_id IN (SELECT place_id FROM place_names WHERE ${placeWords.map(() => 'instr(text, ?) > 0').join(' AND ')})`,
      ...placeWords,
    );
  }
  if (query.source) {
    const source = sourceMatch(query.source);
    const words = source.params;
    if (plan.articlesInOrder && words.length)
      // In order, each event is checked on its own row (events.outlets, its article's outlets):
      // with one outlet that is the filter itself; with several, every word must be in the same
      // one, which one indexed look-up of the origins checks.
      add(
        `e.outlets IS NOT NULL AND ${words.map(() => 'instr(e.outlets, ?) > 0').join(' AND ')}
         AND (instr(e.outlets, char(31)) = 0
           OR EXISTS (SELECT 1 FROM article_origins o WHERE o.article_id = e.article_id AND ${source.clause}))`,
        ...words,
        ...source.params,
      );
    else
      add(
        plan.articlesInOrder
          ? `EXISTS (SELECT 1 FROM article_origins o WHERE o.article_id = e.article_id AND ${source.clause})`
          : `e.article_id IN (SELECT o.article_id FROM article_origins o WHERE ${source.clause})`,
        ...source.params,
      );
  }
  const text = query.q ? textSearch(query.q) : null;
  if (text) {
    // The events the repository keeps for the text (a rare word's), by rowid; otherwise, in order,
    // each event's article is checked by itself, or its seq against the matching rowids collected
    // once off the index (which spares building a set of the matching articles' ids).
    const seq = '(SELECT a.seq FROM articles a WHERE a.id = e.article_id)';
    if (plan.textMatched !== undefined) add('e.rowid IN (SELECT value FROM json_each(?))', plan.textMatched);
    else if (plan.articlesInOrder && plan.textPerArticle)
      add(
        `EXISTS (SELECT 1 FROM articles_fts WHERE rowid = ${seq} AND ${text.stored.conditions})`,
        ...text.stored.params,
      );
    else
      add(
        plan.articlesInOrder
          ? `${seq} IN (${text.rowids})`
          : `e.article_id IN (SELECT a.id FROM articles a WHERE a.seq IN (${text.rowids}))`,
        ...text.params,
      );
  }
  if (query.bbox) {
    const [west, south, east, north] = query.bbox;
    add(`${unindexed('e.lat')} BETWEEN ? AND ? AND ${unindexed('e.lon')} BETWEEN ? AND ?`, south, north, west, east);
  }
  if (query.placed !== undefined) add(query.placed ? 'e.lat IS NOT NULL' : 'e.lat IS NULL');
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** Origins (`o`) whose outlet holds every word of the filter. */
function sourceMatch(source: string): { clause: string; params: string[] } {
  const words = wordsOf(source);
  return {
    clause: words.map(() => 'instr(coalesce(o.source_norm, lower(o.source)), ?) > 0').join(' AND ') || '1',
    params: words,
  };
}

export { searchableText };

function articleFilter(query: ArticleQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const text = query.search ? textSearch(query.search) : null;
  if (text) {
    clauses.push(`a.seq IN (${text.rowids})`);
    params.push(...text.params);
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
 * Characters the trigram tokenizer neither folds nor folds another into: ASCII but upper case
 * (normalisation folds it), k and s (the Kelvin sign and the long s fold into them), and Arabic.
 */
const UNFOLDED = /^[^A-Zks\u0080-\u05ff\u0700-\uffff]*$/;

export interface TextSearch {
  /** The seqs (the index's rowids) of the articles whose normalised text holds every term of the search. */
  rowids: string;
  params: unknown[];
  /**
   * The same test on one article's indexed text (with `rowid = ?`, the index reads that row of
   * its content): a search of the index costs a hundred times as much for one article. A term of
   * unfolded characters is there as a substring (instr) exactly when the index matches it.
   */
  stored: { conditions: string; params: unknown[] };
  /** How many matches collected off the index cost about as much as the stored test of one article. */
  storedCost: number;
}

/** The search's text filter; null when it has no terms. */
export function textSearch(search: string): TextSearch | null {
  const { match, likes } = ftsQuery(search);
  // Punctuation alone has no terms: no filter, as in PostgreSQL.
  if (!match && likes.length === 0) return null;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (match) {
    parts.push('body MATCH ?');
    params.push(match);
  }
  const likeConditions = likes.map(() => "body LIKE ? ESCAPE '\\'");
  parts.push(...likeConditions);
  params.push(...likes);
  const conditions = parts.join(' AND ');
  const long = searchTerms(search).filter((t) => t.length >= 3);
  const base = { rowids: `SELECT rowid FROM articles_fts WHERE ${conditions}`, params };
  // Measured at 1M events: 6 µs for an article's text read and searched, 300 µs for a search of
  // the index by rowid, and a match collected off the index about 1.2 µs.
  return long.every((t) => UNFOLDED.test(t))
    ? {
        ...base,
        stored: {
          conditions: [...long.map(() => 'instr(body, ?) > 0'), ...likeConditions].join(' AND '),
          params: [...long, ...likes],
        },
        storedCost: 5,
      }
    : { ...base, stored: { conditions, params }, storedCost: 250 };
}

/**
 * Turns a user's query into an FTS5 trigram query: every term must occur (as a substring of
 * the normalised text). Terms under three characters cannot use trigrams and fall back to LIKE.
 */
export function ftsQuery(search: string): { match: string | null; likes: string[] } {
  const terms = searchTerms(search);
  const long = terms.filter((t) => t.length >= 3);
  const short = terms.filter((t) => t.length < 3);
  return {
    match: long.length ? long.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ') : null,
    likes: short.map((t) => `%${t.replace(/[\\%_]/g, '\\$&')}%`),
  };
}

/** Applies the missing migrations; returns the versions it applied. */
function migrate(db: Database.Database, migrations: Migration[]): number[] {
  // One immediate transaction, the versions read inside it: two processes opening a fresh file
  // at once apply each migration once, the second waiting for the first.
  const apply = db.transaction(() => {
    db.exec(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
    );
    const applied = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((r) => r.version),
    );
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      done.push(m.version);
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }
    return done;
  });
  return apply.immediate();
}
