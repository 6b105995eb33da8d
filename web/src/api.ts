/** The API calls the web app makes (same origin), and the shapes it reads. */
import type { EventActor, EventLocation, EventRecord, ExtractionRecord, ArticleRef } from '../../src/events/record.js';

export type EventView = EventRecord & { article: ArticleRef };

/** The view's filters, named as the API's query parameters. */
export interface Filters {
  country?: string;
  admin1?: string;
  type?: string;
  subType?: string;
  actor?: string;
  fatalitiesMin?: string;
  fatalitiesMax?: string;
  modality?: string;
  outlet?: string;
  review?: string;
  q?: string;
  since?: string;
  until?: string;
  /** 'false': only the events without a place (listed from the map's count of them). */
  placed?: string;
}

export const FILTER_NAMES = [
  'country',
  'admin1',
  'type',
  'subType',
  'actor',
  'fatalitiesMin',
  'fatalitiesMax',
  'modality',
  'outlet',
  'review',
  'q',
  'since',
  'until',
  'placed',
] as const satisfies readonly (keyof Filters)[];

export interface ReviewView {
  status: string;
  at: string;
  note: string | null;
  changes?: Record<string, unknown>;
  machine?: Record<string, unknown>;
}

export interface FusedSource {
  articleId: string;
  eventId: string;
  outlet: string | null;
  title: string;
  url: string | null;
  published: string | null;
}

/** One occurrence: the merged record's coded fields, its sources and its review. */
export interface FusedItem {
  id: string;
  event_type: string;
  sub_event_type: string;
  date: string | null;
  actor1: EventActor | null;
  actor2: EventActor | null;
  assoc_actor_1: EventActor[];
  assoc_actor_2: EventActor[];
  location: EventLocation | null;
  fatalities: number;
  injured: number | null;
  modality: string;
  confidence: number;
  claimed_by: { text: string } | null;
  /** The organisation the claimant speaks for, when its words name one. */
  claimed_by_actor?: EventActor | null;
  fatalities_range: [number, number];
  sources: FusedSource[];
  outlets: number;
  review: ReviewView | null;
}

export interface FusedDetail extends FusedItem {
  explanation: string[];
}

export interface FusedPage {
  total: number;
  /** More than `total` match (an outlet or text filter's count stops there). */
  totalCapped: boolean;
  offset: number;
  limit: number;
  items: FusedItem[];
}

export interface Highlight {
  field: string;
  start: number;
  end: number;
}

/** A per-article event with its source sentences. */
export interface EventDetail {
  event: EventView;
  excerpts: { start: number; end: number; text: string; highlights: Highlight[] }[];
}

export interface Tally {
  count: number;
  fatalities: number;
}

export interface Trends {
  interval: 'week' | 'month';
  total: number;
  fatalities: number;
  unplaced: number;
  /** As columns (`layout=columns`): count[t][p] is the events of types[t] in periods[p]. */
  byPeriod: { periods: string[]; types: string[]; count: number[][]; fatalities: number[][] };
  byType: ({ event_type: string } & Tally)[];
  byAdmin1: ({ country: string; admin1: string } & Tally)[];
  byActor: ({ id: string; name: string; name_ar: string } & Tally)[];
  byOutlet: ({ outlet: string } & Tally)[];
}

export interface EventFeature {
  geometry: { coordinates: [number, number] };
  properties: {
    id: string;
    event_type: string;
    fatalities: number;
    date: string | null;
    location?: string | null;
    location_ar?: string | null;
  };
}

/** A marker as the server sends it: `[id, lon, lat, event_type, fatalities, date]`. */
type MapPoint = [string, number, number, string, number, string | null];

export interface ReviewEntry {
  action: string;
  status: string;
  changes: Record<string, unknown>;
  before: Record<string, unknown>;
  note: string | null;
  at: string;
}

/** The server could not be reached (stopped, or the network is down). */
export class Unreachable extends Error {}

export function queryString(filters: Filters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && String(value).trim() !== '') params.set(key, String(value).trim());
  }
  return params.toString();
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (init?.signal?.aborted) throw err;
    throw new Unreachable(err instanceof Error ? err.message : String(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    throw new Error(typeof error === 'string' ? error : `${res.status} ${res.statusText}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- this server's own answer, of the type its route declares (server/app.test.ts checks the shapes)
  return body as T;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const exportUrl = (format: 'csv' | 'geojson', filters: Filters) =>
  `/api/fused-events.${format}?${queryString(filters)}`;

export const api = {
  fusedEvents: (filters: Filters, page: { sort: string; limit: number; offset: number }) =>
    call<FusedPage>(`/api/fused-events?${queryString(filters, page)}`),
  features: async (filters: Filters) => {
    const { total, points } = await call<{ total: number; points: MapPoint[] }>(
      `/api/fused-events/map?${queryString(filters)}`,
    );
    const features: EventFeature[] = points.map(([id, lon, lat, event_type, fatalities, date]) => ({
      geometry: { coordinates: [lon, lat] },
      properties: { id, event_type, fatalities, date },
    }));
    return { total, features };
  },
  fusedEvent: (id: string) => call<FusedDetail>(`/api/fused-events/${encodeURIComponent(id)}`),
  event: (id: string) => call<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  stats: (filters: Filters, interval: string) =>
    call<{ fused: Trends }>(`/api/stats?${queryString(filters, { interval, parts: 'fused', layout: 'columns' })}`),
  review: (id: string, body: { action: string; changes?: Record<string, unknown>; note?: string }) =>
    call<unknown>(`/api/events/${encodeURIComponent(id)}/review`, json(body)),
  reviews: (id: string) => call<{ reviews: ReviewEntry[] }>(`/api/events/${encodeURIComponent(id)}/reviews`),
  actors: () => call<{ actors: { id: string; name: string; name_ar: string }[] }>('/api/actors?limit=1000'),
  places: () => call<{ places: { id: string; name: string; name_ar: string }[] }>('/api/places?limit=1000'),
  extract: (body: { text: string; title?: string; published?: string | null }, store: boolean, signal?: AbortSignal) =>
    call<ExtractionRecord>(`/api/extract${store ? '?store=true' : ''}`, { ...json(body), signal }),
};
