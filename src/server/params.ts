/**
 * Query and body schemas of the API (zod). A value that does not parse is a 400 naming the
 * parameter, so a typo is an error rather than an unfiltered answer.
 */
import { z } from 'zod';
import type { EventQuery } from '../store/repository.js';
import { isCalendarDate } from '../core/calendar-date.js';
import {
  canonicalEventType,
  canonicalModality,
  canonicalSubEventType,
  countryCode,
  FilterValueError,
  reviewStatuses,
} from '../app/filter-values.js';
import { REVIEW_ACTIONS } from '../review/review.js';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 422 | 503,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

const bbox = z.string().transform((value, ctx): [number, number, number, number] => {
  const parts = value.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [west, south, east, north] = parts;
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    west >= -180 &&
    east <= 180 &&
    west <= east &&
    south >= -90 &&
    north <= 90 &&
    south <= north;
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: 'expected west,south,east,north in degrees (west ≤ east, south ≤ north)' });
    return z.NEVER;
  }
  return [west, south, east, north];
});

const text = z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters');

const count = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const offset = z.coerce.number().int().min(0).default(0);

export const EVENT_SORTS = ['date', 'date-asc', 'fatalities'] as const;
/** Fused events may also be sorted by their number of reports, most first. */
export const FUSED_EVENT_SORTS = [...EVENT_SORTS, 'reports'] as const;

