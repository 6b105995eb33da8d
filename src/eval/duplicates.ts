/**
 * Within-article duplicates: predicted events left unmatched although they tell a gold event that
 * another predicted event already matches (its trigger lies in that gold event's evidence, or on
 * its trigger). One occurrence told twice — the lead and a quote, a recap, an IED inside an
 * ambush typed apart — shows up as exactly such a spurious event.
 */
import { spanContains, spansOverlap } from '../core/span.js';
import { matchEvents, type MatchableEvent } from './match.js';

export function countDuplicates(gold: readonly MatchableEvent[], predicted: readonly MatchableEvent[]): number {
  const { pairs, spurious } = matchEvents(gold, predicted);
  const matchedGold = new Set(pairs.map((p) => p.gold));
  return spurious.filter((i) => {
    const trigger = predicted[i].trigger;
    return gold.some(
      (g, k) =>
        matchedGold.has(k) && (spansOverlap(g.trigger, trigger) || g.evidence.some((e) => spanContains(e, trigger))),
    );
  }).length;
}
