/**
 * Answers kept while they hold: totals of event queries and the trends of /api/stats. A total
 * or a trend costs more than a page (tallies of a century of news, or every match of a filter
 * the tallies do not answer), and clients ask for the same one again and again while paging,
 * refreshing or several analysts watching one store. Where the store has a change mark (SQLite),
 * answers are kept until any write, from this server or another process; otherwise
 * (PostgreSQL) for half a minute, which is good enough for "120 of 18,000" and a timeline.
 */
import type { EventQuery, Repository } from '../store/repository.js';

const TTL_MS = 30_000;
/** Where a list's total stops counting matches read one by one (store/list-total.ts). */
export const LIST_TOTAL_CAP = 10_000;
const MAX_ENTRIES = 500;

export class StoreCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private mark: string | null = null;

  constructor(private readonly repo: Repository) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const mark = await this.repo.changeMark();
    if (mark !== this.mark) {
      this.entries.clear();
      this.mark = mark;
    }
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && (mark !== null || now - hit.at < TTL_MS)) return hit.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const value = compute();
    const entry = { at: now, value };
    this.entries.set(key, entry);
    // A failed answer is not kept, but a newer entry for the same key is.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  /** After this server stores or reviews events: they must count at once. */
  clear(): void {
    this.entries.clear();
  }
}

/** A query's filters: its page and order change no total nor trend. */
function filtersOf(query: EventQuery): EventQuery {
  const { limit: _limit, offset: _offset, sort: _sort, ...filters } = query;
  return filters;
}

/** The filters of a query, as a key. */
export function filterKey(query: EventQuery): string {
  return JSON.stringify(filtersOf(query));
}

/** Totals of event queries, by their filters: `countOf` counts (events, fused events; exact or a list's total). */
export class CountCache<Count = number> {
  private readonly cache: StoreCache<Count>;

  constructor(
    repo: Repository,
    private readonly countOf: (query: EventQuery) => Promise<Count>,
  ) {
    this.cache = new StoreCache(repo);
  }

  count(query: EventQuery): Promise<Count> {
    const filters = filtersOf(query);
    return this.cache.get(JSON.stringify(filters), () => this.countOf(filters));
  }

  clear(): void {
    this.cache.clear();
  }
}
