/**
 * `/api/events` under load: 100,000 synthetic events over Libya and 2011-2024 in a fresh SQLite
 * store, the server on 127.0.0.1, autocannon (a separate process) for a few seconds per realistic
 * filter (limit 100).
 * Target: p99 under 50 ms for the map and timeline's filters. Text and outlet filters are
 * measured too, with words every article holds (the worst case): their cost grows with the
 * number of matching articles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawn } from 'node:child_process';
import type { ArticleInput } from '../core/article.js';
import type { EventActor, EventRecord } from '../events/record.js';
import { articleId } from '../input/article-id.js';
import { SqliteRepository } from '../store/sqlite.js';
import { loadActors } from '../knowledge/actors.js';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Benchmark } from './benchmarks.js';
import { loadGazetteer, nameKeyOf, type Place } from '../knowledge/places.js';
import { z } from 'zod';

export const AutocannonResult = z.object({
  latency: z.object({ p50: z.number(), p99: z.number(), max: z.number() }),
  requests: z.object({ average: z.number(), total: z.number() }),
  non2xx: z.number(),
  errors: z.number(),
  timeouts: z.number(),
});
export type AutocannonResult = z.infer<typeof AutocannonResult>;

/** autocannon's command line, run in its own process so the load does not share the server's thread. */
const AUTOCANNON_CLI = join(dirname(createRequire(import.meta.url).resolve('autocannon')), 'autocannon.js');

export function autocannon(url: string, connections: number, seconds: number): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON_CLI, '--json', '-c', String(connections), '-d', String(seconds), url],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        resolve(AutocannonResult.parse(JSON.parse(out)));
      } catch {
        reject(new Error(`autocannon exited ${code} without a result`));
      }
    });
  });
}

const EVENTS = 100_000;
const EVENTS_PER_ARTICLE = 5;
const SECONDS_PER_QUERY = 10;
const CONNECTIONS = 10;

/** The synthetic events' towns, by Arabic name (the queries below name two of them), found in the gazetteer. */
const TOWNS = ['طرابلس', 'بنغازي', 'مصراتة', 'سرت', 'سبها', 'درنة', 'ترهونة', 'أوباري', 'أجدابيا', 'الزاوية'];
let towns: Place[] | null = null;

/** The most important gazetteer entry of each town's name (the theatres' hand-written places). */
function benchTowns(): Place[] {
  if (towns) return towns;
  const gazetteer = loadGazetteer();
  const wanted = new Set(TOWNS.map((t) => nameKeyOf(t).words.join(' ')));
  const best = new Map<string, Place>();
  for (const name of gazetteer.placeNames()) {
    const key = name.words.join(' ');
    const place = wanted.has(key) ? gazetteer.byId.get(name.id) : undefined;
    const current = best.get(key);
    if (place && (!current || place.importance > current.importance)) best.set(key, place);
  }
  towns = [...best.values()];
  if (towns.length === 0) throw new Error('api bench: none of its towns is in the gazetteer');
  return towns;
}

/**
 * The synthetic events' actors, found in the actor dictionary by their English names (the
 * Libyan theatre's, and ACLED's generic categories named for Libya as the extractor names them),
 * so that filters by id or alias resolve as on real data. The first is the one the queries name.
 */
const ACTOR_NAMES = [
  'Military Forces of Libya (2014-) Libyan National Army',
  'Military Forces of Libya (2016-2021) Government of National Accord',
  'Islamic State (Libya)',
];
const GENERIC_ACTORS = ['Unidentified Armed Group', 'Civilians', 'Protesters'];
let actors: EventActor[] | null = null;

export function benchActors(): EventActor[] {
  if (actors) return actors;
  const dictionary = loadActors();
  const named = ACTOR_NAMES.map((name) => {
    const found = dictionary.actors.find((a) => a.name === name);
    if (!found) throw new Error(`api bench: no actor named "${name}" in the packs`);
    return found;
  });
  // Named for the first actor's country, as the extractor names them (extract.ts, namedForCountry).
  const country = loadGazetteer().countryByIso2.get(named[0].country ?? '');
  if (!country) throw new Error(`api bench: no country for "${named[0].name}"`);
  const generic = GENERIC_ACTORS.map((base) => {
    const found = dictionary.actors.find((a) => a.per_country === base);
    if (!found) throw new Error(`api bench: no generic actor "${base}" in the packs`);
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    return { ...found, id: `${slug}-${country.iso2.toLowerCase()}`, name: `${base} (${country.name_en})` };
  });
  actors = [...named, ...generic].map((a) => ({ id: a.id, name: a.name, name_ar: a.name_ar, inter: a.inter }));
  return actors;
}

const TYPES: [string, string, string][] = [
  ['Battles', 'Armed clash', 'Political violence'],
  ['Explosions/Remote violence', 'Air/drone strike', 'Political violence'],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Political violence'],
  ['Violence against civilians', 'Abduction/forced disappearance', 'Political violence'],
  ['Protests', 'Peaceful protest', 'Demonstrations'],
  ['Strategic developments', 'Arrests', 'Strategic developments'],
];

