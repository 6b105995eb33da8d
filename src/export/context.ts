/** What every export format needs besides the events: the country table and the export time. */
import { createHash } from 'node:crypto';
import { loadGazetteer, type Country } from '../knowledge/places.js';
import { loadOutlets, type OutletTable } from './sources.js';

export interface ExportContext {
  countryByIso2: ReadonlyMap<string, Country>;
  outlets: OutletTable;
  /** Unix seconds of the export, ACLED's `timestamp`. */
  timestamp: number;
  /**
   * ISO alpha-2 of the country the user says an event with no place belongs to (`--country`),
   * or null: such an event's country stays empty rather than guessed.
   */
  defaultCountry: string | null;
}

export function exportContext(
  options: {
    now?: Date;
    defaultCountry?: string | null;
    countryByIso2?: ReadonlyMap<string, Country>;
    outlets?: OutletTable;
  } = {},
): ExportContext {
  return {
    countryByIso2: options.countryByIso2 ?? loadGazetteer().countryByIso2,
    outlets: options.outlets ?? loadOutlets(),
    timestamp: Math.floor((options.now ?? new Date()).getTime() / 1000),
    defaultCountry: options.defaultCountry ?? null,
  };
}

/** ISO alpha-2 of the event's country: its place's, else the one the user gave, else null. */
export function eventCountryCode(location: { country: string } | null, ctx: ExportContext): string | null {
  return location?.country ?? ctx.defaultCountry;
}

/**
 * ACLED's `event_id_cnty`: ISO alpha-3 and a number. The number is the first 48 bits of the
 * SHA-256 of the fused event's id, so it is the same in every export of the same event and
 * collides with odds of about one in a thousand among a million events.
 */
export function acledEventId(fusedId: string, iso3: string): string {
  const hash = createHash('sha256').update(fusedId).digest('hex');
  return `${iso3}${parseInt(hash.slice(0, 12), 16)}`;
}
