import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { articleId } from './article-id.js';

test('articleId is a 16-hex-digit sha256 prefix of the normalised title and text', () => {
  const id = articleId('هجوم على نقطة تفتيش', 'هاجم مسلحون نقطة تفتيش.');
  assert.match(id, /^[0-9a-f]{16}$/);
  const expected = createHash('sha256')
    .update('هجوم علي نقطه تفتيش\nهاجم مسلحون نقطه تفتيش.')
    .digest('hex')
    .slice(0, 16);
  assert.equal(id, expected);
});

test('articleId ignores harakat, tatweel, alef variants and spacing', () => {
  const same: Array<[string, string]> = [
    ['إطلاق نار في الميناء', 'أُصيب رجلان بإطلاق نار في الميناء.'],
    ['اطلاق نار في الميناء', 'اصيب رجلان باطلاق نار في الميناء.'],
    ['إطـــلاق نارٍ في الميناء', 'أُصِيبَ رَجُلانِ بإطلاق نار   في الميناء.'],
    ['  إطلاق نار في الميناء ', 'أصيب رجلان بإطلاق نار في الميناء.\n'],
  ];
  const ids = new Set(same.map(([title, text]) => articleId(title, text)));
  assert.equal(ids.size, 1);
});

test('articleId differs when the words differ or move between title and text', () => {
  const a = articleId('قصف', 'سقطت قذائف على الحي.');
  assert.notEqual(a, articleId('قصف', 'سقطت قذائف على القرية.'));
  assert.notEqual(articleId('قصف سقطت', 'قذائف'), articleId('قصف', 'سقطت قذائف'));
});
