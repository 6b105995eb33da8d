/**
 * Feature extraction for the NER tagger: every token gets a list of feature strings drawn from a
 * ±2 token window (words, clitic-stripped stems, affixes, shapes, trigger words and lists of
 * entity names learned from training data).
 */
import { normalizeForMatch } from '../../text/normalize.js';
import { bioEntities } from '../conll.js';

/** Word lists the features consult; they travel inside the model file. */
export interface FeatureLexicons {
  /** Normalised stem → class of entity the word announces (`PERS` after الرئيس, `LOC` after مدينة …). */
  triggers: ReadonlyMap<string, string>;
  /** Normalised stem of every training word → entity types it was seen inside (`PERS`, `LOC+ORG`), or `O`, `O4`, `O1` (never an entity; seen 5+, 2–4, 1 times). */
  entityWords: ReadonlyMap<string, string>;
  /** Stems of a known multi-word or single-word entity joined by a space → its type. */
  entityPhrases: ReadonlyMap<string, string>;
  /** Longest entry of `entityPhrases`, in tokens. */
  maxPhraseTokens: number;
  /** Names from outside the training data (countries, another NER corpus): stems joined by a space → type. */
  gazetteer: ReadonlyMap<string, string>;
  /** Longest entry of `gazetteer`, in tokens. */
  maxGazetteerTokens: number;
  /** Stem → distributional classes `coarse.fine` (clusters.ts). */
  clusters: ReadonlyMap<string, string>;
  /** Normalised particles, pronouns and prepositions (packs/ar/function-words.json): never inside a name. */
  functionWords: ReadonlySet<string>;
}

export interface AnalysedWord {
  /**
   * Unique among the words analyseWord keeps (0 and 1 are the sentence boundaries), so a tagger can
   * keep what it learns of a word in arrays; a new word may take it once the cache is cleared.
   */
  id: number;
  norm: string;
  /** Norm without the proclitics و ف ب ك ل ال لل (only when at least two letters remain). */
  stem: string;
  /** The stripped proclitics, concatenated ('' when none). */
  proclitics: string;
  /** wordShape of norm. */
  shape: string;
}

const [WAW, FA, BA, KAF, LAM, ALEF] = ['و', 'ف', 'ب', 'ك', 'ل', 'ا'].map((c) => c.charCodeAt(0));

/**
 * A small proclitic stripper for features only: conjunction و/ف, then preposition ب/ك/ل, then the
 * article ال (or لل, ل + ال). It over-strips names that begin with these letters (بغداد → غداد);
 * the tagger also sees the unstripped word, so that costs little.
 */
export function stripProclitics(norm: string): { stem: string; proclitics: string } {
  // Char codes, not slices: this runs for every new word.
  const n = norm.length;
  let at = 0;
  const c0 = norm.charCodeAt(0);
  if ((c0 === WAW || c0 === FA) && n - 1 >= 3) at = 1;
  if (norm.charCodeAt(at) === LAM && norm.charCodeAt(at + 1) === LAM && n - at - 2 >= 2) at += 2;
  else {
    const c = norm.charCodeAt(at);
    if ((c === BA || c === KAF || c === LAM) && n - at - 1 >= 3) at += 1;
    if (norm.charCodeAt(at) === ALEF && norm.charCodeAt(at + 1) === LAM && n - at - 2 >= 2) at += 2;
  }
  return { stem: at === 0 ? norm : norm.slice(at), proclitics: norm.slice(0, at) };
}

const wordCache = new Map<string, AnalysedWord>();
const FIRST_WORD_ID = 2;
const WORD_CACHE_LIMIT = 200_000;

export function analyseWord(token: string): AnalysedWord {
  const cached = wordCache.get(token);
  if (cached) return cached;
  const normalised = normalizeForMatch(token);
  const norm = normalised.length > 0 ? normalised : token;
  const { stem, proclitics } = stripProclitics(norm);
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  const analysed = { id: FIRST_WORD_ID + wordCache.size, norm, stem, proclitics, shape: wordShape(norm) };
  wordCache.set(token, analysed);
  return analysed;
}

