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
import { acledRegion } from './regions.js';

type OutletHome = { country: string } | 'pan-arab' | 'international' | 'new-media';

interface Outlet {
  /** Written lowercase, without spaces or punctuation (see `outletKey`). */
  names: string[];
  hosts: string[];
  home: OutletHome;
}

/** Outlets that report on Libya and its neighbours (public knowledge, written by hand). */
const OUTLETS: Outlet[] = [
  {
    names: ['alwasat', 'bawabaalwasat', 'libyaalwasat', 'بوابةالوسط', 'الوسط'],
    hosts: ['alwasat.ly'],
    home: { country: 'LY' },
  },
  { names: ['libyaobserver', 'thelibyaobserver'], hosts: ['libyaobserver.ly'], home: { country: 'LY' } },
  { names: ['libyaherald'], hosts: ['libyaherald.com'], home: { country: 'LY' } },
  { names: ['almarsad', 'almarsadlibya'], hosts: ['almarsad.co'], home: { country: 'LY' } },
  { names: ['libyaalahrar', 'libyaahrar', 'ليبياالأحرار'], hosts: ['libyaalahrar.net'], home: { country: 'LY' } },
  { names: ['218tv', '218', 'qanat218'], hosts: ['218tv.net'], home: { country: 'LY' } },
  { names: ['eanlibya', 'ainlibya'], hosts: ['eanlibya.com'], home: { country: 'LY' } },
  { names: ['lana', 'libyannewsagency'], hosts: ['lana.gov.ly'], home: { country: 'LY' } },
  { names: ['akhbarlibya24', 'libya24'], hosts: ['akhbarlibya24.net'], home: { country: 'LY' } },
  { names: ['libyareview'], hosts: ['libyareview.com'], home: { country: 'LY' } },
  { names: ['libyanexpress'], hosts: ['libyanexpress.com'], home: { country: 'LY' } },
  { names: ['jawharafm'], hosts: ['jawharafm.net'], home: { country: 'TN' } },
  { names: ['mosaiquefm'], hosts: ['mosaiquefm.net'], home: { country: 'TN' } },
  { names: ['shemsfm'], hosts: ['shemsfm.net'], home: { country: 'TN' } },
  { names: ['tap', 'tunisafriquepresse'], hosts: ['tap.info.tn'], home: { country: 'TN' } },
  { names: ['alahram', 'ahram'], hosts: ['ahram.org.eg'], home: { country: 'EG' } },
  { names: ['youm7', 'alyoumalsabea'], hosts: ['youm7.com'], home: { country: 'EG' } },
  { names: ['alarabiya', 'العربية'], hosts: ['alarabiya.net'], home: 'pan-arab' },
  { names: ['skynewsarabia', 'سكاينيوزعربية'], hosts: ['skynewsarabia.com'], home: 'pan-arab' },
  { names: ['asharqalawsat', 'alsharqalawsat'], hosts: ['aawsat.com'], home: 'pan-arab' },
  { names: ['alqudsalarabi'], hosts: ['alquds.co.uk'], home: 'pan-arab' },
  { names: ['alarabyaljadeed', 'thenewarab', 'alaraby'], hosts: ['alaraby.co.uk'], home: 'pan-arab' },
  { names: ['alain', 'alainnews'], hosts: ['al-ain.com'], home: 'pan-arab' },
  { names: ['eremnews', 'irem'], hosts: ['eremnews.com'], home: 'pan-arab' },
  { names: ['almayadeen'], hosts: ['almayadeen.net'], home: 'pan-arab' },
  { names: ['independentarabia'], hosts: ['independentarabia.com'], home: 'pan-arab' },
  {
    names: ['aljazeera', 'aljazeeranet', 'الجزيرة', 'الجزيرةنت'],
    hosts: ['aljazeera.net', 'aljazeera.com'],
    home: 'international',
  },
  { names: ['bbcarabic', 'bbc'], hosts: ['bbc.com', 'bbc.co.uk'], home: 'international' },
  { names: ['france24'], hosts: ['france24.com'], home: 'international' },
  { names: ['rtarabic', 'rt', 'russiatoday'], hosts: ['arabic.rt.com', 'rt.com'], home: 'international' },
  { names: ['anadolu', 'anadoluagency', 'aa'], hosts: ['aa.com.tr'], home: 'international' },
  { names: ['reuters'], hosts: ['reuters.com'], home: 'international' },
  { names: ['afp', 'agencefrancepresse'], hosts: ['afp.com'], home: 'international' },
  { names: ['ap', 'associatedpress'], hosts: ['apnews.com'], home: 'international' },
  { names: ['dwarabic', 'dw', 'deutschewelle'], hosts: ['dw.com'], home: 'international' },
  { names: ['sputnikarabic', 'sputnik'], hosts: ['sputniknews.com', 'sarabic.ae'], home: 'international' },
  { names: ['cnnarabic', 'cnn'], hosts: ['cnn.com', 'arabic.cnn.com'], home: 'international' },
  { names: ['euronews'], hosts: ['euronews.com'], home: 'international' },
  { names: ['xinhua'], hosts: ['xinhuanet.com', 'news.cn'], home: 'international' },
  { names: ['alhurra'], hosts: ['alhurra.com'], home: 'international' },
  { names: ['facebook'], hosts: ['facebook.com', 'fb.com'], home: 'new-media' },
  { names: ['twitter', 'x'], hosts: ['twitter.com', 'x.com'], home: 'new-media' },
  { names: ['telegram'], hosts: ['t.me', 'telegram.org'], home: 'new-media' },
  { names: ['youtube'], hosts: ['youtube.com', 'youtu.be'], home: 'new-media' },
];

/** Lowercase letters (Latin or Arabic) and digits only, so "Libya Al-Ahrar" and "libya alahrar" meet. */
function outletKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9\u0600-\u06ff]/g, '');
}

const OUTLET_BY_NAME = new Map(OUTLETS.flatMap((o) => o.names.map((n) => [n, o] as const)));

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

function outletByHost(host: string): Outlet | undefined {
  return OUTLETS.find((o) => o.hosts.some((h) => host === h || host.endsWith(`.${h}`)));
}

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
): SourceScale {
  const host = hostOf(article.url);
  const outlet =
    (article.source ? OUTLET_BY_NAME.get(outletKey(article.source)) : undefined) ??
    (host ? outletByHost(host) : undefined);
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
      if (outlet.home.country === eventCountry) return 'National';
      const homeIso3 = iso3Of(outlet.home.country);
      return homeIso3 && eventRegion && acledRegion(homeIso3) === eventRegion ? 'Regional' : 'International';
    }
  }
}

/** The distinct scales of the sources in ACLED's order, joined with "-". */
export function combinedSourceScale(scales: readonly SourceScale[]): string {
  return SCALE_ORDER.filter((s) => scales.includes(s)).join('-');
}
