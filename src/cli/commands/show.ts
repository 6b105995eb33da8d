import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';
import type { Repository } from '../../store/repository.js';

export function registerShow(program: Command): void {
  addDbOption(
    program
      .command('show')
      .description('show one stored article (an id or a unique prefix of one)')
      .argument('<id>')
      .option('--json', 'as JSON'),
  ).action(async (id: string, opts: { db?: string; json?: boolean }) => {
    await withDb(opts, async (repo) => {
      const article = await repo.getArticle(await resolveArticleId(repo, id));
      if (!article) throw new Error(`no article ${id}`);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
        return;
      }
      const lines = [
        `id:        ${article.id}`,
        `title:     ${article.title || '(untitled)'}`,
        `published: ${article.published ?? 'unknown'}${article.publishedRaw ? ` (as given: ${article.publishedRaw})` : ''}`,
        ...article.origins.map((o) => `source:    ${[o.source, o.url, o.input].filter(Boolean).join(' | ')}`),
        '',
        article.text,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  });
}

export async function resolveArticleId(repo: Repository, idOrPrefix: string): Promise<string> {
  const matches = await repo.findArticleId(idOrPrefix);
  if (matches.includes(idOrPrefix)) return idOrPrefix;
  if (matches.length === 0) throw new Error(`no article with id ${idOrPrefix}`);
  if (matches.length > 1) throw new Error(`id prefix ${idOrPrefix} is ambiguous: ${matches.slice(0, 5).join(', ')} …`);
  return matches[0];
}
