/**
 * Hostile and huge responses against a local server on 127.0.0.1: an endless body, a body that
 * declares 1 GiB, a gzip bomb (1 GiB of zeros in 1 MiB on the wire), a redirect loop, and a feed
 * whose item links to an endless page. Fetching stops at its caps with "response too large";
 * `marsad ingest` and `marsad watch` run in child processes whose peak RSS must stay far below
 * the gigabyte they are sent (a memory bound, not a time bound).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fetchBounded, RedirectFailure, ResponseTooLarge } from '../input/fetch-url.js';
import { SqliteRepository } from '../store/sqlite.js';
import { pollFeeds } from './poll.js';
import { watchFeeds } from './watch.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** Bytes the server sent on its streaming routes: proof that the client stopped reading early. */
const sent: Record<string, number> = {};

let server: Server;
let base: string;
let workDir: string;

/** 64 MiB of zeros, gzipped (about 64 KB); sixteen members make a 1 GiB bomb. */
const BOMB_MEMBER = gzipSync(Buffer.alloc(64 * MiB), { level: 9 });

const GOOD_FEED = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>موجز سليم</title>
<item><title>اشتباكات قرب غريان توقع قتيلين</title><link>${base}/pages/good</link><guid>good-1</guid>
<pubDate>Mon, 20 May 2019 07:00:00 +0000</pubDate>
<description>${'قالت مصادر محلية إن اشتباكات اندلعت صباح الاثنين قرب غريان بين قوات متنازعة وأسفرت عن مقتل شخصين. '.repeat(6)}</description></item>
</channel></rss>`;

const LINKING_FEED = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>موجز يشير إلى صفحة لا تنتهي</title>
<item><title>قصف على محيط مطار معيتيقة</title><link>${base}/endless</link><guid>link-1</guid>
<pubDate>Mon, 20 May 2019 08:00:00 +0000</pubDate>
<description>توقفت الرحلات في مطار معيتيقة بعد سقوط قذائف في محيطه…</description></item>
</channel></rss>`;

/** Writes `total` bytes of `chunk`s, respecting backpressure, until done or the client goes away. */
function stream(res: ServerResponse, key: string, chunk: Buffer, total: number): void {
  sent[key] = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = () => {
    while (!closed && sent[key] < total) {
      sent[key] += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!closed) res.end();
  };
  pump();
}

before(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'marsad-hostile-'));
  const text = Buffer.from('<p>' + 'نص طويل بلا نهاية عن اشتباكات في طرابلس. '.repeat(20_000) + '</p>');
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      stream(res, path, text.subarray(0, MiB), GiB);
    } else if (path === '/declared') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(GiB) });
      stream(res, path, Buffer.alloc(MiB, 0x20), GiB);
    } else if (path === '/bomb' || path === '/bomb.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      stream(res, path, BOMB_MEMBER, 16 * BOMB_MEMBER.length);
    } else if (path === '/loop') {
      res.writeHead(302, { location: '/loop' });
      res.end();
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(n > 0 ? 301 : 200, n > 0 ? { location: `/hop/${n - 1}` } : { 'content-type': 'text/plain' });
      res.end(n > 0 ? '' : 'arrived');
    } else if (path === '/good.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(GOOD_FEED(base));
    } else if (path === '/linking.rss') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(LINKING_FEED(base));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

const SMALL = { maxBytes: 4 * MiB, maxCompressedBytes: MiB, maxRedirects: 3 };

test('an endless body stops at the cap, long before the server is done', async () => {
  await assert.rejects(fetchBounded(`${base}/endless`, { limits: SMALL }), (e: Error) => {
    assert.ok(e instanceof ResponseTooLarge);
    assert.equal(e.message, `response too large (over ${4 * MiB} bytes)`);
    return true;
  });
  assert.ok(sent['/endless'] < 256 * MiB, `the server sent ${sent['/endless']} bytes`);
});

