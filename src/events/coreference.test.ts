/**
 * Mention coreference: what the pair features read, the vetoes no model overrides, and the
 * merge itself (recorded on the candidates, the higher ACLED type winning), with stand-in models
 * so that the test says what merging does whatever the trained weights are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPipeline } from '../pipeline/pipeline.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { vocabularyOf } from '../learn/index.js';
import { COREFERENCE_RULE, coreferenceModelOf, loadCoreferenceModel, mentionPairs } from './coreference.js';
import { COREFERENCE_FEATURE_VERSION } from './coreference-features.js';
import { loadCoreferenceWords } from './coreference-words.js';
import { ruleMergedMentions } from './extract.js';
import { ACLED_PRECEDENCE } from './lexicon.js';

/** A bomb in the lead, an ambush told in the body: the rules keep them apart (different types, sentences). */
const TEXT =
  'انفجرت عبوة ناسفة استهدفت دورية للجيش في مدينة العريش أمس. وقال مصدر أمني إن مسلحين نصبوا كمينا للدورية بعد الانفجار وقتلوا ثلاثة جنود.';
const article = {
  id: 'coref',
  title: '',
  text: TEXT,
  published: '2019-04-08',
  publishedAt: null,
  publishedRaw: null,
  origins: [],
};

/** A model that gives every pair the same probability. */
function constant(probability: number) {
  const bias = Math.log(probability / (1 - probability));
  return coreferenceModelOf({
    model: { vocabulary: vocabularyOf([]), weights: new Float64Array(0), bias },
    threshold: 0.5,
    meta: {
      description: 'test',
      version: '0',
      provenance: 'test',
      licence: '-',
      training_data: '-',
      date: '2019-04-08',
      feature_version: COREFERENCE_FEATURE_VERSION,
      cross_validation: { method: '-', figures: { precision: 0, recall: 0, f1: 0 } },
    },
  });
}

function run(probability: number | null) {
  const context = loadPipelineContext({ withTagger: false });
  const coreference = probability === null ? null : constant(probability);
  return runPipeline(article, { ...context, events: { ...context.events, coreference } });
}

test('the rules leave the bomb and the ambush apart; a pair of them reads the lead and the back-reference', () => {
  const doc = run(null);
  assert.equal(doc.events.length, 2, doc.events.map((e) => e.sub_event_type).join(', '));
  const context = loadPipelineContext({ withTagger: false });
  const { events } = ruleMergedMentions(doc, { ...context, events: { ...context.events, coreference: null } });
  const pairs = mentionPairs(doc, events, loadCoreferenceWords());
  assert.equal(pairs.length, 1);
  const f = pairs[0].features;
  for (const feature of ['both-violent', 'a.lead', 'place=one', 'distance=1'])
    assert.ok(f.includes(feature), f.join(' '));
});

test('a model that says "one occurrence" merges them: one event of the higher type, the merge explained', () => {
  const doc = run(0.9);
  assert.equal(doc.events.length, 1);
  const [event] = doc.events;
  const types = ['Battles', 'Explosions/Remote violence'];
  const higher = types.sort((a, b) => ACLED_PRECEDENCE.indexOf(a) - ACLED_PRECEDENCE.indexOf(b))[0];
  assert.equal(event.event_type, higher);
  assert.equal(event.evidence.length, 2);
  assert.ok(event.rule.includes(COREFERENCE_RULE), event.rule);
  const merged = doc.candidates.filter((c) => c.verdict.kept && c.verdict.mergeRule === COREFERENCE_RULE);
  assert.equal(merged.length, 1);
  const verdict = merged[0].verdict;
  assert.ok(verdict.kept && verdict.mergedInto && /p 0\.90/.test(verdict.mergeWhy ?? ''), JSON.stringify(verdict));
  assert.ok(doc.candidates.filter((c) => c.verdict.kept).every((c) => c.verdict.kept && c.verdict.event === event.id));
});

test('a model below its threshold merges nothing', () => {
  assert.equal(run(0.1).events.length, 2);
});

test('attacks in two countries on days more than two apart are two occurrences whatever the model says', () => {
  const text =
    'انفجرت عبوة ناسفة في مدينة العريش يوم 20 فبراير. وكانت جماعة مسلحة قد تبنت هجوما بعبوة ناسفة في شمال مالي يوم 10 فبراير.';
  const context = loadPipelineContext({ withTagger: false });
  const doc = runPipeline(
    { ...article, text, published: '2018-02-21' },
    { ...context, events: { ...context.events, coreference: constant(0.99) } },
  );
  assert.deepEqual(doc.events.map((e) => e.location?.country).sort(), ['EG', 'ML']);
});

// Places far apart are only a feature: one of them is often the wrong place (see whyApart).
test('two neighbouring towns are two occurrences whatever the model says', () => {
  const text = 'انفجرت عبوة ناسفة في مدينة الزاوية أمس. وفي طرابلس نصب مسلحون كمينا لدورية وقتلوا ثلاثة جنود.';
  const context = loadPipelineContext({ withTagger: false });
  const doc = runPipeline(
    { ...article, text },
    { ...context, events: { ...context.events, coreference: constant(0.99) } },
  );
  assert.equal(doc.events.length, 2, doc.events.map((e) => e.sub_event_type).join(', '));
});

test('the committed model loads with its threshold and figures', () => {
  const model = loadCoreferenceModel();
  assert.ok(model, 'packs/models/mention-coreference.json');
  assert.ok(model.threshold > 0 && model.threshold <= 1);
});

test("one side's strike and the other side's counter-attack are two occurrences whatever the model says", () => {
  const text =
    'نفذت قوات الجيش الوطني الليبي غارة جوية على مواقع في مدينة غريان أمس، فيما أعلنت قوات حكومة الوفاق أنها شنت هجوما مضادا.';
  const context = loadPipelineContext({ withTagger: false });
  const doc = runPipeline(
    { ...article, text },
    { ...context, events: { ...context.events, coreference: constant(0.99) } },
  );
  assert.deepEqual(doc.events.map((e) => [e.sub_event_type, e.actor1?.id]).sort(), [
    ['Air/drone strike', 'ly-lna'],
    ['Armed clash', 'ly-gna'],
  ]);
});

test('a mention its sentence tells as a separate incident is another occurrence, by the rules and whatever the model says', () => {
  const text =
    'انفجرت عبوة ناسفة في سوق بمدينة خوست أمس فقتلت 9 أشخاص. وفي واقعة منفصلة، قال مسؤول إن انفجار قنبلة قتل 4 أشخاص في مدينة خوست أمس.';
  const context = loadPipelineContext({ withTagger: false });
  for (const coreference of [null, constant(0.99)]) {
    const doc = runPipeline({ ...article, text }, { ...context, events: { ...context.events, coreference } });
    assert.deepEqual(
      doc.events.map((e) => e.fatalities),
      [9, 4],
    );
  }
});
