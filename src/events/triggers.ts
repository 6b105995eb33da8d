/**
 * Finds event triggers and modality/attribution cues in a normalised text.
 *
 * Words are runs of letters and digits of the normalised view. Each word is looked up once in
 * the lexicon's surface keys (clitics and inflections were expanded when it was compiled);
 * a hit then checks the rest of its phrase on the following words. At each word the longest
 * phrase wins, so ضربة جوية beats ضربة and وقف إطلاق النار beats إطلاق النار. Entries that
 * need context (ضبط needs weapons, مسيرة needs a drone or a march) look at the words around
 * the trigger inside its sentence.
 */
import type { Span } from '../core/span.js';
import { isSpace } from '../core/whitespace.js';
import { toOriginalSpan, type NormalizedText } from '../text/normalize.js';
import {
  GAP,
  GAP_MAX,
  YEAR,
  type AcledEventType,
  type CompiledForm,
  type CompiledTrigger,
  type CueLexicon,
  type CueListName,
  type ModalityHint,
  type Plover,
  type Requirement,
  type TriggerLexicon,
} from './lexicon.js';
import type { ProcliticIndex } from './proclitic-index.js';
import { LastEntryCache } from '../core/last-entry-cache.js';

export interface TriggerMatch {
  /** The trigger words as written in the lexicon, without leading proclitics (و، ب، ال …). */
  span: Span;
  /** The same words with their proclitics. */
  fullSpan: Span;
  entryId: string;
  event_type: AcledEventType;
  sub_event_type: string;
  plover: Plover;
  pos: 'noun' | 'verb' | 'phrase';
  /** The lexicon form that matched, normalised. */
  form: string;
  /** `trigger:<id>`, or `trigger:<id>/nearby:<n>` when a context rule re-typed it. */
  rule: string;
  confidence: number;
  /** Normalised proclitics glued to the first word ('' when none). */
  proclitic: string;
  /** For verbs: the conjugation matched; 'future' is an imperfect with س. */
  tense: 'perfect' | 'imperfect' | 'future' | null;
  /** What the extractor must confirm (a place object, civilian victims …). */
  requires: Requirement | null;
  territory: boolean;
  /** Its entry tells a response by the other side (a counter-attack). */
  responds: boolean;
  /** Its entry tells what a demonstrating crowd does too (closing a road). */
  crowdAct: boolean;
  sub_event_type_by_actor: { state: string; non_state: string } | null;
  /** The trigger alone does not make an event; the extractor decides. */
  weak: boolean;
  /** A passive form (اغتيل): the name after it is the victim. */
  passive: boolean;
  /** Its words name those who take part (متظاهرون), not the act. */
  participants: boolean;
  /** A crowd doing it has turned its protest into a riot (arson, looting). */
  riotAct: boolean;
  /** Named right after a strike word it is what the strike hit (غارات على تعزيزات). */
  struckAsTarget: boolean;
  modality_hint: ModalityHint | null;
  /** Normalised context words that licensed or re-typed the trigger. */
  context: string[];
  /** Normalised context words of its entry's unless_any_nearby found near it: no conflict event. */
  voidedBy: string[];
  /** What those words make it (its entry's unless_reason), when not "no conflict". */
  voidedAs: 'judicial' | null;
}

export interface CueMatch {
  span: Span;
  list: CueListName;
  /** The lexicon form that matched, normalised. */
  form: string;
  kind: string | null;
  geo_precision: 1 | 2 | 3 | null;
  direction: boolean;
  ambiguous: boolean;
}

/**
 * A word of the normalised view. Offsets are into `view.norm`. A class, not an object literal, so
 * that V8 does not pretenure a text's words (see TextToken in tokenize.ts).
 */
class ViewWord {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    /** Sentence number, counted from sentence-final punctuation and line breaks. */
    readonly sentence: number,
  ) {}
}
/** A type to other modules: only viewWords makes view words. */
export type { ViewWord };

