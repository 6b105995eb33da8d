/**
 * Whether a participants noun (متظاهرون، المحتجين) reports a protest of its own. It does as the
 * one who acts: in the nominative (-ون), the subject of its clause, or counted (آلاف المتظاهرين،
 * مئات من المحتجين). In the -ين form with no count it stands after a preposition or another noun
 * (على المتظاهرين، تفريق المتظاهرين، أحد المحتجين): the protesters of a protest told elsewhere,
 * or of none.
 */
import type { Doc, NumberMention, Token } from '../core/document.js';
import type { TriggerMatch } from './triggers.js';

const NOMINATIVE = 'ون';
/** "من" between a count and what it counts (مئات من المتظاهرين), normalised. */
const PARTITIVE = 'من';

export function reportsParticipants(
  doc: Doc,
  trigger: TriggerMatch,
  sentenceNumbers: readonly NumberMention[],
): boolean {
  return actsOrCounted(doc, trigger.fullSpan.start, trigger.form, sentenceNumbers);
}

/**
 * Whether the participants word whose token starts at `start` (its normalised form `form`) acts
 * or is counted: the nominative (-ون), or a count of more than one right before it, "من" between
 * or not, whatever harakat are written.
 */
export function actsOrCounted(
  doc: Doc,
  start: number,
  form: string,
  sentenceNumbers: readonly NumberMention[],
): boolean {
  if (form.endsWith(NOMINATIVE)) return true;
  const at = tokenAt(doc.tokens, start);
  if (at < 1) return false;
  // A count ends on the word before (آلاف المتظاهرين، عدد من المحتجين) or before its "من".
  const ends = [doc.tokens[at - 1].end];
  if (doc.tokens[at - 1].stem === PARTITIVE && at >= 2) ends.push(doc.tokens[at - 2].end);
  return sentenceNumbers.some((n) => n.value > 1 && ends.includes(n.end));
}

/** The index of the token that starts at `start`, or -1. */
function tokenAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < start) lo = mid + 1;
    else hi = mid;
  }
  return tokens[lo]?.start === start ? lo : -1;
}
