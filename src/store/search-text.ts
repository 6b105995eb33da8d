/** What every backend's full-text search indexes and how it splits a query, so they agree. */
import { normalize, normalizeForMatch } from '../text/normalize.js';
import { viewOf } from '../text/view-cache.js';

/**
 * The text the full-text index holds: normalised title and body (normalisation maps each
 * character alone, so the two views joined are the view of the two joined).
 */
export function searchableText(title: string, text: string): string {
  return `${normalize(title).norm}\n${viewOf(text).norm}`;
}

/** A user's query as normalised terms, each of which must occur as a substring. */
export function searchTerms(search: string): string[] {
  return normalizeForMatch(search)
    .split(/[\s"'()*:^,;?!.]+/)
    .filter(Boolean);
}
