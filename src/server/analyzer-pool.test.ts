/**
 * The server's pipeline off the event loop: while a long article is extracted in a worker, other
 * requests are answered; a job beyond the queue gets 503 at once; a job beyond its time limit is
 * stopped; bodies over the cap are refused on every writing route, streamed or not. Ordering is
 * asserted, never a time: "answered while the extraction was still running".
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteRepository } from '../store/sqlite.js';
import { toArticle } from '../app/analyze.js';
import { createApp } from './app.js';
import { AnalyzerBusy, workerAnalyzer, type PooledAnalyzer } from './analyzer-pool.js';
import { startServer, type RunningServer } from './serve.js';

const demo = readFileSync(fileURLToPath(new URL('../../samples/demo/sirte-2020.txt', import.meta.url)), 'utf8');

/** Close to /api/extract's 200,000 characters: several seconds of pipeline. */
function longText(): string {
  let text = '';
  for (let i = 0; text.length < 190_000; i++) text += `${demo} (${i})\n`;
  return text.slice(0, 190_000);
}

let dir: string;
let repo: SqliteRepository;
let analyzer: PooledAnalyzer;
let server: RunningServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-pool-'));
  repo = new SqliteRepository(join(dir, 'pool.db'));
  analyzer = workerAnalyzer({ threads: 1, maxQueued: 0 });
  server = await startServer({ repo, analyzer, webDir: null, host: '127.0.0.1', port: 0 });
});

after(async () => {
  await server.close();
  await analyzer.close();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

const postExtract = (text: string, store = false) =>
  fetch(`${server.url}/api/extract${store ? '?store=true' : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text, published: '2020-01-26' }),
  });

test('while a long article is extracted, other requests are answered and a job beyond the queue gets 503', async () => {
  // A first job starts the worker and loads its knowledge.
  assert.equal((await postExtract('غارة جوية على سرت')).status, 200);
  let longDone = false;
  const long = postExtract(longText(), true).then(async (res) => {
    longDone = true;
    return { status: res.status, body: (await res.json()) as { events: unknown[] } };
  });
  while (analyzer.load().running === 0 && !longDone) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(longDone, false, 'the long extraction ended before it was seen running');
  const busy = await postExtract('غارة جوية على سرت');
  assert.equal(busy.status, 503);
  assert.equal(busy.headers.get('retry-after'), '5');
  assert.match(((await busy.json()) as { error: string }).error, /^the server is busy: 1 extraction running/);
  for (const path of ['/api/stats', '/api/events', '/api/articles']) {
    const res = await fetch(server.url + path);
    assert.equal(res.status, 200, path);
    await res.arrayBuffer();
  }
  assert.equal(longDone, false, 'the reads were answered while the extraction was still running');
  const { status, body } = await long;
  assert.equal(status, 201);
  assert.ok(Array.isArray(body.events));
  assert.equal(await repo.countArticles(), 1);
  // The worker is free again.
  assert.equal((await postExtract('غارة جوية على سرت')).status, 200);
});

test('a job over its time limit is stopped with AnalyzerBusy, and its worker replaced', async () => {
  const slow = workerAnalyzer({ threads: 1, jobTimeoutMs: 300 });
  try {
    const article = toArticle({
      title: 'تقرير طويل',
      text: longText(),
      published: null,
      publishedAt: null,
      publishedRaw: null,
      origin: { url: null, source: null, input: 'test', externalId: null },
    });
    await assert.rejects(slow.extract(article), (e: Error) => {
      assert.ok(e instanceof AnalyzerBusy);
      assert.match(e.message, /^the extraction took longer than 300 ms and was stopped/);
      return true;
    });
    // A parse job is fast enough for the new worker, knowledge loading aside (parse needs none).
    const items = await slow.parse(Buffer.from('عنوان\n\nنص قصير عن غارة.'), 'body', 'text/plain');
    assert.equal(items[0].kind, 'article');
  } finally {
    await slow.close();
  }
});

test('bodies over the cap are refused on every writing route, with and without Content-Length', async () => {
  const app = createApp({
    repo,
    webDir: null,
    bodyLimitBytes: 1000,
    analyzer: { extract: () => assert.fail('nothing over the cap may reach the pipeline') },
  });
  const big = 'نص '.repeat(1000);
  for (const path of ['/api/articles', '/api/extract?store=true']) {
    const sized = await app.request(path, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: big });
    assert.equal(sized.status, 413, path);
    const chunks = [Buffer.from(big.slice(0, 500)), Buffer.from(big.slice(500))];
    const streamed = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    });
    assert.equal(streamed.status, 413, `${path}, streamed`);
  }
});
