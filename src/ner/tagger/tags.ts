/** The BIO tag set of ANERcorp and which tag may follow which. */

export const ENTITY_TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;

/** Tag index 0 is O; then B-/I- for each type. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

/**
 * `allowed[prev * n + cur]` is 1 when tag `cur` may follow tag `prev`: an I- tag only continues a
 * B- or I- of its own type. `allowedFirst[cur]` says whether a sentence may start with `cur`.
 */
export function bioConstraints(tags: readonly string[]): { allowed: Uint8Array; allowedFirst: Uint8Array } {
  const n = tags.length;
  const allowed = new Uint8Array(n * n);
  const allowedFirst = new Uint8Array(n);
  for (let cur = 0; cur < n; cur++) {
    const isInside = tags[cur].startsWith('I-');
    allowedFirst[cur] = isInside ? 0 : 1;
    for (let prev = 0; prev < n; prev++) {
      const ok = !isInside || (tags[prev].length > 2 && tags[prev].slice(2) === tags[cur].slice(2));
      allowed[prev * n + cur] = ok ? 1 : 0;
    }
  }
  return { allowed, allowedFirst };
}
