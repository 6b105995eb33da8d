/**
 * Export from a real store: Arabic reports written for these tests (test/fixtures/export/) are
 * ingested into a temporary SQLite store, exported through the CLI, and read back with parsers
 * this project did not write (csv-parse; JSON.parse with an RFC 7946 schema written here, as no
 * GeoJSON validator package is installed). The acceptance test does the same on the
 * conflict_dev articles of ../shared and skips without them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { SqliteRepository } from '../store/sqlite.js';
import { ingestInputs } from '../app/ingest.js';
import { buildProgram } from '../cli/main.js';
import { packagePath } from '../core/paths.js';
import { ANT_CORPUS, sharedFile } from '../core/shared-data.js';

const ACLED_HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';

/** RFC 7946: a position is [longitude, latitude] within range (no altitude written here). */
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const pointFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.union([z.string(), z.number()]).optional(),
    geometry: z.object({ type: z.literal('Point'), coordinates: position }).strict(),
    properties: z.record(z.string(), z.unknown()).nullable(),
  })
  .strict();
const featureCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(pointFeature) }).strict();

type CsvRow = Record<string, string>;

async function withStore(fn: (dbPath: string, dir: string) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-export-'));
  try {
    await fn(join(dir, 'store.db'), dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function ingest(dbPath: string, inputs: string[], fieldMap?: Record<string, string>) {
  const repo = new SqliteRepository(dbPath);
  try {
    const summary = await ingestInputs(repo, inputs, { fieldMap });
    return { summary, fused: await repo.countFusedEvents(), undated: await countUndated(repo) };
  } finally {
    await repo.close();
  }
}

async function countUndated(repo: SqliteRepository): Promise<number> {
  return (await repo.listFusedEvents({})).filter((f) => f.record.date === null).length;
}

/** Runs `marsad export` as a user would, into a file. */
async function exportFile(dbPath: string, dir: string, format: string, ...args: string[]): Promise<string> {
  const out = join(dir, `export.${format}`);
  await (
    await buildProgram()
  )
    .exitOverride()
    .parseAsync(['node', 'marsad', 'export', '--db', dbPath, '--format', format, '--out', out, ...args]);
  assert.ok(!existsSync(`${out}.partial`));
  return readFileSync(out, 'utf8');
}

function readCsv(text: string): CsvRow[] {
  assert.equal(text.split('\r\n')[0], ACLED_HEADER);
  return parse<CsvRow>(text, { columns: true, bom: true });
}

function readGeojson(text: string) {
  return featureCollection.parse(JSON.parse(text));
}

test('fixture reports: ingest, export acled-csv and geojson, parse them back', async () => {
  await withStore(async (dbPath, dir) => {
    const { summary, fused, undated } = await ingest(dbPath, [
      packagePath('test', 'fixtures', 'export', 'reports.jsonl'),
    ]);
    assert.equal(summary.read, 5);
    assert.ok(fused >= 3, `${fused} fused events`);
    const rows = readCsv(await exportFile(dbPath, dir, 'acled-csv'));
    assert.equal(rows.length, fused - undated, 'one row per dated fused event');
    assert.ok(undated >= 1, 'the report without a publication date leaves its "yesterday" undated');
    assert.equal(new Set(rows.map((r) => r.event_id_cnty)).size, rows.length);
    for (const row of rows) {
      assert.match(row.event_id_cnty, /^LBY\d+$/);
      assert.match(row.event_date, /^\d{4}-\d{2}-\d{2}$/);
      assert.deepEqual([row.iso, row.country, row.region], ['434', 'Libya', 'Northern Africa']);
      assert.doesNotMatch(row.notes, /[\u0600-\u06ff]/);
      assert.match(row.interaction, /^(\d\d)?$/);
    }
    const strikes = rows.filter((r) => r.sub_event_type === 'Air/drone strike');
    assert.equal(strikes.length, 1, 'two reports of one air strike are one row');
    const strike = strikes[0];
    assert.equal(strike.source, 'Libya Observer; بوابة الوسط');
    assert.match(strike.tags, /reports 2/);
    assert.deepEqual([strike.location, strike.geo_precision, strike.latitude], ['Tripoli', '2', '32.8967']);
    assert.match(strike.tags, /geo_precision 2: south of/);
    const sabha = rows.find((r) => r.location === 'Sabha');
    assert.ok(sabha);
    assert.equal(sabha.source_scale, 'Regional', 'a Tunisian outlet reporting Libya');

    const geo = readGeojson(await exportFile(dbPath, dir, 'geojson'));
    const located = rows.filter((r) => r.latitude !== '');
    const datedFeatures = geo.features.filter((f) => f.properties?.date !== null);
    assert.deepEqual(
      new Set(datedFeatures.map((f) => f.properties?.event_id_cnty)),
      new Set(located.map((r) => r.event_id_cnty)),
    );

    const bom = await exportFile(dbPath, dir, 'acled-csv', '--bom', '--type', 'Battles');
    assert.ok(bom.startsWith('\ufeff'));
    assert.ok(readCsv(bom.slice(1)).every((r) => r.event_type === 'Battles'));
  });
});

/** The conflict_dev articles of the ANT corpus, with published_raw as the publication date. */
function conflictDevFile(dir: string, corpus: string): string {
  const lines = readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"conflict_dev": true'));
  const path = join(dir, 'conflict-dev.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('acceptance: the 86 conflict_dev articles export as ACLED CSV and GeoJSON', async (t) => {
  const corpus = sharedFile(...ANT_CORPUS);
  if (!corpus) {
    t.skip('../shared/datasets/ant-corpus/ant-v1.1.jsonl is absent');
    return;
  }
  await withStore(async (dbPath, dir) => {
    const input = conflictDevFile(dir, corpus);
    const { summary, fused, undated } = await ingest(dbPath, [input], { published: 'published_raw' });
    assert.equal(summary.read, 86);
    const csvText = await exportFile(dbPath, dir, 'acled-csv');
    assert.equal(csvText.slice(0, csvText.indexOf('\r\n')), ACLED_HEADER);
    const rows = readCsv(csvText);
    assert.equal(rows.length, fused - undated, 'one row per dated fused event');
    assert.equal(new Set(rows.map((r) => r.event_id_cnty)).size, rows.length);
    assert.ok(rows.length >= 40, `${rows.length} rows`);
    t.diagnostic(`conflict_dev: ${fused} fused events, ${rows.length} ACLED rows, ${undated} undated`);
    // Issue 12: a violent event always has a first actor: the one the article names, or ACLED's
    // unidentified category when it names none.
    const violentWithoutActor1 = rows.filter(
      (r) => r.disorder_type.startsWith('Political violence') && r.actor1 === '',
    );
    assert.deepEqual(
      violentWithoutActor1.map((r) => `${r.event_id_cnty} ${r.sub_event_type} in ${r.location}: ${r.notes}`),
      [],
    );

    const geo = readGeojson(await exportFile(dbPath, dir, 'geojson'));
    const datedFeatures = geo.features.filter((f) => f.properties?.date !== null);
    const located = rows.filter((r) => r.latitude !== '');
    assert.deepEqual(
      new Set(datedFeatures.map((f) => f.properties?.event_id_cnty)),
      new Set(located.map((r) => r.event_id_cnty)),
    );
    t.diagnostic(
      `conflict_dev: ${geo.features.length} GeoJSON features, ${rows.length - located.length} rows without coordinates`,
    );
  });
});
