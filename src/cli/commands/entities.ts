import type { Command } from 'commander';
import { analyzeInputs } from '../../app/analyze.js';
import { loadPipelineContext } from '../../pipeline/context.js';
import { table, truncate } from '../format.js';
import type { Entity } from '../../entities/recognize.js';
import { parseDateOption } from '../options.js';

export function registerEntities(program: Command): void {
  program
    .command('entities')
    .description('find and resolve the people, organisations and places in articles (does not write the store)')
    .argument('<inputs...>', 'files, directories, URLs, or - for standard input')
    .option('--published <date>', 'publication date to resolve against (YYYY-MM-DD)', parseDateOption)
    .option('--json', 'one JSON object an article, with spans and resolutions')
    .action(async (inputs: string[], opts: { json?: boolean; published?: string }) => {
      const context = { ...loadPipelineContext(), taggerScope: 'all' as const };
      let read = 0;
      for await (const item of analyzeInputs(inputs, context, {}, opts.published)) {
        if (item.kind === 'error') {
          process.stderr.write(`error: ${item.message}\n`);
          continue;
        }
        read++;
        const { doc } = item;
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ article: { id: doc.article.id, title: doc.article.title, where: item.where }, entities: doc.entities.map(entityJson) })}\n`,
          );
          continue;
        }
        process.stdout.write(`\n# ${item.where}${doc.article.title ? ` — ${truncate(doc.article.title, 60)}` : ''}\n`);
        process.stdout.write(
          `${table(['type', 'text', 'resolved to', 'where', 'rule'], doc.entities.map(entityRow))}\n`,
        );
      }
      if (read === 0) process.exitCode = 1;
    });
}

function entityJson(e: Entity) {
  const { tokenStart, tokenEnd, ...rest } = e;
  return { ...rest, ref: e.resolution?.id ?? null };
}

function entityRow(e: Entity): string[] {
  const r = e.resolution;
  let resolved = '-';
  let where = '';
  if (r?.kind === 'place') {
    resolved = `${r.name} (${r.id})`;
    where = `${r.lat}, ${r.lon} · ${r.admin1 ?? r.country} · precision ${r.geo_precision}${r.direction ? ` · ${r.direction} of` : ''}`;
  } else if (r?.kind === 'actor') {
    resolved = truncate(r.name, 60);
    where = `inter ${r.inter}`;
  } else if (r?.kind === 'person') {
    resolved = r.name;
    where = r.actor ? truncate(`${r.actor.role}, ${r.actor.name}`, 60) : '';
  } else if (e.demonymOf) {
    resolved = `(of ${e.demonymOf})`;
  }
  return [e.type, truncate(e.text, 40), resolved, where, e.rule];
}
