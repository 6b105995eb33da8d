/**
 * Sentence segmentation for news text, on the ORIGINAL text so spans need no mapping.
 *
 * Every line is a paragraph; within it a sentence ends at . ? ؟ ! … (and runs of them, with
 * any closing quotes or brackets that follow). No split at a decimal point, a single-letter
 * abbreviation, a list number, a dot glued to a Latin word (a domain), an ellipsis that the
 * clause goes on after, or a stop inside a quotation that goes on. Quotes are paired per line
 * first, so an unpaired or mismatched quote never protects anything beyond its own line, and a
 * pairing longer than a few sentences protects nothing.
 * A line that is one segment with no final stop and few words is a heading.
 */
import type { Sentence } from '../core/document.js';
import type { NormalizedText } from './normalize.js';

/** A heading has at most this many words. */
const MAX_HEADING_WORDS = 15;
/**
 * A quotation longer than this does not hold its sentences together: quoted statements in the
 * press run to two or three sentences, and a longer pairing is most often two unrelated marks.
 */
const MAX_PROTECTED_QUOTE = 600;
/**
 * No sentence is longer than this: a longer one is cut at its last space before the limit. The
 * longest sentences of the ANT and multi-source corpora run to 4,642 and 2,215 characters, so
 * news text is never cut; a text without stops (a list, a dump, a hostile input) is, and the
 * stages that weigh every word against its sentence then stay linear in the text.
 */
const MAX_SENTENCE_CHARS = 8000;

// Plain numbers, not an enum: they are compared with char codes, which are numbers.
const Ch = {
  Dot: 0x2e,
  Question: 0x3f,
  Bang: 0x21,
  ArabicQuestion: 0x061f,
  ArabicFullStop: 0x06d4,
  Ellipsis: 0x2026,
  AsciiQuote: 0x22,
  FullwidthQuote: 0xff02,
  Colon: 0x3a,
  Comma: 0x2c,
  ArabicComma: 0x060c,
  Semicolon: 0x3b,
  ArabicSemicolon: 0x061b,
} as const;

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c || c === 0x85;
}

/** Whitespace and invisible formatting characters, trimmed from sentence edges. */
function isBlank(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    isLineBreak(c) ||
    (c >= 0x2000 && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202f) ||
    c === 0x205f ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isTerminator(c: number): boolean {
  return (
    c === Ch.Dot ||
    c === Ch.Question ||
    c === Ch.Bang ||
    c === Ch.ArabicQuestion ||
    c === Ch.ArabicFullStop ||
    c === Ch.Ellipsis
  );
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function isLatinLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isLowerLatin(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08c9)
  );
}

/**
 * Harakat, tatweel and Quranic marks: they belong to the character before them (the ranges of
 * normalize.ts's attachesToPrevious), so a sentence must not end between the two.
 */
function isArabicMark(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x08d3 && c <= 0x08ff)
  );
}

function isLetter(c: number): boolean {
  return isArabicLetter(c) || isLatinLetter(c) || isArabicMark(c);
}

type QuoteNominal = 'open' | 'close' | 'either';

function quoteNominal(c: number): QuoteNominal | null {
  switch (c) {
    case 0xab:
    case 0x201c:
    case 0x201e:
    case 0x2039:
      return 'open'; // « “ „ ‹
    case 0xbb:
    case 0x201d:
    case 0x201f:
    case 0x203a:
      return 'close'; // » ” ‟ ›
    case Ch.AsciiQuote:
    case Ch.FullwidthQuote:
      return 'either';
    default:
      return null;
  }
}

function isOpenBracket(c: number): boolean {
  return c === 0x28 || c === 0x5b || c === 0x7b;
}

function isCloseBracket(c: number): boolean {
  return c === 0x29 || c === 0x5d || c === 0x7d;
}

/** Single letters that clitics glue to a following quote: و»العزيزية», ب«...». */
function isQuoteClitic(c: number): boolean {
  return c === 0x0648 || c === 0x0641 || c === 0x0628 || c === 0x0644 || c === 0x0643;
}

/**
 * Which way a quote mark faces, from what touches it: a mark after a space (or a lone clitic
 * letter) and before text opens; a mark after text and before a space or punctuation closes;
 * otherwise the mark's own shape decides, and a straight quote closes an open straight quote.
 */
