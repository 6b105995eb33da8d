let cached: PipelineContext | null = null;

/** Loads the knowledge the pipeline needs, once per process. */
import { loadEntityKnowledge } from '../entities/knowledge.js';
import { loadEventKnowledge } from '../events/extract.js';
import type { PipelineContext } from './stages.js';

export function loadPipelineContext(): PipelineContext {
  cached ??= { entities: loadEntityKnowledge(), events: loadEventKnowledge() };
  return cached;
}
