/**
 * Scores predicted events against gold events: detection and typing (precision, recall, F1),
 * and the fields of matched pairs (place, date, toll, actors, modality). Pure functions over
 * events and spans; eval/README.md says what each number means.
 */
import type { Span } from '../core/span.js';
import { spanContains, spansOverlap } from '../core/span.js';
import { normalizeForMatch } from '../text/normalize.js';
import { actorMatches, compareActors, type NamedActor } from './actors.js';
import type { GoldEvent, GoldNotEvent } from './gold.js';
import { matchEvents, placeDistanceKm, type DocumentMatch } from './match.js';

/** What scoring reads of a predicted event; an EventRecord (src/events/record.ts) fits. */
export interface PredictedEvent {
  event_type: string;
  sub_event_type: string;
  date: string | null;
  date_text: string | null;
  actor1: NamedActor | null;
  actor2: NamedActor | null;
  location: { name: string; lat: number; lon: number; country?: string } | null;
  fatalities: number | null;
  injured: number | null;
  modality: string;
  /** The words of the source that asserts the event, if any. */
  claimed_by: Span | null;
  /** The organisation that source speaks for, when known. */
  claimed_by_actor?: NamedActor | null;
  trigger: Span;
  evidence: Span[];
}

export interface DocumentInput {
  doc: string;
  gold: GoldEvent[];
  predicted: PredictedEvent[];
  notEvents: GoldNotEvent[];
}

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** `count` of `total`; share is null when there is nothing to count. */
export interface Rate {
  count: number;
  total: number;
  share: number | null;
}

/** How one matched pair's fields compare. Null: the field is not scored for this pair. */
export interface PairScore {
  gold: number;
  predicted: number;
  eventType: boolean;
  subEventType: boolean;
  /** Kilometres between the places, when both have one. */
  km: number | null;
  /** Gold has a place and the prediction none (null when gold has none). */
  placeMissing: boolean | null;
  /** Both places in the same country (null unless both have a place with a country). */
  sameCountry: boolean | null;
  date: boolean;
  dateText: boolean;
  /** Exact toll, for gold tolls that are known (not null). */
  fatalities: boolean | null;
  /** Toll with null and 0 taken as the same value (no count reported), for every pair. */
  fatalitiesNullAsZero: boolean;
  injured: boolean | null;
  injuredNullAsZero: boolean;
  actor1: boolean;
  actor2: boolean;
  modality: boolean;
  /** The predicted claimant overlaps one of gold's (null unless gold names a claimant). */
  claimant: boolean | null;
  /** A claimant predicted for an event gold tells in the outlet's own voice (null otherwise). */
  claimantWhereNone: boolean | null;
  /**
   * For a right claimant: the organisation it speaks for matches gold's for that source (both
   * none counts as a match). Null when the claimant is not right.
   */
  claimantOrganisation: boolean | null;
}

export interface NotEventHit {
  doc: string;
  /** Index of the predicted event whose trigger lies inside the not-event span. */
  predicted: number;
  /** Index of the gold not_events span. */
  notEvent: number;
}

export interface DocumentScores extends DocumentMatch {
  doc: string;
  detection: PRF;
  eventType: PRF;
  pairScores: PairScore[];
  notEventHits: NotEventHit[];
}

export interface PlaceScores {
  /** Matched pairs where both events have coordinates. */
  pairsWithCoordinates: number;
  medianKm: number | null;
  meanKm: number | null;
  within25km: Rate;
  /** Among matched pairs where both events have a place with a country: the same country. */
  rightCountry: Rate;
  /** Among matched pairs whose gold has a place: those predicted without one. */
  goldPlacePredictedNone: Rate;
}

