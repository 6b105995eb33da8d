/**
 * GeoJSON (RFC 7946): a FeatureCollection of Point features, one per fused event with a place,
 * written piece by piece so that a large export never sits in memory. Properties are flat
 * (one value per key, lists as arrays) so GIS tools can show them as columns.
 */
import { codedColumns, type EventActor } from '../events/record.js';
import type { FusedEvent } from './fused.js';
import { acledEventId, type ExportContext } from './context.js';
import { interactionCode } from './acled.js';
import { sourceNames } from './sources.js';

export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string | number | boolean | null | (string | number)[]>;
}

const names = (actors: EventActor[]) => actors.map((a) => a.name);

/** The feature of a fused event, or null when it has no place to draw. */
export function eventFeature(fused: FusedEvent, ctx: ExportContext): EventFeature | null {
  const r = fused.record;
  const loc = r.location;
  if (!loc) return null;
  const iso2 = loc.country;
  const country = ctx.countryByIso2.get(iso2);
  const articles = fused.members.map((m) => m.article);
  return {
    type: 'Feature',
    id: fused.id,
    // RFC 7946: longitude first.
    geometry: { type: 'Point', coordinates: [loc.lon, loc.lat] },
    properties: {
      id: fused.id,
      event_id_cnty: acledEventId(fused.id, country?.iso3 ?? iso2),
      ...codedColumns(r),
      actor1: r.actor1?.name ?? null,
      actor1_ar: r.actor1?.name_ar ?? null,
      inter1: r.actor1?.inter ?? null,
      assoc_actor_1: names(r.assoc_actor_1),
      actor2: r.actor2?.name ?? null,
      actor2_ar: r.actor2?.name_ar ?? null,
      inter2: r.actor2?.inter ?? null,
      assoc_actor_2: names(r.assoc_actor_2),
      interaction: interactionCode(r.actor1?.inter ?? null, r.actor2?.inter ?? null),
      location: loc.name,
      location_ar: loc.name_ar,
      location_id: loc.id,
      admin1: loc.admin1,
      admin2: loc.admin2 ?? null,
      country: country?.name_en ?? iso2,
      iso3: country?.iso3 ?? null,
      geo_precision: loc.geo_precision,
      direction: loc.direction ?? null,
      fatalities: fused.fatalities_range[0],
      fatalities_max: fused.fatalities_range[1],
      injured: r.injured,
      modality: r.modality,
      confidence: r.confidence,
      sources: sourceNames(articles),
      urls: articles.map((a) => a.url).filter((u): u is string => u !== null),
      article_ids: articles.map((a) => a.id),
      reports: fused.members.length,
      outlets: fused.outlets,
      review_status: fused.review?.status ?? 'unreviewed',
    },
  };
}

export const GEOJSON_HEADER = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_FOOTER = '\n]}\n';
/** Written before every feature but the first. */
export const GEOJSON_SEPARATOR = ',\n';
