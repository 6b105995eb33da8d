/**
 * Tokenisation over the normalised view, one pass per sentence, with spans mapped back to the
 * original text (harakat and tatweel stay inside the word they decorate).
 *
 * Tokens: Arabic words (with proclitics split off, see clitics.ts), numbers (ASCII or
 * Arabic-Indic digits, with `.` `,` `٫` `٬` between digits as separators), Latin (any
 * non-Arabic alphabetic) words, punctuation (a run of one repeated mark, such as `...`, is one
 * token) and symbols.
 *
 * A proclitic written straight before digits (بـ556، و11) makes ONE number token: `proclitics`
 * holds the clitics (['ب']), `stem` the digits ('556'), and `stemStart` where the digits begin,
 * so the number's own span is `{start: stemStart, end}` (see `stemSpan`).
 */
import type { Sentence, Token, TokenKind } from '../core/document.js';
import type { Span } from '../core/span.js';
import { analyzeClitics, cliticReadings, numberProclitics, type CliticReading } from './clitics.js';
import { toNormOffset, type NormalizedText } from './normalize.js';
import { keepable, SLICE_KEEPS_PARENT } from './word-memo.js';
import { LastEntryCache } from '../core/last-entry-cache.js';

const enum C {
  Skip = 0, // whitespace, controls, unassigned
  Arabic = 1,
  Latin = 2,
  Digit = 3,
  Mark = 4, // a combining mark left in the view: stays with the word before it
  Punct = 5,
  Symbol = 6,
  HighSurrogate = 7,
}

const CLASS: Uint8Array = buildClasses();

/** The class of a UTF-16 code unit (the table holds only C values). */
function classOf(code: number): C {
  return CLASS[code];
}

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const arabic = /\p{Script=Arabic}/u;
  const mark = /\p{M}/u;
  const punct = /\p{P}/u;
  const symbol = /\p{S}/u;
  const space = /[\s\p{Cc}\p{Cf}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = c <= 0xdbff ? C.HighSurrogate : C.Symbol;
      continue;
    }
    const ch = String.fromCharCode(c);
    if (c >= 0x30 && c <= 0x39) t[c] = C.Digit;
    else if (space.test(ch)) t[c] = C.Skip;
    else if (letter.test(ch)) t[c] = arabic.test(ch) ? C.Arabic : C.Latin;
    else if (mark.test(ch)) t[c] = C.Mark;
    else if (punct.test(ch)) t[c] = C.Punct;
    else if (symbol.test(ch)) t[c] = C.Symbol;
  }
  return t;
}

/** Marks between digits that keep a number whole: 3.5, 1,200, 3٫5, 1٬200. */
function isNumberSeparator(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c;
}

function isHamzatedAlef(c: number): boolean {
  return c === 0x0623 || c === 0x0625 || c === 0x0622; // أ إ آ: never the article's alef
}

/** Longest proclitic run before the article's alef (وبال): hamza bits cover indexes 0..2. */
const ARTICLE_ALEF_MAX_INDEX = 2;

/**
 * A surface the tokeniser has met, with the strings and analysis every token of it shares.
 * A long text repeats its vocabulary: tokens that point at one copy of a word's strings leave
 * the collector a token object to move, where fresh slices and arrays per token made its work
 * (and the full collections it triggers) grow faster than the text.
 */
interface Surface {
  norm: string;
  stem: string;
  proclitics: readonly string[];
  /** The last original spelling seen (the view folds several into one norm). */
  text: string;
  /** What the name matcher read of this spelling (see TokenSurface). */
  matcherMemo: unknown;
}

/**
 * A token's surface, shared by every token of its spelling (norm and hamza mask), as a later
 * stage may read it: that stage keeps what it works out for the spelling in `matcherMemo`, read
 * back from the surface the tokenizer has just touched, where a memo map of its own would miss
 * the cache on most words.
 */
export type TokenSurface = Pick<Surface, 'norm' | 'matcherMemo'>;

/** The surfaces of the token array `tokenize` made last, index for index. */
const surfacesByTokens = new LastEntryCache<readonly Token[], readonly TokenSurface[]>();

/** The surfaces of `tokens` (index for index) when `tokenize` made the array last, else undefined. */
export function surfacesOf(tokens: readonly Token[]): readonly TokenSurface[] | undefined {
  return surfacesByTokens.get(tokens);
}

