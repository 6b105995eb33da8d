import type { Command } from 'commander';
import { analyzeInputs } from '../../app/analyze.js';
import { loadPipelineContext } from '../../pipeline/context.js';
import { explainCandidates, toExtractionRecord } from '../../events/output.js';
import { collectFieldMap, parseDateOption } from '../options.js';
import { candidateTable, eventTable, truncate } from '../format.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract events from articles and print them (never writes the store)')
    .argument('<inputs...>', 'files, directories, URLs, or - for standard input')
    .option('--format <format>', 'json (one record an article, a line) or table', 'json')
    .option(
      '--published <date>',
      'publication date for every article (YYYY-MM-DD), to resolve "أمس" and the like',
      parseDateOption,
    )
    .option('--explain', 'also list every candidate mention with its verdict: kept, or rejected by which rule and why')
    .option(
      '--field <name=input>',
      'map a JSON field, e.g. --field published=published_raw (repeatable)',
      collectFieldMap,
    )
    .action(
      async (
        inputs: string[],
        opts: { format: string; published?: string; explain?: boolean; field?: Record<string, string> },
      ) => {
        if (opts.format !== 'json' && opts.format !== 'table')
          throw new Error(`unknown --format "${opts.format}": expected json or table`);
        const context = loadPipelineContext();
        let read = 0;
        for await (const item of analyzeInputs(inputs, context, { fieldMap: opts.field }, opts.published)) {
          if (item.kind === 'error') {
            process.stderr.write(`error: ${item.message}\n`);
            // One output line per input record: a bad record keeps its place as an error record.
            if (opts.format === 'json')
              process.stdout.write(
                `${JSON.stringify({ article: null, events: [], entities: [], error: item.message })}\n`,
              );
            continue;
          }
          read++;
          const record = toExtractionRecord(item.doc);
          if (opts.format === 'json') {
            const explained = opts.explain ? { ...record, candidates: explainCandidates(item.doc) } : record;
            process.stdout.write(`${JSON.stringify(explained)}\n`);
            continue;
          }
          const { article } = record;
          process.stdout.write(
            `\n# ${item.where}${article.title ? ` — ${truncate(article.title, 60)}` : ''} (published ${article.published ?? 'unknown'})\n`,
          );
          process.stdout.write(record.events.length ? `${eventTable(record.events)}\n` : 'no events\n');
          if (opts.explain) {
            const candidates = explainCandidates(item.doc);
            process.stdout.write(
              candidates.length ? `\nCandidates\n${candidateTable(candidates)}\n` : 'no candidates\n',
            );
          }
        }
        if (read === 0) process.exitCode = 1;
      },
    );
}
