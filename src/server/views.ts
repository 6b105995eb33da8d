/**
 * How stored events and articles are shown by the API: flat JSON, GeoJSON features, CSV rows,
 * and the excerpts (sentences around the evidence) with the spans to highlight in them.
 */
import type { Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import { codedColumns, type ArticleRef, type EventActor, type EventRecord } from '../events/record.js';
import type { StoredEvent } from '../store/repository.js';
import { segmentSentences } from '../text/segment.js';
import { normalize } from '../text/normalize.js';
import { visibleUrl, withoutBidiControls } from '../core/printable.js';

export type EventView = EventRecord & { article: ArticleRef };

export function eventView(e: StoredEvent): EventView {
  return { ...e.record, article: articleRefView(e.article) };
}

/**
 * The article's title, outlet and URL as shown in lists: bidi controls out of the names, and
 * invisible characters of the URL percent-encoded (src/core/printable.ts). The stored article and
 * its text (which the evidence offsets point into) are untouched.
 */
function articleRefView(a: ArticleRef): ArticleRef {
  return { ...a, title: withoutBidiControls(a.title), source: shownName(a.source), url: shownUrl(a.url) };
}

const shownName = (s: string | null) => (s === null ? null : withoutBidiControls(s));
const shownUrl = (s: string | null) => (s === null ? null : visibleUrl(s));

const actorNames = (actors: (EventActor | null)[]) =>
  actors
    .filter((a): a is EventActor => a !== null)
    .map((a) => a.name)
    .join('; ');

/** Flat, GIS-friendly properties: one scalar per column. */
export function eventProperties(e: StoredEvent) {
  const r = e.record;
  return {
    id: r.id,
    ...codedColumns(r),
    actor1: r.actor1?.name ?? null,
    actor1_ar: r.actor1?.name_ar ?? null,
    assoc_actor_1: actorNames(r.assoc_actor_1),
    actor2: r.actor2?.name ?? null,
    actor2_ar: r.actor2?.name_ar ?? null,
    assoc_actor_2: actorNames(r.assoc_actor_2),
    location: r.location?.name ?? null,
    location_ar: r.location?.name_ar ?? null,
    admin1: r.location?.admin1 ?? null,
    country: r.location?.country ?? null,
    latitude: r.location?.lat ?? null,
    longitude: r.location?.lon ?? null,
    geo_precision: r.location?.geo_precision ?? null,
    fatalities: r.fatalities,
    injured: r.injured,
    modality: r.modality,
    confidence: r.confidence,
    article_id: e.article.id,
    article_title: withoutBidiControls(e.article.title),
    source: shownName(e.article.source),
    url: shownUrl(e.article.url),
  };
}

export interface EventFeatureCollection {
  type: 'FeatureCollection';
  /** Matching events, including those without coordinates (which have no feature). */
  total: number;
  without_location: number;
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: ReturnType<typeof eventProperties>;
  }[];
}

export function eventFeatureCollection(events: StoredEvent[], total: number): EventFeatureCollection {
  const located = events.filter((e) => e.record.location !== null);
  return {
    type: 'FeatureCollection',
    total,
    without_location: events.length - located.length,
    features: located.map((e) => ({
      type: 'Feature',
      id: e.record.id,
      geometry: { type: 'Point', coordinates: [e.record.location!.lon, e.record.location!.lat] },
      properties: eventProperties(e),
    })),
  };
}

/** RFC 4180 CSV of the flat properties, with a header line. */
export function eventsCsv(events: StoredEvent[]): string {
  const rows = events.map(eventProperties);
  // Every row has the same fields, in the same order: eventProperties builds them all.
  const columns = Object.keys(rows[0] ?? eventProperties(PLACEHOLDER_EVENT));
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(Object.values(row).map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let s = String(value);
  // Article-derived text is untrusted: a leading = + - @ would run as a formula in a spreadsheet.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Only its keys are used: the CSV of no events still has its header. */
const PLACEHOLDER_EVENT: StoredEvent = {
  article: { id: '', title: '', published: null, source: null, url: null },
  record: {
    id: '',
    event_type: '',
    sub_event_type: '',
    disorder_type: '',
    plover: { type: '', mode: null },
    date: null,
    time_precision: null,
    date_text: null,
    actor1: null,
    assoc_actor_1: [],
    actor2: null,
    assoc_actor_2: [],
    location: null,
    fatalities: 0,
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    evidence: [],
    trigger: { start: 0, end: 0, text: '' },
    rule: '',
    confidence: 0,
    sources: [],
  },
};

/** A span of the article to highlight, with what it is evidence of (a field name, `trigger`, …). */
export interface Highlight extends Span {
  field: string;
}

export interface Excerpt extends Span {
  text: string;
  /** Spans inside this excerpt, in article offsets. */
  highlights: Highlight[];
}

/** Every span of the article an event rests on, without repeats. */
export function eventHighlights(r: EventRecord): Highlight[] {
  const all: Highlight[] = [
    ...r.evidence.map((e) => ({ field: 'evidence', start: e.start, end: e.end })),
    { field: 'trigger', start: r.trigger.start, end: r.trigger.end },
    ...(r.claimed_by ? [{ field: 'claimed_by', start: r.claimed_by.start, end: r.claimed_by.end }] : []),
    ...r.sources.flatMap((s) => (s.evidence ? [{ field: s.field, start: s.evidence.start, end: s.evidence.end }] : [])),
  ];
  const seen = new Set<string>();
  return all.filter((h) => {
    const key = `${h.field}:${h.start}:${h.end}`;
    if (h.end <= h.start || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The sentences that hold the evidence, with one sentence of context either side; windows that
 * touch are merged so that no text is shown twice.
 */
export function eventExcerpts(text: string, record: EventRecord, context = 1): Excerpt[] {
  const sentences = segmentSentences(normalize(text));
  const highlights = eventHighlights(record).filter((h) => h.end <= text.length);
  const anchors = record.evidence.length ? record.evidence : [record.trigger];
  const windows: [number, number][] = [];
  for (const span of anchors) {
    const hit = sentences.map((s, i) => (s.start < span.end && span.start < s.end ? i : -1)).filter((i) => i >= 0);
    if (hit.length === 0) continue;
    windows.push([Math.max(0, hit[0] - context), Math.min(sentences.length - 1, hit[hit.length - 1] + context)]);
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1] + 1) last[1] = Math.max(last[1], w[1]);
    else merged.push([...w]);
  }
  return merged.map(([first, lastIndex]) => {
    const start = sentences[first].start;
    const end = sentences[lastIndex].end;
    return {
      start,
      end,
      text: text.slice(start, end),
      highlights: highlights.filter((h) => h.start >= start && h.end <= end),
    };
  });
}

export interface SourceView {
  article_id: string;
  title: string;
  published: string | null;
  outlet: string | null;
  url: string | null;
}

/** Every outlet and URL the article was received from. */
export function articleSources(article: Article): SourceView[] {
  const origins = article.origins.length ? article.origins : [{ source: null, url: null }];
  const seen = new Set<string>();
  return origins
    .map((o) => ({
      article_id: article.id,
      title: withoutBidiControls(article.title),
      published: article.published,
      outlet: shownName(o.source),
      url: shownUrl(o.url),
    }))
    .filter((s) => {
      const key = `${s.outlet}\u0000${s.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