/** A coarse shape: digits, Latin, punctuation (the mark itself) or Arabic with a length bucket. */
export function wordShape(norm: string): string {
  if (/^[0-9]+(?:[.,/][0-9]+)*$/.test(norm)) return norm.length === 4 ? 'year' : 'num';
  if (/[0-9]/.test(norm)) return 'hasnum';
  if (/^[a-z]+$/.test(norm)) return 'latin';
  if (/[a-z]/.test(norm)) return 'mixlatin';
  if (!/[\u0621-\u064a]/.test(norm)) return `punct${norm.length <= 2 ? norm : ''}`;
  const n = norm.length;
  return n <= 2 ? 'ar2' : n === 3 ? 'ar3' : n === 4 ? 'ar4' : n <= 6 ? 'ar6' : 'ar7';
}

const BOUNDARY: AnalysedWord = { id: 0, norm: '<s>', stem: '<s>', proclitics: '', shape: '<s>' };
const END: AnalysedWord = { id: 1, norm: '</s>', stem: '</s>', proclitics: '', shape: '</s>' };

/**
 * Receives a token's features one at a time. A feature is a template with up to three parts, and
 * featureName() spells it. A scorer looks the parts up instead of building the name: building and
 * hashing a new string for every feature of every token was most of the tagger's time.
 */
export type FeatureSink = (template: string, a?: string, b?: string, c?: string) => void;

/** A feature's name: its template, then `=` and its parts joined by `|` (the template alone without parts). */
export function featureName(template: string, a?: string, b?: string, c?: string): string {
  if (a === undefined) return template;
  if (b === undefined) return `${template}=${a}`;
  return c === undefined ? `${template}=${a}|${b}` : `${template}=${a}|${b}|${c}`;
}

/**
 * The features a word gives the token it stands at and the tokens around it: each group is the same
 * wherever the word occurs, so callers keep it per distinct word, which is most of the tagger's speed.
 * Word groups depend on the word alone, cluster groups also on the clusters, name groups on the
 * lexicons.
 */
export const WordGroup = {
  own: 0,
  /** For the token after this word. */
  asPrev: 1,
  asNext: 2,
  asPrev2: 3,
  asNext2: 4,
  clusterOwn: 5,
  clusterAsPrev: 6,
  clusterAsNext: 7,
  nameOwn: 8,
  nameAsPrev: 9,
  nameAsNext: 10,
} as const;
export type WordGroup = (typeof WordGroup)[keyof typeof WordGroup];
/** How many groups there are: the groups number themselves 0, 1, 2 … */
export const WORD_GROUP_COUNT = Object.keys(WordGroup).length;

// Template names by affix length, so that none is built per word.
const PRE = ['', 'pre1', 'pre2', 'pre3', 'pre4'];
const SUF = ['', 'suf1', 'suf2', 'suf3', 'suf4'];
const SPRE = ['', 'spre1', 'spre2', 'spre3'];
const SSUF = ['', 'ssuf1', 'ssuf2', 'ssuf3'];

