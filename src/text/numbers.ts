/**
 * Cardinal numbers in Arabic text: digit runs (with thousands separators and decimals), number
 * words with their gender and case variants ("خمسة وعشرون"، "ثلاثمائة"، "عشرين ألف"), digits
 * mixed with scale words ("3 آلاف"), and vague quantities (عشرات، مئات، عدد من) whose value is the
 * convention of events.md.
 *
 * Works on the normalised view with its own light word scan (the project tokenizer is a later
 * stage), strips proclitics (و ف ب ل ك) glued to the first word, and reports spans of the
 * original text without those proclitics: "وخمسة" → "خمسة", "بـ556" → "556".
 */
import { isSpace } from '../core/whitespace.js';
import { readFileSync } from 'node:fs';
import type { NumberMention } from '../core/document.js';
import { normalizeForMatch, toOriginalSpan, type NormalizedText } from './normalize.js';
import { CliticFormsFilter } from './clitic-forms-filter.js';
import { z } from 'zod';
import { LastEntryCache } from '../core/last-entry-cache.js';

// ---------------------------------------------------------------------------------------------
// Word scan of the normalised view (shared with temporal.ts)

/**
 * A maximal run of Arabic letters, of digits or of Latin letters, or one other visible character.
 * A class, not an object literal, so that V8 does not pretenure a text's scan (see TextToken in
 * tokenize.ts).
 */
class ScanToken {
  constructor(
    /** Offsets in the normalised view (`view.norm`), half-open. */
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly kind: 'word' | 'digits' | 'latin' | 'punct',
  ) {}
}
/** A type to other modules: temporal.ts reads scan tokens, only scanWords makes them. */
export type { ScanToken };

/** The scan of the last view, which the number and date finders both read. */
const scanCache = new LastEntryCache<NormalizedText, ScanToken[]>();

// Character classes of the scan: a run of one of the first three makes a token, any other
// visible code unit is a token of its own.
const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const LATIN = 3;
const SPACE = 4;
const SCAN_KINDS = ['punct', 'word', 'digits', 'latin'] as const;

function scanClass(c: number): number {
  if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3)) return LETTER;
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c >= 0x61 && c <= 0x7a) return LATIN;
  return isSpace(c) ? SPACE : OTHER;
}

/**
 * One-character strings, made once: a run of one letter, digit or mark (the commonest tokens
 * of hostile text, "و و و", "1، 1، ") then allocates nothing, which keeps a long text's
 * collection work in proportion to it.
 */
const ONE_CHAR: string[] = [];
function oneChar(code: number): string {
  return (ONE_CHAR[code] ??= String.fromCharCode(code));
}

/**
 * Splits the normalised view into scan tokens; the last view's kept, so both finders share one scan.
 * A hand scanner, not a regex's matches: one pass and no match arrays.
 */
export function scanWords(view: NormalizedText): ScanToken[] {
  const cached = scanCache.get(view);
  if (cached) return cached;
  const tokens: ScanToken[] = [];
  const norm = view.norm;
  const n = norm.length;
  let i = 0;
  while (i < n) {
    const cls = scanClass(norm.charCodeAt(i));
    if (cls === SPACE) {
      i++;
      continue;
    }
    let j = i + 1;
    if (cls !== OTHER) while (j < n && scanClass(norm.charCodeAt(j)) === cls) j++;
    tokens.push(new ScanToken(i, j, j === i + 1 ? oneChar(norm.charCodeAt(i)) : norm.slice(i, j), SCAN_KINDS[cls]));
    i = j;
  }
  scanCache.set(view, tokens);
  return tokens;
}

