/** SQLite-only behaviour; what every backend does is in repository-suite.ts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ArticleInput } from '../core/article.js';
import { SqliteRepository, ftsQuery } from './sqlite.js';

function input(title: string, text: string, extra: Partial<ArticleInput> = {}): ArticleInput {
  return {
    title,
    text,
    published: null,
    publishedAt: null,
    publishedRaw: null,
    origin: { url: null, source: null, input: 'test', externalId: null },
    ...extra,
  };
}

async function withRepo(fn: (repo: SqliteRepository, path: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'test.db');
  const repo = new SqliteRepository(path);
  try {
    await fn(repo, path);
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('migrations run once: reopening keeps the data', async () => {
  await withRepo(async (repo, path) => {
    await repo.upsertArticle('a1', input('', 'نص'));
    const again = new SqliteRepository(path);
    try {
      assert.equal(await again.countArticles(), 1);
      const versions = again.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(versions, [{ version: 1 }, { version: 2 }, { version: 3 }]);
    } finally {
      await again.close();
    }
  });
});

test('fts query quotes terms and keeps short terms for LIKE, wildcards escaped', () => {
  assert.deepEqual(ftsQuery('حَفتر "x'), { match: '"حفتر"', likes: ['%x%'] });
  assert.deepEqual(ftsQuery('5_ حفتر'), { match: '"حفتر"', likes: ['%5\\_%'] });
});
