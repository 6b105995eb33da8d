/**
 * `marsad watch` against a local HTTP server on 127.0.0.1 that serves our fixture feeds and
 * pages: a full-text RSS feed with validators, a summary-only Atom feed, and three failing feeds
 * (one never answers, one answers 500, one is broken XML).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SqliteRepository } from '../store/sqlite.js';
import type { FeedSpec } from './feed-list.js';
import { pollFeeds, type PollOptions } from './poll.js';
import { watchFeeds } from './watch.js';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/watch/', import.meta.url));
const NEWS_ETAG = '"news-v1"';
const NEWS_MODIFIED = 'Thu, 16 May 2019 10:00:00 GMT';
/** Small timeout and delays keep the failing feeds to a fraction of a second. */
const FAST: PollOptions = { timeoutMs: 300, maxRetries: 2, retryBaseMs: 10, retryMaxMs: 40 };

interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let base: string;
const requests: SeenRequest[] = [];
/** The news feed's current version: a test publishes a new item by bumping it. */
let newsVersion = 1;
let workDir: string;

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{BASE}', base);
}

function newsFeed(): { body: string; etag: string } {
  const body = fixture('news.rss');
  if (newsVersion === 1) return { body, etag: NEWS_ETAG };
  const added = `<item>
      <title>إغلاق الطريق الساحلي بين مصراتة وسرت بسبب تحركات عسكرية</title>
      <link>${base}/news/4</link>
      <guid isPermaLink="false">news-0004</guid>
      <pubDate>Fri, 17 May 2019 06:00:00 +0000</pubDate>
      <content:encoded><![CDATA[<p>${'أغلقت دوريات أمنية صباح الجمعة الطريق الساحلي الرابط بين مصراتة وسرت أمام حركة المدنيين، وسط أنباء عن تحركات عسكرية في المنطقة الواقعة غرب سرت. '.repeat(4)}</p>]]></content:encoded>
    </item>
    <item>`;
  return { body: body.replace('<item>', added), etag: '"news-v2"' };
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'marsad-watch-'));
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    if (path === '/news.rss') {
      const { body, etag } = newsFeed();
      const validators = { etag, 'last-modified': NEWS_MODIFIED };
      const fresh =
        req.headers['if-none-match'] === etag ||
        (req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === NEWS_MODIFIED);
      if (fresh) {
        res.writeHead(304, validators);
        res.end();
      } else send(200, 'application/rss+xml; charset=utf-8', body, validators);
    } else if (path === '/summaries.atom') send(200, 'application/atom+xml', fixture('summaries.atom'));
    else if (path.startsWith('/pages/')) send(200, 'text/html; charset=utf-8', fixture(path.slice(1)));
    else if (path === '/slow.rss')
      return; // never answers: the client's timeout must end it
    else if (path === '/error.rss') send(500, 'text/plain', 'internal error');
    else if (path === '/broken.rss') send(200, 'application/rss+xml', fixture('broken.rss'));
    else send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

function feeds(): FeedSpec[] {
  return [
    { url: `${base}/news.rss`, label: 'نشرة المرصد التجريبية' },
    { url: `${base}/summaries.atom`, label: null },
    { url: `${base}/slow.rss`, label: null },
    { url: `${base}/error.rss`, label: 'خادم معطل' },
    { url: `${base}/broken.rss`, label: null },
  ];
}

function requestsTo(path: string): SeenRequest[] {
  return requests.filter((r) => r.path === path);
}

function collect() {
  const errors: string[] = [];
  const warnings: string[] = [];
  return {
    errors,
    warnings,
    progress: { onError: (m: string) => errors.push(m), onWarning: (m: string) => warnings.push(m) },
  };
}

const dbPath = () => join(workDir, 'watch.db');

// The tests below run in order and share the server and the database: each poll builds on the last.

