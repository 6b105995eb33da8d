/**
 * Query and body schemas of the API (zod). A value that does not parse is a 400 naming the
 * parameter, so a typo is an error rather than an unfiltered answer.
 */
import { z } from 'zod';
import type { EventQuery } from '../store/repository.js';
import { isCalendarDate } from '../core/calendar-date.js';

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

/** Filters shared by the event list, its GeoJSON and CSV forms and the stats. */
const eventFilterShape = {
  bbox: bbox.optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
  type: text.optional(),
  sub_type: text.optional(),
  actor: text.optional(),
  place: text.optional(),
  source: text.optional(),
  q: text.optional(),
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

export const eventStatsQuery = z
  .object({ ...eventFilterShape, interval: z.enum(TREND_INTERVALS).default('week') })
  .strict();

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

export function toEventQuery(q: Partial<z.infer<typeof eventListQuery>>): EventQuery {
  const { bbox: box, since, until, type, sub_type, actor, place, source, q: text, limit, offset: skip, sort } = q;
  return { bbox: box, since, until, type, sub_type, actor, place, source, q: text, limit, offset: skip, sort };
}
