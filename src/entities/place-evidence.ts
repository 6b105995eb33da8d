/**
 * Evidence that a name found in the gazetteer is a place in this text. A regional gazetteer
 * names villages after ordinary words (الجمعة، علي، المبنى، الأبيض), so a match alone is no
 * place mention. A place reading is kept when:
 * - a place noun or a direction stands before the name (مدينة X، بلدة X، جنوب X), for any place;
 * - a locative preposition does (في X، بـX، قرب X, a cue of the name before it in a list:
 *   "في X وY"), for a place whose name is not also a common word (في المائة is "percent");
 * - nothing does, for a known place (a town of note: importance 45 or more, a hand-written
 *   world city), or a village of the article's focus country, unless its name is a common word;
 * - but a gazetteer town abroad (another country than the article's focus), short of a capital
 *   or an admin1 seat, wants a place noun or a direction; so does a name followed by a definite
 *   adjective (القصر الرئاسي), the noun of a phrase.
 * Common words (packs/ar/common-word-names*.json) thus always need a place noun or a direction, their
 * own or, in a list, a plural place noun's (قرى X وY).
 * The places of a dateline are dropped: they say where the report was filed.
 */
import type { Token } from '../core/document.js';
import type { Span } from '../core/span.js';
import type { NormalizedText } from '../text/normalize.js';
import type { EntityCandidate } from './candidate.js';
import type { EntityKnowledge } from './knowledge.js';
import { nameKey, withoutArticle } from './name-index.js';
import { WordMemo } from '../text/word-memo.js';

/** From this importance up a gazetteer place is known enough to need no cue (an admin2 seat, a town of ~10,000). */
export const KNOWN_PLACE_IMPORTANCE = 45;

/** A `list-noun` is a plural or dual place noun (قرى، مدن): it heads a list of places. */
export type PlaceCue = 'place-noun' | 'list-noun' | 'direction' | 'preposition' | null;

/** Words before a country's name that are also a word (مالي "financial"): في مالي، دولة مالي، شمال مالي. */
const COUNTRY_CUES = new Set([
  'في',
  'الي',
  'من',
  'دوله',
  'جمهوريه',
  'حكومه',
  'سلطات',
  'عاصمه',
  'شمال',
  'جنوب',
  'شرق',
  'غرب',
  'وسط',
]);

function strong(cue: PlaceCue): boolean {
  return cue === 'place-noun' || cue === 'list-noun' || cue === 'direction';
}

/** The token before token `i`, over a hashtag's # (the press tags places: "شمال شرق #مالي"). */
function tokenBefore(tokens: readonly Token[], i: number): Token | undefined {
  const previous = tokens[i - 1];
  return previous?.norm === '#' ? tokens[i - 2] : previous;
}

/** The cue before a candidate: the word before it, a preposition glued to it, or its direction. */
function cueBefore(c: EntityCandidate, tokens: readonly Token[], view: NormalizedText, k: EntityKnowledge): PlaceCue {
  const token = tokens[c.tokenStart];
  const glued = view.original.slice(token.start, c.start);
  const previous = tokenBefore(tokens, c.tokenStart);
  const before = previous && previous.sentence === token.sentence && previous.kind === 'word' ? previous : null;
  // Indefinite, as the head of "مدينة درعا" or "جنوب دمشق": الشرق (the East) of الشرق الأوسط is no cue.
  const definite = !!before && (before.proclitics.includes('ال') || before.stem.startsWith('ال'));
  if (c.direction && !(before !== null && definite && token.start > before.end)) return 'direction';
  if (before) {
    // A noun heads the name only in construct: "مركز للشرطة" is a station for the police.
    if (!definite && !/ل/.test(glued) && k.placeCues.nouns.has(before.stem))
      return k.placeCues.listNouns.has(before.stem) ? 'list-noun' : 'place-noun';
    if (k.placeCues.prepositions.has(before.norm.replace(/^و(?=..)/, ''))) return 'preposition';
  }
  return /ب/.test(glued) ? 'preposition' : null;
}

