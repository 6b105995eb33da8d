import type { TagConstraints } from './tags.js';

/** First-order Viterbi decoding under the tag set's transition constraints. */

/**
 * Best tag sequence. `emission[i * n + t]` scores tag t at token i; `transition[p * n + t]` scores
 * tag t after tag p and `start[t]` tag t first. Forbidden transitions are never taken, so an I- tag
 * always continues an entity of its own type. Tag 0 (O) must be allowed everywhere.
 */
export function viterbi(
  emission: Float64Array,
  length: number,
  n: number,
  transition: Float64Array,
  start: Float64Array,
  constraints: TagConstraints,
): Int32Array {
  const { allowed, allowedFirst } = constraints;
  const path = new Int32Array(length);
  if (length === 0) return path;
  const score = new Float64Array(length * n);
  const back = new Int32Array(length * n);
  for (let t = 0; t < n; t++) score[t] = allowedFirst[t] ? start[t] + emission[t] : -Infinity;
  for (let i = 1; i < length; i++) {
    const row = i * n;
    const prevRow = row - n;
    for (let t = 0; t < n; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < n; p++) {
        if (!allowed[p * n + t]) continue;
        const s = score[prevRow + p] + transition[p * n + t];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + t] = best + emission[row + t];
      back[row + t] = arg;
    }
  }
  const last = (length - 1) * n;
  let bestTag = 0;
  for (let t = 1; t < n; t++) if (score[last + t] > score[last + bestTag]) bestTag = t;
  path[length - 1] = bestTag;
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * n + path[i]];
  return path;
}
