/**
 * Other sites cannot write and rebound names cannot read: requests sent over a real socket on
 * 127.0.0.1 with the headers a browser would send from another site, a foreign Host header, and
 * the same-origin requests of the web app, which must still work.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteRepository } from '../store/sqlite.js';
import type { Analyzer } from './analyzer.js';
import { createApp } from './app.js';
import { accessPolicy } from './access.js';
import { startServer, type RunningServer } from './serve.js';

const noEvents: Analyzer = {
  extract: (article) => ({
    article: { id: article.id, title: article.title, published: article.published, source: null, url: null },
    events: [],
    entities: [],
  }),
};

let dir: string;
let repo: SqliteRepository;
let server: RunningServer;
let origin: string;
let serial = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-access-'));
  repo = new SqliteRepository(join(dir, 'access.db'));
  server = await startServer({ repo, analyzer: noEvents, webDir: null, host: '127.0.0.1', port: 0 });
  origin = server.url;
});

after(async () => {
  await server.close();
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: fetch would not let a test set Host as it likes. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A new article text each time, so a stored one is always new. */
const text = () => `خبر تجريبي رقم ${++serial} عن اشتباكات قرب طرابلس.`;

test('a cross-site "simple" POST (text/plain) is refused on both writing routes, and nothing is stored', async () => {
  const before = await repo.countArticles();
  const crossSite = { 'content-type': 'text/plain', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
  for (const path of ['/api/extract?store=true', '/api/articles']) {
    const res = await send('POST', path, crossSite, text());
    assert.equal(res.status, 403, path);
    assert.match(JSON.parse(res.body).error, /^cross-site request refused/);
  }
  // An older browser sends Origin alone.
  const originOnly = await send(
    'POST',
    '/api/articles',
    { 'content-type': 'text/plain', origin: 'http://evil.example' },
    text(),
  );
  assert.equal(originOnly.status, 403);
  const nullOrigin = await send('POST', '/api/articles', { 'content-type': 'text/plain', origin: 'null' }, text());
  assert.equal(nullOrigin.status, 403);
  assert.equal(await repo.countArticles(), before);
});

test('a foreign Host header (DNS rebinding) is refused, also for reading; the bound names are served', async () => {
  const port = server.port;
  for (const host of [
    `evil.example:${port}`,
    `attacker.127.0.0.1.nip.io:${port}`,
    `127.0.0.1:${port + 1}`,
    'localhost',
  ]) {
    const res = await send('GET', '/api/stats', { host });
    assert.equal(res.status, 421, host);
  }
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
    const res = await send('GET', '/api/stats', { host });
    assert.equal(res.status, 200, host);
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  }
});

test('same-origin POSTs from the web app and POSTs without browser headers (curl) from loopback still work', async () => {
  const json = { 'content-type': 'application/json' };
  const sameOrigin = await send(
    'POST',
    '/api/extract?store=true',
    { ...json, origin, 'sec-fetch-site': 'same-origin' },
    JSON.stringify({ text: text() }),
  );
  assert.equal(sameOrigin.status, 201, sameOrigin.body);
  const viaLocalhost = await send(
    'POST',
    '/api/extract',
    { ...json, host: `localhost:${server.port}`, origin: `http://localhost:${server.port}` },
    JSON.stringify({ text: text() }),
  );
  assert.equal(viaLocalhost.status, 200, viaLocalhost.body);
  const curl = await send('POST', '/api/articles', { 'content-type': 'text/plain' }, text());
  assert.equal(curl.status, 201, curl.body);
});

test('beyond loopback: writing needs the token, a server without one is read-only, non-browsers need the token', async () => {
  const env = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress, localPort: 80 } } });
  const post = (app: ReturnType<typeof createApp>, headers: Record<string, string>, remote = '10.1.2.3') =>
    app.request(
      'http://192.0.2.7/api/articles',
      { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: text() },
      env(remote),
    );
  const withToken = createApp({
    repo,
    analyzer: noEvents,
    webDir: null,
    access: accessPolicy({ host: '192.0.2.7', token: 's3cret-token' }),
  });
  const site = { origin: 'http://192.0.2.7', 'sec-fetch-site': 'same-origin' };
  assert.equal((await post(withToken, site)).status, 401);
  assert.equal((await post(withToken, { ...site, authorization: 'Bearer wrong-token!' })).status, 401);
  assert.equal((await post(withToken, { ...site, authorization: 'Bearer s3cret-token' })).status, 201);
  // No browser headers from another machine: the token is the only way in.
  assert.equal((await post(withToken, {})).status, 403);
  assert.equal((await post(withToken, { authorization: 'Bearer s3cret-token' })).status, 201);

  const readOnly = createApp({ repo, analyzer: noEvents, webDir: null, access: accessPolicy({ host: '192.0.2.7' }) });
  const refused = await post(readOnly, site);
  assert.equal(refused.status, 403);
  assert.match(((await refused.json()) as { error: string }).error, /read-only/);
  const read = await readOnly.request('http://192.0.2.7/api/stats', {}, env('10.1.2.3'));
  assert.equal(read.status, 200);
});
