/**
 * Surface keys made of a proclitic and a head (و + قصف، ل + لهجوم), kept by head with the
 * proclitics each head takes. A lexicon's forms with every proclitic are some hundred and fifty
 * thousand keys, and putting them in one map cost a cold start a third of a second; its heads
 * are a tenth of that, and a word is split into proclitic and head when it is looked up (a
 * proclitic is a few letters, so there are a few ways to split it).
 */
import { SignatureSet } from '../text/signature-set.js';

/** Signatures of heads a filter tells apart: a bit each, 128 KiB a filter. */
const SIGNATURE_BITS = 20;
/** Edges a node of the proclitic trie has room for: one a letter proclitics are made of (and 0, unused). */
const TRIE_WIDTH = 16;

/**
 * A hash of the head `word.slice(from)`, without slicing it: its length, first three and last
 * two letters. Past the word's end charCodeAt gives NaN, which mixes in as 0; the letter before
 * the last of a one-letter head would be the proclitic's, so it is 0 too.
 */
function headSignature(word: string, from: number): number {
  const end = word.length;
  let h = Math.imul(end - from, 0x9e3779b1);
  h = Math.imul(h ^ word.charCodeAt(from), 0x85ebca6b);
  h = Math.imul(h ^ word.charCodeAt(from + 1), 0xc2b2ae35);
  h = Math.imul(h ^ word.charCodeAt(from + 2), 0x27d4eb2f);
  h = Math.imul(h ^ word.charCodeAt(end - 1), 0x165667b1);
  h = Math.imul(h ^ (end - from >= 2 ? word.charCodeAt(end - 2) : 0), 0x9e3779b1);
  return h ^ (h >>> 15);
}

interface HeadEntry<V> {
  /** When it was added: a word's values are given in this order. */
  order: number;
  proclitics: readonly string[];
  value: V;
}

/** A value whose key is the word looked up, and the proclitic the word was read with. */
export interface ProcliticHit<V> {
  proclitic: string;
  value: V;
}

export class ProcliticIndex<V> {
  private readonly byHead = new Map<string, HeadEntry<V>[]>();
  /** The letters proclitics are made of, each with a number (1…) its edges in the trie below are kept under. */
  private readonly procliticLetters = new Uint8Array(0x10000);
  private letterCount = 0;
  /**
   * The proclitics as a trie of arrays, so that a word's first letters are tested without slicing
   * it or hashing: node n's child by letter number d is trieNext[n * TRIE_WIDTH + d] (-1 when none),
   * and trieEnds[n] says whether a proclitic ends there (node 0 is the root, '').
   */
  private readonly trieNext: number[] = new Array<number>(TRIE_WIDTH).fill(-1);
  private readonly trieEnds: boolean[] = [false];
  private longestProclitic = 0;
  /**
   * The heads' signatures: most words of a text split into no head, and the filter (a table that
   * stays in cache) says so without slicing the word or looking in the map, whose keys miss the cache.
   */
  private readonly signatures = new SignatureSet(SIGNATURE_BITS);
  private added = 0;

  /** Keys each proclitic of `proclitics` ('' for none) followed by `head` to `value`. */
  add(head: string, proclitics: readonly string[], value: V): void {
    const entry: HeadEntry<V> = { order: this.added++, proclitics, value };
    const entries = this.byHead.get(head);
    if (entries) entries.push(entry);
    else this.byHead.set(head, [entry]);
    for (const p of proclitics) this.addProclitic(p);
    this.signatures.add(headSignature(head, 0));
  }

  private addProclitic(proclitic: string): void {
    let node = 0;
    for (let i = 0; i < proclitic.length; i++) {
      const letter = proclitic.charCodeAt(i);
      if (!this.procliticLetters[letter]) {
        if (this.letterCount + 1 >= TRIE_WIDTH) throw new Error(`proclitics of more than ${TRIE_WIDTH - 1} letters`);
        this.procliticLetters[letter] = ++this.letterCount;
      }
      const edge = node * TRIE_WIDTH + this.procliticLetters[letter];
      if (this.trieNext[edge] < 0) {
        this.trieNext[edge] = this.trieEnds.length;
        this.trieEnds.push(false);
        for (let d = 0; d < TRIE_WIDTH; d++) this.trieNext.push(-1);
      }
      node = this.trieNext[edge];
    }
    this.trieEnds[node] = true;
    this.longestProclitic = Math.max(this.longestProclitic, proclitic.length);
  }

  /**
   * The lengths of the proclitics `word` may start with, as bits (bit n for n letters), its
   * head then left non-empty.
   */
  private splitsOf(word: string): number {
    const longest = Math.min(this.longestProclitic, word.length - 1);
    let splits = this.trieEnds[0] ? 1 : 0;
    let node = 0;
    for (let n = 1; n <= longest; n++) {
      const letter = this.procliticLetters[word.charCodeAt(n - 1)];
      if (!letter) break;
      node = this.trieNext[node * TRIE_WIDTH + letter];
      if (node < 0) break;
      if (this.trieEnds[node]) splits |= 1 << n;
    }
    return splits;
  }

  /** False when no value is keyed by `word` (from the signatures alone: true may still find none). */
  mayKey(word: string): boolean {
    const splits = this.splitsOf(word);
    for (let n = 0; splits >>> n; n++)
      if (splits & (1 << n) && this.signatures.has(headSignature(word, n))) return true;
    return false;
  }

  /** The values keyed by `word`, each with its proclitic, in the order they were added. */
  lookup(word: string): ProcliticHit<V>[] {
    const found: (ProcliticHit<V> & { order: number })[] = [];
    let splitsFound = 0;
    const splits = this.splitsOf(word);
    for (let n = 0; splits >>> n; n++) {
      if (!(splits & (1 << n)) || !this.signatures.has(headSignature(word, n))) continue;
      const entries = this.byHead.get(word.slice(n));
      if (!entries) continue;
      const proclitic = word.slice(0, n);
      const before = found.length;
      for (const { order, proclitics, value } of entries)
        if (proclitics.includes(proclitic)) found.push({ order, proclitic, value });
      if (found.length > before) splitsFound++;
    }
    // Each split's values are in order already; those of several are merged.
    if (splitsFound > 1) found.sort((a, b) => a.order - b.order);
    return found;
  }
}