/** A value checked and made canonical by one of the shared filter rules (src/app/filter-values.ts). */
function checked<T>(canonicalOf: (value: string) => T) {
  return text.transform((value, ctx): T => {
    try {
      return canonicalOf(value);
    } catch (err) {
      if (!(err instanceof FilterValueError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
      return z.NEVER;
    }
  });
}

const toll = z.coerce.number().int().min(0);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Filters shared by the event and fused-event lists, their GeoJSON and CSV forms and the stats. */
const eventFilterShape = {
  bbox: bbox.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  type: checked(canonicalEventType).optional(),
  sub_type: checked((v) => canonicalSubEventType(v)).optional(),
  subType: checked((v) => canonicalSubEventType(v)).optional(),
  actor: text.optional(),
  place: text.optional(),
  source: text.optional(),
  outlet: text.optional(),
  q: text.optional(),
  country: checked(countryCode).optional(),
  admin1: text.optional(),
  fatalitiesMin: toll.optional(),
  fatalitiesMax: toll.optional(),
  modality: checked(canonicalModality).optional(),
  review: checked(reviewStatuses).optional(),
  includeDismissed: flag.optional(),
  /** false: only the events without coordinates (the map's "N events without a place"). */
  placed: flag.optional(),
};

/** A list's events in brief (no evidence sentences, no per-field sources) or whole. */
export const EVENT_VIEWS = ['summary', 'full'] as const;

export const eventListQuery = z
  .object({
    ...eventFilterShape,
    limit: count(1000, 100),
    offset,
    sort: z.enum(EVENT_SORTS).default('date'),
    view: z.enum(EVENT_VIEWS).default('summary'),
  })
  .strict();

/** The map and the exports take every event of a filter in one answer, up to this many. */
export const MAX_EXPORT_EVENTS = 100_000;

export const eventExportQuery = z
  .object({
    ...eventFilterShape,
    limit: count(MAX_EXPORT_EVENTS, 10_000),
    offset,
    sort: z.enum(EVENT_SORTS).default('date'),
  })
  .strict();

export const TREND_INTERVALS = ['week', 'month'] as const;

/** What /api/stats answers: everything, or the fused events' trends alone (what the workbench draws). */
export const STATS_PARTS = ['all', 'fused'] as const;

/** How /api/stats gives `fused.byPeriod`: one row per period and type, or columns (period-columns.ts). */
export const PERIOD_LAYOUTS = ['rows', 'columns'] as const;

export const eventStatsQuery = z
  .object({
    ...eventFilterShape,
    interval: z.enum(TREND_INTERVALS).default('week'),
    parts: z.enum(STATS_PARTS).default('all'),
    layout: z.enum(PERIOD_LAYOUTS).default('rows'),
  })
  .strict();

export const fusedListQuery = z
  .object({
    ...eventFilterShape,
    limit: count(1000, 100),
    offset,
    sort: z.enum(FUSED_EVENT_SORTS).default('date'),
  })
  .strict();

export const fusedExportQuery = z
  .object({
    ...eventFilterShape,
    limit: count(MAX_EXPORT_EVENTS, MAX_EXPORT_EVENTS),
    offset,
  })
  .strict();

/** Markers the map draws at most: the newest of the filtered events, with how many there are. */
export const MAX_MAP_POINTS = 100_000;
export const DEFAULT_MAP_POINTS = 20_000;

export const fusedMapQuery = z
  .object({ ...eventFilterShape, limit: count(MAX_MAP_POINTS, DEFAULT_MAP_POINTS) })
  .strict();

/** A value of a corrected field as sent: actors and places by id, name or alias; null clears. */
const nameOrNull = z.union([z.string().trim().min(1).max(500), z.null()]);

/** `POST /api/events/{id}/review`: the decision, and the corrected fields under their record names or short ones. */
export const reviewBody = z
  .object({
    action: z.enum(REVIEW_ACTIONS),
    note: z.string().max(2000).nullable().optional(),
    changes: z
      .object({
        event_type: z.string().trim().min(1).optional(),
        type: z.string().trim().min(1).optional(),
        sub_event_type: z.string().trim().min(1).optional(),
        subType: z.string().trim().min(1).optional(),
        actor1: nameOrNull.optional(),
        actor2: nameOrNull.optional(),
        place: nameOrNull.optional(),
        location: nameOrNull.optional(),
        date: isoDate.nullable().optional(),
        fatalities: z.number().int().min(0).max(1_000_000).optional(),
        injuries: z.number().int().min(0).max(1_000_000).nullable().optional(),
        injured: z.number().int().min(0).max(1_000_000).nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((b) => b.action !== 'correct' || (b.changes && Object.keys(b.changes).length > 0), {
    message: 'a correction needs "changes" with at least one field',
    path: ['changes'],
  })
  .refine((b) => b.action === 'correct' || !b.changes, {
    message: 'only "correct" takes "changes"',
    path: ['changes'],
  });

export type ReviewBody = z.infer<typeof reviewBody>;

export const dismissQuery = z.object({ note: z.string().max(2000).optional() }).strict();

export const articleListQuery = z
  .object({ q: text.optional(), since: isoDate.optional(), until: isoDate.optional(), limit: count(1000, 50), offset })
  .strict();

export const lookupQuery = z.object({ q: text.optional(), limit: count(1000, 50) }).strict();

export const storeFlag = z.object({ store: z.enum(['true', 'false', '1', '0']).optional() }).strict();

export const extractBody = z
  .object({
    // The pipeline runs in the server's thread: a long article is tens of thousands of characters.
    text: z.string().max(200_000, 'at most 200,000 characters'),
    title: z.string().max(2000).optional(),
    published: isoDate.nullable().optional(),
    url: z.string().max(2000).nullable().optional(),
    source: z.string().max(500).nullable().optional(),
    store: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.text.trim() !== '' || (b.title ?? '').trim() !== '', {
    message: 'text or title must not be empty',
    path: ['text'],
  });

export type ExtractBody = z.infer<typeof extractBody>;

/** Parses `value` with `schema`, or throws the ApiError that names the first bad parameter. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: 'query' | 'body'): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const [key] = issue.keys;
    return fail(`unknown ${where} parameter "${key}"`, key);
  }
  const parameter = issue.path.length ? String(issue.path[0]) : undefined;
  return fail(
    parameter ? `invalid ${where} parameter "${parameter}": ${issue.message}` : `invalid ${where}: ${issue.message}`,
    parameter,
  );
}

function fail(message: string, parameter?: string): never {
  throw new ApiError(400, message, parameter);
}

type FilterParams = Partial<z.infer<z.ZodObject<typeof eventFilterShape>>> & {
  limit?: number;
  offset?: number;
  sort?: EventQuery['sort'];
};

/** The store's query; `actorIds` come from the actor dictionary (the caller resolves `actor`). */
export function toEventQuery(q: FilterParams, actorIds: string[] | null = null): EventQuery {
  const { bbox: box, since, until, type, actor, place, q: text, limit, offset: skip, sort } = q;
  if (type && (q.sub_type ?? q.subType)) canonicalSubTypeOf(q.sub_type ?? q.subType!, type);
  const query: EventQuery = {
    bbox: box,
    since,
    until,
    type,
    sub_type: q.sub_type ?? q.subType,
    // The stored names' words, and the ids of the dictionary's actors the words name or alias
    // ("قوات حفتر" names the LNA, though no stored event spells it so).
    actor,
    actorIds: actorIds ?? undefined,
    place,
    source: q.source ?? q.outlet,
    q: text,
    country: q.country,
    admin1: q.admin1,
    fatalitiesMin: q.fatalitiesMin,
    fatalitiesMax: q.fatalitiesMax,
    modality: q.modality,
    review: q.review,
    includeDismissed: q.includeDismissed,
    placed: q.placed,
    limit,
    offset: skip,
    sort,
  };
  return query;
}

/** A sub-type that does not belong to the asked type is a 400, not an empty answer. */
function canonicalSubTypeOf(subType: string, type: string): void {
  try {
    canonicalSubEventType(subType, type);
  } catch (err) {
    if (err instanceof FilterValueError)
      throw new ApiError(400, `invalid query parameter "sub_type": ${err.message}`, 'sub_type');
    throw err;
  }
}
