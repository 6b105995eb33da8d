/**
 * The learned judge: a logistic regression over a kept candidate's features
 * (candidate-features.ts) that says how likely it is to report an event that happened. The rules
 * propose; below the model's threshold a candidate is rejected by the rule `judge.model`, with its
 * score. The model is trained by `npm run train` on the development gold (never its test
 * portion) and ships in packs/models/ with its data, date, licence and cross-validated figures.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryPacksDir } from '../knowledge/pack.js';
import { predictProbability, readModel, type SavedModel } from '../learn/index.js';
import { FEATURE_VERSION } from './candidate-features.js';

export const CANDIDATE_JUDGE_FILE = 'candidate-judge.json';

export interface CandidateJudge {
  /** The probability that the candidate reports an event. */
  score(features: readonly string[]): number;
  threshold: number;
  /** The features that pushed a candidate's score down most, for --explain. */
  against(features: readonly string[], n: number): string[];
}

export function judgeOf(saved: SavedModel): CandidateJudge {
  const vector = (features: readonly string[]) => new Map(features.map((f) => [f, 1]));
  return {
    score: (features) => predictProbability(saved.model, vector(features)),
    threshold: saved.threshold,
    against: (features, n) =>
      features
        .map((f): [string, number] => {
          const column = saved.model.vocabulary.index.get(f);
          return [f, column === undefined ? 0 : saved.model.weights[column]];
        })
        .filter(([, w]) => w < 0)
        .sort((a, b) => a[1] - b[1])
        .slice(0, n)
        .map(([f]) => f),
  };
}

/** The committed judge, or null when there is none (the rules alone decide). */
export function loadCandidateJudge(packsDir: string = repositoryPacksDir()): CandidateJudge | null {
  const path = join(packsDir, 'models', CANDIDATE_JUDGE_FILE);
  return existsSync(path) ? judgeOf(readModel(path, FEATURE_VERSION)) : null;
}
