/**
 * Totals of lists at any size. A list's page is read in order and stops when full, but its
 * total must see every match: with an outlet or a text filter no tally or index counts them (a
 * word found in every article is a million events, read one by one), so such a count stops
 * past a cap. Both backends follow the same rule.
 */
import type { EventQuery } from './repository.js';
import { searchTerms } from './search-text.js';

/** `capped`: more than `total` match, `total` being the cap; otherwise `total` is exact. */
export interface ListTotal {
  total: number;
  capped: boolean;
}

/** Whether the query filters on outlets or text, whose count stops at the cap. */
export function matchesReadOneByOne(query: EventQuery): boolean {
  return Boolean(query.source) || (query.q ? searchTerms(query.q).length > 0 : false);
}

/** The ListTotal of `found` matches, of which at most cap + 1 were read. */
export function listTotal(found: number, cap: number): ListTotal {
  return found > cap ? { total: cap, capped: true } : { total: found, capped: false };
}
