/** The actors and places the knowledge packs know, for the API's look-ups and the web app's filters. */
import type { EntityKnowledge } from '../entities/knowledge.js';
import { normalizeForMatch } from '../text/normalize.js';

export interface ActorView {
  id: string;
  name: string;
  name_ar: string;
  aliases_ar: string[];
  inter: number;
  kind: string;
  country: string | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PlaceView {
  id: string;
  name: string;
  name_ar: string;
  aliases_ar: string[];
  admin1: string;
  feature: string;
  lat: number;
  lon: number;
  importance: number;
}

const key = (s: string) => normalizeForMatch(s).toLowerCase();

/** Entries any of whose names contains every word of `q`, in the order given. */
function lookup<T extends { id: string; name: string; name_ar: string; aliases_ar: string[] }>(
  items: T[],
  q: string | undefined,
  limit: number,
): T[] {
  if (!q) return items.slice(0, limit);
  const words = key(q).split(/\s+/).filter(Boolean);
  const matches = items.filter((item) => {
    const names = key([item.id, item.name, item.name_ar, ...item.aliases_ar].join(' | '));
    return words.every((w) => names.includes(w));
  });
  return matches.slice(0, limit);
}

export function lookupActors(
  knowledge: EntityKnowledge,
  q: string | undefined,
  limit: number,
): { total: number; actors: ActorView[] } {
  const all: ActorView[] = knowledge.actors.actors.map((a) => ({
    id: a.id,
    name: a.name,
    name_ar: a.name_ar,
    aliases_ar: a.aliases_ar.map((x) => x.text),
    inter: a.inter,
    kind: a.kind,
    country: a.country,
    valid_from: a.valid_from ?? null,
    valid_to: a.valid_to ?? null,
  }));
  const found = lookup(all, q, Number.MAX_SAFE_INTEGER);
  return { total: found.length, actors: found.slice(0, limit) };
}

export function lookupPlaces(
  knowledge: EntityKnowledge,
  q: string | undefined,
  limit: number,
): { total: number; places: PlaceView[] } {
  const all: PlaceView[] = [...knowledge.gazetteer.places]
    .sort((a, b) => b.importance - a.importance || a.id.localeCompare(b.id))
    .map((p) => ({
      id: p.id,
      name: p.name_en,
      name_ar: p.name_ar,
      aliases_ar: p.aliases_ar,
      admin1: p.admin1,
      feature: p.feature,
      lat: p.lat,
      lon: p.lon,
      importance: p.importance,
    }));
  const found = lookup(all, q, Number.MAX_SAFE_INTEGER);
  return { total: found.length, places: found.slice(0, limit) };
}