const NO_PROCLITICS: readonly string[] = Object.freeze([]);
/** Word surfaces by hamza mask (see hamzaMaskAt), then by normalised word. */
const wordSurfaces = Array.from({ length: 1 << (ARTICLE_ALEF_MAX_INDEX + 1) }, () => new Map<string, Surface>());
/** Numbers, Latin words, punctuation and symbols, by normalised surface. */
const otherSurfaces = new Map<string, Surface>();
/** News vocabulary is small next to its token count; past this, the memo starts again. */
const SURFACE_CACHE_LIMIT = 200_000;
let surfaceCount = 0;
function remember(map: Map<string, Surface>, key: string, surface: Surface): Surface {
  // A long word could keep its article (see word-memo.ts): read afresh at each token.
  if (!keepable(key)) return surface;
  if (++surfaceCount > SURFACE_CACHE_LIMIT) {
    for (const m of wordSurfaces) m.clear();
    otherSurfaces.clear();
    wordSlots.fill(undefined);
    wordSlotShapes.fill(0);
    surfaceCount = 1;
  }
  map.set(key, surface);
  return surface;
}

/** Bit k set when the word at norm [from, to) has an alef at index k (0..2) the original writes with a hamza. */
function hamzaMaskAt(view: NormalizedText, from: number, to: number): number {
  let mask = 0;
  for (let k = 0; k <= ARTICLE_ALEF_MAX_INDEX && from + k < to; k++) {
    if (view.norm.charCodeAt(from + k) === 0x0627 && isHamzatedAlef(view.original.charCodeAt(view.starts[from + k])))
      mask |= 1 << k;
  }
  return mask;
}

/**
 * The word surfaces last met, by a hash of their letters and hamza mask, in front of the maps: a
 * word found here costs no slice, no string hash and none of the maps' cache misses.
 */
const WORD_SLOTS = 1 << 17;
const wordSlots: (Surface | undefined)[] = new Array<Surface | undefined>(WORD_SLOTS).fill(undefined);
/**
 * Each slot's word as its letters (a kept word has fewer than SLICE_KEEPS_PARENT) and its shape
 * (see slotShape; 0 for an empty slot): a word is recognised in these flat arrays, without
 * following the surface to its string, a cache miss on most words of a text.
 */
const SLOT_UNITS = SLICE_KEEPS_PARENT - 1;
const wordSlotUnits = new Uint16Array(WORD_SLOTS * SLOT_UNITS);
const wordSlotShapes = new Uint8Array(WORD_SLOTS);

/** A word's length and hamza mask in one number, never 0 (a word has a letter). */
function slotShape(length: number, hamzaMask: number): number {
  return (length << (ARTICLE_ALEF_MAX_INDEX + 1)) | hamzaMask;
}

/** True when the slot holds the word at norm [from, to) (its shape already matched, so it is short enough). */
function slotSpells(slot: number, norm: string, from: number, to: number): boolean {
  const at = slot * SLOT_UNITS - from;
  for (let k = from; k < to; k++) if (wordSlotUnits[at + k] !== norm.charCodeAt(k)) return false;
  return true;
}

/** The Arabic word at norm [from, to), with its clitic analysis, reading the original's hamzas. */
function wordAt(view: NormalizedText, from: number, to: number): Surface {
  const norm = view.norm;
  const hamzaMask = hamzaMaskAt(view, from, to);
  let h = Math.imul(hamzaMask + 1, 0x9e3779b1);
  for (let k = from; k < to; k++) h = Math.imul(h ^ norm.charCodeAt(k), 0x01000193);
  const slot = (h ^ (h >>> 15)) & (WORD_SLOTS - 1);
  // Only a word short enough to be kept is looked up in the slots: a longer one's shape could wrap
  // round the byte to a kept word's, and its letters would be read past its slot.
  const shape = slotShape(to - from, hamzaMask);
  if (to - from < SLICE_KEEPS_PARENT && wordSlotShapes[slot] === shape && slotSpells(slot, norm, from, to))
    return wordSlots[slot]!;
  const word = norm.slice(from, to);
  const surface = wordSurfaces[hamzaMask].get(word) ?? analyzedWord(word, hamzaMask);
  // A long word could keep its article (see word-memo.ts): not kept here either.
  if (keepable(word)) {
    wordSlots[slot] = surface;
    wordSlotShapes[slot] = shape;
    for (let k = 0; k < word.length; k++) wordSlotUnits[slot * SLOT_UNITS + k] = word.charCodeAt(k);
  }
  return surface;
}

