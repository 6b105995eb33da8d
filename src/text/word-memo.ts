/**
 * Memos keyed by words of the text. A word is often a slice of its article, and from this length
 * V8 makes a slice a view of the whole string it comes from: a memo that kept such a key would
 * keep the article alive. Those words are not kept (they are rare in Arabic) and are worked out
 * afresh each time.
 */
export const SLICE_KEEPS_PARENT = 13;

/** True when `word` may be kept in a memo without keeping the text it was sliced from. */
export function keepable(word: string): boolean {
  return word.length < SLICE_KEEPS_PARENT;
}

/** A map from words to what was worked out for them, started again when it reaches `limit`. */
export class WordMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(word: string): V | undefined {
    return this.map.get(word);
  }

  /** Keeps `value` for `word` unless the word could keep its article (see keepable). */
  set(word: string, value: V): void {
    if (!keepable(word)) return;
    if (this.map.size >= this.limit) this.map.clear();
    this.map.set(word, value);
  }

  clear(): void {
    this.map.clear();
  }
}
