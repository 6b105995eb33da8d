/**
 * Dictionary matching: every known name in the text, longest match first, over clitic-aware
 * tokens. A name may carry proclitics on its first word (وبطرابلس، للعزيزية), may be glued to
 * a direction word (جنوبطرابلس), and may have quotation marks inside it (اللواء «التاسع ترهونة»).
 */
import type { Token } from '../core/document.js';
import { toNormOffset, type NormalizedText } from '../text/normalize.js';
import { surfacesOf, tokenReadings, type TokenSurface } from '../text/tokenize.js';
import { mayBeGlued, splitGluedToken } from '../text/glued.js';
import { cliticReadings } from '../text/clitics.js';
import { withoutArticle, type Cursor, type NameEntry, type NameIndex, type NameOpening } from './name-index.js';
import type { EntityCandidate } from './candidate.js';

/** Direction words that make a place "near" (geo_precision 2) and keep the direction. */
export const DIRECTION_WORDS: ReadonlyMap<string, string> = new Map([
  ['جنوب', 'south'],
  ['جنوبي', 'south'],
  ['شمال', 'north'],
  ['شمالي', 'north'],
  ['شرق', 'east'],
  ['شرقي', 'east'],
  ['غرب', 'west'],
  ['غربي', 'west'],
  ['وسط', 'centre'],
  ['جنوب غرب', 'south-west'],
  ['جنوب شرق', 'south-east'],
  ['شمال غرب', 'north-west'],
  ['شمال شرق', 'north-east'],
]);

