import type { Command } from 'commander';
import {
  addDbOption,
  addEventFilterOptions,
  eventQueryOf,
  parseCount,
  withDb,
  type EventFilterOptions,
} from '../options.js';
import { eventTable } from '../format.js';

export function registerEvents(program: Command): void {
  const command = addDbOption(program.command('events').description('list stored events, newest first'));
  addEventFilterOptions(command)
    .option('--limit <n>', 'at most this many (default: all with --json, 50 otherwise)', parseCount)
    .option('--json', 'one JSON object a line: the event record with its article')
    .option('--fused', 'fused events (one per occurrence, every source) instead of one per article')
    .option(
      '--explain <id>',
      'how a fused event was formed: its members and the rule that joined each (fused id or any member event id)',
    )
    .action(
      async (
        opts: EventFilterOptions & { db?: string; limit?: number; json?: boolean; fused?: boolean; explain?: string },
      ) => {
        await withDb(opts, async (repo) => {
          if (opts.explain) {
            const fused = await repo.getFusedEvent(opts.explain);
            if (!fused)
              throw new Error(
                `no fused event "${opts.explain}" (a fused id, fe-…, or an event id; run marsad fuse if events are waiting)`,
              );
            process.stdout.write(opts.json ? `${JSON.stringify(fused)}\n` : `${fused.explanation.join('\n')}\n`);
            return;
          }
          const query = eventQueryOf(opts);
          if (opts.fused) {
            const fused = await repo.listFusedEvents({ ...query, limit: opts.limit ?? (opts.json ? undefined : 50) });
            if (opts.json) {
              for (const f of fused) process.stdout.write(`${JSON.stringify(f)}\n`);
              return;
            }
            if (fused.length) process.stdout.write(`${eventTable(fused.map((f) => f.record))}\n`);
            const total = await repo.countFusedEvents(query);
            process.stdout.write(`${fused.length} of ${total} fused event${total === 1 ? '' : 's'}\n`);
            return;
          }
          const rows = await repo.listEvents({ ...query, limit: opts.limit ?? (opts.json ? undefined : 50) });
          if (opts.json) {
            for (const row of rows)
              process.stdout.write(`${JSON.stringify({ ...row.record, article: row.article })}\n`);
            return;
          }
          if (rows.length) process.stdout.write(`${eventTable(rows.map((r) => r.record))}\n`);
          const total = await repo.countEvents(query);
          process.stdout.write(`${rows.length} of ${total} event${total === 1 ? '' : 's'}\n`);
        });
      },
    );
}
