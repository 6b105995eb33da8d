/**
 * Crash safety: an ingest (compiled CLI, `npm run build`) killed with SIGKILL mid-batch leaves a
 * sound SQLite file (integrity, full-text index, foreign keys), and ingesting again ends with
 * the same store as an uninterrupted run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertSound,
  contents,
  countArticles,
  ingest,
  report,
  skipWithoutCli as skip,
  writeJsonLines,
} from '../testing/process-fixtures.js';

test(
  'an ingest killed with SIGKILL mid-batch leaves a sound file, and resuming ends as an uninterrupted run',
  { skip, timeout: 300_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-crash-'));
    try {
      // Two batches (500 and 250): the kill lands after the first is stored, during the second.
      const file = join(dir, 'reports.jsonl');
      writeJsonLines(
        file,
        Array.from({ length: 750 }, (_, i) => report(i)),
      );

      const whole = join(dir, 'whole.db');
      const uninterrupted = await ingest(whole, file).done;
      assert.equal(uninterrupted.code, 0, uninterrupted.stderr);

      const crashed = join(dir, 'crashed.db');
      const run = ingest(crashed, file);
      let exited = false;
      void run.done.then(() => (exited = true));
      while (!exited && countArticles(crashed) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      run.child.kill('SIGKILL');
      const killed = await run.done;
      assert.equal(killed.signal, 'SIGKILL', 'the ingest was still running when killed');
      const kept = countArticles(crashed);
      assert.ok(kept > 0 && kept < 750, `killed mid-way (${kept} of 750 articles stored)`);
      assertSound(crashed);

      const resumed = await ingest(crashed, file).done;
      assert.equal(resumed.code, 0, resumed.stderr);
      assert.match(resumed.stdout, new RegExp(`read 750, new ${750 - kept}, duplicate ${kept}, failed 0`));
      assertSound(crashed);
      const expected = contents(whole);
      assert.ok(expected.events.length > 750 && expected.fused.length > 0, 'events were extracted and fused');
      assert.deepEqual(contents(crashed), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
