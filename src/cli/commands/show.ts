import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';
import { resolveArticleId } from '../../store/article-prefix.js';

export function registerShow(program: Command): void {
  addDbOption(
    program
      .command('show')
      .description('show one stored article (an id or a unique prefix of one)')
      .argument('<id>')
      .option('--json', 'as JSON'),
  ).action(async (id: string, opts: { db?: string; json?: boolean }) => {
    await withDb(opts, async (repo) => {
      const lookup = await resolveArticleId(repo, id);
      if ('error' in lookup) throw new Error(lookup.error);
      const article = await repo.getArticle(lookup.id);
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
