/**
 * `npm run bench -- "1M events"`: the API over a store of a million events made from real ones.
 *
 * The store: the ANT corpus's articles that hold events, extracted by the pipeline as ingest runs
 * it, told again and again by five outlets (fusion.ts's near-copies: each copy its own article,
 * the story's events under new ids, a little perturbed), each period of the whole set of stories
 * PERIOD_DAYS after the last, until a million events are stored; written in batches of 500 and
 * fused batch by batch, as `marsad ingest` does. The same store on every run. Printed: build time,
 * disk size and the builder's peak memory; then `marsad serve` in a process of its own under
 * autocannon (10 connections) for the map, timeline, list, actor, place, outlet, fused and text
 * queries; then serve's peak memory. Targets (issue 14): p99 < 50 ms, a word found in every
 * article < 200 ms, serve's RSS < 1 GB.
 *
 * MARSAD_API_EVENTS (default 1,000,000) sets the size; MARSAD_API_DB=path keeps the store there
 * and reuses it on the next run when it holds as many events.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';
import { childPids } from '../core/child-processes.js';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import { normalizeForMatch } from '../text/normalize.js';
import { autocannon, benchActors, startServeProcess } from './api.js';
import { extractedCorpus, nthArticleFor, type Story } from './fusion.js';
import type { Benchmark } from './benchmarks.js';

const DEFAULT_EVENTS = 1_000_000;
const BATCH = 500;
/**
 * Days between periods: a year (in whole weeks). The stories' own dates span four years, so a
 * day holds the news of four periods: some twenty events a day, a busy theatre's. (A million
 * events in one decade of one country's places would be a hundred a day in the same towns, and
 * fusion's blocks would grow as no theatre's do.) The store then spans about a century.
 */
const PERIOD_DAYS = 364;
const CONNECTIONS = 10;
const SECONDS_PER_QUERY = 5;
/**
 * Serve as one process, and as two sharing the port (`--processes 2`): on a 2-core machine the
 * load generator takes part of a core, and one process cannot use the rest.
 */
const SERVE_PROCESSES = [1, 2];
/** The line every near-copy ends with names its outlet ("outlet 3, 12"): a word found in every article. */
const EVERY_ARTICLE_WORD = 'outlet';

function eventsWanted(): number {
  const raw = process.env.MARSAD_API_EVENTS;
  if (!raw) return DEFAULT_EVENTS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1_000)
    throw new Error(`MARSAD_API_EVENTS: expected a whole number ≥ 1000, got "${raw}"`);
  return n;
}

