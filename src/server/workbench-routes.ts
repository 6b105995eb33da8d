/**
 * The analyst's workbench routes: fused events (list, detail, ACLED CSV and GeoJSON exports of
 * a filtered view, the same bytes as `marsad export`) and reviews (decide, dismiss, the audit
 * trail). Registered by createApp (app.ts) before its catch-all.
 */
import type { Context, Hono } from 'hono';
import { Writable } from 'node:stream';
import type { EntityKnowledge } from '../entities/knowledge.js';
import type { EventQuery, FusedEvent, Repository } from '../store/repository.js';
import { exportContext, exportFusedEvents, type ExportFormat } from '../export/index.js';
import type { ExportContext } from '../export/context.js';
import { fusePendingOptimistically } from '../fusion/fuse.js';
import { actorIdsNamed } from '../app/filter-values.js';
import { isFusedId, ReviewError, type ReviewInput } from '../review/review.js';
import { resolveCorrections } from '../review/corrections.js';
import { assertMayWrite, type AccessPolicy } from './access.js';
import { CountCache, LIST_TOTAL_CAP, StoreCache, filterKey } from './store-cache.js';
import { KeptJson } from './kept-json.js';
import { fusedDetailView, fusedItemView } from './fused-views.js';
import {
  ApiError,
  dismissQuery,
  fusedExportQuery,
  fusedListQuery,
  fusedMapQuery,
  parseOrThrow,
  reviewBody,
  toEventQuery,
  type ReviewBody,
} from './params.js';
import { articleSources, eventExcerpts, eventView } from './views.js';

const COMMA = Buffer.from(',');
const CLOSING = Buffer.from(']}');

export interface WorkbenchDeps {
  repo: Repository;
  knowledge: () => EntityKnowledge;
  access: AccessPolicy;
  /** Called after a write, so cached totals are recomputed. */
  changed: () => void;
}

/** The store's query for the request's filters, the actor resolved through the dictionary. */
export function filteredQuery(
  params: Parameters<typeof toEventQuery>[0],
  knowledge: () => EntityKnowledge,
): EventQuery {
  const ids = params.actor ? actorIdsNamed(knowledge().actors, params.actor) : null;
  return toEventQuery(params, ids);
}

