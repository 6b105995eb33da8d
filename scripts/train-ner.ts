/**
 * Trains the Arabic NER tagger on ANERcorp and writes the committed model.
 *
 * Reproduce the committed model (fixed seed and epochs; a few minutes on one core):
 *   node --import tsx scripts/train-ner.ts --data ../shared/datasets/anercorp/train.txt \
 *     --unlabeled ../shared/datasets/ant-corpus/ant-v1.1.jsonl --out packs/models/ner-anercorp.json.gz
 * Evaluate instead of (or before) writing a model:
 *   --cv 5       5-fold cross-validation by contiguous blocks of sentences (adjacent sentences come
 *                from the same article and share names, so random splits would flatter the model)
 *   --tail 0.15  train on the first 85 %, score the last 15 % (mirrors the real train/test split)
 *   --sweep 0,4,8  score several O penalties from one training (see NerModel.outsidePenalty)
 * Options: --epochs N (default 12), --seed N (default 7), --min-count N (default 2), --orders N
 * (perceptrons on different sentence orders, averaged; default 3), --dropout P (share of features
 * hidden per training visit; default 0.1),
 * --outside-penalty X (default 4), --unlabeled FILE (JSON lines with `title` and `text`: news
 * used only for the distributional word classes; without it they come from ANERcorp alone).
 * Also read, and embedded in the model: packs/world/countries.json, packs/world/cities.json,
 * packs/libya/people.json and packs/models/ner-gazetteer.json (names) and packs/ar/titles.json
 * (person triggers).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { parseConll, scoreEntities, type EntityScores } from '../src/ner/conll.js';
import { serializeNerModel, tagSentences } from '../src/ner/tagger/model.js';
import { learnClusters, tokenizeForClusters } from '../src/ner/tagger/clusters.js';
import { trainNerModel, type LabelledSentence, type TrainOptions } from '../src/ner/tagger/train.js';

/** Words that announce an entity of a class in the next token or two. */
const TRIGGERS: Record<string, readonly string[]> = {
  PERS: [
    'الرئيس',
    'رئيس',
    'الوزير',
    'وزير',
    'السيد',
    'السيدة',
    'الشيخ',
    'اللواء',
    'العقيد',
    'العميد',
    'الفريق',
    'المشير',
    'الدكتور',
    'د',
    'الملك',
    'الأمير',
    'الامير',
    'الزعيم',
    'القائد',
    'المستشار',
    'النائب',
    'السفير',
    'المتحدث',
    'الناطق',
    'الأمين',
    'المدير',
    'الجنرال',
    'الرائد',
    'النقيب',
    'الإمام',
    'البابا',
    'الرئيسة',
    'المرشح',
    'الكاتب',
    'الفنان',
    'المخرج',
    'اللاعب',
    'المدرب',
    'قال',
    'أعلن',
    'أكد',
    'وأضاف',
    'أضاف',
    'صرح',
    'ابن',
    'بن',
    'أبو',
    'ابو',
    'نجل',
    'زوجة',
  ],
  LOC: [
    'مدينة',
    'عاصمة',
    'العاصمة',
    'بلدة',
    'قرية',
    'منطقة',
    'محافظة',
    'ولاية',
    'إقليم',
    'جزيرة',
    'جزر',
    'شمال',
    'جنوب',
    'شرق',
    'غرب',
    'شمالي',
    'جنوبي',
    'شرقي',
    'غربي',
    'وسط',
    'دولة',
    'بلاد',
    'نهر',
    'بحر',
    'جبل',
    'ميناء',
    'مطار',
    'حي',
    'شارع',
    'مقاطعة',
    'في',
    'إلى',
    'من',
  ],
  ORG: [
    'شركة',
    'وزارة',
    'منظمة',
    'حزب',
    'جامعة',
    'جمعية',
    'وكالة',
    'مؤسسة',
    'هيئة',
    'مجلس',
    'اتحاد',
    'جبهة',
    'حركة',
    'بنك',
    'مصرف',
    'صحيفة',
    'جريدة',
    'قناة',
    'إذاعة',
    'محكمة',
    'لجنة',
    'نادي',
    'منتخب',
    'فريق',
    'مجموعة',
    'مركز',
    'معهد',
    'برلمان',
    'كتيبة',
    'لواء',
    'جيش',
    'قوات',
  ],
};

