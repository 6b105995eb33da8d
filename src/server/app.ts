/**
 * The HTTP API and the web app, as one Hono app. It never opens a socket itself (serve.ts does),
 * so tests call `app.request(...)` directly.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Article, ArticleInput } from '../core/article.js';
import { toArticle } from '../app/analyze.js';
import { loadEntityKnowledge, type EntityKnowledge } from '../entities/knowledge.js';
import type { ExtractionRecord } from '../events/record.js';
import { parseBuffer } from '../input/read.js';
import type { Repository } from '../store/repository.js';
import type { Analyzer } from './analyzer.js';
import { AnalyzerBusy } from './analyzer-pool.js';
import { lookupActors, lookupPlaces } from './lookups.js';
import { CountCache, LIST_TOTAL_CAP, StoreCache, filterKey } from './store-cache.js';
import { KeptJson } from './kept-json.js';
import { resolveArticleId } from '../store/article-prefix.js';
import { fusePendingOptimistically } from '../fusion/fuse.js';
import { OPENAPI_DOCUMENT } from './openapi.js';
import { accessPolicy, assertMayWrite, guardAccess, type AccessPolicy } from './access.js';
import {
  ApiError,
  articleListQuery,
  eventExportQuery,
  eventListQuery,
  eventStatsQuery,
  extractBody,
  lookupQuery,
  parseOrThrow,
  storeFlag,
} from './params.js';
import { filteredQuery, registerWorkbenchRoutes } from './workbench-routes.js';
import { periodColumns } from './period-columns.js';
import { isFusedId } from '../review/review.js';
import { CONTENT_SECURITY_POLICY, DEFAULT_WEB_DIR, staticFile } from './static.js';
import { articleSources, eventExcerpts, eventFeatureCollection, eventsCsv, eventView } from './views.js';

export const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;
const CLOSING_BRACE = Buffer.from('}');

export interface AppOptions {
  repo: Repository;
  /** Runs the pipeline (pipelineAnalyzer() in production; tests may pass their own). */
  analyzer: Analyzer;
  knowledge?: () => EntityKnowledge;
  /** The built web app; null serves the API only. */
  webDir?: string | null;
  bodyLimitBytes?: number;
  /** Host names, cross-site writes, the token (default: loopback names, no token). */
  access?: AccessPolicy;
}

