import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../core/paths.js';
import { JUDGE_FEATURE_VERSION } from '../events/judge-features.js';
import { readModel } from '../learn/model-file.js';
import { loadPipelineContext } from '../pipeline/context.js';
import { analyzePloverSentences, loadPloverDataset, type PloverType } from './plover.js';
import {
  crossValidateJudge,
  OTHER_FOLD_SEEDS,
  ploverJudgeItems,
  PLOVER_JUDGE_OPTIONS,
  type JudgeItem,
} from './plover-judge.js';

/**
 * The held-out F1 the committed feature code and options reach (rules, then judge; 5-fold CV
 * grouped by article), less a little room: a change that loses more fails here. Measured with
 * the candidate judge in the pipeline (2026-12-04): ASSAULT 0.709, PROTEST 0.414 (0.419 and 0.442
 * with fold seeds 2 and 3; 48 positive sentences, so a fold split moves it by a few points).
 * Since the candidate judge learned from the labelled candidates of eval/labels (2026-12-05) it
 * keeps fewer protest mentions: ASSAULT 0.700, PROTEST 0.378 (0.355 and 0.396 with seeds 2 and
 * 3), one or two of the 48 sentences; the PROTEST floor follows (0.40 before), while event
 * precision on the test portion rose from 0.41 to 0.58 (src/eval/quality-floor.test.ts).
 * Since the candidate judge's threshold weighs precision (F0.5) the pipeline keeps events in 228
 * ASSAULT sentences instead of 381, and the sentence judge decides over every sentence with a
 * trigger of the type instead: ASSAULT 0.739 (0.722, 0.732 with seeds 2 and 3), PROTEST 0.411
 * (0.330, 0.436). After the actor rules of the same day (nationality adjectives, condemners),
 * which change the events the judge reads: ASSAULT 0.730, 0.720, 0.725 (mean 0.725), PROTEST
 * 0.382, 0.322, 0.430 (mean 0.378). The floors are now on the mean of the three splits.
 */
const FLOORS: Record<PloverType, number> = { ASSAULT: 0.71, PROTEST: 0.36 };
/** What the shipped judges decide over (scripts/train.ts): every sentence with a trigger of the type. */
const DECIDES_OVER = 'triggers';

/** Every input of the pipeline's analysis: the compiled code and the packs. */
function codeAndPacksHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|json|gz|txt|tsv|csv)$/.test(entry.name) && !entry.name.endsWith('.test.js')) {
        hash.update(path).update(readFileSync(path));
      }
    }
  };
  walk(fileURLToPath(new URL('../', import.meta.url)));
  walk(packagePath('packs'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The judge's items, from a cache keyed by the code, the packs and the data: running the
 * pipeline over the sentences takes many seconds, and its result changes only with them.
 */
function cachedItems(type: PloverType): JudgeItem[] | null {
  const sentences = loadPloverDataset(type);
  if (sentences === null) return null;
  const key = createHash('sha256')
    .update(codeAndPacksHash())
    .update(DECIDES_OVER)
    .update(JSON.stringify(sentences))
    .digest('hex');
  const dir = join(tmpdir(), 'marsad-plover-judge');
  const path = join(dir, `${type}-${key.slice(0, 24)}.json`);
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as (Omit<JudgeItem, 'features'> & {
      features: [string, number][];
    })[];
    return stored.map((i) => ({ ...i, features: new Map(i.features) }));
  } catch {
    const items = ploverJudgeItems(
      sentences,
      analyzePloverSentences(sentences, loadPipelineContext()),
      type,
      DECIDES_OVER,
    );
    mkdirSync(dir, { recursive: true });
    // One cache per type: an older one was made by other code.
    for (const old of readdirSync(dir)) if (old.startsWith(`${type}-`)) rmSync(join(dir, old));
    writeFileSync(path, JSON.stringify(items.map((i) => ({ ...i, features: [...i.features] }))));
    return items;
  }
}

for (const type of ['ASSAULT', 'PROTEST'] as const) {
  test(`PLOVER ${type}: the judge over the rules' trigger sentences keeps a cross-validated F1 of at least ${FLOORS[type]}, the mean of three fold splits`, (t) => {
    const items = cachedItems(type);
    if (items === null) {
      t.skip('no PLOVER sentences in ../shared/datasets/plover-gsr');
      return;
    }
    const options = PLOVER_JUDGE_OPTIONS[type];
    // The mean of the fold splits the trainer reports: with 48 positive PROTEST sentences one
    // split moves the figure by up to 6 points (0.32–0.43 on 2026-12-05), more than a change worth catching.
    const runs = [options.cv.seed, ...OTHER_FOLD_SEEDS].map((seed) =>
      crossValidateJudge(items, { ...options, cv: { ...options.cv, seed } }),
    );
    const mean = runs.reduce((sum, cv) => sum + cv.heldOut.f1, 0) / runs.length;
    assert.ok(
      mean >= FLOORS[type],
      `held-out F1 ${mean.toFixed(3)} (${runs.map((cv) => cv.heldOut.f1.toFixed(3)).join(', ')}) < ${FLOORS[type]}`,
    );
    for (const cv of runs) {
      // The judge only removes: it never finds a sentence the rules missed.
      assert.ok(cv.heldOut.recall <= cv.rulesOnly.recall);
      assert.ok(cv.heldOut.precision > cv.rulesOnly.precision);
    }
  });
}

test('the committed judges load, with the feature version of the code and their figures', () => {
  for (const type of ['assault', 'protest']) {
    const judge = readModel(packagePath('packs', 'models', `plover-${type}.json`), JUDGE_FEATURE_VERSION);
    assert.ok(judge.model.vocabulary.names.length > 1000);
    assert.ok(judge.threshold > 0 && judge.threshold < 1);
    assert.match(judge.meta.training_data, /arabic_event_gsr/);
    assert.ok(judge.meta.cross_validation.figures.f1 >= FLOORS[type.toUpperCase() as PloverType]);
  }
});
