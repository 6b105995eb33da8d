/**
 * The whole harness on eval/gold/seeds.json. Needs the seed articles of ../shared and skips
 * without them; the extractor is still improving, so only the shape of the scores is checked,
 * plus a perfect predictor (the gold itself) that must score 1 everywhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../core/paths.js';
import { sharedFile } from '../core/shared-data.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { loadGold, type GoldEvent } from './gold.js';
import {
  evaluateGold,
  loadGoldArticles,
  MissingSharedDataError,
  pipelinePredictor,
  type Predictor,
} from './harness.js';
import type { PredictedEvent } from './score.js';
import * as evalIndex from './index.js';

const SEEDS_GOLD = packagePath('eval', 'gold', 'seeds.json');
const skip = sharedFile('seeds') ? false : '../shared/seeds is absent';

/** Every share, precision, recall and F1 in the report, with its path. */
function ratios(value: unknown, path = ''): [string, number | null][] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]): [string, number | null][] =>
    ['share', 'precision', 'recall', 'f1'].includes(k) && (typeof v === 'number' || v === null)
      ? [[`${path}.${k}`, v]]
      : ratios(v, `${path}.${k}`),
  );
}

test('public API', () => {
  assert.deepEqual(Object.keys(evalIndex).sort(), [
    'ACTOR_TOKEN_OVERLAP',
    'GOLD_CORPORA',
    'GoldFileSchema',
    'MissingSharedDataError',
    'PLACE_NEAR_KM',
    'actorMatches',
    'actorTokens',
    'compareActors',
    'evaluateGold',
    'loadGold',
    'loadGoldArticles',
    'matchEvents',
    'overlapScore',
    'parseGold',
    'pipelinePredictor',
    'placeDistanceKm',
    'prf',
    'rate',
    'scoreDocument',
    'scoreDocuments',
    'scorePair',
    'tokenOverlapRatio',
  ]);
});

test('a missing shared directory or corpus is an error naming the path', async () => {
  const gold = loadGold(SEEDS_GOLD);
  await assert.rejects(
    loadGoldArticles(gold, '/nonexistent/marsad-shared'),
    (e: unknown) =>
      e instanceof MissingSharedDataError &&
      e.path === '/nonexistent/marsad-shared' &&
      e.message.includes('/nonexistent/marsad-shared'),
  );
  const empty = mkdtempSync(join(tmpdir(), 'marsad-eval-'));
  try {
    await assert.rejects(
      loadGoldArticles(gold, empty),
      (e: unknown) => e instanceof MissingSharedDataError && e.path === join(empty, 'seeds'),
    );
    const ant = { ...gold, $meta: { ...gold.$meta, corpus: 'ant-v1.1' as const } };
    await assert.rejects(
      loadGoldArticles(ant, empty),
      (e: unknown) => e instanceof MissingSharedDataError && e.path.endsWith('ant-v1.1.jsonl'),
    );
  } finally {
    rmSync(empty, { recursive: true });
  }
});

test('seeds: the pipeline is scored and every ratio lies in [0, 1]', { skip }, async () => {
  const gold = loadGold(SEEDS_GOLD);
  const { report, documents } = await evaluateGold(gold, SEEDS_GOLD, pipelinePredictor(loadPipelineContext()));
  assert.deepEqual(report.missing, []);
  assert.deepEqual(report.warnings, []);
  assert.equal(documents.length, gold.documents.length);
  assert.equal(report.scores.detection.gold, 18);
  const found = ratios(report.scores);
  assert.ok(found.length > 20);
  for (const [path, v] of found) assert.ok(v === null || (v >= 0 && v <= 1), `${path} = ${v}`);
});

test('seeds: the gold itself scores 1 on every measure', { skip }, async () => {
  const gold = loadGold(SEEDS_GOLD);
  const { articles } = await loadGoldArticles(gold);
  const byText = new Map(articles.map((a) => [a.article.text, a.gold.events]));
  const perfect: Predictor = (article) => (byText.get(article.text) ?? []).map(asPredicted);
  const { report } = await evaluateGold(gold, SEEDS_GOLD, perfect);
  const s = report.scores;
  assert.equal(s.detection.f1, 1);
  assert.equal(s.subEventType.f1, 1);
  assert.equal(s.place.medianKm, 0);
  for (const [path, v] of ratios(s)) {
    if (path.includes('goldPlacePredictedNone') || path.includes('givenWhereNone'))
      assert.ok(v === 0 || v === null, `${path} = ${v}`);
    else assert.ok(v === 1 || v === null, `${path} = ${v}`);
  }
  assert.equal(s.notEvents.predictedInside, 0);
});

function asPredicted(e: GoldEvent): PredictedEvent {
  const actor = (name: string | null) => (name === null ? null : { id: name, name });
  const claimant = e.claimed_by?.[0];
  return {
    ...e,
    actor1: actor(e.actor1),
    actor2: actor(e.actor2),
    claimed_by: claimant ? { start: claimant.start, end: claimant.end } : null,
    claimed_by_actor: actor(claimant?.organisation ?? null),
  };
}
