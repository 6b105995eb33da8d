/**
 * Whether a participants noun (متظاهرون، المحتجين) reports a protest of its own. It does as the
 * one who acts: in the nominative (-ون), the subject of its clause, or counted (آلاف المتظاهرين،
 * مئات من المحتجين). In the -ين form with no count it stands after a preposition or another noun
 * (على المتظاهرين، تفريق المتظاهرين، أحد المحتجين): the protesters of a protest told elsewhere,
 * or of none.
 */
import type { Doc, NumberMention } from '../core/document.js';
import { isSpace } from '../core/whitespace.js';
import type { TriggerMatch } from './triggers.js';

const NOMINATIVE = 'ون';
/** "من" between a count and what it counts (مئات من المتظاهرين), normalised. */
const PARTITIVE = 'من';

export function reportsParticipants(
  doc: Doc,
  trigger: TriggerMatch,
  sentenceNumbers: readonly NumberMention[],
): boolean {
  if (trigger.form.endsWith(NOMINATIVE)) return true;
  return sentenceNumbers.some((n) => n.value > 1 && countsWord(doc, n.end, trigger.fullSpan.start));
}

/** Nothing but spaces, or "من" between spaces, from a count's end to the counted word. */
function countsWord(doc: Doc, countEnd: number, wordStart: number): boolean {
  if (countEnd >= wordStart) return false;
  const between = doc.article.text.slice(countEnd, wordStart);
  const spaces = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (!isSpace(between.charCodeAt(i))) return false;
    return true;
  };
  if (spaces(0, between.length)) return true;
  const at = between.indexOf(PARTITIVE);
  return (
    at > 0 && spaces(0, at) && at + PARTITIVE.length < between.length && spaces(at + PARTITIVE.length, between.length)
  );
}
