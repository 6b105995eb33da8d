/** What every backend's full-text search indexes and how it splits a query, so they agree. */
import { normalize, normalizeForMatch } from '../text/normalize.js';

/** The text the full-text index holds: normalised title and body. */
export function searchableText(title: string, text: string): string {
  return normalize(`${title}\n${text}`).norm;
}

/** A user's query as normalised terms, each of which must occur as a substring. */
export function searchTerms(search: string): string[] {
  return normalizeForMatch(search)
    .split(/[\s"'()*:^,;?!.]+/)
    .filter(Boolean);
}
