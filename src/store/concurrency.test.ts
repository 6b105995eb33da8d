/**
 * Two `marsad ingest` processes writing overlapping inputs into one PostgreSQL database at the
 * same time end with exactly the union of their articles. Needs MARSAD_TEST_PG and the
 * compiled CLI (`npm run build`).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { articleId } from '../input/article-id.js';
import { scratchPostgresSchemas } from './postgres-schemas.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'bin', 'marsad.js');
const pgUrl = process.env.MARSAD_TEST_PG;
const skip = !pgUrl
  ? 'MARSAD_TEST_PG is not set (a postgres:// URL; see scripts/ci/setup-postgres.sh)'
  : !existsSync(join(root, 'dist', 'cli', 'main.js'))
    ? 'the CLI is not built (npm run build)'
    : undefined;

interface Report {
  title: string;
  text: string;
  published: string;
  source: string;
  url: string;
}

const PLACES = ['طرابلس', 'بنغازي', 'سرت', 'درنة', 'مصراتة', 'غريان', 'سبها', 'الزاوية'];

function report(n: number): Report {
  const place = PLACES[n % PLACES.length];
  return {
    title: `اشتباكات قرب ${place} (${n})`,
    text: `أفاد سكان في ${place} بسماع دوي اشتباكات متقطعة ليلة أمس في الحي رقم ${n}، ولم ترد أنباء عن إصابات.`,
    published: `2019-0${1 + (n % 9)}-1${n % 10}`,
    source: 'مرصد - نص اختبار',
    url: `https://example.org/test/${n}`,
  };
}

function writeJsonLines(path: string, reports: Report[]): void {
  writeFileSync(path, reports.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

function ingest(db: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, 'ingest', '--db', db, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const schemas = pgUrl ? scratchPostgresSchemas(pgUrl) : null;
after(() => schemas?.dropAll());

test(
  'two ingest processes on overlapping inputs store exactly the union, each origin once',
  { skip, timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-concurrency-'));
    try {
      // 100 reports in both files, 200 in each alone; B holds the shared ones in reverse order,
      // so the two transactions take row locks in opposite orders.
      const shared = Array.from({ length: 100 }, (_, i) => report(i));
      const onlyA = Array.from({ length: 200 }, (_, i) => report(1000 + i));
      const onlyB = Array.from({ length: 200 }, (_, i) => report(2000 + i));
      const fileA = join(dir, 'a.jsonl');
      const fileB = join(dir, 'b.jsonl');
      writeJsonLines(fileA, [...shared, ...onlyA]);
      writeJsonLines(fileB, [...onlyB, ...[...shared].reverse()]);
      const expectedIds = [...shared, ...onlyA, ...onlyB].map((r) => articleId(r.title, r.text)).sort();
      const db = await schemas!.create();

      // Twice: the first run also races the migrations of a fresh schema; the second is all duplicates.
      for (const round of [1, 2]) {
        const runs = await Promise.all([ingest(db, fileA), ingest(db, fileB)]);
        for (const run of runs) {
          assert.equal(run.code, 0, `round ${round}: ${run.stderr}`);
          assert.match(run.stdout, /read 300, new \d+, duplicate \d+, failed 0/);
        }
        const stored = runs.reduce((n, run) => n + Number(/new (\d+)/.exec(run.stdout)![1]), 0);
        assert.equal(stored, round === 1 ? 500 : 0, `round ${round}: articles reported new`);
      }

      const client = new pg.Client({ connectionString: db });
      await client.connect();
      try {
        const ids = (await client.query<{ id: string }>('SELECT id FROM articles ORDER BY id')).rows.map((r) => r.id);
        assert.deepEqual(ids, expectedIds);
        // Shared reports have one origin per file, the others one.
        const origins = await client.query<{ n: number; distinct_n: number }>(
          `SELECT count(*)::int AS n, count(DISTINCT (article_id, url, source, input))::int AS distinct_n FROM article_origins`,
        );
        assert.deepEqual(origins.rows[0], { n: 600, distinct_n: 600 });
        const versions = await client.query<{ version: number }>(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        assert.deepEqual(
          versions.rows.map((r) => r.version),
          [...new Set(versions.rows.map((r) => r.version))],
        );
      } finally {
        await client.end();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