/** A small seeded generator: the same store every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FIRST_DAY = Date.UTC(2011, 1, 15) / 86_400_000;
const LAST_DAY = Date.UTC(2024, 11, 31) / 86_400_000;

function syntheticEvent(n: number, rand: () => number, text: string): EventRecord {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const [event_type, sub_event_type, disorder_type] = pick(TYPES);
  const place = pick(benchTowns());
  const day = FIRST_DAY + Math.floor(rand() * (LAST_DAY - FIRST_DAY));
  const span = { start: 0, end: text.length, text };
  return {
    id: `bench-${n}`,
    event_type,
    sub_event_type,
    disorder_type,
    plover: { type: 'ASSAULT', mode: null },
    date: new Date(day * 86_400_000).toISOString().slice(0, 10),
    time_precision: 1,
    date_text: null,
    actor1: pick(benchActors()),
    assoc_actor_1: [],
    actor2: rand() < 0.5 ? pick(benchActors()) : null,
    assoc_actor_2: [],
    location: {
      id: place.id,
      name: place.name_en,
      name_ar: place.name_ar,
      country: place.country,
      admin1: place.admin1,
      lat: Math.round((place.lat + (rand() - 0.5) * 0.2) * 1e4) / 1e4,
      lon: Math.round((place.lon + (rand() - 0.5) * 0.2) * 1e4) / 1e4,
      geo_precision: 1,
    },
    fatalities: rand() < 0.7 ? 0 : Math.floor(rand() * 30),
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    evidence: [span],
    trigger: { start: 0, end: 4, text: text.slice(0, 4) },
    rule: 'bench',
    confidence: 0.8,
    sources: [],
  };
}

/** Articles with five synthetic events each, the same on every run. */
export async function fillSyntheticStore(repo: SqliteRepository, events = EVENTS): Promise<void> {
  const rand = random(2011);
  const articles = events / EVENTS_PER_ARTICLE;
  for (let batch = 0; batch < articles; batch += 1000) {
    await repo.transaction(async () => {
      for (let a = batch; a < Math.min(articles, batch + 1000); a++) {
        const text = `اشتباكات بين قوات متنافسة في المدينة رقم ${a}، وأفادت مصادر محلية بسقوط ضحايا.`;
        const input: ArticleInput = {
          title: `خبر تجريبي ${a}`,
          text,
          published: null,
          publishedAt: null,
          publishedRaw: null,
          origin: {
            url: `https://bench.example.org/${a}`,
            source: a % 2 ? 'وكالة تجريبية' : 'صحيفة تجريبية',
            input: 'bench',
            externalId: null,
          },
        };
        const id = articleId(input.title, text);
        await repo.upsertArticle(id, input);
        await repo.replaceEvents(
          id,
          Array.from({ length: EVENTS_PER_ARTICLE }, (_, k) => syntheticEvent(a * EVENTS_PER_ARTICLE + k, rand, text)),
        );
      }
    });
  }
}

const QUERIES: [string, string][] = [
  ['newest 100, no filter', 'limit=100'],
  ['type and a year', 'type=Battles&since=2019-04-01&until=2020-06-30&limit=100'],
  ['bbox around Tripoli', 'bbox=12.5,32.3,14,33.2&limit=100'],
  ['actor since 2014', 'actor=lna&since=2014-01-01&limit=100'],
  ['place (Arabic), most fatalities first', `place=${encodeURIComponent('بنغازي')}&sort=fatalities&limit=100`],
  ['text in every article', `q=${encodeURIComponent('اشتباكات')}&limit=100`],
  ['outlet of half the articles', `source=${encodeURIComponent('وكالة')}&limit=100`],
];

export const apiBenchmark: Benchmark = {
  name: `GET /api/events on ${EVENTS.toLocaleString('en')} events (marsad serve and autocannon in their own processes, ${CONNECTIONS} connections, ${SECONDS_PER_QUERY} s per query)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-api-'));
    const path = join(dir, 'bench.db');
    try {
      const started = performance.now();
      const repo = new SqliteRepository(path);
      try {
        await fillSyntheticStore(repo);
      } finally {
        await repo.close();
      }
      const lines = [`store filled in ${((performance.now() - started) / 1000).toFixed(1)} s`];
      // The server runs as users run it: `marsad serve` in a process of its own.
      const server = await startServeProcess(path);
      try {
        for (const [name, query] of QUERIES) {
          const r = await autocannon(`${server.url}/api/events?${query}`, CONNECTIONS, SECONDS_PER_QUERY);
          const failed = r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '';
          lines.push(
            `${name.padEnd(40)} p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s${failed}`,
          );
        }
      } finally {
        server.stop();
      }
      return lines;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Starts `marsad serve` on a free port of 127.0.0.1 and waits until it answers. `stop` kills it
 * outright: a server still extracting need not finish for a benchmark.
 */
export async function startServeProcess(
  db: string,
  args: string[] = [],
  waitSeconds = 10,
): Promise<{ url: string; pid: number; stop(): void }> {
  const port = await freePort();
  const bin = fileURLToPath(new URL('../../bin/marsad.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), ...args],
    {
      stdio: 'ignore',
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < waitSeconds * 10; attempt++) {
    try {
      if ((await fetch(`${url}/api/openapi.json`)).ok)
        return { url, pid: child.pid!, stop: () => child.kill('SIGKILL') };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`marsad serve did not start within ${waitSeconds} s`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') return reject(new Error('the probe has no TCP port'));
      probe.close(() => resolve(address.port));
    });
  });
}
