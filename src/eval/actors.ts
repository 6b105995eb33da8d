/**
 * Loose comparison of a gold actor name with a predicted actor. The gold uses ACLED-style names
 * that may differ from the actor dictionary's (term years, "Ansar Allah" vs "Houthis"), so names
 * match by shared words, not by string, and the dictionary's other English names of the
 * predicted actor count as its name.
 */
import { loadActors } from '../knowledge/actors.js';

export interface NamedActor {
  id: string;
  name: string;
}

/** Share of shared words (of the longer name) from which two names are the same actor. */
export const ACTOR_TOKEN_OVERLAP = 0.5;

const STOPWORDS = new Set(['of', 'the', 'and', 'al', 'el', 'for', 'in', 'de']);
/** "Military Forces of Libya (2014-) Libyan National Army": force kind, country, faction. */
const STATE_FORCE = /^(military|police) forces of ([^()]+?)\s*(?:\([^)]*\)\s*(.*))?$/i;

/** Lowercase words without stopwords and term years ("(2016-2021)" dates a name, it does not name it). */
export function actorTokens(name: string): Set<string> {
  return new Set(
    name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t !== '' && !STOPWORDS.has(t) && !/^(19|20)\d\d$/.test(t)),
  );
}

/** Shared words over the words of the longer name. */
export function tokenOverlapRatio(a: string, b: string): number {
  const ta = actorTokens(a);
  const tb = actorTokens(b);
  const longer = Math.max(ta.size, tb.size);
  if (longer === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / longer;
}

/**
 * Both null, the gold name equal to the predicted id, or names sharing enough words. Two state
 * forces ("Military|Police Forces of <country> …") must be the same kind of force of the same
 * country, and their factions (the words after the term) must share enough words when both name
 * one: their common prefix would otherwise make the LNA and the GNA's forces the same actor.
 */
export function actorMatches(gold: string | null, predicted: NamedActor | null): boolean {
  if (gold === null || predicted === null) return gold === null && predicted === null;
  if (gold.trim().toLowerCase() === predicted.id.toLowerCase()) return true;
  const g = STATE_FORCE.exec(gold.trim());
  const p = STATE_FORCE.exec(predicted.name.trim());
  if (g !== null && p !== null) {
    if (g[1].toLowerCase() !== p[1].toLowerCase() || g[2].toLowerCase() !== p[2].toLowerCase()) return false;
    if (!g[3] || !p[3]) return true;
    return tokenOverlapRatio(g[3], p[3]) >= ACTOR_TOKEN_OVERLAP;
  }
  if (tokenOverlapRatio(gold, predicted.name) >= ACTOR_TOKEN_OVERLAP) return true;
  // The group under another of its English names: gold "Houthis" for the dictionary's
  // "Military Forces of Yemen (2016-) Houthi".
  return englishAliases(predicted.id).some((alias) => tokenOverlapRatio(gold, alias) >= ACTOR_TOKEN_OVERLAP);
}

/** The English names the actor dictionary gives an actor id besides its name (none for ids it lacks). */
function englishAliases(id: string): string[] {
  const entry = loadActors().byId.get(id);
  if (entry?.type === 'actor') return entry.aliases_en ?? [];
  if (entry?.type === 'person') return [entry.name_en, ...(entry.aliases_en ?? [])];
  return [];
}

/**
 * Whether actor1 and actor2 are right. Actor order carries no meaning (events.md) except in
 * Violence against civilians, where the victims are actor 2: elsewhere the predicted pair may be
 * read in either order, whichever agrees more with the gold.
 */
export function compareActors(
  gold: { event_type: string; actor1: string | null; actor2: string | null },
  predicted: { actor1: NamedActor | null; actor2: NamedActor | null },
): { actor1: boolean; actor2: boolean } {
  const straight = {
    actor1: actorMatches(gold.actor1, predicted.actor1),
    actor2: actorMatches(gold.actor2, predicted.actor2),
  };
  if (gold.event_type === 'Violence against civilians') return straight;
  const swapped = {
    actor1: actorMatches(gold.actor1, predicted.actor2),
    actor2: actorMatches(gold.actor2, predicted.actor1),
  };
  const agreeing = (x: { actor1: boolean; actor2: boolean }) => Number(x.actor1) + Number(x.actor2);
  return agreeing(swapped) > agreeing(straight) ? swapped : straight;
}
