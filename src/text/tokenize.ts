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

/** Reads the tokens of one sentence: norm range [from, to). */
function tokenizeRange(view: NormalizedText, from: number, to: number, sentence: number, out: Token[]): void {
  const { norm, starts, ends, original } = view;
  const push = (ns: number, ne: number, kind: TokenKind, proclitics: string[], stemNs: number) => {
    const start = starts[ns];
    const end = ends[ne - 1];
    out.push({
      start,
      end,
      text: original.slice(start, end),
      norm: norm.slice(ns, ne),
      kind,
      proclitics,
      stem: norm.slice(stemNs, ne),
      stemStart: starts[stemNs],
      sentence,
    });
  };
  const scanDigits = (i: number): number => {
    while (i < to && CLASS[norm.charCodeAt(i)] === C.Digit) i++;
    while (i + 1 < to && isNumberSeparator(norm.charCodeAt(i)) && CLASS[norm.charCodeAt(i + 1)] === C.Digit) {
      i += 2;
      while (i < to && CLASS[norm.charCodeAt(i)] === C.Digit) i++;
    }
    return i;
  };
  let i = from;
  while (i < to) {
    const code = norm.charCodeAt(i);
    const cls = CLASS[code];
    let j = i + 1;
    switch (cls) {
      case C.Arabic: {
        while (j < to && (CLASS[norm.charCodeAt(j)] === C.Arabic || CLASS[norm.charCodeAt(j)] === C.Mark)) j++;
        const word = norm.slice(i, j);
        const numberClitics = j < to && CLASS[norm.charCodeAt(j)] === C.Digit ? numberProclitics(word) : null;
        if (numberClitics) {
          const end = scanDigits(j);
          push(i, end, 'number', numberClitics, j);
          j = end;
        } else {
          const wordStart = i;
          const articleAllowed = (alefIndex: number) => !isHamzatedAlef(original.charCodeAt(starts[wordStart + alefIndex]));
          const { proclitics, stem } = analyzeClitics(word, undefined, articleAllowed);
          push(i, j, 'word', proclitics, j - stem.length);
        }
        break;
      }
      case C.Digit:
        j = scanDigits(i);
        push(i, j, 'number', [], i);
        break;
      case C.Latin:
        while (j < to) {
          const k = CLASS[norm.charCodeAt(j)];
          if (k !== C.Latin && k !== C.Mark && k !== C.Digit) break;
          j++;
        }
        push(i, j, 'latin', [], i);
        break;
      case C.Punct:
        while (j < to && norm.charCodeAt(j) === code) j++;
        push(i, j, 'punct', [], i);
        break;
      case C.Symbol:
        push(i, j, 'symbol', [], i);
        break;
      case C.HighSurrogate:
        if (j < to && CLASS[norm.charCodeAt(j)] === C.Symbol && norm.charCodeAt(j) >= 0xdc00) j++;
        push(i, j, 'symbol', [], i);
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
  for (let s = 0; s < sentences.length; s++) {
    const from = toNormOffset(view, sentences[s].start);
    const to = toNormOffset(view, sentences[s].end);
    tokenizeRange(view, from, to, s, out);
  }
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
  const ns = toNormOffset(view, token.start);
  return cliticReadings(token.norm, (alefIndex) => !isHamzatedAlef(view.original.charCodeAt(view.starts[ns + alefIndex])));
}
