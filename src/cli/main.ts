/** The `marsad` command line: one subcommand a module under commands/. */
import { Command } from 'commander';
import { endQuietlyOnClosedPipes } from './closed-pipes.js';
import { boundHeapGrowth } from './heap-growth.js';
import { registerIngest } from './commands/ingest.js';
import { registerArticles } from './commands/articles.js';
import { registerShow } from './commands/show.js';
import { registerStats } from './commands/stats.js';
import { registerDemo } from './commands/demo.js';
import { registerEntities } from './commands/entities.js';
import { registerNer } from './commands/ner.js';
import { registerEval } from './commands/eval.js';
import { registerServe } from './commands/serve.js';
import { registerWatch } from './commands/watch.js';
import { registerWorker } from './commands/worker.js';
import { registerExtract } from './commands/extract.js';
import { registerEvents } from './commands/events.js';
import { registerFuse } from './commands/fuse.js';
import { registerRemove } from './commands/remove.js';
import { registerExport } from './commands/export.js';
import { registerReview } from './commands/review.js';

export function buildProgram(): Command {
  const program = new Command()
    .name('marsad')
    .description('Marsad (مرصد): structured, geocoded, sourced conflict events from Arabic news')
    .version('0.1.0')
    .showHelpAfterError();
  const commands = [
    // Reading and storing articles, and what they report.
    registerIngest,
    registerWatch,
    registerWorker,
    registerArticles,
    registerShow,
    registerEvents,
    registerExport,
    registerReview,
    registerStats,
    registerRemove,
    registerFuse,
    // Analysing without storing.
    registerExtract,
    registerEntities,
    registerNer,
    registerEval,
    // The observatory, and a first look.
    registerServe,
    registerDemo,
  ];
  for (const register of commands) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipes();
  boundHeapGrowth();
  await buildProgram().parseAsync(argv);
}
