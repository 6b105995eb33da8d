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

function withRepo(fn: (repo: SqliteRepository, path: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-store-'));
  const path = join(dir, 'test.db');
  const repo = new SqliteRepository(path);
  try {
    fn(repo, path);
  } finally {
    repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('stores an article exactly as received and reads it back', () => {
  withRepo((repo) => {
    const text = 'قصفَ الطيرانُ مواقعَ «جنوبي» المدينة أمس.\n\nوقال مصدر إن ٣ أشخاص أصيبوا.';
    assert.equal(repo.upsertArticle('a1', input('عنوان', text, { published: '2019-04-08' })), 'new');
    const got = repo.getArticle('a1');
    assert.ok(got);
    assert.equal(got.text, text);
    assert.equal(got.published, '2019-04-08');
    assert.equal(got.origins.length, 1);
  });
});

test('a duplicate keeps every origin and changes nothing stored', () => {
  withRepo((repo) => {
    repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://a.example/1', source: 'A', input: 'x', externalId: null } }));
    assert.equal(
      repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://b.example/2', source: 'B', input: 'y', externalId: null } })),
      'duplicate',
    );
    // The same origin again is not recorded twice.
    repo.upsertArticle('a1', input('ع', 'نص', { origin: { url: 'https://b.example/2', source: 'B', input: 'y', externalId: null } }));
    const got = repo.getArticle('a1');
    assert.deepEqual(got?.origins.map((o) => o.source), ['A', 'B']);
    assert.equal(repo.countArticles(), 1);
  });
});

test('a duplicate fills a missing publication date but never overwrites one', () => {
  withRepo((repo) => {
    repo.upsertArticle('a1', input('ع', 'نص'));
    repo.upsertArticle('a1', input('ع', 'نص', { published: '2019-04-08', origin: { url: 'u', source: null, input: 'z', externalId: null } }));
    repo.upsertArticle('a1', input('ع', 'نص', { published: '2020-01-01', origin: { url: 'v', source: null, input: 'z', externalId: null } }));
    assert.equal(repo.getArticle('a1')?.published, '2019-04-08');
  });
});

test('Arabic search ignores harakat, alef variants, clitics and tatweel', () => {
  withRepo((repo) => {
    repo.upsertArticle('a1', input('', 'التقى المشير خليفة حفتر بوفد أجنبي.'));
    repo.upsertArticle('a2', input('', 'وقالت مصادر مقربة من حَفْتَر إن الاجتماع تأجل.'));
    repo.upsertArticle('a3', input('', 'ورحّب لحفتـــر بعض النواب.'));
    repo.upsertArticle('a4', input('', 'لا ذكر للاسم هنا في طرابلس.'));
    repo.upsertArticle('a5', input('إعلان', 'نص عن الأمن في إجدابيا.'));
    const ids = (q: string) => repo.listArticles({ search: q }).map((a) => a.id).sort();
    assert.deepEqual(ids('حفتر'), ['a1', 'a2', 'a3']);
    assert.deepEqual(ids('حَفتر'), ['a1', 'a2', 'a3']);
    assert.deepEqual(ids('خليفة حفتر'), ['a1']);
    assert.deepEqual(ids('اجدابيا'), ['a5']);
    assert.deepEqual(ids('اعلان'), ['a5']);
    assert.equal(repo.countArticles({ search: 'حفتر' }), 3);
  });
});

test('date filters and ordering', () => {
  withRepo((repo) => {
    repo.upsertArticle('old', input('', 'نص أول', { published: '2014-08-20' }));
    repo.upsertArticle('new', input('', 'نص ثان', { published: '2019-04-08' }));
    repo.upsertArticle('undated', input('', 'نص ثالث'));
    assert.deepEqual(repo.listArticles({}).map((a) => a.id), ['new', 'old', 'undated']);
    assert.deepEqual(repo.listArticles({ since: '2015-01-01' }).map((a) => a.id), ['new']);
    assert.deepEqual(repo.listArticles({ until: '2015-01-01' }).map((a) => a.id), ['old']);
  });
});

test('migrations run once: reopening keeps the data', () => {
  withRepo((repo, path) => {
    repo.upsertArticle('a1', input('', 'نص'));
    const again = new SqliteRepository(path);
    try {
      assert.equal(again.countArticles(), 1);
      const versions = again.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      assert.deepEqual(versions, [{ version: 1 }, { version: 2 }]);
    } finally {
      again.close();
    }
  });
});

test('short ids resolve by prefix', () => {
  withRepo((repo) => {
    repo.upsertArticle('abc123', input('', 'نص'));
    repo.upsertArticle('abd456', input('', 'نص آخر'));
    assert.deepEqual(repo.findArticleId('abc'), ['abc123']);
    assert.deepEqual(repo.findArticleId('ab'), ['abc123', 'abd456']);
  });
});

test('fts query quotes terms and keeps short terms for LIKE', () => {
  assert.deepEqual(ftsQuery('حَفتر "x'), { match: '"حفتر"', likes: ['%x%'] });
});
