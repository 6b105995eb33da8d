/**
 * The OpenAPI 3 description of every route, written by hand beside the zod schemas of
 * params.ts; the test suite checks that each route and query parameter the app accepts is here.
 */
import { EVENT_SORTS, EVENT_VIEWS, MAX_EXPORT_EVENTS } from './params.js';
import {
  DISMISS_OPERATION,
  LIST_TOTAL,
  WORKBENCH_FILTERS,
  WORKBENCH_SCHEMAS,
  workbenchPaths,
} from './openapi-workbench.js';

type Schema = Record<string, unknown>;

const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

const eventFilters = [
  query('bbox', 'Bounding box west,south,east,north in degrees', { type: 'string', example: '9.3,19.5,25.2,33.2' }),
  query('since', 'First event date, inclusive', date),
  query('until', 'Last event date, inclusive', date),
  query('type', 'ACLED event_type, any case (e.g. "battles"); an unknown one is a 400 listing the valid ones'),
  query('sub_type', 'ACLED sub_event_type, any case; of `type` when both are given'),
  query(
    'actor',
    'Actor id, or words of an actor name or alias (English or Arabic, through the actor dictionary), either side',
  ),
  query('place', 'Place id, or words of its name or district'),
  query('source', 'Words of the outlet name'),
  query('q', 'Arabic full-text query over the articles the events come from'),
  ...WORKBENCH_FILTERS,
];

const paging = (max: number, fallback: number) => [
  query('limit', `Page size (1-${max})`, { type: 'integer', minimum: 1, maximum: max, default: fallback }),
  query('offset', 'Items to skip', { type: 'integer', minimum: 0, default: 0 }),
];

const view = query(
  'view',
  'summary: each event without its evidence sentences and per-field sources (GET /api/events/{id} has them); full: the whole record',
  { type: 'string', enum: [...EVENT_VIEWS], default: 'summary' },
);
const sort = query('sort', 'Order: newest first, oldest first, or most fatalities first', {
  type: 'string',
  enum: [...EVENT_SORTS],
  default: 'date',
});
const lookup = [
  query('q', 'Words of a name (Arabic or English) or an id'),
  query('limit', 'At most this many', { type: 'integer', minimum: 1, maximum: 1000, default: 50 }),
];
const idPath = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: what,
  schema: { type: 'string' },
});

/** A count of events and their fatalities, under the key it groups by. */
const TALLY = {
  type: 'object',
  properties: { count: { type: 'integer' }, fatalities: { type: 'integer' } },
  additionalProperties: true,
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  '400': json(ref('Error'), 'A malformed parameter or body; `parameter` names it'),
  '404': json(ref('Error'), 'Not found'),
};
const bodyErrors = {
  ...errors,
  '401': json(ref('Error'), 'Writing needs the token (`Authorization: Bearer`), when the server has one'),
  '403': json(ref('Error'), 'A cross-site request (`Origin`, `Sec-Fetch-Site`), or a read-only server'),
  '413': json(ref('Error'), 'Body larger than the limit (5 MB by default)'),
  '503': json(
    ref('Error'),
    'Every extraction worker busy and the queue full, or the extraction took too long; see `Retry-After`',
  ),
};

