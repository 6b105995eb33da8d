/**
 * Reading the hand-made files of eval/ (candidate labels, place labels, the place-word table):
 * validated by their schema, a problem named with the file and the field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

/** `data` validated by `schema`; else an error naming `where`, `what` it should be and up to ten bad fields. */
export function parseEvalFile<T>(schema: z.ZodType<T>, data: unknown, where: string, what: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`${where}: not ${what}:\n  ${problems.join('\n  ')}`);
}

/** Every file of `dir` whose name matches `name`, in name order, parsed (none when the folder is absent). */
export function loadEvalFiles<T>(
  dir: string,
  name: RegExp,
  parse: (data: unknown, where: string) => T,
): { path: string; file: T }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => name.test(n));
  } catch {
    return [];
  }
  return names.sort().map((n) => {
    const path = join(dir, n);
    return { path, file: parse(JSON.parse(readFileSync(path, 'utf8')), path) };
  });
}