export interface Scores {
  documents: number;
  detection: PRF;
  eventType: PRF;
  subEventType: PRF;
  /** Per event_type: gold counts for recall, predicted counts for precision. */
  byEventType: Record<string, PRF>;
  place: PlaceScores;
  date: Rate;
  dateText: Rate;
  fatalities: { exact: Rate; nullAsZero: Rate };
  injured: { exact: Rate; nullAsZero: Rate };
  actors: { actor1: Rate; actor2: Rate; both: Rate };
  modality: Rate;
  /** Over matched pairs whose gold claimed_by is annotated: right when named, given when none. */
  claimedBy: { right: Rate; givenWhereNone: Rate; organisation: Rate };
  notEvents: { spans: number; spansHit: number; predictedInside: number; hits: NotEventHit[] };
  perDocument: DocumentScores[];
}

export const PLACE_NEAR_KM = 25;

/**
 * P/R/F1 from counts. With nothing to find and nothing found every score is 1; a side with
 * nothing to divide by otherwise scores 0 (a document with no gold event and some predictions
 * has recall 0, not a division by zero).
 */
export function prf(tp: number, predicted: number, gold: number): PRF {
  if (predicted === 0 && gold === 0) return { tp, predicted, gold, precision: 1, recall: 1, f1: 1 };
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = gold === 0 ? 0 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

export function rate(flags: readonly (boolean | null)[]): Rate {
  const scored = flags.filter((f): f is boolean => f !== null);
  const count = scored.filter(Boolean).length;
  return { count, total: scored.length, share: scored.length === 0 ? null : count / scored.length };
}

export function scorePair(
  gold: GoldEvent,
  predicted: PredictedEvent,
  goldIndex: number,
  predictedIndex: number,
): PairScore {
  const actors = compareActors(gold, predicted);
  // Gold's sources the predicted claimant names (its span overlaps one of their mentions).
  const claimed = predicted.claimed_by;
  const claimantSources =
    claimed === null
      ? []
      : (gold.claimed_by ?? []).filter((c) => [c, ...(c.mentions ?? [])].some((m) => spansOverlap(m, claimed)));
  const sameText = (a: string | null, b: string | null) =>
    a === null || b === null ? a === b : normalizeForMatch(a) === normalizeForMatch(b);
  return {
    gold: goldIndex,
    predicted: predictedIndex,
    eventType: gold.event_type === predicted.event_type,
    subEventType: gold.event_type === predicted.event_type && gold.sub_event_type === predicted.sub_event_type,
    km: placeDistanceKm(gold, predicted),
    placeMissing: gold.location === null ? null : predicted.location === null,
    sameCountry:
      gold.location === null || !predicted.location?.country
        ? null
        : gold.location.country === predicted.location.country,
    date: gold.date === predicted.date,
    dateText: sameText(gold.date_text, predicted.date_text),
    fatalities: gold.fatalities === null ? null : gold.fatalities === predicted.fatalities,
    fatalitiesNullAsZero: (gold.fatalities ?? 0) === (predicted.fatalities ?? 0),
    injured: gold.injured === null ? null : gold.injured === predicted.injured,
    injuredNullAsZero: (gold.injured ?? 0) === (predicted.injured ?? 0),
    actor1: actors.actor1,
    actor2: actors.actor2,
    modality: gold.modality === predicted.modality,
    claimant: gold.claimed_by === undefined || gold.claimed_by.length === 0 ? null : claimantSources.length > 0,
    claimantWhereNone: gold.claimed_by?.length === 0 ? predicted.claimed_by !== null : null,
    claimantOrganisation:
      claimantSources.length === 0
        ? null
        : claimantSources.some((c) => actorMatches(c.organisation, predicted.claimed_by_actor ?? null)),
  };
}

export function scoreDocument(input: DocumentInput): DocumentScores {
  const match = matchEvents(input.gold, input.predicted);
  const pairScores = match.pairs.map((p) =>
    scorePair(input.gold[p.gold], input.predicted[p.predicted], p.gold, p.predicted),
  );
  const notEventHits: NotEventHit[] = [];
  input.predicted.forEach((p, predicted) => {
    const notEvent = input.notEvents.findIndex((n) => spanContains(n, p.trigger));
    if (notEvent !== -1) notEventHits.push({ doc: input.doc, predicted, notEvent });
  });
  return {
    doc: input.doc,
    ...match,
    detection: prf(match.pairs.length, input.predicted.length, input.gold.length),
    eventType: prf(pairScores.filter((p) => p.eventType).length, input.predicted.length, input.gold.length),
    pairScores,
    notEventHits,
  };
}

export function scoreDocuments(inputs: readonly DocumentInput[]): Scores {
  const perDocument = inputs.map(scoreDocument);
  const pairs = perDocument.flatMap((d) => d.pairScores);
  const nGold = sum(inputs.map((d) => d.gold.length));
  const nPredicted = sum(inputs.map((d) => d.predicted.length));
  const kms = pairs.flatMap((p) => (p.km === null ? [] : [p.km]));
  const hits = perDocument.flatMap((d) => d.notEventHits);
  return {
    documents: inputs.length,
    detection: prf(pairs.length, nPredicted, nGold),
    eventType: prf(pairs.filter((p) => p.eventType).length, nPredicted, nGold),
    subEventType: prf(pairs.filter((p) => p.subEventType).length, nPredicted, nGold),
    byEventType: scoreByEventType(inputs, perDocument),
    place: {
      pairsWithCoordinates: kms.length,
      medianKm: median(kms),
      meanKm: kms.length === 0 ? null : sum(kms) / kms.length,
      within25km: rate(kms.map((km) => km <= PLACE_NEAR_KM)),
      rightCountry: rate(pairs.map((p) => p.sameCountry)),
      goldPlacePredictedNone: rate(pairs.map((p) => p.placeMissing)),
    },
    date: rate(pairs.map((p) => p.date)),
    dateText: rate(pairs.map((p) => p.dateText)),
    fatalities: {
      exact: rate(pairs.map((p) => p.fatalities)),
      nullAsZero: rate(pairs.map((p) => p.fatalitiesNullAsZero)),
    },
    injured: { exact: rate(pairs.map((p) => p.injured)), nullAsZero: rate(pairs.map((p) => p.injuredNullAsZero)) },
    actors: {
      actor1: rate(pairs.map((p) => p.actor1)),
      actor2: rate(pairs.map((p) => p.actor2)),
      both: rate(pairs.map((p) => p.actor1 && p.actor2)),
    },
    modality: rate(pairs.map((p) => p.modality)),
    claimedBy: {
      right: rate(pairs.map((p) => p.claimant)),
      givenWhereNone: rate(pairs.map((p) => p.claimantWhereNone)),
      organisation: rate(pairs.map((p) => p.claimantOrganisation)),
    },
    notEvents: {
      spans: sum(inputs.map((d) => d.notEvents.length)),
      spansHit: new Set(hits.map((h) => `${h.doc}\u0000${h.notEvent}`)).size,
      predictedInside: hits.length,
      hits,
    },
    perDocument,
  };
}

function scoreByEventType(inputs: readonly DocumentInput[], scored: readonly DocumentScores[]): Record<string, PRF> {
  const counts = new Map<string, { tp: number; predicted: number; gold: number }>();
  const countsOf = (type: string) => {
    let c = counts.get(type);
    if (c === undefined) counts.set(type, (c = { tp: 0, predicted: 0, gold: 0 }));
    return c;
  };
  inputs.forEach((input, i) => {
    for (const g of input.gold) countsOf(g.event_type).gold++;
    for (const p of input.predicted) countsOf(p.event_type).predicted++;
    for (const pair of scored[i].pairScores) if (pair.eventType) countsOf(input.gold[pair.gold].event_type).tp++;
  });
  return Object.fromEntries(
    [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([type, c]) => [type, prf(c.tp, c.predicted, c.gold)]),
  );
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
