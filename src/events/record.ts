/**
 * The event record of ../shared/reference/events.md, field names exact. Inferred things (a
 * resolved actor, a place) carry no position of their own; `evidence` and the per-field
 * `sources` point to the words they rest on.
 */
import type { Evidence } from '../core/span.js';

export type Modality = 'asserted' | 'claimed' | 'announced' | 'planned' | 'denied' | 'threatened';

export interface EventActor {
  id: string;
  name: string;
  name_ar: string;
  inter: number;
}

/** The record's actor of a dictionary entry or resolution: its id, names and inter code only. */
export function eventActorOf(a: EventActor): EventActor {
  return { id: a.id, name: a.name, name_ar: a.name_ar, inter: a.inter };
}

/**
 * Whether `a` is one of ACLED's unidentified categories (packs/world/actors.json: ids
 * unidentified-armed-group[-<country>], unidentified-military-forces), which a report gives when
 * it names no author: another report that names one knows more.
 */
export function isUnidentifiedActor(a: EventActor): boolean {
  return isUnidentifiedActorId(a.id);
}

/** isUnidentifiedActor by the actor's id alone. */
export function isUnidentifiedActorId(id: string): boolean {
  return id.startsWith('unidentified-');
}

export interface EventLocation {
  id: string;
  name: string;
  name_ar: string;
  country: string;
  admin1: string | null;
  admin2?: string | null;
  lat: number;
  lon: number;
  geo_precision: 1 | 2 | 3;
  /** "جنوب طرابلس": the direction from the named place, kept with geo_precision 2. */
  direction?: string | null;
}

/** Which words and which rule produced one field of the event. */
export interface FieldSource {
  field: string;
  rule: string;
  evidence: Evidence | null;
  note?: string;
}

export interface EventRecord {
  id: string;
  event_type: string;
  sub_event_type: string;
  disorder_type: string;
  plover: { type: string; mode: string | null };
  date: string | null;
  time_precision: 1 | 2 | 3 | null;
  date_text: string | null;
  /** Why `date` is null, when it is. */
  date_reason?: string | null;
  actor1: EventActor | null;
  assoc_actor_1: EventActor[];
  actor2: EventActor | null;
  assoc_actor_2: EventActor[];
  location: EventLocation | null;
  location_reason?: string | null;
  fatalities: number;
  injured: number | null;
  modality: Modality;
  claimed_by: Evidence | null;
  /** The organisation the claimant speaks for, when its words name one (or a person of one). */
  claimed_by_actor?: EventActor | null;
  evidence: Evidence[];
  trigger: Evidence;
  rule: string;
  confidence: number;
  sources: FieldSource[];
  notes?: string[];
}

export interface ArticleRef {
  id: string;
  title: string;
  published: string | null;
  source: string | null;
  url: string | null;
}

export interface EntityRecord {
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  text: string;
  start: number;
  end: number;
  ref: string | null;
  rule: string;
  confidence: number;
}

export interface ExtractionRecord {
  /** `input_id`: the input's own id for the article (a JSON record's `id`), when it has one. */
  article: ArticleRef & { input_id?: string | null };
  events: EventRecord[];
  entities: EntityRecord[];
}

/**
 * The death tolls an event's report gives: its figure when the text reports one (a source for
 * it, or any figure above 0, as a human may set), nothing when it is the 0 of "no mention"
 * (events.md), so that fusion's "lowest report" is taken among figures.
 */
export function reportedFatalities(r: EventRecord): number[] {
  return r.fatalities > 0 || r.sources.some((s) => s.field === 'fatalities') ? [r.fatalities] : [];
}

/** The coded fields of an event as flat columns (tables, GeoJSON properties), in one order. */
export function codedColumns(r: EventRecord) {
  return {
    date: r.date,
    time_precision: r.time_precision,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    disorder_type: r.disorder_type,
    plover_type: r.plover.type,
    plover_mode: r.plover.mode,
  };
}
