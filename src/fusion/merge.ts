/**
 * The representative record of a cluster: fields merged from its members. Evidence, trigger and
 * field sources stay those of the earliest member (their offsets point into its article); what
 * came from another member is said in `notes`.
 */
import { ACLED_PRECEDENCE } from '../events/lexicon.js';
import { isUnidentifiedActor, reportedFatalities, type EventActor, type EventRecord } from '../events/record.js';
import type { StoredEvent } from '../store/repository.js';

function precedence(eventType: string): number {
  const i = ACLED_PRECEDENCE.indexOf(eventType);
  return i < 0 ? ACLED_PRECEDENCE.length : i;
}

/** The first of `members` with the lowest `key` (members are in cluster order). */
function best(members: EventRecord[], key: (e: EventRecord) => number): EventRecord {
  return members.reduce((winner, e) => (key(e) < key(winner) ? e : winner));
}

function actorIds(actor: EventActor | null, assoc: EventActor[]): string[] {
  return [actor, ...assoc].filter((a): a is EventActor => a !== null).map((a) => a.id);
}

/** Whether `e` names the base's actor 1 as its actor 2 (or its actor 1 as the base's actor 2). */
function crosswise(base: EventRecord, e: EventRecord): boolean {
  const share = (x: string[], y: string[]) => x.some((id) => y.includes(id));
  const base1 = actorIds(base.actor1, base.assoc_actor_1);
  const base2 = actorIds(base.actor2, base.assoc_actor_2);
  const e1 = actorIds(e.actor1, e.assoc_actor_1);
  const e2 = actorIds(e.actor2, e.assoc_actor_2);
  return !share(base1, e1) && !share(base2, e2) && (share(base1, e2) || share(base2, e1));
}

function uniqueActors(actors: EventActor[], exclude: (EventActor | null)[]): EventActor[] {
  const seen = new Set(exclude.filter((a): a is EventActor => a !== null).map((a) => a.id));
  return actors.filter((a) => !seen.has(a.id) && (seen.add(a.id), true));
}

/** The death tolls the members report, leaving out those that give no figure. */
export function fatalityReports(records: readonly EventRecord[]): number[] {
  return records.flatMap(reportedFatalities);
}

/** The range [lowest, highest] of the members' reported tolls ([0, 0] when none gives one). */
export function fatalitiesRange(records: readonly EventRecord[]): [number, number] {
  const reported = fatalityReports(records);
  return reported.length ? [Math.min(...reported), Math.max(...reported)] : [0, 0];
}

/** Merges the members (cluster order, the earliest first) into one record with id `id`. */
export function mergeRecords(id: string, members: StoredEvent[]): EventRecord {
  const records = members.map((m) => m.record);
  const base = records[0];
  const notes = [...(base.notes ?? [])];
  const from = (field: string, e: EventRecord) => {
    if (e !== base) notes.push(`${field} from event ${e.id}`);
  };

  const typed = best(records, (e) => precedence(e.event_type));
  from('event_type', typed);
  const dated = best(records, (e) => (e.date ? (e.time_precision ?? 1) : 9));
  from('date', dated);
  const placed = best(records, (e) => (e.location ? e.location.geo_precision : 9));
  from('location', placed);

  // Each member's sides, aligned with the base's.
  const sides = records.map((e) =>
    e.event_type !== 'Violence against civilians' && crosswise(base, e)
      ? { actor1: e.actor2, assoc1: e.assoc_actor_2, actor2: e.actor1, assoc2: e.assoc_actor_1 }
      : { actor1: e.actor1, assoc1: e.assoc_actor_1, actor2: e.actor2, assoc2: e.assoc_actor_2 },
  );
  // A report that names a side outranks one that only calls it unidentified.
  const firstOf = (side: (s: (typeof sides)[number]) => EventActor | null, exclude?: EventActor | null) => {
    const given = sides.map(side).filter((a): a is EventActor => a !== null && a.id !== exclude?.id);
    return given.find((a) => !isUnidentifiedActor(a)) ?? given[0] ?? null;
  };
  const actor1 = firstOf((s) => s.actor1);
  const actor2 = firstOf((s) => s.actor2, actor1);

  // The lowest of the reports that give a figure: a report silent on the toll is no report of 0.
  const reported = fatalityReports(records);
  const fatalities = reported.length ? Math.min(...reported) : 0;
  const tolls = [...new Set(reported)].sort((x, y) => x - y);
  if (tolls.length > 1) notes.push(`fatalities: the lowest of the reported ${tolls.join(', ')}`);
  if (reported.length && reported.length < records.length)
    notes.push(`fatalities: ${records.length - reported.length} report(s) without a figure left out`);
  const injuredReports = records.map((e) => e.injured).filter((n): n is number => n !== null);
  const asserted = records.find((e) => e.modality === 'asserted') ?? base;

  return {
    ...base,
    id,
    event_type: typed.event_type,
    sub_event_type: typed.sub_event_type,
    disorder_type: typed.disorder_type,
    plover: typed.plover,
    date: dated.date,
    time_precision: dated.time_precision,
    date_text: dated.date_text,
    date_reason: dated.date_reason,
    actor1,
    assoc_actor_1: uniqueActors(
      sides.flatMap((s) => s.assoc1),
      [actor1, actor2],
    ),
    actor2,
    assoc_actor_2: uniqueActors(
      sides.flatMap((s) => s.assoc2),
      [actor1, actor2],
    ),
    location: placed.location,
    location_reason: placed.location_reason,
    fatalities,
    injured: injuredReports.length ? Math.min(...injuredReports) : null,
    modality: asserted.modality,
    claimed_by: asserted === base ? base.claimed_by : null,
    claimed_by_actor: asserted === base ? base.claimed_by_actor : null,
    confidence: Math.max(...records.map((e) => e.confidence)),
    notes,
  };
}
