/** The BIO tag set of ANERcorp and which tag may follow which. */

export const ENTITY_TYPES = ['PERS', 'LOC', 'ORG', 'MISC'] as const;

/** BIO tags: O, then B-/I- for each type. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

export interface TagConstraints {
  /** `allowed[prev * n + cur]` is 1 when `cur` may follow `prev`. */
  allowed: Uint8Array;
  /** Tags a sentence may start with. */
  allowedFirst: Uint8Array;
}

/** Transition rules of a BIO tag set: an I- tag only continues a B- or I- of its own type. */
export function tagConstraints(tags: readonly string[]): TagConstraints {
  const n = tags.length;
  const allowed = new Uint8Array(n * n);
  const allowedFirst = new Uint8Array(n);
  for (let cur = 0; cur < n; cur++) {
    const inside = tags[cur].startsWith('I-');
    allowedFirst[cur] = inside ? 0 : 1;
    for (let prev = 0; prev < n; prev++) {
      const ok = !inside || (tags[prev].length > 2 && tags[prev].slice(2) === tags[cur].slice(2));
      allowed[prev * n + cur] = ok ? 1 : 0;
    }
  }
  return { allowed, allowedFirst };
}
