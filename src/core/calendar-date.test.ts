import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate } from './calendar-date.js';
import { parseDateOption } from '../cli/options.js';

test('only days that exist are calendar dates', () => {
  for (const ok of ['2019-04-08', '2020-02-29', '2000-02-29', '1999-12-31']) assert.equal(isCalendarDate(ok), true, ok);
  for (const bad of [
    '2019-02-31',
    '2019-02-29',
    '1900-02-29',
    '2019-04-31',
    '2019-13-01',
    '2019-00-10',
    '2019-4-8',
    '2019-04-08x',
  ])
    assert.equal(isCalendarDate(bad), false, bad);
});

test('the command line refuses an impossible --since', () => {
  assert.equal(parseDateOption('2020-02-29'), '2020-02-29');
  assert.throws(() => parseDateOption('2019-02-31'), /invalid date "2019-02-31": expected YYYY-MM-DD/);
});