/** True when a candidate follows a place of a list (X وY، X، Y) and takes its cue. */
function listedAfter(
  c: EntityCandidate,
  before: EntityCandidate | null,
  tokens: readonly Token[],
  view: NormalizedText,
) {
  if (!before || tokens[before.tokenStart].sentence !== tokens[c.tokenStart].sentence) return false;
  if (before.tokenEnd === c.tokenStart) return /و/.test(view.original.slice(tokens[c.tokenStart].start, c.start));
  const between = tokens[c.tokenStart - 1];
  return before.tokenEnd === c.tokenStart - 1 && (between.norm === ',' || between.norm === 'و');
}

/** How many tokens a parenthesis inside a list may hold ("(33 كم شمال غرب عمان)"). */
const LIST_PARENTHESIS_TOKENS = 12;

/**
 * True when a candidate follows a place of a list across a parenthesis about that place
 * ("السلط (33 كم شمال غرب عمان) واربد"), and takes its cue.
 */
function listedAcrossParenthesis(c: EntityCandidate, before: EntityCandidate | null, tokens: readonly Token[]) {
  if (!before || tokens[before.tokenStart].sentence !== tokens[c.tokenStart].sentence) return false;
  if (tokens[before.tokenEnd]?.norm !== '(') return false;
  const last = Math.min(c.tokenStart, before.tokenEnd + LIST_PARENTHESIS_TOKENS);
  for (let i = before.tokenEnd + 1; i < last; i++) {
    if (tokens[i].norm === '(') return false;
    if (tokens[i].norm !== ')') continue;
    const between = tokens[i + 1];
    return i + 1 === c.tokenStart || (i + 2 === c.tokenStart && (between.norm === ',' || between.norm === 'و'));
  }
  return false;
}

/** True when the candidate stands inside a parenthesis opened shortly before it. */
function inParenthesis(c: EntityCandidate, tokens: readonly Token[]): boolean {
  for (let i = c.tokenStart - 1; i >= Math.max(0, c.tokenStart - LIST_PARENTHESIS_TOKENS); i--) {
    if (tokens[i].sentence !== tokens[c.tokenStart].sentence || tokens[i].norm === ')') return false;
    if (tokens[i].norm === '(') return true;
  }
  return false;
}

/** Keys of the aliases met so far: a few thousand names recur in the news, each keyed once. */
const aliasKeys = new WordMemo<string>(50_000);

/** An alias's words as the name index keys them, joined. */
function aliasKey(alias: string): string {
  let key = aliasKeys.get(alias);
  if (key === undefined) aliasKeys.set(alias, (key = nameKey(alias).join(' ')));
  return key;
}

/** From this importance up a place is a capital or an admin1 seat: its name is not read as a noun of a phrase. */
const SEAT_IMPORTANCE = 75;

/**
 * True when a definite adjective follows the name (القصر الرئاسي، المبنى الرئيسي، البيت الأبيض):
 * the word is the noun of a phrase, not a village's name.
 */
/** Whether a word of packs/ar/place-cues.json's region_words follows the name: أمريكا الوسطى. */
function regionAfter(c: EntityCandidate, tokens: readonly Token[], regionWords: ReadonlySet<string>): boolean {
  const next = tokens[c.tokenEnd];
  return (
    next !== undefined &&
    next.sentence === tokens[c.tokenStart].sentence &&
    next.kind === 'word' &&
    regionWords.has(withoutArticle(next.stem))
  );
}

function adjectiveAfter(c: EntityCandidate, tokens: readonly Token[]): boolean {
  const first = tokens[c.tokenStart];
  const next = tokens[c.tokenEnd];
  if (!next || next.sentence !== first.sentence || next.kind !== 'word') return false;
  const definite = first.proclitics.includes('ال') || first.stem.startsWith('ال');
  return (
    definite && next.norm.startsWith('ال') && /(ي|يه|يين|يون|ابيض|اسود|احمر|اخضر|كبير|كبري|جديد|جديده)$/.test(next.norm)
  );
}

/**
 * An indefinite one-word candidate followed by a definite noun heads a construct (غربي أكبر
 * الموانئ "west of the largest of the ports"): an ordinary word so placed names no place.
 */
function constructAfter(c: EntityCandidate, tokens: readonly Token[]): boolean {
  const first = tokens[c.tokenStart];
  const next = tokens[c.tokenEnd];
  if (c.tokenEnd - c.tokenStart !== 1 || !next || next.sentence !== first.sentence || next.kind !== 'word')
    return false;
  // A nationality adjective after it (مدينة جبيل اللبنانية) is the name's, not a construct's noun.
  return (
    !first.proclitics.includes('ال') &&
    next.proclitics.length === 1 &&
    next.proclitics[0] === 'ال' &&
    !NISBA_ENDING.test(next.norm)
  );
}
/** The ending of a nisba adjective, normalised (اللبنانيه، السوريين). */
const NISBA_ENDING = /(ي|يه|يين|يون)$/;

