import { createHash } from 'node:crypto';
import { normalizeForMatch } from '../text/normalize.js';

/**
 * A stable id for an article: the same report spelled with or without harakat, tatweel or alef
 * variants, or with different spacing, gets the same id, so duplicates from several inputs merge.
 */
export function articleId(title: string, text: string): string {
  return createHash('sha256')
    .update(normalizeForMatch(title) + '\n' + normalizeForMatch(text))
    .digest('hex')
    .slice(0, 16);
}