function quoteOpens(text: string, i: number, from: number, to: number, straightOpen: boolean): boolean {
  const c = text.charCodeAt(i);
  const prev = i > from ? text.charCodeAt(i - 1) : 0x20;
  const next = i + 1 < to ? text.charCodeAt(i + 1) : 0x20;
  const isText = (ch: number) => isLetter(ch) || isDigit(ch);
  const prevIsBoundary = !isText(prev) || (isQuoteClitic(prev) && (i - 1 === from || isBlank(text.charCodeAt(i - 2))));
  const opens = prevIsBoundary && isText(next);
  const closes = !isBlank(prev) && !isOpenBracket(prev) && !isText(next);
  if (opens !== closes) return opens;
  const nominal = quoteNominal(c);
  if (nominal === 'open') return true;
  if (nominal === 'close') return false;
  return !straightOpen;
}

/**
 * Pairs the quote marks of one line. Returns the positions of paired marks with +1 for an
 * opener and -1 for its closer, in text order; unpaired marks are left out.
 */
function pairQuotes(text: string, from: number, to: number): { at: number[]; role: number[] } | null {
  let marks: number[] | null = null;
  for (let i = from; i < to; i++) {
    if (quoteNominal(text.charCodeAt(i)) !== null) (marks ??= []).push(i);
  }
  if (!marks) return null;
  const stack: number[] = [];
  const roles = new Map<number, number>();
  // How many straight quotes are open: counted, not looked for in the stack at each closing
  // (a line of many nested quotes would cost the square of their number).
  let straightOpen = 0;
  for (const i of marks) {
    const straight = quoteNominal(text.charCodeAt(i)) === 'either';
    if (quoteOpens(text, i, from, to, straightOpen > 0)) {
      stack.push(i);
      if (straight) straightOpen++;
    } else if (stack.length > 0) {
      const opener = stack.pop()!;
      if (quoteNominal(text.charCodeAt(opener)) === 'either') straightOpen--;
      if (i - opener > MAX_PROTECTED_QUOTE) continue;
      roles.set(opener, 1);
      roles.set(i, -1);
    }
  }
  if (roles.size === 0) return null;
  const at = [...roles.keys()].sort((a, b) => a - b);
  return { at, role: at.map((i) => roles.get(i)!) };
}

/** Arabic single-letter abbreviations written with a dot: د. (doctor), أ. (professor). */
function isArabicAbbreviation(c: number): boolean {
  return c === 0x062f || c === 0x0623;
}

/** Whether the terminator run [runStart, runEnd) ends the sentence begun at segStart. */
function endsSentence(text: string, runStart: number, runEnd: number, segStart: number, to: number): boolean {
  const first = text.charCodeAt(runStart);
  const prev = runStart > segStart ? text.charCodeAt(runStart - 1) : 0x20;
  const beforePrev = runStart - 1 > segStart ? text.charCodeAt(runStart - 2) : 0x20;
  const next = runEnd < to ? text.charCodeAt(runEnd) : 0x20;
  const ellipsis = first === Ch.Ellipsis || (first === Ch.Dot && runEnd - runStart >= 2);
  if (ellipsis) {
    // "..." inside a clause that goes on: the next word on the line is Arabic or lowercase Latin.
    let k = runEnd;
    while (k < to && isBlank(text.charCodeAt(k))) k++;
    if (k >= to) return true;
    const after = text.charCodeAt(k);
    return !(isArabicLetter(after) || isLowerLatin(after));
  }
  if (first !== Ch.Dot || runEnd - runStart !== 1) return true;
  if (isDigit(prev) && isDigit(next)) return false; // 3.5
  if (isLatinLetter(next) || isDigit(next)) return false; // libya.ly, U.S.A
  const singleLetter = !isLetter(beforePrev) && !isDigit(beforePrev);
  if (singleLetter && (isLatinLetter(prev) || isArabicAbbreviation(prev))) return false; // J. Smith, د. محمد
  // A list number at the start of a segment: "1. ..."
  let k = segStart;
  while (k < runStart && isBlank(text.charCodeAt(k))) k++;
  if (k < runStart && runStart - k <= 3) {
    let allDigits = true;
    for (let m = k; m < runStart; m++) if (!isDigit(text.charCodeAt(m))) allDigits = false;
    if (allDigits) return false;
  }
  return true;
}

