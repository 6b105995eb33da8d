/**
 * Resolution: which place, actor or person a recognised name refers to, with a confidence and
 * ranked alternatives. Places are resolved with the article's context (its country focus and
 * the other places it names), actors and people against the article's date.
 */
import { distanceKm, round4 } from '../core/geo.js';
import { normalizeForMatch } from '../text/normalize.js';
import { rangeCovers, type Actor } from '../knowledge/actors.js';
import type { EntityKnowledge, GeoEntry } from './knowledge.js';
import { KNOWN_PLACE_IMPORTANCE } from './place-evidence.js';
import type { EntityCandidate } from './candidate.js';
import type { NameEntry } from './name-index.js';

export interface Alternative {
  id: string;
  name: string;
  score: number;
}

interface ResolutionBase {
  id: string;
  name: string;
  name_ar: string;
  confidence: number;
  alternatives: Alternative[];
  /** The reasons behind the choice, for `--json` debugging. */
  why: string[];
}

export interface PlaceResolution extends ResolutionBase {
  kind: 'place';
  country: string;
  admin1: string | null;
  admin2: string | null;
  lat: number;
  lon: number;
  feature: string;
  /** 1: the place itself; 2: near it / a direction from it; 3: a region or country. */
  geo_precision: 1 | 2 | 3;
  direction: string | null;
}

export interface ActorResolution extends ResolutionBase {
  kind: 'actor';
  inter: number;
  country: string | null;
}

export interface PersonResolution extends ResolutionBase {
  kind: 'person';
  /** The organisation the person leads or speaks for at the article's date. */
  actor: { id: string; name: string; name_ar: string; inter: number; role: string } | null;
}

export type Resolution = PlaceResolution | ActorResolution | PersonResolution;

/**
 * What each country weighs in an article: one vote a mention that points to it alone, a country's
 * name, a demonym or an actor counting 1 and a place its importance / 100 (تاجورة, a small
 * Djiboutian town, weighs less than العاصمة الليبية).
 */
export function countryVotes(candidates: readonly EntityCandidate[], knowledge: EntityKnowledge): Map<string, number> {
  const votes = new Map<string, number>();
  for (const c of candidates) {
    // The country the mention points to, and whether it points to several: two variables, not a
    // set per mention, for every name of an article is weighed here, twice an article.
    let country: string | null = null;
    let several = false;
    let weight = 0;
    for (const e of c.entries) {
      if (e.kind === 'actor') {
        const actor = knowledge.actors.byId.get(e.ref);
        // A word several countries' bodies share (الجيش، وزارة الداخلية) names the article's
        // country, so it cannot also be what decides it.
        if (actor?.type === 'actor' && actor.country && !ambiguousAlias(e, actor)) {
          several ||= country !== null && country !== actor.country;
          country = actor.country;
          weight = 1;
        }
      } else if (e.kind === 'place' || e.kind === 'country') {
        // A village's name is no clue to the country: hundreds share it (علي، الجمعة).
        const g = knowledge.geo.get(e.ref);
        if (!g || (g.kind === 'place' && g.place.importance < KNOWN_PLACE_IMPORTANCE)) continue;
        const placeCountry = geoCountry(g);
        several ||= country !== null && country !== placeCountry;
        country = placeCountry;
        weight = Math.max(weight, g.kind === 'country' ? 1 : geoImportance(g) / 100);
      }
    }
    // Only unambiguous mentions vote: طرابلس alone must not decide between Libya and Lebanon.
    if (country !== null && !several) votes.set(country, (votes.get(country) ?? 0) + weight);
  }
  return votes;
}

/** Whether the alias a name entry matched is marked ambiguous on its actor (or the actor is). */
export function ambiguousAlias(e: NameEntry, actor: Actor): boolean {
  if (actor.ambiguous) return true;
  const norm = actorAliasOf(e);
  return actor.aliases_ar.some((a) => a.norm === norm && a.ambiguous);
}

