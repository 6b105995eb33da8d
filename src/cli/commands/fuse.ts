import type { Command } from 'commander';
import { addDbOption, withDb } from '../options.js';
import { fuseAll, fusePending } from '../../fusion/fuse.js';

export function registerFuse(program: Command): void {
  addDbOption(
    program
      .command('fuse')
      .description('fuse the events waiting for it (ingest does this itself); --all recomputes every fused event')
      .option('--all', 'recompute every cluster from the stored events'),
  ).action(async (opts: { db?: string; all?: boolean }) => {
    await withDb(opts, async (repo) => {
      const s = opts.all ? await fuseAll(repo) : await fusePending(repo);
      process.stdout.write(
        `fused ${s.recomputed} event${s.recomputed === 1 ? '' : 's'} into ${s.clusters} fused event${s.clusters === 1 ? '' : 's'} (${s.fused} with several sources) in ${s.seconds.toFixed(2)} s\n`,
      );
    });
  });
}
