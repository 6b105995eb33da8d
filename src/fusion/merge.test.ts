/** Merging a cluster's records: the toll is the lowest of the reports that give one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRecord } from '../events/record.js';
import type { StoredEvent } from '../store/repository.js';
import { fatalitiesRange, mergeRecords } from './merge.js';

function member(id: string, fatalities: number | null): StoredEvent {
  const record: EventRecord = {
    id,
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    disorder_type: 'Political violence',
    plover: { type: 'ASSAULT', mode: null },
    date: '2019-04-07',
    time_precision: 1,
    date_text: null,
    actor1: null,
    assoc_actor_1: [],
    actor2: null,
    assoc_actor_2: [],
    location: null,
    // A report without a figure is coded 0 (events.md) and has no fatalities source.
    fatalities: fatalities ?? 0,
    injured: null,
    modality: 'asserted',
    claimed_by: null,
    evidence: [],
    trigger: { start: 0, end: 4, text: 'قتال' },
    rule: 'test',
    confidence: 0.9,
    sources:
      fatalities === null
        ? []
        : [{ field: 'fatalities', rule: 'toll.figure', evidence: { start: 0, end: 4, text: 'قتلى' } }],
    notes: fatalities === null ? ['no fatality figure reported'] : undefined,
  };
  return { record, article: { id: `a-${id}`, title: id, published: null, source: id, url: null } };
}

test('three reports 12, none and 15: the lowest figure given, 12, and the range [12, 15]', () => {
  const members = [member('a', 12), member('b', null), member('c', 15)];
  const merged = mergeRecords('f', members);
  assert.equal(merged.fatalities, 12);
  assert.deepEqual(fatalitiesRange(members.map((m) => m.record)), [12, 15]);
  assert.ok(merged.notes?.some((n) => /1 report\(s\) without a figure/.test(n)));
  // The silent report first does not win either.
  assert.equal(mergeRecords('g', [member('b', null), member('c', 15), member('a', 12)]).fatalities, 12);
});

test('no report gives a figure: 0, the range [0, 0]; a reported 0 stays a report', () => {
  const silent = [member('a', null), member('b', null)];
  assert.equal(mergeRecords('f', silent).fatalities, 0);
  assert.deepEqual(fatalitiesRange(silent.map((m) => m.record)), [0, 0]);
  assert.equal(mergeRecords('g', [member('a', 0), member('b', 5)]).fatalities, 0);
});

test("the claimant and its organisation come from the same report, the asserted one's", () => {
  const army = { id: 'x-army', name: 'Military Forces of X', name_ar: 'الجيش', inter: 1 };
  const claimed = member('a', 3);
  claimed.record = {
    ...claimed.record,
    modality: 'claimed',
    claimed_by: { start: 0, end: 5, text: 'الجيش' },
    claimed_by_actor: army,
  };
  const alone = mergeRecords('f', [claimed]);
  assert.deepEqual([alone.claimed_by?.text, alone.claimed_by_actor?.id], ['الجيش', 'x-army']);
  // An asserted report elsewhere: neither the claimant's words nor its organisation stay.
  const merged = mergeRecords('g', [claimed, member('b', 3)]);
  assert.deepEqual([merged.claimed_by, merged.claimed_by_actor], [null, null]);
});

test('a report that names the attacker outranks an earlier one that calls it unidentified', () => {
  const unknown = {
    id: 'unidentified-military-forces',
    name: 'Unidentified Military Forces',
    name_ar: 'قوات عسكرية مجهولة',
    inter: 8,
  };
  const syria = { id: 'sy-military', name: 'Military Forces of Syria', name_ar: 'الجيش السوري', inter: 1 };
  const civilians = { id: 'civilians-sy', name: 'Civilians (Syria)', name_ar: 'مدنيون', inter: 7 };
  const first = member('a', 58);
  first.record.actor1 = unknown;
  first.record.actor2 = civilians;
  const second = member('b', 90);
  second.record.actor1 = syria;
  const merged = mergeRecords('f', [first, second]);
  assert.equal(merged.actor1?.id, 'sy-military');
  assert.equal(merged.actor2?.id, 'civilians-sy');
  // Unidentified alone is kept: it is what the reports say.
  assert.equal(mergeRecords('g', [first, member('c', null)]).actor1?.id, 'unidentified-military-forces');
});