/** Letters and digits of the BMP (`[\p{L}\p{N}]`); a surrogate pair is tested as one code point. */
const WORD_UNIT: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  const word = /^[\p{L}\p{N}]$/u;
  for (let c = 0; c < 0xd800; c++) t[c] = word.test(String.fromCharCode(c)) ? 1 : 0;
  for (let c = 0xe000; c < 0x10000; c++) t[c] = word.test(String.fromCharCode(c)) ? 1 : 0;
  return t;
})();
const ASTRAL_WORD = /^[\p{L}\p{N}]$/u;
/** True when [from, to) holds only what joins a phrase's words: spaces (`\s`) and quotes; read in place, no slice. */
function joinsPhrase(norm: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = norm.charCodeAt(p);
    if (c !== 0x22 && c !== 0x27 && !isSpace(c)) return false;
  }
  return true;
}
const YEAR_TOKEN = /^(1[89]|20)\d\d$/;

/** Code units of the letter or digit at i (2 for an astral one), or 0 when there is none. */
function wordUnitsAt(norm: string, i: number): number {
  const c = norm.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return WORD_UNIT[c];
  const low = norm.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff && ASTRAL_WORD.test(norm.slice(i, i + 2)) ? 2 : 0;
}

/** A sentence ends in the gap [from, to): ! ? ; a line break, or a full stop not before a digit (2.5). */
function breaksSentence(norm: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = norm.charCodeAt(p);
    if (c === 0x21 || c === 0x3f || c === 0x3b || c === 0x0a) return true;
    if (c === 0x2e) {
      const next = norm.charCodeAt(p + 1);
      if (!(next >= 0x30 && next <= 0x39)) return true;
    }
  }
  return false;
}

/** Runs of letters and digits in the view, with their sentence; a hand scanner, one pass. */
export function viewWords(norm: string): ViewWord[] {
  const words: ViewWord[] = [];
  const n = norm.length;
  let sentence = 0;
  let prevEnd = 0;
  let i = 0;
  while (i < n) {
    let units = wordUnitsAt(norm, i);
    if (units === 0) {
      i++;
      continue;
    }
    const start = i;
    while (units > 0) {
      i += units;
      units = i < n ? wordUnitsAt(norm, i) : 0;
    }
    if (start > prevEnd && breaksSentence(norm, prevEnd, start)) sentence++;
    prevEnd = i;
    words.push(new ViewWord(start, i, norm.slice(start, i), sentence));
  }
  return words;
}

const wordsCache = new LastEntryCache<NormalizedText, ViewWord[]>();

/** `viewWords` of a view, read once for both the trigger and the cue finder (the last view's kept). */
function wordsOf(view: NormalizedText): ViewWord[] {
  let words = wordsCache.get(view);
  if (!words) {
    words = viewWords(view.norm);
    wordsCache.set(view, words);
  }
  return words;
}

/**
 * Matches the rest of a phrase from word `wi` (character `off` inside it, after a one-letter
 * prefix such as the ل of وفقا لـ). `joined`: the word must follow the previous one with only
 * spaces or quotes between (false right after a gap). Returns the norm offset of the end, or -1.
 */
function matchRest(
  words: ViewWord[],
  norm: string,
  wi: number,
  off: number,
  rest: string[],
  k: number,
  end: number,
  joined = true,
): number {
  if (k === rest.length) return end;
  const expected = rest[k];
  const prev = words[wi - 1];
  if (expected === GAP) {
    if (off !== 0) return -1;
    for (let g = 0; g <= GAP_MAX && wi + g < words.length; g++) {
      if (words[wi + g].sentence !== prev.sentence) break;
      const r = matchRest(words, norm, wi + g, 0, rest, k + 1, end, g === 0);
      if (r >= 0) return r;
    }
    return -1;
  }
  const word = words[wi];
  if (!word) return -1;
  if (off === 0 && joined && !joinsPhrase(norm, prev.end, word.start)) return -1;
  const piece = off === 0 ? word.text : word.text.slice(off);
  if (expected === YEAR) {
    return off === 0 && YEAR_TOKEN.test(piece) ? matchRest(words, norm, wi + 1, 0, rest, k + 1, word.end) : -1;
  }
  if (expected.length === 1) {
    return piece.length > 1 && piece[0] === expected
      ? matchRest(words, norm, wi, off + 1, rest, k + 1, word.start + off + 1)
      : -1;
  }
  return spellsPhraseWord(piece, expected) ? matchRest(words, norm, wi + 1, 0, rest, k + 1, word.end) : -1;
}