/** A few words (a city, a country) opening the body, then an agency in brackets or a dash. */
const DATELINE =
  /^\s*[^\s().،,:\-—–]+(?:\s+[^\s().،,:\-—–]+){0,3}(?:\s*[،,]\s*[^\s().،,:\-—–]+(?:\s+[^\s().،,:\-—–]+){0,3})?\s*(?:\([^)\n]{1,25}\)\s*(?:--|—|–|-|:)?|--|—|–|-\s)/;
/**
 * A paragraph opened the same way, with the agency in brackets and a dash: a digest of reports
 * (CNN's economy pages) files each one from its own city. Stricter than the body's first line,
 * where a bare dash suffices, because a paragraph may open with a few words and a dash.
 */
const PARAGRAPH_DATELINE =
  /^\s*[^\s().،,:\-—–]+(?:\s+[^\s().،,:\-—–]+){0,3}(?:\s*[،,]\s*[^\s().،,:\-—–]+(?:\s+[^\s().،,:\-—–]+){0,3})?\s*\([^)\n]{1,25}\)\s*(?:--|—|–|-|:)/;
/** A dateline is short: the regexes look at this many characters of a line. */
const DATELINE_REACH = 120;

/**
 * Where the dateline ends ("دبي، الإمارات العربية المتحدة (CNN)--", "طرابلس - "), or 0: the
 * place an article was filed from is not where its events happened.
 */
export function datelineEnd(body: string): number {
  const m = DATELINE.exec(body.slice(0, DATELINE_REACH));
  return m ? m[0].length : 0;
}

/** The datelines of a text: the body's opening one, then any paragraph's. */
export function datelines(body: string): Span[] {
  const found: Span[] = [];
  const first = datelineEnd(body);
  if (first > 0) found.push({ start: 0, end: first });
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
    const m = PARAGRAPH_DATELINE.exec(body.slice(i + 1, i + 1 + DATELINE_REACH));
    if (m) found.push({ start: i + 1, end: i + 1 + m[0].length });
  }
  return found;
}

/** What the text says around a dictionary name with place readings, whatever the article's focus. */
interface PlaceFacts {
  cue: PlaceCue;
  common: boolean;
  /** It heads a construct (أكبر الموانئ): see constructAfter. */
  construct: boolean;
  generic: boolean;
  phrase: boolean;
  previousWord: string | null;
  quarterNoun: boolean;
  /** A region word follows (أمريكا الوسطى): not the country. */
  region: boolean;
}

/**
 * The dictionary candidates of a text with, for each with place readings, the evidence around
 * it (null: in a dateline, dropped), read once for `withPlaceEvidence` to weigh against one
 * focus and then another.
 */
export interface PlaceEvidence {
  candidates: readonly EntityCandidate[];
  facts: readonly (PlaceFacts | null | undefined)[];
  tokens: readonly Token[];
  view: NormalizedText;
}

/** The evidence of `candidates` (see PlaceEvidence); undefined facts for a candidate with no place reading. */
export function readPlaceEvidence(
  candidates: readonly EntityCandidate[],
  tokens: readonly Token[],
  view: NormalizedText,
  knowledge: EntityKnowledge,
): PlaceEvidence {
  const facts: (PlaceFacts | null | undefined)[] = [];
  const filedFrom = datelines(view.original);
  let nextDateline = 0;
  for (const c of candidates) {
    if (c.source !== 'dictionary' || !c.entries.some((e) => e.kind === 'place' || e.kind === 'country')) {
      facts.push(undefined);
      continue;
    }
    // Candidates come in text order, and so do the datelines.
    while (nextDateline < filedFrom.length && filedFrom[nextDateline].end <= c.start) nextDateline++;
    const dateline = filedFrom[nextDateline];
    if (dateline && c.start >= dateline.start && c.end <= dateline.end) {
      facts.push(null);
      continue;
    }
    const key = aliasKey(c.entries[0].alias);
    const common = knowledge.commonWordNames.has(key);
    const cues = knowledge.placeCues;
    const generic = cues.genericNouns.has(key) || cues.nouns.has(key) || cues.prepositions.has(key);
    const previous = tokenBefore(tokens, c.tokenStart);
    const previousWord =
      previous && previous.sentence === tokens[c.tokenStart].sentence ? withoutArticle(previous.stem) : null;
    facts.push({
      cue: cueBefore(c, tokens, view, knowledge),
      common,
      construct: common && constructAfter(c, tokens),
      generic,
      phrase: c.tokenEnd - c.tokenStart === 1 && adjectiveAfter(c, tokens),
      previousWord,
      quarterNoun: previousWord !== null && cues.quarterNouns.has(previousWord),
      region: regionAfter(c, tokens, cues.regionWords),
    });
  }
  return { candidates, facts, tokens, view };
}

