/**
 * A reader that goes away (`marsad events --json | head`) is not an error: the command ends
 * quietly instead of dying with an EPIPE stack trace. Output nobody reads is not worth more work;
 * a closed standard error only silences messages, and the command's work goes on.
 */
import { errorCode } from '../core/unknown.js';

let installed = false;

export function endQuietlyOnClosedPipes(): void {
  if (installed) return;
  installed = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') return;
    throw err;
  });
}

export function isClosedPipe(err: unknown): boolean {
  return errorCode(err) === 'EPIPE';
}
