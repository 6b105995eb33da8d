/** The `marsad` command line: one subcommand a module under commands/. */
import { Command } from 'commander';
import { endQuietlyOnClosedPipes } from './closed-pipes.js';
import { boundHeapGrowth } from './heap-growth.js';

/** Adds one subcommand to the program. */
type Register = (program: Command) => void;

/**
 * The subcommands in the order help lists them, each module loaded only when wanted: a command
 * run alone loads its own module, not the server's or the store's (a cold `marsad extract`
 * would otherwise compile every module of the CLI first).
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  // Reading and storing articles, and what they report.
  ['ingest', async () => (await import('./commands/ingest.js')).registerIngest],
  ['watch', async () => (await import('./commands/watch.js')).registerWatch],
  ['worker', async () => (await import('./commands/worker.js')).registerWorker],
  ['articles', async () => (await import('./commands/articles.js')).registerArticles],
  ['show', async () => (await import('./commands/show.js')).registerShow],
  ['events', async () => (await import('./commands/events.js')).registerEvents],
  ['export', async () => (await import('./commands/export.js')).registerExport],
  ['review', async () => (await import('./commands/review.js')).registerReview],
  ['stats', async () => (await import('./commands/stats.js')).registerStats],
  ['remove', async () => (await import('./commands/remove.js')).registerRemove],
  ['fuse', async () => (await import('./commands/fuse.js')).registerFuse],
  // Analysing without storing.
  ['extract', async () => (await import('./commands/extract.js')).registerExtract],
  ['entities', async () => (await import('./commands/entities.js')).registerEntities],
  ['ner', async () => (await import('./commands/ner.js')).registerNer],
  ['eval', async () => (await import('./commands/eval.js')).registerEval],
  // The observatory, and a first look.
  ['serve', async () => (await import('./commands/serve.js')).registerServe],
  ['demo', async () => (await import('./commands/demo.js')).registerDemo],
];

/** The program with every subcommand, or only `command`'s when it is one of them. */
export async function buildProgram(command?: string): Promise<Command> {
  const program = new Command()
    .name('marsad')
    .description('Marsad (مرصد): structured, geocoded, sourced conflict events from Arabic news')
    .version('0.1.0')
    .showHelpAfterError();
  const wanted = COMMANDS.filter(([name]) => name === command);
  for (const [, load] of wanted.length ? wanted : COMMANDS) (await load())(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipes();
  boundHeapGrowth();
  // argv[2] is the subcommand (the program has no option of its own before it).
  await (await buildProgram(argv[2])).parseAsync(argv);
}

/** Runs the CLI as the `marsad` command does: an error is one line on stderr and exit code 1. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await main(argv);
  } catch (err) {
    // A reader that went away is not an error (see closed-pipes.ts).
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === 'EPIPE') return;
    console.error(`marsad: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