function isHeadingEnd(c: number): boolean {
  return !(
    isTerminator(c) ||
    c === Ch.Colon ||
    c === Ch.Comma ||
    c === Ch.ArabicComma ||
    c === Ch.Semicolon ||
    c === Ch.ArabicSemicolon
  );
}

function countWordsUpTo(text: string, start: number, end: number, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const blank = isBlank(text.charCodeAt(i));
    if (!blank && !inWord && ++words > limit) return words;
    inWord = !blank;
  }
  return words;
}

function pushTrimmed(text: string, start: number, end: number, heading: boolean, out: Sentence[]): void {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutBefore(text, start, start + MAX_SENTENCE_CHARS);
    pushTrimmed(text, start, cut, false, out);
    start = cut;
    while (start < end && isBlank(text.charCodeAt(start))) start++;
  }
  if (start < end) out.push({ start, end, heading });
}

/**
 * Where to cut a sentence that runs past `limit`: after its last blank in the second half of
 * the allowance, else at `limit` itself, moved back off a mark or a surrogate's second half so
 * no character is split from what it belongs to.
 */
function cutBefore(text: string, start: number, limit: number): number {
  const half = start + ((limit - start) >> 1);
  for (let k = limit; k > half; k--) if (isBlank(text.charCodeAt(k - 1))) return k;
  let cut = limit;
  while (cut > half) {
    const c = text.charCodeAt(cut);
    if (!isArabicMark(c) && !(c >= 0xdc00 && c <= 0xdfff)) break;
    cut--;
  }
  return cut;
}

function segmentLine(text: string, from: number, to: number, out: Sentence[]): void {
  const quotes = pairQuotes(text, from, to);
  let q = 0; // next paired quote mark
  let depth = 0;
  let segStart = from;
  let i = from;
  while (i < to) {
    if (quotes && q < quotes.at.length && quotes.at[q] === i) {
      depth += quotes.role[q++];
      i++;
      continue;
    }
    if (!isTerminator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < to && isTerminator(text.charCodeAt(runEnd))) runEnd++;
    if (!endsSentence(text, i, runEnd, segStart, to)) {
      i = runEnd;
      continue;
    }
    // Take the closing quotes and brackets that follow the stop into the sentence.
    let end = runEnd;
    for (;;) {
      while (end < to && isArabicMark(text.charCodeAt(end))) end++;
      let k = end;
      while (k < to && isBlank(text.charCodeAt(k))) k++;
      if (quotes && q < quotes.at.length && quotes.at[q] === k && quotes.role[q] < 0) {
        depth--;
        q++;
        end = k + 1;
      } else if (
        k === end &&
        k < to &&
        !(quotes && quotes.at[q] === k) &&
        (isCloseBracket(text.charCodeAt(k)) || quoteNominal(text.charCodeAt(k)) === 'close')
      ) {
        end = k + 1; // a stray closing mark stays with the sentence it ends
      } else break;
    }
    i = end;
    if (depth > 0) continue; // the quotation goes on
    pushTrimmed(text, segStart, end, false, out);
    segStart = end;
  }
  if (segStart >= to) return;
  let last = to;
  while (last > segStart && isBlank(text.charCodeAt(last - 1))) last--;
  const heading =
    segStart === from &&
    last > segStart &&
    isHeadingEnd(text.charCodeAt(last - 1)) &&
    countWordsUpTo(text, segStart, last, MAX_HEADING_WORDS) <= MAX_HEADING_WORDS;
  pushTrimmed(text, segStart, to, heading, out);
}

/** Sentences of a text, in order, as trimmed spans of the original text. */
export function segmentSentences(view: NormalizedText): Sentence[] {
  const text = view.original;
  const out: Sentence[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (isLineBreak(text.charCodeAt(i))) {
      if (i > lineStart) segmentLine(text, lineStart, i, out);
      lineStart = i + 1;
    }
  }
  if (text.length > lineStart) segmentLine(text, lineStart, text.length, out);
  return out;
}
