/**
 * The startup snapshot: a V8 heap with the CLI's code compiled and the pipeline's knowledge
 * loaded (gazetteers, actors, lexicons, models), built at install by scripts/build-snapshot.ts.
 * `marsad extract` and `marsad entities` spend most of a cold start loading that knowledge
 * (about 0.9 of 1.4 s); a process started from the snapshot finds it already in its heap.
 *
 * The snapshot is used only while it matches what it was built from: the same Node binary, the
 * package in the same folder, and every compiled module and pack file of the same size and
 * modification time. An edited pack or a rebuild of dist/ makes it stale, and the command then
 * loads everything as without it, so a stale snapshot costs time, never a changed result.
 * MARSAD_SNAPSHOT=off turns it off.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packagePath } from '../core/paths.js';

/** The subcommands whose start is the pipeline's loading, and which therefore start from the snapshot. */
export const SNAPSHOT_COMMANDS: ReadonlySet<string> = new Set(['extract', 'entities']);

/** Where the build puts the bundle the snapshot is made from, the snapshot and its fingerprint. */
export const SNAPSHOT_DIR = packagePath('dist', 'snapshot');
export const SNAPSHOT_BLOB = join(SNAPSHOT_DIR, 'marsad.blob');
export const SNAPSHOT_FINGERPRINT = join(SNAPSHOT_DIR, 'fingerprint.txt');

/** The files a snapshot is built from: the compiled modules (but the snapshot's own) and the packs. */
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
  return files.sort();
}

/**
 * What a snapshot built now would be built from: the Node binary and version, the package's
 * folder, and each source file's path, size and modification time (a stat each: a few
 * milliseconds, against hashing megabytes of packs).
 */
export function snapshotFingerprint(root: string = packagePath()): string {
  const hash = createHash('sha256').update(`${process.execPath}\n${process.version}\n${process.arch}\n${root}\n`);
  for (const file of sourceFiles(root)) {
    const stat = statSync(file);
    hash.update(`${relative(root, file)}\t${stat.size}\t${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** The snapshot to start `argv`'s command from, or null: not a snapshot command, turned off, not built or stale. */
export function usableSnapshot(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  if (!SNAPSHOT_COMMANDS.has(argv[2] ?? '') || env.MARSAD_SNAPSHOT === 'off') return null;
  if (!existsSync(SNAPSHOT_BLOB) || !existsSync(SNAPSHOT_FINGERPRINT)) return null;
  return readFileSync(SNAPSHOT_FINGERPRINT, 'utf8').trim() === snapshotFingerprint() ? SNAPSHOT_BLOB : null;
}

/**
 * Runs the command of `argv` in a new process started from the snapshot, when one is usable,
 * and ends this one as that process ends (its exit code, or its signal). Returns false, having
 * done nothing, when no snapshot is usable.
 */
export function runFromSnapshot(argv: readonly string[]): boolean {
  const blob = usableSnapshot(argv);
  if (!blob) return false;
  const child = spawn(process.execPath, [...process.execArgv, '--snapshot-blob', blob, ...argv.slice(2)], {
    stdio: 'inherit',
  });
  // A terminal's Ctrl-C reaches both processes: this one waits for the child to end on it.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT')).on('SIGTERM', forward('SIGTERM'));
  child.on('error', (err) => {
    console.error(`marsad: could not start from the snapshot: ${err.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exitCode = code ?? 1;
  });
  return true;
}
