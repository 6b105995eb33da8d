// Big input through the real command, in a child process whose peak memory is measured: a bound
// on memory, not on time (the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const MAIN = fileURLToPath(new URL('../cli/main.js', import.meta.url));
const MiB = 1024 * 1024;

const good = (k: number) =>
  `${JSON.stringify({ id: `g${k}`, title: `خبر ${k}`, text: `اندلعت اشتباكات في مدينة الزاوية أمس، الخبر ${k}.` })}\n`;

/** Writes `lines` to `path` as a stream: the huge line is never held in this process either. */
async function writeLines(path: string, lines: Array<string | { hugeBytes: number }>): Promise<void> {
  const out = createWriteStream(path);
  const write = async (s: string | Buffer) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  for (const line of lines) {
    if (typeof line === 'string') {
      await write(line);
      continue;
    }
    const filler = Buffer.alloc(MiB, 'ع'.repeat(MiB / 2));
    await write('{"title":"ضخم","text":"');
    for (let n = 0; n < line.hugeBytes; n += filler.length) await write(filler);
    await write('"}\n');
  }
  out.end();
  await once(out, 'finish');
}

/** Runs `marsad ARGS` in a child process; its output and its peak resident set size in bytes. */
async function runMarsad(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; maxRss: number }> {
  const script = `
    const { main } = await import(${JSON.stringify(MAIN)});
    await main(['node', 'marsad', ...JSON.parse(process.argv[1])]);
    process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS * 1024 + '\\n'));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const [code] = (await once(child, 'close')) as [number | null];
  const maxRss = Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? NaN);
  return { code, stdout, stderr, maxRss };
}

test('one 230 MB JSON line among good ones: skipped with an error, the rest stored, memory stays under 1 GB', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-big-'));
  try {
    const file = join(dir, 'big.jsonl');
    await writeLines(file, [good(1), good(2), { hugeBytes: 230 * MiB }, good(3)]);
    const next = join(dir, 'next.jsonl');
    await writeLines(next, [good(4)]);
    const run = await runMarsad(['ingest', file, next, '--db', join(dir, 'x.db')]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`${file}:3: record of \\d+ bytes is over the limit of 5242880`));
    assert.match(run.stdout, /^read 4, new 4, duplicate 0, failed 1;/m);
    t.diagnostic(`peak RSS ${(run.maxRss / MiB).toFixed(0)} MiB`);
    assert.ok(run.maxRss < 1024 * MiB, `peak RSS ${(run.maxRss / MiB).toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--max-record-bytes sets the limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-big-'));
  try {
    const file = join(dir, 'records.jsonl');
    await writeLines(file, [good(1), { hugeBytes: 2 * MiB }, good(2)]);
    const run = await runMarsad(['ingest', file, '--db', join(dir, 'x.db'), '--max-record-bytes', '1M']);
    assert.match(run.stderr, new RegExp(`${file}:2: record of \\d+ bytes is over the limit of 1048576`));
    assert.match(run.stdout, /^read 2, new 2, duplicate 0, failed 1;/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