const META = {
  description:
    'Arabic named-entity tagger (PERS, LOC, ORG, MISC; BIO): averaged structured perceptrons (three sentence orders, averaged; 10 % feature dropout) with Viterbi decoding over BIO tags.',
  version: '1.1.0',
  provenance:
    'Trained by scripts/train-ner.ts on the ANERcorp training portion (CAMeL Lab train/test split), seed 7, 12 epochs, 3 orders, dropout 0.1, O penalty 4. Known-entity word lists inside the model are learned from the same training data; word classes from ANERcorp and the ANT corpus v1.1 (unlabeled); external names from packs/world/countries.json, packs/world/cities.json, packs/libya/people.json and packs/models/ner-gazetteer.json; person triggers include packs/ar/titles.json.',
  licence: 'CC BY-SA 4.0; see packs/models/NER-MODEL-LICENSE.md',
  attribution:
    'ANERcorp: Y. Benajiba, P. Rosso, J. M. Benedí Ruiz (2007), "ANERsys: An Arabic Named Entity Recognition System Based on Maximum Entropy", CICLing 2007; as released by CAMeL Lab (NYU Abu Dhabi) under CC BY-SA 4.0. Word classes computed from the ANT corpus v1.1 (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017; Apache-2.0).',
};

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    cv: { type: 'string' },
    tail: { type: 'string' },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '7' },
    'min-count': { type: 'string', default: '2' },
    'outside-penalty': { type: 'string', default: '4' },
    orders: { type: 'string', default: '3' },
    dropout: { type: 'string', default: '0.1' },
    sweep: { type: 'string' },
    unlabeled: { type: 'string' },
  },
});
if (!values.data) throw new Error('--data <ANERcorp train.txt> is required');

