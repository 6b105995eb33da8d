/**
 * The OpenAPI description of the workbench routes (workbench-routes.ts): fused events, their
 * exports, and reviews. Merged into the document by openapi.ts.
 */
import { DEFAULT_MAP_POINTS, FUSED_EVENT_SORTS, MAX_EXPORT_EVENTS, MAX_MAP_POINTS } from './params.js';
import { REVIEW_ACTIONS, REVIEW_STATUSES } from '../review/review.js';
import { CORRECTION_FIELD_NAMES } from '../review/corrections.js';
import { LIST_TOTAL_CAP } from './store-cache.js';

type Schema = Record<string, unknown>;
type Parameter = { name: string; in: string; required: boolean; description: string; schema: Schema };

const query = (name: string, description: string, schema: Schema = { type: 'string' }): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const idPath = (what: string): Parameter & { in: 'path' } => ({
  name: 'id',
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string' },
});
const writeErrors = {
  '400': error('A malformed body or correction; `parameter` names it'),
  '401': error('Writing needs the token (`Authorization: Bearer`), when the server has one'),
  '403': error('A cross-site request (`Origin`, `Sec-Fetch-Site`), or a read-only server'),
  '404': error('No such event'),
};

/** The filters every event and fused-event route adds to those of /api/events before issue 13. */
/** A list's total and whether it stopped counting (store/list-total.ts). */
export const LIST_TOTAL = {
  total: {
    type: 'integer',
    description: `How many match; with an outlet (source) or text (q) filter, counted up to ${LIST_TOTAL_CAP.toLocaleString('en')}`,
  },
  totalCapped: {
    type: 'boolean',
    description: `True when more than ${LIST_TOTAL_CAP.toLocaleString('en')} match an outlet or text filter: total is then ${LIST_TOTAL_CAP.toLocaleString('en')}, and the count stopped there (counting every match of a word most articles hold would read them all)`,
  },
};

export const WORKBENCH_FILTERS: Parameter[] = [
  query('subType', 'Same as sub_type'),
  query('outlet', 'Same as source: words of the outlet name'),
  query('country', 'ISO 3166 alpha-2 of the event’s country (e.g. LY)'),
  query('admin1', 'First-level division (district) of the event’s place, exact'),
  query('fatalitiesMin', 'At least this many killed', { type: 'integer', minimum: 0 }),
  query('fatalitiesMax', 'At most this many killed', { type: 'integer', minimum: 0 }),
  query('modality', 'asserted, claimed, announced, planned, denied or threatened'),
  query('review', `Review statuses, comma-separated: ${REVIEW_STATUSES.join(', ')}`),
  query('includeDismissed', 'Dismissed events are left out unless true', {
    type: 'string',
    enum: ['true', 'false', '1', '0'],
  }),
  query('placed', 'true: only events with coordinates; false: only those without (not on a map)', {
    type: 'string',
    enum: ['true', 'false', '1', '0'],
  }),
];

const review = {
  type: 'object',
  nullable: true,
  description: 'The decision in force (corrections already applied to the fields); null when unreviewed',
  properties: {
    status: { type: 'string', enum: [...REVIEW_STATUSES] },
    changes: { type: 'object', description: 'The corrected fields, under their record names' },
    machine: { type: 'object', description: 'The machine’s values of the corrected fields' },
    note: { type: 'string', nullable: true },
    at: { type: 'string', format: 'date-time' },
  },
};

export const WORKBENCH_SCHEMAS = {
  Review: review,
  FusedEvent: {
    type: 'object',
    description:
      'One event per occurrence: the merged record’s fields (corrections applied, without evidence and per-field sources), every source, and the decision',
    properties: {
      id: { type: 'string', description: 'fe- and the id of the earliest member event' },
      event_type: { type: 'string' },
      sub_event_type: { type: 'string' },
      date: { type: 'string', nullable: true },
      location: { type: 'object', nullable: true },
      fatalities: { type: 'integer' },
      fatalities_range: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
      sources: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            articleId: { type: 'string' },
            eventId: { type: 'string' },
            outlet: { type: 'string', nullable: true },
            source: { type: 'string', nullable: true },
            title: { type: 'string' },
            url: { type: 'string', nullable: true },
            published: { type: 'string', nullable: true },
          },
        },
      },
      reports: { type: 'integer', description: 'Reports fused into it' },
      outlets: { type: 'integer', description: 'Distinct outlets among them (corroboration)' },
      review: ref('Review'),
      review_status: { type: 'string', enum: [...REVIEW_STATUSES] },
    },
  },
  FusedEventDetail: {
    allOf: [
      ref('FusedEvent'),
      {
        type: 'object',
        properties: {
          record: { type: 'object', description: 'The whole merged record, evidence and per-field sources included' },
          members: {
            type: 'array',
            items: { type: 'object', properties: { eventId: { type: 'string' }, article: { type: 'object' } } },
          },
          explanation: { type: 'array', items: { type: 'string' } },
        },
      },
    ],
  },
  ReviewEntry: {
    type: 'object',
    properties: {
      target: {
        type: 'string',
        description: 'The key the decision is kept under (an event id, or fe- and its anchor)',
      },
      action: { type: 'string', enum: [...REVIEW_ACTIONS] },
      status: { type: 'string', enum: [...REVIEW_STATUSES] },
      changes: { type: 'object' },
      before: { type: 'object', description: 'The corrected fields’ values just before the action' },
      note: { type: 'string', nullable: true },
      at: { type: 'string', format: 'date-time' },
    },
  },
};