/**
 * Dictionary candidates with their place readings kept only where the text gives evidence;
 * a candidate left with no reading is dropped. `focus` are the article's main countries (best
 * first), found from its known places, countries and actors.
 */
export function withPlaceEvidence(
  evidence: PlaceEvidence,
  knowledge: EntityKnowledge,
  focus: readonly string[],
): EntityCandidate[] {
  const { candidates, facts, tokens, view } = evidence;
  const kept: EntityCandidate[] = [];
  let lastPlace: { c: EntityCandidate; cue: PlaceCue } | null = null;
  // The last place outside a parenthesis: a list goes on after a parenthesis about its member.
  let lastOuterPlace: { c: EntityCandidate; cue: PlaceCue } | null = null;
  for (let k = 0; k < candidates.length; k++) {
    const c = candidates[k];
    const f = facts[k];
    if (f === undefined) {
      kept.push(c);
      continue;
    }
    if (f === null) continue;
    const { common, construct, generic, phrase, previousWord, quarterNoun, region } = f;
    let cue = f.cue;
    let listed = false;
    if (!cue && lastPlace && listedAfter(c, lastPlace.c, tokens, view)) {
      listed = true;
      cue = lastPlace.cue;
    } else if (!cue && lastOuterPlace && listedAcrossParenthesis(c, lastOuterPlace.c, tokens)) {
      listed = true;
      cue = lastOuterPlace.cue;
    }
    // Joined by و, not by a comma alone (a comma also ends a clause: "غربي لندن، يوم الأربعاء").
    const joined = listed && tokens[c.tokenStart - 1]?.norm !== ',';
    const entries = c.entries.filter((e): boolean => {
      if (e.kind === 'country') {
        if (region) return false;
        // A country's name that is also a word (مالي "financial") stands after في، دولة or a direction.
        return (
          !common || e.demonym === true || strong(cue) || (previousWord !== null && COUNTRY_CUES.has(previousWord))
        );
      }
      if (e.kind !== 'place') return true;
      if (generic) return false;
      // A list passes its cue to an ordinary word only under a plural noun and with و (قرى قضبة
      // ودخان): after مدينة تعز or جنوب اليمن، the next وعلى or يوم is the sentence going on.
      // Alone after a plural noun it is a word too: "مناطق الكيلو 16"، "أحياء تحت سيطرة".
      if (common)
        return listed ? cue === 'list-noun' && joined : !construct && (cue === 'place-noun' || cue === 'direction');
      const g = knowledge.geo.get(e.ref);
      const place = g?.kind === 'place' ? g.place : null; // world cities are hand-written: known
      if (!place) return true;
      if (place.importance < SEAT_IMPORTANCE) {
        if (phrase) return false;
        // A town abroad in an article about another country (القصر in Mogadishu is no Algerian town): a place
        // noun or direction; not a quarter's (حي شيحا in a report on Derna is no Syrian village).
        if (focus.length && !focus.includes(place.country))
          return strong(cue) && (place.feature === 'neighbourhood' || !quarterNoun);
      }
      if (cue) return true;
      return place.importance >= KNOWN_PLACE_IMPORTANCE || focus.includes(place.country);
    });
    if (entries.length === 0) continue;
    const next: EntityCandidate = entries.length === c.entries.length ? c : { ...c, entries };
    kept.push(next);
    if (entries.some((e) => e.kind === 'place')) {
      lastPlace = { c: next, cue };
      if (!inParenthesis(next, tokens)) lastOuterPlace = lastPlace;
    }
  }
  return kept;
}
