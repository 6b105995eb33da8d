import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { loadNerModel, tagConll } from '../../ner/tagger/index.js';

export function registerNer(program: Command): void {
  program
    .command('ner')
    .description('tag CoNLL input with the statistical NER model: prints "token GOLD PRED" lines for conlleval')
    .requiredOption('--conll <file>', 'token [TAG] lines, blank lines between sentences (- for stdin)')
    .action((opts: { conll: string }) => {
      const text = readFileSync(opts.conll === '-' ? 0 : opts.conll, 'utf8');
      process.stdout.write(tagConll(loadNerModel(), text));
    });
}
