/**
 * Rebuilds the learned models of packs/models/ from the development data in ../shared, and prints
 * each one's cross-validated figures. Deterministic: the same data and code give the same
 * weights (fixed seeds and epochs); the `date` in `$meta` is today's, or SOURCE_DATE_EPOCH's.
 *
 *   npm run train                        # every model
 *   npm run train -- plover-assault      # the models named (file names without .json)
 *   npm run train -- --shared /data/shared
 *   npm run train -- --seed-offset 1 --out /tmp/m   # every linear model's training seed moved by 1
 *   npm run train -- --orders 1 --out /tmp/m        # every linear model trained on that many shuffled orders
 *
 * --seed-offset and --orders are for measuring how much the models' figures owe to their training
 * seed and to the averaging over shuffled orders: the shipped models are trained without them, and
 * a varied model is written only to the --out folder (a model that reads another's output then
 * reads the shipped one, in packs/models).
 *
 * A model is registered in MODELS below: its file, the ../shared files it needs (it is skipped
 * with a message when one is absent), and how to train it. The NER tagger (ner-anercorp) is trained
 * here with its shipped settings; scripts/train-ner.ts has the options to explore them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packagePath } from '../src/core/paths.js';
import { ANT_CORPUS, ANT_MULTISOURCE_CORPUS, SHARED_DIR } from '../src/core/shared-data.js';
import { CANDIDATE_JUDGE_FILE, loadCandidateJudge } from '../src/events/judge.js';
import { trainCandidateJudge } from '../src/events/judge-train.js';
import { COREFERENCE_MODEL_FILE, loadCoreferenceModel } from '../src/events/coreference.js';
import { trainCoreference } from '../src/events/coreference-train.js';
import { loadRelevanceModel, RELEVANCE_MODEL_FILE } from '../src/events/relevance.js';
import { trainRelevance } from '../src/events/relevance-train.js';
import type { PipelineContext } from '../src/pipeline/stages.js';
import { analyzePloverSentences, PLOVER_DATASETS, requirePloverDataset, type PloverType } from '../src/eval/plover.js';
import {
  crossValidateJudge,
  PLOVER_JUDGE_OPTIONS,
  ploverJudgeItems,
  trainPloverJudge,
} from '../src/eval/plover-judge.js';
import { topFeatures, varyOptions, type TrainVariation } from '../src/learn/logistic.js';
import type { PRF } from '../src/learn/metrics.js';
import { StaleModelError, writeModel, type SavedModel } from '../src/learn/model-file.js';
import { loadEntityKnowledge } from '../src/entities/knowledge.js';
import { loadEventLexicons } from '../src/events/extract.js';
import { serializeNerModel } from '../src/ner/tagger/model.js';
import { trainShippedNerModel } from './ner-training.js';

const ANERCORP_TRAIN = ['datasets', 'anercorp', 'train.txt'];

interface Recipe {
  /** The model's file under packs/models/. */
  file: string;
  /** Paths under the shared directory the model is trained on. */
  needs: string[][];
  train(
    sharedDir: string,
    date: string,
    variation: TrainVariation,
  ): Promise<{ write: (path: string) => void; report: string[] }>;
}

/** A linear model's recipe result: written as packs/models' linear model files are. */
function linear(result: { saved: SavedModel; report: string[] }): { write: (path: string) => void; report: string[] } {
  return { write: (path) => writeModel(path, result.saved), report: result.report };
}

// In order: a model is trained with the pipeline as the models before it left it (the NER tagger
// first, whose tags the judges' evaluations and the PLOVER judges read; the judge reads the
// article relevance; coreference merges the events the judge kept; the PLOVER judges read the
// events as merged), so that one run is a fixed point.
const MODELS: Recipe[] = [
  {
    file: 'ner-anercorp.json.gz',
    needs: [ANERCORP_TRAIN, ANT_CORPUS],
    // eslint-disable-next-line @typescript-eslint/require-await -- a recipe may read inputs as a stream
    async train(sharedDir, date) {
      const { model, report } = trainShippedNerModel(
        join(sharedDir, ...ANERCORP_TRAIN),
        [join(sharedDir, ...ANT_CORPUS)],
        date,
        () => {},
      );
      return { write: (path) => writeFileSync(path, gzipSync(serializeNerModel(model), { level: 9 })), report };
    },
  },
  {
    file: RELEVANCE_MODEL_FILE,
    needs: [ANT_MULTISOURCE_CORPUS],
    train: async (sharedDir, date, variation) =>
      linear(await trainRelevance(sharedDir, date, freshContext(), variation)),
  },
  {
    file: CANDIDATE_JUDGE_FILE,
    needs: [ANT_MULTISOURCE_CORPUS, ANT_CORPUS, ['seeds']],
    train: async (sharedDir, date, variation) =>
      linear(await trainCandidateJudge(sharedDir, date, freshContext(), variation)),
  },
  {
    file: COREFERENCE_MODEL_FILE,
    needs: [ANT_MULTISOURCE_CORPUS, ANT_CORPUS, ['seeds']],
    train: async (sharedDir, date, variation) =>
      linear(await trainCoreference(sharedDir, date, freshContext(), variation)),
  },
  ploverJudge('ASSAULT'),
  ploverJudge('PROTEST'),
];

/**
 * The pipeline with the models as they are on disk now (those trained earlier in this run
 * included). A model whose features the code no longer computes is left out, so that changing
 * the features and retraining is one step.
 */
function freshContext(options: { withTagger: boolean } = { withTagger: false }): PipelineContext {
  return {
    entities: loadEntityKnowledge({ withTagger: options.withTagger }),
    ...(options.withTagger ? {} : { taggerScope: 'none' as const }),
    events: {
      ...loadEventLexicons(),
      judge: current(loadCandidateJudge),
      relevance: current(loadRelevanceModel),
      coreference: current(loadCoreferenceModel),
    },
  };
}

