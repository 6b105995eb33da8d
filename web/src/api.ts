/** The few API calls the web app makes (same origin). */
import type { EventRecord, ExtractionRecord, ArticleRef } from '../../src/events/record.js';

export type EventView = EventRecord & { article: ArticleRef };
/** A list's event: the coded fields, without evidence sentences and per-field sources. */
export type EventSummary = Omit<EventView, 'evidence' | 'sources'>;

export interface Filters {
  type?: string;
  actor?: string;
  place?: string;
  q?: string;
  since?: string;
  until?: string;
}

export interface Highlight {
  field: string;
  start: number;
  end: number;
}

export interface EventDetail {
  event: EventView;
  excerpts: { start: number; end: number; text: string; highlights: Highlight[] }[];
  sources: { article_id: string; title: string; published: string | null; outlet: string | null; url: string | null }[];
}

export interface Stats {
  total: number;
  byDay: { date: string; count: number; fatalities: number }[];
  byType: { event_type: string; count: number; fatalities: number }[];
}

export interface EventFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: {
    id: string;
    event_type: string;
    fatalities: number;
    date: string | null;
    location: string | null;
    location_ar: string | null;
  };
}

export function queryString(filters: Filters, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value !== undefined && String(value).trim() !== '') params.set(key, String(value));
  }
  return params.toString();
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body: unknown = await res.json();
  if (!res.ok) {
    const error = typeof body === 'object' && body !== null && 'error' in body ? body.error : undefined;
    throw new Error(typeof error === 'string' ? error : `${res.status} ${res.statusText}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- this server's own answer, of the type its route declares (server/app.test.ts checks the shapes)
  return body as T;
}

export const api = {
  events: (filters: Filters, limit: number) =>
    call<{ total: number; events: EventSummary[] }>(`/api/events?${queryString(filters, { limit })}`),
  features: (filters: Filters) =>
    call<{ total: number; features: EventFeature[] }>(`/api/events.geojson?${queryString(filters, { limit: 100000 })}`),
  event: (id: string) => call<EventDetail>(`/api/events/${encodeURIComponent(id)}`),
  stats: (filters: Filters) => call<Stats>(`/api/stats?${queryString(filters)}`),
  actors: () => call<{ actors: { id: string; name: string; name_ar: string }[] }>('/api/actors?limit=1000'),
  places: () => call<{ places: { id: string; name: string; name_ar: string }[] }>('/api/places?limit=1000'),
  extract: (body: { text: string; title?: string; published?: string | null }, store: boolean, signal?: AbortSignal) =>
    call<ExtractionRecord>(`/api/extract${store ? '?store=true' : ''}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    }),
};
