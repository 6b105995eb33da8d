/**
 * Two `marsad ingest` processes into one fresh SQLite file at the same time (compiled CLI, `npm
 * run build`) both finish, with exactly the union stored, while the server stores articles
 * through its API in the meantime: no writer holds the lock through extraction or fusion.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleId } from '../input/article-id.js';
import { SqliteRepository } from './sqlite.js';
import { startServer } from '../server/serve.js';
import {
  assertSound,
  contents,
  ingest,
  report,
  skipWithoutCli as skip,
  writeJsonLines,
} from '../testing/process-fixtures.js';

test(
  'two ingest processes into one SQLite file both finish with the union, and the API stores meanwhile',
  { skip, timeout: 300_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-processes-'));
    try {
      const shared = Array.from({ length: 100 }, (_, i) => report(i));
      const onlyA = Array.from({ length: 450 }, (_, i) => report(1000 + i));
      const onlyB = Array.from({ length: 450 }, (_, i) => report(2000 + i));
      const fileA = join(dir, 'a.jsonl');
      const fileB = join(dir, 'b.jsonl');
      writeJsonLines(fileA, [...shared, ...onlyA]);
      writeJsonLines(fileB, [...onlyB, ...[...shared].reverse()]);
      const db = join(dir, 'shared.db');
      const expectedIds = [...shared, ...onlyA, ...onlyB].map((r) => articleId(r.title, r.text));

      // Twice: the first run also races the migrations of a fresh file; the second is all duplicates.
      for (const round of [1, 2]) {
        const a = ingest(db, fileA);
        const b = ingest(db, fileB);
        let posted = 0;
        if (round === 1) {
          // The server writes through the same file while both ingests run: never "database is locked".
          const repo = new SqliteRepository(db);
          const server = await startServer({
            repo,
            webDir: null,
            port: 0,
            analyzer: {
              extract: (article) => ({
                article: { id: article.id, title: article.title, published: null, source: null, url: null },
                events: [],
                entities: [],
              }),
            },
          });
          try {
            let running = true;
            void Promise.all([a.done, b.done]).then(() => (running = false));
            while (running || posted === 0) {
              const res = await fetch(`${server.url}/api/articles`, {
                method: 'POST',
                headers: { 'content-type': 'text/plain' },
                body: `خبر من الخادم رقم ${posted}\n\nنص خبر أرسل عبر الواجهة أثناء الإدخال رقم ${posted}.`,
              });
              assert.equal(res.status, 201, await res.text());
              posted++;
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          } finally {
            await server.close();
            await repo.close();
          }
          expectedIds.push(
            ...Array.from({ length: posted }, (_, n) =>
              articleId(`خبر من الخادم رقم ${n}`, `نص خبر أرسل عبر الواجهة أثناء الإدخال رقم ${n}.`),
            ),
          );
        }
        const runs = await Promise.all([a.done, b.done]);
        for (const run of runs) {
          assert.equal(run.code, 0, `round ${round}: ${run.stderr}`);
          assert.match(run.stdout, /read 550, new \d+, duplicate \d+, failed 0/);
          assert.doesNotMatch(run.stderr, /locked|error/);
        }
        const fresh = runs.reduce((n, run) => n + Number(/new (\d+)/.exec(run.stdout)![1]), 0);
        assert.equal(fresh, round === 1 ? 1000 : 0, `round ${round}: articles reported new`);
      }

      assertSound(db);
      const stored = contents(db);
      assert.deepEqual(
        stored.articles.map((a) => (a as { id: string }).id),
        [...expectedIds].sort(),
      );
      // Shared reports have one origin per file; the others, and the API's, one.
      assert.equal(stored.origins.length, expectedIds.length + shared.length);
      assert.deepEqual(stored.queue, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
