/**
 * The document the pipeline works on. Stages are pure functions that take a document and return
 * a new one with more layers filled in (see src/pipeline/stages.ts). Every layer's positions are
 * spans into `article.text`, the original body.
 */
import type { Article } from './article.js';
import type { Span } from './span.js';
import type { NormalizedText } from '../text/normalize.js';
import type { TemporalExpression } from '../text/temporal.js';
import type { Entity } from '../entities/recognize.js';
import type { EventCandidate } from '../events/candidates.js';
import type { EventRecord } from '../events/record.js';
import type { CueMatch, TriggerMatch } from '../events/triggers.js';

export type TokenKind = 'word' | 'number' | 'latin' | 'punct' | 'symbol';

export interface Token extends Span {
  /** The token as written: `original.slice(start, end)`. */
  text: string;
  /** The token's normalised surface (see normalize.ts). */
  norm: string;
  kind: TokenKind;
  /** Normalised proclitics split off the front, in order, e.g. ['و', 'ب', 'ال'] for وبالمدينة. */
  proclitics: readonly string[];
  /** The normalised word without its proclitics (the form dictionaries are matched against). */
  stem: string;
  /** Original offset where the stem begins (`start` when there is no proclitic). */
  stemStart: number;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  /** True for a headline or sub-heading: a short line with no final stop. */
  heading: boolean;
}

export interface NumberMention extends Span {
  value: number;
  /** True for vague quantities (عشرات، مئات، عدد من) whose value is a convention. */
  vague: boolean;
  /** How it was written: 'digits' | 'words' | 'mixed' (e.g. "3 آلاف"). */
  form: 'digits' | 'words' | 'mixed';
}

export interface ResolvedDate {
  /** `YYYY-MM-DD`, or null when it cannot be resolved. */
  date: string | null;
  /** 1 exact day, 2 week, 3 month (events.md). Null with the date. */
  timePrecision: 1 | 2 | 3 | null;
  /** Why the date is null, when it is. */
  reason: string | null;
}

export interface TemporalMention extends Span {
  /** What kind of expression: absolute date, weekday, relative day, relative period, year … */
  kind: 'absolute' | 'weekday' | 'relative' | 'period' | 'year' | 'month';
  /** Time of day when the expression names one (morning, evening, night …). */
  partOfDay: string | null;
  resolved: ResolvedDate;
  /** The rule that recognised it. */
  rule: string;
  /** The year it falls in when known, also for a year alone ("عام 2011"), whose date stays null. */
  year?: number | null;
}

export interface Doc {
  article: Article;
  /** The normalised view of `article.text` with its offset maps. */
  view: NormalizedText;
  sentences: Sentence[];
  tokens: Token[];
  numbers: NumberMention[];
  temporals: TemporalExpression[];
  /** Words that may report an event, and the cues of modality, attribution, place and toll. */
  triggers: TriggerMatch[];
  cues: CueMatch[];
  /** Recognised and resolved names (people, organisations, places). */
  entities: Entity[];
  /** Events the article reports, coded in the taxonomy of events.md. */
  events: EventRecord[];
  /** Every candidate mention the events stage weighed, with its verdict and the rule behind it. */
  candidates: EventCandidate[];
}
