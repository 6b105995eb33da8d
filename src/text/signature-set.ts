/**
 * A set of word signatures, a bit each: what a filter in front of a large lexicon map keeps.
 * The table is small enough to stay in cache, where the map's keys miss it; a signature not in
 * the set means no key has it, so the look-up can be skipped. Callers choose the signature (which
 * letters of a word, and how they are hashed) and the table's size.
 */
export class SignatureSet {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** A set of signatures under 2^`log2Size` (the table is 2^`log2Size` bits). */
  constructor(log2Size: number) {
    this.bits = new Uint32Array(1 << (log2Size - 5));
    this.mask = (1 << log2Size) - 1;
  }

  add(signature: number): void {
    const at = signature & this.mask;
    this.bits[at >>> 5] |= 1 << (at & 31);
  }

  has(signature: number): boolean {
    const at = signature & this.mask;
    return (this.bits[at >>> 5] & (1 << (at & 31))) !== 0;
  }
}