const sentences: LabelledSentence[] = parseConll(readFileSync(values.data, 'utf8')).map((s) => ({
  tokens: s.tokens,
  tags: s.columns[0],
}));
/** Sentences for the distributional classes: the training text plus the unlabeled news, if given. */
function* clusterText(): Generator<string[]> {
  for (const s of sentences) yield s.tokens;
  if (!values.unlabeled) return;
  for (const line of readFileSync(values.unlabeled, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as { title?: string; text?: string };
    for (const paragraph of `${article.title ?? ''}\n${article.text ?? ''}`.split('\n')) {
      const tokens = tokenizeForClusters(paragraph);
      if (tokens.length > 0) yield tokens;
    }
  }
}
const clusterStart = Date.now();
const clusters = learnClusters(clusterText(), {
  minCount: 5,
  contextSize: 1000,
  dims: 96,
  fine: 400,
  coarse: 50,
  rounds: 8,
  seed: Number(values.seed),
});
console.error(`${clusters.size} stems clustered in ${Date.now() - clusterStart} ms`);

/**
 * Names from outside ANERcorp, from the project's own packs (read at training time and embedded in
 * the model): countries and their aliases and world cities as LOC, people named in Libyan news as
 * PERS. Titles from packs/ar/titles.json join the person triggers.
 */
function packEntries<T>(file: string, key: string): T[] {
  return (JSON.parse(readFileSync(new URL(`../packs/${file}`, import.meta.url), 'utf8')) as Record<string, T[]>)[key];
}
type Alias = string | { text: string };
function externalNames(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (type: string, name: string, aliases: Alias[] = []) => {
    for (const n of [name, ...aliases.map((a) => (typeof a === 'string' ? a : a.text))])
      if (!names.has(n)) names.set(n, type);
  };
  for (const c of packEntries<{ name_ar: string; aliases_ar: Alias[] }>('world/countries.json', 'countries'))
    add('LOC', c.name_ar, c.aliases_ar);
  for (const c of packEntries<{ name_ar: string; aliases_ar: Alias[] }>('world/cities.json', 'cities'))
    add('LOC', c.name_ar, c.aliases_ar);
  for (const p of packEntries<{ name_ar: string; aliases_ar: Alias[] }>('libya/people.json', 'people'))
    add('PERS', p.name_ar, p.aliases_ar);
  const known = (
    JSON.parse(readFileSync(new URL('../packs/models/ner-gazetteer.json', import.meta.url), 'utf8')) as {
      names: Record<string, string[]>;
    }
  ).names;
  for (const [type, list] of Object.entries(known)) for (const name of list) add(type, name);
  return names;
}
const titles = packEntries<{ text: string; variants?: string[] }>('ar/titles.json', 'titles').flatMap((t) => [
  t.text,
  ...(t.variants ?? []),
]);
const gazetteer = externalNames();
console.error(`${gazetteer.size} external names`);

const options: TrainOptions = {
  epochs: Number(values.epochs),
  orders: Number(values.orders),
  dropout: Number(values.dropout),
  seed: Number(values.seed),
  minFeatureCount: Number(values['min-count']),
  jackknifeBlocks: 5,
  outsidePenalty: Number(values['outside-penalty']),
  triggers: { ...TRIGGERS, PERS: [...TRIGGERS.PERS, ...titles] },
  clusters,
  gazetteer,
  meta: META,
  log: (line) => console.error(line),
};
console.error(`${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.tokens.length, 0)} tokens`);

/** Scores for each O-penalty tried (the penalty is applied at decoding, so one training serves all). */
const penalties = values.sweep ? values.sweep.split(',').map(Number) : [options.outsidePenalty];

function evaluate(train: LabelledSentence[], test: LabelledSentence[]): EntityScores[] {
  const model = trainNerModel(train, { ...options, log: undefined });
  return penalties.map((outsidePenalty) => {
    const tuned = { ...model, outsidePenalty };
    return scoreEntities(
      test.map((s) => s.tags),
      tagSentences(
        tuned,
        test.map((s) => s.tokens),
      ),
    );
  });
}

function report(label: string, s: EntityScores): void {
  const pct = (x: number) => (100 * x).toFixed(2);
  const rows = Object.entries(s.perType).map(
    ([t, p]) => `${t} P ${pct(p.precision)} R ${pct(p.recall)} F1 ${pct(p.f1)} (${p.gold})`,
  );
  console.log(
    `${label}: micro P ${pct(s.micro.precision)} R ${pct(s.micro.recall)} F1 ${pct(s.micro.f1)}\n  ${rows.join('\n  ')}`,
  );
}

/** Pools the counts of several scorings into one (micro over all folds). */
function pool(all: EntityScores[]): EntityScores {
  const sum = (pick: (s: EntityScores) => { gold: number; predicted: number; correct: number } | undefined) => {
    let g = 0,
      p = 0,
      c = 0;
    for (const s of all) {
      const x = pick(s);
      if (x) {
        g += x.gold;
        p += x.predicted;
        c += x.correct;
      }
    }
    const precision = p ? c / p : 0;
    const recall = g ? c / g : 0;
    return {
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      gold: g,
      predicted: p,
      correct: c,
    };
  };
  const types = [...new Set(all.flatMap((s) => Object.keys(s.perType)))].sort();
  return { micro: sum((s) => s.micro), perType: Object.fromEntries(types.map((t) => [t, sum((s) => s.perType[t])])) };
}

if (values.cv) {
  const k = Number(values.cv);
  const folds: EntityScores[][] = [];
  for (let f = 0; f < k; f++) {
    const lo = Math.floor((f * sentences.length) / k);
    const hi = Math.floor(((f + 1) * sentences.length) / k);
    folds.push(evaluate([...sentences.slice(0, lo), ...sentences.slice(hi)], sentences.slice(lo, hi)));
    penalties.forEach((p, i) => report(`fold ${f + 1}, O penalty ${p}`, folds[f][i]));
  }
  penalties.forEach((p, i) => report(`${k}-fold CV (pooled), O penalty ${p}`, pool(folds.map((fold) => fold[i]))));
}
if (values.tail) {
  const cut = Math.floor(sentences.length * (1 - Number(values.tail)));
  const scores = evaluate(sentences.slice(0, cut), sentences.slice(cut));
  penalties.forEach((p, i) => report(`last ${values.tail} held out, O penalty ${p}`, scores[i]));
}
if (values.out) {
  const model = trainNerModel(sentences, options);
  const text = serializeNerModel(model);
  const bytes = values.out.endsWith('.gz') ? gzipSync(text, { level: 9 }) : Buffer.from(text);
  writeFileSync(values.out, bytes);
  console.error(`wrote ${values.out}: ${bytes.length} bytes`);
}
