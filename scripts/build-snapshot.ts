/**
 * Builds the startup snapshot (src/cli/startup-snapshot.ts) from the compiled dist/: esbuild
 * bundles dist/cli/snapshot-entry.js into one CommonJS script, `node --build-snapshot` runs it
 * and saves the heap, and the fingerprint of what it was built from is written beside it.
 * Run after tsc: node --import tsx scripts/build-snapshot.ts
 */
import { build, type Plugin } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BUNDLED_PACKAGES,
  SNAPSHOT_BLOB,
  SNAPSHOT_DIR,
  SNAPSHOT_FINGERPRINT,
  fingerprintLine,
  snapshotFingerprint,
} from '../src/cli/startup-snapshot.js';
import { packagePath } from '../src/core/paths.js';

const DIST = packagePath('dist');

/**
 * A module finds its packs and worker scripts from its own `import.meta.url`: each compiled
 * module keeps its own file's URL in the bundle, so that paths resolve as they do in dist/.
 */
const ownFileUrls: Plugin = {
  name: 'own-file-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) =>
      args.path.startsWith(`${DIST}/`)
        ? {
            contents: readFileSync(args.path, 'utf8').replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: 'js',
          }
        : undefined,
    );
  },
};

/** Every other package is required when first used, from node_modules, by the running process. */
const requiredWhenRun: Plugin = {
  name: 'required-when-run',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, namespace: 'required-when-run' };
    });
    b.onLoad({ filter: /.*/, namespace: 'required-when-run' }, (args) => ({
      contents: `module.exports = globalThis.marsadRequire(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

async function main(): Promise<void> {
  // Taken before and after: a file changed while the build read it would leave a heap that the
  // fingerprint does not describe.
  const before = snapshotFingerprint();
  rmSync(SNAPSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const bundle = join(SNAPSHOT_DIR, 'marsad.cjs');
  await build({
    entryPoints: [packagePath('dist', 'cli', 'snapshot-entry.js')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    plugins: [ownFileUrls, requiredWhenRun],
    logLevel: 'warning',
  });
  // --no-warnings: Node 20 warns that the builder's support of node:module and
  // node:child_process is "not fully verified"; the snapshot only calls them when it runs.
  const blob = `${SNAPSHOT_BLOB}.partial`;
  const built = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', blob, '--build-snapshot', bundle], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`node --build-snapshot failed (exit ${built.status ?? built.signal})`);
  if (snapshotFingerprint() !== before)
    throw new Error('dist/ or packs/ changed while the snapshot was built: run the build again');
  renameSync(blob, SNAPSHOT_BLOB);
  const fingerprint = `${SNAPSHOT_FINGERPRINT}.partial`;
  writeFileSync(fingerprint, `${fingerprintLine(before, statSync(SNAPSHOT_BLOB).size)}\n`);
  renameSync(fingerprint, SNAPSHOT_FINGERPRINT);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
