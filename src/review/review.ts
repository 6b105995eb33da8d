/**
 * An analyst's review of an event: confirmed, corrected, dismissed, or reopened. What both
 * backends share: the vocabulary, how a decision follows from the previous one, and how
 * corrections are laid over the machine's record (the machine's values are kept beside them).
 *
 * A review is keyed on something re-extraction and re-fusion keep (docs/architecture.md,
 * "Review"): a per-article event's id (a hash of its article id, trigger offset and place id),
 * and for a fused event the id of the member event it was anchored on (`fe-<event id>`).
 */
import type { EventActor, EventLocation, EventRecord } from '../events/record.js';
import { isOneOf } from '../core/unknown.js';

export const REVIEW_STATUSES = ['unreviewed', 'confirmed', 'corrected', 'dismissed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_ACTIONS = ['confirm', 'correct', 'dismiss', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The fields an analyst may correct, named as in the record. */
export const CORRECTABLE_FIELDS = [
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'location',
  'date',
  'fatalities',
  'injured',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** Corrected values, already resolved (an actor or a place as the record holds it). */
export interface Corrections {
  event_type?: string;
  sub_event_type?: string;
  actor1?: EventActor | null;
  actor2?: EventActor | null;
  location?: EventLocation | null;
  date?: string | null;
  fatalities?: number;
  injured?: number | null;
}

export interface ReviewInput {
  action: ReviewAction;
  /** Only with `correct`. */
  changes?: Corrections;
  note?: string | null;
}

/** The decision in force on one event. */
export interface ReviewState {
  status: ReviewStatus;
  /** Every correction in force (corrections accumulate until the event is reopened). */
  changes: Corrections;
  note: string | null;
  /** When the decision was taken, ISO 8601. */
  at: string;
}

/** One line of the audit trail, never changed once written. */
export interface ReviewEntry {
  /** The key the review is stored under: an event id, or `fe-` and the anchor member's id. */
  target: string;
  action: ReviewAction;
  status: ReviewStatus;
  changes: Corrections;
  /** The values of the corrected fields just before this change (the machine's, or an earlier correction). */
  before: Partial<Record<CorrectableField, unknown>>;
  note: string | null;
  at: string;
}

/** What the API and the exports show of a decision, with the machine's values it replaced. */
export interface ReviewView extends ReviewState {
  machine: Partial<Record<CorrectableField, unknown>>;
}

/** The decision that follows `previous` once `input` is applied. */
export function nextReviewState(previous: ReviewState | null, input: ReviewInput, at: string): ReviewState {
  const note = input.note ?? null;
  switch (input.action) {
    case 'confirm':
      return { status: 'confirmed', changes: previous?.changes ?? {}, note, at };
    case 'dismiss':
      return { status: 'dismissed', changes: previous?.changes ?? {}, note, at };
    case 'reopen':
      // Back to the machine's record: the corrections stay in the audit trail only.
      return { status: 'unreviewed', changes: {}, note, at };
    case 'correct':
      if (!input.changes || Object.keys(input.changes).length === 0)
        throw new ReviewError('a correction needs at least one changed field');
      return { status: 'corrected', changes: { ...(previous?.changes ?? {}), ...input.changes }, note, at };
  }
}

export class ReviewError extends Error {}

/** The values `record` has for the fields `changes` names. */
export function valuesOf(record: EventRecord, changes: Corrections): Partial<Record<CorrectableField, unknown>> {
  const values: Partial<Record<CorrectableField, unknown>> = {};
  for (const field of CORRECTABLE_FIELDS) if (field in changes) values[field] = record[field];
  return values;
}

/**
 * The record with the corrections laid over it; every corrected field names the review as its
 * source (provenance: a human, not a rule, set it). Unchanged when there are none.
 */
export function correctedRecord(machine: EventRecord, changes: Corrections): EventRecord {
  const fields = CORRECTABLE_FIELDS.filter((f) => f in changes);
  if (fields.length === 0) return machine;
  const record: EventRecord = { ...machine, ...changes };
  if ('date' in changes) {
    record.time_precision = changes.date ? 1 : null;
    record.date_reason = changes.date ? null : 'set to unknown by a reviewer';
  }
  if ('location' in changes) record.location_reason = changes.location ? null : 'set to unknown by a reviewer';
  record.sources = [
    ...machine.sources.filter((s) => !isOneOf(fields, s.field)),
    ...fields.map((field) => ({ field, rule: 'review:correction', evidence: null, note: 'corrected by a reviewer' })),
  ];
  return record;
}

/** The record as the store keeps it, and the machine's values the review replaced. */
export function reviewedRecord(
  machine: EventRecord,
  state: ReviewState | null,
): { record: EventRecord; machineValues: Partial<Record<CorrectableField, unknown>> | null } {
  if (!state || Object.keys(state.changes).length === 0) return { record: machine, machineValues: null };
  return { record: correctedRecord(machine, state.changes), machineValues: valuesOf(machine, state.changes) };
}

/** A fused event's review key for the member it is anchored on. */
export function fusedReviewTarget(eventId: string): string {
  return `fe-${eventId}`;
}

/** Whether an id names a fused event (`fe-…`). */
export function isFusedId(id: string): boolean {
  return id.startsWith('fe-');
}

/** What one review changes in the store: the new decision, its audit line, and the record to keep. */
export interface PlannedReview {
  state: ReviewState;
  entry: ReviewEntry;
  /** The record with the decision's corrections over the machine's. */
  record: EventRecord;
  /** The machine's record, kept beside a corrected one; null when nothing is corrected. */
  machineRecord: EventRecord | null;
  view: ReviewView;
}

/**
 * Plans a review of the stored record (`stored`, corrected or not; `machineRecord` the machine's
 * when the stored one is corrected) under the decision in force (`previous`).
 */
export function planReview(args: {
  target: string;
  stored: EventRecord;
  machineRecord: EventRecord | null;
  previous: ReviewState | null;
  input: ReviewInput;
  at: string;
}): PlannedReview {
  const { target, stored, previous, input, at } = args;
  const machine = args.machineRecord ?? stored;
  const state = nextReviewState(previous, input, at);
  const touched: Corrections =
    input.action === 'correct' ? (input.changes ?? {}) : input.action === 'reopen' ? (previous?.changes ?? {}) : {};
  const { record, machineValues } = reviewedRecord(machine, state);
  return {
    state,
    entry: {
      target,
      action: input.action,
      status: state.status,
      changes: input.action === 'correct' ? (input.changes ?? {}) : {},
      before: valuesOf(stored, touched),
      note: state.note,
      at,
    },
    record: { ...record, id: stored.id },
    machineRecord: machineValues ? machine : null,
    view: { ...state, machine: machineValues ?? {} },
  };
}

/** The decision as shown beside an event, with the machine's values it replaced. */
export function reviewView(state: ReviewState, machineRecord: EventRecord | null): ReviewView {
  return { ...state, machine: machineRecord ? valuesOf(machineRecord, state.changes) : {} };
}

/** A decision's status as the stores' `review_status` column holds it: NULL is unreviewed. */
export function statusColumn(state: ReviewState | null): Exclude<ReviewStatus, 'unreviewed'> | null {
  return !state || state.status === 'unreviewed' ? null : state.status;
}

/**
 * A fused event as the store keeps it: the decision's corrections over the machine's merge; a
 * corrected toll is the event's whole range (the machine's range stays in the members).
 */
export function reviewedFused(
  cluster: { record: EventRecord; fatalities_range: [number, number] },
  state: ReviewState | null,
): { record: EventRecord; range: [number, number]; machineRecord: EventRecord | null } {
  const { record, machineValues } = reviewedRecord(cluster.record, state);
  const range: [number, number] =
    state && 'fatalities' in state.changes ? [record.fatalities, record.fatalities] : cluster.fatalities_range;
  return { record, range, machineRecord: machineValues ? cluster.record : null };
}

/** A stored status or action, checked (the stores hold them as text). */
export function storedStatus(value: string): ReviewStatus {
  if (!isOneOf(REVIEW_STATUSES, value)) throw new Error(`stored review status "${value}" is unknown`);
  return value;
}

export function storedAction(value: string): ReviewAction {
  if (!isOneOf(REVIEW_ACTIONS, value)) throw new Error(`stored review action "${value}" is unknown`);
  return value;
}
