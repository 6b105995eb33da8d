/**
 * The NER model: a linear scorer over feature strings plus BIO transition scores, decoded with
 * Viterbi. Saved as JSON (optionally gzipped) with int8-quantised weights.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseConll, formatConll } from '../conll.js';
import { viterbi } from './decode.js';
import {
  documentEvidence,
  knownClass,
  mentionEvidence,
  mentionFeatures,
  visitSentenceFeatures,
  wordGroupFeatures,
  WORD_GROUP_COUNT,
  type AnalysedWord,
  type FeatureLexicons,
  type FeatureSink,
  type StemEvidence,
  type WordGroup,
} from './features.js';
import { FeatureTable } from './feature-table.js';
import { tagConstraints, type TagConstraints } from './tags.js';
import { z } from 'zod';
import { isRecord } from '../../core/unknown.js';
import { bulkRecord, isString } from '../../knowledge/pack.js';

export interface NerModel {
  readonly tags: readonly string[];
  /** Feature string → row of `weights`. */
  readonly featureIndex: ReadonlyMap<string, number>;
  /** `weights[row * tags.length + tag]`. */
  readonly weights: Float32Array | Float64Array;
  /** `transition[prev * tags.length + cur]`. */
  readonly transition: Float64Array;
  /** Score of each tag as the first of a sentence. */
  readonly start: Float64Array;
  /**
   * Subtracted from the O tag's score at every token. The perceptron is cautious (precision well
   * above recall); this trades some precision back for recall and is tuned by cross-validation.
   */
  readonly outsidePenalty: number;
  readonly lexicons: FeatureLexicons;
  readonly constraints: TagConstraints;
  /** Provenance and licence, as stored in the file's `$meta`. */
  readonly meta: Record<string, unknown>;
}

/** Bumped when a feature changes meaning: a model trained on other features is refused, not misread. */
export const MODEL_FORMAT = 'marsad-ner-perceptron/2';

/** The committed model; the same relative path works from src/ner/tagger/ and dist/ner/tagger/. */
export const DEFAULT_MODEL_URL = new URL('../../../packs/models/ner-anercorp.json.gz', import.meta.url);

const StringByString = bulkRecord(isString, 'string');
const ModelFile = z.object({
  $meta: z.record(z.string(), z.unknown()),
  format: z.string(),
  tags: z.array(z.string()),
  /** Feature strings, one per weight row, joined by newlines. */
  features: z.string(),
  /** Real weight = stored int8 × weightScale. */
  weightScale: z.number(),
  /** Base64 of the int8 weights, row-major (feature, tag). */
  weights: z.string(),
  transition: z.array(z.number()),
  start: z.array(z.number()),
  outsidePenalty: z.number(),
  lexicons: z.object({
    triggers: StringByString,
    entityWords: StringByString,
    entityPhrases: StringByString,
    maxPhraseTokens: z.number(),
    gazetteer: StringByString,
    maxGazetteerTokens: z.number(),
    clusters: StringByString,
    functionWords: z.array(z.string()).default([]),
  }),
});
type ModelFile = z.infer<typeof ModelFile>;

export function createModel(parts: Omit<NerModel, 'constraints'>): NerModel {
  return { ...parts, constraints: tagConstraints(parts.tags) };
}

