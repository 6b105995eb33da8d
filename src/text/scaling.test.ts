/**
 * The text layer's word readers grow linearly with the text, on the hostile runs that made them
 * grow faster: the time of each doubling of the text against the time before it (over three
 * doublings), as a ratio, never against a constant. Before, a token
 * took its own copies of its strings and proclitics, and the collector's work made the tokens of
 * "و " × n cost 2.66 times more at 2n (n = 256,000 characters, issue 15); the numbers' and the
 * triggers' word scans made a regex match array per word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costRatio, type RatioOptions } from '../pipeline/cost-ratio.js';
import { REPORT_SENTENCE, repeatTo } from '../pipeline/adversarial.js';
import { viewWords } from '../events/triggers.js';
import { normalize, type NormalizedText } from './normalize.js';
import { segmentSentences } from './segment.js';
import { tokenize } from './tokenize.js';
import { scanWords } from './numbers.js';

const MAX_RATIO = 3;
/**
 * n grows until a run takes 12 ms, and is then doubled three times: the young generation of the
 * collector, whose first megabytes cost nothing, makes a step between a run that fits in it and
 * one that does not, and a step spread over three doublings is a third of its size in each.
 */
const OPTIONS: RatioOptions = { minMs: 12, from: 32_000, maxN: 1_024_000, repeats: 3, doublings: 3 };

/** time(2n)/time(n) of `read` over `unit` repeated, with one more look before failing (a busy machine). */
function assertLinear(unit: string, read: (view: NormalizedText) => unknown): void {
  const prepare = (n: number) => normalize(repeatTo(unit, n));
  let r = costRatio(prepare, read, OPTIONS);
  if (r.perDoubling > MAX_RATIO) r = costRatio(prepare, read, OPTIONS);
  assert.ok(
    r.perDoubling <= MAX_RATIO,
    `${r.msAtN.toFixed(1)} ms at ${r.n} characters, ${r.msAtLarge.toFixed(1)} ms at ${r.large}`,
  );
}

for (const [name, unit] of [
  ['clitic words', 'و '],
  ['a report sentence', REPORT_SENTENCE],
]) {
  test(`tokens are read in time linear in the text: ${name}`, () => {
    assertLinear(unit, (view) => tokenize(view, segmentSentences(view)));
  });
  test(`the word scans of numbers and triggers are linear in the text: ${name}`, () => {
    // scanWords keeps its tokens per view: a fresh view object each run, so each run reads.
    assertLinear(unit, (view) => [scanWords({ ...view }), viewWords(view.norm)]);
  });
}
