/**
 * Precision, recall and F1 of a scored set at a threshold, and the threshold that a rule picks
 * (the best F1 or F-beta, the most recall at a precision floor, or the one the costs of the two
 * errors set).
 */

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * An item's probability of being positive and its gold label. A null probability is an item no
 * candidate reached: it is never predicted positive, but a positive one still counts as missed.
 */
export interface Scored {
  probability: number | null;
  label: boolean;
}

export type ThresholdRule =
  | { kind: 'max-f1' }
  /** The best F-beta: beta < 1 weighs precision above recall (0.5: a false positive costs as two misses do, roughly). */
  | { kind: 'max-fbeta'; beta: number }
  | { kind: 'precision-floor'; floor: number }
  /**
   * The decision a calibrated probability makes when a false positive costs `falsePositiveCost`
   * times a false negative: positive when p × 1 ≥ (1 − p) × cost, i.e. from cost / (1 + cost). It
   * reads nothing off the data, so it does not move when the data does; it assumes calibrated
   * probabilities, which a model trained on a sample unlike the run-time one only approaches.
   */
  | { kind: 'cost'; falsePositiveCost: number };

export interface ThresholdChoice {
  threshold: number;
  prf: PRF;
  /** False when no threshold reaches the precision floor (the best F1 is taken instead). */
  ruleMet: boolean;
}

export function prfOf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

/** Items with probability ≥ threshold are predicted positive. */
export function prfAt(items: readonly Scored[], threshold: number): PRF {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const { probability, label } of items) {
    const positive = probability !== null && probability >= threshold;
    if (label) gold++;
    if (positive) predicted++;
    if (positive && label) tp++;
  }
  return prfOf(tp, predicted, gold);
}

/**
 * Sweeps every threshold that changes a decision: midway between consecutive distinct
 * probabilities (so a new item scored between them is decided by the nearer side), and above the
 * highest. Ties in the rule's measure go to the higher threshold, the more cautious one.
 */
export function chooseThreshold(items: readonly Scored[], rule: ThresholdRule): ThresholdChoice {
  if (rule.kind === 'cost') {
    const threshold = rule.falsePositiveCost / (1 + rule.falsePositiveCost);
    return { threshold, prf: prfAt(items, threshold), ruleMet: true };
  }
  const gold = items.filter((i) => i.label).length;
  const scored = items
    .filter((i): i is { probability: number; label: boolean } => i.probability !== null)
    .sort((a, b) => b.probability - a.probability);
  const sweep: { threshold: number; prf: PRF }[] = [];
  const top = scored.length === 0 ? 1 : scored[0].probability;
  sweep.push({ threshold: Math.min(1, top + (1 - top) / 2 + Number.EPSILON), prf: prfOf(0, 0, gold) });
  let tp = 0;
  for (let i = 0; i < scored.length; i++) {
    if (scored[i].label) tp++;
    const next = scored[i + 1]?.probability;
    if (next === scored[i].probability) continue;
    const threshold = next === undefined ? scored[i].probability / 2 : (scored[i].probability + next) / 2;
    sweep.push({ threshold, prf: prfOf(tp, i + 1, gold) });
  }
  const bestF1 = sweep.reduce((best, s) => (s.prf.f1 > best.prf.f1 ? s : best));
  if (rule.kind === 'max-f1') return { ...bestF1, ruleMet: true };
  if (rule.kind === 'max-fbeta') {
    const b2 = rule.beta * rule.beta;
    const fbeta = ({ precision: p, recall: r }: PRF) => (p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r));
    const best = sweep.reduce((b, s) => (fbeta(s.prf) > fbeta(b.prf) ? s : b));
    return { ...best, ruleMet: true };
  }
  const floor = rule.floor;
  const meeting = sweep.filter((s) => s.prf.predicted > 0 && s.prf.precision >= floor);
  if (meeting.length === 0) return { ...bestF1, ruleMet: false };
  const best = meeting.reduce((b, s) =>
    s.prf.recall > b.prf.recall || (s.prf.recall === b.prf.recall && s.prf.f1 > b.prf.f1) ? s : b,
  );
  return { ...best, ruleMet: true };
}
