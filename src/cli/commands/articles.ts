import type { Command } from 'commander';
import { addDbOption, parseDateOption, parseCount, withDb } from '../options.js';
import { truncate } from '../format.js';

export function registerArticles(program: Command): void {
  addDbOption(
    program
      .command('articles')
      .description('list stored articles, newest first')
      .option('--search <query>', 'Arabic full-text search (harakat, alef forms and clitics ignored)')
      .option('--since <date>', 'published on or after YYYY-MM-DD', parseDateOption)
      .option('--until <date>', 'published on or before YYYY-MM-DD', parseDateOption)
      .option('--limit <n>', 'at most this many (default: all with --json, 50 otherwise)', parseCount)
      .option('--json', 'one JSON object a line'),
  ).action(
    async (opts: { db?: string; search?: string; since?: string; until?: string; limit?: number; json?: boolean }) => {
      await withDb(opts, async (repo) => {
        const query = { search: opts.search, since: opts.since, until: opts.until };
        const limit = opts.limit ?? (opts.json ? undefined : 50);
        const rows = await repo.listArticles({ ...query, limit });
        if (opts.json) {
          for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
          return;
        }
        for (const row of rows) {
          process.stdout.write(
            `${row.id}  ${row.published ?? '----------'}  ${truncate(row.title || '(untitled)', 70)}\n`,
          );
        }
        const total = await repo.countArticles(query);
        process.stdout.write(`${rows.length} of ${total} article${total === 1 ? '' : 's'}\n`);
      });
    },
  );
}
