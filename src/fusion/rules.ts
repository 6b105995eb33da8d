/**
 * When two events from different articles report the same occurrence. Each rule either joins
 * with a readable reason or refuses with one; `sameOccurrence` applies them all in order.
 * The rules compare only `FusionFacts`, which the store reads without parsing records.
 */
import type { FusionFacts, FusionPlaces, FusionWindow } from '../store/repository.js';
import { isUnidentifiedActorId } from '../events/record.js';
import { distanceKm } from '../core/geo.js';

/** Places this close are one place, whatever their precision. */
export const NEAR_KM = 25;
/** Half a week: two dates within it are "within the week" (time_precision 2). */
const WEEK_HALF_DAYS = 3;

export type RuleResult = { ok: true; reason: string } | { ok: false; reason: string };

/**
 * Battles and Explosions/Remote violence are one family: outlets code the same fighting as a
 * clash or as shelling, and ACLED codes a strike that is part of a battle as the battle. Every
 * other type is its own family.
 */
export function typeFamily(eventType: string): string {
  return eventType === 'Battles' || eventType === 'Explosions/Remote violence' ? 'armed-violence' : eventType;
}

/** The types whose events may fuse with an event of `eventType`. */
export function familyTypes(eventType: string): string[] {
  return typeFamily(eventType) === 'armed-violence' ? ['Battles', 'Explosions/Remote violence'] : [eventType];
}

