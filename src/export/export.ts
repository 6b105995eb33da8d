/**
 * `marsad export`: pages through the store's fused events and writes them in one format as it
 * goes, so memory stays flat however many events match.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { EventQuery } from '../store/repository.js';
import type { FusedEvent, FusedEventSource } from './fused.js';
import type { ExportContext } from './context.js';
import { acledCsvRecord, acledHeader } from './acled.js';
import { eventFeature, GEOJSON_FOOTER, GEOJSON_HEADER, GEOJSON_SEPARATOR } from './geojson.js';
import { jsonlLine, ploverLine } from './lines.js';

export const EXPORT_FORMATS = ['acled-csv', 'geojson', 'jsonl', 'plover'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFilters = Omit<EventQuery, 'limit' | 'offset' | 'sort' | 'ids' | 'articleId'>;

export interface ExportOptions {
  format: ExportFormat;
  filters?: ExportFilters;
  context: ExportContext;
  /** Fused events read from the store at a time. */
  pageSize?: number;
  /** Starts acled-csv with a UTF-8 byte order mark, which Excel needs to read it as UTF-8. */
  bom?: boolean;
}

export interface ExportSummary {
  /** Fused events that matched the filters. */
  read: number;
  written: number;
  /** Left out of acled-csv: ACLED rows must have a date. */
  skippedNoDate: number;
  /** Left out of geojson: a feature needs a point. */
  skippedNoLocation: number;
  /** Written to acled-csv with empty location and coordinates. */
  writtenNoLocation: number;
}

const DEFAULT_PAGE_SIZE = 1000;

async function write(out: Writable, chunk: string): Promise<void> {
  if (chunk && !out.write(chunk)) await once(out, 'drain');
}

/** How one format starts, writes one event (or skips it, returning null), and ends. */
interface FormatWriter {
  header: string;
  event(fused: FusedEvent, first: boolean, summary: ExportSummary): string | null;
  footer: string;
}

function formatWriter(options: ExportOptions): FormatWriter {
  const ctx = options.context;
  switch (options.format) {
    case 'acled-csv':
      return {
        header: (options.bom ? '\ufeff' : '') + acledHeader(),
        event: (fused, _first, summary) => {
          if (!fused.record.date) {
            summary.skippedNoDate++;
            return null;
          }
          if (!fused.record.location) summary.writtenNoLocation++;
          return acledCsvRecord(fused, ctx);
        },
        footer: '',
      };
    case 'geojson':
      return {
        header: GEOJSON_HEADER,
        event: (fused, first, summary) => {
          const feature = eventFeature(fused, ctx);
          if (!feature) {
            summary.skippedNoLocation++;
            return null;
          }
          return (first ? '' : GEOJSON_SEPARATOR) + JSON.stringify(feature);
        },
        footer: GEOJSON_FOOTER,
      };
    case 'jsonl':
      return { header: '', event: (fused) => jsonlLine(fused), footer: '' };
    case 'plover':
      return { header: '', event: (fused) => ploverLine(fused, ctx), footer: '' };
  }
}

export async function exportFusedEvents(
  source: FusedEventSource,
  out: Writable,
  options: ExportOptions,
): Promise<ExportSummary> {
  const summary: ExportSummary = { read: 0, written: 0, skippedNoDate: 0, skippedNoLocation: 0, writtenNoLocation: 0 };
  const writer = formatWriter(options);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  await write(out, writer.header);
  // Oldest first, with the store's id tie-break, so that offsets page through a stable order.
  for (let offset = 0; ; offset += pageSize) {
    const page = await source.listFusedEvents({ ...options.filters, sort: 'date-asc', limit: pageSize, offset });
    let chunk = '';
    for (const fused of page) {
      summary.read++;
      const text = writer.event(fused, summary.written === 0, summary);
      if (text === null) continue;
      summary.written++;
      chunk += text;
    }
    await write(out, chunk);
    if (page.length < pageSize) break;
  }
  await write(out, writer.footer);
  return summary;
}
