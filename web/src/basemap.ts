/**
 * The offline basemap's data (web/basemap, built by scripts/build-basemap.ts): admin1 areas with
 * the spellings events use for them, city labels, and country names; and the look-ups the map,
 * the filters and the trends share to name an area in the interface's language.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { localName } from './i18n.js';

export interface AreaProperties {
  country: string;
  name: string;
  name_ar: string | null;
  aliases: string[];
}
export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties>;

export interface City {
  name: string;
  name_ar: string;
  country: string;
  lat: number;
  lon: number;
  /** 0 capitals, 1 admin1 seats and cities of a million, 2 other towns. */
  rank: number;
}

export interface Country {
  code: string;
  name: string;
  name_ar: string;
}

const key = (country: string, name: string) => `${country}\n${name.toLowerCase()}`;

export class Basemap {
  private readonly byName = new Map<string, AreaFeature>();
  private readonly countryByCode: Map<string, Country>;

  constructor(
    readonly areas: FeatureCollection<Polygon | MultiPolygon, AreaProperties>,
    readonly cities: City[],
    readonly countries: Country[],
  ) {
    // Own names first, then aliases: an alias never hides another area's own name.
    for (const f of areas.features) this.byName.set(key(f.properties.country, f.properties.name), f);
    for (const f of areas.features)
      for (const alias of f.properties.aliases) {
        const k = key(f.properties.country, alias);
        if (!this.byName.has(k)) this.byName.set(k, f);
      }
    this.countryByCode = new Map(countries.map((c) => [c.code, c]));
  }

  static async load(): Promise<Basemap> {
    const get = async <T>(file: string): Promise<T> => {
      const res = await fetch(`basemap/${file}`);
      if (!res.ok) throw new Error(`basemap/${file}: ${res.status}`);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the app's own data, written by scripts/build-basemap.ts
      return (await res.json()) as T;
    };
    const [areas, cities, countries] = await Promise.all([
      get<FeatureCollection<Polygon | MultiPolygon, AreaProperties>>('admin1.geojson'),
      get<City[]>('cities.json'),
      get<Country[]>('countries.json'),
    ]);
    return new Basemap(areas, cities, countries);
  }

  /** The area an event's admin1 names (by the area's name or one of its spellings). */
  area(country: string, admin1: string): AreaFeature | undefined {
    return this.byName.get(key(country, admin1));
  }

  /** An event's admin1 in the interface's language (as the event spells it when the area is unknown). */
  admin1Label(country: string | null | undefined, admin1: string): string {
    const area = country ? this.area(country, admin1) : undefined;
    return area ? localName({ name: admin1, name_ar: area.properties.name_ar }) : admin1;
  }

  countryLabel(code: string): string {
    const country = this.countryByCode.get(code);
    return country ? localName(country) : code;
  }
}
