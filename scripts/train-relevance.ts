/**
 * Trains the article relevance model (src/events/relevance.ts) on the sections of the
 * multi-source corpus: world and Middle East news against sport, economy, culture and technology.
 * The 250 articles drawn for the gold (eval/gold/ant-ms-sample.json) are left out, so the gold's
 * test portion is never trained on. Deterministic; prints grouped cross-validated figures.
 *
 *   node --import tsx scripts/train-relevance.ts [--out packs/models/article-relevance.json.gz]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toArticle } from '../src/app/analyze.js';
import { packagePath } from '../src/core/paths.js';
import { ANT_MULTISOURCE_CORPUS, sharedFile } from '../src/core/shared-data.js';
import { articleWords, RELEVANCE_FEATURE_VERSION, RELEVANCE_MODEL_FILE } from '../src/events/relevance.js';
import { readInputs } from '../src/ingest/read.js';
import {
  crossValidate,
  predictProbability,
  topFeatures,
  trainLogistic,
  writeModel,
  type CvItem,
  type TrainOptions,
} from '../src/learn/index.js';
import { loadPipelineContext } from '../src/pipeline/context.js';
import { runPipeline } from '../src/pipeline/pipeline.js';
import { STAGES } from '../src/pipeline/stages.js';

const WORLD = new Set(['internationalNews', 'middleEast']);
const OPTIONS: Partial<TrainOptions> = { epochs: 8, l2: 1e-4, minCount: 5, seed: 11 };

const { values } = parseArgs({
  options: { out: { type: 'string', default: packagePath('packs', 'models', RELEVANCE_MODEL_FILE) } },
});
const corpus = sharedFile(...ANT_MULTISOURCE_CORPUS);
if (!corpus) {
  console.log(`skipped: ${ANT_MULTISOURCE_CORPUS.join('/')} is absent from ../shared`);
  process.exit(0);
}
const sampled = new Set(
  (
    JSON.parse(readFileSync(packagePath('eval', 'gold', 'ant-ms-sample.json'), 'utf8')) as {
      documents: { doc: string }[];
    }
  ).documents.map((d) => d.doc),
);
const context = loadPipelineContext({ withTagger: false });
const textStages = STAGES.filter((s) => s.name === 'sentences' || s.name === 'tokens');
const items: CvItem[] = [];
for await (const item of readInputs([corpus])) {
  if (item.kind === 'error') continue;
  const id = item.article.origin.externalId ?? '';
  if (sampled.has(id)) continue;
  const [outlet, section] = id.split('-');
  const doc = runPipeline(toArticle(item.article), context, textStages);
  // One story is often told by several outlets on one day: group by day so no story straddles folds.
  items.push({
    features: new Map(articleWords(doc).map((w) => [w, 1])),
    label: WORLD.has(section ?? ''),
    group: `${outlet}-${id.slice(-8)}`,
    candidate: true,
  });
}
const train = (training: readonly CvItem[]) => {
  const model = trainLogistic(training, OPTIONS);
  return (features: CvItem['features']) => predictProbability(model, features);
};
const cv = crossValidate(items, train, { folds: 3, innerFolds: 2, seed: 11, rule: { kind: 'max-f1' } });
const pct = (x: number) => (100 * x).toFixed(1);
console.log(
  `article relevance: ${items.length} articles (${items.filter((i) => i.label).length} world/Middle East); 3-fold: P ${pct(cv.heldOut.precision)} R ${pct(cv.heldOut.recall)} F1 ${pct(cv.heldOut.f1)}`,
);
const model = trainLogistic(items, OPTIONS);
const top = topFeatures(model, 10);
console.log(`  for: ${top.positive.map(([f]) => f).join(' ')}\n  against: ${top.negative.map(([f]) => f).join(' ')}`);
writeModel(values.out, {
  model,
  threshold: cv.pooled.threshold,
  meta: {
    description:
      'Article relevance: the probability that an article is world or Middle East news rather than sport, economy, culture or technology, from its word stems (src/events/relevance.ts). A feature of the candidate judge.',
    version: '1.0.0',
    provenance: 'Trained by scripts/train-relevance.ts (npm run train).',
    licence:
      'Apache-2.0, as the ANT multi-source corpus it is derived from (cite Chouigui, Ben Khiroun and Elayeb 2021); word stems and weights only, no text',
    training_data: `${items.length} articles of ANT multi-source v2.1 (BBC, CNN, France 24, Sky News Arabia, Al Arabiya, 2018), labelled by their section; the 250 gold sample articles excluded`,
    date: new Date().toISOString().slice(0, 10),
    feature_version: RELEVANCE_FEATURE_VERSION,
    cross_validation: {
      method: '3-fold cross-validation grouped by outlet and day',
      figures: { precision: cv.heldOut.precision, recall: cv.heldOut.recall, f1: cv.heldOut.f1 },
    },
  },
});
console.log(`wrote ${values.out}`);
