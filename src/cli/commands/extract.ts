import type { Command } from 'commander';
import { analyzeInputs } from '../../app/analyze.js';
import { loadPipelineContext } from '../../pipeline/context.js';
import { toExtractionRecord } from '../../events/output.js';
import type { EventRecord } from '../../events/record.js';
import { collectFieldMap, parseDateOption } from '../options.js';
import { table, truncate } from '../format.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract events from articles and print them (never writes the store)')
    .argument('<inputs...>', 'files, directories, URLs, or - for standard input')
    .option('--format <format>', 'json (one record an article, a line) or table', 'json')
    .option('--published <date>', 'publication date for every article (YYYY-MM-DD), to resolve "أمس" and the like', parseDateOption)
    .option('--field <name=input>', 'map a JSON field, e.g. --field published=published_raw (repeatable)', collectFieldMap)
    .action(async (inputs: string[], opts: { format: string; published?: string; field?: Record<string, string> }) => {
      if (opts.format !== 'json' && opts.format !== 'table') throw new Error(`unknown --format "${opts.format}": expected json or table`);
      const context = loadPipelineContext();
      let read = 0;
      for await (const item of analyzeInputs(inputs, context, { fieldMap: opts.field }, opts.published)) {
        if (item.kind === 'error') {
          process.stderr.write(`error: ${item.message}\n`);
          // One output line per input record: a bad record keeps its place as an error record.
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify({ article: null, events: [], entities: [], error: item.message })}\n`);
          continue;
        }
        read++;
        const record = toExtractionRecord(item.doc);
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(record)}\n`);
          continue;
        }
        const { article } = record;
        process.stdout.write(`\n# ${item.where}${article.title ? ` — ${truncate(article.title, 60)}` : ''} (published ${article.published ?? 'unknown'})\n`);
        process.stdout.write(record.events.length ? `${eventTable(record.events)}\n` : 'no events\n');
      }
      if (read === 0) process.exitCode = 1;
    });
}

export function eventTable(events: EventRecord[]): string {
  return table(
    ['date', 'type', 'place', 'actor1', 'actor2', 'killed', 'modality', 'trigger'],
    events.map((e) => [
      e.date ?? (e.date_text ? `? (${e.date_text})` : '?'),
      truncate(`${e.event_type} / ${e.sub_event_type}`, 48),
      e.location ? truncate(`${e.location.name} p${e.location.geo_precision}`, 28) : '-',
      truncate(e.actor1?.name ?? '-', 36),
      truncate(e.actor2?.name ?? '-', 36),
      String(e.fatalities) + (e.injured !== null ? ` (+${e.injured} inj.)` : ''),
      e.modality,
      truncate(e.trigger.text, 20),
    ]),
  );
}
