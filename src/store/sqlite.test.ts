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

test('stores an article exactly as received and reads it back', async () => {
  await withRepo(async (repo) => {
    const text = 'قصفَ الطيرانُ مواقعَ «جنوبي» المدينة أمس.\n\nوقال مصدر إن ٣ أشخاص أصيبوا.';
    assert.equal(await repo.upsertArticle('a1', input('عنوان', text, { published: '2019-04-08' })), 'new');
    const got = await repo.getArticle('a1');
    assert.ok(got);
    assert.equal(got.text, text);
    assert.equal(got.published, '2019-04-08');
    assert.equal(got.origins.length, 1);
  });
});

test('a duplicate keeps every origin and changes nothing stored', async () => {
  await withRepo(async (repo) => {
    await repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://a.example/1', source: 'A', input: 'x', externalId: null } }));
    assert.equal(
      await repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://b.example/2', source: 'B', input: 'y', externalId: null } })),
      'duplicate',
    );
    // The same origin again is not recorded twice.
    await repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://b.example/2', source: 'B', input: 'y', externalId: null } }));
    const got = await repo.getArticle('a1');
    assert.deepEqual(got?.origins.map((o) => o.source), ['A', 'B']);
    assert.equal(await repo.countArticles(), 1);
  });
});

test('a duplicate fills a missing publication date but never overwrites one', async () => {
  await withRepo(async (repo) => {
    await repo.upsertArticle('a1', input('ع', 'نص'));
    await repo.upsertArticle('a1', input('ع', 'نص', { published: '2019-04-08', origin: { url: 'u', source: null, input: 'z', externalId: null } }));
    await repo.upsertArticle('a1', input('ع', 'نص', { published: '2020-01-01', origin: { url: 'v', source: null, input: 'z', externalId: null } }));
    assert.equal((await repo.getArticle('a1'))?.published, '2019-04-08');
  });
});

test('Arabic search ignores harakat, alef variants, clitics and tatweel', async () => {
  await withRepo(async (repo) => {
    await repo.upsertArticle('a1', input('', 'التقى المشير خليفة حفتر بوفد أجنبي.'));
    await repo.upsertArticle('a2', input('', 'وقالت مصادر مقربة من حَفْتَر إن الاجتماع تأجل.'));
    await repo.upsertArticle('a3', input('', 'ورحّب لحفتـــر بعض النواب.'));
    await repo.upsertArticle('a4', input('', 'لا ذكر للاسم هنا في طرابلس.'));
    await repo.upsertArticle('a5', input('إعلان', 'نص عن الأمن في إجدابيا.'));
    const ids = async (q: string) => (await repo.listArticles({ search: q })).map((a) => a.id).sort();
    assert.deepEqual(await ids('حفتر'), ['a1', 'a2', 'a3']);
    assert.deepEqual(await ids('حَفتر'), ['a1', 'a2', 'a3']);
    assert.deepEqual(await ids('خليفة حفتر'), ['a1']);
    assert.deepEqual(await ids('اجدابيا'), ['a5']);
    assert.deepEqual(await ids('اعلان'), ['a5']);
    assert.equal(await repo.countArticles({ search: 'حفتر' }), 3);
  });
});

test('date filters and ordering', async () => {
  await withRepo(async (repo) => {
    await repo.upsertArticle('old', input('', 'نص أول', { published: '2014-08-20' }));
    await repo.upsertArticle('new', input('', 'نص ثان', { published: '2019-04-08' }));
    await repo.upsertArticle('undated', input('', 'نص ثالث'));
    assert.deepEqual((await repo.listArticles({})).map((a) => a.id), ['new', 'old', 'undated']);
    assert.deepEqual((await repo.listArticles({ since: '2015-01-01' })).map((a) => a.id), ['new']);
    assert.deepEqual((await repo.listArticles({ until: '2015-01-01' })).map((a) => a.id), ['old']);
  });
});

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

test('short ids resolve by prefix', async () => {
  await withRepo(async (repo) => {
    await repo.upsertArticle('abc123', input('', 'نص'));
    await repo.upsertArticle('abd456', input('', 'نص آخر'));
    assert.deepEqual(await repo.findArticleId('abc'), ['abc123']);
    assert.deepEqual(await repo.findArticleId('ab'), ['abc123', 'abd456']);
  });
});

test('fts query quotes terms and keeps short terms for LIKE', () => {
  assert.deepEqual(ftsQuery('حَفتر "x'), { match: '"حفتر"', likes: ['%x%'] });
});
