/**
 * Parses JSON that the store itself wrote with JSON.stringify from a value of type T (an event
 * record, a fused event's explanation). It is not validated again: the store is its only writer,
 * and validating every record of every page read would cost more than the rest of the read.
 */
export function parseStoredJson<T>(json: string): T {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written from a T by this store, as said above
  return JSON.parse(json) as T;
}
