#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by `prepare` on `npm ci`).
// `extract` and `entities` start from the startup snapshot the build made, when it is current
// (src/cli/startup-snapshot.ts); every other command, or a stale snapshot, loads the modules here.
import { runFromSnapshot } from '../dist/cli/startup-snapshot.js';

if (!(await runFromSnapshot(process.argv))) {
  const { runCli } = await import('../dist/cli/main.js');
  await runCli(process.argv);
}