export function loadNerModel(path?: string): NerModel {
  const location = path ?? fileURLToPath(DEFAULT_MODEL_URL);
  const raw = readFileSync(location);
  const text = (location.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const data: unknown = JSON.parse(text);
  const format = isRecord(data) ? data.format : undefined;
  if (format !== MODEL_FORMAT) throw new Error(`${location}: unknown model format ${String(format)}`);
  return modelFromFile(ModelFile.parse(data));
}

function modelFromFile(file: ModelFile): NerModel {
  const names = file.features.split('\n');
  const featureIndex = new Map<string, number>();
  for (let i = 0; i < names.length; i++) featureIndex.set(names[i], i);
  const bytes = Buffer.from(file.weights, 'base64');
  const quantised = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const weights = new Float32Array(quantised.length);
  for (let i = 0; i < quantised.length; i++) weights[i] = quantised[i] * file.weightScale;
  const lex = file.lexicons;
  return createModel({
    tags: file.tags,
    featureIndex,
    weights,
    transition: Float64Array.from(file.transition),
    start: Float64Array.from(file.start),
    outsidePenalty: file.outsidePenalty,
    lexicons: {
      triggers: new Map(Object.entries(lex.triggers)),
      entityWords: new Map(Object.entries(lex.entityWords)),
      entityPhrases: new Map(Object.entries(lex.entityPhrases)),
      maxPhraseTokens: lex.maxPhraseTokens,
      gazetteer: new Map(Object.entries(lex.gazetteer)),
      maxGazetteerTokens: lex.maxGazetteerTokens,
      clusters: new Map(Object.entries(lex.clusters)),
      functionWords: new Set(lex.functionWords),
    },
    meta: file.$meta,
  });
}

/**
 * The model as file text. Weights are quantised to int8 with one scale; feature rows whose
 * weights all round to zero are dropped, which is most of what keeps the file small.
 */
export function serializeNerModel(model: NerModel): string {
  return JSON.stringify(modelToFile(model));
}

function modelToFile(model: NerModel): ModelFile {
  const n = model.tags.length;
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 127 : 1;
  const names: string[] = [];
  const rows: Int8Array[] = [];
  for (const [name, row] of model.featureIndex) {
    const q = new Int8Array(n);
    let any = false;
    for (let t = 0; t < n; t++) {
      q[t] = Math.round(model.weights[row * n + t] / scale);
      if (q[t] !== 0) any = true;
    }
    if (!any) continue;
    names.push(name);
    rows.push(q);
  }
  const packed = new Int8Array(rows.length * n);
  rows.forEach((r, i) => packed.set(r, i * n));
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    $meta: model.meta,
    format: MODEL_FORMAT,
    tags: [...model.tags],
    features: names.join('\n'),
    weightScale: scale,
    weights: Buffer.from(packed.buffer).toString('base64'),
    transition: Array.from(model.transition, round),
    start: Array.from(model.start, round),
    outsidePenalty: model.outsidePenalty,
    lexicons: {
      triggers: Object.fromEntries(model.lexicons.triggers),
      entityWords: Object.fromEntries(model.lexicons.entityWords),
      entityPhrases: Object.fromEntries(model.lexicons.entityPhrases),
      maxPhraseTokens: model.lexicons.maxPhraseTokens,
      gazetteer: Object.fromEntries(model.lexicons.gazetteer),
      maxGazetteerTokens: model.lexicons.maxGazetteerTokens,
      clusters: Object.fromEntries(model.lexicons.clusters),
      functionWords: [...model.lexicons.functionWords],
    },
  };
}

/** Emission scores `[token * tags + tag]` from precomputed feature rows (-1 for unknown features). */
export function emissionScores(model: NerModel, featureRows: readonly Int32Array[]): Float64Array {
  const n = model.tags.length;
  const emission = new Float64Array(featureRows.length * n);
  const w = model.weights;
  for (let i = 0; i < featureRows.length; i++) {
    const base = i * n;
    for (const row of featureRows[i]) {
      if (row < 0) continue;
      const off = row * n;
      for (let t = 0; t < n; t++) emission[base + t] += w[off + t];
    }
  }
  return emission;
}

const featureTables = new WeakMap<ReadonlyMap<string, number>, FeatureTable>();

/** The model's rows by template and parts, built at its first use (not at load: training never needs it). */
function featureTable(model: NerModel): FeatureTable {
  let table = featureTables.get(model.featureIndex);
  if (!table) featureTables.set(model.featureIndex, (table = new FeatureTable(model.featureIndex)));
  return table;
}

/** Adds the weights of each feature it is sent to `target[at .. at + tags)`. */
class ScoreSink {
  target: Float64Array = new Float64Array(0);
  at = 0;
  /** How many of the features sent were the model's. */
  found = 0;
  readonly add: FeatureSink = (template, a, b, c) => {
    const row = this.table.row(template, a, b, c);
    if (row < 0) return;
    this.found++;
    const n = this.tags;
    const off = row * n;
    for (let t = 0; t < n; t++) this.target[this.at + t] += this.weights[off + t];
  };

  constructor(
    private readonly table: FeatureTable,
    private readonly weights: Float32Array | Float64Array,
    private readonly tags: number,
  ) {}
}

/**
 * Per model, the summed weights of each group (features.ts WordGroup) of each word, kept in arrays
 * by word id: weak maps keyed by the words took more time than the sums, mostly in the collector.
 */
class GroupScores {
  /** The word each id's sums are of: after analyseWord's cache is cleared, an id names another word. */
  private words: (AnalysedWord | undefined)[] = [];
  /** Per word and group: 0 not summed yet, 1 summed, 2 none of its features is the model's. */
  private state = new Uint8Array(0);
  /** The sums, `[(id * WORD_GROUP_COUNT + group) * tags + tag]`. */
  sums = new Float64Array(0);
  private readonly sink: ScoreSink;

  constructor(
    private readonly model: NerModel,
    table: FeatureTable,
  ) {
    this.sink = new ScoreSink(table, model.weights, model.tags.length);
  }

  /** Where the group's sums start in `sums`, -1 when it has none. */
  offset(w: AnalysedWord, group: WordGroup): number {
    if (this.words[w.id] !== w) this.adopt(w);
    const slot = w.id * WORD_GROUP_COUNT + group;
    const n = this.model.tags.length;
    if (this.state[slot] === 0) {
      const sink = this.sink;
      sink.target = this.sums;
      sink.at = slot * n;
      sink.found = 0;
      wordGroupFeatures(w, group, this.model.lexicons, sink.add);
      this.state[slot] = sink.found > 0 ? 1 : 2;
    }
    return this.state[slot] === 1 ? slot * n : -1;
  }

