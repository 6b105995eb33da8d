import type { Command } from 'commander';
import { addDbOption, parseDateOption, parsePositiveInt, withDb } from '../options.js';
import { eventTable } from './extract.js';

export function registerEvents(program: Command): void {
  addDbOption(
    program
      .command('events')
      .description('list stored events, newest first')
      .option('--since <date>', 'on or after YYYY-MM-DD', parseDateOption)
      .option('--until <date>', 'on or before YYYY-MM-DD', parseDateOption)
      .option('--type <event_type>', 'ACLED event type, e.g. "Battles"')
      .option('--sub-type <sub_event_type>', 'ACLED sub-event type, e.g. "Air/drone strike"')
      .option('--place <words>', 'place id or name (English or Arabic), or district')
      .option('--actor <words>', 'actor id or name (English or Arabic)')
      .option('--limit <n>', 'at most this many (default: all with --json, 50 otherwise)', parsePositiveInt)
      .option('--json', 'one JSON object a line: the event record with its article'),
  ).action(
    async (opts: { db?: string; since?: string; until?: string; type?: string; subType?: string; place?: string; actor?: string; limit?: number; json?: boolean }) => {
      await withDb(opts, async (repo) => {
        const query = { since: opts.since, until: opts.until, type: opts.type, sub_type: opts.subType, place: opts.place, actor: opts.actor };
        const rows = await repo.listEvents({ ...query, limit: opts.limit ?? (opts.json ? undefined : 50) });
        if (opts.json) {
          for (const row of rows) process.stdout.write(`${JSON.stringify({ ...row.record, article: row.article })}\n`);
          return;
        }
        if (rows.length) process.stdout.write(`${eventTable(rows.map((r) => r.record))}\n`);
        const total = await repo.countEvents(query);
        process.stdout.write(`${rows.length} of ${total} event${total === 1 ? '' : 's'}\n`);
      });
    },
  );
}
