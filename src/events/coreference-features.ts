/**
 * What the coreference model reads of two mentions of one article (the earlier `a`, the later
 * `b`, each possibly already merged by the rules): whether their types, days, places, actors and
 * tolls can be one occurrence's, how far apart they are told, and the words that make a later
 * telling refer back (a recap opener, "الهجوم" with the article, a demonstrative, a quotation).
 * Binary features as strings, so a reader can see why two mentions merged. Bump
 * COREFERENCE_FEATURE_VERSION when their meaning changes.
 */
import type { Doc, Token } from '../core/document.js';
import { distanceKm } from '../core/geo.js';
import { spanIndexAt, type Span } from '../core/span.js';
import { daysBetween, parseIsoDate } from '../text/calendar.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { CoreferenceWords } from './coreference-words.js';
import { GENERIC_TRIGGERS } from './merge.js';
import { VIOLENT, type Mention } from './mention.js';
import { summariseToll } from './toll.js';

export const COREFERENCE_FEATURE_VERSION = 'coreference/2';

/** Places closer than this may be one occurrence's (as the rules' SAME_PLACE_KM). */
const NEAR_KM = 50;
/** How many words at the head of a sentence a recap opener may sit in (و، ف are split off). */
const OPENER_WORDS = 4;

/** What a mention's words say, read once per mention. */
export interface MentionCues {
  lead: boolean;
  quoted: boolean;
  summary: boolean;
  backReference: boolean;
  demonstrative: boolean;
  /** What its sentence names: two tellings of one occurrence share words, names and figures. */
  sentence: SentenceBag;
}

/** The content words (stems), names and figures of one sentence. */
export interface SentenceBag {
  words: ReadonlySet<string>;
  /** Resolved names by their knowledge id, others by their normalised text. */
  names: ReadonlySet<string>;
  /** Exact figures (not vague quantities, not years). */
  figures: ReadonlySet<number>;
}

/** Each sentence's bag, built once however many mentions it holds. */
export type SentenceBags = Map<number, SentenceBag>;

/** The spans of a list sorted by start that start inside `range`, found by a binary search. */
function* startingIn<T extends Span>(sorted: readonly T[], range: Span): Generator<T> {
  for (let k = Math.max(0, spanIndexAt(sorted, range.start)); k < sorted.length && sorted[k].start < range.end; k++)
    if (sorted[k].start >= range.start) yield sorted[k];
}

function sentenceBag(doc: Doc, index: number, bags: SentenceBags): SentenceBag {
  const known = bags.get(index);
  if (known) return known;
  const sentence = doc.sentences[index];
  const words = new Set<string>();
  const names = new Set<string>();
  const figures = new Set<number>();
  if (sentence) {
    for (const t of startingIn(doc.tokens, sentence)) if (t.kind === 'word' && t.stem.length > 2) words.add(t.stem);
    for (const e of startingIn(doc.entities, sentence))
      names.add(e.resolution ? `${e.resolution.kind}:${e.resolution.id}` : normalizeForMatch(e.text));
    for (const n of startingIn(doc.numbers, sentence))
      if (!n.vague && !(n.value >= 1900 && n.value <= 2100)) figures.add(n.value);
  }
  const bag = { words, names, figures };
  bags.set(index, bag);
  return bag;
}

