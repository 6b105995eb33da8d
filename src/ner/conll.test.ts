import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as conll from './conll.js';
import { bioEntities, formatConll, parseConll, scoreEntities } from './conll.js';

test('exports', () => {
  assert.deepEqual(Object.keys(conll).sort(), ['bioEntities', 'formatConll', 'parseConll', 'scoreEntities']);
});

test('parseConll reads tokens, label columns and sentence breaks', () => {
  const text = 'وصل B-PERS\nعلي I-PERS\nإلى O\n\n\nمصراتة B-LOC\n.\tO\n';
  const cases: { name: string; input: string; expected: conll.ConllSentence[] }[] = [
    {
      name: 'two sentences, one label column',
      input: text,
      expected: [
        { tokens: ['وصل', 'علي', 'إلى'], columns: [['B-PERS', 'I-PERS', 'O']] },
        { tokens: ['مصراتة', '.'], columns: [['B-LOC', 'O']] },
      ],
    },
    { name: 'tokens only', input: 'سرت\nمدينة\n', expected: [{ tokens: ['سرت', 'مدينة'], columns: [] }] },
    {
      name: 'gold and predicted columns',
      input: 'بنغازي B-LOC B-LOC\nاليوم O B-MISC\n',
      expected: [
        {
          tokens: ['بنغازي', 'اليوم'],
          columns: [
            ['B-LOC', 'O'],
            ['B-LOC', 'B-MISC'],
          ],
        },
      ],
    },
    {
      name: 'token split by a stray mark keeps its parts',
      input: 'طرابلس\u200f \u200f B-LOC\n',
      expected: [{ tokens: ['طرابلس\u200f \u200f'], columns: [['B-LOC']] }],
    },
  ];
  for (const c of cases) assert.deepEqual(parseConll(c.input), c.expected, c.name);
});

test('formatConll writes what parseConll reads', () => {
  const sentences = [
    {
      tokens: ['قال', 'الناطق', 'أحمد'],
      columns: [
        ['O', 'O', 'B-PERS'],
        ['O', 'O', 'B-PERS'],
      ],
    },
    { tokens: ['انتهى'], columns: [['O'], ['O']] },
  ];
  const text = formatConll(sentences);
  assert.equal(text, 'قال O O\nالناطق O O\nأحمد B-PERS B-PERS\n\nانتهى O O\n');
  assert.deepEqual(parseConll(text), sentences);
});

test('bioEntities reads I- without B- as a new entity, like conlleval', () => {
  const cases: { tags: string[]; expected: conll.EntitySpan[] }[] = [
    {
      tags: ['B-PERS', 'I-PERS', 'O', 'B-LOC'],
      expected: [
        { type: 'PERS', start: 0, end: 2 },
        { type: 'LOC', start: 3, end: 4 },
      ],
    },
    { tags: ['O', 'I-ORG', 'I-ORG'], expected: [{ type: 'ORG', start: 1, end: 3 }] },
    {
      tags: ['B-LOC', 'I-ORG'],
      expected: [
        { type: 'LOC', start: 0, end: 1 },
        { type: 'ORG', start: 1, end: 2 },
      ],
    },
    {
      tags: ['B-LOC', 'B-LOC'],
      expected: [
        { type: 'LOC', start: 0, end: 1 },
        { type: 'LOC', start: 1, end: 2 },
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(bioEntities(c.tags), c.expected, c.tags.join(' '));
});

test('scoreEntities counts exact matches per type and micro', () => {
  const gold = [
    ['B-PERS', 'I-PERS', 'O', 'B-LOC'],
    ['B-ORG', 'I-ORG', 'O'],
  ];
  const pred = [
    ['B-PERS', 'O', 'O', 'B-LOC'],
    ['B-ORG', 'I-ORG', 'B-MISC'],
  ];
  const s = scoreEntities(gold, pred);
  assert.deepEqual(
    { gold: s.micro.gold, predicted: s.micro.predicted, correct: s.micro.correct },
    { gold: 3, predicted: 4, correct: 2 },
  );
  assert.equal(s.micro.precision, 0.5);
  assert.equal(s.micro.recall, 2 / 3);
  assert.ok(Math.abs(s.micro.f1 - 4 / 7) < 1e-12);
  assert.equal(s.perType.PERS.f1, 0);
  assert.equal(s.perType.LOC.f1, 1);
  assert.equal(s.perType.MISC.precision, 0);
  assert.throws(() => scoreEntities(gold, pred.slice(1)));
});
