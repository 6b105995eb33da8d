/**
 * Offset-preserving Arabic normalisation.
 *
 * The normalised string is a matching view: harakat, Quranic marks, tatweel and every format
 * character (Unicode category Cf: zero-width and bidi controls, the Arabic letter mark, the word
 * joiner, the soft hyphen, tags; invisible, and able to split a word without showing) are dropped, and alef forms, ى/ي, ة/ه, digits and quotes are unified. Every
 * character of the view maps back to the original, so a span found in the view is reported in
 * the original text's UTF-16 offsets and `original.slice(start, end)` is the words as written.
 */
import type { Span } from '../core/span.js';
import { isSpace } from '../core/whitespace.js';

export interface NormalizedText {
  /** The original text, exactly as received. */
  readonly original: string;
  /** The matching view. */
  readonly norm: string;
  /** `starts[i]`: original offset of the character that produced `norm[i]`. */
  readonly starts: Int32Array;
  /** `ends[i]`: original offset just after that character and any marks dropped after it. */
  readonly ends: Int32Array;
}

const DROP = 0; // character removed from the view
const KEEP = -1; // character kept as is

const FORMAT_CHARACTER = /^\p{Cf}$/u;
const WHITESPACE = /^\s$/;

/** What each BMP code unit becomes: DROP, KEEP, or the replacement code unit. */
const TABLE = buildTable();

function buildTable(): Int32Array {
  const t = new Int32Array(0x10000).fill(KEEP);
  const drop = (from: number, to = from) => {
    for (let c = from; c <= to; c++) t[c] = DROP;
  };
  const map = (chars: string, to: string) => {
    for (const ch of chars) t[ch.charCodeAt(0)] = to.charCodeAt(0);
  };
  drop(0x064b, 0x065f); // harakat: tanwin, fatha, damma, kasra, shadda, sukun, extended marks
  drop(0x0670); // superscript alef
  drop(0x0610, 0x061a); // honorific and Quranic signs above letters
  drop(0x06d6, 0x06dc); // Quranic annotation marks
  drop(0x06df, 0x06e4);
  drop(0x06e7, 0x06e8);
  drop(0x06ea, 0x06ed);
  drop(0x08d3, 0x08ff); // extended Arabic marks
  drop(0x0640); // tatweel
  // Format characters: U+061C, U+200B-U+200F, U+202A-U+202E, U+2060-U+2064, U+2066-U+206F,
  // U+00AD, U+FEFF, U+0600-U+0605 and the rest of category Cf.
  for (let c = 0; c < 0x10000; c++) if (FORMAT_CHARACTER.test(String.fromCharCode(c))) t[c] = DROP;
  map('أإآٱٲٳ', 'ا');
  map('ى', 'ي');
  map('ة', 'ه');
  map('ؤ', 'و'); // hamza on waw is spelled both ways in the press (مسؤول/مسئول)
  map('ئ', 'ي');
  map('ی', 'ي'); // Persian yeh
  map('ک', 'ك'); // Persian kaf
  for (let d = 0; d < 10; d++) {
    t[0x0660 + d] = 0x30 + d; // Arabic-Indic digits
    t[0x06f0 + d] = 0x30 + d; // Persian digits
  }
  map('،', ',');
  map('؛', ';');
  map('؟', '?');
  map('٪', '%');
  map('«»“”„‟″〝〞＂', '"');
  map('‘’‚‛′', "'");
  map('\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000', ' ');
  map('‐‑‒–—―', '-');
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32; // ASCII lowercase for matching Latin names
  return t;
}

/** True for characters the view drops that belong to the letter before them (harakat, tatweel). */
function attachesToPrevious(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x0610 && code <= 0x061a) ||
    (code >= 0x06d6 && code <= 0x06ed) ||
    (code >= 0x08d3 && code <= 0x08ff)
  );
}

/**
 * The view's code units as UTF-16LE bytes, written byte by byte so that the order holds on any
 * platform. One buffer, grown as needed, serves every call: the string decoded from it is a copy.
 */
let unitBuffer = new Uint8Array(1 << 16);

function unitBytes(units: number): Uint8Array {
  if (unitBuffer.length < 2 * units) unitBuffer = new Uint8Array(2 * units);
  return unitBuffer;
}

export function normalize(original: string): NormalizedText {
  const n = original.length;
  const out = unitBytes(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const code = original.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isAstralFormatCharacter(original, i)) {
      i++; // both halves of the pair
      continue;
    }
    const action = TABLE[code];
    if (action === DROP) {
      if (j > 0 && attachesToPrevious(code) && ends[j - 1] === i) ends[j - 1] = i + 1;
      continue;
    }
    const unit = action === KEEP ? code : action;
    out[2 * j] = unit & 0xff;
    out[2 * j + 1] = unit >>> 8;
    starts[j] = i;
    ends[j] = i + 1;
    j++;
  }
  starts[j] = n;
  ends[j] = n;
  // Decoded natively, lone surrogates kept as they are (TextDecoder would replace them): several
  // times faster than String.fromCharCode over the code units, which was most of this function's time.
  const norm = Buffer.from(out.buffer, 0, 2 * j).toString('utf16le');
  return { original, norm, starts: starts.subarray(0, j + 1), ends: ends.subarray(0, j + 1) };
}

/** A format character outside the BMP (tags U+E0020-U+E007F, musical format marks...) at `i`. */
function isAstralFormatCharacter(s: string, i: number): boolean {
  const low = s.charCodeAt(i + 1);
  return low >= 0xdc00 && low <= 0xdfff && FORMAT_CHARACTER.test(s.slice(i, i + 2));
}

/** True when nothing but whitespace is left of `s` in the view (only marks, zero-width characters...). */
export function isBlankAfterNormalization(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isAstralFormatCharacter(s, i)) {
      i++;
      continue;
    }
    const action = TABLE[code];
    if (action === DROP) continue;
    if (!WHITESPACE.test(String.fromCharCode(action === KEEP ? code : action))) return false;
  }
  return true;
}

/** The normalised form of a short string (a dictionary alias, a query); no offsets kept. */
export function normalizeForMatch(s: string): string {
  return collapseSpaces(normalize(s).norm);
}

/**
 * `s.replace(/\s+/g, ' ').trim()`: each run of white space one space, none at either end. A hand
 * scanner into the view's byte buffer: an article's id reads its whole text so, at every ingest.
 */
export function collapseSpaces(s: string): string {
  const out = unitBytes(s.length);
  let j = 0;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isSpace(code)) {
      pendingSpace = j > 0;
      continue;
    }
    if (pendingSpace) {
      out[2 * j] = 0x20;
      out[2 * j + 1] = 0;
      j++;
      pendingSpace = false;
    }
    out[2 * j] = code & 0xff;
    out[2 * j + 1] = code >>> 8;
    j++;
  }
  return Buffer.from(out.buffer, 0, 2 * j).toString('utf16le');
}

/** Maps a half-open span of the normalised view back to the original text. */
export function toOriginalSpan(t: NormalizedText, normStart: number, normEnd: number): Span {
  if (normEnd <= normStart) {
    const at = t.starts[normStart] ?? t.original.length;
    return { start: at, end: at };
  }
  return { start: t.starts[normStart], end: t.ends[normEnd - 1] };
}

/** Maps an original offset to the first normalised position at or after it. */
export function toNormOffset(t: NormalizedText, originalOffset: number): number {
  let lo = 0;
  let hi = t.norm.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid] < originalOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
