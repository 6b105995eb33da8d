/**
 * Trains the article relevance model (relevance.ts) on the sections of the multi-source corpus:
 * world and Middle East news against sport, economy, culture and technology. The articles drawn
 * for the gold (eval/gold/ant-ms-sample.json) are left out, so the gold's test portion is never
 * trained on. Deterministic (fixed seed and epochs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { toArticle } from '../app/analyze.js';
import { packagePath } from '../core/paths.js';
import { ANT_MULTISOURCE_CORPUS } from '../core/shared-data.js';
import { readInputs } from '../input/read.js';
import {
  crossValidate,
  predictProbability,
  topFeatures,
  trainLogistic,
  type CvItem,
  type SavedModel,
  type TrainOptions,
  type TrainVariation,
  varyOptions,
} from '../learn/index.js';
import type { PipelineContext } from '../pipeline/stages.js';
import { runPipeline } from '../pipeline/pipeline.js';
import { STAGES } from '../pipeline/stages.js';
import { articleWords, RELEVANCE_FEATURE_VERSION } from './relevance.js';

const WORLD = new Set(['internationalNews', 'middleEast']);
/** Averaged over five shuffled orders, as the candidate judge's (JUDGE_OPTIONS), so as to owe less to the seed. */
const OPTIONS: Partial<TrainOptions> = { epochs: 8, l2: 1e-4, minCount: 5, seed: 11, orders: 5 };

/** The ids of the articles drawn for the gold: never trained on by a model of the pipeline. */
export function goldSampleIds(): Set<string> {
  const sample = GoldSample.parse(JSON.parse(readFileSync(packagePath('eval', 'gold', 'ant-ms-sample.json'), 'utf8')));
  return new Set(sample.documents.map((d) => d.doc));
}

const GoldSample = z.object({ documents: z.array(z.object({ doc: z.string() })) });

export async function trainRelevance(
  sharedDir: string,
  date: string,
  context: PipelineContext,
  variation: TrainVariation = {},
): Promise<{ saved: SavedModel; report: string[] }> {
  const options = varyOptions(OPTIONS, variation);
  const sampled = goldSampleIds();
  const textStages = STAGES.filter((s) => s.name === 'sentences' || s.name === 'tokens');
  const items: CvItem[] = [];
  for await (const item of readInputs([join(sharedDir, ...ANT_MULTISOURCE_CORPUS)])) {
    if (item.kind === 'error') continue;
    const id = item.article.origin.externalId ?? '';
    if (sampled.has(id)) continue;
    const [outlet, section] = id.split('-');
    const doc = runPipeline(toArticle(item.article), context, textStages);
    // One story is often told by several outlets on one day: group by outlet and day.
    items.push({
      features: new Map(articleWords(doc).map((w) => [w, 1])),
      label: WORLD.has(section ?? ''),
      group: `${outlet}-${id.slice(-8)}`,
      candidate: true,
    });
  }
  const train = (training: readonly CvItem[]) => {
    const model = trainLogistic(training, options);
    return (features: CvItem['features']) => predictProbability(model, features);
  };
  const cv = crossValidate(items, train, { folds: 3, innerFolds: 2, seed: 11, rule: { kind: 'max-f1' } });
  const model = trainLogistic(items, options);
  const top = topFeatures(model, 10);
  const pct = (x: number) => (100 * x).toFixed(1);
  return {
    saved: {
      model,
      threshold: cv.pooled.threshold,
      meta: {
        description:
          'Article relevance: the probability that an article is world or Middle East news rather than sport, economy, culture or technology, from its word stems (src/events/relevance.ts). A feature of the candidate judge.',
        version: '1.0.0',
        provenance: 'Trained by src/events/relevance-train.ts (npm run train).',
        licence:
          'Apache-2.0, as the ANT multi-source corpus it is derived from (cite Chouigui, Ben Khiroun and Elayeb 2021); word stems and weights only, no text',
        training_data: `${items.length} articles of ANT multi-source v2.1 (BBC, CNN, France 24, Sky News Arabia, Al Arabiya, 2018), labelled by their section; the 250 gold sample articles excluded`,
        date,
        feature_version: RELEVANCE_FEATURE_VERSION,
        cross_validation: {
          method: '3-fold cross-validation grouped by outlet and day',
          figures: { precision: cv.heldOut.precision, recall: cv.heldOut.recall, f1: cv.heldOut.f1 },
        },
      },
    },
    report: [
      `article relevance: ${items.length} articles (${items.filter((i) => i.label).length} world/Middle East), 3-fold grouped by outlet and day: P ${pct(cv.heldOut.precision)} R ${pct(cv.heldOut.recall)} F1 ${pct(cv.heldOut.f1)}`,
      `  for:     ${top.positive.map(([f]) => f).join(' ')}`,
      `  against: ${top.negative.map(([f]) => f).join(' ')}`,
    ],
  };
}
