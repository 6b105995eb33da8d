/**
 * The storage interface. SQLite (sqlite.ts) is the embedded default; PostgreSQL (postgres.ts)
 * implements the same interface. Every method is async because server databases are.
 * Articles are stored exactly as received.
 */
import type { Article, ArticleInput } from '../core/article.js';
import type { ArticleRef, EventRecord } from '../events/record.js';
import type { ReviewEntry, ReviewInput, ReviewStatus, ReviewView } from '../review/review.js';
import type { ListTotal } from './list-total.js';

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
  /** 'date' (default, newest first), 'date-asc', 'fatalities'; fused events also 'reports' (most first). */
  sort?: EventSort;
  /** ISO alpha-2 of the event's country. */
  country?: string;
  /** The place's first-level division (district), exact. */
  admin1?: string;
  /** Toll bounds, inclusive. */
  fatalitiesMin?: number;
  fatalitiesMax?: number;
  modality?: string;
  /**
   * Actors by id (the actor dictionary's answer to a name or any alias): an event matches when
   * one of its actors is one of these. With `actor` too, either may match.
   */
  actorIds?: string[];
  /** Only events under these review statuses. */
  review?: ReviewStatus[];
  /** Dismissed events are left out unless asked for (here, or by `review`). */
  includeDismissed?: boolean;
  /** Only the events with coordinates (true) or without (false: those the map cannot show). */
  placed?: boolean;
}