test('first poll: new articles stored, summaries replaced by their pages, failing feeds reported', async () => {
  const repo = new SqliteRepository(dbPath());
  const log = collect();
  try {
    const summary = await pollFeeds(repo, feeds(), FAST, log.progress);
    assert.deepEqual(summary.feeds, { ok: 2, notModified: 0, failed: 3 });
    assert.deepEqual(summary.items, { new: 5, duplicate: 0 });
    assert.equal(summary.pages, 2);
    assert.equal(await repo.countArticles(), 5);

    const [mitiga] = await repo.listArticles({ search: 'معيتيقة' });
    const stored = await repo.getArticle(mitiga.id);
    assert.ok(stored);
    assert.equal(stored.title, 'قصف مدفعي على محيط مطار معيتيقة يوقف الرحلات');
    assert.match(stored.text, /وجرى تحويل الرحلات المجدولة إلى مطار مصراتة/);
    assert.equal(stored.published, '2019-05-20');
    assert.deepEqual(stored.origins[0], {
      url: `${base}/pages/mitiga.html`,
      source: 'موجز الأخبار التجريبي',
      input: `${base}/summaries.atom`,
      externalId: 'urn:marsad:test:summaries:1',
    });

    // One line per failing feed, naming it; the others went on.
    assert.equal(log.errors.length, 3, log.errors.join('\n'));
    const errorOf = (path: string) => log.errors.find((e) => e.includes(path)) ?? '';
    assert.match(errorOf('/slow.rss'), /timed out after 300 ms \(3 attempts\)$/);
    assert.match(
      errorOf('/error.rss'),
      /^خادم معطل <http:\/\/127\.0\.0\.1:\d+\/error\.rss>: HTTP 500 Internal Server Error \(3 attempts\)$/,
    );
    assert.match(errorOf('/broken.rss'), /: invalid XML \(/);
    for (const e of log.errors) assert.doesNotMatch(e, /\n/);
    // Retries happened, and stopped at 1 + maxRetries.
    assert.equal(requestsTo('/error.rss').length, 3);
    assert.equal(requestsTo('/slow.rss').length, 3);
    assert.equal(requestsTo('/broken.rss').length, 1, 'a parse error is not retried');
    assert.deepEqual(log.warnings, []);

    const failed = summary.results.find((r) => r.feed.url.endsWith('/error.rss'));
    assert.equal(failed?.attempts, 3);
    assert.equal(
      (await repo.getFeedState(`${base}/error.rss`))?.lastError,
      'HTTP 500 Internal Server Error (3 attempts)',
    );
  } finally {
    await repo.close();
  }
});

test('second poll: conditional request, nothing ingested, pages not fetched again', async () => {
  const repo = new SqliteRepository(dbPath());
  const before = requests.length;
  try {
    const summary = await pollFeeds(repo, feeds().slice(0, 2), FAST);
    const news = requests.slice(before).find((r) => r.path === '/news.rss');
    assert.equal(news?.headers['if-none-match'], NEWS_ETAG);
    assert.equal(news?.headers['if-modified-since'], NEWS_MODIFIED);
    assert.deepEqual(summary.feeds, { ok: 1, notModified: 1, failed: 0 });
    // The Atom feed sends no validators: it is read again, and its items are known.
    assert.deepEqual(summary.items, { new: 0, duplicate: 2 });
    assert.equal(summary.pages, 0);
    assert.equal(requests.slice(before).filter((r) => r.path.startsWith('/pages/')).length, 0);
    assert.equal(await repo.countArticles(), 5);
  } finally {
    await repo.close();
  }
});

test('restart: a new repository on the same file keeps validators and seen items', async () => {
  const repo = new SqliteRepository(dbPath());
  try {
    const state = await repo.getFeedState(`${base}/news.rss`);
    assert.equal(state?.etag, NEWS_ETAG);
    assert.equal(state?.lastModified, NEWS_MODIFIED);
    assert.deepEqual(state?.seenKeys.slice(0, 2), ['guid:news-0001', `link:${base}/news/1`]);
    assert.equal(state?.lastError, null);
    const summary = await pollFeeds(repo, feeds().slice(0, 1), FAST);
    assert.equal(summary.results[0].outcome, 'not-modified');
  } finally {
    await repo.close();
  }
});

test('a changed feed: only its new item is ingested, and the new validators are kept', async () => {
  newsVersion = 2;
  const repo = new SqliteRepository(dbPath());
  try {
    const summary = await pollFeeds(repo, feeds().slice(0, 1), FAST);
    assert.deepEqual(summary.items, { new: 1, duplicate: 3 });
    assert.equal(await repo.countArticles(), 6);
    assert.equal((await repo.getFeedState(`${base}/news.rss`))?.etag, '"news-v2"');
    assert.equal((await pollFeeds(repo, feeds().slice(0, 1), FAST)).results[0].outcome, 'not-modified');
  } finally {
    await repo.close();
  }
});

test('watchFeeds polls until stopped, bounded by the signal', async () => {
  const repo = new SqliteRepository(join(workDir, 'loop.db'));
  const stop = new AbortController();
  let polls = 0;
  try {
    const last = await watchFeeds(
      repo,
      feeds().slice(0, 1),
      { ...FAST, everyMs: 20, signal: stop.signal },
      {
        onPoll: () => {
          if (++polls === 3) stop.abort();
        },
      },
    );
    assert.equal(polls, 3);
    assert.equal(last.feeds.notModified, 1);
    assert.equal(await repo.countArticles(), 4, 'the news feed holds four items since the last test');
  } finally {
    await repo.close();
  }
});

test('other failures: refused connection retried, 404 and an HTML page at a feed address not', async () => {
  const repo = new SqliteRepository(join(workDir, 'failures.db'));
  // A port that was just free and is closed again: the connection is refused at once.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const table: [string, RegExp, number | null][] = [
    [`http://127.0.0.1:${closedPort}/feed.rss`, /^fetch failed \(ECONNREFUSED\) \(3 attempts\)$/, null],
    [`${base}/missing.rss`, /^HTTP 404 Not Found$/, 1],
    [`${base}/pages/gharyan.html`, /^XML that is neither an RSS nor an Atom feed$/, 1],
  ];
  try {
    for (const [url, error, expectedRequests] of table) {
      const before = requests.length;
      const summary = await pollFeeds(repo, [{ url, label: null }], FAST);
      assert.equal(summary.results[0].outcome, 'failed', url);
      assert.match(summary.results[0].error ?? '', error, url);
      if (expectedRequests !== null) assert.equal(requests.length - before, expectedRequests, url);
    }
    assert.equal(await repo.countArticles(), 0);
  } finally {
    await repo.close();
  }
});