/** Sends the features of one group of a word to `emit`. */
export function wordGroupFeatures(w: AnalysedWord, group: WordGroup, lex: FeatureLexicons, emit: FeatureSink): void {
  const wn = w.norm;
  switch (group) {
    case WordGroup.own:
      emit('w', wn);
      emit('s', w.stem);
      emit('pc', w.proclitics);
      emit('sh', w.shape);
      emit('len', String(Math.min(wn.length, 12)));
      for (let k = 1; k <= 4 && k < wn.length; k++) {
        emit(PRE[k], wn.slice(0, k));
        emit(SUF[k], wn.slice(-k));
      }
      if (w.stem !== wn) {
        for (let k = 1; k <= 3 && k < w.stem.length; k++) {
          emit(SPRE[k], w.stem.slice(0, k));
          emit(SSUF[k], w.stem.slice(-k));
        }
      }
      if (wn.startsWith('ال')) emit('al');
      return;
    case WordGroup.asPrev:
      emit('w-1', wn);
      emit('s-1', w.stem);
      emit('sh-1', w.shape);
      emit('suf2-1', wn.slice(-2));
      emit('suf3-1', wn.slice(-3));
      emit('pc-1', w.proclitics);
      return;
    case WordGroup.asNext:
      emit('w+1', wn);
      emit('s+1', w.stem);
      emit('sh+1', w.shape);
      emit('suf2+1', wn.slice(-2));
      emit('suf3+1', wn.slice(-3));
      emit('pre2+1', wn.slice(0, 2));
      emit('pc+1', w.proclitics);
      return;
    case WordGroup.asPrev2:
      emit('w-2', wn);
      emit('s-2', w.stem);
      return;
    case WordGroup.asNext2:
      emit('w+2', wn);
      emit('s+2', w.stem);
      return;
    case WordGroup.clusterOwn:
    case WordGroup.clusterAsPrev:
    case WordGroup.clusterAsNext: {
      // The coarse and fine distributional class of the word.
      const c = lex.clusters.get(w.stem);
      if (c === undefined) return;
      const dot = c.indexOf('.');
      const [coarse, fine] = [c.slice(0, dot), c.slice(dot + 1)];
      const own = group === WordGroup.clusterOwn;
      emit(own ? 'ca' : group === WordGroup.clusterAsPrev ? 'c-1a' : 'c+1a', coarse);
      emit(own ? 'cb' : group === WordGroup.clusterAsPrev ? 'c-1b' : 'c+1b', fine);
      return;
    }
    default: {
      // The types of the gazetteer names the word belongs to (gazetteerWords), on its own token
      // also with its class in the training data.
      const types = gazetteerWords(lex).get(w.stem);
      if (types === undefined) return;
      if (group === WordGroup.nameOwn) {
        emit('gzw', types);
        emit('gzwkn', types, lex.entityWords.get(w.stem) ?? 'unk');
      } else emit(group === WordGroup.nameAsPrev ? 'gzw-1' : 'gzw+1', types);
    }
  }
}

const prefixCache = new WeakMap<ReadonlyMap<string, string>, Set<string>>();

/** Every proper word prefix of the phrases (`a`, `a b` for `a b c`): a match that is none of these cannot grow. */
function phrasePrefixes(phrases: ReadonlyMap<string, string>): Set<string> {
  let prefixes = prefixCache.get(phrases);
  if (prefixes) return prefixes;
  prefixes = new Set();
  for (const key of phrases.keys()) {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) prefixes.add(key.slice(0, at));
  }
  prefixCache.set(phrases, prefixes);
  return prefixes;
}

/**
 * For each token, the tags a known-entity phrase covering it would give (`B-LOC`, `I-LOC`), found
 * by longest match from left to right over stems; '' where no phrase matches.
 */
function phraseMatches(
  words: readonly AnalysedWord[],
  phrases: ReadonlyMap<string, string>,
  maxTokens: number,
): string[] {
  const out = new Array<string>(words.length).fill('');
  const prefixes = phrasePrefixes(phrases);
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    let type = '';
    let key = '';
    for (let len = 1; len <= maxTokens && i + len <= words.length; len++) {
      key = len === 1 ? words[i].stem : `${key} ${words[i + len - 1].stem}`;
      const t = phrases.get(key);
      if (t !== undefined) {
        matched = len;
        type = t;
      }
      if (!prefixes.has(key)) break;
    }
    if (matched === 0) {
      i++;
      continue;
    }
    out[i] = `B-${type}`;
    for (let k = 1; k < matched; k++) out[i + k] = `I-${type}`;
    i += matched;
  }
  return out;
}

const gazetteerWordCache = new WeakMap<Pick<FeatureLexicons, 'gazetteer' | 'functionWords'>, Map<string, string>>();

/**
 * Stem → the types of the gazetteer names it is a word of, sorted and joined by '+': a first name
 * seen alone (مايكل) is no phrase match, but a name's word all the same. Function words are left
 * out: a name's الذي or في (التحالف الذي تقوده …, القيادة الأمريكية في أفريقيا) would otherwise mark
 * every relative pronoun or preposition of the text as a name's word (and الذي shares its stem ذي
 * with ذي قار).
 */
export function gazetteerWords(lex: Pick<FeatureLexicons, 'gazetteer' | 'functionWords'>): ReadonlyMap<string, string> {
  let words = gazetteerWordCache.get(lex);
  if (words) return words;
  const functionStems = new Set([...lex.functionWords].map((w) => stripProclitics(w).stem));
  const types = new Map<string, Set<string>>();
  for (const [key, type] of lex.gazetteer) {
    for (const stem of key.split(' ')) {
      if (functionStems.has(stem)) continue;
      let set = types.get(stem);
      if (!set) types.set(stem, (set = new Set()));
      set.add(type);
    }
  }
  words = new Map([...types].map(([stem, set]) => [stem, [...set].sort().join('+')]));
  gazetteerWordCache.set(lex, words);
  return words;
}

