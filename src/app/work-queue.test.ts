import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Repository } from '../store/repository.js';
import { SqliteRepository } from '../store/sqlite.js';
import { PostgresRepository } from '../store/postgres.js';
import { scratchPostgresSchemas } from '../store/postgres-schemas.js';
import { ingestInputs } from './ingest.js';
import { enqueueInputs, parseArticleBatch, runWorker } from './work-queue.js';

const DEMO = fileURLToPath(new URL('../../samples/demo', import.meta.url));

/** Two connections to one fresh store, as two worker processes would have. */
interface Store {
  open(): Promise<Repository>;
}

function workerSuite(name: string, fresh: () => Promise<Store>, cleanup: () => Promise<void>, skip?: string): void {
  describe(name, { skip }, () => {
    after(cleanup);

    test('two workers drain one queue: every batch stored once, the same events as one ingest', async () => {
      const store = await fresh();
      const [queue, w1, w2] = [await store.open(), await store.open(), await store.open()];
      const reference = await (await fresh()).open();
      try {
        const queued = await enqueueInputs(queue, [DEMO], {}, {}, 1);
        assert.equal(queued.items, queued.read, 'one article a batch');
        const [a, b] = await Promise.all([
          runWorker(w1, { name: 'w1', drain: true }),
          runWorker(w2, { name: 'w2', drain: true }),
        ]);
        assert.equal(a.items + b.items, queued.items, 'each batch claimed by one worker, once');
        assert.equal(a.articles + b.articles, queued.read, 'each article processed once');
        assert.equal(a.failedItems + b.failedItems, 0);
        assert.deepEqual(await queue.workCounts(), { pending: 0, claimed: 0, done: queued.items, failed: 0 });

        await ingestInputs(reference, [DEMO]);
        assert.equal(await queue.countArticles(), await reference.countArticles());
        const ids = async (repo: Repository) => (await repo.listEvents({ limit: 1000 })).map((e) => e.record.id).sort();
        assert.deepEqual(await ids(queue), await ids(reference));
        assert.equal(await queue.countFusedEvents(), await reference.countFusedEvents());
      } finally {
        for (const repo of [queue, w1, w2, reference]) await repo.close();
      }
    });

    test('a batch left by a dead worker is taken over when its claim expires', async () => {
      const store = await fresh();
      const [dead, alive] = [await store.open(), await store.open()];
      try {
        await enqueueInputs(dead, [join(DEMO, 'sirte-2020.txt')]);
        assert.ok(await dead.claimWork('dead', 0), 'claimed, then the worker dies');
        await new Promise((resolve) => setTimeout(resolve, 20));
        const summary = await runWorker(alive, { name: 'alive', drain: true });
        assert.equal(summary.items, 1);
        assert.equal(summary.new, 1);
        assert.deepEqual(await alive.workCounts(), { pending: 0, claimed: 0, done: 1, failed: 0 });
      } finally {
        await dead.close();
        await alive.close();
      }
    });

    test('a batch that is not one is failed with a message naming it, and the worker goes on', async () => {
      const store = await fresh();
      const repo = await store.open();
      try {
        await repo.enqueueWork('articles', ['{"not": "a batch"}']);
        await enqueueInputs(repo, [join(DEMO, 'sirte-2020.txt')]);
        const errors: string[] = [];
        const summary = await runWorker(repo, { name: 'w', drain: true }, { onError: (m) => errors.push(m) });
        assert.equal(summary.failedItems, 1);
        assert.equal(summary.new, 1);
        assert.match(errors[0], /^work item \d+: not a batch of articles/);
        assert.deepEqual(await repo.workCounts(), { pending: 0, claimed: 0, done: 1, failed: 1 });
      } finally {
        await repo.close();
      }
    });
  });
}

const sqliteDir = mkdtempSync(join(tmpdir(), 'marsad-work-'));
let sqliteStores = 0;
workerSuite(
  'work queue on SQLite (one file, several connections)',
  () => {
    const path = join(sqliteDir, `store-${++sqliteStores}.db`);
    return Promise.resolve({ open: () => Promise.resolve(new SqliteRepository(path)) });
  },
  () => {
    rmSync(sqliteDir, { recursive: true, force: true });
    return Promise.resolve();
  },
);

const pgUrl = process.env.MARSAD_TEST_PG;
const schemas = pgUrl ? scratchPostgresSchemas(pgUrl) : null;
workerSuite(
  'work queue on PostgreSQL (FOR UPDATE SKIP LOCKED)',
  async () => {
    const url = await schemas!.create();
    return { open: () => PostgresRepository.open(url) };
  },
  async () => schemas?.dropAll(),
  pgUrl ? undefined : 'MARSAD_TEST_PG is not set (a postgres:// URL; see scripts/ci/setup-postgres.sh)',
);

test('a queued batch is checked field by field', () => {
  assert.throws(
    () => parseArticleBatch({ id: 7, kind: 'articles', payload: 'nope', attempts: 1 }),
    /^Error: work item 7: payload is not JSON/,
  );
  assert.throws(
    () => parseArticleBatch({ id: 8, kind: 'articles', payload: '[{"title": 1}]', attempts: 1 }),
    /^Error: work item 8: not a batch of articles at 0\.title/,
  );
});