/** A word not met before: its clitic analysis, remembered. */
function analyzedWord(word: string, hamzaMask: number): Surface {
  const { proclitics, stem } = analyzeClitics(
    word,
    undefined,
    hamzaMask ? (alefIndex) => (hamzaMask & (1 << alefIndex)) === 0 : undefined,
  );
  // The analysis's proclitics are frozen and shared (see CliticReading): the surface keeps them as they are.
  return remember(wordSurfaces[hamzaMask], word, {
    norm: word,
    stem,
    proclitics,
    text: '',
    matcherMemo: undefined,
  });
}

/** A number, Latin word, punctuation or symbol at norm [from, to), stem and norm alike. */
function otherAt(view: NormalizedText, from: number, to: number): Surface {
  const norm = view.norm.slice(from, to);
  return (
    otherSurfaces.get(norm) ??
    remember(otherSurfaces, norm, { norm, stem: norm, proclitics: NO_PROCLITICS, text: '', matcherMemo: undefined })
  );
}

/**
 * The original text at [start, end), whose view is norm [ns, ne): the surface's norm when the
 * view left the word as written (read in the article's strings, at hand, where the surface's own
 * spelling is a cache miss), else the surface's last spelling when it is the same.
 */
function spellingOf(
  view: NormalizedText,
  start: number,
  end: number,
  ns: number,
  ne: number,
  surface: Surface,
): string {
  if (ne - ns === end - start && unchangedInView(view, start, end, ns)) return surface.norm;
  const { original } = view;
  const known = surface.text;
  if (known.length === end - start) {
    let k = 0;
    while (k < known.length && known.charCodeAt(k) === original.charCodeAt(start + k)) k++;
    if (k === known.length) return known;
  }
  const text = original.slice(start, end);
  if (keepable(text)) surface.text = text;
  return text;
}

/** True when the original's [start, end) is the view's code units from `ns` on, one for one. */
function unchangedInView(view: NormalizedText, start: number, end: number, ns: number): boolean {
  for (let k = start; k < end; k++)
    if (view.original.charCodeAt(k) !== view.norm.charCodeAt(ns + k - start)) return false;
  return true;
}

/**
 * A token as the tokenizer makes it, built by a constructor rather than an object literal. V8
 * samples the objects of each literal's allocation site, and makes all the later objects of a
 * site whose sampled ones mostly outlived a young-generation collection straight in the old
 * generation (pretenuring); objects made by a constructor are not pretenured. Over the ANT corpus
 * the tokens' literal was (and the scan's and view words' in numbers.ts and triggers.ts): a
 * document's tokens, and the strings they hold, then waited for a full collection long after the
 * document was done, some 300 MB a pass of the three.
 */
class TextToken implements Token {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public norm: string,
    public kind: TokenKind,
    public proclitics: readonly string[],
    public stem: string,
    public stemStart: number,
    public sentence: number,
  ) {}
}

function pushToken(
  view: NormalizedText,
  out: Token[],
  surfaces: Surface[],
  ns: number,
  ne: number,
  kind: TokenKind,
  surface: Surface,
  stemNs: number,
  sentence: number,
): void {
  const start = view.starts[ns];
  const end = view.ends[ne - 1];
  surfaces.push(surface);
  out.push(
    new TextToken(
      start,
      end,
      spellingOf(view, start, end, ns, ne, surface),
      surface.norm,
      kind,
      surface.proclitics,
      surface.stem,
      view.starts[stemNs],
      sentence,
    ),
  );
}

/** End of the number that starts with the digit at i. */
function scanNumber(norm: string, i: number, to: number): number {
  while (i < to && classOf(norm.charCodeAt(i)) === C.Digit) i++;
  while (i + 1 < to && isNumberSeparator(norm.charCodeAt(i)) && classOf(norm.charCodeAt(i + 1)) === C.Digit) {
    i += 2;
    while (i < to && classOf(norm.charCodeAt(i)) === C.Digit) i++;
  }
  return i;
}