/**
 * True when `piece` is the phrase word `expected`, also with the article before it or an alef
 * after it; compared in place, with no string built for each of the three spellings.
 */
function spellsPhraseWord(piece: string, expected: string): boolean {
  switch (piece.length - expected.length) {
    case 0:
      return piece === expected;
    case 2:
      return piece.startsWith('ال') && piece.endsWith(expected);
    case 1:
      return piece.endsWith('ا') && piece.startsWith(expected);
    default:
      return false;
  }
}

/** Candidates starting at word `wi`: each compiled form whose phrase matches, with its end. */
function candidatesAt<P>(
  words: ViewWord[],
  norm: string,
  wi: number,
  forms: CompiledForm<P>[],
): { form: CompiledForm<P>; end: number }[] {
  const out: { form: CompiledForm<P>; end: number }[] = [];
  for (const form of forms) {
    const end = form.rest.length === 0 ? words[wi].end : matchRest(words, norm, wi + 1, 0, form.rest, 0, words[wi].end);
    if (end >= 0) out.push({ form, end });
  }
  return out;
}

/** Context words of `bases` found within `window` words of [first, last], in the same sentence. */
function contextHits(
  words: ViewWord[],
  first: number,
  last: number,
  window: number,
  bases: Set<string>,
  context: ProcliticIndex<string>,
): string[] {
  const sentence = words[first].sentence;
  const hits: string[] = [];
  const scan = (i: number) => {
    for (const { value: b } of context.lookup(words[i].text)) if (bases.has(b) && !hits.includes(b)) hits.push(b);
  };
  for (let i = first - 1; i >= Math.max(0, first - window) && words[i].sentence === sentence; i--) scan(i);
  for (let i = last + 1; i <= Math.min(words.length - 1, last + window) && words[i].sentence === sentence; i++) scan(i);
  return hits;
}

function lastWordBefore(words: ViewWord[], from: number, end: number): number {
  let j = from;
  while (j + 1 < words.length && words[j + 1].start < end) j++;
  return j;
}

/** Where scanning resumes: a match ending inside a later word (the ل of وفقا لـ) leaves the word
 * to be read again, since the word with its proclitic is itself a lookup key (للمصادر). */
function resumeAt(words: ViewWord[], from: number, last: number, end: number): number {
  return last > from && end < words[last].end ? last : last + 1;
}

export function findTriggers(view: NormalizedText, lexicon: TriggerLexicon): TriggerMatch[] {
  const words = wordsOf(view);
  const out: TriggerMatch[] = [];
  for (let i = 0; i < words.length;) {
    const forms = lexicon.index.startingWith(words[i].text);
    if (!forms) {
      i++;
      continue;
    }
    let best: { form: CompiledForm<CompiledTrigger>; end: number; last: number; needed: string[] } | null = null;
    for (const { form, end } of candidatesAt(words, view.norm, i, forms)) {
      const trigger = form.payload;
      const last = lastWordBefore(words, i, end);
      const needed = trigger.needs ? contextHits(words, i, last, trigger.window, trigger.needs, lexicon.context) : [];
      if (trigger.needs && needed.length === 0) continue;
      if (
        !best ||
        end > best.end ||
        (end === best.end &&
          (needed.length > best.needed.length ||
            (needed.length === best.needed.length && trigger.entry.confidence > best.form.payload.entry.confidence)))
      ) {
        best = { form, end, last, needed };
      }
    }
    if (!best) {
      i++;
      continue;
    }
    out.push(toTriggerMatch(view, words, i, best, lexicon));
    i = resumeAt(words, i, best.last, best.end);
  }
  return out;
}

/**
 * An entry's own typing, made once: every match of a common trigger shares it (a long text has
 * tens of thousands), rather than each building its own object and rule name.
 */
