// The place-word table (eval/places/place-words.json): the 300 most frequent place-like words of
// the development corpora, three occurrences each, judged by an annotator; the entity stage must
// agree with at least 95% of them. Reads the articles from ../shared, skipping when absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import { distanceKm } from '../core/geo.js';
import { toArticle } from '../app/analyze.js';
import { loadPlaceWords, readPlaceWordArticles, sha256, type PlaceWordOccurrence } from '../eval/place-words.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { STAGES } from '../pipeline/stages.js';
import type { GeoEntry } from './knowledge.js';
import type { PlaceResolution } from './resolve.js';

const AGREEMENT_FLOOR = 0.95;
/** A homonym village this close to the expected place, in its country, is the same place for the table. */
const SAME_PLACE_KM = 25;

const table = loadPlaceWords();
const wanted = new Set(table.occurrences.map((o) => `${o.corpus}/${o.doc}`));
const articles = await readPlaceWordArticles(wanted);

function pointOf(g: GeoEntry | undefined): { lat: number; lon: number; country: string } | null {
  if (g?.kind === 'place') return g.place;
  if (g?.kind === 'city') return g.city;
  return null;
}

test('the place-word table is well formed: 300 keys, each occurrence on its key; the second pass is of its occurrences', () => {
  assert.equal(Object.keys(table.keys).length, 300);
  for (const o of table.occurrences) assert.ok(o.key in table.keys, o.key);
  assert.equal(table.occurrences.length, 900);
  const at = (o: PlaceWordOccurrence) => `${o.corpus}/${o.doc}/${o.start}/${o.end}`;
  const first = new Set(table.occurrences.map(at));
  const second = JSON.parse(readFileSync(packagePath('eval', 'places', 'agreement', 'second-pass.json'), 'utf8')) as {
    occurrences: PlaceWordOccurrence[];
  };
  assert.equal(second.occurrences.length, 180);
  for (const o of second.occurrences) assert.ok(first.has(at(o)), at(o));
});

test(
  'the entity stage agrees with the place-word table on at least 95% of its occurrences',
  { skip: articles === null ? '../shared corpora absent' : false },
  (t) => {
    const context = loadPipelineContext({ withTagger: false });
    const geo = context.entities.geo;
    const upToEntities = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'entities') + 1);
    const byDoc = new Map<string, PlaceWordOccurrence[]>();
    for (const o of table.occurrences) {
      const key = `${o.corpus}/${o.doc}`;
      byDoc.set(key, [...(byDoc.get(key) ?? []), o]);
    }
    const disagreements: string[] = [];
    for (const [key, occurrences] of byDoc) {
      const article = articles!.get(key);
      assert.ok(article, `${key} is not in the corpus`);
      assert.equal(sha256(article.text), table.documents[key], `${key}: the article's text changed`);
      const doc = runPipeline(toArticle(article), context, upToEntities);
      const places = doc.entities.filter(
        (e): e is typeof e & { resolution: PlaceResolution } => e.resolution?.kind === 'place',
      );
      for (const o of occurrences) {
        const found = places.filter((e) => e.start < o.end && o.start < e.end).map((e) => e.resolution);
        let agrees: boolean;
        if (o.verdict === 'not-place') agrees = found.length === 0;
        else if (o.place!.startsWith('other:')) agrees = found.some((r) => r.country === o.place!.split(':')[1]);
        else {
          const expected = pointOf(geo.get(o.place!));
          agrees = found.some(
            (r) =>
              r.id === o.place ||
              (expected !== null &&
                r.country === expected.country &&
                distanceKm(r.lat, r.lon, expected.lat, expected.lon) <= SAME_PLACE_KM),
          );
        }
        if (!agrees) {
          const got = found.length ? found.map((r) => `${r.id} (${r.country})`).join(', ') : 'no place';
          const want = o.verdict === 'place' ? o.place : `not a place (${o.reason})`;
          disagreements.push(`${key} ${o.start}-${o.end} ${o.key}: expected ${want}, got ${got}`);
        }
      }
    }
    const agreement = 1 - disagreements.length / table.occurrences.length;
    t.diagnostic(`agreement ${(100 * agreement).toFixed(1)}% (${disagreements.length} disagreements)`);
    for (const d of disagreements) t.diagnostic(d);
    assert.ok(
      agreement >= AGREEMENT_FLOOR,
      `agreement ${(100 * agreement).toFixed(1)}% (${disagreements.length} of ${table.occurrences.length} disagree):\n  ${disagreements.join('\n  ')}`,
    );
  },
);
