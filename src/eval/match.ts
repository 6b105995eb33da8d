/**
 * One-to-one matching of predicted events to gold events within a document.
 *
 * A gold and a predicted event may be matched when their evidence overlaps, their triggers
 * overlap, or the trigger of one lies inside the evidence of the other. Among all one-to-one
 * matchings the chosen one maximises, in this order: the number of pairs, the total overlap,
 * the number of pairs of the same event_type, and the closeness of their places. The order is
 * exact (lexicographic): it is encoded as integer weights in nested radices and solved with the
 * Hungarian algorithm, so a better overlap can never be traded for several same-type pairs.
 */
import { spanContains, spansOverlap, type Span } from '../core/span.js';
import { distanceKm } from '../core/geo.js';

/** What matching needs of an event; gold events and EventRecords both fit. */
export interface MatchableEvent {
  event_type: string;
  trigger: Span;
  evidence: Span[];
  location: { lat: number; lon: number } | null;
}

export interface EventPair {
  /** Index into the document's gold events. */
  gold: number;
  /** Index into the document's predicted events. */
  predicted: number;
}

export interface DocumentMatch {
  pairs: EventPair[];
  /** Gold events left unmatched (false negatives). */
  missed: number[];
  /** Predicted events left unmatched (false positives). */
  spurious: number[];
}

/** Overlap steps per unit: overlap scores are compared to 1/100. */
const OVERLAP_STEPS = 100;
/** Closeness steps: 100 at the same point, 50 at 25 km, ~9 at 250 km. */
const CLOSENESS_STEPS = 100;
const CLOSENESS_HALF_KM = 25;

/**
 * How well two events' words coincide, in [0, 2], or null when they may not be matched:
 * 1 for overlapping triggers (0.5 for a trigger inside the other's evidence) plus the Jaccard
 * ratio of the characters their evidence covers.
 */
export function overlapScore(a: MatchableEvent, b: MatchableEvent): number | null {
  const triggers = spansOverlap(a.trigger, b.trigger);
  const triggerInEvidence =
    a.evidence.some((e) => spanContains(e, b.trigger)) || b.evidence.some((e) => spanContains(e, a.trigger));
  const evidence = coverageJaccard(a.evidence, b.evidence);
  if (!triggers && !triggerInEvidence && evidence === 0) return null;
  return (triggers ? 1 : triggerInEvidence ? 0.5 : 0) + evidence;
}

/** Kilometres between two events' places, or null when either has none. */
export function placeDistanceKm(a: MatchableEvent, b: MatchableEvent): number | null {
  if (a.location === null || b.location === null) return null;
  return distanceKm(a.location.lat, a.location.lon, b.location.lat, b.location.lon);
}

export function matchEvents(gold: readonly MatchableEvent[], predicted: readonly MatchableEvent[]): DocumentMatch {
  const n = Math.max(gold.length, predicted.length);
  // Radices: each criterion's total over a whole matching stays below one step of the one above.
  const closenessRadix = CLOSENESS_STEPS * n + 1;
  const typeRadix = n + 1;
  const overlapRadix = 2 * OVERLAP_STEPS * n + 1;
  const pairUnit = overlapRadix * typeRadix * closenessRadix;
  if (2 * pairUnit * n * n > Number.MAX_SAFE_INTEGER) {
    throw new Error(`too many events in one document to match exactly (${n})`);
  }
  const weights = gold.map((g) =>
    predicted.map((p) => {
      const overlap = overlapScore(g, p);
      if (overlap === null) return 0;
      const km = placeDistanceKm(g, p);
      const closeness = km === null ? 0 : Math.round(CLOSENESS_STEPS / (1 + km / CLOSENESS_HALF_KM));
      const sameType = g.event_type === p.event_type ? 1 : 0;
      return ((overlapRadix + Math.round(overlap * OVERLAP_STEPS)) * typeRadix + sameType) * closenessRadix + closeness;
    }),
  );
  const assignment = maxWeightAssignment(weights, gold.length, predicted.length);
  const pairs: EventPair[] = [];
  assignment.forEach((p, g) => {
    if (p !== -1 && weights[g][p] > 0) pairs.push({ gold: g, predicted: p });
  });
  const matchedGold = new Set(pairs.map((x) => x.gold));
  const matchedPredicted = new Set(pairs.map((x) => x.predicted));
  return {
    pairs,
    missed: gold.map((_, i) => i).filter((i) => !matchedGold.has(i)),
    spurious: predicted.map((_, i) => i).filter((i) => !matchedPredicted.has(i)),
  };
}

/** Characters covered by both span sets over characters covered by either (0 when neither covers any). */
function coverageJaccard(a: readonly Span[], b: readonly Span[]): number {
  const ma = mergeSpans(a);
  const mb = mergeSpans(b);
  const length = (spans: Span[]) => spans.reduce((sum, s) => sum + s.end - s.start, 0);
  let both = 0;
  for (const x of ma) {
    for (const y of mb) both += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  }
  const either = length(ma) + length(mb) - both;
  return either === 0 ? 0 : both / either;
}

function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((x, y) => x.start - y.start);
  const merged: Span[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}

/**
 * Hungarian algorithm (Kuhn-Munkres with potentials, O(n³)) on the square matrix padded with
 * zero weights. Returns, for each row, its column or -1.
 */
function maxWeightAssignment(weights: number[][], rows: number, cols: number): number[] {
  const n = Math.max(rows, cols);
  if (n === 0) return [];
  let maxWeight = 0;
  for (const row of weights) for (const w of row) maxWeight = Math.max(maxWeight, w);
  // Minimise cost = maxWeight - weight; indices are 1-based, 0 is the virtual start column.
  const cost = (i: number, j: number) => maxWeight - (i <= rows && j <= cols ? weights[i - 1][j - 1] : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const rowOfCol = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = rowOfCol[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost(i0, j) - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOfCol[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOfCol[j0] = rowOfCol[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOfRow = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = rowOfCol[j];
    if (i >= 1 && i <= rows && j <= cols) columnOfRow[i - 1] = j - 1;
  }
  return columnOfRow;
}