const typingByEntry = new WeakMap<
  object,
  Pick<TriggerMatch, 'event_type' | 'sub_event_type' | 'plover' | 'confidence' | 'rule'>
>();

function entryTyping(e: CompiledTrigger['entry']) {
  let typing = typingByEntry.get(e);
  if (!typing) {
    typing = {
      event_type: e.event_type,
      sub_event_type: e.sub_event_type,
      plover: e.plover,
      confidence: e.confidence,
      rule: `trigger:${e.id}`,
    };
    typingByEntry.set(e, typing);
  }
  return typing;
}

function toTriggerMatch(
  view: NormalizedText,
  words: ViewWord[],
  wi: number,
  best: { form: CompiledForm<CompiledTrigger>; end: number; last: number; needed: string[] },
  lexicon: TriggerLexicon,
): TriggerMatch {
  const { form, end, last, needed } = best;
  const trigger = form.payload;
  const e = trigger.entry;
  let typing: Pick<TriggerMatch, 'event_type' | 'sub_event_type' | 'plover' | 'confidence' | 'rule'> = entryTyping(e);
  const context = [...needed];
  for (const rule of trigger.whenNearby) {
    const hits = contextHits(words, wi, last, trigger.window, rule.any, lexicon.context);
    if (hits.length === 0) continue;
    if (rule.unlessAny && contextHits(words, wi, last, trigger.window, rule.unlessAny, lexicon.context).length)
      continue;
    typing = {
      event_type: rule.event_type,
      sub_event_type: rule.sub_event_type,
      plover: rule.plover,
      confidence: rule.confidence ?? e.confidence,
      rule: `trigger:${e.id}/nearby:${rule.index}`,
    };
    for (const h of hits) if (!context.includes(h)) context.push(h);
    break;
  }
  const start = words[wi].start;
  return {
    span: toOriginalSpan(view, start + form.proclitic.length, end),
    fullSpan: toOriginalSpan(view, start, end),
    entryId: e.id,
    ...typing,
    pos: e.pos,
    form: form.base,
    proclitic: form.proclitic,
    tense: form.tense === 'imperfect' && form.proclitic.includes('س') ? 'future' : form.tense,
    requires: e.requires ?? null,
    territory: e.territory === true,
    responds: e.responds === true,
    crowdAct: e.crowd_act === true,
    sub_event_type_by_actor: e.sub_event_type_by_actor ?? null,
    weak: e.weak === true,
    passive: e.passive === true,
    participants: e.participants === true,
    riotAct: e.riot_act === true,
    struckAsTarget: e.struck_as_target === true,
    modality_hint: e.modality_hint ?? null,
    context,
    voidedBy: trigger.unless ? contextHits(words, wi, last, trigger.window, trigger.unless, lexicon.context) : [],
    voidedAs: e.unless_reason ?? null,
  };
}

/**
 * Finds cue words (attribution, negation, background, casualty …). At each word the longest
 * form wins; when several lists share that form (نفى is both negation and denial) each is
 * reported once.
 */
export function findCues(view: NormalizedText, cues: CueLexicon): CueMatch[] {
  const words = wordsOf(view);
  const out: CueMatch[] = [];
  for (let i = 0; i < words.length;) {
    const forms = cues.index.startingWith(words[i].text);
    const found = forms ? candidatesAt(words, view.norm, i, forms) : null;
    if (!found || found.length === 0) {
      i++;
      continue;
    }
    let end = found[0].end;
    for (const f of found) end = Math.max(end, f.end);
    const lists = new Set<CueListName>();
    for (const { form, end: e } of found) {
      const { list, item } = form.payload;
      if (e !== end || lists.has(list)) continue;
      lists.add(list);
      out.push({
        span: toOriginalSpan(view, words[i].start + form.proclitic.length, end),
        list,
        form: form.base,
        kind: item.kind ?? null,
        geo_precision: item.geo_precision ?? null,
        direction: item.direction === true,
        ambiguous: item.ambiguous === true,
      });
    }
    i = resumeAt(words, i, lastWordBefore(words, i, end), end);
  }
  return out;
}