test('a declared length over the cap is refused before the body is read', async () => {
  await assert.rejects(
    fetchBounded(`${base}/declared`, { limits: SMALL }),
    /response too large \(1073741824 bytes declared/,
  );
});

test('a gzip bomb stops at the inflated cap', async () => {
  await assert.rejects(fetchBounded(`${base}/bomb`, { limits: SMALL }), (e: Error) => {
    assert.ok(e instanceof ResponseTooLarge);
    assert.match(e.message, /^response too large \(over 4194304 bytes inflated\)$/);
    return true;
  });
});

test('redirects are followed up to the cap, and a loop is an error', async () => {
  const arrived = await fetchBounded(`${base}/hop/3`, { limits: SMALL });
  assert.equal(arrived.body.toString(), 'arrived');
  assert.equal(arrived.url, `${base}/hop/0`);
  await assert.rejects(fetchBounded(`${base}/hop/4`, { limits: SMALL }), RedirectFailure);
  await assert.rejects(
    fetchBounded(`${base}/loop`, { limits: SMALL }),
    /^RedirectFailure: too many redirects \(over 3\)$/,
  );
});

test('a poll: the huge feeds fail at once (no retry), the others are stored, a huge linked page leaves the summary', async () => {
  const repo = new SqliteRepository(join(workDir, 'poll.db'));
  const errors: string[] = [];
  const warnings: string[] = [];
  try {
    const summary = await pollFeeds(
      repo,
      ['/endless', '/bomb.rss', '/good.rss', '/linking.rss'].map((p) => ({ url: base + p, label: null })),
      { limits: SMALL, timeoutMs: 10_000, maxRetries: 2, retryBaseMs: 10 },
      { onError: (m) => errors.push(m), onWarning: (m) => warnings.push(m) },
    );
    assert.deepEqual(summary.feeds, { ok: 2, notModified: 0, failed: 2 });
    assert.equal(summary.items.new, 2);
    for (const r of summary.results.filter((r) => r.outcome === 'failed')) {
      assert.match(r.error ?? '', /^response too large/);
      assert.equal(r.attempts, 1, 'a response over its cap is not retried');
    }
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /\/endless: page not fetched \(response too large .*\); stored the feed's summary$/);
  } finally {
    await repo.close();
  }
});

test('watch: a feed that keeps failing is deferred for longer and longer, the others polled every time', async () => {
  const repo = new SqliteRepository(join(workDir, 'backoff.db'));
  const stop = new AbortController();
  const deferred: number[] = [];
  try {
    await watchFeeds(
      repo,
      ['/bomb.rss', '/good.rss'].map((p) => ({ url: base + p, label: null })),
      { limits: SMALL, everyMs: 1, maxRetries: 0, signal: stop.signal },
      {
        onPoll: (s) => {
          deferred.push(s.deferred ?? 0);
          assert.equal(s.feeds.ok, 1, 'the good feed is polled every time');
          if (deferred.length === 8) stop.abort();
        },
      },
    );
    // The bomb fails at polls 0, 1, 3 and 7: waits of 1, 2 and 4 polls after its failures.
    assert.deepEqual(deferred, [0, 0, 1, 0, 1, 1, 1, 0]);
  } finally {
    await repo.close();
  }
});

/** Runs the CLI in a child process that reports its peak resident set size (kilobytes) on exit. */
function runCliMeasured(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; maxRssKb: number }> {
  const mainUrl = new URL(`../cli/main${extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
  const script = `import { main } from ${JSON.stringify(mainUrl)};
    process.on('exit', () => process.stderr.write('max-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));
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
  return new Promise((resolve) =>
    child.on('close', (code) => {
      const rss = /max-rss-kb (\d+)/.exec(stderr);
      resolve({ code, stdout, stderr, maxRssKb: rss ? Number(rss[1]) : NaN });
    }),
  );
}

const ONE_GB_IN_KB = 1_000_000;

test('marsad ingest URL with the default caps: 1 GiB bodies and a gzip bomb refused, peak RSS far below 1 GB', async () => {
  const db = join(workDir, 'ingest.db');
  for (const path of ['/endless', '/declared', '/bomb']) {
    const run = await runCliMeasured(['ingest', '--db', db, base + path]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, new RegExp(`error: ${base}${path}: response too large`), run.stderr);
    assert.ok(run.maxRssKb < ONE_GB_IN_KB, `${path}: peak RSS ${run.maxRssKb} kB`);
    process.stderr.write(`# ingest ${path}: peak RSS ${Math.round(run.maxRssKb / 1024)} MiB\n`);
  }
});

test('marsad watch --once: the huge feeds fail, the good one is stored, peak RSS far below 1 GB', async () => {
  const db = join(workDir, 'watch.db');
  const feeds = ['/endless', '/bomb.rss', '/linking.rss', '/good.rss'].map((p) => base + p);
  const run = await runCliMeasured(['watch', '--once', '--db', db, '--max-retries', '0', ...feeds]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /feeds 2 ok, 0 not modified, 2 failed; items 2 new/);
  assert.match(run.stderr, /error: .*\/endless>?: response too large/);
  assert.match(run.stderr, /error: .*\/bomb\.rss>?: response too large/);
  assert.ok(run.maxRssKb < ONE_GB_IN_KB, `peak RSS ${run.maxRssKb} kB`);
  process.stderr.write(`# watch --once: peak RSS ${Math.round(run.maxRssKb / 1024)} MiB\n`);
});
