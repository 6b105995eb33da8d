/**
 * Tallies: counts and fatalities of events (and of fused events) by day, type, country, district,
 * review status and whether placed, kept current by the database as rows are written (triggers:
 * sqlite-migrations.ts and postgres-migrations.ts). A query whose filters are all among those
 * keys — the timeline's, the map's area and type choices, the review queue's — is answered from
 * them, whatever the size of the store: a few thousand rows per year of news, not the events.
 * Both backends read the same rows and share this module, so their figures agree.
 */
import type { EventQuery, EventStats, Tally, TrendInterval } from './repository.js';

const DAY_MS = 86_400_000;

/** The first day of the date's ISO week (a Monday) or month; null for a date that is not one. */
export function periodStart(date: string, interval: TrendInterval): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time)) return null;
  const mondayBased = (new Date(time).getUTCDay() + 6) % 7;
  return new Date(time - mondayBased * DAY_MS).toISOString().slice(0, 10);
}

/** One tally row; absent values are ''. */
export interface TallyRow {
  day: string;
  event_type: string;
  country: string;
  admin1: string;
  review_status: string;
  placed: number | boolean;
  events: number;
  fatalities: number;
}

/** The filters the tallies are keyed by; a query with any other is answered from the events. */
const TALLY_FILTERS = new Set(['since', 'until', 'type', 'country', 'admin1', 'placed', 'review', 'includeDismissed']);
/** What a query holds besides filters. */
const NOT_FILTERS = new Set(['limit', 'offset', 'sort']);

export function talliesAnswer(query: EventQuery): boolean {
  return Object.entries(query).every(
    ([key, value]) =>
      value === undefined ||
      (Array.isArray(value) && value.length === 0 && key !== 'review') ||
      TALLY_FILTERS.has(key) ||
      NOT_FILTERS.has(key),
  );
}

/**
 * The WHERE clause of such a query on a tally table; `param` binds a value and returns its
 * placeholder. The review statuses as the event filters read them: dismissed left out unless
 * asked for, unreviewed ''.
 */
export function tallyWhere(query: EventQuery, param: (value: unknown) => string): string {
  const clauses: string[] = [];
  // An undated event is in no date range.
  if (query.since) clauses.push(`day <> '' AND day >= ${param(query.since)}`);
  if (query.until) clauses.push(`day <> '' AND day <= ${param(query.until)}`);
  if (query.type) clauses.push(`event_type = ${param(query.type)}`);
  if (query.country) clauses.push(`country = ${param(query.country)}`);
  if (query.admin1) clauses.push(`admin1 = ${param(query.admin1)}`);
  if (query.placed !== undefined) clauses.push(`placed = ${param(query.placed ? 1 : 0)}`);
  const statuses = query.review?.length ? query.review : null;
  if (statuses) {
    const stored = statuses.map((s) => (s === 'unreviewed' ? '' : s));
    clauses.push(`review_status IN (${stored.map(param).join(', ')})`);
  } else if (!query.includeDismissed) clauses.push(`review_status <> 'dismissed'`);
  return clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** How many events the rows count. */
export function tallyTotal(rows: TallyRow[]): number {
  let total = 0;
  for (const row of rows) total += Number(row.events);
  return total;
}

/** Adds a row's figures to a tally under a key. */
export function addTo(map: Map<string, Tally>, key: string, count: number, fatalities: number): void {
  const tally = map.get(key);
  if (tally) {
    tally.count += count;
    tally.fatalities += fatalities;
  } else map.set(key, { count, fatalities });
}

/** The per-article event stats (by day, type and district) from their tally rows. */
export function eventStatsFromTallies(rows: TallyRow[]): EventStats {
  const days = new Map<string, Tally>();
  const types = new Map<string, Tally>();
  const admin1s = new Map<string, Tally>();
  for (const row of rows) {
    const count = Number(row.events);
    const fatalities = Number(row.fatalities);
    if (row.day !== '') addTo(days, row.day, count, fatalities);
    if (row.event_type !== '') addTo(types, row.event_type, count, fatalities);
    if (row.admin1 !== '') addTo(admin1s, row.admin1, count, fatalities);
  }
  const ordered = (map: Map<string, Tally>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    byDay: ordered(days).map(([date, tally]) => ({ date, ...tally })),
    byType: ordered(types).map(([event_type, tally]) => ({ event_type, ...tally })),
    byAdmin1: ordered(admin1s).map(([admin1, tally]) => ({ admin1, ...tally })),
  };
}

/** What the fused trends take from tallies: everything but the actors and outlets. */
export interface TallyTrends {
  total: number;
  fatalities: number;
  unplaced: number;
  periods: Map<string, Tally>;
  types: Map<string, Tally>;
  admin1s: Map<string, Tally>;
}

/**
 * The fused trends' totals, types and districts (keyed "country\nadmin1") from `totals`, and
 * their periods (keyed "period\ntype") from `series`, rows by day and type (the same rows will do).
 */
export function trendsFromTallies(totals: TallyRow[], series: TallyRow[], interval: TrendInterval): TallyTrends {
  const trends: TallyTrends = {
    total: 0,
    fatalities: 0,
    unplaced: 0,
    periods: new Map(),
    types: new Map(),
    admin1s: new Map(),
  };
  for (const row of totals) {
    const count = Number(row.events);
    const fatalities = Number(row.fatalities);
    trends.total += count;
    trends.fatalities += fatalities;
    if (!row.placed) trends.unplaced += count;
    addTo(trends.types, row.event_type, count, fatalities);
    if (row.admin1 !== '' && row.country !== '')
      addTo(trends.admin1s, `${row.country}\n${row.admin1}`, count, fatalities);
  }
  // Many rows share a day: its period is worked out once.
  const periodOf = new Map<string, string | null>();
  for (const row of series) {
    if (row.day === '') continue;
    let period = periodOf.get(row.day);
    if (period === undefined) periodOf.set(row.day, (period = periodStart(row.day, interval)));
    if (period !== null)
      addTo(trends.periods, `${period}\n${row.event_type}`, Number(row.events), Number(row.fatalities));
  }
  return trends;
}
