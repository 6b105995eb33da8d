// The startup snapshot: used only while current, and a command run from it prints what it prints without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SNAPSHOT_BLOB, snapshotFingerprint, usableSnapshot } from './startup-snapshot.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'marsad.js');

test('the fingerprint changes with a pack or a compiled module, not with the snapshot folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'marsad-snapshot-'));
  try {
    mkdirSync(join(root, 'dist', 'snapshot'), { recursive: true });
    mkdirSync(join(root, 'packs', 'libya'), { recursive: true });
    writeFileSync(join(root, 'dist', 'main.js'), 'export {};\n');
    writeFileSync(join(root, 'packs', 'libya', 'actors.json'), '{}\n');
    const first = snapshotFingerprint(root);
    assert.equal(snapshotFingerprint(root), first);

    writeFileSync(join(root, 'dist', 'snapshot', 'fingerprint.txt'), 'anything\n');
    assert.equal(snapshotFingerprint(root), first, 'the snapshot folder is what is built, not what it is built from');

    const later = new Date(Date.now() + 60_000);
    utimesSync(join(root, 'packs', 'libya', 'actors.json'), later, later);
    const touched = snapshotFingerprint(root);
    assert.notEqual(touched, first, 'a pack saved again');

    writeFileSync(join(root, 'packs', 'libya', 'places.json'), '{}\n');
    assert.notEqual(snapshotFingerprint(root), touched, 'a pack added');

    const beforeRebuild = snapshotFingerprint(root);
    writeFileSync(join(root, 'dist', 'main.js'), 'export const x = 1;\n');
    const rebuilt = snapshotFingerprint(root);
    assert.notEqual(rebuilt, beforeRebuild, 'a module compiled again');

    mkdirSync(join(root, 'node_modules', 'zod'), { recursive: true });
    writeFileSync(join(root, 'node_modules', 'zod', 'package.json'), '{"version":"9.9.9"}\n');
    const updated = snapshotFingerprint(root);
    assert.notEqual(updated, rebuilt, 'a bundled package updated');

    assert.notEqual(
      snapshotFingerprint(root, { NODE_OPTIONS: '--max-old-space-size=4096' }),
      snapshotFingerprint(root, {}),
      'V8 refuses a snapshot made under other options',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('only extract and entities start from the snapshot; MARSAD_SNAPSHOT=off and V8 options on the command line turn it off', () => {
  assert.equal(usableSnapshot(['node', BIN, 'ingest', 'x.txt']), null);
  assert.equal(usableSnapshot(['node', BIN]), null);
  assert.equal(usableSnapshot(['node', BIN, 'extract', 'x.txt'], { MARSAD_SNAPSHOT: 'off' }), null);
  assert.equal(usableSnapshot(['node', BIN, 'extract', 'x.txt'], {}, ['--max-old-space-size=4096']), null);
});

const noSnapshot = existsSync(SNAPSHOT_BLOB) ? undefined : 'no startup snapshot (npm run build makes it)';

test('after the build the snapshot is current: extract and entities will start from it', { skip: noSnapshot }, () => {
  assert.equal(
    usableSnapshot(['node', BIN, 'extract', 'x.txt'], {}, []),
    SNAPSHOT_BLOB,
    'stale: dist/ or packs/ changed after scripts/build-snapshot.ts ran (npm run build)',
  );
});

const fixture = (...parts: string[]) => join(ROOT, ...parts);
const CASES: readonly (readonly string[])[] = [
  ['extract', fixture('samples', 'demo', 'sirte-2020.txt')],
  ['extract', '--explain', '--format', 'table', fixture('samples', 'demo', 'sirte-2020.txt')],
  // A page (linkedom and Readability) and a Windows-1256 file (iconv-lite) require packages the
  // snapshot leaves out, when the process runs.
  ['extract', fixture('samples', 'demo', 'derna-2018.html')],
  ['extract', fixture('test', 'fixtures', 'ingest', 'cp1256.txt')],
  ['extract', '--field', 'published=published_raw', fixture('test', 'fixtures', 'ingest', 'records.jsonl')],
  ['entities', fixture('samples', 'demo', 'sirte-2020.txt')],
  ['extract', fixture('test', 'fixtures', 'ingest', 'really-a-pdf.txt')],
  ['extract', '--format', 'xml', fixture('samples', 'demo', 'sirte-2020.txt')],
];

/** stdout, stderr and exit code of `args` run by node, `stdin` given on standard input. */
function run(args: string[], env: NodeJS.ProcessEnv, options: { stdin?: string; cwd?: string } = {}) {
  const { status, stdout, stderr } = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    input: options.stdin ?? '',
    cwd: options.cwd ?? ROOT,
  });
  return { status, stdout, stderr };
}

test(
  'a command run from the snapshot prints, fails and exits as the same command loading everything',
  { skip: noSnapshot },
  () => {
    for (const args of CASES) {
      const loading = run([BIN, ...args], { MARSAD_SNAPSHOT: 'off' });
      const what = args.join(' ');
      assert.ok(loading.stdout.length > 0 || loading.stderr.length > 0, `${what}: printed nothing`);
      // Through bin/marsad.js, as a user runs it, and straight from the snapshot (so that a
      // launcher that never used it could not pass).
      assert.deepEqual(run([BIN, ...args], {}), loading, `${what}: through the launcher`);
      assert.deepEqual(run(['--snapshot-blob', SNAPSHOT_BLOB, ...args], {}), loading, `${what}: from the snapshot`);
    }
  },
);

test(
  'from the snapshot: standard input, a path relative to another folder, and NODE_OPTIONS',
  { skip: noSnapshot },
  () => {
    const sirte = fixture('samples', 'demo', 'sirte-2020.txt');
    const stdin = readFileSync(sirte, 'utf8');
    const fromStdin = run([BIN, 'extract', '-'], { MARSAD_SNAPSHOT: 'off' }, { stdin });
    assert.equal(fromStdin.status, 0);
    assert.deepEqual(run(['--snapshot-blob', SNAPSHOT_BLOB, 'extract', '-'], {}, { stdin }), fromStdin);

    const relative = ['extract', join('..', 'demo', 'sirte-2020.txt')];
    const cwd = fixture('samples', 'demo');
    assert.deepEqual(
      run(['--snapshot-blob', SNAPSHOT_BLOB, ...relative], {}, { cwd }),
      run([BIN, ...relative], { MARSAD_SNAPSHOT: 'off' }, { cwd }),
    );

    // Other V8 options than the build's: the snapshot is not used, and the command still runs.
    const withOptions = run([BIN, 'extract', sirte], { NODE_OPTIONS: '--max-old-space-size=4096' });
    assert.deepEqual(withOptions, run([BIN, 'extract', sirte], { MARSAD_SNAPSHOT: 'off' }));
  },
);
