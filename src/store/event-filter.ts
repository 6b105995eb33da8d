/** The searchable text of an event's actors and place, shared by every backend. */
import type { EventRecord } from '../events/record.js';
import { normalizeForMatch } from '../text/normalize.js';

export function eventFilterText(e: EventRecord): { actors: string; place: string } {
  const actors = [e.actor1, ...e.assoc_actor_1, e.actor2, ...e.assoc_actor_2]
    .filter((a) => a !== null)
    .flatMap((a) => [a.id, a.name, a.name_ar]);
  const place = e.location ? [e.location.id, e.location.name, e.location.name_ar, e.location.admin1 ?? '', e.location.country] : [];
  return {
    actors: normalizeForMatch(actors.join(' | ')).toLowerCase(),
    place: normalizeForMatch(place.join(' | ')).toLowerCase(),
  };
}
