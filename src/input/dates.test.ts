import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePublished } from './dates.js';

test('parsePublished reads the formats news inputs use', () => {
  const table: Array<[string, { date: string; at: string | null } | null]> = [
    // ISO 8601: the date is the local date as written, not the UTC one
    ['2017-01-20T21:43:00+01:00', { date: '2017-01-20', at: '2017-01-20T21:43:00+01:00' }],
    ['2017-01-20T23:30:00-05:00', { date: '2017-01-20', at: '2017-01-20T23:30:00-05:00' }],
    ['2019-04-08', { date: '2019-04-08', at: null }],
    ['2019-04-08T10:00Z', { date: '2019-04-08', at: '2019-04-08T10:00:00Z' }],
    ['2019-04-08 10:00:05', { date: '2019-04-08', at: '2019-04-08T10:00:05' }],
    ['2019-04-08T10:00:05.250+0200', { date: '2019-04-08', at: '2019-04-08T10:00:05.250+02:00' }],
    ['2017-01-22T185600', { date: '2017-01-22', at: '2017-01-22T18:56:00' }],
    // RFC 822
    ['Mon, 08 Apr 2019 10:00:00 GMT', { date: '2019-04-08', at: '2019-04-08T10:00:00Z' }],
    ['Tue, 9 Apr 2019 18:45:00 +0200', { date: '2019-04-09', at: '2019-04-09T18:45:00+02:00' }],
    ['8 Apr 19 07:05 EST', { date: '2019-04-08', at: '2019-04-08T07:05:00-05:00' }],
    ['08 April 2019', { date: '2019-04-08', at: null }],
    // day first, as Arabic sites write it
    ['17/05/2015', { date: '2015-05-17', at: null }],
    ['7/5/2015', { date: '2015-05-07', at: null }],
    ['17-05-2015', { date: '2015-05-17', at: null }],
    ['17.05.2015', { date: '2015-05-17', at: null }],
    ['17/05/2015 14:20', { date: '2015-05-17', at: '2015-05-17T14:20:00' }],
    ['١٧/٠٥/٢٠١٥', { date: '2015-05-17', at: null }],
    // compact and year first
    ['20150517', { date: '2015-05-17', at: null }],
    ['2015/05/17', { date: '2015-05-17', at: null }],
    ['  2016-02-29  ', { date: '2016-02-29', at: null }],
    // invalid
    ['2015-13-01', null],
    ['32/01/2015', null],
    ['2015-02-29', null],
    ['20151301', null],
    ['2015-01-01T25:00:00', null],
    ['Foo, 08 Xyz 2019', null],
    ['أمس', null],
    ['', null],
  ];
  for (const [raw, expected] of table) assert.deepEqual(parsePublished(raw), expected, raw);
});
