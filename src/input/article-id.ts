import { createHash } from 'node:crypto';
import { collapseSpaces, normalizeForMatch } from '../text/normalize.js';
import { rememberedView } from '../text/view-cache.js';

/**
 * A stable id for an article: the same report spelled with or without harakat, tatweel or alef
 * variants, or with different spacing, gets the same id, so duplicates from several inputs merge.
 */
export function articleId(title: string, text: string): string {
  return (
    createHash('sha256')
      // normalizeForMatch(text), from the view the full-text index and the pipeline read too.
      .update(normalizeForMatch(title) + '\n' + collapseSpaces(rememberedView(text).norm))
      .digest('hex')
      .slice(0, 16)
  );
}
