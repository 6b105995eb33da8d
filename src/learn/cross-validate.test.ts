import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossValidate, type CvItem, type Trainer } from './cross-validate.js';
import { predictProbability, trainLogistic } from './logistic.js';

/** Articles of three sentences; a sentence is positive when it says "attack" and not "denied". */
function items(): CvItem[] {
  const out: CvItem[] = [];
  for (let a = 0; a < 40; a++) {
    for (let s = 0; s < 3; s++) {
      const attack = (a + s) % 3 === 0;
      const denied = attack && a % 4 === 0;
      const words = [attack ? 'attack' : 'meeting', denied ? 'denied' : 'said', `topic${a % 5}`];
      out.push({
        features: new Map(words.map((w) => [w, 1])),
        label: attack && !denied,
        group: `article${a}`,
        // The rules propose every sentence with "attack", and miss one positive article in ten.
        candidate: attack && a % 10 !== 9,
      });
    }
  }
  return out;
}

const logistic: Trainer = (training) => {
  const model = trainLogistic(training.filter((i) => i.candidate));
  return (features) => predictProbability(model, features);
};

test('no test item ever belongs to a group the model was trained on', () => {
  const all = items();
  const trainedGroups: Set<string>[] = [];
  const recording: Trainer = (training) => {
    const groups = new Set(training.map((i) => i.group));
    trainedGroups.push(groups);
    const scorer = logistic(training);
    return (features) => {
      const item = all.find((i) => i.features === features)!;
      assert.equal(groups.has(item.group), false, `${item.group} scored by a model trained on it`);
      return scorer(features);
    };
  };
  const cv = crossValidate(all, recording, { folds: 4, innerFolds: 3, seed: 1, rule: { kind: 'max-f1' } });
  // 4 outer trainings, each preceded by 3 inner ones.
  assert.equal(trainedGroups.length, 16);
  assert.deepEqual([...new Set(cv.fold)].sort(), [0, 1, 2, 3]);
});

test('the judge removes the denied attacks the rules proposed; what the rules missed stays missed', () => {
  const cv = crossValidate(items(), logistic, { folds: 4, innerFolds: 3, seed: 1, rule: { kind: 'max-f1' } });
  assert.ok(cv.rulesOnly.precision < 0.8, `rules alone P ${cv.rulesOnly.precision}`);
  assert.equal(cv.heldOut.precision, 1);
  assert.equal(cv.heldOut.recall, cv.rulesOnly.recall);
  assert.ok(cv.heldOut.recall < 1);
  assert.equal(
    cv.probability.every((p, i) => (p === null) === !items()[i].candidate),
    true,
  );
});
