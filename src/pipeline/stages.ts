/** The pipeline's stages, in the order they run. */
import type { Doc } from '../core/document.js';
import { segmentSentences } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { findNumbers } from '../text/numbers.js';
import { findTemporals } from '../text/temporal.js';
import { recognizeEntities } from '../entities/recognize.js';
import type { EntityKnowledge } from '../entities/knowledge.js';
import { extractEventsExplained, triggerSentences, type EventKnowledge } from '../events/extract.js';
import { findCues, findTriggers } from '../events/triggers.js';

/** Knowledge shared by every document of a run, loaded once. */
export interface PipelineContext {
  entities: EntityKnowledge;
  events: EventKnowledge;
  /**
   * Where the statistical tagger runs: every sentence (`marsad entities`), only sentences with
   * an event trigger (the default: it is the costliest stage, and dictionaries and patterns
   * still cover the rest), or nowhere (`ingest`: events use resolved names only, and the
   * tagger's unknown names are not stored).
   */
  taggerScope?: 'all' | 'event-sentences' | 'none';
}

export interface Stage {
  name: string;
  run(doc: Doc, context: PipelineContext): Doc;
}

function taggedSentences(doc: Doc, scope: NonNullable<PipelineContext['taggerScope']>): ReadonlySet<number> | null {
  if (scope === 'all') return null;
  return scope === 'none' ? new Set() : triggerSentences(doc);
}

export const STAGES: readonly Stage[] = [
  // Text: where sentences and words are, with their clitics.
  { name: 'sentences', run: (doc) => ({ ...doc, sentences: segmentSentences(doc.view) }) },
  { name: 'tokens', run: (doc) => ({ ...doc, tokens: tokenize(doc.view, doc.sentences) }) },
  // Quantities and time, resolved against the publication date.
  { name: 'numbers', run: (doc) => ({ ...doc, numbers: findNumbers(doc.view) }) },
  { name: 'temporals', run: (doc) => ({ ...doc, temporals: findTemporals(doc.view, doc.article.published) }) },
  // Event words and cues, found early: they tell the tagger which sentences matter.
  {
    name: 'triggers',
    run: (doc, ctx) => ({
      ...doc,
      triggers: findTriggers(doc.view, ctx.events.triggers),
      cues: findCues(doc.view, ctx.events.cues),
    }),
  },
  // Names: recognised by dictionaries, patterns and the tagger, then resolved.
  {
    name: 'entities',
    run: (doc, ctx) => ({
      ...doc,
      entities: recognizeEntities(doc, ctx.entities, taggedSentences(doc, ctx.taggerScope ?? 'event-sentences')),
    }),
  },
  // Events: every trigger a candidate with its verdict; arguments; mentions merged into events.
  {
    name: 'events',
    run: (doc, ctx) => {
      const { events, candidates } = extractEventsExplained(doc, ctx);
      return { ...doc, events, candidates };
    },
  },
];
