/**
 * Filter values as users type them, checked and made canonical for the store: the same rules
 * for the API (src/server/params.ts) and the CLI (src/cli/options.ts). ACLED's types are matched
 * without regard to case, and an unknown one is an error listing the valid ones, never a silent
 * empty answer. An actor is found by any of its names or aliases through the actor dictionary.
 */
import { ACLED_SUB_EVENT_TYPES, isAcledEventType } from '../events/lexicon.js';
import type { Modality } from '../events/record.js';
import type { ActorDictionary } from '../knowledge/actors.js';
import { REVIEW_STATUSES, type ReviewStatus } from '../review/review.js';
import { normalizeForMatch } from '../text/normalize.js';
import { isOneOf } from '../core/unknown.js';

export class FilterValueError extends Error {}

const EVENT_TYPES: readonly string[] = Object.keys(ACLED_SUB_EVENT_TYPES);
const SUB_EVENT_TYPES: readonly string[] = Object.values(ACLED_SUB_EVENT_TYPES).flat();

export const MODALITIES: readonly Modality[] = ['asserted', 'claimed', 'announced', 'planned', 'denied', 'threatened'];

function canonical(value: string, valid: readonly string[], what: string): string {
  const key = value.trim().toLowerCase();
  const found = valid.find((v) => v.toLowerCase() === key);
  if (found === undefined)
    throw new FilterValueError(`unknown ${what} "${value}": expected one of ${valid.join(', ')}`);
  return found;
}

/** ACLED's event type, whatever its case ("battles" → "Battles"). */
export function canonicalEventType(value: string): string {
  return canonical(value, EVENT_TYPES, 'event type');
}

/** ACLED's sub-event type, whatever its case; of `type` when one is given. */
export function canonicalSubEventType(value: string, type?: string): string {
  const valid: readonly string[] = type && isAcledEventType(type) ? ACLED_SUB_EVENT_TYPES[type] : SUB_EVENT_TYPES;
  return canonical(value, valid, type ? `sub-event type of ${type}` : 'sub-event type');
}

export function canonicalModality(value: string): Modality {
  const found = canonical(value, MODALITIES, 'modality');
  return MODALITIES.find((m) => m === found)!;
}

/** Review statuses, comma-separated ("unreviewed,corrected"). */
export function reviewStatuses(value: string): ReviewStatus[] {
  const statuses: ReviewStatus[] = [];
  for (const part of value.split(',')) {
    const status = part.trim().toLowerCase();
    if (!isOneOf(REVIEW_STATUSES, status))
      throw new FilterValueError(
        `unknown review status "${part.trim()}": expected one of ${REVIEW_STATUSES.join(', ')}`,
      );
    if (!statuses.includes(status)) statuses.push(status);
  }
  return statuses;
}

/** An ISO alpha-2 country code, upper case. */
export function countryCode(value: string): string {
  if (!/^[A-Za-z]{2}$/.test(value.trim()))
    throw new FilterValueError(`invalid country "${value}": expected an ISO 3166 alpha-2 code, e.g. LY`);
  return value.trim().toUpperCase();
}

const key = (s: string) => normalizeForMatch(s).toLowerCase().replace(/\s+/g, ' ').trim();

type DictionaryActor = ActorDictionary['actors'][number];
interface KeyedActor {
  actor: DictionaryActor;
  names: string[];
}

/** Every actor's names made keys once per dictionary: normalising them all costs ~9 ms a request. */
const keyedByDictionary = new WeakMap<readonly DictionaryActor[], KeyedActor[]>();

function keyedNames(actors: readonly DictionaryActor[]): KeyedActor[] {
  let entries = keyedByDictionary.get(actors);
  if (!entries) {
    entries = actors.map((a) => ({
      actor: a,
      names: [a.id, a.name, a.name_ar, ...a.aliases_ar.map((x) => x.text), ...(a.aliases_en ?? [])].map(key),
    }));
    keyedByDictionary.set(actors, entries);
  }
  return entries;
}

/**
 * The ids of the dictionary's actors that `words` names: those with a name or alias equal to
 * it (Arabic or English, normalised), else those whose names hold every word. Null when none
 * does, or when one is a generic category named per country ("Civilians (Libya)"), whose stored
 * ids the dictionary does not hold: the caller then matches the stored names' words instead.
 */
export function actorIdsNamed(dictionary: Pick<ActorDictionary, 'actors'>, words: string): string[] | null {
  const wanted = key(words);
  if (!wanted) return null;
  const entries = keyedNames(dictionary.actors);
  let found = entries.filter((e) => e.names.includes(wanted));
  if (found.length === 0) {
    const parts = wanted.split(' ');
    found = entries.filter((e) => parts.every((p) => e.names.some((n) => n.includes(p))));
  }
  if (found.length === 0 || found.some((e) => e.actor.per_country)) return null;
  return found.map((e) => e.actor.id);
}
