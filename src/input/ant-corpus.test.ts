// Reads the real ANT corpus from the shared data folder beside the repository, when present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePublished } from './dates.js';
import { readInputs } from './read.js';

const CORPUS = fileURLToPath(new URL('../../../shared/datasets/ant-corpus/ant-v1.1.jsonl', import.meta.url));
const absent = existsSync(CORPUS) ? false : `ANT corpus not found at ${CORPUS}`;

test('every published_raw of the ANT corpus parses', { skip: absent }, () => {
  const lines = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  assert.equal(lines.length, 10136);
  const unparsed = lines
    .map((l) => (JSON.parse(l) as { published_raw: string }).published_raw)
    .filter((raw) => parsePublished(raw) === null);
  assert.deepEqual(unparsed, []);
});

// Its reading speed is a benchmark (npm run bench), not a test.
test('the ANT corpus reads through readInputs, with every date', { skip: absent }, async () => {
  let articles = 0;
  const errors: string[] = [];
  for await (const item of readInputs([CORPUS], { fieldMap: { published: 'published_raw' } })) {
    if (item.kind === 'article') {
      articles++;
      assert.ok(item.article.published, item.where);
    } else errors.push(item.message);
  }
  // Every record is an article: the 23 whose body is empty still have their headline.
  assert.deepEqual(errors, []);
  assert.equal(articles, 10136);
});