/** Reads the tokens of one sentence: norm range [from, to). */
function tokenizeRange(
  view: NormalizedText,
  from: number,
  to: number,
  sentence: number,
  out: Token[],
  surfaces: Surface[],
): void {
  const norm = view.norm;
  let i = from;
  while (i < to) {
    const code = norm.charCodeAt(i);
    const cls = classOf(code);
    let j = i + 1;
    switch (cls) {
      case C.Arabic: {
        while (j < to && (classOf(norm.charCodeAt(j)) === C.Arabic || classOf(norm.charCodeAt(j)) === C.Mark)) j++;
        const numberClitics =
          j < to && classOf(norm.charCodeAt(j)) === C.Digit ? numberProclitics(norm.slice(i, j)) : null;
        if (numberClitics) {
          // Rare enough (بـ556) to be read afresh each time.
          const end = scanNumber(norm, j, to);
          const whole = norm.slice(i, end);
          const surface = {
            norm: whole,
            stem: norm.slice(j, end),
            proclitics: numberClitics,
            text: '',
            matcherMemo: undefined,
          };
          pushToken(view, out, surfaces, i, end, 'number', surface, j, sentence);
          j = end;
        } else {
          const surface = wordAt(view, i, j);
          pushToken(view, out, surfaces, i, j, 'word', surface, j - surface.stem.length, sentence);
        }
        break;
      }
      case C.Digit:
        j = scanNumber(norm, i, to);
        pushToken(view, out, surfaces, i, j, 'number', otherAt(view, i, j), i, sentence);
        break;
      case C.Latin:
        while (j < to) {
          const k = classOf(norm.charCodeAt(j));
          if (k !== C.Latin && k !== C.Mark && k !== C.Digit) break;
          j++;
        }
        pushToken(view, out, surfaces, i, j, 'latin', otherAt(view, i, j), i, sentence);
        break;
      case C.Punct:
        while (j < to && norm.charCodeAt(j) === code) j++;
        pushToken(view, out, surfaces, i, j, 'punct', otherAt(view, i, j), i, sentence);
        break;
      case C.Symbol:
        pushToken(view, out, surfaces, i, j, 'symbol', otherAt(view, i, j), i, sentence);
        break;
      case C.HighSurrogate:
        if (j < to && classOf(norm.charCodeAt(j)) === C.Symbol && norm.charCodeAt(j) >= 0xdc00) j++;
        pushToken(view, out, surfaces, i, j, 'symbol', otherAt(view, i, j), i, sentence);
        break;
      default: // whitespace, controls, a mark with no word before it
        break;
    }
    i = j;
  }
}

/** Tokens of every sentence, in text order; no token crosses a sentence boundary. */
export function tokenize(view: NormalizedText, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  const surfaces: Surface[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const from = toNormOffset(view, sentences[s].start);
    const to = toNormOffset(view, sentences[s].end);
    tokenizeRange(view, from, to, s, out, surfaces);
  }
  surfacesByTokens.set(out, surfaces);
  return out;
}

/** The span of a token's stem: for a number token such as بـ556, the digits alone. */
export function stemSpan(token: Token): Span {
  return { start: token.stemStart, end: token.end };
}

/**
 * All clitic readings of a word token (see `cliticReadings`), least stripped first, without
 * the article where the original writes the alef with a hamza (إلغاء is not ال + غاء).
 */
export function tokenReadings(token: Token, view: NormalizedText): CliticReading[] {
  if (token.kind !== 'word') return [{ proclitics: token.proclitics.slice(), stem: token.stem }];
  const hamzaMask = tokenHamzaMask(token, view);
  return cliticReadings(token.norm, (alefIndex) => (hamzaMask & (1 << alefIndex)) === 0);
}

/**
 * Which article alefs of a word token the original writes with a hamza (see hamzaMaskAt): with
 * the token's norm, all its clitic readings depend on, so the two together can key a memo of them.
 */
export function tokenHamzaMask(token: Token, view: NormalizedText): number {
  const { norm } = token;
  // Most words have no alef among their first letters: no offset to look up.
  let alef = false;
  for (let k = 0; k <= ARTICLE_ALEF_MAX_INDEX && k < norm.length; k++) alef ||= norm.charCodeAt(k) === 0x0627;
  if (!alef) return 0;
  const from = toNormOffset(view, token.start);
  return hamzaMaskAt(view, from, from + norm.length);
}
