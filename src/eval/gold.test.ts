import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../core/paths.js';
import * as gold from './gold.js';
import { loadClaimantReview, loadGold, parseGold } from './gold.js';

test('public API', () => {
  assert.deepEqual(Object.keys(gold).sort(), [
    'ClaimantReviewSchema',
    'GOLD_CORPORA',
    'GoldFileSchema',
    'NOT_EVENT_REASONS',
    'loadClaimantReview',
    'loadGold',
    'mergeGold',
    'parseGold',
    'selectSplit',
  ]);
});

/** A second annotator's claimants (agreement/claimants-*.json), not a gold file of its own. */
const isClaimantReview = (f: string) => /(^|\/)claimants-[^/]*\.json$/.test(f);

/** Every gold file committed under eval/gold (the sample list and claimant reviews are not gold files). */
function goldFiles(): string[] {
  const dir = packagePath('eval', 'gold');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return files
    .filter((f) => f.endsWith('.json') && f !== 'ant-ms-sample.json' && !isClaimantReview(f))
    .map((f) => join(dir, f));
}

test('gold claimants lie in their article and the claimant reviews name events that exist', () => {
  const dir = packagePath('eval', 'gold');
  const events = new Map<string, { claimed_by?: unknown[] }>();
  for (const file of goldFiles()) {
    const g = loadGold(file);
    for (const d of g.documents) {
      d.events.forEach((e, i) => events.set(`${file.slice(dir.length + 1)}:${d.doc}#${i}`, e));
      for (const e of d.events)
        for (const c of e.claimed_by ?? []) assert.ok(c.start < c.end, `${file} ${d.doc}: empty claimant`);
    }
  }
  const reviews = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(isClaimantReview);
  assert.ok(reviews.length > 0);
  for (const review of reviews) {
    for (const c of loadClaimantReview(join(dir, review)).claimants) {
      const event = events.get(`${c.gold}:${c.doc}#${c.event}`);
      assert.ok(event?.claimed_by !== undefined, `${review}: ${c.gold} ${c.doc} event ${c.event} has no gold claimant`);
    }
  }
});

test('the committed gold files are valid, with spans inside their evidence', () => {
  const files = goldFiles();
  assert.ok(files.some((f) => f.endsWith('seeds.json')) && files.some((f) => f.endsWith('ant-conflict-dev.json')));
  for (const file of files) {
    const g = loadGold(file);
    assert.ok(g.documents.length > 0, file);
    for (const d of g.documents) {
      for (const e of d.events) {
        // The trigger names the event inside one of the sentences reporting it.
        const inside = e.evidence.some((s) => s.start <= e.trigger.start && e.trigger.end <= s.end);
        assert.ok(inside, `${file} ${d.doc}: trigger outside the evidence`);
      }
    }
  }
});

test('multi-source gold: every document has the split of the sample, every not_event a reason', () => {
  const sample = JSON.parse(readFileSync(packagePath('eval', 'gold', 'ant-ms-sample.json'), 'utf8')) as {
    documents: { doc: string; split: string }[];
  };
  const splitOf = new Map(sample.documents.map((d) => [d.doc, d.split]));
  for (const file of goldFiles()) {
    const g = loadGold(file);
    if (g.$meta.corpus !== 'ant-ms-v2.1') continue;
    for (const d of g.documents) {
      assert.equal(d.split, splitOf.get(d.doc), `${file} ${d.doc}: split`);
      for (const n of d.not_events ?? [])
        assert.ok(n.reason !== undefined, `${file} ${d.doc}: not_event without reason`);
    }
  }
});

const EVENT = {
  event_type: 'Battles',
  sub_event_type: 'Armed clash',
  date: '2016-10-04',
  time_precision: 1,
  date_text: 'أمس',
  location: { name: 'Sirte', country: 'LY', lat: 31.2089, lon: 16.5887, geo_precision: 1 },
  actor1: 'Libya Dawn',
  assoc_actor_1: [],
  actor2: null,
  assoc_actor_2: [],
  fatalities: 2,
  injured: null,
  modality: 'asserted',
  trigger: { start: 5, end: 12 },
  evidence: [{ start: 0, end: 40 }],
  note: 'n',
};
const META = { description: 'd', annotator: 'a', guidelines: 'g', version: 1, corpus: 'ant-v1.1', licence: 'l' };
const DOC = { doc: 'x', published: '2016-10-05', text_sha256: 'a'.repeat(64), events: [EVENT] };

test('parseGold: accepts the documented format, optional fields included', () => {
  const withOptional = { ...DOC, body_start: 44, not_events: [{ start: 50, end: 60, why: 'background' }] };
  const { assoc_actor_1, assoc_actor_2, note, ...bare } = EVENT;
  const parsed = parseGold({
    $meta: META,
    documents: [withOptional, { ...DOC, doc: 'y', events: [{ ...bare, fatalities: null }] }],
  });
  assert.equal(parsed.documents[0].body_start, 44);
  assert.equal(parsed.documents[1].events[0].fatalities, null);
});

test('parseGold: rejects what a hand edit gets wrong, naming the place', () => {
  const cases: [string, unknown, RegExp][] = [
    [
      'sub-event type of another type',
      { ...EVENT, sub_event_type: 'Air/drone strike' },
      /sub_event_type.*not a sub-event type of Battles/,
    ],
    ['unknown event type', { ...EVENT, event_type: 'Battle' }, /event_type.*unknown event_type/],
    ['misspelt field', { ...EVENT, fatalites: 2 }, /fatalites/],
    ['span backwards', { ...EVENT, trigger: { start: 12, end: 5 } }, /trigger.*start is after its end/],
    ['no evidence', { ...EVENT, evidence: [] }, /evidence/],
    ['bad modality', { ...EVENT, modality: 'rumoured' }, /modality/],
    ['bad date', { ...EVENT, date: '4/10/2016' }, /date/],
  ];
  for (const [name, event, message] of cases) {
    assert.throws(() => parseGold({ $meta: META, documents: [{ ...DOC, events: [event] }] }), message, name);
  }
  assert.throws(() => parseGold({ $meta: META, documents: [DOC, DOC] }), /listed twice/);
  assert.throws(() => parseGold({ $meta: { ...META, corpus: 'ant' }, documents: [] }), /corpus/);
});
