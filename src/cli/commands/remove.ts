import type { Command } from 'commander';
import { resolveArticleId } from '../../store/article-prefix.js';
import { addDbOption, withDb } from '../options.js';
import { fusePending } from '../../fusion/fuse.js';

export function registerRemove(program: Command): void {
  addDbOption(
    program
      .command('remove <article-id>')
      .description(
        'delete an article (full id or a unique prefix) with its events, and re-fuse the events that were fused with them',
      ),
  ).action(async (prefix: string, opts: { db?: string }) => {
    await withDb(opts, async (repo) => {
      const lookup = await resolveArticleId(repo, prefix);
      if ('error' in lookup) throw new Error(lookup.error);
      const { id } = lookup;
      const [events, fusion] = await repo.transaction(async () => {
        const count = await repo.countEvents({ articleId: id, includeDismissed: true });
        await repo.deleteArticle(id);
        return [count, await fusePending(repo)] as const;
      });
      process.stdout.write(
        `removed article ${id} and its ${events} event${events === 1 ? '' : 's'}; re-fused ${fusion.recomputed} event${fusion.recomputed === 1 ? '' : 's'} into ${fusion.clusters} fused event${fusion.clusters === 1 ? '' : 's'}\n`,
      );
    });
  });
}
