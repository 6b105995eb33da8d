/**
 * Folds for cross-validation by groups: every item of a group (the sentences of one article)
 * falls in the same fold, so that a model is never tested on an article it was trained on.
 */
import { seededRandom } from '../ner/tagger/random.js';
import { shuffle } from './logistic.js';

/**
 * The fold (0 … k-1) of each item. Groups are shuffled by the seed, then the groups holding a
 * positive are dealt out first, each to the fold with the fewest positives, and the rest each to
 * the fold with the fewest items: a rare positive class is spread evenly over the folds.
 */
export function groupedFolds(groups: readonly string[], labels: readonly boolean[], k: number, seed: number): number[] {
  if (k < 2) throw new Error(`cross-validation needs at least 2 folds, not ${k}`);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const names = [...members.keys()].sort();
  if (names.length < k) throw new Error(`${names.length} groups cannot fill ${k} folds`);
  shuffle(names, seededRandom(seed));
  const positives = (g: string) => members.get(g)!.filter((i) => labels[i]).length;
  const order = [...names.filter((g) => positives(g) > 0), ...names.filter((g) => positives(g) === 0)];
  const foldItems = new Array<number>(k).fill(0);
  const foldPositives = new Array<number>(k).fill(0);
  const fold = new Array<number>(groups.length).fill(-1);
  for (const g of order) {
    const p = positives(g);
    const load = p > 0 ? foldPositives : foldItems;
    const f = load.indexOf(Math.min(...load));
    for (const i of members.get(g)!) fold[i] = f;
    foldItems[f] += members.get(g)!.length;
    foldPositives[f] += p;
  }
  return fold;
}
