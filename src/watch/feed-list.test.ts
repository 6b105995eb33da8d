import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as watch from './index.js';
import { feedName, parseDuration, parseFeedList, resolveFeeds } from './feed-list.js';
import { backoffMs, DEFAULT_RETRY_POLICY } from './http.js';
import { isSummary, itemKeys } from './poll.js';
import type { ArticleInput } from '../core/article.js';

test('public API', () => {
  assert.deepEqual(Object.keys(watch).sort(), [
    'DEFAULT_RETRY_POLICY',
    'FetchFailure',
    'backoffMs',
    'feedName',
    'fetchWithRetry',
    'formatPollSummary',
    'isSummary',
    'itemKeys',
    'parseDuration',
    'parseFeedList',
    'pollFeed',
    'pollFeeds',
    'resolveFeeds',
    'watchFeeds',
  ]);
});

test('feeds file: URLs, labels, comments, blank lines', () => {
  const text = [
    '\uFEFF# قائمة المصادر',
    'https://news.example/ar/rss.xml   وكالة تجريبية للأنباء',
    '',
    'http://other.example/feed.atom  # no label, a comment',
    '   https://third.example/rss#top',
  ].join('\r\n');
  assert.deepEqual(parseFeedList(text, 'feeds.txt'), [
    { url: 'https://news.example/ar/rss.xml', label: 'وكالة تجريبية للأنباء' },
    { url: 'http://other.example/feed.atom', label: null },
    { url: 'https://third.example/rss#top', label: null },
  ]);
});

test('feeds file: a line that is not a URL names the file and line', () => {
  assert.throws(
    () => parseFeedList('https://a.example/rss\nftp://b.example/rss\n', 'feeds.txt'),
    /^Error: feeds\.txt:2: not an http\(s\) URL: ftp:/,
  );
});

test('arguments mix URLs and files; a feed listed twice is watched once', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-feeds-'));
  try {
    const file = join(dir, 'feeds.txt');
    writeFileSync(file, 'https://a.example/rss مصدر أ\nhttps://b.example/rss\n');
    assert.deepEqual(await resolveFeeds(['https://b.example/rss', file]), [
      { url: 'https://b.example/rss', label: null },
      { url: 'https://a.example/rss', label: 'مصدر أ' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('feed names for logs', () => {
  assert.equal(feedName({ url: 'https://a.example/rss', label: 'مصدر أ' }), 'مصدر أ <https://a.example/rss>');
  assert.equal(feedName({ url: 'https://a.example/rss', label: null }), 'https://a.example/rss');
});

test('durations', () => {
  const table: [string, number][] = [
    ['10m', 600_000],
    ['30s', 30_000],
    ['1h', 3_600_000],
    ['250ms', 250],
    ['1.5m', 90_000],
  ];
  for (const [text, ms] of table) assert.equal(parseDuration(text), ms, text);
  for (const bad of ['10', 'm', '0s', '-5m', '10 minutes'])
    assert.throws(() => parseDuration(bad), /invalid duration/, bad);
});

test('backoff doubles, is capped, and keeps half of it fixed', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, retryBaseMs: 100, retryMaxMs: 1000 };
  const table: [number, number, number][] = [
    // attempt, random, expected
    [1, 0, 50],
    [1, 1, 100],
    [2, 0.5, 150],
    [3, 1, 400],
    [10, 0, 500],
    [10, 1, 1000],
  ];
  for (const [attempt, random, expected] of table)
    assert.equal(
      backoffMs(attempt, policy, () => random),
      expected,
      `attempt ${attempt}`,
    );
});

function article(text: string, origin: Partial<ArticleInput['origin']> = {}): ArticleInput {
  return {
    title: 'عنوان تجريبي',
    text,
    published: null,
    publishedAt: null,
    publishedRaw: null,
    origin: { url: null, source: null, input: 'feed', externalId: null, ...origin },
  };
}

test('summaries: short texts and texts cut with an ellipsis', () => {
  const long = 'قال شهود عيان إن الاشتباكات استمرت حتى الفجر. '.repeat(12);
  const table: [string, boolean][] = [
    ['اشتباكات في الزاوية.', true],
    [long, false],
    [`${long}…`, true],
    [`${long} [...]`, true],
  ];
  for (const [text, expected] of table) assert.equal(isSummary(article(text), 400), expected, text.slice(0, 30));
});

test('item keys: guid and link, else the hash of the feed text', () => {
  assert.deepEqual(itemKeys(article('نص', { externalId: 'g-1', url: 'https://a.example/1' })), [
    'guid:g-1',
    'link:https://a.example/1',
  ]);
  assert.deepEqual(itemKeys(article('نص', { url: 'https://a.example/1' })), ['link:https://a.example/1']);
  assert.match(itemKeys(article('نص'))[0], /^article:[0-9a-f]{16}$/);
});
