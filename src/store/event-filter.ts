/** What both backends share about events: filter text, actor rows, list summaries, fusion facts. */
import type { EventActor, EventLocation, EventRecord } from '../events/record.js';
import type { FusionFacts, LabelledFacts } from './repository.js';
import { normalizeForMatch } from '../text/normalize.js';

export function eventFilterText(e: EventRecord): { actors: string; place: string } {
  const actors = [e.actor1, ...e.assoc_actor_1, e.actor2, ...e.assoc_actor_2]
    .filter((a) => a !== null)
    .flatMap((a) => [a.id, a.name, a.name_ar]);
  const place = e.location
    ? [e.location.id, e.location.name, e.location.name_ar, e.location.admin1 ?? '', e.location.country]
    : [];
  return {
    actors: normalizeForMatch(actors.join(' | ')).toLowerCase(),
    place: normalizeForMatch(place.join(' | ')).toLowerCase(),
  };
}

/** One actor's filter text in the `actor_names` lookup table: id and names, normalised. */
export function actorNameText(a: EventActor): string {
  return normalizeForMatch([a.id, a.name, a.name_ar].join(' | ')).toLowerCase();
}

/** One place's filter text in the `place_names` lookup table: id, names, district and country. */
export function placeNameText(p: EventLocation): string {
  return normalizeForMatch([p.id, p.name, p.name_ar, p.admin1 ?? '', p.country].join(' | ')).toLowerCase();
}

export type ActorRole = 'actor1' | 'assoc_actor_1' | 'actor2' | 'assoc_actor_2';

/** The rows of `event_actors` for one event: each actor with its role. */
export function eventActorRows(e: EventRecord): { actorId: string; role: ActorRole }[] {
  const rows: { actorId: string; role: ActorRole }[] = [];
  if (e.actor1) rows.push({ actorId: e.actor1.id, role: 'actor1' });
  for (const a of e.assoc_actor_1) rows.push({ actorId: a.id, role: 'assoc_actor_1' });
  if (e.actor2) rows.push({ actorId: e.actor2.id, role: 'actor2' });
  for (const a of e.assoc_actor_2) rows.push({ actorId: a.id, role: 'assoc_actor_2' });
  return rows;
}

/** The two sides' actor ids (main first) from `event_actors` rows written "role actor_id". */
export function actorSides(rows: string[]): { actors1: string[]; actors2: string[] } {
  const parsed = rows.map((r) => {
    const space = r.indexOf(' ');
    return { role: r.slice(0, space), id: r.slice(space + 1) };
  });
  const side = (main: string, assoc: string) => [
    ...parsed.filter((p) => p.role === main).map((p) => p.id),
    ...parsed
      .filter((p) => p.role === assoc)
      .map((p) => p.id)
      .sort(),
  ];
  return { actors1: side('actor1', 'assoc_actor_1'), actors2: side('actor2', 'assoc_actor_2') };
}

/**
 * The JSON of a record without its evidence sentences and per-field sources: what lists show;
 * with its review status when it has been reviewed.
 */
export function eventSummaryJson(e: EventRecord, reviewStatus: string | null = null): string {
  const { evidence: _evidence, sources: _sources, ...coded } = e;
  return JSON.stringify(reviewStatus ? { ...coded, review_status: reviewStatus } : coded);
}

/** The columns of a fused event that its filters and orders read, from its (corrected) record. */
export function fusedColumns(record: EventRecord) {
  return {
    event_type: record.event_type,
    sub_event_type: record.sub_event_type,
    country: record.location?.country ?? null,
    admin1: record.location?.admin1 ?? null,
    place_id: record.location?.id ?? null,
    lat: record.location?.lat ?? null,
    lon: record.location?.lon ?? null,
    modality: record.modality,
  };
}

/** What both backends' fusion queries return for one event: its facts, with its actors as "role id" lines. */
export type FactsRow = Omit<FusionFacts, 'articleId' | 'actors1' | 'actors2'> & {
  article_id: string;
  actors: string | null;
  component: string | null;
};

export function toFacts({ article_id, actors, component: _component, ...facts }: FactsRow): FusionFacts {
  return { ...facts, articleId: article_id, ...actorSides(actors ? actors.split('\n') : []) };
}

export function toLabelledFacts(row: FactsRow): LabelledFacts {
  return { ...toFacts(row), component: row.component };
}

/** An outlet's name as the source filter compares it (the query's words are normalised alike). */
export function sourceNorm(source: string | null): string | null {
  return source === null ? null : normalizeForMatch(source).toLowerCase();
}

/** The words of a filter value, normalised like the stored filter text; each must occur. */
export function wordsOf(value: string): string[] {
  return normalizeForMatch(value).toLowerCase().split(/\s+/).filter(Boolean);
}

/** The columns of an event's row in `events`, in the order of `eventRowValues`: one list for both backends. */
export const EVENT_ROW_COLUMNS = [
  'id',
  'article_id',
  'event_type',
  'sub_event_type',
  'date',
  'lat',
  'lon',
  'admin1',
  'fatalities',
  'modality',
  'actors_text',
  'place_text',
  'record',
  'time_precision',
  'geo_precision',
  'place_id',
  'summary',
  'country',
  'review_status',
  'machine_record',
] as const;

/**
 * The values of an event's row (EVENT_ROW_COLUMNS) for record `e` of an article, with its review
 * status and, when a correction applies, the machine's record.
 */
export function eventRowValues(
  articleId: string,
  e: EventRecord,
  status: string | null,
  machine: EventRecord | null,
): unknown[] {
  const text = eventFilterText(e);
  return [
    e.id,
    articleId,
    e.event_type,
    e.sub_event_type,
    e.date,
    e.location?.lat ?? null,
    e.location?.lon ?? null,
    e.location?.admin1 ?? null,
    e.fatalities,
    e.modality,
    text.actors,
    text.place,
    JSON.stringify(e),
    e.time_precision,
    e.location?.geo_precision ?? null,
    e.location?.id ?? null,
    eventSummaryJson(e, status),
    e.location?.country ?? null,
    status,
    machine ? JSON.stringify(machine) : null,
  ];
}