/** What nearby sentences say about a stem: how often it occurs and which trigger classes precede it. */
export interface StemEvidence {
  count: number;
  /** Trigger classes seen right before any occurrence, sorted and joined by '+' ('' for none). */
  triggers: string;
}

/** Sentences on each side whose words count as the same story (ANERcorp marks no article breaks). */
export const CONTEXT_SENTENCES = 8;

/**
 * For each sentence, the evidence about its stems from the sentences around it. A name is usually
 * introduced once with a telling context (شركة مايكروسوفت) and then repeated bare; this carries the
 * telling context to the bare mentions.
 */
export function documentEvidence(
  sentences: readonly (readonly string[])[],
  lex: FeatureLexicons,
  window = CONTEXT_SENTENCES,
): Map<string, StemEvidence>[] {
  const stemsOf = sentences.map((tokens) => tokens.map((t) => analyseWord(t).stem));
  // Per stem, the sentences it occurs in (ascending), how often, and the trigger classes before it.
  interface Occurrence {
    sentence: number;
    count: number;
    triggers: string[];
  }
  const occurrences = new Map<string, Occurrence[]>();
  sentences.forEach((tokens, s) => {
    const stems = stemsOf[s];
    for (let i = 0; i < stems.length; i++) {
      let list = occurrences.get(stems[i]);
      if (!list) occurrences.set(stems[i], (list = []));
      let e = list[list.length - 1];
      if (!e || e.sentence !== s) list.push((e = { sentence: s, count: 0, triggers: [] }));
      e.count++;
      if (i > 0) {
        const t = lex.triggers.get(stems[i - 1]) ?? lex.triggers.get(analyseWord(tokens[i - 1]).norm);
        if (t) e.triggers.push(t);
      }
    }
  });
  // Only the stems of the sentence itself are looked up in its neighbours.
  return sentences.map((_, s) => {
    const out = new Map<string, StemEvidence>();
    for (const stem of stemsOf[s]) {
      if (out.has(stem)) continue;
      const list = occurrences.get(stem)!;
      let count = 0;
      const triggers = new Set<string>();
      for (let k = firstFrom(list, s - window); k < list.length && list[k].sentence <= s + window; k++) {
        count += list[k].count;
        for (const t of list[k].triggers) triggers.add(t);
      }
      out.set(stem, { count, triggers: triggers.size === 0 ? '' : [...triggers].sort().join('+') });
    }
    return out;
  });
}