/** The countries with at least `share` of the best one's votes, best first (ties: first named). */
export function topCountries(votes: ReadonlyMap<string, number>, share: number): string[] {
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const best = ranked[0]?.[1] ?? 0;
  return ranked.filter(([, n]) => n > 0 && n >= best * share).map(([country]) => country);
}

/** What resolution reads of a Libyan place, a world city or a country, in one shape. */
interface GeoFacts extends Pick<
  PlaceResolution,
  'name' | 'name_ar' | 'country' | 'admin1' | 'admin2' | 'lat' | 'lon' | 'feature'
> {
  importance: number;
  /** How alternatives are listed: "Tripoli (Tripoli)", "Tripoli (LB)". */
  label: string;
}

/** geoFacts(g).country, without the rest. */
function geoCountry(g: GeoEntry): string {
  return g.kind === 'place' ? g.place.country : g.kind === 'city' ? g.city.country : g.country.iso2;
}

/** The importance a country is given where a place's would be read (geoFacts, countryVotes). */
const COUNTRY_IMPORTANCE = 90;

/** geoFacts(g).importance, without the rest. */
function geoImportance(g: GeoEntry): number {
  return g.kind === 'place' ? g.place.importance : g.kind === 'city' ? g.city.importance : COUNTRY_IMPORTANCE;
}

function geoFacts(g: GeoEntry): GeoFacts {
  if (g.kind === 'place') {
    const p = g.place;
    return {
      name: p.name_en,
      name_ar: p.name_ar,
      country: p.country,
      admin1: p.admin1,
      admin2: p.admin2 ?? null,
      lat: p.lat,
      lon: p.lon,
      feature: p.feature,
      importance: p.importance,
      label: `${p.name_en} (${p.admin1})`,
    };
  }
  if (g.kind === 'city') {
    const c = g.city;
    return {
      name: c.name_en,
      name_ar: c.name_ar,
      country: c.country,
      admin1: c.admin1 ?? null,
      admin2: null,
      lat: c.lat,
      lon: c.lon,
      feature: c.feature,
      importance: c.importance,
      label: `${c.name_en} (${c.country})`,
    };
  }
  const c = g.country;
  return {
    name: c.name_en,
    name_ar: c.name_ar,
    country: c.iso2,
    admin1: null,
    admin2: null,
    lat: c.lat,
    lon: c.lon,
    feature: 'country',
    importance: COUNTRY_IMPORTANCE,
    label: c.name_en,
  };
}

/** Place nouns written before a name that say which kind of place is meant. */
const FEATURE_HINTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['شعبيه', ['district']],
  ['مدينه', ['city', 'town']],
  ['بلده', ['town', 'village']],
  ['قريه', ['village', 'hamlet']],
  ['حي', ['neighbourhood']],
  ['منطقه', ['neighbourhood', 'region', 'village', 'town']],
  ['مطار', ['airport', 'airbase']],
  ['قاعده', ['airbase', 'camp']],
  ['ميناء', ['port', 'oil_terminal']],
  ['معسكر', ['camp']],
]);

export interface PlaceContext {
  focus: string | null;
  /**
   * Each country's share of the article's votes (1 for the focus): a place in a country the
   * article also names gets that share of the focus bonus. Absent: the focus alone counts.
   */
  focusShares?: ReadonlyMap<string, number>;
  /** Points of the article's places resolved without ambiguity, for proximity. */
  anchors: { lat: number; lon: number }[];
  /**
   * The distance from a gazetteer entry to its nearest anchor, by entry, once worked out: a long
   * text names the same places again and again against the same anchors.
   */
  nearestAnchorKm?: Map<string, number>;
  /** The normalised word before the name, without its article. */
  previousWord: string | null;
}

