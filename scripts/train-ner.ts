/**
 * Explores the Arabic NER tagger's training on ANERcorp; `npm run train -- ner-anercorp` writes the
 * committed model with the shipped settings (scripts/train.ts).
 *
 *   node --import tsx scripts/train-ner.ts --data ../shared/datasets/anercorp/train.txt \
 *     --unlabeled ../shared/datasets/ant-corpus/ant-v1.1.jsonl --tail 0.15
 *
 *   --tail 0.15  train on the first 85 %, score the last 15 % (never trained on; ANERcorp has no
 *                article breaks, so the split is by contiguous sentences, like the real test split)
 *   --dev 0.15   within the first 85 % only: train on its first 85 %, score its last 15 % (the
 *                development slice the settings are tuned on, so that the tail stays a test)
 *   --cv 5       5-fold cross-validation by contiguous blocks of the first 85 %
 *   --sweep 0,4,8  score several O penalties from one training (see NerModel.outsidePenalty)
 *   --dump FILE  write `token gold predicted` lines of the scored sentences (last evaluation)
 *   --out FILE   train on every sentence and write the model
 * Options: --epochs N, --seed N, --min-count N, --orders N, --dropout P, --outside-penalty X (the
 * shipped values are in scripts/ner-training.ts), --unlabeled FILE[,FILE] (JSON lines with `title` and
 * `text`: news used only for the distributional word classes, which are learned from the sentences
 * trained on and this text, never from the sentences scored; kept in the temporary directory by a
 * hash of their inputs, so that only the first run learns them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import type { EntityScores } from '../src/ner/conll.js';
import { serializeNerModel, trainNerModel } from '../src/ner/tagger/index.js';
import type { LabelledSentence, TrainOptions } from '../src/ner/tagger/train.js';
import {
  evaluateNer,
  formatScores,
  learnNerClusters,
  NER_MODEL_META,
  nerTrainOptions,
  readAnercorp,
  splitTail,
} from './ner-training.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    cv: { type: 'string' },
    tail: { type: 'string' },
    dev: { type: 'string' },
    epochs: { type: 'string' },
    seed: { type: 'string' },
    'min-count': { type: 'string' },
    'outside-penalty': { type: 'string' },
    orders: { type: 'string' },
    dropout: { type: 'string' },
    sweep: { type: 'string' },
    unlabeled: { type: 'string' },
    dump: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data <ANERcorp train.txt> is required');

const sentences = readAnercorp(values.data);
const unlabeled = values.unlabeled?.split(',') ?? [];
const overrides: Partial<TrainOptions> = {};
if (values.epochs) overrides.epochs = Number(values.epochs);
if (values.seed) overrides.seed = Number(values.seed);
if (values['min-count']) overrides.minFeatureCount = Number(values['min-count']);
if (values.orders) overrides.orders = Number(values.orders);
if (values.dropout) overrides.dropout = Number(values.dropout);
if (values['outside-penalty']) overrides.outsidePenalty = Number(values['outside-penalty']);
const seed = overrides.seed ?? 7;
console.error(`${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.tokens.length, 0)} tokens`);

/**
 * Word classes of `train` and the unlabeled news, kept in the temporary directory by a hash of
 * their inputs and of the code that learns them: they take half a development run and do not
 * change while features are explored.
 */
function clustersFor(train: readonly LabelledSentence[]): Map<string, string> {
  const hash = createHash('sha256');
  for (const code of ['../src/ner/tagger/clusters.ts', './ner-training.ts'])
    hash.update(readFileSync(new URL(code, import.meta.url)));
  for (const s of train) hash.update(s.tokens.join(' ') + '\n');
  hash.update(JSON.stringify({ unlabeled, seed }));
  const file = join(tmpdir(), `marsad-ner-clusters-${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file))
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
  const started = Date.now();
  const clusters = learnNerClusters(train, unlabeled, seed);
  console.error(`${clusters.size} stems clustered in ${Date.now() - started} ms`);
  writeFileSync(file, JSON.stringify(Object.fromEntries(clusters)));
  return clusters;
}

/** Options with word classes learned from `train` (and the unlabeled news), never from the text scored. */
function optionsFor(train: readonly LabelledSentence[]): TrainOptions {
  const clusters = clustersFor(train);
  return nerTrainOptions(clusters, NER_MODEL_META, { ...overrides, log: (line) => console.error(line) });
}

function penaltiesOf(options: TrainOptions): number[] {
  return values.sweep ? values.sweep.split(',').map(Number) : [options.outsidePenalty];
}

function dump(test: readonly LabelledSentence[], predicted: string[][]): void {
  if (!values.dump) return;
  const lines = test.map((s, k) => s.tokens.map((t, i) => `${t} ${s.tags[i]} ${predicted[k][i]}\n`).join(''));
  writeFileSync(values.dump, lines.join('\n'));
}

function heldOut(label: string, train: LabelledSentence[], test: LabelledSentence[]): void {
  const options = optionsFor(train);
  const penalties = penaltiesOf(options);
  const { scores, predicted } = evaluateNer(train, test, options, penalties);
  penalties.forEach((p, i) => console.log(formatScores(`${label}, O penalty ${p}`, scores[i])));
  dump(test, predicted[0]);
}

const [first85] = splitTail(sentences, 0.15);
if (values.cv) {
  const k = Number(values.cv);
  const folds: EntityScores[][] = [];
  // One set of word classes for every fold (from the first 85 %), to keep the run short.
  const options = optionsFor(first85);
  const penalties = penaltiesOf(options);
  for (let f = 0; f < k; f++) {
    const lo = Math.floor((f * first85.length) / k);
    const hi = Math.floor(((f + 1) * first85.length) / k);
    const { scores } = evaluateNer(
      [...first85.slice(0, lo), ...first85.slice(hi)],
      first85.slice(lo, hi),
      options,
      penalties,
    );
    folds.push(scores);
    penalties.forEach((p, i) => console.log(formatScores(`fold ${f + 1}, O penalty ${p}`, scores[i])));
  }
  penalties.forEach((p, i) =>
    console.log(formatScores(`${k}-fold CV (pooled), O penalty ${p}`, pool(folds.map((s) => s[i])))),
  );
}
if (values.dev)
  heldOut(`development slice (last ${values.dev} of the first 85 %)`, ...splitTail(first85, Number(values.dev)));
if (values.tail) heldOut(`last ${values.tail} held out`, ...splitTail(sentences, Number(values.tail)));
if (values.out) {
  const model = trainNerModel(sentences, optionsFor(sentences));
  const text = serializeNerModel(model);
  const bytes = values.out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : Buffer.from(text);
  writeFileSync(values.out, bytes);
  console.error(`wrote ${values.out}: ${bytes.length} bytes`);
}

/** Pools the counts of several scorings into one (micro over all folds). */
function pool(all: EntityScores[]): EntityScores {
  const types = [...new Set(all.flatMap((s) => Object.keys(s.perType)))].sort();
  const sum = (pick: (s: EntityScores) => { gold: number; predicted: number; correct: number } | undefined) => {
    let g = 0;
    let p = 0;
    let c = 0;
    for (const s of all) {
      const x = pick(s);
      if (x) [g, p, c] = [g + x.gold, p + x.predicted, c + x.correct];
    }
    const precision = p ? c / p : 0;
    const recall = g ? c / g : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision, recall, f1, gold: g, predicted: p, correct: c };
  };
  return { micro: sum((s) => s.micro), perType: Object.fromEntries(types.map((t) => [t, sum((s) => s.perType[t])])) };
}
