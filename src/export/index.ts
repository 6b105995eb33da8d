/** Writing fused events out in interchange formats: ACLED CSV, GeoJSON, JSON lines, PLOVER lines. */
export {
  exportFusedEvents,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportFilters,
  type ExportOptions,
  type ExportSummary,
} from './export.js';
export { exportContext, acledEventId, type ExportContext } from './context.js';
export {
  ACLED_COLUMNS,
  acledRow,
  acledCsvRecord,
  acledHeader,
  acledTags,
  interactionCode,
  type AcledColumn,
  type AcledRow,
} from './acled.js';
export { eventFeature, type EventFeature } from './geojson.js';
export { jsonlLine, ploverLine } from './lines.js';
export { acledNotes } from './notes.js';
export { acledRegion, ACLED_REGIONS } from './regions.js';
export {
  loadOutlets,
  sourceNames,
  sourceScale,
  combinedSourceScale,
  type OutletTable,
  type SourceScale,
} from './sources.js';
export { csvField, csvRecord } from './csv.js';
export type { FusedEvent, FusedMember, FusedEventSource } from './fused.js';
