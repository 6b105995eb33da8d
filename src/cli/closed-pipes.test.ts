// `marsad … | head`: the reader goes away; the command must end quietly, whichever pipe closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));

const report = (k: number) =>
  JSON.stringify({ title: `خبر ${k}`, text: `اندلعت اشتباكات في مدينة الزاوية أمس، الخبر ${k}.` });

function withFile(lines: string[], fn: (file: string, dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-pipes-'));
    try {
      const file = join(dir, 'in.jsonl');
      writeFileSync(file, lines.join('\n'));
      await fn(file, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test(
  'stdout closed after the first line (| head -1): no EPIPE trace, exit code 0',
  withFile(
    Array.from({ length: 300 }, (_, k) => report(k)),
    async (file) => {
      const child = spawn(process.execPath, [BIN, 'extract', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      await once(child.stdout, 'data');
      child.stdout.destroy();
      const [code] = (await once(child, 'close')) as [number | null];
      assert.equal(stderr, '');
      assert.equal(code, 0);
    },
  ),
);

test(
  'stderr closed: the errors are not printed, the ingest goes on and prints its summary',
  withFile([...Array.from({ length: 200 }, () => '{broken'), report(1)], async (file, dir) => {
    const child = spawn(process.execPath, [BIN, 'ingest', file, '--db', join(dir, 'x.db')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr.destroy();
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const [code] = (await once(child, 'close')) as [number | null];
    assert.match(stdout, /^read 1, new 1, duplicate 0, failed 200;/);
    assert.equal(code, 0);
  }),
);
