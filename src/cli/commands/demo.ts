import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';
import { packagePath } from '../../core/paths.js';
import { runIngest } from './ingest.js';
import { eventTable, table, truncate } from '../format.js';
import { resolveDbLocation } from '../../store/open.js';

export function registerDemo(program: Command): void {
  addDbOption(
    program.command('demo').description('ingest the bundled sample reports (samples/demo) and show what was found'),
  ).action(async (opts: { db?: string }) => {
    const samples = packagePath('samples', 'demo');
    process.stdout.write(`Ingesting the sample reports in ${samples} into ${resolveDbLocation(opts.db)}\n`);
    await withDb(opts, async (repo) => {
      await runIngest(repo, [samples], {});
      const rows = await repo.listArticles({ limit: 20 });
      process.stdout.write(
        `\n${table(
          ['id', 'published', 'source', 'title'],
          rows.map((r) => [r.id, r.published ?? '-', truncate(r.source ?? '-', 24), truncate(r.title, 60)]),
        )}\n`,
      );
      const events = await repo.listEvents({ limit: 30 });
      process.stdout.write(`\nEvents found (newest first):\n${eventTable(events.map((e) => e.record))}\n`);
      const stats = await repo.stats();
      process.stdout.write(`\n${stats.articles} articles, ${stats.events} events in the store.\n`);
      process.stdout.write(
        'Next: marsad events --json, marsad show <id>, marsad articles --search "طرابلس", marsad serve (then open http://127.0.0.1:8080)\n',
      );
    });
  });
}
