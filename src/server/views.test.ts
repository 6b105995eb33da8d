import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../core/article.js';
import { articleSources, eventView } from './views.js';
import type { StoredEvent } from '../store/repository.js';

test('sources show titles without bidi controls and URLs with them percent-encoded', () => {
  const article = {
    id: 'a1',
    title: '\u202eعنوان مقلوب',
    text: 'نص.',
    published: '2019-04-08',
    publishedAt: null,
    publishedRaw: null,
    origins: [{ url: 'https://news.example/\u202e4pm.exe', source: 'موقع\u2066 ما', input: 'x', externalId: null }],
  } as unknown as Article;
  assert.deepEqual(articleSources(article), [
    {
      article_id: 'a1',
      title: 'عنوان مقلوب',
      published: '2019-04-08',
      outlet: 'موقع ما',
      url: 'https://news.example/%E2%80%AE4pm.exe',
    },
  ]);
});

test('event lists show the article title, outlet and URL the same way', () => {
  const stored = {
    article: {
      id: 'a1',
      title: 'غارة\u202e على سرت',
      published: null,
      source: '\u2067قناة',
      url: 'https://x.example/\u2066a',
    },
    record: { id: 'e1' },
  } as unknown as StoredEvent;
  assert.deepEqual(eventView(stored).article, {
    id: 'a1',
    title: 'غارة على سرت',
    published: null,
    source: 'قناة',
    url: 'https://x.example/%E2%81%A6a',
  });
});
