/**
 * A filter in front of a small lexicon looked up with `lookupWithClitics` (numbers.ts): a bit per
 * signature (length, first and last two letters) of its keys. Every form that look-up tries for a
 * word ends with the word's last two letters, and is the word, the word without one or two letters
 * (starting with the next), or ا with the word after its ل of ل + ال; so a word none of whose
 * forms' signatures is set cannot be found, and is turned away without the up to three strings
 * the look-up cuts and hashes. Most words of a text are no number or date word, and the first
 * letter turns away most of those that end like one (قوات like ثلاث، المسلحين like عشرين).
 */

import { SignatureSet } from './signature-set.js';

/** Signatures a filter tells apart: a bit each, 2 KiB a filter. */
const SIGNATURE_BITS = 14;

const ALEF = 0x0627;
const LAM = 0x0644;

/** A hash of a form's length, first and last two letters (NaN past its start mixes in as 0). */
function signature(length: number, first: number, last: number, beforeLast: number): number {
  let h = Math.imul(length, 0x9e3779b1);
  h = Math.imul(h ^ first, 0x165667b1);
  h = Math.imul(h ^ last, 0x85ebca6b);
  h = Math.imul(h ^ beforeLast, 0xc2b2ae35);
  // A product's low bits depend on its factors' low bits alone: mix the high ones down.
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return h ^ (h >>> 15);
}

export class CliticFormsFilter {
  private readonly signatures = new SignatureSet(SIGNATURE_BITS);

  constructor(keys: Iterable<string>) {
    for (const key of keys)
      this.signatures.add(
        signature(key.length, key.charCodeAt(0), key.charCodeAt(key.length - 1), key.charCodeAt(key.length - 2)),
      );
  }

  /** False when no form `lookupWithClitics` tries for `word` is a key; true when one may be. */
  mayFind(word: string): boolean {
    const n = word.length;
    const last = word.charCodeAt(n - 1);
    const beforeLast = word.charCodeAt(n - 2);
    const { signatures } = this;
    // The word itself; without one letter (or ا for ل + ال); without two (or ا for ل + ال).
    // Written out, with no helper closures: this runs for every word of every article.
    if (signatures.has(signature(n, word.charCodeAt(0), last, beforeLast))) return true;
    if (n < 3) return false;
    const second = word.charCodeAt(1);
    if (signatures.has(signature(n - 1, second, last, beforeLast))) return true;
    const third = word.charCodeAt(2);
    if (word.charCodeAt(0) === LAM && second === LAM && signatures.has(signature(n, ALEF, last, beforeLast)))
      return true;
    if (n < 4) return false;
    if (signatures.has(signature(n - 2, third, last, beforeLast))) return true;
    return second === LAM && third === LAM && signatures.has(signature(n - 1, ALEF, last, beforeLast));
  }
}
