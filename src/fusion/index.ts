/** Cross-source fusion of events: one fused event per real-world occurrence, with every source. */
export { fuseAll, fusePending, fusedId, partition, explain, type FusionSummary, type PlannedCluster } from './fuse.js';
export { mergeRecords } from './merge.js';
export {
  actorRule,
  candidateWindows,
  dateRule,
  familyTypes,
  placeRule,
  sameOccurrence,
  typeFamily,
  typeRule,
  NEAR_KM,
  type RuleResult,
} from './rules.js';
