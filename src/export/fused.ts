/** The fused events the export reads (the store's type, src/store/repository.ts). */
import type { EventQuery, FusedEvent } from '../store/repository.js';

export type { FusedEvent, FusedMember } from '../store/repository.js';

/** What the export needs from a store: pages of fused events. */
export interface FusedEventSource {
  listFusedEvents(query: EventQuery): Promise<FusedEvent[]>;
}
