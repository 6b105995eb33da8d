/** Locations inside the installed package, valid from both src/ (tsx) and dist/ (compiled). */
import { fileURLToPath } from 'node:url';

/** The package root: this file sits two levels below it, in src/core/ or dist/core/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packagePath(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/\/$/, ''), ...parts].join('/');
}
