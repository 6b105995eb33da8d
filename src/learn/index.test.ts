import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './index.js';

test('the public API exports its names', () => {
  assert.deepEqual(Object.keys(api).sort(), [
    'DEFAULT_TRAIN_OPTIONS',
    'LINEAR_MODEL_FORMAT',
    'LinearModelFileSchema',
    'LinearModelMetaSchema',
    'buildVocabulary',
    'chooseThreshold',
    'crossValidate',
    'crossValidateProbabilities',
    'encode',
    'fromModelFile',
    'groupedFolds',
    'logOdds',
    'orderSeed',
    'predictProbability',
    'prfAt',
    'prfOf',
    'readModel',
    'readModelFile',
    'serializeModel',
    'shuffle',
    'sigmoid',
    'toModelFile',
    'topFeatures',
    'trainLogistic',
    'varyOptions',
    'vocabularyOf',
    'writeModel',
  ]);
});