export function createApp(options: AppOptions): Hono {
  const { repo } = options;
  const { analyzer } = options;
  const counts = new CountCache(repo, (q) => repo.countEvents(q));
  const listTotals = new CountCache(repo, (q) => repo.countEventsUpTo(q, LIST_TOTAL_CAP));
  // /api/stats answers, as the bytes sent: the timeline asks for the same ones again and again.
  const trends = new StoreCache<KeptJson>(repo);
  const utf8 = new TextEncoder();
  const storeChanged = () => {
    counts.clear();
    listTotals.clear();
    trends.clear();
  };
  // Look-ups read the packs only: no need for the tagger's model.
  const knowledge = options.knowledge ?? (() => loadEntityKnowledge({ withTagger: false }));
  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  const maxSize = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const access = options.access ?? accessPolicy();
  const app = new Hono();

  const limitBody = bodyLimit({
    maxSize,
    onError: (c) => c.json({ error: `request body larger than ${maxSize} bytes` }, 413),
  });

  // Set before the handler runs, so every response is built with them: headers changed on a
  // finished response make @hono/node-server rebuild it as a full web Response (slow).
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('Referrer-Policy', 'no-referrer');
    await next();
  });
  app.use('*', guardAccess(access));

  app.get('/api/openapi.json', (c) => c.json(OPENAPI_DOCUMENT));

  const workbench = registerWorkbenchRoutes(app, { repo, knowledge, access, changed: storeChanged });

  app.get('/api/events', async (c) => {
    const params = parseOrThrow(eventListQuery, c.req.query(), 'query');
    const query = filteredQuery(params, knowledge);
    if (params.view === 'full') {
      const [events, { total, capped }] = await Promise.all([repo.listEvents(query), listTotals.count(query)]);
      return c.json({
        total,
        totalCapped: capped,
        limit: query.limit,
        offset: query.offset,
        events: events.map(eventView),
      });
    }
    // The busiest route: the database writes the page's JSON bytes, which are passed on as they are.
    const [page, { total, capped }] = await Promise.all([repo.eventSummaryPage(query), listTotals.count(query)]);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    const head = Buffer.from(
      `{"total":${total},"totalCapped":${capped},"limit":${query.limit},"offset":${query.offset},"events":`,
    );
    return c.body(Buffer.concat([head, page, CLOSING_BRACE]));
  });

  app.get('/api/events.geojson', async (c) => {
    const query = filteredQuery(parseOrThrow(eventExportQuery, c.req.query(), 'query'), knowledge);
    const [events, total] = await Promise.all([repo.listEvents(query), counts.count(query)]);
    c.header('Content-Type', 'application/geo+json; charset=utf-8');
    return c.body(JSON.stringify(eventFeatureCollection(events, total)));
  });

  app.get('/api/events.csv', async (c) => {
    const query = filteredQuery(parseOrThrow(eventExportQuery, c.req.query(), 'query'), knowledge);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="marsad-events.csv"');
    return c.body(eventsCsv(await repo.listEvents(query)));
  });

  app.get('/api/events/:id', async (c) => {
    if (isFusedId(c.req.param('id'))) return workbench.fusedEventResponse(c, c.req.param('id'));
    const stored = await repo.getEvent(c.req.param('id'));
    if (!stored) throw new ApiError(404, `no event with id "${c.req.param('id')}"`);
    const article = await repo.getArticle(stored.article.id);
    return c.json({
      event: eventView(stored),
      review: stored.review ?? null,
      excerpts: article ? eventExcerpts(article.text, stored.record) : [],
      sources: article ? articleSources(article) : [],
    });
  });

  app.get('/api/stats', async (c) => {
    const { interval, parts, layout, ...filters } = parseOrThrow(eventStatsQuery, c.req.query(), 'query');
    const query = filteredQuery(filters, knowledge);
    const body = await trends.get(`${parts} ${interval} ${layout} ${filterKey(query)}`, async () => {
      const fusedTrends = async () => {
        const fused = await repo.fusedEventStats(query, interval);
        return { interval, ...fused, ...(layout === 'columns' ? { byPeriod: periodColumns(fused.byPeriod) } : {}) };
      };
      // The workbench draws the fused events' trends only: a century of per-article days is most
      // of a full answer (3.9 MB at a million events).
      if (parts === 'fused') return new KeptJson(utf8.encode(JSON.stringify({ fused: await fusedTrends() })));
      const [stats, total, store, fused] = await Promise.all([
        repo.eventStats(query),
        counts.count(query),
        repo.stats(),
        fusedTrends(),
      ]);
      return new KeptJson(utf8.encode(JSON.stringify({ total, ...stats, store, fused })));
    });
    return body.send(c);
  });

  app.get('/api/articles', async (c) => {
    const { q, since, until, limit, offset } = parseOrThrow(articleListQuery, c.req.query(), 'query');
    const query = { search: q, since, until, limit, offset };
    const [articles, total] = await Promise.all([repo.listArticles(query), repo.countArticles(query)]);
    return c.json({ total, limit, offset, articles });
  });

  app.get('/api/articles/:id', async (c) => {
    const article = await findArticle(repo, c.req.param('id'));
    const extraction = await analyzer.extract(article);
    const events = await repo.listEvents({ articleId: article.id, sort: 'date-asc', includeDismissed: true });
    return c.json({ article, entities: extraction.entities, events: events.map(eventView) });
  });

  app.post('/api/articles', limitBody, async (c) => {
    assertMayWrite(c, access);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const contentType = c.req.header('content-type');
    // Parsing a large HTML page is slow too: in the analyzer's workers when it has them.
    const items = analyzer.parse
      ? await analyzer.parse(body, 'request body', contentType)
      : parseBuffer(Buffer.from(body), 'request body', { contentType });
    const stored: { id: string; title: string; status: string; events: number }[] = [];
    const errors: string[] = [];
    for (const item of items) {
      if (item.kind === 'error') {
        errors.push(item.message);
        continue;
      }
      const { article, status, record } = await storeAndExtract(repo, analyzer, item.article);
      stored.push({ id: article.id, title: article.title, status, events: record.events.length });
    }
    storeChanged();
    workbench.clearCaches();
    if (stored.length === 0) throw new ApiError(400, errors[0] ?? 'the body holds no article');
    return c.json({ articles: stored, errors }, 201);
  });

  app.post('/api/extract', limitBody, async (c) => {
    const flag = parseOrThrow(storeFlag, c.req.query(), 'query');
    const body = parseOrThrow(extractBody, await extractRequestBody(c), 'body');
    const input: ArticleInput = {
      title: body.title ?? '',
      text: body.text,
      published: body.published ?? null,
      publishedAt: null,
      publishedRaw: body.published ?? null,
      origin: { url: body.url ?? null, source: body.source ?? null, input: 'POST /api/extract', externalId: null },
    };
    if (body.store || flag.store === 'true' || flag.store === '1') {
      assertMayWrite(c, access);
      const { article, record } = await storeAndExtract(repo, analyzer, input);
      storeChanged();
      workbench.clearCaches();
      c.header('Location', `/api/articles/${article.id}`);
      return c.json(record, 201);
    }
    return c.json((await analyze(analyzer, input)).record);
  });

  app.get('/api/actors', (c) => {
    const { q, limit } = parseOrThrow(lookupQuery, c.req.query(), 'query');
    return c.json(lookupActors(knowledge(), q, limit));
  });

  app.get('/api/places', (c) => {
    const { q, limit } = parseOrThrow(lookupQuery, c.req.query(), 'query');
    return c.json(lookupPlaces(knowledge(), q, limit));
  });

  app.all('/api/*', (c) => c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404));

  app.get('*', async (c) => {
    const file = webDir === null ? null : await staticFile(webDir, c.req.path);
    if (!file)
      return c.json({ error: webDir === null ? 'the web app is not served' : `not found: ${c.req.path}` }, 404);
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file.type.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600');
    return c.body(new Uint8Array(file.body));
  });

  app.onError((err, c) => {
    if (err instanceof AnalyzerBusy) {
      c.header('Retry-After', '5');
      return c.json({ error: err.message }, 503);
    }
    if (err instanceof ApiError) {
      return c.json(
        err.parameter === undefined ? { error: err.message } : { error: err.message, parameter: err.parameter },
        err.status,
      );
    }
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });

  return app;
}

