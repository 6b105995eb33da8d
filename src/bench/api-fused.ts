/**
 * The workbench's fused-event queries under load: the 100,000 synthetic events of api.ts fused
 * (src/fusion) in a fresh SQLite store, `marsad serve` and autocannon in processes of their own,
 * a few seconds per query. Target: p99 under 50 ms for the main queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteRepository } from '../store/sqlite.js';
import { fusePending } from '../fusion/fuse.js';
import { autocannon, benchActors, fillSyntheticStore, startServeProcess } from './api.js';
import type { Benchmark } from './benchmarks.js';

const EVENTS = 100_000;
const SECONDS_PER_QUERY = 10;
const CONNECTIONS = 10;

const QUERIES: [string, string][] = [
  ['newest 100, no filter', '/api/fused-events?limit=100'],
  ['type', '/api/fused-events?type=battles&limit=100'],
  ['admin1', '/api/fused-events?admin1=Benghazi&limit=100'],
  ['actor (an Arabic alias)', `/api/fused-events?actor=${encodeURIComponent('قوات حفتر')}&limit=100`],
  [
    'type, admin1 and a toll, most fatalities first',
    '/api/fused-events?type=Battles&admin1=Tripoli&fatalitiesMin=5&sort=fatalities&limit=100',
  ],
  ['a page deep in the list (offset 50,000)', '/api/fused-events?offset=50000&limit=100'],
  ['unreviewed, oldest first', '/api/fused-events?review=unreviewed&sort=date-asc&limit=100'],
];

export const apiFusedBenchmark: Benchmark = {
  name: `GET /api/fused-events on ${EVENTS.toLocaleString('en')} events (marsad serve and autocannon in their own processes, ${CONNECTIONS} connections, ${SECONDS_PER_QUERY} s per query)`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-fused-'));
    const path = join(dir, 'bench.db');
    try {
      const started = performance.now();
      const repo = new SqliteRepository(path);
      let fused: number;
      let oneId: string;
      let fusionSeconds: number;
      try {
        await fillSyntheticStore(repo, EVENTS);
        const fusion = await fusePending(repo);
        fusionSeconds = fusion.seconds;
        fused = await repo.countFusedEvents();
        oneId = (await repo.listFusedEvents({ offset: 12_345, limit: 1 }))[0].id;
      } finally {
        await repo.close();
      }
      const lines = [
        `store filled and fused in ${((performance.now() - started) / 1000).toFixed(1)} s (fusion ${fusionSeconds.toFixed(1)} s): ${fused.toLocaleString('en')} fused events`,
      ];
      const server = await startServeProcess(path);
      try {
        const byId: [string, string] = ['actor (an id)', `/api/fused-events?actor=${benchActors()[0].id}&limit=100`];
        const oneEvent: [string, string] = ['one fused event (getFusedEvent)', `/api/fused-events/${oneId}`];
        for (const [name, path] of [...QUERIES.slice(0, 3), byId, ...QUERIES.slice(3), oneEvent]) {
          const r = await autocannon(`${server.url}${path}`, CONNECTIONS, SECONDS_PER_QUERY);
          const failed = r.non2xx + r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '';
          lines.push(
            `${name.padEnd(48)} p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s${failed}`,
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
