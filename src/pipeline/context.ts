/** Loads the knowledge the pipeline needs, once per process. */
import { loadEntityKnowledge } from '../entities/knowledge.js';
import type { PipelineContext } from './stages.js';

export function loadPipelineContext(): PipelineContext {
  return { entities: loadEntityKnowledge() };
}
