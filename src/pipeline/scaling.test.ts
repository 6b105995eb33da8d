/**
 * Every stage's time grows linearly with the text, hostile text included: time(2n)/time(n),
 * the fastest of a few runs, stays under MAX_RATIO (about 2 when linear, 4 when quadratic). It is
 * measured over three doublings (n against 8n, the ratio's cube root), so that a busy spell that
 * slows one run by half moves it by an eighth. A ratio, never a time: speed itself is the
 * benchmarks' business (`npm run bench -- scaling`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ADVERSARIAL_TEXTS, repeatTo } from './adversarial.js';
import { articleOf, stageTimes } from './cost-ratio.js';
import { loadPipelineContext } from './context.js';
import { runPipeline } from './pipeline.js';
import type { PipelineContext } from './stages.js';

const MAX_RATIO = 3;
/** Characters at n: twice the longest sentence (8,000), so growth within a sentence is over. */
const N = 16_000;
const DOUBLINGS = 3;
const REPEATS = 3;
/**
 * A stage under this at 8n is not judged: its ratio would be timer and collector noise, and a
 * stage that grows with the square of the text is far above it at these sizes.
 */
const FLOOR_MS = 20;

let context: PipelineContext | null = null;
function pipelineContext(): PipelineContext {
  context ??= loadPipelineContext();
  return context;
}

/** Each stage's fastest time at n and at 8n, the runs interleaved so a busy spell hits both. */
function timesAtNAnd8N(make: (n: number) => string, ctx: PipelineContext) {
  const small = make(N);
  const large = make(N * 2 ** DOUBLINGS);
  stageTimes(large, ctx, 1); // compiled and warm before anything counts
  const atN = new Map<string, number | string>();
  const at8N = new Map<string, number | string>();
  const keepFastest = (into: Map<string, number | string>, times: Map<string, number | string>) => {
    for (const [stage, ms] of times) {
      const best = into.get(stage);
      into.set(stage, typeof ms === 'number' && typeof best !== 'string' ? Math.min(ms, best ?? Infinity) : ms);
    }
  };
  for (let r = 0; r < REPEATS; r++) {
    keepFastest(atN, stageTimes(small, ctx, 1));
    keepFastest(at8N, stageTimes(large, ctx, 1));
  }
  return { atN, at8N };
}

/** The stages whose time(2n)/time(n) is over MAX_RATIO (or that threw), with their figures. */
function superlinearStages(make: (n: number) => string, ctx: PipelineContext): string[] {
  const failing = ({ atN, at8N }: ReturnType<typeof timesAtNAnd8N>): string[] => {
    const found: string[] = [];
    for (const [stage, b] of at8N) {
      const a = atN.get(stage);
      if (typeof a === 'string' || typeof b === 'string') found.push(`${stage}: ${String(a)}/${String(b)}`);
      else if (a !== undefined && b >= FLOOR_MS && (b / Math.max(a, 1e-3)) ** (1 / DOUBLINGS) > MAX_RATIO)
        found.push(`${stage}: ${a.toFixed(1)} → ${b.toFixed(1)} ms`);
    }
    return found;
  };
  const first = failing(timesAtNAnd8N(make, ctx));
  // One more look before failing: a busy machine can slow the runs at 8n alone.
  return first.length === 0 ? first : failing(timesAtNAnd8N(make, ctx));
}

// Each input that cost a stage the square of its length, or overflowed the stack, before issue 15.
const REGRESSIONS = [
  'repeated sentence',
  'one line, no stop',
  'trigger words',
  'quoted words',
  'day list "1,"',
  'day list "1، "',
  'title words',
  'line breaks',
  'number words',
  'digit words',
  'straight quotes',
  'nested quotes',
  'punctuation',
  // Quadratic or worse in the events stage at stop 18 (the nationality adjective after a trigger).
  'nationality adjectives',
];

for (const name of REGRESSIONS) {
  const input = ADVERSARIAL_TEXTS.find((i) => i.name === name)!;
  test(`every stage is linear on hostile text: ${name}`, () => {
    assert.deepEqual(superlinearStages(input.make, pipelineContext()), []);
  });
}

// Pieces that hostile text is made of; an input is a few of them, repeated.
const PIECES = [
  'قصف ',
  'قصفت القوات ',
  'ثلاثة ',
  'وعشرون ',
  'و',
  'ال',
  '1',
  '1,',
  '١',
  '، ',
  '.',
  '. ',
  '!',
  '"',
  '«',
  '»',
  'ـ',
  'َ',
  '\n',
  ' ',
  'مارس ',
  'الخميس ',
  'جنوب ',
  'العقيد ',
  'محمد ',
  'طرابلس ',
  'قال ',
  'لم ',
  'بين ',
  '<',
  '/',
];

test('every stage is linear on text made of repeated hostile pieces (property)', () => {
  // The tagger is left out here (it has its own input above): this is about the rules.
  const ctx = { ...pipelineContext(), taggerScope: 'none' as const };
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), (pieces) => {
      const unit = pieces.join('');
      assert.deepEqual(
        superlinearStages((n) => repeatTo(unit, n), ctx),
        [],
        JSON.stringify(unit),
      );
    }),
    { numRuns: 8, seed: 15 },
  );
});

test('a list of 2,500 days ("1،" × 2,500) and one of 20,000 are read without a stack overflow', () => {
  const ctx = pipelineContext();
  for (const days of [2_500, 20_000]) {
    const doc = runPipeline(articleOf('1، '.repeat(days) + '5 مارس 2020'), ctx);
    // Every day of the list takes the month and year of its last: a clear reading.
    assert.equal(doc.temporals.length, days + 1);
    assert.ok(doc.temporals.slice(0, -1).every((t) => t.resolved.date === '2020-03-01'));
    assert.equal(doc.temporals[days].resolved.date, '2020-03-05');
  }
  const bare = runPipeline(articleOf('1,'.repeat(2_500)), ctx);
  assert.deepEqual(bare.temporals, []);
  assert.deepEqual(bare.events, []);
});
