/** Users type short article ids: an exact id, or a prefix that names exactly one article. */
import type { Repository } from './repository.js';

export type ArticleIdLookup = { id: string } | { error: string; ambiguous: boolean };

export async function resolveArticleId(repo: Repository, idOrPrefix: string): Promise<ArticleIdLookup> {
  const matches = await repo.findArticleId(idOrPrefix);
  if (matches.includes(idOrPrefix) || matches.length === 1)
    return { id: matches.includes(idOrPrefix) ? idOrPrefix : matches[0] };
  if (matches.length === 0) return { error: `no article with id "${idOrPrefix}"`, ambiguous: false };
  const shown = matches.slice(0, 5).join(', ');
  return {
    error: `article id prefix "${idOrPrefix}" is ambiguous: ${shown}${matches.length > 5 ? ' …' : ''}`,
    ambiguous: true,
  };
}
