/** Locations inside the installed package, valid from src/ (tsx) and from dist/ and dist-test/ (compiled). */
import { fileURLToPath } from 'node:url';

/** The package root: this file sits two levels below it, in src/core/, dist/core/ or dist-test/core/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function packagePath(...parts: string[]): string {
  return [PACKAGE_ROOT.replace(/\/$/, ''), ...parts].join('/');
}
