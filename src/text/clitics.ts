/**
 * Arabic proclitic analysis: و ف (conjunctions), ب ل ك (prepositions) and ال (article), in that
 * order, with ل + ال written لل. Works on NORMALISED words (see normalize.ts), and the stem is
 * always a suffix of the word, so a caller can place it in the text by length alone.
 *
 * Stripping is guarded three ways: a stem must keep at least two letters; a word list
 * (packs/ar/clitics.json) names words whose first letters only look like proclitics (وزارة،
 * بنغازي، لبنان) and no reading may strip into such a word; and without a lexicon, a proclitic
 * that is not the article needs three letters left (وقال → و + قال, but وصل stays whole).
 */
import { readFileSync } from 'node:fs';
import { normalizeForMatch } from './normalize.js';
import { isRecord } from '../core/unknown.js';

export interface CliticReading {
  /**
   * Normalised proclitics in order, e.g. ['و', 'ب', 'ال']; ل + ال gives ['ل', 'ال']. To read, not
   * to change: the analyser's readings share one frozen array for each sequence, so that a word's
   * analysis keeps no array of its own.
   */
  proclitics: readonly string[];
  /** The word without its proclitics: a suffix of the analysed word. */
  stem: string;
}

/** Tells whether the article's alef at this index of the word may be read as the article. */
export type ArticleAlefCheck = (alefIndex: number) => boolean;

interface PrefixForm {
  /** The letters as written at the front of the word. */
  prefix: string;
  /** Frozen: handed out as every reading's own (see CliticReading). */
  proclitics: readonly string[];
  /** Index of the article's alef in the word, or -1 when the form has no written alef. */
  articleAlefIndex: number;
  hasArticle: boolean;
}

const MIN_STEM = 2;
/** Without a lexicon, a proclitic that is not the article must leave this much. */
const DEFAULT_MIN_STEM_WITHOUT_ARTICLE = 3;

/** Every proclitic sequence, shortest prefix first: conjunction? preposition? article?. */
const PREFIX_FORMS: readonly PrefixForm[] = buildPrefixForms();

function buildPrefixForms(): PrefixForm[] {
  const forms: PrefixForm[] = [];
  for (const conj of ['', 'و', 'ف']) {
    for (const prep of ['', 'ب', 'ل', 'ك']) {
      for (const article of ['', 'ال']) {
        if (!conj && !prep && !article) continue;
        const proclitics = Object.freeze([conj, prep, article].filter((p) => p !== ''));
        // ل before the article drops the article's alef: ل + الجيش = للجيش.
        const mergedLam = prep === 'ل' && article !== '';
        const prefix = mergedLam ? `${conj}لل` : conj + prep + article;
        const articleAlefIndex = article && !mergedLam ? prefix.length - 2 : -1;
        forms.push({ prefix, proclitics, articleAlefIndex, hasArticle: article !== '' });
      }
    }
  }
  return forms.sort((a, b) => a.prefix.length - b.prefix.length);
}

/**
 * The forms by the code of their first letter, each list in PREFIX_FORMS's order: a word is tried
 * only against the forms it could start with (none for most first letters), where trying all 23
 * made each word met for the first time cost 23 comparisons.
 */
const FORMS_BY_FIRST_LETTER: ReadonlyMap<number, readonly PrefixForm[]> = formsByFirstLetter();

function formsByFirstLetter(): Map<number, PrefixForm[]> {
  const byLetter = new Map<number, PrefixForm[]>();
  for (const form of PREFIX_FORMS) {
    const letter = form.prefix.charCodeAt(0);
    const forms = byLetter.get(letter);
    if (forms) forms.push(form);
    else byLetter.set(letter, [form]);
  }
  return byLetter;
}

const NO_PROCLITICS: readonly string[] = Object.freeze([]);

let keepWhole: Set<string> | undefined;

/** Words kept whole (packs/ar/clitics.json), loaded on first use. */
function keepWholeWords(): Set<string> {
  if (keepWhole) return keepWhole;
  const url = new URL('../../packs/ar/clitics.json', import.meta.url);
  const data: unknown = JSON.parse(readFileSync(url, 'utf8'));
  const groups = isRecord(data) ? data.keepWhole : undefined;
  if (!isRecord(groups)) throw new Error(`${url.pathname}: missing "keepWhole" object`);
  const words = new Set<string>();
  for (const [group, list] of Object.entries(groups)) {
    if (!Array.isArray(list)) throw new Error(`${url.pathname}: keepWhole.${group} is not an array`);
    for (const w of list) words.add(normalizeForMatch(String(w)));
  }
  keepWhole = words;
  return words;
}

/**
 * All plausible readings of a normalised word, from least to most stripped; the first is the
 * word itself with no proclitic. For dictionary matchers that try each stem. Fresh objects (their
 * proclitics shared, see CliticReading): the caller's to keep.
 */
export function cliticReadings(normWord: string, articleAllowed?: ArticleAlefCheck): CliticReading[] {
  const readings: CliticReading[] = [{ proclitics: NO_PROCLITICS, stem: normWord }];
  const forms = FORMS_BY_FIRST_LETTER.get(normWord.charCodeAt(0));
  if (!forms) return readings;
  const whole = keepWholeWords();
  if (whole.has(normWord)) return readings;
  for (const form of forms) {
    if (normWord.length - form.prefix.length < MIN_STEM || !normWord.startsWith(form.prefix)) continue;
    if (form.articleAlefIndex >= 0 && articleAllowed && !articleAllowed(form.articleAlefIndex)) continue;
    const stem = normWord.slice(form.prefix.length);
    readings.push({ proclitics: form.proclitics, stem });
    // A kept-whole stem is a barrier: longer prefixes would strip into it (لبنان ↛ ل + بنان).
    if (whole.has(stem)) break;
  }
  return readings;
}

/** True when the reading strips the article (always the last proclitic). */
function hasArticle(r: CliticReading): boolean {
  return r.proclitics[r.proclitics.length - 1] === 'ال';
}

/**
 * The proclitics and stem of a normalised word. With `isKnown`, the most stripped reading whose
 * stem it accepts; otherwise (or when it accepts none) the conservative default: a reading that
 * ends on a kept-whole word, else the most stripped reading that leaves at least two letters
 * after the article or three after any other proclitic.
 */
export function analyzeClitics(
  normWord: string,
  isKnown?: (stem: string) => boolean,
  articleAllowed?: ArticleAlefCheck,
): CliticReading {
  const readings = cliticReadings(normWord, articleAllowed);
  if (isKnown) {
    for (let k = readings.length - 1; k >= 0; k--) if (isKnown(readings[k].stem)) return readings[k];
  }
  const last = readings[readings.length - 1];
  if (keepWholeWords().has(last.stem)) return last;
  for (let k = readings.length - 1; k > 0; k--) {
    const r = readings[k];
    if (hasArticle(r) || r.stem.length >= DEFAULT_MIN_STEM_WITHOUT_ARTICLE) return r;
  }
  return readings[0];
}

/** Letter sequences that are only proclitics and may sit directly before digits (بـ556، و11). */
const NUMBER_PROCLITICS: ReadonlyMap<string, readonly string[]> = new Map(
  PREFIX_FORMS.filter((f) => !f.hasArticle).map((f) => [f.prefix, f.proclitics] as const),
);

/** The proclitics of a letter run written straight before a number, or null if it is not one. */
export function numberProclitics(normLetters: string): string[] | null {
  const found = NUMBER_PROCLITICS.get(normLetters);
  return found ? found.slice() : null;
}
