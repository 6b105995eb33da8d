/**
 * The startup snapshot: a V8 heap with the CLI's code compiled and the pipeline's knowledge
 * loaded (gazetteers, actors, lexicons, models), built at install by scripts/build-snapshot.ts.
 * `marsad extract` and `marsad entities` spend most of a cold start loading that knowledge
 * (about 0.9 of 1.4 s); a process started from the snapshot finds it already in its heap.
 *
 * The snapshot is used only while it matches what it was built from: the same Node binary, the
 * package in the same folder, and every compiled module and pack file of the same size and
 * modification time, the same bundled packages and V8 options. An edited pack or a rebuild of
 * dist/ makes it stale, and the command then loads everything as without it, so a stale snapshot
 * costs time, never a changed result. MARSAD_SNAPSHOT=off turns it off.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join, relative } from 'node:path';
import { packagePath } from '../core/paths.js';

/** The subcommands whose start is the pipeline's loading, and which therefore start from the snapshot. */
export const SNAPSHOT_COMMANDS: ReadonlySet<string> = new Set(['extract', 'entities']);

/** Where the build puts the bundle the snapshot is made from, the snapshot and its fingerprint. */
export const SNAPSHOT_DIR = packagePath('dist', 'snapshot');
export const SNAPSHOT_BLOB = join(SNAPSHOT_DIR, 'marsad.blob');
export const SNAPSHOT_FINGERPRINT = join(SNAPSHOT_DIR, 'fingerprint.txt');

/** The only packages bundled into the snapshot (pure JavaScript the snapshot commands run at start); the others are required when used. */
export const BUNDLED_PACKAGES: ReadonlySet<string> = new Set(['zod', 'commander']);

/** Node's exit code when it cannot load a startup snapshot (another V8 or other V8 options). */
const SNAPSHOT_LOAD_FAILED = 14;

/** The files a snapshot is built from: the compiled modules (but the snapshot's own), the packs and the bundled packages' manifests. */
function sourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(root, 'dist', 'snapshot')) walk(path, keep);
      } else if (keep(entry.name)) files.push(path);
    }
  };
  walk(join(root, 'dist'), (name) => name.endsWith('.js'));
  walk(join(root, 'packs'), () => true);
  for (const name of BUNDLED_PACKAGES) files.push(join(root, 'node_modules', name, 'package.json'));
  return files.sort();
}

/**
 * What a snapshot built now would be built from: the Node binary and version, the V8 options
 * given through NODE_OPTIONS (V8 refuses a snapshot made under other options), the package's
 * folder, and each source file's path, size and modification time (a stat each, against hashing
 * megabytes of packs).
 */
export function snapshotFingerprint(root: string = packagePath(), env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256').update(
    [process.execPath, process.version, process.arch, env.NODE_OPTIONS ?? '', root].join('\n'),
  );
  for (const file of sourceFiles(root)) {
    const stat = statSync(file, { throwIfNoEntry: false });
    hash.update(`\n${relative(root, file)}\t${stat?.size ?? 'absent'}\t${stat?.mtimeMs ?? ''}`);
  }
  return hash.digest('hex');
}

/** The line the fingerprint file holds: the fingerprint and the size of the snapshot written with it. */
export function fingerprintLine(fingerprint: string, blobBytes: number): string {
  return `${fingerprint} ${blobBytes}`;
}

/**
 * The snapshot to start `argv`'s command from, or null: not a snapshot command, turned off, not
 * built, stale, or this process given V8 options on its command line (the snapshot would refuse them).
 */
export function usableSnapshot(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): string | null {
  if (!SNAPSHOT_COMMANDS.has(argv[2] ?? '') || env.MARSAD_SNAPSHOT === 'off' || execArgv.length > 0) return null;
  const blob = statSync(SNAPSHOT_BLOB, { throwIfNoEntry: false });
  if (!blob || !existsSync(SNAPSHOT_FINGERPRINT)) return null;
  const expected = fingerprintLine(snapshotFingerprint(packagePath(), env), blob.size);
  return readFileSync(SNAPSHOT_FINGERPRINT, 'utf8').trim() === expected ? SNAPSHOT_BLOB : null;
}

const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the command of `argv` in a new process started from the snapshot, when one is usable,
 * and ends this one as that process ends (its exit code, or its signal). Resolves to false, the
 * command not run, when no snapshot is usable or the snapshot could not be started (nothing was
 * read or printed then): the caller runs the command itself.
 */
export function runFromSnapshot(argv: readonly string[]): Promise<boolean> {
  const blob = usableSnapshot(argv);
  if (!blob) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--snapshot-blob', blob, ...argv.slice(2)], { stdio: 'inherit' });
    // A terminal's Ctrl-C reaches both processes: this one passes signals on and waits for the child.
    const forwards = FORWARDED_SIGNALS.map((signal) => [signal, () => child.kill(signal)] as const);
    for (const [signal, forward] of forwards) process.on(signal, forward);
    const stopForwarding = () => {
      for (const [signal, forward] of forwards) process.off(signal, forward);
    };
    child.on('error', () => {
      stopForwarding();
      resolve(false);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      if (code === SNAPSHOT_LOAD_FAILED) return resolve(false);
      resolve(true);
      if (!signal) {
        process.exitCode = code ?? 1;
        return;
      }
      // Ended by a signal: so is this process, or, where that does nothing (PID 1 of a container), it fails with the shell's code.
      process.exitCode = 128 + (constants.signals[signal] ?? 0);
      process.kill(process.pid, signal);
    });
  });
}
