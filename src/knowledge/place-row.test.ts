import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from './places.js';
import { placeEntryAsWritten } from './place-row.js';

test('every shipped row reads without zod as the place schema reads it, keys in the same order', () => {
  let rows = 0;
  for (const table of loadGazetteer().placeTables)
    for (let row = 0; row < table.size; row++, rows++) {
      const { asWritten, bySchema } = table.entryReadings(row);
      assert.ok(asWritten, `${table.idAt(row)}: left to the schema`);
      assert.equal(JSON.stringify(asWritten), JSON.stringify(bySchema), table.idAt(row));
      assert.deepEqual(asWritten, bySchema, table.idAt(row));
    }
  assert.ok(rows > 50_000, `${rows} rows`);
});

const cells = (changes: Record<number, unknown> = {}): unknown[] => {
  const row: unknown[] = [
    'ye-gn-1',
    'عدن',
    ['عدن الصغرى'],
    'Aden',
    12.8,
    45.0,
    0,
    null,
    null,
    5,
    1,
    60,
    0,
    'gn:415189',
  ];
  for (const [k, v] of Object.entries(changes)) row[Number(k)] = v;
  return row;
};
const read = (row: unknown[]) => placeEntryAsWritten(row, 'YE', ['Aden'], ['district', 'city']);

test('a row as written: the optional cells only when present, the source as its object', () => {
  assert.deepEqual(read(cells()), {
    id: 'ye-gn-1',
    name_ar: 'عدن',
    aliases_ar: ['عدن الصغرى'],
    name_en: 'Aden',
    lat: 12.8,
    lon: 45.0,
    country: 'YE',
    admin1: 'Aden',
    population: 5,
    feature: 'city',
    importance: 60,
    source: { geonames: 415189 },
  });
  assert.deepEqual(Object.keys(read(cells({ 7: 'Crater', 8: 'كريتر', 9: null, 12: 1, 13: 'x' }))!), [
    'id',
    'name_ar',
    'aliases_ar',
    'name_en',
    'lat',
    'lon',
    'country',
    'admin1',
    'admin2',
    'admin2_ar',
    'feature',
    'importance',
    'ambiguous',
    'source',
  ]);
});

test('a row the schema would reject or change is left to it', () => {
  for (const changes of [
    { 0: 'YE-1' },
    { 1: ' عدن' },
    { 1: '' },
    { 2: ['عدن '] },
    { 4: 91 },
    { 5: Number.NaN },
    { 6: 3 },
    { 7: '' },
    { 9: 0 },
    { 9: 2.5 },
    { 10: 7 },
    { 11: 101 },
    { 13: 'gn:x' },
    { 13: 4 },
  ])
    assert.equal(read(cells(changes)), null, JSON.stringify(changes));
  assert.equal(placeEntryAsWritten(cells(), 'ye', ['Aden'], ['city', 'city']), null);
});
