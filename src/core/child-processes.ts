/** The pids of a process's children, as Linux's /proc tells them; null where /proc does not. */
import { readFileSync } from 'node:fs';

export function childPids(pid: number): number[] | null {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return null;
  }
}
