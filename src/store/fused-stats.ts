/**
 * The trends of fused events, tallied from a few columns of each matching event. Both backends
 * read the same rows (their filter picks them) and share this tally, so their figures agree.
 */
import type { EventActor } from '../events/record.js';
import type { FusedEventStats, Tally, TrendInterval } from './repository.js';
import { parseStoredJson } from './stored-json.js';

/** What the tally reads of one fused event; the actor columns are the record's JSON, or null. */
export interface FusedStatsRow {
  id: string;
  date: string | null;
  fatalities: number;
  event_type: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  actor1: string | null;
  actor2: string | null;
  assoc_actor_1: string | null;
  assoc_actor_2: string | null;
}

/** One outlet that reported a fused event (one row per event and outlet). */
export interface FusedOutletRow {
  id: string;
  outlet: string;
}

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

function add(map: Map<string, Tally>, key: string, fatalities: number): void {
  const tally = map.get(key);
  if (tally) {
    tally.count++;
    tally.fatalities += fatalities;
  } else map.set(key, { count: 1, fatalities });
}

const byCountThenKey =
  <T extends Tally>(key: (x: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The event's actors, either side and associates, each once. */
function actorsOf(row: FusedStatsRow): EventActor[] {
  const one = (json: string | null) => (json === null ? [] : [parseStoredJson<EventActor | null>(json)]);
  const many = (json: string | null) => (json === null ? [] : (parseStoredJson<EventActor[] | null>(json) ?? []));
  const all = [...one(row.actor1), ...many(row.assoc_actor_1), ...one(row.actor2), ...many(row.assoc_actor_2)].filter(
    (a): a is EventActor => a !== null && typeof a.id === 'string',
  );
  return [...new Map(all.map((a) => [a.id, a])).values()];
}

export function tallyFusedStats(
  rows: FusedStatsRow[],
  outlets: FusedOutletRow[],
  interval: TrendInterval,
): FusedEventStats {
  const periods = new Map<string, Tally>();
  const types = new Map<string, Tally>();
  const admin1s = new Map<string, Tally>();
  const actors = new Map<string, Tally>();
  const actorNames = new Map<string, EventActor>();
  const outletTally = new Map<string, Tally>();
  const fatalitiesOf = new Map<string, number>();
  let fatalities = 0;
  let unplaced = 0;
  for (const row of rows) {
    fatalitiesOf.set(row.id, row.fatalities);
    fatalities += row.fatalities;
    if (row.lat === null) unplaced++;
    add(types, row.event_type, row.fatalities);
    const period = row.date === null ? null : periodStart(row.date, interval);
    if (period !== null) add(periods, `${period}\n${row.event_type}`, row.fatalities);
    if (row.admin1 !== null && row.country !== null) add(admin1s, `${row.country}\n${row.admin1}`, row.fatalities);
    for (const actor of actorsOf(row)) {
      add(actors, actor.id, row.fatalities);
      if (!actorNames.has(actor.id)) actorNames.set(actor.id, actor);
    }
  }
  for (const { id, outlet } of outlets) add(outletTally, outlet, fatalitiesOf.get(id) ?? 0);
  const split = (key: string): [string, string] => {
    const cut = key.indexOf('\n');
    return [key.slice(0, cut), key.slice(cut + 1)];
  };
  return {
    total: rows.length,
    fatalities,
    unplaced,
    byPeriod: [...periods]
      .sort(([a], [b]) => byKey(a, b))
      .map(([key, tally]) => {
        const [period, event_type] = split(key);
        return { period, event_type, ...tally };
      }),
    byType: [...types].sort(([a], [b]) => byKey(a, b)).map(([event_type, tally]) => ({ event_type, ...tally })),
    byAdmin1: [...admin1s]
      .map(([key, tally]) => {
        const [country, admin1] = split(key);
        return { country, admin1, ...tally };
      })
      .sort(byCountThenKey((x) => `${x.country}\n${x.admin1}`)),
    byActor: [...actors]
      .map(([id, tally]) => {
        const { name, name_ar } = actorNames.get(id)!;
        return { id, name, name_ar, ...tally };
      })
      .sort(byCountThenKey((x) => x.id)),
    byOutlet: [...outletTally].map(([outlet, tally]) => ({ outlet, ...tally })).sort(byCountThenKey((x) => x.outlet)),
  };
}