export function typeRule(a: FusionFacts, b: FusionFacts): RuleResult {
  if (a.event_type === b.event_type && a.sub_event_type === b.sub_event_type) {
    return { ok: true, reason: `same type ${a.event_type}/${a.sub_event_type}` };
  }
  if (a.event_type === b.event_type)
    return { ok: true, reason: `same type ${a.event_type} (${a.sub_event_type} / ${b.sub_event_type})` };
  if (typeFamily(a.event_type) === typeFamily(b.event_type)) {
    return {
      ok: true,
      reason: `same family: ${a.event_type}/${a.sub_event_type} and ${b.event_type}/${b.sub_event_type}`,
    };
  }
  return { ok: false, reason: `different types ${a.event_type} / ${b.event_type}` };
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function precisionOf(f: FusionFacts): number {
  return f.time_precision ?? 1;
}

/** The coarser of the two time precisions decides: same day, within the week, same month. */
export function dateRule(a: FusionFacts, b: FusionFacts): RuleResult {
  if (!a.date || !b.date) return { ok: false, reason: 'undated' };
  const precision = Math.max(precisionOf(a), precisionOf(b));
  if (precision <= 1) {
    return a.date === b.date
      ? { ok: true, reason: `same day ${a.date}` }
      : { ok: false, reason: `different days ${a.date} / ${b.date}` };
  }
  if (precision === 2) {
    const days = Math.abs(dayNumber(a.date) - dayNumber(b.date));
    return days <= WEEK_HALF_DAYS
      ? { ok: true, reason: a.date === b.date ? `same week (${a.date})` : `same week (${a.date} / ${b.date})` }
      : { ok: false, reason: `${days} days apart, more than a week's precision allows` };
  }
  return a.date.slice(0, 7) === b.date.slice(0, 7)
    ? { ok: true, reason: `same month ${a.date.slice(0, 7)}` }
    : { ok: false, reason: `different months ${a.date.slice(0, 7)} / ${b.date.slice(0, 7)}` };
}

/** Within NEAR_KM, or the same admin1 when either place is imprecise (geo_precision 2 or 3). */
export function placeRule(a: FusionFacts, b: FusionFacts): RuleResult {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return { ok: false, reason: 'no place' };
  const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
  const names = `(${a.place ?? '?'} / ${b.place ?? '?'})`;
  if (km <= NEAR_KM) return { ok: true, reason: `${km.toFixed(1)} km apart ${names}` };
  const imprecise = (a.geo_precision ?? 1) >= 2 || (b.geo_precision ?? 1) >= 2;
  if (imprecise && a.admin1 !== null && a.admin1 === b.admin1) {
    return { ok: true, reason: `same district ${a.admin1}, place imprecise ${names}` };
  }
  return { ok: false, reason: `${km.toFixed(1)} km apart ${names}` };
}

/**
 * Two sides agree when either is unnamed or they share an actor (main or associated). A side
 * one report calls unidentified is unnamed: another report may know who it was.
 */
function sidesAgree(x: string[], y: string[]): boolean {
  const named = (id: string) => !isUnidentifiedActorId(id);
  return !x.some(named) || !y.some(named) || x.some((id) => named(id) && y.includes(id));
}

/**
 * Actors agree side by side, or crosswise (order carries no meaning), except in Violence
 * against civilians where actor 2 is the victims.
 */
export function actorRule(a: FusionFacts, b: FusionFacts): RuleResult {
  if (sidesAgree(a.actors1, b.actors1) && sidesAgree(a.actors2, b.actors2))
    return { ok: true, reason: 'actors compatible' };
  const ordered = a.event_type === 'Violence against civilians' || b.event_type === 'Violence against civilians';
  if (!ordered && sidesAgree(a.actors1, b.actors2) && sidesAgree(a.actors2, b.actors1)) {
    return { ok: true, reason: 'actors compatible (in the other order)' };
  }
  const show = (ids: string[]) => ids.join('+') || '-';
  return {
    ok: false,
    reason: `actors conflict (${show(a.actors1)} v ${show(a.actors2)} / ${show(b.actors1)} v ${show(b.actors2)})`,
  };
}

/** Whether `b` reports the occurrence `a` reports; the reason lists every rule that held. */
export function sameOccurrence(a: FusionFacts, b: FusionFacts): RuleResult {
  if (a.articleId === b.articleId) return { ok: false, reason: 'same article' };
  const reasons: string[] = [];
  for (const rule of [typeRule, dateRule, placeRule, actorRule]) {
    const result = rule(a, b);
    if (!result.ok) return result;
    reasons.push(result.reason);
  }
  return { ok: true, reason: reasons.join(', ') };
}

/**
 * Where the events that may fuse with `f` are: dated within half a week (any precision), or in
 * the same month with month precision; the whole month when `f` itself is only known to the
 * month. Undated events have no window. The windows cover every date `dateRule` accepts.
 */
export function candidateWindows(f: FusionFacts): FusionWindow[] {
  if (!f.date) return [];
  const types = familyTypes(f.event_type);
  const month = { since: `${f.date.slice(0, 7)}-01`, until: `${f.date.slice(0, 7)}-31` };
  if (precisionOf(f) >= 3) return [{ types, ...month }];
  const day = dayNumber(f.date);
  return [
    { types, since: dateOf(day - WEEK_HALF_DAYS), until: dateOf(day + WEEK_HALF_DAYS) },
    { types, ...month, precision: 3 },
  ];
}

/** The radius of the sphere `distanceKm` measures on. */
const EARTH_KM = 6371;

/**
 * Where the events that may fuse with `f` are placed (`placeRule` accepts no other): a box around
 * it that holds every point within NEAR_KM, with a little to spare, or its admin1 when either
 * place is imprecise. Null when `f` has no place: it fuses with nothing.
 */
export function candidatePlaces(f: FusionFacts): FusionPlaces | null {
  if (f.lat === null || f.lon === null) return null;
  const rad = Math.PI / 180;
  // Haversine: points within d km differ in latitude by at most d / R radians.
  const dLat = (NEAR_KM / EARTH_KM / rad) * 1.01;
  const south = f.lat - dLat;
  const north = f.lat + dLat;
  // ... and in longitude by at most 2 asin(sin(d / 2R) / sqrt(cos φ1 cos φ2)), φ2 the farther from the equator.
  const cosProduct = Math.cos(f.lat * rad) * Math.cos(Math.min(90, Math.abs(f.lat) + dLat) * rad);
  const s = Math.sin(NEAR_KM / EARTH_KM / 2) / Math.sqrt(Math.max(cosProduct, 0));
  const dLon = s < 0.99 ? ((2 * Math.asin(s)) / rad) * 1.01 : Infinity;
  const west = f.lon - dLon;
  const east = f.lon + dLon;
  const wraps = !Number.isFinite(dLon) || west < -180 || east > 180;
  return {
    south,
    north,
    west: wraps ? null : west,
    east: wraps ? null : east,
    admin1: f.admin1,
    imprecise: (f.geo_precision ?? 1) >= 2,
  };
}
