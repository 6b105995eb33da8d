/** A possible entity found by one classifier; the solver picks a consistent set of them. */
import type { Span } from '../core/span.js';
import type { EntityType, NameEntry } from './name-index.js';

export type CandidateSource = 'dictionary' | 'pattern' | 'tagger';

export interface EntityCandidate extends Span {
  type: EntityType;
  /** Index of the first token and one past the last (a glued part stays inside one token). */
  tokenStart: number;
  tokenEnd: number;
  /** Knowledge entries the words name, best first; empty for names the dictionaries lack. */
  entries: NameEntry[];
  source: CandidateSource;
  rule: string;
  confidence: number;
  /** A direction word before the name ("جنوب طرابلس", "جنوبطرابلس"): normalised, or null. */
  direction: string | null;
}
