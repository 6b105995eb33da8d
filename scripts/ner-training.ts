/**
 * What the NER tagger is trained with, shared by scripts/train-ner.ts (options to explore) and
 * scripts/train.ts (`npm run train`, the committed model): ANERcorp read as labelled sentences,
 * the trigger words, the names from Marsad's packs used as dictionary features, the distributional
 * word classes, and the scorer's report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../src/core/paths.js';
import { parseConll, scoreEntities, type EntityScores } from '../src/ner/conll.js';
import { learnClusters, tokenizeForClusters } from '../src/ner/tagger/clusters.js';
import { tagSentences, type NerModel } from '../src/ner/tagger/model.js';
import { trainNerModel, type LabelledSentence, type TrainOptions } from '../src/ner/tagger/train.js';

/** Words that announce an entity of a class in the next token or two. */
export const NER_TRIGGERS: Record<string, readonly string[]> = {
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

export function readAnercorp(path: string): LabelledSentence[] {
  return parseConll(readFileSync(path, 'utf8')).map((s) => ({ tokens: s.tokens, tags: s.columns[0] }));
}

/** The first `1 - share` of the sentences and the rest (ANERcorp marks no articles: contiguous blocks). */
export function splitTail<T>(items: readonly T[], share: number): [T[], T[]] {
  const cut = Math.floor(items.length * (1 - share));
  return [items.slice(0, cut), items.slice(cut)];
}

/**
 * Distributional word classes from the labelled sentences given (never from text scored later)
 * and, when given, unlabeled news (JSON lines with `title` and `text`).
 */
export function learnNerClusters(
  sentences: readonly LabelledSentence[],
  unlabeled: readonly string[],
  seed: number,
): Map<string, string> {
  function* text(): Generator<string[]> {
    for (const s of sentences) yield s.tokens;
    for (const file of unlabeled) yield* newsSentences(file);
  }
  return learnClusters(text(), { minCount: 5, contextSize: 1000, dims: 96, fine: 400, coarse: 50, rounds: 8, seed });
}

/** Paragraphs of news (JSON lines with `title` and `text`), tokenised like ANERcorp. */
function* newsSentences(file: string): Generator<string[]> {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as { title?: string; text?: string };
    for (const paragraph of `${article.title ?? ''}\n${article.text ?? ''}`.split('\n')) {
      const tokens = tokenizeForClusters(paragraph);
      if (tokens.length > 0) yield tokens;
    }
  }
}

type Alias = string | { text: string };
interface Named {
  name_ar: string;
  aliases_ar?: Alias[];
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every `packs/<theatre>/<file>` there is, world first. */
function theatreFiles(file: string): string[] {
  const packs = packagePath('packs');
  return readdirSync(packs, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a === 'world' ? -1 : b === 'world' ? 1 : a.localeCompare(b)))
    .map((dir) => join(packs, dir, file))
    .filter((path) => existsSync(path));
}

/**
 * Names from outside ANERcorp, from the project's own packs (read at training time and embedded in
 * the model) → their dictionary class: countries and world cities as LOC, the people of every
 * theatre as PERS, the actors of every theatre (armies, militias, governments, parties) as ACTOR
 * (a class of its own: ANERcorp does not tag every armed force as an organisation, so the tagger
 * learns what an actor match is worth), and the well-known names of ner-gazetteer.json.
 */
export function nerDictionary(): Map<string, string> {
  const names = new Map<string, string>();
  const add = (type: string, entry: Named) => {
    for (const n of [entry.name_ar, ...(entry.aliases_ar ?? []).map((a) => (typeof a === 'string' ? a : a.text))])
      if (!names.has(n)) names.set(n, type);
  };
  for (const c of readJson<{ countries: Named[] }>(packagePath('packs', 'world', 'countries.json')).countries)
    add('LOC', c);
  for (const c of readJson<{ cities: Named[] }>(packagePath('packs', 'world', 'cities.json')).cities) add('LOC', c);
  for (const file of theatreFiles('people.json'))
    for (const p of readJson<{ people: Named[] }>(file).people) add('PERS', p);
  const known = readJson<{ names: Record<string, string[]> }>(packagePath('packs', 'models', 'ner-gazetteer.json'));
  for (const [type, list] of Object.entries(known.names)) for (const name of list) add(type, { name_ar: name });
  // The actor names last: a name already known as a place or person keeps that class.
  for (const file of theatreFiles('actors.json'))
    for (const a of readJson<{ actors: Named[] }>(file).actors)
      add('ACTOR', { ...a, name_ar: a.name_ar.replace(/\s*\([^)]*\)\s*$/, '') });
  return names;
}

/** The titles of packs/ar/titles.json, which announce a person like the PERS triggers. */
export function personTitles(): string[] {
  const titles = readJson<{ titles: { text: string; variants?: string[] }[] }>(
    packagePath('packs', 'ar', 'titles.json'),
  ).titles;
  return titles.flatMap((t) => [t.text, ...(t.variants ?? [])]);
}

