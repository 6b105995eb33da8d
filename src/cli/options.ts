/** Options shared by several commands. */
import { InvalidArgumentError, type Command } from 'commander';
import type { EventQuery } from '../store/repository.js';
import {
  actorIdsNamed,
  canonicalEventType,
  canonicalModality,
  canonicalSubEventType,
  countryCode,
  FilterValueError,
  reviewStatuses,
} from '../app/filter-values.js';
import { loadActors } from '../knowledge/actors.js';
import type { ReviewStatus } from '../review/review.js';
import type { Repository } from '../store/repository.js';
import { isCalendarDate } from '../core/calendar-date.js';
import { DEFAULT_RESPONSE_LIMITS, parseByteSize, type ResponseLimits } from '../input/fetch-url.js';

export function addDbOption(cmd: Command): Command {
  return cmd.option('--db <path>', 'database file or postgres:// URL (default: $MARSAD_DB or ./marsad.db)');
}

export async function openDb(options: { db?: string }): Promise<Repository> {
  // Imported when a command opens the store: `marsad extract` and `marsad ner` never do, and
  // loading SQLite and the migrations would slow their cold start.
  const { openRepository, resolveDbLocation } = await import('../store/open.js');
  return openRepository(resolveDbLocation(options.db));
}

/** Runs `fn` with an open store and always closes it. */
export async function withDb<T>(options: { db?: string }, fn: (repo: Repository) => Promise<T> | T): Promise<T> {
  const repo = await openDb(options);
  try {
    return await fn(repo);
  } finally {
    await repo.close();
  }
}

/** Accepts `YYYY-MM-DD` only, so that a typo is an error rather than an empty result. */
export function parseDateOption(value: string): string {
  if (!isCalendarDate(value)) {
    throw new Error(`invalid date "${value}": expected YYYY-MM-DD`);
  }
  return value;
}

/** A whole number, 0 or more (a limit, a count of threads or retries, milliseconds). */
export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid number "${value}"`);
  return n;
}

/** A size in bytes: a whole number, optionally with k, M or G (powers of 1024), e.g. 5M. */
export function parseBytes(value: string): number {
  const n = parseByteSize(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`invalid size "${value}": expected bytes, e.g. 5000000 or 5M`);
  return n;
}

/** The caps on what one HTTP fetch may bring (ingest of URLs, watch), as options. */
export function addFetchLimitOptions(cmd: Command): Command {
  const d = DEFAULT_RESPONSE_LIMITS;
  return cmd
    .option('--max-bytes <size>', 'largest HTTP response body after decompression, e.g. 20m', parseByteSize, d.maxBytes)
    .option(
      '--max-compressed-bytes <size>',
      'largest declared compressed HTTP response, e.g. 10m',
      parseByteSize,
      d.maxCompressedBytes,
    )
    .option('--max-redirects <n>', 'HTTP redirects followed', parseCount, d.maxRedirects);
}

export interface FetchLimitCliOptions {
  maxBytes: number;
  maxCompressedBytes: number;
  maxRedirects: number;
}

export function fetchLimits(opts: FetchLimitCliOptions): ResponseLimits {
  return { maxBytes: opts.maxBytes, maxCompressedBytes: opts.maxCompressedBytes, maxRedirects: opts.maxRedirects };
}

/** `--field published=published_raw` → { published: 'published_raw' }. */
export function collectFieldMap(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^(id|title|text|published|url|source)=(.+)$/.exec(value);
  if (!m)
    throw new Error(
      `invalid --field "${value}": expected NAME=INPUT_FIELD with NAME one of id, title, text, published, url, source`,
    );
  return { ...previous, [m[1]]: m[2] };
}

/** The event filters `events` and `export` share. */
export interface EventFilterOptions {
  since?: string;
  until?: string;
  type?: string;
  subType?: string;
  place?: string;
  actor?: string;
  source?: string;
  outlet?: string;
  country?: string;
  admin1?: string;
  fatalitiesMin?: number;
  fatalitiesMax?: number;
  modality?: string;
  reviewStatus?: ReviewStatus[];
  includeDismissed?: boolean;
}

/** An option value checked by a shared filter rule: a bad one is commander's usage error (exit 1). */
function checked<T>(canonicalOf: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return canonicalOf(value);
    } catch (err) {
      if (err instanceof FilterValueError) throw new InvalidArgumentError(err.message);
      throw err;
    }
  };
}

export function addEventFilterOptions(cmd: Command, options: { country?: boolean } = {}): Command {
  cmd
    .option('--since <date>', 'on or after YYYY-MM-DD', parseDateOption)
    .option('--until <date>', 'on or before YYYY-MM-DD', parseDateOption)
    .option('--type <event_type>', 'ACLED event type, any case, e.g. "Battles"', checked(canonicalEventType))
    .option(
      '--sub-type <sub_event_type>',
      'ACLED sub-event type, any case, e.g. "Air/drone strike"',
      checked((v) => canonicalSubEventType(v)),
    )
    .option('--place <words>', 'place id or name (English or Arabic), or district')
    .option('--actor <words>', 'actor id, name or alias (English or Arabic)')
    .option('--source <words>', 'words of an outlet name')
    .option('--outlet <words>', 'same as --source');
  // `export` has its own --country (the country of events without a place).
  if (options.country !== false)
    cmd.option('--country <iso2>', "the event's country, ISO alpha-2 (e.g. LY)", checked(countryCode));
  return cmd
    .option('--admin1 <name>', "the place's first-level division (district), exact")
    .option('--fatalities-min <n>', 'at least this many killed', parseCount)
    .option('--fatalities-max <n>', 'at most this many killed', parseCount)
    .option('--modality <m>', 'asserted, claimed, announced, planned, denied or threatened', checked(canonicalModality))
    .option(
      '--review-status <list>',
      'review statuses, comma-separated: unreviewed, confirmed, corrected, dismissed',
      checked(reviewStatuses),
    )
    .option('--include-dismissed', 'keep dismissed events (left out by default)');
}

export function eventQueryOf(opts: EventFilterOptions, withCountry = true): EventQuery {
  const { since, until, type, subType: sub_type, place, actor, admin1, modality, fatalitiesMin, fatalitiesMax } = opts;
  if (type && sub_type) checked((v) => canonicalSubEventType(v, type))(sub_type);
  return {
    since,
    until,
    type,
    sub_type,
    place,
    actor,
    // The dictionary knows aliases the stored events never spelt ("قوات حفتر").
    actorIds: actor ? (actorIdsNamed(loadActors(), actor) ?? undefined) : undefined,
    source: opts.source ?? opts.outlet,
    country: withCountry ? opts.country : undefined,
    admin1,
    modality,
    fatalitiesMin,
    fatalitiesMax,
    review: opts.reviewStatus,
    includeDismissed: opts.includeDismissed,
  };
}
