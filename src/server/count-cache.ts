/**
 * Totals of event queries, kept while they hold. A total costs more than a page when a filter
 * matches tens of thousands of events, and clients ask for the same one again and again while
 * paging or refreshing. Where the store has a change mark (SQLite), totals are kept until any
 * write, from this server or another process; otherwise (PostgreSQL) for half a minute, which is
 * good enough for "120 of 18,000".
 */
import type { EventQuery, Repository } from '../store/repository.js';

const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

export class CountCache {
  private readonly entries = new Map<string, { at: number; total: Promise<number> }>();
  private mark: string | null = null;

  constructor(
    private readonly repo: Repository,
    /** What is counted: events by default (fused events have their own cache). */
    private readonly countOf: (query: EventQuery) => Promise<number> = (query) => repo.countEvents(query),
  ) {}

  async count(query: EventQuery): Promise<number> {
    const { limit: _limit, offset: _offset, sort: _sort, ...filters } = query;
    const key = JSON.stringify(filters);
    const mark = await this.repo.changeMark();
    if (mark !== this.mark) {
      this.entries.clear();
      this.mark = mark;
    }
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && (mark !== null || now - hit.at < TTL_MS)) return hit.total;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const total = this.countOf(filters);
    const entry = { at: now, total };
    this.entries.set(key, entry);
    // A failed count is not kept, but a newer entry for the same filters is.
    total.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return total;
  }

  /** After this server stores articles: their events must count at once. */
  clear(): void {
    this.entries.clear();
  }
}
