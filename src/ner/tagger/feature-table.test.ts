import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeatureTable } from './feature-table.js';
import { featureName } from './features.js';

test('a feature is found by its parts at the row its name has, even when a part holds | or =', () => {
  const names = [
    'bias',
    'w=|',
    'w=a',
    'w=',
    'w==',
    'w-1w=a|b',
    'w-1w=a||b',
    'w-1w=|',
    'sh3=x|y|z',
    'sh3=x|y|z|',
    'kn=a=b',
  ];
  const table = new FeatureTable(new Map(names.map((name, row) => [name, row])));
  const queries: [string, ...string[]][] = [
    ['bias'],
    ['w', '|'],
    ['w', 'a'],
    ['w', ''],
    ['w', '='],
    ['w-1w', 'a', 'b'],
    ['w-1w', 'a|', 'b'],
    ['w-1w', 'a', '|b'],
    ['w-1w', '', ''],
    ['sh3', 'x', 'y', 'z'],
    ['sh3', 'x', 'y', 'z|'],
    ['kn', 'a=b'],
  ];
  for (const [template, a, b, c] of queries) {
    const name = featureName(template, a, b, c);
    assert.equal(table.row(template, a, b, c), names.indexOf(name), name);
  }
  // Absent features, also where a prefix of the parts is present.
  assert.equal(table.row('first'), -1);
  assert.equal(table.row('w', 'b'), -1);
  assert.equal(table.row('w-1w', 'a', 'c'), -1);
  assert.equal(table.row('w-1w', 'a'), -1);
  assert.equal(table.row('sh3', 'x', 'y', 'q'), -1);
});
