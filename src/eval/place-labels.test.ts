import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCandidateLabels } from './candidate-labels.js';
import { loadPlaceLabels, occurrenceKey, occurrencesOf, parsePlaceLabels, placeLabelProblems } from './place-labels.js';

const meta = {
  description: 'test',
  corpus: 'ant-ms-v2.1',
  annotator: 'test',
  guidelines: 'test',
  licence: 'CC BY-SA 4.0',
  batch: 1,
};

test('every place file parses and names occurrences of its candidates file', () => {
  const candidates = new Map(loadCandidateLabels().map(({ file }) => [file.$meta.batch, file]));
  for (const { path, file } of loadPlaceLabels()) {
    const labels = candidates.get(file.$meta.batch);
    assert.ok(labels, `${path}: no candidates-${file.$meta.batch}.json`);
    assert.deepEqual(placeLabelProblems(file, labels), [], path);
  }
});

test('a place label needs its gazetteer id, and a null one its reason', () => {
  const base = { doc: 'X-1-20180101', split: 'dev', occurrence: 1, trigger_start: null, note: '' };
  const located = {
    ...base,
    location: { name: 'Gaza', country: 'PS', lat: 31.5017, lon: 34.4668, geo_precision: 1 },
    gazetteer_id: 'city:ps-gaza',
    source: 'packs',
    reason: null,
  };
  assert.equal(parsePlaceLabels({ $meta: meta, places: [located] }, 't').places.length, 1);
  assert.throws(() => parsePlaceLabels({ $meta: meta, places: [{ ...located, gazetteer_id: null }] }, 't'));
  const none = { ...base, location: null, gazetteer_id: null, source: null, reason: null };
  assert.throws(() => parsePlaceLabels({ $meta: meta, places: [none] }, 't'));
  assert.equal(
    parsePlaceLabels({ $meta: meta, places: [{ ...none, reason: 'no_place_named' }] }, 't').places.length,
    1,
  );
  assert.throws(() =>
    parsePlaceLabels({ $meta: meta, places: [{ ...none, reason: 'no_place_named', trigger_start: 3 }] }, 't'),
  );
});

test('occurrences group an article’s tellings by number, an only event by its trigger', () => {
  const candidate = (start: number, occurrence?: number) => ({
    doc: 'D',
    split: 'dev' as const,
    trigger: { start, end: start + 3 },
    entry: 'e',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    kept: true,
    rule: 'kept',
    label: 'event' as const,
    reason: null,
    gold_type: 'Battles',
    gold_sub_type: 'Armed clash',
    ...(occurrence === undefined ? {} : { occurrence }),
    note: '',
  });
  const file = {
    $meta: meta as never,
    documents: {},
    candidates: [candidate(10, 1), candidate(50, 2), candidate(90, 1), { ...candidate(5), doc: 'E' }],
  };
  const found = occurrencesOf(file);
  assert.deepEqual(found.map(occurrenceKey), ['D#1', 'D#2', 'E@5']);
  assert.equal(found[0].candidates.length, 2);
});
