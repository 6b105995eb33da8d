/** Loads the knowledge the pipeline needs, once per process (the tagger's model only when asked). */
import { loadEntityKnowledge } from '../entities/knowledge.js';
import { loadEventKnowledge } from '../events/extract.js';
import type { PipelineContext } from './stages.js';

const cached = new Map<boolean, PipelineContext>();

export function loadPipelineContext(options: { withTagger?: boolean } = {}): PipelineContext {
  const withTagger = options.withTagger !== false;
  let context = cached.get(withTagger);
  if (!context) {
    context = withTagger
      ? { entities: loadEntityKnowledge(), events: loadEventKnowledge() }
      : { entities: loadEntityKnowledge({ withTagger: false }), events: loadEventKnowledge(), taggerScope: 'none' };
    cached.set(withTagger, context);
  }
  return context;
}