export function mentionCues(doc: Doc, m: Mention, list: CoreferenceWords, bags: SentenceBags = new Map()): MentionCues {
  const sentence = doc.sentences[m.sentence];
  const tokens = doc.tokens;
  const at = spanIndexAt(tokens, m.trigger.span.start);
  const token: Token | undefined = tokens[at];
  const previous: Token | undefined = tokens[at - 1];
  const sameSentence = (t: Token | undefined) => t !== undefined && t.sentence === m.sentence;
  const head: string[] = [];
  const first = sentence ? spanIndexAt(tokens, sentence.start) : -1;
  for (let k = Math.max(0, first); k < tokens.length && head.length < OPENER_WORDS; k++) {
    if (tokens[k].sentence !== m.sentence) break;
    if (tokens[k].kind === 'word') head.push(tokens[k].stem);
  }
  const quotes = sentence ? (doc.article.text.slice(sentence.start, m.trigger.span.start).match(/[«»"“”]/g) ?? []) : [];
  // The first non-heading sentences: the lead that sums up.
  let firstBody = 0;
  while (doc.sentences[firstBody]?.heading) firstBody++;
  return {
    lead: m.sentence <= firstBody + 1,
    quoted: quotes.length % 2 === 1,
    summary: list.summary.some((phrase) => startsAnywhere(head, phrase)),
    backReference: sameSentence(token) && token.proclitics.includes('ال') && list.backReference.has(token.stem),
    demonstrative: sameSentence(previous) && list.demonstratives.has(previous.stem),
    sentence: sentenceBag(doc, m.sentence, bags),
  };
}

function startsAnywhere(head: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= head.length; i++) {
    if (phrase.every((w, k) => head[i + k] === w)) return true;
  }
  return false;
}

/**
 * Whether two events may be one occurrence at all: not two towns (each named to the town, over
 * 15 km apart), nor two different day words neither of which resolves, nor two countries on
 * days more than two apart, nor one side's act and another side's answer to it (a counter-attack).
 * Everything else that
 * tells two occurrences apart (places far apart or in two countries, days more than two apart,
 * two different agents, territory taken in two places) is a feature the model weighs: each rests
 * on an argument the rules may have got wrong, and as hard vetoes they kept apart more pairs of
 * one occurrence than of two in eval/labels (places 45 of 75, days 35 of 49, agents 46 of 79).
 */
export function mayCorefer(a: Mention, b: Mention): boolean {
  return whyApart(a, b) === null;
}

/** What keeps two events apart whatever the model says (see mayCorefer), or null. */
export function whyApart(a: Mention, b: Mention): string | null {
  const place = placeRelation(a, b);
  const date = dateRelation(a, b);
  if (date === 'unresolved') return `date-${date}`;
  if (place === 'near' && twoTowns(a, b)) return 'two-towns';
  // Two anchors that both disagree: another country and days more than two apart.
  if (place === 'other-country' && date === 'far') return 'another-country-another-day';
  // "نفذت ضربة جوية … فيما قالت القوات الموالية … إنها أطلقت هجوما مضادا": one side's act and the
  // other's answer to it (a trigger entry's `responds`) are two occurrences.
  if (
    a.event_type !== b.event_type &&
    (a.trigger.responds || b.trigger.responds) &&
    actorRelation(a, b) === 'different'
  )
    return 'a-response';
  return null;
}

/** The features of the pair (a told before b). */
export function pairFeatures(
  a: Mention,
  b: Mention,
  ca: MentionCues,
  cb: MentionCues,
  eventsInArticle: number,
): string[] {
  const sameType = a.event_type === b.event_type;
  const place = placeRelation(a, b);
  const date = dateRelation(a, b);
  const actor = actorRelation(a, b);
  const distance = bucket(Math.abs(b.sentence - a.sentence), [0, 1, 2, 4, 8]);
  const sd = a.event_type === 'Strategic developments' || b.event_type === 'Strategic developments';
  const protest = (m: Mention) => m.event_type === 'Protests' || m.event_type === 'Riots';
  const f = [
    'bias',
    sameType ? 'same-type' : VIOLENT.has(a.event_type) && VIOLENT.has(b.event_type) ? 'both-violent' : 'other-family',
    `place=${place}`,
    `date=${date}`,
    `actor1=${actor}`,
    `toll=${tollRelation(a, b)}`,
    `distance=${distance}`,
  ];
  if (a.sub_event_type === b.sub_event_type) f.push('same-sub');
  if (sd) f.push('strategic');
  if (protest(a) !== protest(b)) f.push('protest-and-other');
  if (eventsInArticle > 4) f.push('many-events');
  if (actorsOverlap(a, b)) f.push('actors-overlap');
  if (a.trigger.territory || b.trigger.territory) {
    f.push('territory');
    // Taking ground in two places is two takings.
    if (place !== 'same' && place !== 'one' && place !== 'none') f.push('territory-two-places');
  }
  if (a.trigger.entryId === b.trigger.entryId) f.push('same-entry');
  if (GENERIC_TRIGGERS.has(a.trigger.entryId)) f.push('a.generic');
  if (GENERIC_TRIGGERS.has(b.trigger.entryId)) f.push('b.generic');
  if (ca.lead) f.push('a.lead');
  if (ca.lead && !cb.lead) f.push('lead-then-body');
  if (cb.quoted) f.push('b.quoted');
  if (cb.summary) f.push('b.summary');
  if (cb.backReference) f.push('b.back-reference');
  if (cb.demonstrative) f.push('b.demonstrative');
  if (a.sentence !== b.sentence) {
    const [x, y] = [ca.sentence, cb.sentence];
    const words = shared(x.words, y.words);
    f.push(`shared-words=${bucket(words, [0, 2, 5])}`);
    const smaller = Math.min(x.words.size, y.words.size);
    f.push(`shared-share=${bucket(smaller ? Math.floor((10 * words) / smaller) : 0, [1, 3, 5])}`);
    f.push(`shared-names=${bucket(shared(x.names, y.names), [0, 1, 2])}`);
    if (shared(x.figures, y.figures) > 0) f.push('shared-figure');
  }
  return f;
}

function shared<T>(x: ReadonlySet<T>, y: ReadonlySet<T>): number {
  let n = 0;
  for (const v of x) if (y.has(v)) n++;
  return n;
}

/** Two places named to the town, farther apart than one town's districts: two occurrences. */
const SAME_TOWN_KM = 15;

function twoTowns(a: Mention, b: Mention): boolean {
  const pa = a.place;
  const pb = b.place;
  if (!pa || !pb || pa.geoPrecision !== 1 || pb.geoPrecision !== 1) return false;
  return distanceKm(pa.place.lat, pa.place.lon, pb.place.lat, pb.place.lon) > SAME_TOWN_KM;
}

function placeRelation(a: Mention, b: Mention): string {
  const pa = a.place;
  const pb = b.place;
  if (!pa && !pb) return 'none';
  if (!pa || !pb) return 'one';
  if (pa.place.id === pb.place.id) return 'same';
  if (pa.place.country !== pb.place.country) return 'other-country';
  if (pa.geoPrecision === 3 || pb.geoPrecision === 3) return 'region';
  return distanceKm(pa.place.lat, pa.place.lon, pb.place.lat, pb.place.lon) <= NEAR_KM ? 'near' : 'far';
}

function dateRelation(a: Mention, b: Mention): string {
  const da = a.date?.temporal.resolved.date ?? null;
  const db = b.date?.temporal.resolved.date ?? null;
  if (!a.date && !b.date) return 'none';
  if (!a.date || !b.date) return 'one';
  if (!da || !db) {
    const same = JSON.stringify(a.date.temporal.value) === JSON.stringify(b.date.temporal.value);
    return same ? 'same-words' : 'unresolved';
  }
  if (da === db) return 'same';
  const x = parseIsoDate(da);
  const y = parseIsoDate(db);
  return x && y && Math.abs(daysBetween(x, y)) <= 2 ? 'near' : 'far';
}

function actorRelation(a: Mention, b: Mention): string {
  const x = a.actors.actor1?.actor?.id;
  const y = b.actors.actor1?.actor?.id;
  if (!x && !y) return 'none';
  if (!x || !y) return 'one';
  return x === y ? 'same' : 'different';
}

function actorsOverlap(a: Mention, b: Mention): boolean {
  const ids = (m: Mention) =>
    [m.actors.actor1, m.actors.actor2, ...m.actors.assoc1, ...m.actors.assoc2]
      .map((x) => x?.actor?.id)
      .filter((id): id is string => id !== undefined);
  const of = new Set(ids(a));
  return ids(b).some((id) => of.has(id));
}

function tollRelation(a: Mention, b: Mention): string {
  const x = summariseToll(a.tolls, 'killed')?.value;
  const y = summariseToll(b.tolls, 'killed')?.value;
  if (x === undefined && y === undefined) return 'none';
  if (x === undefined || y === undefined) return 'one';
  return x === y ? 'same' : 'different';
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return String(e);
  return `>${edges[edges.length - 1]}`;
}
