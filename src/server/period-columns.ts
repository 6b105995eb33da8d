import type { FusedEventStats } from '../store/repository.js';

/**
 * `fused.byPeriod` as columns: each period once, each event type's counts and fatalities in
 * period order (0 where the type has none). A century of weeks is 34,000 rows of repeated keys
 * (2.8 MB); as columns the same figures take a tenth of that, which is what the timeline
 * downloads and parses.
 */
export interface PeriodColumns {
  periods: string[];
  types: string[];
  /** count[t][p]: events of types[t] in periods[p]. */
  count: number[][];
  fatalities: number[][];
}

export function periodColumns(rows: FusedEventStats['byPeriod']): PeriodColumns {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const types = [...new Set(rows.map((r) => r.event_type))].sort();
  const periodAt = new Map(periods.map((p, i) => [p, i]));
  const typeAt = new Map(types.map((t, i) => [t, i]));
  const count = types.map(() => new Array<number>(periods.length).fill(0));
  const fatalities = types.map(() => new Array<number>(periods.length).fill(0));
  for (const row of rows) {
    const p = periodAt.get(row.period)!;
    const t = typeAt.get(row.event_type)!;
    count[t][p] = row.count;
    fatalities[t][p] = row.fatalities;
  }
  return { periods, types, count, fatalities };
}