/** Runs the real CLI entry point in a child process (tsx when the tests run from src/). */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const mainUrl = new URL(`../cli/main${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
  const script = `import { main } from ${JSON.stringify(mainUrl)};
    main(['node', 'marsad', ...JSON.parse(process.argv[1])]).catch((e) => { console.error('marsad: ' + e.message); process.exitCode = 1; });`;
  const child = spawn(
    process.execPath,
    [...process.execArgv, '--input-type=module', '-e', script, JSON.stringify(args)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('marsad watch --once: exits 0 when some feeds fail and others work, 1 when all fail', async () => {
  const feedsFile = join(workDir, 'feeds.txt');
  writeFileSync(feedsFile, fixture('feeds.txt'));
  const db = join(workDir, 'cli.db');
  const fast = ['--once', '--db', db, '--timeout', '300', '--max-retries', '1', '--retry-delay', '10'];

  // A fresh database: the news feed (now four items) and the two summaries are all new to it.
  const some = await runCli(['watch', feedsFile, ...fast]);
  assert.equal(some.code, 0, some.stderr);
  assert.match(some.stdout, /feeds 2 ok, 0 not modified, 3 failed; items 6 new, 0 duplicate; pages 2 fetched/);
  const errorLines = some.stderr.split('\n').filter((l) => l.startsWith('error: '));
  assert.equal(errorLines.length, 3, some.stderr);
  assert.ok(errorLines.some((l) => l.includes('خادم معطل <') && l.includes('HTTP 500')));

  const all = await runCli(['watch', `${base}/error.rss`, `${base}/broken.rss`, ...fast]);
  assert.equal(all.code, 1);
  assert.match(all.stdout, /feeds 0 ok, 0 not modified, 2 failed/);
});
