import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import {
  addDbOption,
  addEventFilterOptions,
  eventQueryOf,
  parseCount,
  withDb,
  type EventFilterOptions,
} from '../options.js';
import {
  EXPORT_FORMATS,
  exportContext,
  exportFusedEvents,
  type ExportFormat,
  type ExportSummary,
} from '../../export/index.js';
import type { FusedEventSource } from '../../export/fused.js';
import { errorCode, isOneOf } from '../../core/unknown.js';

interface ExportCliOptions extends EventFilterOptions {
  db?: string;
  format: string;
  out?: string;
  bom?: boolean;
  country?: string;
  pageSize?: number;
}

export function registerExport(program: Command): void {
  const command = addDbOption(
    program
      .command('export')
      .description(
        'write the stored fused events (one per occurrence, every source kept) as ACLED CSV, GeoJSON, JSON lines or PLOVER lines',
      )
      .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`),
  );
  addEventFilterOptions(command, { country: false })
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--bom', 'start acled-csv with a UTF-8 byte order mark (for Excel)')
    .option('--country <iso2>', 'country of events with no place (ISO alpha-2; default: left empty)')
    .option('--page-size <n>', 'events read from the store at a time', parseCount)
    .action(async (opts: ExportCliOptions) => {
      const format = opts.format;
      if (!isOneOf(EXPORT_FORMATS, format)) {
        throw new Error(`unknown --format "${format}": expected one of ${EXPORT_FORMATS.join(', ')}`);
      }
      const summary = await withDb(opts, (repo) => exportTo(repo, format, opts));
      if (summary) process.stderr.write(`${formatExportSummary(format, summary, opts.out)}\n`);
    });
}

async function exportTo(
  source: FusedEventSource,
  format: ExportFormat,
  opts: ExportCliOptions,
): Promise<ExportSummary | null> {
  const options = {
    format,
    filters: eventQueryOf(opts, false),
    context: exportContext({ defaultCountry: opts.country?.toUpperCase() ?? null }),
    bom: opts.bom,
    pageSize: opts.pageSize || undefined,
  };
  if (!opts.out) {
    try {
      return await exportFusedEvents(source, process.stdout, options);
    } catch (err) {
      // The reader closed the pipe (`| head`): it has what it wanted.
      if (errorCode(err) === 'EPIPE') return null;
      throw err;
    }
  }
  // Written beside the target and renamed at the end, so a failed export never leaves half a file under its name.
  const partial = `${opts.out}.partial`;
  const file: Writable = createWriteStream(partial);
  try {
    const summary = await exportFusedEvents(source, file, options);
    file.end();
    await finished(file);
    await rename(partial, opts.out);
    return summary;
  } catch (err) {
    file.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

export function formatExportSummary(format: ExportFormat, s: ExportSummary, out?: string): string {
  const parts = [
    `exported ${s.written} of ${s.read} fused event${s.read === 1 ? '' : 's'} as ${format}${out ? ` to ${out}` : ''}`,
  ];
  if (s.skippedNoDate) parts.push(`${s.skippedNoDate} skipped without a date (ACLED rows need one)`);
  if (s.skippedNoLocation) parts.push(`${s.skippedNoLocation} skipped without coordinates`);
  if (s.writtenNoLocation) parts.push(`${s.writtenNoLocation} written without a place`);
  return parts.join('; ');
}
