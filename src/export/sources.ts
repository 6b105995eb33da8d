/**
 * ACLED's `source` and `source_scale` for a fused event. A source is the outlet's name, or the
 * host of its URL when the article names no outlet. The scale of one source, relative to the
 * event's country:
 *   National       an outlet based in the event's country;
 *   Regional       an outlet based elsewhere in the same ACLED region, or a pan-Arab outlet for
 *                  an event in the Middle East or Northern Africa;
 *   International  a world outlet or agency, or a pan-Arab outlet for an event elsewhere;
 *   New media      social networks and messaging channels;
 *   Other          an outlet the table below does not know.
 * The scales of the sources are joined with "-" in ACLED's order ("National-International").
 */
import type { ArticleRef } from '../events/record.js';
import { findOutlet, hostOf, type OutletTable } from '../knowledge/outlets.js';
import { acledRegion } from './regions.js';

export { loadOutlets, type OutletTable } from '../knowledge/outlets.js';

/** The outlet names of the articles (else their URLs' hosts), first seen first, without repeats. */
export function sourceNames(articles: readonly ArticleRef[]): string[] {
  const names: string[] = [];
  for (const a of articles) {
    const name = a.source?.trim() || hostOf(a.url);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

export type SourceScale =
  'Local partner' | 'New media' | 'Other' | 'Subnational' | 'National' | 'Regional' | 'International';

/** ACLED's order of scales inside a combined value such as "New media-National". */
const SCALE_ORDER: SourceScale[] = [
  'Local partner',
  'New media',
  'Other',
  'Subnational',
  'National',
  'Regional',
  'International',
];
const PAN_ARAB_REGIONS = new Set(['Middle East', 'Northern Africa']);

/**
 * The scale of one article's source for an event in `eventCountry`: the outlet is looked up by
 * name, then by the host of the URL. `iso3Of` maps an ISO alpha-2 code to alpha-3 (regions are keyed by alpha-3).
 */
export function sourceScale(
  article: ArticleRef,
  eventCountry: string | null,
  iso3Of: (iso2: string) => string | null,
  table: OutletTable,
): SourceScale {
  const outlet = findOutlet(table, article.source, article.url);
  if (!outlet) return 'Other';
  const eventIso3 = eventCountry ? iso3Of(eventCountry) : null;
  const eventRegion = eventIso3 ? acledRegion(eventIso3) : '';
  switch (outlet.home) {
    case 'new-media':
      return 'New media';
    case 'international':
      return 'International';
    case 'pan-arab':
      return PAN_ARAB_REGIONS.has(eventRegion) ? 'Regional' : 'International';
    default: {
      if (outlet.home === eventCountry) return 'National';
      const homeIso3 = iso3Of(outlet.home);
      return homeIso3 && eventRegion && acledRegion(homeIso3) === eventRegion ? 'Regional' : 'International';
    }
  }
}

/** The distinct scales of the sources in ACLED's order, joined with "-". */
export function combinedSourceScale(scales: readonly SourceScale[]): string {
  return SCALE_ORDER.filter((s) => scales.includes(s)).join('-');
}