/** What the model file says of itself; the training date and held-out figures are added by scripts/train.ts. */
export const NER_MODEL_META = {
  description:
    'Arabic named-entity tagger (PERS, LOC, ORG, MISC; BIO): averaged structured perceptrons (six sentence orders, averaged; 10 % feature dropout drawn per feature name, sentence and token; sentences of more than 100 tokens learned in pieces) with Viterbi decoding over BIO tags, in two passes (the second reads the types the first gave to the same words elsewhere in the text).',
  version: '1.4.0',
  provenance:
    'Trained by scripts/train.ts (npm run train -- ner-anercorp) on the ANERcorp training portion (CAMeL Lab train/test split), seed 7, 12 epochs, 6 orders, dropout 0.1, O penalty 3. Known-entity word lists inside the model are learned from the same training data; word classes from ANERcorp and the ANT corpus v1.1 (unlabeled); dictionary names from packs/world/countries.json, packs/world/cities.json, the people.json and actors.json of every theatre pack and packs/models/ner-gazetteer.json; person triggers include packs/ar/titles.json; function words from packs/ar/function-words.json.',
  licence: 'CC BY-SA 4.0; see packs/models/NER-MODEL-LICENSE.md',
  attribution:
    'ANERcorp: Y. Benajiba, P. Rosso, J. M. Benedí Ruiz (2007), "ANERsys: An Arabic Named Entity Recognition System Based on Maximum Entropy", CICLing 2007; as released by CAMeL Lab (NYU Abu Dhabi) under CC BY-SA 4.0. Word classes computed from the ANT corpus v1.1 (Chouigui, Ben Khiroun, Elayeb, AICCSA 2017; Apache-2.0).',
};

/** The shipped training settings; `overrides` for exploring (scripts/train-ner.ts). */
export function nerTrainOptions(
  clusters: ReadonlyMap<string, string>,
  meta: Record<string, unknown>,
  overrides: Partial<TrainOptions> = {},
): TrainOptions {
  return {
    epochs: 12,
    // The mean of more perceptrons moves less with small changes to the features: with HEAD's
    // packs, 40 more actor aliases or an Afghanistan actor pack, held-out F1 spread over 0.9
    // points with three orders and 0.4 with six.
    orders: 6,
    dropout: 0.1,
    seed: 7,
    minFeatureCount: 2,
    jackknifeBlocks: 5,
    outsidePenalty: 3,
    triggers: { ...NER_TRIGGERS, PERS: [...NER_TRIGGERS.PERS, ...personTitles()] },
    clusters,
    functionWords: readJson<{ words: string[] }>(packagePath('packs', 'ar', 'function-words.json')).words,
    gazetteer: nerDictionary(),
    meta,
    ...overrides,
  };
}

/** Trains on `train` and scores `test` at each O penalty (applied at decoding: one training serves all). */
export function evaluateNer(
  train: readonly LabelledSentence[],
  test: readonly LabelledSentence[],
  options: TrainOptions,
  penalties: readonly number[] = [options.outsidePenalty],
): { scores: EntityScores[]; predicted: string[][][]; model: NerModel } {
  const model = trainNerModel(train, { ...options, log: undefined });
  const predicted = penalties.map((outsidePenalty) =>
    tagSentences(
      { ...model, outsidePenalty },
      test.map((s) => s.tokens),
    ),
  );
  return {
    scores: predicted.map((p) =>
      scoreEntities(
        test.map((s) => s.tags),
        p,
      ),
    ),
    predicted,
    model,
  };
}

/** One line for the whole, one per type: precision, recall, F1 and the gold count. */
export function formatScores(label: string, s: EntityScores): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  const rows = Object.entries(s.perType).map(
    ([t, p]) => `${t.padEnd(4)} P ${pct(p.precision)} R ${pct(p.recall)} F1 ${pct(p.f1)} (${p.gold})`,
  );
  return `${label}: micro P ${pct(s.micro.precision)} R ${pct(s.micro.recall)} F1 ${pct(s.micro.f1)}\n  ${rows.join('\n  ')}`;
}

/** Share of ANERcorp's training file, at its end, held out to report the model's figures. */
export const NER_TAIL_SHARE = 0.15;

/** Precision, recall and F1 as the model file's `$meta` keeps them, rounded to 4 decimals. */
function figures(s: EntityScores): Record<string, unknown> {
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  const prf = (p: EntityScores['micro']) => ({
    precision: r(p.precision),
    recall: r(p.recall),
    f1: r(p.f1),
    gold: p.gold,
  });
  return { ...prf(s.micro), per_type: Object.fromEntries(Object.entries(s.perType).map(([t, p]) => [t, prf(p)])) };
}

/**
 * The committed model: scored first on the last 15 % of ANERcorp's training file by a model that
 * never saw it (word classes included), then trained on all of it with those figures, the date and
 * the licence in its `$meta`. Deterministic but for the date.
 */
export function trainShippedNerModel(
  anercorp: string,
  unlabeled: readonly string[],
  date: string,
  log: (line: string) => void,
): { model: NerModel; report: string[] } {
  const sentences = readAnercorp(anercorp);
  const [train, tail] = splitTail(sentences, NER_TAIL_SHARE);
  const heldOutOptions = nerTrainOptions(learnNerClusters(train, unlabeled, 7), {});
  const { scores } = evaluateNer(train, tail, heldOutOptions);
  const [held] = scores;
  const options = nerTrainOptions(learnNerClusters(sentences, unlabeled, 7), {
    ...NER_MODEL_META,
    date,
    training_data: `ANERcorp training portion (${sentences.length} sentences), CC BY-SA 4.0`,
    held_out: {
      method: `trained on the first ${100 - 100 * NER_TAIL_SHARE} % of ANERcorp's training file (word classes included), scored on the last ${100 * NER_TAIL_SHARE} % (${tail.length} sentences), entity level, exact boundaries and type (conlleval)`,
      figures: figures(held),
    },
  });
  const model = trainNerModel(sentences, { ...options, log });
  return {
    model,
    report: [
      formatScores(
        `NER: held out, last ${100 * NER_TAIL_SHARE} % of ANERcorp's training file (trained on the first ${100 - 100 * NER_TAIL_SHARE} %)`,
        held,
      ),
    ],
  };
}
