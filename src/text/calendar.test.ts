import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addIsoDays,
  addMonths,
  dayOfWeek,
  daysInMonth,
  formatIsoDate,
  isoWeekMonday,
  parseIsoDate,
} from './calendar.js';

test('ISO dates parse, format and move by days and months', () => {
  const cases: Array<[string, number, string]> = [
    ['2019-04-08', -1, '2019-04-07'],
    ['2019-03-01', -1, '2019-02-28'],
    ['2020-03-01', -1, '2020-02-29'],
    ['2018-12-31', 1, '2019-01-01'],
    ['2019-04-08', -7, '2019-04-01'],
  ];
  for (const [iso, days, expected] of cases) assert.equal(addIsoDays(iso, days), expected, `${iso} ${days}`);
  assert.equal(parseIsoDate('2019-02-29'), null);
  assert.equal(parseIsoDate('8/1/2018'), null);
  assert.deepEqual(parseIsoDate('2019-04-08T10:00:00Z'), { year: 2019, month: 4, day: 8 });
  const d = parseIsoDate('2019-03-31')!;
  assert.equal(formatIsoDate(addMonths(d, -1)), '2019-02-28');
  assert.equal(formatIsoDate(addMonths(d, -12 * 5)), '2014-03-31');
  assert.equal(dayOfWeek(parseIsoDate('2019-04-08')!), 1);
  assert.equal(formatIsoDate(isoWeekMonday(parseIsoDate('2019-04-07')!)), '2019-04-01');
  assert.equal(formatIsoDate(addDays(d, 1)), '2019-04-01');
  assert.equal(daysInMonth(2000, 2), 29);
  assert.equal(daysInMonth(1900, 2), 28);
});