function current<T>(load: () => T | null): T | null {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof StaleModelError)) throw error;
    console.log(`  left out until retrained: ${error.message}`);
    return null;
  }
}

function ploverJudge(type: PloverType): Recipe {
  return {
    file: `plover-${type.toLowerCase()}.json`,
    needs: [PLOVER_DATASETS[type]],
    // eslint-disable-next-line @typescript-eslint/require-await -- a recipe may read inputs as a stream
    async train(sharedDir, date, variation) {
      const options = {
        ...PLOVER_JUDGE_OPTIONS[type],
        train: varyOptions(PLOVER_JUDGE_OPTIONS[type].train, variation),
      };
      const sentences = requirePloverDataset(type, sharedDir);
      const docs = analyzePloverSentences(sentences, freshContext({ withTagger: true }));
      // The judge decides over every sentence with a trigger of the type, also those whose
      // candidates the rules or the candidate judge turned down: the candidate judge keeps few
      // events (its threshold weighs precision), and a sentence judge over its events alone
      // could only remove more.
      const items = ploverJudgeItems(sentences, docs, type, 'triggers');
      const judge = trainPloverJudge(type, items, date, options);
      const { cv } = judge;
      const eventItems = ploverJudgeItems(sentences, docs, type, 'events');
      const overEvents = crossValidateJudge(eventItems, options);
      const top = topFeatures(judge.saved.model, 12);
      const weights = (list: [string, number][]) => list.map(([name, w]) => `${name} ${w.toFixed(2)}`).join(', ');
      return linear({
        saved: judge.saved,
        report: [
          `PLOVER ${type}: ${judge.items} sentences the coders agreed on; the rules found a trigger of the type in ${judge.proposed}, the pipeline an event in ${eventItems.filter((i) => i.candidate).length}`,
          `  before (every trigger sentence)        ${prf(cv.rulesOnly)}`,
          `  after  (sentences kept by the judge)   ${prf(cv.heldOut)}   fold thresholds ${cv.thresholds.map((t) => t.toFixed(2)).join(' ')}`,
          ...judge.otherSeeds.map((o) => `         with fold seed ${o.seed}               ${prf(o.heldOut)}`),
          `  at the shipped threshold ${cv.pooled.threshold.toFixed(3)}          ${prf(cv.pooled.prf)}   (chosen on these predictions: optimistic)`,
          `  the pipeline's ${type} events          ${prf(overEvents.rulesOnly)}`,
          `  a judge over those events only        ${prf(overEvents.heldOut)}   (not the shipped system)`,
          `  vocabulary ${judge.saved.model.vocabulary.names.length} features`,
          `  keeps:   ${weights(top.positive)}`,
          `  removes: ${weights(top.negative)}`,
        ],
      });
    },
  };
}

function prf(m: PRF): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  return `P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}  (${m.tp} of ${m.predicted} predicted, ${m.gold} gold)`;
}

/** YYYY-MM-DD of SOURCE_DATE_EPOCH (reproducible builds), else today's (UTC). */
function trainingDate(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const when = epoch === undefined ? new Date() : new Date(Number(epoch) * 1000);
  return when.toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      shared: { type: 'string' },
      'seed-offset': { type: 'string' },
      orders: { type: 'string' },
      out: { type: 'string' },
    },
    allowPositionals: true,
  });
  const sharedDir = values.shared ?? SHARED_DIR;
  const variation: TrainVariation = {};
  const seedOffset = values['seed-offset'];
  const orders = values.orders;
  if (
    (seedOffset !== undefined && !/^-?\d+$/.test(seedOffset)) ||
    (orders !== undefined && !/^[1-9]\d*$/.test(orders))
  ) {
    process.stderr.write('train: --seed-offset takes an integer, --orders a positive integer\n');
    process.exitCode = 2;
    return;
  }
  if (seedOffset !== undefined) variation.seedOffset = Number(seedOffset);
  if (orders !== undefined) variation.orders = Number(orders);
  // A model trained with a variation is a measurement, not the shipped model: it never replaces one.
  if ((seedOffset !== undefined || orders !== undefined) && values.out === undefined) {
    process.stderr.write(
      'train: --seed-offset and --orders write their models only to a folder given by --out <dir>\n',
    );
    process.exitCode = 2;
    return;
  }
  const known = MODELS.map((m) => m.file.replace(/\.json(\.gz)?$/, ''));
  const unknown = positionals.filter((p) => !known.includes(p));
  if (unknown.length > 0) {
    process.stderr.write(`train: unknown model(s) ${unknown.join(', ')}; known: ${known.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(sharedDir)) {
    process.stdout.write(`train: ${sharedDir} not found; no model rebuilt (the training data lives in ../shared)\n`);
    return;
  }
  if (values.out !== undefined) mkdirSync(values.out, { recursive: true });
  const date = trainingDate();
  const started = Date.now();
  for (const recipe of MODELS) {
    const name = recipe.file.replace(/\.json(\.gz)?$/, '');
    if (positionals.length > 0 && !positionals.includes(name)) continue;
    const missing = recipe.needs.map((parts) => join(sharedDir, ...parts)).filter((p) => !existsSync(p));
    if (missing.length > 0) {
      process.stdout.write(`${name}: skipped, ${missing.join(', ')} not found\n`);
      continue;
    }
    const t0 = Date.now();
    const { write, report } = await recipe.train(sharedDir, date, variation);
    const out = values.out ? join(values.out, recipe.file) : packagePath('packs', 'models', recipe.file);
    write(out);
    process.stdout.write(`${report.join('\n')}\n  wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n\n`);
  }
  process.stdout.write(`train: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

await main();