const span = {
  type: 'object',
  required: ['start', 'end'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' } },
};
const evidence = {
  type: 'object',
  required: ['start', 'end', 'text'],
  properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } },
};
const articleRef = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    published: { type: 'string', nullable: true },
    source: { type: 'string', nullable: true },
    url: { type: 'string', nullable: true },
  },
};
const actor = {
  type: 'object',
  nullable: true,
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    name_ar: { type: 'string' },
    inter: { type: 'integer' },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.0.3',
  info: {
    title: 'Marsad API',
    version: '0.1.0',
    description:
      'Structured, geocoded, sourced conflict events from Arabic news. Every span is a half-open {start, end} in UTF-16 offsets of the original article text.',
    license: { name: 'MIT' },
  },
  paths: {
    '/api/events': {
      get: {
        summary: 'Events matching the filters, one page',
        parameters: [...eventFilters, ...paging(1000, 100), sort, view],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                ...LIST_TOTAL,
                limit: { type: 'integer' },
                offset: { type: 'integer' },
                events: { type: 'array', items: ref('Event') },
              },
            },
            'A page of events',
          ),
          '400': errors['400'],
        },
      },
    },
    '/api/events.geojson': {
      get: {
        summary:
          'Events matching the filters as a GeoJSON FeatureCollection of points (events without a place are counted, not drawn)',
        parameters: [...eventFilters, ...paging(MAX_EXPORT_EVENTS, 10_000), sort],
        responses: {
          '200': {
            description: 'FeatureCollection; properties are the flat event fields',
            content: { 'application/geo+json': { schema: ref('FeatureCollection') } },
          },
          '400': errors['400'],
        },
      },
    },
    '/api/events.csv': {
      get: {
        summary: 'Events matching the filters as CSV (one row per event, the GeoJSON properties as columns)',
        parameters: [...eventFilters, ...paging(MAX_EXPORT_EVENTS, 10_000), sort],
        responses: {
          '200': { description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } },
          '400': errors['400'],
        },
      },
    },
    '/api/events/{id}': {
      get: {
        summary:
          'One event with its evidence, the sentences around it (with the spans to highlight), every source and its review; a fused id (fe-…) gives the fused event, as GET /api/fused-events/{id}',
        parameters: [idPath('Event id, or fused event id (fe-…)')],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                event: ref('Event'),
                excerpts: { type: 'array', items: ref('Excerpt') },
                sources: { type: 'array', items: ref('Source') },
              },
            },
            'The event',
          ),
          '404': errors['404'],
        },
      },
      delete: DISMISS_OPERATION,
    },
    ...workbenchPaths(eventFilters),
    '/api/stats': {
      get: {
        summary:
          'Event counts and fatalities by day, type and district, for the same filters as /api/events; and the trends of the fused events (by week or month and type, admin1, actor, outlet)',
        parameters: [
          ...eventFilters,
          query('interval', 'The period of `fused.byPeriod`: week (from Monday) or month', {
            type: 'string',
            enum: ['week', 'month'],
            default: 'week',
          }),
          query('parts', 'all, or fused: only `fused` (the per-article counts, byDay most of all, left out)', {
            type: 'string',
            enum: ['all', 'fused'],
            default: 'all',
          }),
          query(
            'layout',
            'rows: `fused.byPeriod` as one object per period and type; columns: { periods, types, count, fatalities }, where count[t][p] is the events of types[t] in periods[p] (0 where none), a tenth of the bytes over many periods',
            { type: 'string', enum: ['rows', 'columns'], default: 'rows' },
          ),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                byDay: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      date: { type: 'string' },
                      count: { type: 'integer' },
                      fatalities: { type: 'integer' },
                    },
                  },
                },
                byType: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      event_type: { type: 'string' },
                      count: { type: 'integer' },
                      fatalities: { type: 'integer' },
                    },
                  },
                },
                byAdmin1: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      admin1: { type: 'string' },
                      count: { type: 'integer' },
                      fatalities: { type: 'integer' },
                    },
                  },
                },
                store: {
                  type: 'object',
                  description: 'What the store holds (articles, events, sources, publication range)',
                },
                fused: {
                  type: 'object',
                  description:
                    'Fused events matching the filters (one per occurrence): total, fatalities (each event’s lowest toll), unplaced (without coordinates), byPeriod (period = first day, by event_type), byType, byAdmin1 (country, admin1), byActor (id, name, name_ar), byOutlet (outlet); each with count and fatalities',
                  properties: {
                    interval: { type: 'string', enum: ['week', 'month'] },
                    total: { type: 'integer' },
                    fatalities: { type: 'integer' },
                    unplaced: { type: 'integer' },
                    byPeriod: {
                      oneOf: [
                        { type: 'array', items: TALLY },
                        {
                          type: 'object',
                          properties: {
                            periods: { type: 'array', items: { type: 'string' } },
                            types: { type: 'array', items: { type: 'string' } },
                            count: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
                            fatalities: { type: 'array', items: { type: 'array', items: { type: 'integer' } } },
                          },
                        },
                      ],
                    },
                    byType: { type: 'array', items: TALLY },
                    byAdmin1: { type: 'array', items: TALLY },
                    byActor: { type: 'array', items: TALLY },
                    byOutlet: { type: 'array', items: TALLY },
                  },
                },
              },
            },
            'Counts',
          ),
          '400': errors['400'],
        },
      },
    },
    '/api/articles': {
      get: {
        summary: 'Stored articles, newest first, with Arabic full-text search',
        parameters: [
          query('q', 'Full-text query (harakat, alef forms and glued clitics ignored)'),
          query('since', 'First publication date, inclusive', date),
          query('until', 'Last publication date, inclusive', date),
          ...paging(1000, 50),
        ],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                total: { type: 'integer' },
                limit: { type: 'integer' },
                offset: { type: 'integer' },
                articles: { type: 'array', items: ref('ArticleSummary') },
              },
            },
            'A page of articles',
          ),
          '400': errors['400'],
        },
      },
      post: {
        summary:
          'Ingest article(s): JSON object or array ({title, text, published, url, source}), JSON lines, HTML, RSS/Atom or plain text; each is stored and its events extracted',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { oneOf: [ref('ArticleInput'), { type: 'array', items: ref('ArticleInput') }] },
            },
            'application/x-ndjson': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
            'application/rss+xml': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        responses: {
          '201': json(
            {
              type: 'object',
              properties: {
                articles: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      title: { type: 'string' },
                      status: { type: 'string', enum: ['new', 'duplicate'] },
                      events: { type: 'integer' },
                    },
                  },
                },
                errors: { type: 'array', items: { type: 'string' } },
              },
            },
            'Stored; items that could not be read are listed in errors',
          ),
          ...bodyErrors,
        },
      },
    },
    '/api/articles/{id}': {
      get: {
        summary:
          'One article: its text as received, the entities the pipeline finds in it and its stored events (all with spans)',
        parameters: [idPath('Article id, or an unambiguous prefix of at least 6 characters')],
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                article: ref('Article'),
                entities: { type: 'array', items: ref('Entity') },
                events: { type: 'array', items: ref('Event') },
              },
            },
            'The article',
          ),
          '404': errors['404'],
        },
      },
    },
    '/api/extract': {
      post: {
        summary: 'Extract events from a text; stored as an article only with store=true',
        parameters: [
          query('store', 'Store the article and its events', { type: 'string', enum: ['true', 'false', '1', '0'] }),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['text'],
                properties: {
                  text: { type: 'string', maxLength: 200000 },
                  title: { type: 'string' },
                  published: {
                    ...date,
                    nullable: true,
                    description: 'Relative dates (أمس، الخميس الماضي) resolve against it',
                  },
                  url: { type: 'string', nullable: true },
                  source: { type: 'string', nullable: true },
                  store: { type: 'boolean' },
                },
                additionalProperties: false,
              },
            },
            'text/plain': { schema: { type: 'string', description: 'The article text alone' } },
          },
        },
        responses: {
          '200': json(ref('ExtractionRecord'), 'The extraction record (not stored)'),
          '201': json(ref('ExtractionRecord'), 'The extraction record, stored; Location names the article'),
          ...bodyErrors,
          '415': json(ref('Error'), 'Neither JSON nor plain text'),
        },
      },
    },
    '/api/actors': {
      get: {
        summary: 'Actors the knowledge packs know (canonical English and Arabic names, inter code, validity dates)',
        parameters: lookup,
        responses: {
          '200': json(
            {
              type: 'object',
              properties: { total: { type: 'integer' }, actors: { type: 'array', items: { type: 'object' } } },
            },
            'Actors',
          ),
          '400': errors['400'],
        },
      },
    },
    '/api/places': {
      get: {
        summary: 'Libyan places of the gazetteer, most important first',
        parameters: lookup,
        responses: {
          '200': json(
            {
              type: 'object',
              properties: { total: { type: 'integer' }, places: { type: 'array', items: { type: 'object' } } },
            },
            'Places',
          ),
          '400': errors['400'],
        },
      },
    },
    '/api/openapi.json': {
      get: { summary: 'This document', responses: { '200': json({ type: 'object' }, 'OpenAPI 3 document') } },
    },
  },
  components: {
    schemas: {
      ...WORKBENCH_SCHEMAS,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: { type: 'string' },
          parameter: { type: 'string', description: 'The query parameter or body field at fault' },
        },
      },
      Span: span,
      Evidence: evidence,
      ArticleRef: articleRef,
      ArticleSummary: { type: 'object', properties: { ...articleRef.properties, chars: { type: 'integer' } } },
      ArticleInput: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          text: { type: 'string' },
          published: { type: 'string' },
          url: { type: 'string' },
          source: { type: 'string' },
        },
      },
      Article: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          title: { type: 'string' },
          text: { type: 'string', description: 'As received; spans point into it' },
          published: { type: 'string', nullable: true },
          origins: {
            type: 'array',
            items: {
              type: 'object',
              properties: { url: { type: 'string', nullable: true }, source: { type: 'string', nullable: true } },
            },
          },
        },
      },
      Entity: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['PER', 'ORG', 'LOC', 'MISC'] },
          text: { type: 'string' },
          start: { type: 'integer' },
          end: { type: 'integer' },
          ref: { type: 'string', nullable: true },
        },
      },
      Event: {
        type: 'object',
        description:
          'The event record of docs/events (ACLED fields, PLOVER, evidence spans), with the article it comes from',
        properties: {
          id: { type: 'string' },
          event_type: { type: 'string' },
          sub_event_type: { type: 'string' },
          disorder_type: { type: 'string' },
          plover: {
            type: 'object',
            properties: { type: { type: 'string' }, mode: { type: 'string', nullable: true } },
          },
          date: { type: 'string', nullable: true },
          time_precision: { type: 'integer', nullable: true },
          actor1: actor,
          actor2: actor,
          assoc_actor_1: { type: 'array', items: actor },
          assoc_actor_2: { type: 'array', items: actor },
          location: { type: 'object', nullable: true },
          fatalities: { type: 'integer' },
          injured: { type: 'integer', nullable: true },
          modality: { type: 'string', enum: ['asserted', 'claimed', 'announced', 'planned', 'denied', 'threatened'] },
          claimed_by: { ...evidence, nullable: true },
          claimed_by_actor: { ...actor, description: 'The organisation the claimant speaks for, when named.' },
          evidence: { type: 'array', items: evidence },
          trigger: evidence,
          sources: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                field: { type: 'string' },
                rule: { type: 'string' },
                evidence: { ...evidence, nullable: true },
              },
            },
          },
          rule: { type: 'string' },
          confidence: { type: 'number' },
          review_status: {
            type: 'string',
            enum: ['confirmed', 'corrected', 'dismissed'],
            description:
              'In lists, when the event has been reviewed (absent: unreviewed); corrections are in the fields',
          },
          article: articleRef,
        },
      },
      Excerpt: {
        type: 'object',
        properties: {
          start: { type: 'integer' },
          end: { type: 'integer' },
          text: { type: 'string' },
          highlights: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } },
            },
          },
        },
      },
      Source: {
        type: 'object',
        properties: {
          article_id: { type: 'string' },
          title: { type: 'string' },
          published: { type: 'string', nullable: true },
          outlet: { type: 'string', nullable: true },
          url: { type: 'string', nullable: true },
        },
      },
      ExtractionRecord: {
        type: 'object',
        properties: {
          article: articleRef,
          events: { type: 'array', items: ref('Event') },
          entities: { type: 'array', items: ref('Entity') },
        },
      },
      FeatureCollection: {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['FeatureCollection'] },
          total: { type: 'integer' },
          without_location: { type: 'integer' },
          features: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
} as const;
