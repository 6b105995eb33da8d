#!/usr/bin/env node
// The CLI is written in TypeScript and compiled to dist/ by `npm run build` (run by `prepare` on `npm ci`).
import { main } from '../dist/cli/main.js';

main(process.argv).catch((err) => {
  // A reader that went away is not an error (see src/cli/closed-pipes.ts).
  if (err?.code === 'EPIPE') return;
  console.error(`marsad: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
