/**
 * The product's acceptance on the two seed reports (../shared/seeds): the events they report,
 * coded as an analyst would. Skips when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm } from '../core/geo.js';
import { sharedFile } from '../core/shared-data.js';
import { analyzeInputs } from '../app/analyze.js';
import { loadPipelineContext } from '../pipeline/context.js';
import type { Doc } from '../core/document.js';
import type { EventRecord } from './record.js';

const SEED_A = sharedFile('seeds', '000_bfb5624b37094c39.txt');
const SEED_B = sharedFile('seeds', '003_f73e5049bd2cb6b5.txt');
const skip = SEED_A && SEED_B ? false : '../shared/seeds is absent';

async function docOf(path: string): Promise<Doc> {
  for await (const item of analyzeInputs([path], loadPipelineContext())) if (item.kind === 'doc') return item.doc;
  throw new Error(`nothing read from ${path}`);
}

function near(e: EventRecord, lat: number, lon: number, km: number): boolean {
  return !!e.location && distanceKm(e.location.lat, e.location.lon, lat, lon) <= km;
}

test(
  'seed 000: the air strike, the counter-attack, the places taken, the Greek seizure; no editorial event',
  { skip },
  async () => {
    const doc = await docOf(SEED_A!);
    const text = doc.article.text;
    const events = doc.events;

    const strikes = events.filter((e) => e.sub_event_type === 'Air/drone strike');
    assert.equal(strikes.length, 1, 'one air strike, told in the lead and in the quotation');
    const [strike] = strikes;
    assert.equal(strike.actor1?.id, 'ly-lna');
    assert.equal(strike.location?.id, 'ly-tripoli');
    assert.equal(strike.location?.geo_precision, 2);
    assert.equal(strike.date, null, 'the seed has no publication date');
    assert.equal(strike.date_text, 'أمس');
    assert.ok(strike.evidence.length >= 2, 'evidenced by the lead and the quotation');
    assert.ok(strike.evidence.some((e) => e.text.includes('مصادر ميدانية')));

    const counter = events.find((e) => e.trigger.text.includes('مضاد'));
    assert.equal(counter?.event_type, 'Battles');
    assert.equal(counter?.actor1?.id, 'ly-gna-forces');

    const taken = events.filter((e) => e.sub_event_type === 'Government regains territory');
    const takenPlaces = taken.map((e) => e.location?.id).sort();
    assert.deepEqual(takenPlaces, ['ly-aziziya', 'ly-region-warshefana', 'ly-tripoli-international-airport']);
    for (const e of taken) assert.equal(e.actor1?.id, 'ly-lna');
    assert.ok(
      near(
        taken.find((e) => e.location?.id === 'ly-aziziya')!,
        32.53,
        13.02,
        8,
      ),
    );
    assert.ok(
      near(
        taken.find((e) => e.location?.id === 'ly-tripoli-international-airport')!,
        32.663,
        13.159,
        5,
      ),
    );

    const greek = events.find((e) => e.actor1?.id === 'gr-government');
    assert.equal(greek?.sub_event_type, 'Disrupted weapons use');
    assert.equal(greek?.date, '2018-01-08', 'its own date, not "yesterday"');

    const editorial = text.indexOf('وتستميت قطر وتركيا');
    const editorialEnd = text.indexOf('وضواحيها', editorial);
    assert.ok(editorial >= 0 && editorialEnd > editorial);
    assert.ok(
      !events.some((e) => e.trigger.start >= editorial && e.trigger.end <= editorialEnd),
      'the editorial line is no event',
    );
    assert.ok(!events.some((e) => ['qa-government', 'tr-government'].includes(e.actor1?.id ?? '')));
  },
);

test(
  'seed 003: the Aziziya clash toll, the shelling south of Tripoli with air support, Gharyan taken',
  { skip },
  async () => {
    const { events } = await docOf(SEED_B!);

    const clash = events.find((e) => e.sub_event_type === 'Armed clash' && e.location?.id === 'ly-aziziya');
    assert.ok(clash, 'the clash in Aziziya');
    assert.equal(clash.fatalities, 5);
    assert.equal(clash.injured, 11);
    assert.deepEqual([clash.actor1?.id, clash.actor2?.id].sort(), ['ly-libya-dawn', 'ly-tribes-army']);
    assert.ok(
      clash.assoc_actor_1.some((a) => a.id === 'ly-lna'),
      'the Tribes Army allied with Operation Dignity',
    );

    const shelling = events.find((e) => e.sub_event_type === 'Shelling/artillery/missile attack');
    assert.ok(shelling, 'the shelling of militia positions');
    assert.equal(shelling.actor1?.id, 'ly-lna');
    assert.equal(shelling.location?.id, 'ly-tripoli');
    assert.equal(shelling.location?.geo_precision, 2);
    assert.ok(
      shelling.assoc_actor_1.some((a) => a.id === 'ly-lna-air-force'),
      'with air support',
    );

    const gharyan = events.find((e) => e.location?.id === 'ly-gharyan');
    assert.equal(gharyan?.event_type, 'Battles');
    assert.equal(gharyan?.sub_event_type, 'Government regains territory');
    assert.ok(gharyan && near(gharyan, 32.172, 13.02, 8));
    assert.ok(
      gharyan.evidence.some((e) => e.text.includes('آليتين')),
      'the two vehicles seized are part of it',
    );

    // The planned operation to retake Aziziya is not a violent event.
    assert.ok(!events.some((e) => e.trigger.text.includes('استعادة')));
  },
);

test(
  'seed 003 explained: every trigger is a candidate with a verdict and a rule; rejected ones say why',
  { skip },
  async () => {
    const doc = await docOf(SEED_B!);
    const eventIds = new Set(doc.events.map((e) => e.id));
    assert.equal(doc.candidates.length, doc.triggers.length, 'one candidate per trigger (no toll-only sentence here)');
    for (const c of doc.candidates) {
      assert.ok(c.verdict.rule.length > 0);
      if (c.verdict.kept) assert.ok(c.verdict.event !== null && eventIds.has(c.verdict.event), 'kept in an event');
      else assert.ok(c.verdict.reason && c.verdict.why, 'a rejection names its reason');
    }
    const rejected = doc.candidates.filter((c) => !c.verdict.kept);
    assert.ok(
      rejected.some((c) => !c.verdict.kept && c.verdict.reason === 'plan_threat_call'),
      'the planned retaking of Aziziya',
    );
    for (const e of doc.events) assert.ok(doc.candidates.some((c) => c.verdict.kept && c.verdict.event === e.id));
  },
);
