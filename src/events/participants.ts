/**
 * Whether a participants noun (متظاهرون، المحتجين) reports a protest of its own. It does as the
 * one who acts: in the nominative (-ون), the subject of its clause, or counted (آلاف المتظاهرين،
 * مئات من المحتجين). In the -ين form with no count it stands after a preposition or another noun
 * (على المتظاهرين، تفريق المتظاهرين، أحد المحتجين): the protesters of a protest told elsewhere,
 * or of none.
 */
import type { Doc, NumberMention, Token } from '../core/document.js';
import { spanIndexAt } from '../core/span.js';
import type { TriggerMatch } from './triggers.js';

const NOMINATIVE = 'ون';
/** "من" between a count and what it counts (مئات من المتظاهرين), normalised. */
const PARTITIVE = 'من';

export function reportsParticipants(
  doc: Doc,
  trigger: TriggerMatch,
  sentenceNumbers: readonly NumberMention[],
): boolean {
  return actsOrCounted(doc.tokens, spanIndexAt(doc.tokens, trigger.fullSpan.start), trigger.form, sentenceNumbers);
}

/**
 * Whether the participants word at token `at` (its normalised form `form`) acts or is counted:
 * the nominative (-ون), or a count of more than one right before it, "من" between or not,
 * whatever harakat are written.
 */
export function actsOrCounted(
  tokens: readonly Token[],
  at: number,
  form: string,
  sentenceNumbers: readonly NumberMention[],
): boolean {
  if (form.endsWith(NOMINATIVE)) return true;
  if (at < 1) return false;
  // A count ends on the word before (آلاف المتظاهرين، عدد من المحتجين) or before its "من".
  const ends = [tokens[at - 1].end];
  if (tokens[at - 1].stem === PARTITIVE && at >= 2) ends.push(tokens[at - 2].end);
  return sentenceNumbers.some((n) => n.value > 1 && ends.includes(n.end));
}
