/**
 * A mention: one trigger (or a toll told with its agent) that the rules and the judge kept as
 * reporting an event, with the arguments attached to it. Mentions of one occurrence merge into
 * one event (merge.ts) before the record is built.
 */
import type { Span } from '../core/span.js';
import type { TemporalExpression } from '../text/temporal.js';
import type { attachActors, Claimant, PlaceArgument } from './arguments.js';
import type { EventCandidate } from './candidates.js';
import type { Modality } from './record.js';
import type { TollFigure } from './toll.js';
import type { TriggerMatch } from './triggers.js';

/** The violent event types: they carry tolls, and a strike or a seizure folds into them. */
export const VIOLENT: ReadonlySet<string> = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Riots',
]);

/** One trigger that reports an event, with its arguments. */
export interface Mention {
  trigger: TriggerMatch;
  sentence: number;
  clause: Span;
  event_type: string;
  sub_event_type: string;
  plover: { type: string; mode: string | null };
  modality: Modality;
  claimant: Claimant | null;
  place: PlaceArgument | null;
  actors: ReturnType<typeof attachActors>;
  date: { temporal: TemporalExpression; rule: string } | null;
  tolls: TollFigure[];
  evidence: Span[];
  triggers: Span[];
  rules: string[];
  /** The candidates this mention stands for: its own, then those merged into it. */
  candidates: EventCandidate[];
}
