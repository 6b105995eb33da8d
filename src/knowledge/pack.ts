/**
 * The one way a data pack under `packs/` is read: JSON parsed and validated by its zod schema,
 * with an error that names the file and the field. Every pack carries a `$meta` block saying what
 * it is, its version, where it comes from and under which licence.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

export const PackMeta = z.looseObject({
  description: z.string().min(1),
  version: z.string().min(1),
  provenance: z.string().min(1),
  licence: z.string().min(1),
});

/**
 * A JSON object of many entries (a model's weights, a tagger's word lists), each value checked in
 * one loop and the object kept as parsed: zod's record builds a copy entry by entry, which costs a
 * cold start more than reading the file. The first bad entry is named.
 */
export function bulkRecord<T>(isValue: (v: unknown) => v is T, what: string): z.ZodType<Record<string, T>> {
  return z.custom<Record<string, T>>().superRefine((v, ctx) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: `expected an object of ${what}s` });
      return;
    }
    for (const key in v) {
      if (!isValue((v as Record<string, unknown>)[key])) {
        ctx.addIssue({ code: 'custom', path: [key], message: `expected a ${what}` });
        return;
      }
    }
  });
}

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isString = (v: unknown): v is string => typeof v === 'string';

let packsDir: string | null = null;

/**
 * The repository's `packs/` directory, found from this module (src/ under tsx, dist/ compiled).
 * Worked out once: loaders called for every document ask for it to tell whether their cache answers.
 */
export function repositoryPacksDir(): string {
  return (packsDir ??= fileURLToPath(new URL('../../packs/', import.meta.url)));
}

/** Reads `path` (gunzipped when it ends in .gz) and validates it; a problem is thrown as one message naming the file and each bad field. */
export function readPack<T>(path: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    const raw = readFileSync(path);
    data = JSON.parse((path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 10).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${path} is not a valid pack:\n${problems.join('\n')}`);
  }
  return result.data;
}
