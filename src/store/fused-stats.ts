/**
 * The trends of fused events, tallied from a few columns of each matching event. Both backends
 * read the same rows (their filter picks them) and share this tally, so their figures agree.
 */
import type { EventActor } from '../events/record.js';
import type { FusedEventStats, Tally, TrendInterval } from './repository.js';
import { parseStoredJson } from './stored-json.js';
import { addTo, trendsFromTallies, type TallyRow, type TallyTrends } from './tallies.js';

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

/** The fused events' rows as tally rows of one event each. */
function asTallyRows(rows: FusedStatsRow[]): TallyRow[] {
  return rows.map((row) => ({
    day: row.date ?? '',
    event_type: row.event_type,
    country: row.country ?? '',
    admin1: row.admin1 ?? '',
    review_status: '',
    placed: row.lat !== null,
    events: 1,
    fatalities: row.fatalities,
  }));
}

/** An actor as the trends name it. */
type ActorName = Pick<EventActor, 'id' | 'name' | 'name_ar'>;

/** The fused trends before they are ordered: totals, periods, types and districts; actors; outlets. */
export interface FusedStatsParts {
  trends: TallyTrends;
  actors: Map<string, { actor: ActorName; tally: Tally }>;
  outlets: Map<string, Tally>;
}

/** The parts of the trends counted from the matching fused events themselves. */
export function partsFromEvents(
  rows: FusedStatsRow[],
  outlets: FusedOutletRow[],
  interval: TrendInterval,
): FusedStatsParts {
  const tallies = asTallyRows(rows);
  const parts: FusedStatsParts = {
    trends: trendsFromTallies(tallies, tallies, interval),
    actors: new Map(),
    outlets: new Map(),
  };
  const fatalitiesOf = new Map<string, number>();
  for (const row of rows) {
    fatalitiesOf.set(row.id, row.fatalities);
    for (const actor of actorsOf(row)) {
      const known = parts.actors.get(actor.id);
      if (known) {
        known.tally.count++;
        known.tally.fatalities += row.fatalities;
      } else parts.actors.set(actor.id, { actor, tally: { count: 1, fatalities: row.fatalities } });
    }
  }
  for (const { id, outlet } of outlets) addTo(parts.outlets, outlet, 1, fatalitiesOf.get(id) ?? 0);
  return parts;
}

/** One row of the fused events' actor and outlet tallies, summed over the matching keys. */
export interface SideTallyRow {
  side: string;
  id: string;
  /** An actor's id and names (JSON); an outlet's name. */
  label: string;
  events: number;
  fatalities: number;
}

/** The parts of the trends read from the tallies (src/store/tallies.ts): totals, a series by day and type, sides. */
export function partsFromTallies(
  totals: TallyRow[],
  series: TallyRow[],
  sides: SideTallyRow[],
  interval: TrendInterval,
): FusedStatsParts {
  const parts: FusedStatsParts = {
    trends: trendsFromTallies(totals, series, interval),
    actors: new Map(),
    outlets: new Map(),
  };
  for (const row of sides) {
    const tally = { count: Number(row.events), fatalities: Number(row.fatalities) };
    if (row.side === 'actor') parts.actors.set(row.id, { actor: parseStoredJson<ActorName>(row.label), tally });
    else parts.outlets.set(row.id, tally);
  }
  return parts;
}

/** The trends in the API's order: periods, types and outlets by key, districts and actors most first. */
export function fusedStatsOf({ trends, actors, outlets }: FusedStatsParts): FusedEventStats {
  const split = (key: string): [string, string] => {
    const cut = key.indexOf('\n');
    return [key.slice(0, cut), key.slice(cut + 1)];
  };
  return {
    total: trends.total,
    fatalities: trends.fatalities,
    unplaced: trends.unplaced,
    byPeriod: [...trends.periods]
      .sort(([a], [b]) => byKey(a, b))
      .map(([key, tally]) => {
        const [period, event_type] = split(key);
        return { period, event_type, ...tally };
      }),
    byType: [...trends.types].sort(([a], [b]) => byKey(a, b)).map(([event_type, tally]) => ({ event_type, ...tally })),
    byAdmin1: [...trends.admin1s]
      .map(([key, tally]) => {
        const [country, admin1] = split(key);
        return { country, admin1, ...tally };
      })
      .sort(byCountThenKey((x) => `${x.country}\n${x.admin1}`)),
    byActor: [...actors.values()]
      .map(({ actor, tally }) => ({ id: actor.id, name: actor.name, name_ar: actor.name_ar, ...tally }))
      .sort(byCountThenKey((x) => x.id)),
    byOutlet: [...outlets].map(([outlet, tally]) => ({ outlet, ...tally })).sort(byCountThenKey((x) => x.outlet)),
  };
}
