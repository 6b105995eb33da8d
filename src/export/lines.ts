/** The line-per-event formats: `jsonl` (Marsad's own record) and `plover` (POLECAT-like). */
import type { EventActor } from '../events/record.js';
import type { FusedEvent } from './fused.js';
import { eventCountryCode, type ExportContext } from './context.js';
import { interactionCode } from './acled.js';
import { sourceNames } from './sources.js';

/** The fused record with its id, its members (event and article) and the range of tolls. */
export function jsonlLine(fused: FusedEvent): string {
  const { record, members, fatalities_range, explanation } = fused;
  return `${JSON.stringify({ ...record, id: fused.id, members, fatalities_range, explanation })}\n`;
}

/** ACLED's actor types, named as POLECAT names an actor's sector. */
const ACTOR_TYPES: Record<number, string> = {
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

function ploverActor(a: EventActor, ctx: ExportContext, country: string | null) {
  return {
    id: a.id,
    name: a.name,
    name_ar: a.name_ar,
    country: (country && ctx.countryByIso2.get(country)?.iso3) ?? null,
    sector: ACTOR_TYPES[a.inter] ?? null,
    inter: a.inter,
  };
}

/**
 * One event in a POLECAT/PLOVER-like shape (documented in README.md): PLOVER type and mode
 * first, actor and recipient, location, dates, the ACLED coding kept beside it, and the
 * evidence sentences as written in the articles.
 */
export function ploverLine(fused: FusedEvent, ctx: ExportContext): string {
  const r = fused.record;
  const iso2 = eventCountryCode(r.location, ctx);
  const country = iso2 ? ctx.countryByIso2.get(iso2) : undefined;
  const actor = (a: EventActor) => ploverActor(a, ctx, iso2);
  const articles = fused.members.map((m) => m.article);
  const published = articles
    .map((a) => a.published)
    .filter((d): d is string => d !== null)
    .sort();
  const event = {
    event_id: fused.id,
    event_date: r.date,
    date_precision: r.time_precision,
    story_date: published[0] ?? null,
    event_type: r.plover.type,
    mode: r.plover.mode,
    modality: r.modality,
    actor: r.actor1 ? actor(r.actor1) : null,
    actor_allies: r.assoc_actor_1.map(actor),
    recipient: r.actor2 ? actor(r.actor2) : null,
    recipient_allies: r.assoc_actor_2.map(actor),
    location: r.location
      ? {
          id: r.location.id,
          name: r.location.name,
          name_ar: r.location.name_ar,
          country: country?.iso3 ?? iso2,
          admin1: r.location.admin1,
          admin2: r.location.admin2 ?? null,
          lat: r.location.lat,
          lon: r.location.lon,
          geo_precision: r.location.geo_precision,
          direction: r.location.direction ?? null,
        }
      : null,
    country: country?.iso3 ?? iso2,
    acled: {
      event_type: r.event_type,
      sub_event_type: r.sub_event_type,
      disorder_type: r.disorder_type,
      interaction: interactionCode(r.actor1?.inter ?? null, r.actor2?.inter ?? null),
    },
    fatalities: fused.fatalities_range[0],
    fatalities_range: fused.fatalities_range,
    injured: r.injured,
    context: {
      trigger: r.trigger.text,
      date_text: r.date_text,
      claimed_by: r.claimed_by?.text ?? null,
      claimed_by_actor: r.claimed_by_actor?.name ?? null,
      evidence: r.evidence.map((e) => e.text),
    },
    sources: sourceNames(articles),
    articles,
    confidence: r.confidence,
  };
  return `${JSON.stringify(event)}\n`;
}
