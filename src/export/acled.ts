/**
 * One ACLED row per fused event: ACLED's columns in ACLED's order with ACLED's value
 * conventions (see README.md in this folder for each choice).
 */
import type { EventActor, EventRecord } from '../events/record.js';
import type { FusedEvent } from './fused.js';
import { acledEventId, eventCountryCode, type ExportContext } from './context.js';
import { acledRegion } from './regions.js';
import { combinedSourceScale, sourceNames, sourceScale } from './sources.js';
import { acledNotes } from './notes.js';
import { csvRecord } from './csv.js';

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string | number | null>;

/** ACLED's inter code of the CIVILIANS actor type. */
const CIVILIANS = 7;

/**
 * The two actors' inter codes as one number, lower first (12, never 21); a single actor's code
 * followed by 0 (10); null with no actor.
 */
export function interactionCode(inter1: number | null, inter2: number | null): number | null {
  const codes = [inter1, inter2].filter((c): c is number => c !== null).sort((a, b) => a - b);
  if (codes.length === 0) return null;
  return codes.length === 1 ? codes[0] * 10 : codes[0] * 10 + codes[1];
}

const names = (actors: EventActor[]) => actors.map((a) => a.name).join('; ');

/** Short machine-readable remarks ACLED keeps in `tags`, joined with "; ". */
export function acledTags(fused: FusedEvent): string {
  const r = fused.record;
  const [low, high] = fused.fatalities_range;
  const tags: string[] = [];
  if (r.modality !== 'asserted') tags.push(r.modality);
  if (low !== high) tags.push(`fatalities range ${low}-${high}`);
  if (r.injured) tags.push(`injured ${r.injured}`);
  if (r.location?.geo_precision === 2)
    tags.push(`geo_precision 2: ${r.location.direction ? `${r.location.direction} of` : 'near'}`);
  if (!r.location) tags.push('no location');
  if (fused.members.length > 1) tags.push(`reports ${fused.members.length}`);
  // A human's decision: ACLED's columns stay ACLED's, so the review status is a tag.
  if (fused.review && fused.review.status !== 'unreviewed') tags.push(`review ${fused.review.status}`);
  return tags.join('; ');
}

/** The ACLED row of a fused event with a date (rows without one are not ACLED rows). */
export function acledRow(fused: FusedEvent, ctx: ExportContext): AcledRow {
  const r: EventRecord = fused.record;
  const iso2 = eventCountryCode(r.location, ctx);
  const country = iso2 ? ctx.countryByIso2.get(iso2) : undefined;
  // An event of no known country keeps an id without a country prefix rather than a guessed one.
  const iso3 = country?.iso3 ?? iso2 ?? '';
  const inter1 = r.actor1?.inter ?? null;
  const inter2 = r.actor2?.inter ?? null;
  const articles = fused.members.map((m) => m.article);
  const iso3Of = (code: string) => ctx.countryByIso2.get(code)?.iso3 ?? null;
  return {
    event_id_cnty: acledEventId(fused.id, iso3),
    event_date: r.date,
    year: r.date ? Number(r.date.slice(0, 4)) : null,
    time_precision: r.time_precision,
    disorder_type: r.disorder_type,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1?.name ?? null,
    assoc_actor_1: names(r.assoc_actor_1),
    inter1,
    actor2: r.actor2?.name ?? null,
    assoc_actor_2: names(r.assoc_actor_2),
    inter2,
    interaction: interactionCode(inter1, inter2),
    civilian_targeting: inter2 === CIVILIANS ? 'Civilian targeting' : null,
    iso: country?.isoNumeric ?? null,
    region: country ? acledRegion(country.iso3) : null,
    country: country?.name_en ?? iso2,
    admin1: r.location?.admin1 ?? null,
    admin2: r.location?.admin2 ?? null,
    admin3: null,
    location: r.location?.name ?? null,
    latitude: r.location ? r.location.lat.toFixed(4) : null,
    longitude: r.location ? r.location.lon.toFixed(4) : null,
    geo_precision: r.location?.geo_precision ?? null,
    source: sourceNames(articles).join('; '),
    source_scale: combinedSourceScale(articles.map((a) => sourceScale(a, iso2, iso3Of, ctx.outlets))),
    notes: acledNotes(r, fused.fatalities_range),
    fatalities: fused.fatalities_range[0],
    tags: acledTags(fused),
    timestamp: ctx.timestamp,
  };
}

export function acledHeader(): string {
  return csvRecord(ACLED_COLUMNS);
}

export function acledCsvRecord(fused: FusedEvent, ctx: ExportContext): string {
  const row = acledRow(fused, ctx);
  return csvRecord(ACLED_COLUMNS.map((c) => row[c]));
}
