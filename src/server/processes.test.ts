/**
 * `marsad serve --processes 2` (compiled CLI): both processes answer on one port, a write by
 * another process reaches the answers of each (their kept totals follow the store's change
 * mark), and SIGTERM to the first process stops them all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childPids } from '../core/child-processes.js';
import { ingest, report, serve, skipWithoutCli as skip, writeJsonLines } from '../testing/process-fixtures.js';

async function totals(url: string, times: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < times; i++) {
    const res = await fetch(`${url}/api/events?limit=1`);
    assert.equal(res.status, 200);
    seen.push(((await res.json()) as { total: number }).total);
  }
  return seen;
}

test(
  'serve --processes 2: one port, a write seen by every process, SIGTERM stops all',
  { skip, timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-serve-processes-'));
    let stop = () => {};
    try {
      const db = join(dir, 'store.db');
      const first = join(dir, 'first.jsonl');
      const second = join(dir, 'second.jsonl');
      writeJsonLines(first, [report(1), report(2)]);
      writeJsonLines(second, [report(3), report(4)]);
      assert.equal((await ingest(db, first).done).code, 0);

      const server = await serve(db, ['--processes', '2']);
      stop = () => server.child.kill('SIGKILL');
      const children = childPids(server.child.pid!);
      if (children !== null) assert.equal(children.length, 2, 'two server processes');
      // Asked often enough that both processes keep the total.
      const before = await totals(server.url, 6);
      assert.ok(before[0] > 0);
      assert.deepEqual(
        before,
        before.map(() => before[0]),
      );

      assert.equal((await ingest(db, second).done).code, 0);
      const after = await totals(server.url, 6);
      assert.ok(after[0] > before[0], `${after[0]} events after the second ingest, ${before[0]} before`);
      assert.deepEqual(
        after,
        after.map(() => after[0]),
      );

      server.child.kill('SIGTERM');
      const run = await server.done;
      assert.equal(run.code, 0, run.stderr);
      for (const pid of children ?? [])
        assert.throws(() => process.kill(pid, 0), 'a server process outlived the first');
    } catch (err) {
      // The first process's SIGKILL leaves its servers without their channel: they stop on their own.
      stop();
      throw err;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