export function registerWorkbenchRoutes(
  app: Hono,
  deps: WorkbenchDeps,
): { fusedEventResponse: typeof fusedEvent; clearCaches: () => void } {
  const { repo, knowledge, access } = deps;
  const fusedCounts = new CountCache(repo, (q) => repo.countFusedEvents(q));
  const fusedListTotals = new CountCache(repo, (q) => repo.countFusedEventsUpTo(q, LIST_TOTAL_CAP));
  let tables: Pick<ExportContext, 'countryByIso2' | 'outlets'> | null = null;
  const context = () => {
    tables ??= exportContext();
    return exportContext({ countryByIso2: tables.countryByIso2, outlets: tables.outlets });
  };

  async function fusedEvent(c: Context, id: string) {
    // A link to fe-X stays good when an earlier report joins and the event takes that report's id.
    const found = (await repo.getFusedEvent(id)) ?? (isFusedId(id) ? await repo.getFusedEvent(id.slice(3)) : null);
    if (!found) throw new ApiError(404, `no fused event with id "${id}"`);
    return c.json(fusedDetailView(found));
  }

  app.get('/api/fused-events', async (c) => {
    const params = parseOrThrow(fusedListQuery, c.req.query(), 'query');
    const query = filteredQuery(params, knowledge);
    const [items, { total, capped }] = await Promise.all([repo.fusedItemPage(query), fusedListTotals.count(query)]);
    // Most items come as the JSON bytes the database wrote, and are passed on as they are.
    const head = { total, totalCapped: capped, offset: params.offset, limit: params.limit };
    const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"items":[`)];
    items.forEach((item, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(item instanceof Uint8Array ? item : Buffer.from(JSON.stringify(fusedItemView(item))));
    });
    parts.push(CLOSING);
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(Buffer.concat(parts));
  });

  const exportRoute = (format: ExportFormat, type: string, filename: string) => async (c: Context) => {
    const params = parseOrThrow(fusedExportQuery, c.req.query(), 'query');
    const { limit, offset, ...filters } = filteredQuery(params, knowledge);
    // The export pages through the store itself; the view's limit and offset window its events.
    const windowed = {
      listFusedEvents: async (q: EventQuery): Promise<FusedEvent[]> => {
        const start = (q.offset ?? 0) + (offset ?? 0);
        const end = (offset ?? 0) + (limit ?? Infinity);
        const size = Math.min(q.limit ?? Infinity, end - start);
        if (size <= 0) return [];
        return repo.listFusedEvents({ ...q, offset: start, limit: size });
      },
    };
    const out = new TextCollector();
    await exportFusedEvents(windowed, out, { format, filters, context: context() });
    c.header('Content-Type', type);
    c.header('Content-Disposition', `attachment; filename="${filename}"`);
    return c.body(out.text());
  };
  app.get('/api/fused-events.csv', exportRoute('acled-csv', 'text/csv; charset=utf-8', 'marsad-acled.csv'));
  app.get(
    '/api/fused-events.geojson',
    exportRoute('geojson', 'application/geo+json; charset=utf-8', 'marsad-events.geojson'),
  );

  // The map's markers: narrow rows, each an array (a fifth of a GeoJSON feature's bytes), encoded
  // once and kept until the store changes (every analyst's map asks for the same ones on each refresh).
  const mapPoints = new StoreCache<KeptJson>(repo);
  const utf8 = new TextEncoder();
  app.get('/api/fused-events/map', async (c) => {
    const query = filteredQuery(parseOrThrow(fusedMapQuery, c.req.query(), 'query'), knowledge);
    const body = await mapPoints.get(`${query.limit} ${filterKey(query)}`, async () => {
      const [points, total] = await Promise.all([
        repo.fusedPoints(query),
        fusedCounts.count({ ...query, placed: true }),
      ]);
      const rows = points.map((p) => [p.id, p.lon, p.lat, p.event_type, p.fatalities, p.date]);
      return new KeptJson(utf8.encode(JSON.stringify({ total, limit: query.limit, points: rows })));
    });
    return body.send(c);
  });

  app.get('/api/fused-events/:id', (c) => fusedEvent(c, c.req.param('id')));

  app.post('/api/events/:id/review', async (c) => {
    assertMayWrite(c, access);
    const body = parseOrThrow(reviewBody, await jsonBody(c), 'body');
    return review(c, c.req.param('id'), await reviewInput(c.req.param('id'), body));
  });

  app.delete('/api/events/:id', async (c) => {
    assertMayWrite(c, access);
    const { note } = parseOrThrow(dismissQuery, c.req.query(), 'query');
    return review(c, c.req.param('id'), { action: 'dismiss', note: note ?? null });
  });

  app.get('/api/events/:id/reviews', async (c) => {
    const id = c.req.param('id');
    const [history, exists] = await Promise.all([repo.reviewHistory(id), eventExists(id)]);
    if (!exists && history.length === 0) throw new ApiError(404, `no event with id "${id}"`);
    return c.json({ id, reviews: history });
  });

  async function eventExists(id: string): Promise<boolean> {
    return isFusedId(id) ? (await repo.getFusedEvent(id)) !== null : (await repo.getEvent(id)) !== null;
  }

  /** The decision with its corrections resolved against the event as it stands. */
  async function reviewInput(id: string, body: ReviewBody): Promise<ReviewInput> {
    const input: ReviewInput = { action: body.action, note: body.note ?? null };
    if (body.action !== 'correct' || !body.changes) return input;
    const current = isFusedId(id) ? (await repo.getFusedEvent(id))?.record : (await repo.getEvent(id))?.record;
    if (!current) throw new ApiError(404, `no event with id "${id}"`);
    try {
      input.changes = resolveCorrections(body.changes, current, knowledge());
    } catch (err) {
      if (err instanceof ReviewError)
        throw new ApiError(400, `invalid body parameter "changes": ${err.message}`, 'changes');
      throw err;
    }
    return input;
  }

  async function review(c: Context, id: string, input: ReviewInput) {
    let decision;
    try {
      decision = await repo.reviewEvent(id, input);
    } catch (err) {
      if (err instanceof ReviewError) throw new ApiError(400, err.message);
      throw err;
    }
    if (!decision) throw new ApiError(404, `no event with id "${id}"`);
    // A correction sends the event's cluster back to fusion, which lays the decision over it again.
    await fusePendingOptimistically(repo);
    deps.changed();
    clearCaches();
    if (isFusedId(id)) {
      // A reopened or corrected fused event is found again through its anchor member.
      const fused = (await repo.getFusedEvent(id)) ?? (await repo.getFusedEvent(id.slice('fe-'.length)));
      return c.json({ id: fused?.id ?? id, review: decision, event: fused ? fusedDetailView(fused) : null });
    }
    const stored = await repo.getEvent(id);
    const article = stored ? await repo.getArticle(stored.article.id) : null;
    return c.json({
      id,
      review: decision,
      event: stored ? eventView(stored) : null,
      excerpts: stored && article ? eventExcerpts(article.text, stored.record) : [],
      sources: article ? articleSources(article) : [],
    });
  }

  function clearCaches(): void {
    fusedCounts.clear();
    fusedListTotals.clear();
    mapPoints.clear();
  }

  return { fusedEventResponse: fusedEvent, clearCaches: clearCaches };
}

async function jsonBody(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  try {
    return JSON.parse(raw);
  } catch {
    throw new ApiError(400, 'request body is not valid JSON');
  }
}

/** Collects what an export writes, as text. */
class TextCollector extends Writable {
  private readonly chunks: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    done();
  }
  text(): string {
    return this.chunks.join('');
  }
}