export const EVENT_SORTS = ['date', 'date-asc', 'fatalities', 'reports'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface StoredEvent {
  record: EventRecord;
  article: ArticleRef;
  /** The decision in force on this event; null or absent when unreviewed. */
  review?: ReviewView | null;
}

export interface EventStats {
  byDay: { date: string; count: number; fatalities: number }[];
  byType: { event_type: string; count: number; fatalities: number }[];
  byAdmin1: { admin1: string; count: number; fatalities: number }[];
}

/** The period of a trend's bars: weeks start on Monday (ISO 8601). */
export type TrendInterval = 'week' | 'month';

/** A count of fused events and their fatalities (each event's lowest reported toll). */
export interface Tally {
  count: number;
  fatalities: number;
}

/** Aggregates of the fused events matching a query: what the workbench's trends draw. */
export interface FusedEventStats {
  total: number;
  fatalities: number;
  /** Events without coordinates (not on the map). */
  unplaced: number;
  /** `period` is the first day of the week or month, `YYYY-MM-DD`; undated events are left out. */
  byPeriod: ({ period: string; event_type: string } & Tally)[];
  byType: ({ event_type: string } & Tally)[];
  /** Placed events by first-level division (country code and admin1 name as the place carries them). */
  byAdmin1: ({ country: string; admin1: string } & Tally)[];
  /** Each actor (either side, associates included) with the events it takes part in, most first. */
  byActor: ({ id: string; name: string; name_ar: string } & Tally)[];
  /** Each outlet with the events one of its articles reported, most first. */
  byOutlet: ({ outlet: string } & Tally)[];
}

/** One source of a fused event: a member event and the article it was extracted from. */
export interface FusedMember {
  eventId: string;
  article: ArticleRef;
}

/** Events after cross-source fusion: one per real-world occurrence, with every source. */
/** An item of a page of fused events: its JSON as shown (UTF-8), or the event itself. */
export type FusedPageItem = Uint8Array | FusedEvent;

/** A fused event as a point on the map. */
export interface FusedPoint {
  id: string;
  lat: number;
  lon: number;
  event_type: string;
  fatalities: number;
  date: string | null;
}

export interface FusedEvent {
  /** Stable: `fe-` and the id of its earliest member event (by date, then id). */
  id: string;
  /** The representative record, fields merged from the members (see src/fusion/merge.ts); `record.id` is `id`. */
  record: EventRecord;
  /** Every source article, the earliest member first. */
  members: FusedMember[];
  /** The lowest and the highest toll reported; `record.fatalities` is the lowest. */
  fatalities_range: [number, number];
  /** Readable lines: which members, and the rule that joined each. */
  explanation: string[];
  /** The decision in force (corrections are already in `record`); null when unreviewed. */
  review: ReviewView | null;
  /** Distinct outlets among the members' articles (every origin counted): the corroboration. */
  outlets: number;
}

/** The few facts of a stored event that fusion compares (read without parsing the record). */
export interface FusionFacts {
  id: string;
  articleId: string;
  event_type: string;
  sub_event_type: string;
  date: string | null;
  time_precision: number | null;
  lat: number | null;
  lon: number | null;
  geo_precision: number | null;
  admin1: string | null;
  /** Ids of actor1 and its associates, of actor2 and its associates. */
  actors1: string[];
  actors2: string[];
  /** The place's name, for explanations. */
  place: string | null;
}

/**
 * A stored event's fusion facts, and the component (a set of events linked to each other, see
 * src/fusion/fuse.ts) fusion last put it in; null before it was fused.
 */
export type LabelledFacts = FusionFacts & { component: string | null };

/** Where fusion looks for an event's candidates: these types, dates in [since, until]. */
export interface FusionWindow {
  types: string[];
  since: string;
  until: string;
  /** Only events of this time_precision. */
  precision?: number;
  /** Only events placed here (the place rule's block); any placed or unplaced event when absent. */
  near?: FusionPlaces;
}

/**
 * The places an event may fuse with: points in a box around it (holding every point within the
 * place rule's distance), or, in its admin1, every event when it is placed imprecisely, else
 * those placed imprecisely (geo_precision 2 or more). Unplaced events are never in it.
 */
export interface FusionPlaces {
  south: number;
  north: number;
  /** Null when the box crosses the antimeridian or nears a pole: any longitude. */
  west: number | null;
  east: number | null;
  admin1: string | null;
  imprecise: boolean;
}

/** Where a stored event sits in its fused event (see `FusedCluster`). */
export interface ClusterMembership {
  eventId: string;
  clusterId: string;
  position: number;
  joinedBy: string;
}

/** One cluster as fusion computed it, ready to store. */
export interface FusedCluster {
  id: string;
  record: EventRecord;
  fatalities_range: [number, number];
  explanation: string[];
  /** In order, the earliest first; `joinedBy` is the readable rule that joined the member. */
  members: { eventId: string; joinedBy: string }[];
}

/** What `marsad worker` does: store a batch of articles read by `marsad ingest --queue`. */
export type WorkKind = 'articles';

/** One unit of queued work, as a worker claimed it. */
export interface WorkItem {
  id: number;
  kind: WorkKind;
  /** The work itself, as enqueued (for 'articles': a JSON array of ArticleInput). */
  payload: string;
  /** How many times the item was claimed, this claim included (more than 1: a worker died or gave up). */
  attempts: number;
}

export interface WorkCounts {
  pending: number;
  claimed: number;
  done: number;
  failed: number;
}

/** What `marsad watch` keeps about one feed between polls and restarts. */
export interface FeedState {
  url: string;
  /** The validators of the last successful response, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  /** Keys (guid, link, article id) of the feed's recent items, newest first, bounded by the caller. */
  seenKeys: string[];
  /** When the feed was last polled, ISO 8601. */
  checkedAt: string | null;
  /** The last poll's error, or null when it succeeded. */
  lastError: string | null;
}

export interface Repository {
  /** Stores one article, or merges its origin into the stored copy with the same id. */
  upsertArticle(id: string, input: ArticleInput): Promise<UpsertStatus>;
  /**
   * Runs `fn` in one transaction (batches of upserts are much faster inside one). Calls made
   * on this repository from inside `fn` join the transaction; calls from elsewhere never do.
   * A nested call runs as a savepoint.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  getArticle(id: string): Promise<Article | null>;
  /** Finds an article by a unique id prefix (as users type short ids). */
  findArticleId(prefix: string): Promise<string[]>;
  /** Which of these article ids are stored. */
  existingArticleIds(ids: string[]): Promise<Set<string>>;
  listArticles(query: ArticleQuery): Promise<ArticleSummary[]>;
  countArticles(query?: ArticleQuery): Promise<number>;
  stats(): Promise<StoreStats>;
  /**
   * A mark that differs whenever the stored data may have changed since it was last read, by
   * this connection or any other (another process ingesting, say); null when the backend cannot
   * tell cheaply. Lets readers keep derived figures exactly as long as they hold.
   */
  changeMark(): Promise<string | null>;
  /** Replaces the events extracted from one article (re-extraction is idempotent). */
  replaceEvents(articleId: string, events: EventRecord[]): Promise<void>;
  listEvents(query: EventQuery): Promise<StoredEvent[]>;
  /**
   * The same page as `listEvents` as one JSON array, UTF-8 encoded: each event is its record
   * without `evidence` and `sources`, with its `article`. Lists need no more, and the database
   * writes the bytes, which the API sends as they are.
   */
  eventSummaryPage(query: EventQuery): Promise<Uint8Array>;
  countEvents(query?: EventQuery): Promise<number>;
  /** The total a list shows: countEvents, or up to `cap` where it reads matches one by one (list-total.ts). */
  countEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal>;
  getEvent(id: string): Promise<StoredEvent | null>;
  eventStats(query?: EventQuery): Promise<EventStats>;
  /** Events after cross-source fusion (a fused event matches when any of its members matches). */
  listFusedEvents(query: EventQuery): Promise<FusedEvent[]>;
  /**
   * A page of fused events as lists show them: the JSON of an item (server/fused-views.ts's
   * fusedItemView) where the database writes it, else the fused event, for the caller to show.
   */
  fusedItemPage(query: EventQuery): Promise<FusedPageItem[]>;
  countFusedEvents(query?: EventQuery): Promise<number>;
  /** The total a list shows: countFusedEvents, or up to `cap` where it reads matches one by one (list-total.ts). */
  countFusedEventsUpTo(query: EventQuery, cap: number): Promise<ListTotal>;
  /**
   * The placed fused events the query matches as the map draws them, newest first, up to its
   * limit: narrow columns only, no record read.
   */
  fusedPoints(query: EventQuery): Promise<FusedPoint[]>;
  /** Trends of the fused events matching the query (the same filter as `listFusedEvents`). */
  fusedEventStats(query: EventQuery, interval: TrendInterval): Promise<FusedEventStats>;
  /** The fused event with this id, or the one holding the member event with this id. */
  getFusedEvent(id: string): Promise<FusedEvent | null>;
  /**
   * Deletes an article with its origins and events; the fused events that rested on them are
   * dropped and their other members queued for fusion. False when there was no such article.
   */
  deleteArticle(id: string): Promise<boolean>;
  /** Ids of the events waiting for fusion (new, or left by a cluster that lost a member), in id order. */
  fusionQueue(): Promise<string[]>;
  /** Queues every stored event for fusion (a full recomputation); returns how many. */
  queueAllForFusion(): Promise<number>;
  /** Fusion facts of these events (unknown ids are left out). */
  fusionFacts(ids: string[]): Promise<FusionFacts[]>;
  /** Fusion facts of the events of these types dated within the window (served by an index). */
  fusionCandidates(window: FusionWindow): Promise<LabelledFacts[]>;
  /** Fusion facts of the events fusion last put in this component. */
  componentFacts(component: string): Promise<LabelledFacts[]>;
  /** Records the component of each of these events (replacing the one recorded before). */
  saveComponents(entries: { eventId: string; component: string }[]): Promise<void>;
  /** The stored clusters of these events (events in no cluster are left out). */
  clusterMembership(eventIds: string[]): Promise<ClusterMembership[]>;
  /**
   * Replaces the clusters of `eventIds` (a closed set: every event fused with one of them is
   * in it) with `clusters`, and takes those events off the fusion queue.
   */
  saveClusters(eventIds: string[], clusters: FusedCluster[]): Promise<void>;
  /** Queues work for `marsad worker`s; returns the new items' ids. */
  enqueueWork(kind: WorkKind, payloads: string[]): Promise<number[]>;
  /**
   * Claims the oldest item that is pending, or whose last claim expired (its worker died), for
   * `leaseSeconds`; null when there is none. Two workers never hold the same item: PostgreSQL
   * skips the rows another worker is claiming (FOR UPDATE SKIP LOCKED), SQLite serialises writers.
   */
  claimWork(worker: string, leaseSeconds: number): Promise<WorkItem | null>;
  /**
   * Marks a claimed item done (or failed, with the error) and drops its payload, which is stored
   * by then. False when `worker` no longer holds the claim (it expired and another took it).
   */
  finishWork(id: number, worker: string, outcome: { result: string } | { error: string }): Promise<boolean>;
  workCounts(): Promise<WorkCounts>;
  /**
   * Takes the poll of a feed for `leaseSeconds` unless another process holds it: several
   * `marsad watch` processes over one feed list poll each feed once per interval.
   */
  claimFeed(url: string, worker: string, leaseSeconds: number): Promise<boolean>;
  /**
   * Records an analyst's decision on an event (an event id) or a fused event (`fe-…`) and lays
   * its corrections over the stored record; null when there is no such event. A corrected or
   * dismissed per-article event's cluster is queued for fusion again.
   */
  reviewEvent(id: string, input: ReviewInput): Promise<ReviewView | null>;
  /** The audit trail of an event or fused event, oldest first (a fused event's: of its anchor). */
  reviewHistory(id: string): Promise<ReviewEntry[]>;
  getFeedState(url: string): Promise<FeedState | null>;
  /** Inserts or replaces the state of `state.url`. */
  saveFeedState(state: FeedState): Promise<void>;
  close(): Promise<void>;
}