/** By full id, or by an unambiguous prefix of at least 6 characters (as shown in short lists). */
async function findArticle(repo: Repository, id: string): Promise<Article> {
  // A prefix needs six characters here: shorter ones would let a client walk the store.
  const lookup = id.length >= 6 ? await resolveArticleId(repo, id) : null;
  const found = lookup && 'id' in lookup ? await repo.getArticle(lookup.id) : await repo.getArticle(id);
  if (!found)
    throw new ApiError(
      404,
      lookup && 'error' in lookup && lookup.ambiguous ? lookup.error : `no article with id "${id}"`,
    );
  return found;
}

/**
 * Stores the article and replaces its events with a fresh extraction. The extraction comes
 * first and fusion after, both outside the transaction: the write lock is held for the writes.
 */
async function storeAndExtract(
  repo: Repository,
  analyzer: Analyzer,
  input: ArticleInput,
): Promise<{ article: Article; status: string; record: ExtractionRecord }> {
  const { article, record } = await analyze(analyzer, input);
  const status = await repo.transaction(async () => {
    const result = await repo.upsertArticle(article.id, input);
    // As ingest does: a duplicate keeps the events of its first copy; new events are fused.
    if (result === 'new') await repo.replaceEvents(article.id, record.events);
    return result;
  });
  if (status === 'new') await fusePendingOptimistically(repo);
  return { article, status, record };
}

/** The article and its extraction, in the analyzer's workers when it has them. */
async function analyze(
  analyzer: Analyzer,
  input: ArticleInput,
): Promise<{ article: Article; record: ExtractionRecord }> {
  if (analyzer.analyze) return analyzer.analyze(input);
  const article = toArticle(input);
  return { article, record: await analyzer.extract(article) };
}

/** JSON as documented; plain text is taken as the article's text, for `curl --data-binary @file`. */
async function extractRequestBody(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const raw = await c.req.text();
  if (type === 'text/plain') return { text: raw };
  if (type !== 'application/json' && type !== '')
    throw new ApiError(415, `unsupported content type "${type}": send application/json or text/plain`);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'request body is not valid JSON');
  }
}