  private adopt(w: AnalysedWord): void {
    const n = this.model.tags.length;
    const slots = this.state.length / WORD_GROUP_COUNT;
    if (w.id >= slots) {
      const grown = Math.max(2 * slots, w.id + 1, 1024);
      const state = new Uint8Array(grown * WORD_GROUP_COUNT);
      state.set(this.state);
      const sums = new Float64Array(grown * WORD_GROUP_COUNT * n);
      sums.set(this.sums);
      this.state = state;
      this.sums = sums;
    }
    const from = w.id * WORD_GROUP_COUNT;
    this.state.fill(0, from, from + WORD_GROUP_COUNT);
    this.sums.fill(0, from * n, (from + WORD_GROUP_COUNT) * n);
    this.words[w.id] = w;
  }
}

const groupScoreCache = new WeakMap<NerModel, GroupScores>();

/** Emission scores of a model's sentences; sums run in the order of each token's feature list. */
class EmissionScorer {
  private readonly n: number;
  private readonly sink: ScoreSink;
  private readonly groups: GroupScores;

  constructor(private readonly model: NerModel) {
    this.n = model.tags.length;
    const table = featureTable(model);
    this.sink = new ScoreSink(table, model.weights, this.n);
    let groups = groupScoreCache.get(model);
    if (!groups) groupScoreCache.set(model, (groups = new GroupScores(model, table)));
    this.groups = groups;
  }

  /**
   * Emission scores `[token * tags + tag]` of a sentence. A word's feature groups are shared by its
   * every occurrence, so their summed weights are kept: most of a token's score is a few additions.
   */
  sentence(tokens: readonly string[], evidence: ReadonlyMap<string, StemEvidence>): Float64Array {
    const { n, sink, groups } = this;
    const emission = new Float64Array(tokens.length * n);
    sink.target = emission;
    visitSentenceFeatures(tokens, this.model.lexicons, evidence, {
      token: (i) => {
        sink.at = i * n;
      },
      group: (w, group) => {
        const from = groups.offset(w, group);
        if (from < 0) return;
        const sums = groups.sums;
        for (let t = 0; t < n; t++) emission[sink.at + t] += sums[from + t];
      },
      feature: sink.add,
    });
    return emission;
  }

  /** Adds the features of the roles mentionEvidence found around token `i` to its scores in `emission`. */
  addMentions(emission: Float64Array, tokens: readonly string[], roles: readonly string[], i: number): void {
    this.sink.target = emission;
    this.sink.at = i * this.n;
    mentionFeatures(roles, i, knownClass(this.model.lexicons, tokens[i]), this.sink.add);
  }
}

/**
 * BIO tags (`B-PERS`, `I-LOC`, `O` …) for one tokenised sentence, on its own. Prefer tagSentences
 * for running text: names repeated in nearby sentences help each other.
 */
export function tagTokens(model: NerModel, tokens: string[]): string[] {
  return tagSentences(model, [tokens])[0];
}

/**
 * BIO tags for consecutive sentences of one text, each seeing evidence from its neighbours. Two
 * passes: the second adds, where the first found entities, what their other mentions say of each
 * word (a surname alone after the full name), and decodes again the sentences that changes.
 */
export function tagSentences(model: NerModel, sentences: string[][]): string[][] {
  const evidence = documentEvidence(sentences, model.lexicons);
  const n = model.tags.length;
  const outside = model.tags.indexOf('O');
  const decode = (emission: Float64Array, length: number) =>
    Array.from(viterbi(emission, length, n, model.transition, model.start, model.constraints), (t) => model.tags[t]);
  const scorer = new EmissionScorer(model);
  const emissions = sentences.map((tokens, s) => {
    if (tokens.length === 0) return new Float64Array(0);
    const emission = scorer.sentence(tokens, evidence[s]);
    if (model.outsidePenalty !== 0)
      for (let i = 0; i < tokens.length; i++) emission[i * n + outside] -= model.outsidePenalty;
    return emission;
  });
  const first = sentences.map((tokens, s) => decode(emissions[s], tokens.length));
  const mentions = mentionEvidence(sentences, first);
  return sentences.map((tokens, s) => {
    const roles = mentions[s];
    if (!roles.some((r) => r !== '')) return first[s];
    const emission = emissions[s];
    for (let i = 0; i < tokens.length; i++)
      if (roles[i] || roles[i - 1] || roles[i + 1]) scorer.addMentions(emission, tokens, roles, i);
    return decode(emission, tokens.length);
  });
}

/**
 * Tags a CoNLL text (`token [TAG]` lines, blank lines between sentences) and returns
 * `token GOLD PRED` lines, GOLD being the input's first label column or O when it has none.
 */
export function tagConll(model: NerModel, conllText: string): string {
  const parsed = parseConll(conllText);
  const predicted = tagSentences(
    model,
    parsed.map((s) => s.tokens),
  );
  const sentences = parsed.map((s, i) => ({
    tokens: s.tokens,
    columns: [s.columns[0] ?? s.tokens.map(() => 'O'), predicted[i]],
  }));
  return formatConll(sentences);
}
