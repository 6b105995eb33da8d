/**
 * The startup snapshot's program (see startup-snapshot.ts), bundled into one CommonJS script by
 * scripts/build-snapshot.ts and run by `node --build-snapshot`: it loads the pipeline's knowledge
 * and the snapshot commands' modules into the heap, then names what a process started from the
 * snapshot runs: the CLI, with the arguments it was given.
 */
import { startupSnapshot } from 'node:v8';
import { createRequire } from 'node:module';
import { loadPipelineContext } from '../pipeline/context.js';
import { packagePath } from '../core/paths.js';
import { runCli } from './main.js';
import './commands/extract.js';
import './commands/entities.js';

loadPipelineContext();

startupSnapshot.setDeserializeMainFunction(() => {
  // The packages the bundle leaves out (native, or loaded on first use) are required from the
  // package's node_modules when the process runs: the builder can only require Node's own modules.
  Object.assign(globalThis, { marsadRequire: createRequire(packagePath('package.json')) });
  // Started as `node --snapshot-blob <blob> <command> ...`: argv[1] is the command, not a script.
  void runCli([process.argv[0], packagePath('bin', 'marsad.js'), ...process.argv.slice(1)]);
});
