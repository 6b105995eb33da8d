/**
 * Corrections as a reviewer writes them (`type=Battles`, `actor1=قوات حفتر`, `place=درنة`,
 * `fatalities=5`), checked and resolved against the knowledge packs into the values the record
 * holds. The API's JSON and the CLI's `--set field=value` both come here.
 */
import type { EventActor, EventLocation, EventRecord } from '../events/record.js';
import type { ActorDictionary } from '../knowledge/actors.js';
import type { Gazetteer } from '../knowledge/places.js';
import { canonicalEventType, canonicalSubEventType, FilterValueError } from '../app/filter-values.js';
import { isCalendarDate } from '../core/calendar-date.js';
import { normalizeForMatch } from '../text/normalize.js';
import { ReviewError, type Corrections } from './review.js';

/** A correction as given: field names of the record or their short forms, values as text or numbers. */
export type RawCorrections = Record<string, string | number | null | undefined>;

/** Accepted names of each corrected field. */
const FIELD_NAMES: Record<string, keyof Corrections> = {
  event_type: 'event_type',
  type: 'event_type',
  sub_event_type: 'sub_event_type',
  subtype: 'sub_event_type',
  sub_type: 'sub_event_type',
  actor1: 'actor1',
  actor2: 'actor2',
  place: 'location',
  location: 'location',
  date: 'date',
  fatalities: 'fatalities',
  injuries: 'injured',
  injured: 'injured',
};

export const CORRECTION_FIELD_NAMES = Object.keys(FIELD_NAMES);

export interface CorrectionKnowledge {
  actors: Pick<ActorDictionary, 'actors'>;
  gazetteer: Pick<Gazetteer, 'places' | 'cities'>;
}

const key = (s: string) => normalizeForMatch(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** The corrections, resolved; `current` is the record they correct (a sub-type must fit its type). */
export function resolveCorrections(
  raw: RawCorrections,
  current: EventRecord,
  knowledge: CorrectionKnowledge,
): Corrections {
  const out: Corrections = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const field = FIELD_NAMES[name.toLowerCase()];
    if (!field)
      throw new ReviewError(`cannot correct "${name}": the fields are ${Object.keys(FIELD_NAMES).join(', ')}`);
    switch (field) {
      case 'event_type':
        out.event_type = checked(() => canonicalEventType(text(value, name)));
        break;
      case 'sub_event_type':
        out.sub_event_type = text(value, name);
        break;
      case 'actor1':
      case 'actor2':
        out[field] = value === null || value === '' ? null : actorNamed(text(value, name), knowledge.actors);
        break;
      case 'location':
        out.location = value === null || value === '' ? null : placeNamed(text(value, name), knowledge.gazetteer);
        break;
      case 'date': {
        const date = value === null || value === '' ? null : text(value, name);
        if (date !== null && !isCalendarDate(date))
          throw new ReviewError(`invalid date "${date}": expected YYYY-MM-DD`);
        out.date = date;
        break;
      }
      case 'fatalities':
        out.fatalities = count(value, name, false)!;
        break;
      case 'injured':
        out.injured = count(value, name, true);
        break;
    }
  }
  const type = out.event_type ?? current.event_type;
  if (out.sub_event_type !== undefined)
    out.sub_event_type = checked(() => canonicalSubEventType(out.sub_event_type!, type));
  else if (out.event_type !== undefined && out.event_type !== current.event_type)
    // The machine's sub-type belongs to the machine's type: a new type needs its own.
    checked(() => canonicalSubEventType(current.sub_event_type, type));
  return out;
}

function checked<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof FilterValueError) throw new ReviewError(err.message);
    throw err;
  }
}

function text(value: string | number | null, name: string): string {
  if (typeof value !== 'string') throw new ReviewError(`"${name}" must be text`);
  return value.trim();
}

function count(value: string | number | null, name: string, nullable: boolean): number | null {
  if (value === null || value === '') {
    if (nullable) return null;
    throw new ReviewError(`"${name}" must be a whole number, 0 or more`);
  }
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new ReviewError(`"${name}" must be a whole number, 0 or more, not "${value}"`);
  return n;
}

/** The one actor of the dictionary with this id, name or alias. */
function actorNamed(value: string, dictionary: Pick<ActorDictionary, 'actors'>): EventActor {
  const wanted = key(value);
  const byId = dictionary.actors.find((a) => a.id === value);
  const found = byId
    ? [byId]
    : dictionary.actors.filter((a) =>
        [a.name, a.name_ar, ...a.aliases_ar.map((x) => x.text), ...(a.aliases_en ?? [])].some((n) => key(n) === wanted),
      );
  if (found.length === 0) throw new ReviewError(`unknown actor "${value}": give an actor's id, name or alias`);
  if (found.length > 1)
    throw new ReviewError(`"${value}" names several actors: give one id of ${found.map((a) => a.id).join(', ')}`);
  const a = found[0];
  return { id: a.id, name: a.name, name_ar: a.name_ar, inter: a.inter };
}

/** The one place of the gazetteer (Libya's places, the region's cities) with this id, name or alias. */
function placeNamed(value: string, gazetteer: Pick<Gazetteer, 'places' | 'cities'>): EventLocation {
  const wanted = key(value);
  const names = (p: { name_en: string; name_ar: string; aliases_ar: string[]; aliases_en?: string[] }) =>
    [p.name_en, p.name_ar, ...p.aliases_ar, ...(p.aliases_en ?? [])].map(key);
  const places = gazetteer.places.filter((p) => p.id === value || names(p).includes(wanted));
  const cities = gazetteer.cities.filter((c) => c.id === value || names(c).includes(wanted));
  const exact = [...places, ...cities].filter((p) => p.id === value);
  const found = exact.length ? exact : [...places, ...cities];
  if (found.length === 0)
    throw new ReviewError(`unknown place "${value}": give a place's id or name from the gazetteer`);
  if (found.length > 1)
    throw new ReviewError(
      `"${value}" names several places: give one id of ${found
        .slice(0, 10)
        .map((p) => p.id)
        .join(', ')}`,
    );
  const p = found[0];
  return {
    id: p.id,
    name: p.name_en,
    name_ar: p.name_ar,
    country: p.country,
    admin1: p.admin1 ?? null,
    admin2: 'admin2' in p ? (p.admin2 ?? null) : null,
    lat: p.lat,
    lon: p.lon,
    geo_precision: 1,
  };
}
