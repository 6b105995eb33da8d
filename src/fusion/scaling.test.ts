/**
 * Fusion of many near-copies of one report (five outlets, a day of news, or a hostile feed of
 * 2,000 copies) grows linearly with their number: the time of each doubling against the time
 * before it, over three doublings, as a ratio, never against a constant. Before, each newcomer
 * was compared with every member of its cluster, and 2,000 copies took 427 s to fuse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costRatio } from '../pipeline/cost-ratio.js';
import type { FusionFacts } from '../store/repository.js';
import { partition } from './fuse.js';

function copies(n: number): FusionFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${String(i).padStart(6, '0')}`,
    articleId: `a${i}`,
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Suicide bomb',
    date: '2018-03-21',
    time_precision: 1,
    lat: 34.5553,
    lon: 69.2075,
    geo_precision: 1,
    admin1: 'Kabul',
    actors1: ['islamic-state-af'],
    actors2: ['civilians-af'],
    place: 'Kabul',
  }));
}

test('near-copies of one report fuse into one event, in time linear in their number', () => {
  const clusters = partition(copies(500));
  assert.equal(clusters.length, 1);
  assert.equal(clusters[0].members.length, 500);
  const options = { minMs: 5, from: 1_000, maxN: 16_000, repeats: 3, doublings: 3 };
  let r = costRatio(copies, (events) => partition(events), options);
  if (r.perDoubling > 3) r = costRatio(copies, (events) => partition(events), options);
  assert.ok(
    r.perDoubling <= 3,
    `${r.msAtN.toFixed(1)} ms at ${r.n} copies, ${r.msAtLarge.toFixed(1)} ms at ${r.large}`,
  );
});
