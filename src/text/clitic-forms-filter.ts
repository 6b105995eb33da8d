/**
 * A filter in front of a small lexicon looked up with `lookupWithClitics` (numbers.ts): a bit per
 * signature (length and last two letters) of its keys. Every form that look-up tries for a word
 * ends with the word's last two letters and is as long as the word or one or two letters shorter,
 * so a word none of whose three signatures is set cannot be found, and is turned away without the
 * up to three strings the look-up cuts and hashes. Most words of a text are no number or date word.
 */

import { SignatureSet } from './signature-set.js';

/** Signatures a filter tells apart: a bit each, 2 KiB a filter. */
const SIGNATURE_BITS = 14;

/** A hash of a form's length and last two letters (NaN past its start mixes in as 0). */
function signature(length: number, last: number, beforeLast: number): number {
  let h = Math.imul(length, 0x9e3779b1);
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
      this.signatures.add(signature(key.length, key.charCodeAt(key.length - 1), key.charCodeAt(key.length - 2)));
  }

  /** False when no form `lookupWithClitics` tries for `word` is a key; true when one may be. */
  mayFind(word: string): boolean {
    const n = word.length;
    const last = word.charCodeAt(n - 1);
    const beforeLast = word.charCodeAt(n - 2);
    // The word itself; without one letter (or ل + ال read as ال); without two (or ا for ل + ال).
    const { signatures } = this;
    return (
      signatures.has(signature(n, last, beforeLast)) ||
      (n >= 3 && signatures.has(signature(n - 1, last, beforeLast))) ||
      (n >= 4 && signatures.has(signature(n - 2, last, beforeLast)))
    );
  }
}