/** Marks a name may hold between its words: quotes, brackets, a hashtag's underscore (#جنوب_السودان). */
const INSIDE_NAME = /^["'()_]+$/;

/** Start of a reading's name in the original: after its proclitics, but keeping a written ال. */
function nameStart(token: Token, view: NormalizedText, stem: string, proclitics: readonly string[]): number {
  const tokenNorm = toNormOffset(view, token.start);
  let at = tokenNorm + token.norm.length - stem.length;
  if (proclitics[proclitics.length - 1] === 'ال' && view.norm.startsWith('ال', at - 2) && at - 2 >= tokenNorm) at -= 2;
  return view.starts[at];
}

/** The last words of the two-word directions (جنوب غرب): a pair is looked up only before one of them. */
const PAIR_LAST_WORDS: ReadonlySet<string> = new Set(
  [...DIRECTION_WORDS.keys()].filter((d) => d.includes(' ')).map((d) => d.slice(d.indexOf(' ') + 1)),
);

function directionBefore(tokens: Token[], i: number): string | null {
  const prev = tokens[i - 1];
  if (!prev || prev.kind !== 'word' || prev.sentence !== tokens[i].sentence) return null;
  const two = tokens[i - 2];
  if (two && two.kind === 'word' && two.sentence === prev.sentence && PAIR_LAST_WORDS.has(prev.stem)) {
    const pair = DIRECTION_WORDS.get(`${withoutArticle(two.stem)} ${prev.stem}`);
    if (pair) return pair;
  }
  return DIRECTION_WORDS.get(withoutArticle(prev.stem)) ?? null;
}

/** A word's openings kept with its surface: those of one index, as it was at one generation. */
class KeptOpenings {
  constructor(
    readonly index: NameIndex,
    readonly generation: number,
    readonly openings: readonly NameOpening[],
  ) {}
}

/** Most words open no name: they share one KeptOpenings (of the index and generation last met). */
let keptNone: KeptOpenings | null = null;

function keptOpenings(index: NameIndex, openings: readonly NameOpening[]): KeptOpenings {
  if (openings.length) return new KeptOpenings(index, index.generation, openings);
  if (keptNone?.index !== index || keptNone.generation !== index.generation)
    keptNone = new KeptOpenings(index, index.generation, openings);
  return keptNone;
}

/**
 * The index's openings of a word token, kept with the token's surface when the tokenizer gives
 * it: a text repeats its words, and the surface is at hand where a memo map would be a cache miss.
 */
function openingsOf(token: Token, surface: TokenSurface | undefined, view: NormalizedText, index: NameIndex) {
  const own = surface !== undefined && surface.norm === token.norm ? surface : undefined;
  const kept = own?.matcherMemo;
  if (kept instanceof KeptOpenings && kept.index === index && kept.generation === index.generation)
    return kept.openings;
  const openings = index.openings(tokenReadings(token, view));
  if (own) own.matcherMemo = keptOpenings(index, openings);
  return openings;
}

export function matchNames(tokens: Token[], view: NormalizedText, index: NameIndex): EntityCandidate[] {
  const found: EntityCandidate[] = [];
  const surfaces = surfacesOf(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word') continue;
    // The longest reading's name (the earliest start among equals): only it becomes a candidate.
    let bestEnd = -1;
    let bestStart = 0;
    let bestEntries: readonly NameEntry[] = [];
    let bestHasArticle = false;
    const openings = openingsOf(token, surfaces?.[i], view, index);
    for (const { reading, cursor } of openings) {
      let node = cursor;
      let end = -1;
      let endNode: Cursor | null = null;
      if (index.entriesAt(node).length) {
        end = i;
        endNode = node;
      }
      for (let j = i + 1; j < tokens.length && tokens[j].sentence === token.sentence; j++) {
        const next = tokens[j];
        if (next.kind === 'punct' && INSIDE_NAME.test(next.norm)) continue;
        if (next.kind !== 'word' && next.kind !== 'number') break;
        const child = index.next(node, next.norm);
        if (!child) break;
        node = child;
        if (index.entriesAt(node).length) {
          end = j;
          endNode = node;
        }
      }
      if (!endNode) continue;
      // A name written with the article is not matched by the bare word: العدم (a village) is
      // not عدم ("lack"), الزاوية (a city) is not زاوية ("angle").
      const hasArticle = reading.proclitics.includes('ال') || reading.stem.startsWith('ال');
      const entries = index.entriesAt(endNode);
      if (!hasArticle && entries.every((e) => e.definite)) continue;
      const start = nameStart(token, view, reading.stem, reading.proclitics);
      if (bestEnd >= 0 && !(end > bestEnd || (end === bestEnd && start < bestStart))) continue;
      bestEnd = end;
      bestStart = start;
      bestEntries = entries;
      bestHasArticle = hasArticle;
    }
    if (bestEnd >= 0) {
      const entries = bestHasArticle ? bestEntries.slice() : bestEntries.filter((e) => !e.definite);
      found.push({
        start: bestStart,
        end: tokens[bestEnd].end,
        type: entries[0].type,
        tokenStart: i,
        tokenEnd: bestEnd + 1,
        entries,
        source: 'dictionary',
        rule: 'dictionary.name',
        confidence: 0.9,
        direction: directionBefore(tokens, i),
      });
      i = bestEnd; // longest match wins: no name starts inside another
      continue;
    }
    // Most words are no glued pair: only those opening with a glued prefix word are tried.
    const parts = mayBeGlued(token.norm) ? splitGluedToken(token, view, (w) => index.isSingleWordName(w)) : null;
    if (parts) {
      const [head, rest] = [parts[0], parts[parts.length - 1]];
      for (const reading of cliticReadings(rest.norm).reverse()) {
        const node = index.start(withoutArticle(reading.stem));
        const hasArticle = reading.proclitics.includes('ال') || reading.stem.startsWith('ال');
        const entries = node ? index.entriesAt(node).filter((e) => hasArticle || !e.definite) : [];
        if (entries.length === 0) continue;
        const headWord = head.norm.replace(/^[وف]/, '');
        found.push({
          start: rest.span.start,
          end: rest.span.end,
          type: entries[0].type,
          tokenStart: i,
          tokenEnd: i + 1,
          entries,
          source: 'dictionary',
          rule: 'dictionary.glued',
          confidence: 0.85,
          direction: DIRECTION_WORDS.get(headWord) ?? null,
        });
        break;
      }
    }
  }
  return found;
}
