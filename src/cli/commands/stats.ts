import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';

export function registerStats(program: Command): void {
  addDbOption(
    program.command('stats').description('count what the store holds').option('--json', 'one JSON object'),
  ).action(async (opts: { db?: string; json?: boolean }) => {
    await withDb(opts, async (repo) => {
      const stats = await repo.stats();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(stats)}\n`);
        return;
      }
      process.stdout.write(
        [
          `articles:  ${stats.articles}`,
          `events:    ${stats.events}`,
          `records:   ${stats.origins} (input records; exact duplicates merge into one article)`,
          `sources:   ${stats.sources}`,
          `published: ${stats.firstPublished ?? '-'} … ${stats.lastPublished ?? '-'}`,
        ].join('\n') + '\n',
      );
    });
  });
}