/** Index of the first occurrence in a sentence at or after `sentence` (binary search: frequent stems occur in most sentences). */
function firstFrom(list: readonly { sentence: number }[], sentence: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The type of the entity mention each word of the sentence belongs to. (Also telling where in the
 * mention the word stood scored worse on the development slice: one mis-cut name then cut the
 * others the same way.)
 */
function mentionRoles(stems: readonly string[], tags: readonly string[]): { stem: string; role: string; at: number }[] {
  const out: { stem: string; role: string; at: number }[] = [];
  for (const e of bioEntities(tags)) {
    for (let i = e.start; i < e.end; i++) {
      out.push({ stem: stems[i], role: e.type, at: i });
    }
  }
  return out;
}

/**
 * For each token, the entity types its stem carries in the other entity mentions of the sentences
 * around it (its own mention left out), sorted and joined by '+', or '' for none. A surname or
 * first name standing alone after the full name (`سولانا` after `خافيير سولانا`) gets `PERS`, and
 * a name tagged one way elsewhere leans the same way here. Training reads the gold tags; tagging
 * reads the tags of a first pass (model.ts).
 */
export function mentionEvidence(
  sentences: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
  window = CONTEXT_SENTENCES,
): string[][] {
  const stemsOf = sentences.map((tokens) => tokens.map((t) => analyseWord(t).stem));
  const roles = stemsOf.map((stems, s) => mentionRoles(stems, tags[s]).filter((r) => r.stem.length >= 2));
  return sentences.map((tokens, s) => {
    const out = new Array<string>(tokens.length).fill('');
    const wanted = new Set(stemsOf[s]);
    // stem → role → count over the window
    const counts = new Map<string, Map<string, number>>();
    for (let k = Math.max(0, s - window); k <= Math.min(sentences.length - 1, s + window); k++) {
      for (const r of roles[k]) {
        if (!wanted.has(r.stem)) continue;
        let m = counts.get(r.stem);
        if (!m) counts.set(r.stem, (m = new Map<string, number>()));
        m.set(r.role, (m.get(r.role) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return out;
    const own = new Map(roles[s].map((r) => [r.at, r.role]));
    stemsOf[s].forEach((stem, i) => {
      const m = counts.get(stem);
      if (!m) return;
      const mine = own.get(i);
      const kept = [...m].filter(([role, c]) => c - (role === mine ? 1 : 0) > 0).map(([role]) => role);
      out[i] = kept.sort().join('+');
    });
    return out;
  });
}

/** Features of the roles mentionEvidence found at a token and its neighbours. */
export function mentionFeatures(roles: readonly string[], i: number, known: string, emit: FeatureSink): void {
  const here = roles[i];
  const prev = i > 0 ? roles[i - 1] : '';
  const next = i + 1 < roles.length ? roles[i + 1] : '';
  if (here) {
    emit('dm', here);
    emit('dmkn', here, known);
  }
  if (prev) emit('dm-1', prev);
  if (next) emit('dm+1', next);
  if (here && (prev || next)) emit('dm3', prev, here, next);
}

const groupNameCache = new WeakMap<object, WeakMap<AnalysedWord, (readonly string[] | undefined)[]>>();
/** Owner of the cache of the groups that depend on the word alone. */
const WORD_ALONE = {};

/** The names of one group of a word, built once and kept: training lists them at every occurrence. */
function groupNames(w: AnalysedWord, group: WordGroup, lex: FeatureLexicons): readonly string[] {
  const owner = group < WordGroup.clusterOwn ? WORD_ALONE : group < WordGroup.nameOwn ? lex.clusters : lex;
  let byWord = groupNameCache.get(owner);
  if (!byWord) groupNameCache.set(owner, (byWord = new WeakMap()));
  let groups = byWord.get(w);
  if (!groups) byWord.set(w, (groups = []));
  let names = groups[group];
  if (!names) {
    const out: string[] = [];
    wordGroupFeatures(w, group, lex, (template, a, b, c) => out.push(featureName(template, a, b, c)));
    groups[group] = names = out;
  }
  return names;
}

/**
 * Feature names of every token of a sentence. `evidence` comes from documentEvidence over the
 * surrounding text; without it the sentence is its own context.
 */
export function sentenceFeatures(
  tokens: readonly string[],
  lex: FeatureLexicons,
  evidence?: ReadonlyMap<string, StemEvidence>,
  mentions?: readonly string[],
): string[][] {
  const all: string[][] = [];
  let names: string[] = [];
  const add: FeatureSink = (template, a, b, c) => names.push(featureName(template, a, b, c));
  visitSentenceFeatures(tokens, lex, evidence, {
    token: () => all.push((names = [])),
    group: (w, group) => names.push(...groupNames(w, group, lex)),
    feature: add,
  });
  if (mentions) {
    all.forEach((token, i) => {
      names = token;
      mentionFeatures(mentions, i, knownClass(lex, tokens[i]), add);
    });
  }
  return all;
}

/** The class entityWords gives a token's stem, 'unk' for a word never seen. */
export function knownClass(lex: FeatureLexicons, token: string): string {
  return lex.entityWords.get(analyseWord(token).stem) ?? 'unk';
}

/** What visitSentenceFeatures reports, token after token, in the order of the token's feature list. */
export interface SentenceFeatureVisitor {
  /** The features of token `i` follow. */
  token(i: number): void;
  /** One group of a word's features (wordGroupFeatures). */
  group(w: AnalysedWord, group: WordGroup): void;
  /** One of the token's other features. */
  feature: FeatureSink;
}

/**
 * The features of every token of a sentence, per-word groups first: sentenceFeatures lists their
 * names, the tagger adds up their weights.
 */
export function visitSentenceFeatures(
  tokens: readonly string[],
  lex: FeatureLexicons,
  evidence: ReadonlyMap<string, StemEvidence> | undefined,
  visit: SentenceFeatureVisitor,
): void {
  const stemEvidence = evidence ?? documentEvidence([tokens], lex)[0];
  const words = tokens.map(analyseWord);
  const n = words.length;
  const at = (i: number) => (i < 0 ? BOUNDARY : i >= n ? END : words[i]);
  const triggers = words.map((w) => lex.triggers.get(w.stem) ?? lex.triggers.get(w.norm));
  const trigger = (i: number) => (i < 0 || i >= n ? undefined : triggers[i]);
  const known = words.map((w) => lex.entityWords.get(w.stem) ?? 'unk');
  const functionWord = words.map((w) => lex.functionWords.has(w.norm));
  const phrases = phraseMatches(words, lex.entityPhrases, lex.maxPhraseTokens);
  const gazetteer = phraseMatches(words, lex.gazetteer, lex.maxGazetteerTokens);
  const emit = visit.feature;
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const prev = at(i - 1);
    const prev2 = at(i - 2);
    const next = at(i + 1);
    const next2 = at(i + 2);
    visit.token(i);
    visit.group(w, WordGroup.own);
    visit.group(prev, WordGroup.asPrev);
    visit.group(next, WordGroup.asNext);
    visit.group(prev2, WordGroup.asPrev2);
    visit.group(next2, WordGroup.asNext2);
    if (i > 0) {
      visit.group(prev, WordGroup.clusterAsPrev);
      visit.group(prev, WordGroup.nameAsPrev);
    }
    visit.group(w, WordGroup.clusterOwn);
    visit.group(w, WordGroup.nameOwn);
    if (i + 1 < n) {
      visit.group(next, WordGroup.clusterAsNext);
      visit.group(next, WordGroup.nameAsNext);
    }
    emit('bias');
    emit('w-1w', prev.norm, w.norm);
    emit('ww+1', w.norm, next.norm);
    emit('s-1s', prev.stem, w.stem);
    emit('ss+1', w.stem, next.stem);
    emit('w-2w-1', prev2.norm, prev.norm);
    emit('w+1w+2', next.norm, next2.norm);
    emit('sh3', prev.shape, w.shape, next.shape);
    emit('w-1ww+1', prev.norm, w.norm, next.norm);
    if (i === 0) emit('first');
    // Where a name stops: a particle or preposition, or a word carrying a proclitic, after it.
    if (functionWord[i]) emit('fw');
    if (i + 1 < n && functionWord[i + 1]) emit('fw+1');
    if (i > 0 && functionWord[i - 1]) emit('fw-1');
    const t = trigger(i);
    if (t) emit('tr', t);
    const t1 = trigger(i - 1);
    if (t1) emit('tr-1', t1);
    const t2 = trigger(i - 2);
    if (t2) emit('tr-2', t2);
    const tNext = trigger(i + 1);
    if (tNext) emit('tr+1', tNext);
    if (t1) emit('tr-1w', t1, w.stem);
    const kn = known[i];
    const knPrev = i === 0 ? '<s>' : known[i - 1];
    const knNext = i === n - 1 ? '</s>' : known[i + 1];
    emit('kn', kn);
    emit('kn-1', knPrev);
    emit('kn+1', knNext);
    emit('kn-1kn', knPrev, kn);
    emit('knkn+1', kn, knNext);
    emit('kn-1knkn+1', knPrev, kn, knNext);
    const ev = stemEvidence.get(w.stem);
    emit('rep', !ev || ev.count <= 1 ? '1' : ev.count <= 3 ? '2' : '4', kn);
    if (ev && ev.triggers) {
      emit('dtr', ev.triggers);
      emit('dtrkn', ev.triggers, kn);
    }
    if (kn === 'unk') {
      emit('unkw-1', prev.norm);
      emit('unkw+1', next.norm);
      emit('unksh', w.shape);
    }
    if (phrases[i]) {
      emit('ph', phrases[i]);
      emit('phw', phrases[i], w.shape);
    }
    if (gazetteer[i]) {
      emit('gz', gazetteer[i]);
      emit('gzph', gazetteer[i], phrases[i]);
    }
  }
}
