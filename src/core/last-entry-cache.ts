/**
 * A cache of one entry: the value worked out for the last key. It keeps what stages of the
 * pipeline derive from one document and share (its scan, its view's words, its tokens'
 * surfaces) while the document is read, in place of a WeakMap keyed by the document's objects:
 * V8's young-generation collections keep a WeakMap's values alive whatever becomes of their keys
 * (only a full collection drops them), so every document's derived objects were copied and
 * promoted by the young collections that followed. Holds its key and value until the next key.
 */
export class LastEntryCache<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  /** The value kept for `key`, or undefined when the last key was another. */
  get(key: K): V | undefined {
    return key === this.key ? this.value : undefined;
  }

  set(key: K, value: V): void {
    this.key = key;
    this.value = value;
  }
}
