import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repositoryPacksDir } from '../knowledge/pack.js';
import { fromModelFile, predictProbability, readModelFile } from '../learn/index.js';
import { tokenize } from '../text/tokenize.js';
import { normalize } from '../text/normalize.js';
import { segmentSentences } from '../text/segment.js';
import { articleWords, relevanceOf, RELEVANCE_FEATURE_VERSION, RELEVANCE_MODEL_FILE } from './relevance.js';

test('the relevance scorer read by stem is bit for bit the linear model over the article words', () => {
  const file = readModelFile(join(repositoryPacksDir(), 'models', RELEVANCE_MODEL_FILE), RELEVANCE_FEATURE_VERSION);
  const scorer = relevanceOf(file);
  const { model } = fromModelFile(file);
  for (const text of [
    'قصفت الطائرات مواقع للمسلحين جنوب المدينة وقتل خمسة أشخاص.',
    'فاز الفريق على منافسه بثلاثة أهداف في المباراة النهائية للدوري.',
    'ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات.',
  ]) {
    const view = normalize(text);
    const doc = { tokens: tokenize(view, segmentSentences(view)) };
    const expected = predictProbability(model, new Map(articleWords(doc).map((w) => [w, 1])));
    assert.equal(scorer.score(doc), expected, text);
  }
});
