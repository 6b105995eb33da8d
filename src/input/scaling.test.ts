/**
 * The readers' time grows linearly with their input, hostile markup included: the time of each
 * doubling (the fastest of a few runs, over three doublings) is under MAX_RATIO times the time
 * before it. And a feed of 150,000 items is read whole, without a stack overflow.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADVERSARIAL_MARKUP } from '../pipeline/adversarial.js';
import { costRatio, type RatioOptions } from '../pipeline/cost-ratio.js';
import { htmlToText, xmlInnerText } from './html-text.js';
import { parseTrec } from './formats/trec.js';
import { parseFeed } from './formats/feed.js';
import { parsePublished } from './dates.js';

const MAX_RATIO = 3;
/** Under this at the largest size there is nothing to measure but noise; a quadratic reader is far above it. */
const FLOOR_MS = 20;
const OPTIONS: RatioOptions = { minMs: 4, from: 50_000, maxN: 200_000, repeats: 3, doublings: 3 };

function assertLinear(label: string, prepare: (n: number) => string, read: (s: string) => unknown, options = OPTIONS) {
  let r = costRatio(prepare, read, options);
  if (r.msAtLarge >= FLOOR_MS && r.perDoubling > MAX_RATIO) r = costRatio(prepare, read, options); // a busy spell
  assert.ok(
    r.msAtLarge < FLOOR_MS || r.perDoubling <= MAX_RATIO,
    `${label}: ${r.msAtN.toFixed(1)} ms at ${r.n}, ${r.msAtLarge.toFixed(1)} ms at ${r.large}`,
  );
}

for (const input of ADVERSARIAL_MARKUP) {
  test(`HTML to text, TREC and CDATA readers are linear on hostile markup: ${input.name}`, () => {
    assertLinear(`htmlToText, ${input.name}`, input.make, htmlToText);
    assertLinear(`parseTrec, ${input.name}`, input.make, (s) => parseTrec(s, 'hostile.trec'));
    assertLinear(`xmlInnerText, ${input.name}`, input.make, xmlInnerText);
  });
}

function feed(items: number): string {
  const item = '<item><title>عنوان</title><description>&lt;p&gt;قصف&lt;/p&gt;</description></item>\n';
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${item.repeat(items)}</channel></rss>`;
}

test('a feed is read in time linear in its items', () => {
  assertLinear(
    'parseFeed',
    (n) => feed(n),
    (xml) => parseFeed(xml, 'hostile.xml'),
    {
      minMs: 5,
      from: 2_000,
      maxN: 16_000,
      repeats: 2,
      doublings: 3,
    },
  );
});

test('a feed of 150,000 items is read whole, without a stack overflow', () => {
  const items = parseFeed(feed(150_000), 'big.xml');
  assert.equal(items.length, 150_000);
  assert.ok(items.every((item) => item.kind === 'article'));
  assert.equal(items[149_999].where, 'big.xml:150000'); // each item named by its line
});

test('TREC documents on one long line are each read once', () => {
  const text = '<DOC><DOCNO>d</DOCNO><TEXT>قصف</TEXT></DOC>'.repeat(20_000);
  const items = parseTrec(text, 'one-line.trec');
  assert.equal(items.length, 20_000);
  assertLinear(
    'parseTrec, documents on one line',
    (n) => text.slice(0, n),
    (s) => parseTrec(s, 'one-line.trec'),
  );
});

test('publication dates are read in time linear in a long or hostile string', () => {
  const hostile = ['1', '2020-01-01T10:10:10.1', 'Mon, ', '1 ', '-', '١', 'a'];
  for (const unit of hostile) {
    assertLinear(
      `parsePublished, ${JSON.stringify(unit)}`,
      (n) => unit.repeat(Math.ceil(n / unit.length)) + 'x',
      parsePublished,
    );
  }
});
