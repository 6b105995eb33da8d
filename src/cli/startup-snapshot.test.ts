// The startup snapshot: used only while current, and a command run from it prints what it prints without.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
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
    assert.notEqual(snapshotFingerprint(root), beforeRebuild, 'a module compiled again');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('only extract and entities start from the snapshot, and MARSAD_SNAPSHOT=off turns it off', () => {
  assert.equal(usableSnapshot(['node', BIN, 'ingest', 'x.txt']), null);
  assert.equal(usableSnapshot(['node', BIN]), null);
  assert.equal(usableSnapshot(['node', BIN, 'extract', 'x.txt'], { MARSAD_SNAPSHOT: 'off' }), null);
});

const noSnapshot = existsSync(SNAPSHOT_BLOB) ? undefined : 'no startup snapshot (npm run build makes it)';

test('after the build the snapshot is current: extract and entities will start from it', { skip: noSnapshot }, () => {
  assert.equal(
    usableSnapshot(['node', BIN, 'extract', 'x.txt'], {}),
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

test(
  'a command run from the snapshot prints, fails and exits as the same command loading everything',
  { skip: noSnapshot },
  () => {
    for (const args of CASES) {
      const run = (env: NodeJS.ProcessEnv) =>
        spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
      const fromSnapshot = run({});
      const loading = run({ MARSAD_SNAPSHOT: 'off' });
      const what = args.join(' ');
      assert.equal(fromSnapshot.status, loading.status, `${what}: exit code`);
      assert.equal(fromSnapshot.stderr, loading.stderr, `${what}: stderr`);
      assert.equal(fromSnapshot.stdout, loading.stdout, `${what}: stdout`);
      assert.ok(fromSnapshot.stdout.length > 0 || fromSnapshot.stderr.length > 0, `${what}: printed nothing`);
    }
  },
);
