import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize } from '../text/normalize.js';
import { segmentSentences } from '../text/segment.js';
import { tokenize } from '../text/tokenize.js';
import { NameIndex } from './name-index.js';
import { matchNames } from './dictionary-matcher.js';

function smallIndex(): NameIndex {
  const index = new NameIndex();
  index.add('طرابلس', { kind: 'place', ref: 'tripoli', type: 'LOC' });
  index.add('العزيزية', { kind: 'place', ref: 'aziziya', type: 'LOC' });
  index.add('مطار طرابلس الدولي', { kind: 'place', ref: 'tip-airport', type: 'LOC' });
  index.add('ورشفانة', { kind: 'place', ref: 'warshefana', type: 'LOC' });
  index.add('بنغازي', { kind: 'place', ref: 'benghazi', type: 'LOC' });
  index.add('اللواء التاسع ترهونة', { kind: 'actor', ref: 'kaniyat', type: 'ORG' });
  index.add('خليفة حفتر', { kind: 'person', ref: 'haftar', type: 'PER' });
  index.add('حفتر', { kind: 'person', ref: 'haftar', type: 'PER' });
  return index;
}

function names(text: string) {
  const view = normalize(text);
  const tokens = tokenize(view, segmentSentences(view));
  return matchNames(tokens, view, smallIndex()).map((c) => ({
    text: text.slice(c.start, c.end),
    ref: c.entries[0].ref,
    direction: c.direction,
  }));
}

test('longest match, clitics, article kept in the span', () => {
  assert.deepEqual(names('وصلت القوات إلى مطار طرابلس الدولي وللعزيزية وبطرابلس.'), [
    { text: 'مطار طرابلس الدولي', ref: 'tip-airport', direction: null },
    { text: 'عزيزية', ref: 'aziziya', direction: null },
    { text: 'طرابلس', ref: 'tripoli', direction: null },
  ]);
});

test('names with harakat, quotes inside, and directions', () => {
  assert.deepEqual(names('أعلن اللواء «التاسع ترهونة» تقدمه جنوب طرابلسَ وفي «العزيزية».'), [
    { text: 'اللواء «التاسع ترهونة', ref: 'kaniyat', direction: null },
    { text: 'طرابلسَ', ref: 'tripoli', direction: 'south' },
    { text: 'العزيزية', ref: 'aziziya', direction: null },
  ]);
});

test('glued direction words', () => {
  assert.deepEqual(names('تقدمت القوات جنوبطرابلس وشمالبنغازي.'), [
    { text: 'طرابلس', ref: 'tripoli', direction: 'south' },
    { text: 'بنغازي', ref: 'benghazi', direction: 'north' },
  ]);
});

test('a person by full name or surname', () => {
  assert.deepEqual(
    names('قال المشير خليفة حفتر إن قوات حفتر تقدمت.').map((n) => n.text),
    ['خليفة حفتر', 'حفتر'],
  );
});

test('a word is matched by how it is spelled each time, and names added later are found', () => {
  const index = smallIndex();
  index.add('الأمل', { kind: 'place', ref: 'amal', type: 'LOC' });
  const match = (text: string) => {
    const view = normalize(text);
    return matchNames(tokenize(view, segmentSentences(view)), view, index).map((c) => text.slice(c.start, c.end));
  };
  // The same norm twice: with the article's alef, then with a hamza (ألمانيا is no article).
  assert.deepEqual(match('زار الأمل ثم زار الامل.'), ['الأمل', 'الامل']);
  assert.deepEqual(match('مطار طرابلس الجديد ثم مطار طرابلس الدولي'), ['طرابلس', 'مطار طرابلس الدولي']);
  index.add('مطار طرابلس الجديد', { kind: 'place', ref: 'new-airport', type: 'LOC' });
  assert.deepEqual(match('مطار طرابلس الجديد ثم مطار طرابلس الدولي'), ['مطار طرابلس الجديد', 'مطار طرابلس الدولي']);
});

test('a word matched again reads the index as it is now: another index, or one with a name added', () => {
  const view = normalize('قصفت الطائرات الزاوية وغريان.');
  const tokens = tokenize(view, segmentSentences(view));
  const refs = (index: NameIndex) => matchNames(tokens, view, index).map((c) => c.entries[0].ref);
  const index = smallIndex();
  assert.deepEqual(refs(index), []);
  index.add('غريان', { kind: 'place', ref: 'gharyan', type: 'LOC' });
  assert.deepEqual(refs(index), ['gharyan']);
  assert.deepEqual(refs(smallIndex()), []);
});