const reviewed = json(
  {
    type: 'object',
    properties: {
      id: { type: 'string' },
      review: ref('Review'),
      event: { type: 'object', nullable: true, description: 'The event (or fused event) as it now stands' },
    },
  },
  'The decision, and the event as it now stands',
);

export function workbenchPaths(filters: Parameter[]) {
  const paging = [
    query('limit', 'Page size (1-1000)', { type: 'integer', minimum: 1, maximum: 1000, default: 100 }),
    query('offset', 'Items to skip', { type: 'integer', minimum: 0, default: 0 }),
  ];
  const exportWindow = [
    query('limit', `At most this many (1-${MAX_EXPORT_EVENTS})`, {
      type: 'integer',
      minimum: 1,
      maximum: MAX_EXPORT_EVENTS,
      default: MAX_EXPORT_EVENTS,
    }),
    query('offset', 'Fused events to skip (oldest first)', { type: 'integer', minimum: 0, default: 0 }),
  ];
  const sort = query('sort', 'Newest first, oldest first, most fatalities or most reports first', {
    type: 'string',
    enum: [...FUSED_EVENT_SORTS],
    default: 'date',
  });
  const detail = {
    summary: 'One fused event: its fields, sources, members, the explanation of its fusion and its review',
    parameters: [idPath('Fused event id (fe-…); an id a later, earlier report replaced still leads to it')],
    responses: { '200': json(ref('FusedEventDetail'), 'The fused event'), '404': error('Not found') },
  };
  return {
    '/api/fused-events': {
      get: {
        summary: 'Fused events (one per occurrence) matching the filters, one page',
        parameters: [...filters, ...paging, sort],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                ...LIST_TOTAL,
                offset: { type: 'integer' },
                limit: { type: 'integer' },
                items: { type: 'array', items: ref('FusedEvent') },
              },
            },
            'A page of fused events',
          ),
          '400': error(
            'A malformed parameter, or an unknown type, sub-type, modality or review status (the valid ones listed)',
          ),
        },
      },
    },
    '/api/fused-events/{id}': { get: detail },
    '/api/fused-events.csv': {
      get: {
        summary:
          'The filtered fused events as ACLED CSV, the bytes `marsad export --format acled-csv` writes, oldest first',
        parameters: [...filters, ...exportWindow],
        responses: {
          '200': {
            description: 'ACLED CSV (review_status column last)',
            content: { 'text/csv': { schema: { type: 'string' } } },
          },
          '400': error('A malformed parameter'),
        },
      },
    },
    '/api/fused-events.geojson': {
      get: {
        summary: 'The filtered fused events as GeoJSON, as `marsad export --format geojson` writes it',
        parameters: [...filters, ...exportWindow],
        responses: {
          '200': {
            description: 'A FeatureCollection',
            content: { 'application/geo+json': { schema: { type: 'object' } } },
          },
          '400': error('A malformed parameter'),
        },
      },
    },
    '/api/fused-events/map': {
      get: {
        summary:
          "The map's markers: the newest placed fused events the filters match, each `[id, lon, lat, event_type, fatalities, date]`; `total` says how many match",
        parameters: [
          ...filters,
          query('limit', `At most this many markers (1-${MAX_MAP_POINTS})`, {
            type: 'integer',
            minimum: 1,
            maximum: MAX_MAP_POINTS,
            default: DEFAULT_MAP_POINTS,
          }),
        ],
        responses: {
          '200': {
            description: '`{ total, limit, points }`',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '400': error('A malformed parameter'),
        },
      },
    },
    '/api/events/{id}/review': {
      post: {
        summary:
          'Confirm, correct, dismiss or reopen an event (an event id) or a fused event (fe-…); every action is kept in the audit trail',
        parameters: [idPath('Event id, or fused event id (fe-…)')],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['action'],
                properties: {
                  action: { type: 'string', enum: [...REVIEW_ACTIONS] },
                  note: { type: 'string', nullable: true },
                  changes: {
                    type: 'object',
                    description: `With "correct": ${CORRECTION_FIELD_NAMES.join(', ')}. Actors and places by id, name or alias; null clears; date YYYY-MM-DD`,
                  },
                },
              },
            },
          },
        },
        responses: { '200': reviewed, ...writeErrors },
      },
    },
    '/api/events/{id}/reviews': {
      get: {
        summary: 'The audit trail of an event or fused event, oldest first',
        parameters: [idPath('Event id, or fused event id (fe-…)')],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: { id: { type: 'string' }, reviews: { type: 'array', items: ref('ReviewEntry') } },
            },
            'Every action taken on it',
          ),
          '404': error('No such event, and no review'),
        },
      },
    },
  };
}

/** DELETE /api/events/{id}: beside the GET of the same path in openapi.ts. */
export const DISMISS_OPERATION = {
  summary: 'Dismiss an event or fused event (kept, left out of lists and exports; reopen with POST …/review)',
  parameters: [idPath('Event id, or fused event id (fe-…)'), query('note', 'Why it is dismissed')],
  responses: { '200': reviewed, ...writeErrors },
};