/** Bytes of the database file and its write-ahead log. */
function diskBytes(path: string): number {
  return [path, `${path}-wal`, `${path}-shm`].reduce((n, p) => n + (existsSync(p) ? statSync(p).size : 0), 0);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Peak resident memory of a process (VmHWM), in bytes; null where /proc is not there. */
function peakRss(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
    return line ? Number(line[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * The peaks of a process and its children, summed (an upper bound: they need not peak at once).
 * The children are serve's processes, not the worker threads, which share their process's memory.
 */
function peakRssOfTree(pid: number): number | null {
  const own = peakRss(pid);
  if (own === null) return null;
  const children = childPids(pid) ?? [];
  return children.reduce((sum, child) => sum + (peakRss(child) ?? 0), own);
}

/**
 * A word of one story only (the first such word of six letters or more, in the stories' seeded
 * order): its copies are the only articles that hold it.
 */
function rareWord(stories: Story[]): string {
  const storiesOf = new Map<string, number>();
  const wordsOf = (s: Story) => new Set(normalizeForMatch(s.input.text).match(/[\u0621-\u064a]{6,}/g) ?? []);
  for (const story of stories) for (const w of wordsOf(story)) storiesOf.set(w, (storiesOf.get(w) ?? 0) + 1);
  for (const story of stories) for (const w of wordsOf(story)) if (storiesOf.get(w) === 1) return w;
  throw new Error('api bench: no word belongs to one story only');
}

interface Built {
  events: number;
  articles: number;
  fused: number;
  seconds: number;
  fusionSeconds: number;
}

async function build(path: string, stories: Story[], wanted: number): Promise<Built> {
  const started = performance.now();
  const repo = new SqliteRepository(path);
  let fusionMs = 0;
  let events = 0;
  let n = 0;
  try {
    while (events < wanted) {
      const batch = Array.from({ length: BATCH }, (_, i) => nthArticleFor(stories, n + i, stories.length, PERIOD_DAYS));
      n += BATCH;
      await repo.transaction(async () => {
        for (const a of batch) {
          if ((await repo.upsertArticle(a.id, a.input)) !== 'new') continue;
          await repo.replaceEvents(a.id, a.events);
          events += a.events.length;
        }
      });
      const before = performance.now();
      await fusePending(repo);
      fusionMs += performance.now() - before;
      if (n % 50_000 === 0)
        process.stderr.write(
          `  ${n} articles, ${events} events in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
    }
    return {
      events,
      articles: n,
      fused: await repo.countFusedEvents(),
      seconds: (performance.now() - started) / 1000,
      fusionSeconds: fusionMs / 1000,
    };
  } finally {
    await repo.close();
  }
}

/** A kept store: its counts, when it holds the events wanted. */
async function reuse(path: string, wanted: number): Promise<Built | null> {
  if (!existsSync(path)) return null;
  // Opening applies what migrations the kept store lacks: their time is printed.
  const started = performance.now();
  const repo = new SqliteRepository(path);
  process.stderr.write(
    `  store opened (migrations applied) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  try {
    const stats = await repo.stats();
    if (stats.events < wanted) return null;
    return {
      events: stats.events,
      articles: stats.articles,
      fused: await repo.countFusedEvents(),
      seconds: 0,
      fusionSeconds: 0,
    };
  } finally {
    await repo.close();
  }
}

export const apiMillionBenchmark: Benchmark = {
  name: `the API on 1M events made from the ANT corpus's (MARSAD_API_EVENTS, MARSAD_API_DB; ${CONNECTIONS} connections, ${SECONDS_PER_QUERY} s per query)`,
  skipReason: () =>
    sharedFile(...ANT_CORPUS) ? null : `../shared/${ANT_CORPUS.join('/')} is absent (a fresh clone has no datasets)`,
  async run() {
    const wanted = eventsWanted();
    const kept = process.env.MARSAD_API_DB;
    const dir = kept ? null : mkdtempSync(join(tmpdir(), 'marsad-bench-million-'));
    const path = kept ?? join(dir!, 'million.db');
    try {
      const stories = (await extractedCorpus()).filter((s) => s.events.length > 0);
      const lines: string[] = [];
      let built = await reuse(path, wanted);
      if (built) lines.push(`store reused from ${path}`);
      else {
        rmSync(path, { force: true });
        built = await build(path, stories, wanted);
        lines.push(
          `built in ${built.seconds.toFixed(0)} s (fusion ${built.fusionSeconds.toFixed(0)} s), builder's peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
        );
      }
      lines.push(
        `${built.events.toLocaleString('en')} events in ${built.articles.toLocaleString('en')} articles (${stories.length} stories with events, five outlets), ` +
          `${built.fused.toLocaleString('en')} fused events; ${mb(diskBytes(path))} on disk`,
      );
      const rare = rareWord(stories);
      const actor = benchActors()[0];
      const q = (s: string) => encodeURIComponent(s);
      const queries: [string, string][] = [
        // What the workbench asks: the fused events' trends, by period as columns (the rows and
        // the full answer are below).
        ['timeline: /api/stats, weekly, no filter', '/api/stats?parts=fused&layout=columns'],
        [
          'timeline: /api/stats, monthly, one type',
          '/api/stats?interval=month&type=Battles&parts=fused&layout=columns',
        ],
        ['timeline, weekly, by period as rows', '/api/stats?parts=fused'],
        ['stats: /api/stats, all parts, no filter', '/api/stats'],
        ['map: the newest 20,000 markers', '/api/fused-events/map'],
        ['map: one type in a year', '/api/fused-events/map?type=Battles&since=2019-01-01&until=2019-12-31'],
        ['events: newest 100', '/api/events?limit=100'],
        ['events: type and a year', '/api/events?type=Battles&since=2019-04-01&until=2020-06-30&limit=100'],
        ['events: bbox around Tripoli', '/api/events?bbox=12.5,32.3,14,33.2&limit=100'],
        ['events: actor (an id)', `/api/events?actor=${q(actor.id)}&limit=100`],
        ['events: place, most fatalities first', `/api/events?place=${q('بنغازي')}&sort=fatalities&limit=100`],
        ['events: one outlet of five', `/api/events?source=${q('outlet 3')}&limit=100`],
        [`events: a rare word (${rare})`, `/api/events?q=${q(rare)}&limit=100`],
        [`events: a word in every article (${EVERY_ARTICLE_WORD})`, `/api/events?q=${EVERY_ARTICLE_WORD}&limit=100`],
        ['fused: newest 100', '/api/fused-events?limit=100'],
        ['fused: type', '/api/fused-events?type=Battles&limit=100'],
        ['fused: admin1', '/api/fused-events?admin1=Tripoli&limit=100'],
        ['fused: actor (an Arabic alias)', `/api/fused-events?actor=${q('قوات حفتر')}&limit=100`],
        ['fused: a page at offset 50,000', '/api/fused-events?offset=50000&limit=100'],
        ['fused: most fatalities first', '/api/fused-events?sort=fatalities&limit=100'],
        [`fused: a rare word`, `/api/fused-events?q=${q(rare)}&limit=100`],
      ];
      for (const processes of SERVE_PROCESSES) {
        lines.push(`marsad serve --processes ${processes}:`);
        // Once, just after a full build, serve took over 10 s to answer (the cause was not found).
        const server = await startServeProcess(path, ['--processes', String(processes)], 120);
        try {
          for (const [name, url] of queries) {
            // Alone first: what the first analyst to ask pays, before any answer is kept (by the
            // process that answers it: with several, the others find their own answers under load).
            const started = performance.now();
            const first = await fetch(`${server.url}${url}`);
            const bytes = (await first.arrayBuffer()).byteLength;
            const alone = performance.now() - started;
            const r = await autocannon(`${server.url}${url}`, CONNECTIONS, SECONDS_PER_QUERY);
            const failed = r.non2xx + r.errors + r.timeouts + (first.ok ? 0 : 1);
            lines.push(
              `  ${name.padEnd(52)} alone ${alone.toFixed(0)} ms (${(bytes / 1024).toFixed(0)} KB); ` +
                `p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s` +
                (failed ? `, ${failed} failed` : ''),
            );
          }
          const rss = peakRssOfTree(server.pid);
          lines.push(
            `  peak RSS, summed over serve's processes: ${rss === null ? 'unknown (no /proc)' : mb(rss)} (target < 1 GB)`,
          );
        } finally {
          server.stop();
        }
      }
      return lines;
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  },
};