export function resolvePlace(
  c: EntityCandidate,
  knowledge: EntityKnowledge,
  context: PlaceContext,
): PlaceResolution | null {
  const scored: { facts: GeoFacts; id: string; score: number; why: string[] }[] = [];
  for (const e of c.entries) {
    if (e.kind !== 'place' && e.kind !== 'country') continue;
    if (e.demonym) continue;
    const g = knowledge.geo.get(e.ref);
    if (!g) continue;
    const facts = geoFacts(g);
    const why: string[] = [];
    let score = facts.importance / 100;
    why.push(`importance ${facts.importance}`);
    const share = context.focusShares?.get(facts.country) ?? (facts.country === context.focus ? 1 : 0);
    if (share > 0) {
      score += share;
      why.push(
        facts.country === context.focus
          ? `in the article's country (${context.focus})`
          : `in a country the article names (${facts.country}, ${share.toFixed(2)} of the focus)`,
      );
    }
    const hint = context.previousWord ? FEATURE_HINTS.get(context.previousWord) : undefined;
    if (hint?.includes(facts.feature)) {
      score += 0.8;
      why.push(`"${context.previousWord}" names a ${facts.feature}`);
    }
    if (context.anchors.length) {
      let nearest = context.nearestAnchorKm?.get(e.ref);
      if (nearest === undefined) {
        nearest = Infinity; // a loop, not Math.min(...): a spread of many anchors overflows the stack
        for (const a of context.anchors) nearest = Math.min(nearest, distanceKm(a.lat, a.lon, facts.lat, facts.lon));
        context.nearestAnchorKm?.set(e.ref, nearest);
      }
      const bonus = 0.5 * Math.exp(-nearest / 150);
      score += bonus;
      if (bonus > 0.05) why.push(`${Math.round(nearest)} km from another place in the article`);
    }
    scored.push({ facts, id: e.ref, score, why });
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.score - a.score);
  const [best] = scored;
  const f = best.facts;
  const second = scored[1]?.score ?? 0;
  const confidence = Math.min(
    0.99,
    0.6 + 0.4 * (scored.length === 1 ? 1 : Math.min(1, (best.score - second) / Math.max(0.2, best.score))),
  );
  const precision: 1 | 2 | 3 =
    f.feature === 'country' || f.feature === 'region' || f.feature === 'district' ? 3 : c.direction ? 2 : 1;
  return {
    kind: 'place',
    id: best.id,
    name: f.name,
    name_ar: f.name_ar,
    country: f.country,
    admin1: f.admin1,
    admin2: f.admin2,
    lat: round4(f.lat),
    lon: round4(f.lon),
    feature: f.feature,
    geo_precision: precision,
    direction: c.direction,
    confidence: round4(confidence),
    alternatives: scored.slice(1, 5).map((s) => ({ id: s.id, name: s.facts.label, score: round4(s.score) })),
    why: best.why,
  };
}

/** The best actor or person for a name at the article's date. */
/** The normalised alias of each actor or person entry met (see actorAliasOf). */
const actorAliases = new WeakMap<NameEntry, string>();

/**
 * The normalised alias an entry is looked up by among the actors. Every actor name of every
 * article asks, twice (for the article's context, then for itself), and normalising was half of
 * this resolution's time: kept per entry, which the name index holds for as long as it lives.
 */
function actorAliasOf(e: NameEntry): string {
  let alias = actorAliases.get(e);
  if (alias === undefined) actorAliases.set(e, (alias = normalizeForMatch(e.baseAlias ?? e.alias)));
  return alias;
}