/** True when only spaces (no line break, no punctuation) separate the two tokens. */
export function spaceBetween(view: NormalizedText, a: ScanToken, b: ScanToken): boolean {
  for (let k = a.end; k < b.start; k++) {
    const c = view.norm.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return true;
}

const CLITICS = 'وفبلك';
const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بلك';

/**
 * Looks a normalised word up in `lexicon`, first whole, then without one or two proclitics
 * (و ف ب ل ك، وب، ول، فب …; لل stands for ل + ال). Returns the entry and how many characters of
 * the word the proclitics take. A word in `blocked` (checked at each step) is never a match.
 */
export function lookupWithClitics<T>(
  lexicon: ReadonlyMap<string, T>,
  word: string,
  blocked?: ReadonlySet<string>,
): { entry: T; cliticLength: number } | null {
  // Candidate forms in order; the first one found (or blocked) decides. No closures: this runs
  // for every word of every article.
  for (let cliticLength = 0; cliticLength <= 2; cliticLength++) {
    let form: string;
    if (cliticLength === 0) form = word;
    else {
      const c = word[cliticLength - 1];
      if (
        cliticLength === 1
          ? !CLITICS.includes(c) || word.length < 3
          : !CONJUNCTIONS.includes(word[0]) || !PREPOSITIONS.includes(c) || word.length < 4
      ) {
        return null;
      }
      // ل before ال drops the alef: للأسبوع = ل + الأسبوع; the stem's span starts at the second lam.
      if (c === 'ل' && word[cliticLength] === 'ل') form = 'ا' + word.slice(cliticLength);
      else form = word.slice(cliticLength);
    }
    if (blocked !== undefined && blocked.has(form)) return null;
    const entry = lexicon.get(form);
    if (entry !== undefined) return { entry, cliticLength };
    if (cliticLength === 1 && word[0] === 'ل' && word[1] === 'ل') return null; // ل + ال: nothing more to strip
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Lexicon (packs/ar/numbers.json)

const ValueByWord = z.record(z.string(), z.number());
const NumbersPack = z.object({
  units: ValueByWord,
  ten: z.array(z.string()),
  tens: ValueByWord,
  hundred: z.array(z.string()),
  hundreds: ValueByWord,
  scales: ValueByWord,
  dualScales: ValueByWord,
  pluralScales: ValueByWord,
  vague: ValueByWord,
  vaguePhrases: z.array(z.object({ words: z.array(z.string()), value: z.number(), spanWords: z.number().optional() })),
  notNumbers: z.record(z.string(), z.string()),
  ordinals: ValueByWord,
});

/** What one number word can be; a word may be several things (آلاف: a scale after a number, vague alone). */
interface NumberWord {
  unit?: number;
  /** عشر/عشرة: ten alone, or the second word of 11–19. */
  ten?: true;
  tens?: number;
  hundreds?: number;
  /** مائة/مئة, which multiplies a unit written before it as a separate word (ثلاث مائة). */
  hundredWord?: true;
  scale?: number;
  dualScale?: number;
  pluralScale?: number;
  vague?: number;
  /** أحد/إحدى: one only before a definite noun or in أحد عشر (alone it is "someone"). */
  needsDefiniteNext?: true;
  /** اثنا/اثني/اثنتا/اثنتي: only in اثنا عشر. */
  teenOnly?: true;
  /** عدة: several only when written with ة (بعده is "after him"). */
  needsTaMarbuta?: true;
  /** The form with the article (الآلاف), generated from the pack's bare form. */
  definite?: true;
  /** Written with ئ (مئة، مئات): the view writes مية "water" the same way, so the original must have ئ. */
  needsHamza?: true;
}

interface VaguePhrase {
  words: string[];
  value: number;
  spanWords: number;
}

const PACK = NumbersPack.parse(
  JSON.parse(readFileSync(new URL('../../packs/ar/numbers.json', import.meta.url), 'utf8')),
);

const NUMBER_WORDS = new Map<string, NumberWord>();
const NOT_NUMBERS = new Set(Object.keys(PACK.notNumbers).map(normalizeForMatch));
const TEN_WORDS = new Set(PACK.ten.map(normalizeForMatch));
const VAGUE_PHRASES = new Map<string, VaguePhrase[]>();
const ORDINALS = new Map<string, number>();

function addWord(written: string, props: NumberWord, definiteToo: boolean): void {
  const bare = normalizeForMatch(written);
  if (written.includes('ئ')) props = { ...props, needsHamza: true };
  NUMBER_WORDS.set(bare, { ...NUMBER_WORDS.get(bare), ...props });
  if (definiteToo) NUMBER_WORDS.set('ال' + bare, { ...NUMBER_WORDS.get('ال' + bare), ...props, definite: true });
}

for (const [w, v] of Object.entries(PACK.units)) addWord(w, { unit: v }, v >= 3);
for (const w of PACK.ten) addWord(w, { ten: true }, true);
// Definite tens and hundreds are ordinals or per cent (القرن العشرين، في المائة), not counts.
for (const [w, v] of Object.entries(PACK.tens)) addWord(w, { tens: v }, false);
for (const [w, v] of Object.entries(PACK.hundreds)) addWord(w, { hundreds: v }, false);
for (const w of PACK.hundred) addWord(w, { hundredWord: true }, false);
for (const [w, v] of Object.entries(PACK.scales)) addWord(w, { scale: v }, false);
for (const [w, v] of Object.entries(PACK.dualScales)) addWord(w, { dualScale: v }, false);
for (const [w, v] of Object.entries(PACK.pluralScales)) addWord(w, { pluralScale: v }, true);
for (const [w, v] of Object.entries(PACK.vague)) addWord(w, { vague: v }, v > 3);
for (const w of ['أحد', 'إحدى']) addWord(w, { needsDefiniteNext: true }, false);
for (const w of ['اثنا', 'اثني', 'اثنتا', 'اثنتي']) addWord(w, { teenOnly: true }, false);
addWord('عدة', { needsTaMarbuta: true }, false);
for (const p of PACK.vaguePhrases) {
  const words = p.words.map(normalizeForMatch);
  const list = VAGUE_PHRASES.get(words[0]) ?? [];
  list.push({ words, value: p.value, spanWords: p.spanWords ?? words.length });
  VAGUE_PHRASES.set(words[0], list);
}
for (const [w, v] of Object.entries(PACK.ordinals)) ORDINALS.set(normalizeForMatch(w), v);
/** The words a number can start with, looked up with their clitics (see readNumberAt). */
const NUMBER_STARTS = new CliticFormsFilter([...NUMBER_WORDS.keys(), ...VAGUE_PHRASES.keys()]);

// ---------------------------------------------------------------------------------------------
// Reading a number at a token

/** A number read from the scan tokens; offsets are in the normalised view. */
export interface NumberReading {
  value: number;
  vague: boolean;
  form: 'digits' | 'words' | 'mixed';
  start: number;
  end: number;
  /** Index of the first token after the number. */
  next: number;
}

type AtomKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'digits';

interface Atom {
  kind: AtomKind;
  value: number;
  start: number;
  end: number;
  next: number;
}

function isDigits(t: ScanToken | undefined): t is ScanToken {
  return t !== undefined && t.kind === 'digits';
}

function adjacent(a: ScanToken, b: ScanToken | undefined): b is ScanToken {
  return b !== undefined && a.end === b.start;
}

/**
 * A digit run with its separators: 20,000 and 1.500.000 are thousands, 1.5 and ٣٫٥ decimals.
 * Returns null for dates, times, ranges and model numbers (8/1/2018، 10:30، إف-16), which are
 * not quantities.
 */
function readDigits(view: NormalizedText, toks: ScanToken[], i: number): Atom | null {
  const first = toks[i];
  const before = view.norm[first.start - 1];
  if (before !== undefined && /[a-z]/.test(before)) return null;
  if (before === '-' && first.start >= 2 && /[a-z\u0621-\u064a]/.test(view.norm[first.start - 2])) return null;
  let j = i + 1;
  let text = first.text;
  let thousands = first.text.length <= 3;
  const groups: string[] = [];
  let decimal: string | null = null;
  while (
    j + 1 < toks.length &&
    adjacent(toks[j - 1], toks[j]) &&
    toks[j].kind === 'punct' &&
    adjacent(toks[j], toks[j + 1]) &&
    isDigits(toks[j + 1])
  ) {
    const sep = toks[j].text;
    if (sep === '/' || sep === ':' || sep === '-') return null;
    if (sep === ',' || sep === '\u066c') {
      if (!thousands || toks[j + 1].text.length !== 3 || decimal !== null) break;
      groups.push(toks[j + 1].text);
    } else if (sep === '.' || sep === '\u066b') {
      if (decimal !== null) {
        // A second dot: 1.500.000 (thousands) or 08.01.2018 (a date).
        if (!thousands || decimal.length !== 3 || toks[j + 1].text.length !== 3) return null;
        groups.push(decimal, toks[j + 1].text);
        decimal = null;
      } else if (groups.length === 0) {
        decimal = toks[j + 1].text;
        if (sep === '\u066b') thousands = false;
      } else break;
    } else break;
    j += 2;
  }
  // A date or time continues with another separator and digits.
  const after = toks[j];
  if (
    after &&
    adjacent(toks[j - 1], after) &&
    after.kind === 'punct' &&
    '/:-'.includes(after.text) &&
    isDigits(toks[j + 1]) &&
    adjacent(after, toks[j + 1])
  )
    return null;
  text += groups.join('');
  let value = Number(text);
  if (decimal !== null) {
    // "1.500" alone is Maghrebi thousands; before a scale word ("1.5 مليون") or with other
    // lengths it is a decimal.
    const scaleNext =
      after &&
      after.kind === 'word' &&
      spaceBetween(view, toks[j - 1], after) &&
      (NUMBER_WORDS.get(after.text)?.scale ?? NUMBER_WORDS.get(after.text)?.pluralScale) !== undefined;
    value = thousands && decimal.length === 3 && !scaleNext ? Number(text + decimal) : Number(`${text}.${decimal}`);
  }
  return { kind: 'digits', value, start: first.start, end: toks[j - 1].end, next: j };
}

/** The original text ends this view span with ة (the view writes both ة and ه as ه). */
function writtenWithTaMarbuta(view: NormalizedText, normEnd: number): boolean {
  return view.original[view.starts[normEnd - 1]] === 'ة';
}

/** The original text of this view span carries tanwin fath (ألفاً is the singular, ألفا the dual). */
function hasTanwinFath(view: NormalizedText, start: number, end: number): boolean {
  const span = toOriginalSpan(view, start, end);
  return view.original.slice(span.start, span.end).includes('\u064b');
}

type CliticMode = 'any' | 'waOnly' | 'none';

/** Looks up the number word of token t; entries spelt with ئ must be so spelt in the original. */
function lookupNumberWord(
  view: NormalizedText,
  t: ScanToken,
  mode: CliticMode,
): { entry: NumberWord; cliticLength: number } | null {
  let hit = lookupBare(t.text, mode);
  // وأحد is و + أحد, not واحد: the view writes both واحد.
  if (
    hit &&
    hit.cliticLength === 0 &&
    t.text[0] === 'و' &&
    'أإآ'.includes(view.original[view.starts[t.start + 1]] ?? '')
  ) {
    hit = lookupBare(t.text, 'waOnly');
  }
  return hit && hit.entry.needsHamza && !writtenWithHamza(view, t) ? null : hit;
}

function writtenWithHamza(view: NormalizedText, t: ScanToken): boolean {
  const span = toOriginalSpan(view, t.start, t.end);
  return view.original.slice(span.start, span.end).includes('ئ');
}

function lookupBare(word: string, mode: CliticMode): { entry: NumberWord; cliticLength: number } | null {
  if (mode === 'any') return lookupWithClitics(NUMBER_WORDS, word, NOT_NUMBERS);
  if (mode === 'none') return NOT_NUMBERS.has(word) ? null : nullable(NUMBER_WORDS.get(word), 0);
  if (word[0] !== 'و' || word.length < 3) return null;
  const rest = word.slice(1);
  return NOT_NUMBERS.has(rest) ? null : nullable(NUMBER_WORDS.get(rest), 1);
}

function nullable(entry: NumberWord | undefined, cliticLength: number) {
  return entry === undefined ? null : { entry, cliticLength };
}

/** One unit, teen, tens, hundreds or digit number at token i (the pieces a compound joins with و). */
function readAtom(view: NormalizedText, toks: ScanToken[], i: number, mode: CliticMode, first: boolean): Atom | null {
  const t = toks[i];
  if (t.kind === 'digits') return mode === 'none' || first ? readDigits(view, toks, i) : null;
  if (t.kind !== 'word') return null;
  const hit = lookupNumberWord(view, t, mode);
  if (!hit) return null;
  const { entry, cliticLength } = hit;
  const start = t.start + cliticLength;
  const next = toks[i + 1];
  const nextIsWord = next !== undefined && next.kind === 'word' && spaceBetween(view, t, next);
  if (entry.unit !== undefined) {
    if (nextIsWord && TEN_WORDS.has(next.text))
      return { kind: 'teen', value: 10 + entry.unit, start, end: next.end, next: i + 2 };
    if (entry.teenOnly) return null;
    if (entry.unit >= 3 && nextIsWord && lookupNumberWord(view, next, 'none')?.entry.hundredWord) {
      return { kind: 'hundred', value: entry.unit * 100, start, end: next.end, next: i + 2 };
    }
    if (entry.needsDefiniteNext && !(first && nextIsWord && next.text.startsWith('ال') && next.text.length > 3))
      return null;
    return { kind: 'unit', value: entry.unit, start, end: t.end, next: i + 1 };
  }
  if (entry.ten) return { kind: 'teen', value: 10, start, end: t.end, next: i + 1 };
  if (entry.tens !== undefined) return { kind: 'tens', value: entry.tens, start, end: t.end, next: i + 1 };
  if (entry.hundreds !== undefined) return { kind: 'hundred', value: entry.hundreds, start, end: t.end, next: i + 1 };
  return null;
}

/** Whether an atom joined with و continues the number (خمسة وعشرون) or starts a list (خمسة وستة). */
function joins(atom: Atom, group: number, total: number, lastScale: number): boolean {
  if (group === 0) return total > 0 && atom.value < lastScale;
  if (atom.kind === 'digits' || atom.kind === 'hundred') return false;
  const belowHundred = group % 100;
  if (atom.kind === 'tens') return belowHundred < 10;
  if (atom.kind === 'teen') return belowHundred === 0;
  // A unit: after hundreds (مائة وخمسة), or after bare tens (عشرين وخمسة, informal order).
  return belowHundred === 0 || (belowHundred % 10 === 0 && belowHundred >= 20);
}

/** The multiplier a scale word applies after a number (ألف، آلاف، ألفاً), or null. */
function scaleAfterNumber(word: string): number | null {
  if (NOT_NUMBERS.has(word)) return null;
  const e = NUMBER_WORDS.get(word);
  if (!e) return null;
  if (e.scale !== undefined) return e.scale;
  if (e.pluralScale !== undefined && !e.definite) return e.pluralScale;
  // عشرين ألفاً: after a number the -a ending is the accusative, not the dual.
  if (e.dualScale !== undefined && word.endsWith('ا')) return e.dualScale / 2;
  return null;
}

/** A vague quantity (عشرات، بضعة، عدد من) at token i, with a following multiplier (عشرات الآلاف). */
function readVague(view: NormalizedText, toks: ScanToken[], i: number): NumberReading | null {
  const t = toks[i];
  const phrase = readVaguePhrase(view, toks, i);
  let value: number;
  let start: number;
  let end: number;
  let next: number;
  if (phrase) ({ value, start, end, next } = phrase);
  else {
    const hit = lookupNumberWord(view, t, 'any');
    if (!hit || hit.entry.vague === undefined) return null;
    if (hit.entry.needsTaMarbuta && !writtenWithTaMarbuta(view, t.end)) return null;
    value = hit.entry.vague;
    start = t.start + hit.cliticLength;
    end = t.end;
    next = i + 1;
  }
  // عشرات الآلاف، مئات الآلاف، بضعة آلاف، عدة مئات: a vague count of a larger unit multiplies it.
  for (let k = 0; k < 2; k++) {
    const m = toks[next];
    if (!m || m.kind !== 'word' || !spaceBetween(view, toks[next - 1], m) || phrase) break;
    const e = lookupNumberWord(view, m, 'none')?.entry;
    const unit = e?.pluralScale ?? (e?.vague !== undefined && e.vague >= 100 ? e.vague : undefined);
    if (unit === undefined || unit <= value) break;
    value *= unit;
    end = m.end;
    next++;
  }
  return { value, vague: true, form: 'words', start, end, next };
}

function readVaguePhrase(view: NormalizedText, toks: ScanToken[], i: number) {
  const t = toks[i];
  if (t.kind !== 'word') return null;
  const hit = lookupWithClitics(VAGUE_PHRASES, t.text);
  if (!hit) return null;
  for (const p of hit.entry) {
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) {
      const w = toks[i + k];
      ok = w !== undefined && w.text === p.words[k] && spaceBetween(view, toks[i + k - 1], w);
    }
    if (ok)
      return {
        value: p.value,
        start: t.start + hit.cliticLength,
        end: toks[i + p.spanWords - 1].end,
        next: i + p.spanWords,
      };
  }
  return null;
}

/**
 * Reads the number that starts at token i, or null. Compounds are read the way Arabic writes
 * them: larger parts first, units before tens, parts joined by و, scale words multiplying what
 * precedes them: "ثلاثمائة وخمسة وعشرون ألفاً" = 325000, "مليون و500 ألف" = 1500000.
 */
export function readNumberAt(view: NormalizedText, toks: ScanToken[], i: number): NumberReading | null {
  const t = toks[i];
  if (t.kind !== 'word' && t.kind !== 'digits') return null;
  // A word starts a number only as a number word or a vague phrase's first word, with clitics.
  if (t.kind === 'word' && !NUMBER_STARTS.mayFind(t.text)) return null;
  let total = 0;
  let group = 0;
  let lastScale = Infinity;
  let sawDigits = false;
  let sawWords: boolean;
  let start: number;
  let end: number;
  let next: number;

  const atom = readAtom(view, toks, i, 'any', true);
  if (atom) {
    group = atom.value;
    sawDigits = atom.kind === 'digits';
    sawWords = !sawDigits;
    ({ start, end, next } = atom);
  } else {
    if (t.kind !== 'word') return null;
    const hit = lookupNumberWord(view, t, 'any');
    const e = hit?.entry;
    if (hit && e && (e.scale !== undefined || e.dualScale !== undefined)) {
      // ألف، مليون، ألفين: a scale word alone counts one (or two) of it; ألفاً with tanwin is one.
      const singular = e.scale ?? (hasTanwinFath(view, t.start, t.end) ? e.dualScale! / 2 : e.dualScale!);
      total = singular;
      lastScale = e.scale ?? e.dualScale! / 2;
      sawWords = true;
      start = t.start + hit.cliticLength;
      end = t.end;
      next = i + 1;
    } else {
      return readVague(view, toks, i);
    }
  }

  for (;;) {
    const n = toks[next];
    if (!n || !spaceBetween(view, toks[next - 1], n)) break;
    if (n.kind === 'word' && group > 0) {
      const scale = scaleAfterNumber(n.text);
      if (scale !== null) {
        if (scale >= lastScale) break;
        total += group * scale;
        group = 0;
        lastScale = scale;
        sawWords = true;
        end = n.end;
        next++;
        continue;
      }
    }
    // و as its own word, or glued to the next part.
    let joined: Atom | null = null;
    if (n.kind === 'word' && n.text === 'و' && toks[next + 1] && spaceBetween(view, n, toks[next + 1])) {
      joined = readAtom(view, toks, next + 1, 'none', false);
    } else if (n.kind === 'word') {
      joined = readAtom(view, toks, next, 'waOnly', false);
    }
    if (!joined || !joins(joined, group, total, lastScale)) break;
    group += joined.value;
    if (joined.kind === 'digits') sawDigits = true;
    else sawWords = true;
    end = joined.end;
    next = joined.next;
  }
  const form = sawDigits && sawWords ? 'mixed' : sawDigits ? 'digits' : 'words';
  return { value: total + group, vague: false, form, start, end, next };
}

/**
 * Finds every cardinal number and vague quantity in the text, left to right, without overlaps.
 * Spans cover the number as written (harakat and tanwin included, proclitics excluded); the
 * counted noun is not part of the span ("11 جريحاً" → "11").
 */
export function findNumbers(view: NormalizedText): NumberMention[] {
  const toks = scanWords(view);
  const out: NumberMention[] = [];
  for (let i = 0; i < toks.length;) {
    // "الخامسة عشرة" (the fifteenth: an age, a day) is an ordinal: its عشرة counts nothing.
    const ordinal = readOrdinalAt(view, toks, i);
    if (ordinal && ordinal.next > i + 1) {
      i = ordinal.next;
      continue;
    }
    const r = readNumberAt(view, toks, i);
    if (!r) {
      i = skipDateLike(toks, i);
      continue;
    }
    const span = toOriginalSpan(view, r.start, r.end);
    out.push({ start: span.start, end: span.end, value: r.value, vague: r.vague, form: r.form });
    i = r.next;
  }
  return out;
}

/** Past a refused digit run (8/1/2018, 10:30) as a whole, so its parts are not read as numbers. */
function skipDateLike(toks: ScanToken[], i: number): number {
  let j = i + 1;
  if (toks[i].kind !== 'digits') return j;
  while (
    j + 1 < toks.length &&
    adjacent(toks[j - 1], toks[j]) &&
    toks[j].kind === 'punct' &&
    '/:-.,\u066b\u066c'.includes(toks[j].text) &&
    adjacent(toks[j], toks[j + 1]) &&
    isDigits(toks[j + 1])
  )
    j += 2;
  return j;
}

// ---------------------------------------------------------------------------------------------
// Ordinals and duals

/**
 * Reads an ordinal at token i: "التاسع" 9, "الحادي عشر" 11, "الثانية عشرة" 12, "الخامس والعشرون"
 * 25, "العشرين" 20. `requireArticle` accepts only the definite forms (as in dates: الثامن من يناير).
 */
export function readOrdinalAt(
  view: NormalizedText,
  toks: ScanToken[],
  i: number,
  requireArticle = true,
): { value: number; start: number; end: number; next: number } | null {
  const t = toks[i];
  if (!t || t.kind !== 'word') return null;
  const base = ordinalBase(t.text, requireArticle);
  if (base === null) return null;
  const next = toks[i + 1];
  const follows = next !== undefined && next.kind === 'word' && spaceBetween(view, t, next);
  if (base.tens !== undefined) return { value: base.tens, start: t.start, end: t.end, next: i + 1 };
  if (follows && TEN_WORDS.has(next.text))
    return { value: 10 + base.value, start: t.start, end: next.end, next: i + 2 };
  if (follows && next.text.startsWith('و')) {
    const tens = ordinalBase(next.text.slice(1), requireArticle)?.tens;
    if (tens !== undefined) return { value: tens + base.value, start: t.start, end: next.end, next: i + 2 };
  }
  return { value: base.value, start: t.start, end: t.end, next: i + 1 };
}

function ordinalBase(word: string, requireArticle: boolean): { value: number; tens?: number } | null {
  const definite = word.startsWith('ال');
  if (requireArticle && !definite) return null;
  const bare = definite ? word.slice(2) : word;
  const tens = NUMBER_WORDS.get(bare)?.tens;
  if (tens !== undefined) return { value: tens, tens };
  const v = ORDINALS.get(bare) ?? (bare.endsWith('ه') ? ORDINALS.get(bare.slice(0, -1)) : undefined);
  return v === undefined ? null : { value: v };
}

/**
 * The value of a normalised ordinal word or phrase ("التاسع" → 9, "الحادي عشر" → 11,
 * "ثالث" → 3), or null. Used for unit names such as "اللواء التاسع".
 */
export function ordinalValue(normWord: string): number | null {
  const view = { original: normWord, norm: normWord, starts: new Int32Array(0), ends: new Int32Array(0) };
  const toks = scanWords(view);
  const r = readOrdinalAt(view, toks, 0, false);
  return r && r.next === toks.length ? r.value : null;
}

/**
 * 2 when the normalised word is the dual of one of `singulars` (normalised singular nouns:
 * جريحين → جريح، سيارتين → سياره), else null. Sound masculine plurals look like duals
 * (مسلحين), so only the caller's list of singulars can tell them apart.
 */
export function dualValue(normWord: string, singulars: ReadonlySet<string>): 2 | null {
  const duals = new Map<string, true>();
  for (const s of singulars) {
    const feminine = s.endsWith('ه');
    const stem = feminine ? s.slice(0, -1) + 'ت' : s;
    duals.set(stem + 'ين', true).set(stem + 'ان', true);
  }
  return lookupWithClitics(duals, normWord) ? 2 : null;
}