export function resolveActorOrPerson(
  c: EntityCandidate,
  knowledge: EntityKnowledge,
  date: string | null,
  /** Actors the article names without ambiguity (or whose people it names): they win ties. */
  contextActors: ReadonlySet<string> = new Set(),
  /** The article's country (countryFocus): a label shared across theatres means that country's actor. */
  focus: string | null = null,
): ActorResolution | PersonResolution | null {
  const entries = c.entries.filter((e): e is NameEntry => e.kind === 'actor' || e.kind === 'person');
  if (entries.length === 0) return null;
  const refs = new Set(entries.map((e) => e.ref));
  const aliases = new Set(entries.map(actorAliasOf));
  const ranked = [...aliases]
    .flatMap((alias) => knowledge.actors.candidatesFor(alias, date))
    .filter((cand) => refs.has(cand.entry.id))
    .map((cand) => {
      let score = cand.score;
      const why = [...cand.why];
      if (contextActors.has(cand.entry.id)) {
        score += 3;
        why.push('named elsewhere in the article');
      }
      // "الجيش الوطني" is Yemen's army in Yemeni news and the LNA in Libyan news.
      if (focus !== null && cand.entry.type === 'actor' && cand.entry.country === focus) {
        score += 2.5;
        why.push(`of the article's country (${focus})`);
      }
      // Undated articles: an actor that still exists is likelier than one long dissolved.
      if (!date && cand.entry.type === 'actor' && cand.entry.valid_to === null) {
        score += 0.5;
        why.push('no date: still active');
      }
      return { ...cand, score, why };
    })
    .sort((a, b) => b.score - a.score);
  const seen = new Set<string>();
  const unique = ranked.filter((cand) => !seen.has(cand.entry.id) && seen.add(cand.entry.id));
  if (unique.length === 0) return null;
  const [best] = unique;
  // "الجيش"، "القوات الحكومية"، "الشرطة"، "قوات الأمن": a word several countries' forces share
  // names, in an article about a country whose forces the dictionary lacks (or about no known
  // country), no other country's. A word one country's forces alone bear (قوات الاحتلال، القوات
  // الحكومية السورية) stays theirs.
  const countries = new Set(unique.map((cand) => (cand.entry.type === 'actor' ? cand.entry.country : null)));
  // A government's shared word (وزارة الداخلية، الحكومة الشرعية) likewise names the article's
  // country's, even where one country's entry alone bears it: Libya's interior ministry is not
  // the one an Afghan or Egyptian report quotes.
  if (
    best.alias.ambiguous &&
    best.entry.type === 'actor' &&
    ((countries.size > 1 && (best.entry.kind === 'state_forces' || best.entry.kind === 'police')) ||
      best.entry.kind === 'government') &&
    best.entry.country !== focus &&
    !contextActors.has(best.entry.id)
  )
    return null;
  const second = unique[1]?.score ?? 0;
  const confidence = round4(
    Math.min(
      0.99,
      0.55 +
        0.44 * (unique.length === 1 ? 1 : Math.min(1, (best.score - second) / Math.max(0.2, Math.abs(best.score)))),
    ),
  );
  const alternatives = unique
    .slice(1, 5)
    .map((cand) => ({ id: cand.entry.id, name: entryName(cand.entry), score: round4(cand.score) }));
  const entry = best.entry;
  if (entry.type === 'actor') {
    return {
      kind: 'actor',
      id: entry.id,
      name: entry.name,
      name_ar: entry.name_ar,
      inter: entry.inter,
      country: entry.country,
      confidence,
      alternatives,
      why: best.why,
    };
  }
  return {
    kind: 'person',
    id: entry.id,
    name: entry.name_en,
    name_ar: entry.name_ar,
    actor: personActor(entry.id, knowledge, date),
    confidence,
    alternatives,
    why: best.why,
  };
}

function entryName(entry: { type: 'actor' | 'person'; name?: string; name_en?: string }): string {
  return (entry.type === 'actor' ? entry.name : entry.name_en) ?? '';
}

/** The organisation a person leads or speaks for at `date` (their latest role when undated; none when no role covers the date). */
export function personActor(
  personId: string,
  knowledge: EntityKnowledge,
  date: string | null,
): PersonResolution['actor'] {
  const person = knowledge.actors.byId.get(personId);
  if (!person || person.type !== 'person') return null;
  // Dated, a person speaks for what they led then, and for nothing when no role covers the day
  // (a ruler long dead, recalled in a later war, leads no side of it).
  const role = date ? person.roles.filter((r) => rangeCovers(r.from, r.to, date)).at(-1) : person.roles.at(-1);
  if (!role) return null;
  const actor = knowledge.actors.byId.get(role.actor);
  if (!actor || actor.type !== 'actor') return null;
  return { id: actor.id, name: actor.name, name_ar: actor.name_ar, inter: actor.inter, role: role.title_en };
}
