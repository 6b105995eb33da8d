/**
 * Tolls: how many were killed and injured, from casualty words and the numbers next to them
 * (خمسة قتلى، مقتل ثلاثة، سقوط 5 قتلى، 11 جريحاً، إصابة سبعة آخرين، مقتل طفلين، مقتل أكثر من 50،
 * لقي طفل حتفه، مقتل القيادي ومعه عشرات آخرين), by the rules of ../shared/reference/events.md.
 * Sub-counts after بينهم/منهم are not added again; a precise figure beats a vague one; several
 * figures for the same toll keep the lowest; "N others" adds to the figure before it; "the toll
 * rose to N" reports a revised total. A figure that cannot be this event's toll (a year, a count
 * since a date, more than any event could hold) is kept with the reason it was rejected.
 * The words these rules read are data: packs/ar/tolls.json.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Doc, NumberMention, Token } from '../core/document.js';
import { spanIndexAt, type Span } from '../core/span.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { CueMatch } from './triggers.js';
import { viewPattern, viewText } from './view-text.js';
import { THAT } from './complementizer.js';

/** A count and the noun it counts. */
export interface Count {
  value: number;
  counted: string | null;
}

export interface TollFigure extends Span {
  kind: 'killed' | 'injured';
  value: number;
  vague: boolean;
  /** A revised total ("ارتفعت الحصيلة إلى"): it replaces earlier figures instead of competing. */
  revised: boolean;
  /**
   * A first count (حصيلة أولية) or of those who died at once (قتل على الفور اثنان): any other
   * report of the event replaces it.
   */
  preliminary: boolean;
  /** "N others", "also", "in addition to": it adds to the figure of its kind before it. */
  additional: boolean;
  /**
   * After a word that dates it before what is told ahead of it (غداة مقتل، بعد مقتل): the toll of
   * an occurrence the sentence names after the figure, if any, never of one before it; the reason
   * it gives a mention before it, or null.
   */
  earlier: string | null;
  /** Why the figure is not a toll of this event (a year, cumulative, implausible), or null. */
  rejected: string | null;
  /** The counts of the breakdown told right after it, each with its noun (مقتل 25 شخصا بينهم 9 صحفيين: 9 صحفيين). */
  breakdown: Count[];
  /** The counts joined by و it sums, each with its noun (أربعة جنود وستة مدنيين), or none. */
  parts: Count[];
  /** The noun right after its number (صحفيين in "9 صحفيين"), normalised, or null. */
  counted: string | null;
  /** The rule that read it: toll.number, toll.dual, toll.single-victim, toll.victim-and-companions. */
  rule: string;
  /** Where the number itself is written. */
  number: Span;
  /** Characters between the number and its casualty word. */
  distance: number;
  /** How a figure of a sentence with no event of its own reached the event that takes it, if so. */
  attachedBy?: string;
}

const WordList = z.object({ note: z.string(), words: z.array(z.string().min(1)) });
const TollPack = z.object({
  $meta: z.object({ description: z.string() }).passthrough(),
  brokenPluralPersons: WordList,
  soundPluralPersons: WordList,
  singleVictims: WordList,
  subjectVictims: WordList.extend({
    verbs: z.array(z.string().min(1)),
    passiveAfter: z.array(z.string().min(1)),
    timeAfter: z.array(z.string().min(1)),
    titles: z.array(z.string().min(1)),
  }),
  dualVerbs: WordList,
  approximators: WordList,
  companions: WordList,
  additives: z.object({ note: z.string(), after: z.array(z.string()), before: z.array(z.string()) }),
  partOfCount: WordList,
  earlierOccurrence: WordList,
  cumulative: WordList.extend({
    since: z.array(z.string()),
    throughout: z.array(z.string()),
    periods: z.array(z.string().min(1)),
    during: z.array(z.string().min(1)),
    duringAfter: z.array(z.string().min(1)),
    superlatives: z.array(z.string().min(1)),
    within: z.number().int().positive(),
    before: z.number().int().positive(),
  }),
  measureUnits: WordList,
  fighterNouns: WordList,
  deadOccurred: WordList.extend({ without: z.array(z.string().min(1)), singulars: z.array(z.string().min(1)) }),
  yearMarkers: WordList,
  forceVictims: z.object({
    note: z.string(),
    police: z.array(z.string().min(1)),
    military: z.array(z.string().min(1)),
    members: z.array(z.string().min(1)),
  }),
  victimGroupNouns: WordList,
  personPlurals: WordList,
  instantDeaths: WordList,
  plausibleMaximum: z.number().int().positive(),
});

const PACK_URL = new URL('../../packs/ar/tolls.json', import.meta.url);

function loadPack(): z.infer<typeof TollPack> {
  const parsed = TollPack.safeParse(JSON.parse(readFileSync(PACK_URL, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`packs/ar/tolls.json: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

const PACK = loadPack();
/** Normalised, without the article: the form a token's stem is compared with. */
const bare = (w: string) => normalizeForMatch(w).replace(/^ال(?=..)/, '');
const wordSet = (words: readonly string[]) => new Set(words.map(bare));
/** Phrases of a pack list as their words, each as stemOf gives a token (الأسابيع الماضية → اسابيع، ماضيه). */
const phrases = (list: readonly string[]) => list.map((phrase) => phrase.split(' ').map(bare));

const BROKEN_PLURAL_PERSONS = wordSet(PACK.brokenPluralPersons.words);
const SOUND_PLURAL_PERSONS = wordSet(PACK.soundPluralPersons.words);
/** A nationality (nisba) adjective, as a counted noun takes it: أفغانيا، فلسطينيين، مصريون. */
const NISBA = /..ي(ا|ين|ون|ه|تين|ان)?$/;
/** "آخرين" after a counted noun: the others of a list (زعيم التنظيم و10 مقاتلين آخرين). */
const OTHERS = /^اخر(ين|ون|ى|يات)?$/;
const PERSONS = new Set([...BROKEN_PLURAL_PERSONS, ...SOUND_PLURAL_PERSONS]);
const SINGLE_VICTIMS = new Set([...wordSet(PACK.singleVictims.words), ...PERSONS]);
const SUBJECT_VICTIMS = wordSet(PACK.subjectVictims.words);
const SUBJECT_VICTIM_VERBS = wordSet(PACK.subjectVictims.verbs);
const PASSIVE_AFTER = wordSet(PACK.subjectVictims.passiveAfter);
const TIME_AFTER = wordSet(PACK.subjectVictims.timeAfter);
const TITLE_VICTIMS = wordSet(PACK.subjectVictims.titles);
const DUAL_VERBS = wordSet(PACK.dualVerbs.words);
const MEASURE_UNITS = wordSet(PACK.measureUnits.words);
const DEAD_OCCURRED = wordSet(PACK.deadOccurred.words);
const NO_DEAD_BEFORE = wordSet(PACK.deadOccurred.without);
const SINGULAR_DEAD = wordSet(PACK.deadOccurred.singulars);
const PART_OF_COUNT = wordSet(PACK.partOfCount.words);
const EARLIER_OCCURRENCE = wordSet(PACK.earlierOccurrence.words);
const APPROXIMATORS = wordSet(PACK.approximators.words);
const COMPANIONS = wordSet(PACK.companions.words);
const ADDITIVES_AFTER = wordSet(PACK.additives.after);
const ADDITIVES_BEFORE = wordSet(PACK.additives.before);
const CUMULATIVE = wordSet(PACK.cumulative.words);
const CUMULATIVE_SINCE = wordSet(PACK.cumulative.since);
const CUMULATIVE_THROUGHOUT = wordSet(PACK.cumulative.throughout);
const CUMULATIVE_PERIODS = phrases(PACK.cumulative.periods);
const DURING = wordSet(PACK.cumulative.during);
const DURING_AFTER = wordSet([...PACK.cumulative.during, ...PACK.cumulative.duringAfter]);
const SUPERLATIVES = wordSet(PACK.cumulative.superlatives);
const YEAR_MARKERS = wordSet(PACK.yearMarkers.words);
const POLICE_VICTIMS = wordSet(PACK.forceVictims.police);
const MILITARY_VICTIMS = wordSet(PACK.forceVictims.military);
const FORCE_MEMBERS = wordSet(PACK.forceVictims.members);
const VICTIM_GROUP_NOUNS = wordSet(PACK.victimGroupNouns.words);
const PERSON_PLURALS = wordSet(PACK.personPlurals.words);
const INSTANT_DEATHS = phrases(PACK.instantDeaths.words);
/** The most one event can have killed or hurt; a bigger figure is rejected, not clamped. */
export const PLAUSIBLE_MAXIMUM = PACK.plausibleMaximum;

/** A token's stem as the lists hold it: without the article, and without the accusative alef (شخصا). */
function stemOf(token: Token | undefined): string {
  return token ? token.stem.replace(/^ال(?=..)/, '') : '';
}

function inList(list: ReadonlySet<string>, token: Token | undefined): boolean {
  return !!token && token.kind === 'word' && listed(list, stemOf(token));
}

/** Whether a normalised stem is in a word list, with its accusative ا (جنديا) or, for a person noun, its feminine. */
function listed(list: ReadonlySet<string>, stem: string): boolean {
  if (list.has(stem) || (stem.endsWith('ا') && list.has(stem.slice(0, -1)))) return true;
  // صحفية، مدنية: the feminine of a listed person noun.
  return stem.endsWith('ه') && list === SINGLE_VICTIMS && list.has(stem.slice(0, -1));
}

/**
 * 2 for the dual of a person noun: شخصين، طفلين، جنديان، مدنيان. A sound masculine plural ends
 * like a dual in -ين (مدنيين "civilians"), so for those nouns only -ان counts.
 */
function dualOf(token: Token | undefined): number | null {
  if (!token || token.kind !== 'word') return null;
  const stem = stemOf(token);
  for (const suffix of ['ين', 'ان', 'ا']) {
    if (!stem.endsWith(suffix)) continue;
    const base = stem.slice(0, -suffix.length);
    const forms = [base, base.replace(/ت$/, 'ه')];
    // سائقا السيارتين: the construct dual drops its ن.
    if (forms.some((f) => BROKEN_PLURAL_PERSONS.has(f))) return suffix === 'ا' ? null : 2;
    if (suffix === 'ان' && forms.some((f) => SOUND_PLURAL_PERSONS.has(f))) return 2;
  }
  return null;
}

const LAQIYA = new Set(['لقي', 'لقيت', 'لقوا', 'يلقي', 'تلقي', 'لقيا', 'لقين']);
const FATE_NOUNS = /^(حتف|مصرع)/;
const AWDA = new Set(['اودي', 'اودت']);
/** "فجر انتحاري نفسه": the bomber's own death, which ACLED counts. */
const DETONATED = new Set(['فجر', 'فجرت', 'يفجر', 'تفجر']);
const SELF = /^نفس(ه|ها)$/;
const SPLIT_SELF = 'فجر … نفسه';
/** The form given to a split "لقي … حتفه" cue, whose victim stands inside it. */
const SPLIT_FATE = 'لقي … حتفه';
const SPLIT_LIFE = 'اودي … بحياه';

/**
 * "لقي طفل حتفه"، "لقي ثلاثة أشخاص مصرعهم"، "أودى انفجار لغم بحياة ثلاثة": the words between the
 * verb and حتفه/مصرعه/بحياة keep the lexicon's phrase (لقي حتفه، أودى بحياة) from matching.
 * Returns such spans as killed cues.
 */
function splitFateCues(tokens: readonly Token[], casualty: readonly CueMatch[]): CueMatch[] {
  const found: CueMatch[] = [];
  tokens.forEach((t, i) => {
    const fate = LAQIYA.has(t.stem);
    const self = DETONATED.has(t.stem);
    if (!fate && !self && !AWDA.has(t.stem)) return;
    for (let j = i + 1; j <= Math.min(i + (self ? 4 : 12), tokens.length - 1); j++) {
      const end = tokens[j];
      const closes = fate
        ? FATE_NOUNS.test(end.stem) && j > i + 1
        : self
          ? SELF.test(end.stem)
          : end.stem.startsWith('حيات') || (end.stem === 'حياه' && end.proclitics.includes('ب') && j > i + 1);
      if (!closes) continue;
      const span = { start: t.start, end: end.end };
      if (casualty.some((c) => c.span.start <= span.start && c.span.end >= span.end)) return;
      found.push({
        span,
        list: 'casualty',
        form: fate ? SPLIT_FATE : self ? SPLIT_SELF : SPLIT_LIFE,
        kind: 'killed',
        geo_precision: null,
        direction: false,
        ambiguous: false,
      });
      return;
    }
  });
  return found;
}

/** Quote marks, which open a quoted count without ending its clause. */
const QUOTE_MARKS = /^["«»“”']+$/;
/** events.md: "several", "a few", "many" → 3. */
const VAGUE_SEVERAL = 3;
/** Verbs whose number may come after their subject (قتلت الشرطة 6، قتل في الاشتباكات ثمانية). */
const VERB_HEADS = /^(قتل|قتلت|قتلوا|استشهد|اصيب|اصيبوا|جرح|جرحوا)$/;

/** Killing words that may be followed by their single victim (مقتل قيادي، قُتل نجل، أودى بحياة شاب، توفي فلسطيني). */
const KILLING_HEADS = /^(قتل|مقتل|مصرع|استشهاد|استشهد|اغتيال|اغتيل|بحياه|حياه|وفاه|توفي|توفيت|قتلت|قتلوا|قتلا|يقتل)$/;
/** Wounding words that may be followed by their single victim (وجرح آخر، إصابة زميل). */
const WOUNDING_HEADS = /^(اصابه|اصيب|اصيبت|جرح|جرحت)$/;

/**
 * The toll figures of a sentence, rejected ones included (with their reason). `cues` and
 * `numbers` may be the whole document's or, for a caller that asks of every sentence, already
 * the sentence's own (the same figures, found without reading the document each time).
 */
export function findTolls(
  doc: Doc,
  cues: readonly CueMatch[],
  sentence: Span,
  sentenceNumbers: readonly NumberMention[] = doc.numbers,
): TollFigure[] {
  const figures: TollFigure[] = [];
  const lexical = cues.filter(
    (c) => c.list === 'casualty' && c.span.start >= sentence.start && c.span.end <= sentence.end,
  );
  const tokens = sentenceTokens(doc, sentence);
  const casualty = [...lexical, ...splitFateCues(tokens, lexical)].sort((a, b) => a.span.start - b.span.start);
  if (casualty.length === 0) return figures;
  const tokenIndexAt = (offset: number) => spanIndexAt(tokens, offset);
  // "طالبان": a name that ends like a person noun's dual (طالب) counts nobody.
  const dualAt = (t: Token | undefined) =>
    t && !doc.entities.some((e) => e.start <= t.start && e.end >= t.end) ? dualOf(t) : null;
  const parts = subcountRegions(tokens, casualty, tokenIndexAt);
  const inPart = (offset: number) => parts.some((r) => offset >= r.start && offset < r.end);
  const inSentence = sentenceNumbers.filter((n) => n.start >= sentence.start && n.end <= sentence.end);
  const numbers = inSentence.filter((n) => !inPart(n.start));
  /** The noun a number counts, normalised: right after it, or after من and a member noun (9 من رجال الشرطة). */
  const countedAfter = (n: Span): string | null => {
    let k = Math.max(tokenIndexAt(n.start), tokenIndexAt(n.end - 1)) + 1;
    while (k < tokens.length && inList(FORCE_MEMBERS, tokens[k])) k++;
    return tokens[k]?.kind === 'word' ? stemOf(tokens[k]) : null;
  };
  /** The counts of the breakdown (بينهم …) that opens within a few characters after `end`. */
  const breakdownAfter = (end: number): Count[] => {
    const part = parts.find((r) => r.start >= end && r.start - end <= BREAKDOWN_REACH);
    return part
      ? inSentence
          .filter((n) => n.start >= part.start && n.end <= part.end)
          .map((n) => ({ value: n.value, counted: countedAfter(n) }))
      : [];
  };
  const revisedFrom = casualty.filter((c) => c.kind === 'toll').map((c) => c.span.start);
  const preliminaryFrom = casualty.filter((c) => c.kind === 'preliminary').map((c) => c.span.start);
  const otherCueBetween = (cue: CueMatch, from: number, to: number) =>
    casualty.some((c) => c !== cue && c.span.start >= from && c.span.end <= to);
  /** Words from token i to token j (exclusive) that count as distance: approximators do not. */
  const wordsBetween = (i: number, j: number) => {
    let n = 0;
    for (let k = i; k < j; k++) if (!inList(APPROXIMATORS, tokens[k])) n++;
    return n;
  };

  for (const cue of casualty) {
    if (cue.kind !== 'killed' && cue.kind !== 'injured') continue;
    if (inPart(cue.span.start)) continue;
    const at = tokenIndexAt(cue.span.start);
    if (at < 0) continue;
    const endAt = Math.max(at, tokenIndexAt(cue.span.end - 1));
    // A number just before the casualty word (خمسة قتلى، 11 جريحا، 14 مدنيا على الأقل قتلوا), up
    // to five words before it after لقي ("لقي 3 أشخاص على الأقل مصرعهم"), or just after it (مقتل
    // خمسة، إصابة أكثر من 400); never across another casualty word ("مقتل 5 … وأصابوا 7").
    const afterLaqiya = cue.kind === 'killed' && tokens.slice(Math.max(0, at - 6), at).some((t) => LAQIYA.has(t.stem));
    const reach = afterLaqiya ? 5 : 2;
    // "ارتفع عدد القتلى الاثنين إلى 55": a revised total may put a day and إلى before its number.
    const revisedCue = revisedFrom.some((r) => r <= cue.span.start && cue.span.start - r < 30);
    // "قتل في الاشتباكات ثمانية"، "قتلت الشرطة المصرية 6": a verb's number may follow its
    // subject or a place, within the clause.
    const reachAfter = revisedCue || VERB_HEADS.test(stemOf(tokens[endAt])) ? 4 : 2;
    const countedNoun = COUNTED_NOUNS.has(stemOf(tokens[endAt]));
    const near = (n: NumberMention) => {
      const i = tokenIndexAt(n.start);
      if (i < 0) return false;
      const last = Math.max(i, tokenIndexAt(n.end - 1));
      // "على مسافة نحو 250 مترا": a number of metres, hours or dollars counts no victims.
      if (inList(MEASURE_UNITS, tokens[last + 1])) return false;
      // "ثلاثة من أفراد الشرطة قتلوا": a partitive من carries the number further (not the من
      // of a vague number itself: "عدد من المعتقلين إضافة إلى مقتل").
      const partitive = tokens[last + 1]?.stem === 'من' ? 2 : 0;
      // "18 جنديا أفغانيا قتلوا"، "10 مقاتلين آخرين قتلوا"، "10 مقاتلين من التنظيم قتلوا"، "10
      // مقاتلين آخرين من المجموعة الإرهابية قتلوا": a person noun and its nationality adjective or
      // "others", then the group it is of, between them.
      const person = isPersonNoun(tokens[last + 1]);
      const described =
        person && (NISBA.test(stemOf(tokens[last + 2])) || OTHERS.test(stemOf(tokens[last + 2]))) ? 1 : 0;
      const qualified = !person
        ? 0
        : tokens[last + 2 + described]?.stem === 'من'
          ? described + (NISBA.test(stemOf(tokens[last + 4 + described])) ? 3 : 2)
          : described;
      // "وقتل المهاجم اثنين وجرح آخرين": a verb joined by و opens a clause; the number before
      // it is the object of the verb before.
      const opensClause = tokens[at].proclitics[0] === 'و' && !COUNTED_NOUNS.has(stemOf(tokens[at]));
      if (i < at)
        return (
          !opensClause &&
          wordsBetween(last + 1, at) < reach + partitive + qualified &&
          !otherCueBetween(cue, n.end, cue.span.start)
        );
      return (
        i > endAt &&
        // "سقوط قتيل وعدد من الجرحى": after a counted noun, a number joined by و counts the next noun.
        !(countedNoun && tokens[i].proclitics[0] === 'و') &&
        wordsBetween(endAt + 1, i) < reachAfter &&
        // A quote mark may open the count (قتل الجيش "عشرات الإرهابيين"); other punctuation ends the clause.
        !tokens.slice(endAt + 1, i).some((t) => t.kind === 'punct' && !QUOTE_MARKS.test(t.text)) &&
        !otherCueBetween(cue, cue.span.end, n.start)
      );
    };
    // A phrase cue may hold its own number (سقوط خمسة قتلى): that one wins.
    const inside = numbers.filter((n) => n.start >= cue.span.start && n.end <= cue.span.end);
    const candidates = inside.length ? inside : numbers.filter(near);
    let figure: { value: number; vague: boolean; span: Span; rule: string; parts?: Count[] } | null = null;
    // A dual casualty word counts itself: "سقوط قتيلين وثلاثة جرحى" is two dead, whatever follows.
    const ownDual = at === endAt ? dualAt(tokens[at]) : null;
    // "لقي القيادي الحوثي مصرعه مع عشرات آخرين": the victim inside the phrase, then his companions.
    const victimInside =
      cue.form === SPLIT_FATE && inside.length === 0 && singleVictimAfter(doc, tokens, endAt, at + 1, cue);
    // "فجر الانتحاري نفسه"، "أودت بحياتها": the pronoun is the one victim.
    const ownLife = cue.form === SPLIT_SELF || /^حيات(ه|ها)$/.test(tokens[endAt].stem);
    if (ownDual) figure = { value: ownDual, vague: false, span: tokens[at], rule: 'toll.dual' };
    else if (ownLife && !candidates.length)
      figure = { value: 1, vague: false, span: tokens[endAt], rule: 'toll.single-victim' };
    else if (candidates.length && !victimInside) {
      // A counted noun follows its number (5 قتلى و11 جريحا); a verb or verbal noun precedes it
      // (مقتل خمسة، أصابوا 7): each takes its own side first.
      const before = candidates.filter((n) => n.end <= cue.span.start);
      const after = candidates.filter((n) => n.start >= cue.span.end);
      const counted = COUNTED_NOUNS.has(stemOf(tokens[at]));
      const chosen = inside[0] ?? (counted ? (before.at(-1) ?? after[0]) : (after[0] ?? before.at(-1)));
      // "القتلى الثلاثة": a definite number after its noun points back to a group told before.
      const reference = chosen.start >= cue.span.end && tokens[tokenIndexAt(chosen.start)]?.proclitics.includes('ال');
      figure = {
        value: chosen.value,
        vague: chosen.vague,
        span: chosen,
        rule: reference ? 'toll.reference' : 'toll.number',
      };
      // "قتل مع عدد من مرافقيه": the one killed with N companions is one more. A casualty word with
      // his pronoun (لقي مصرعه مع عشرات آخرين) counts him itself.
      const withWhom =
        reference || OWN_PRONOUN.test(tokens[endAt].text)
          ? 0
          : killedWith(tokens, endAt, tokenIndexAt(chosen.start), tokenIndexAt(chosen.end - 1));
      if (withWhom)
        figure = {
          value: chosen.value + withWhom,
          vague: chosen.vague,
          span: chosen,
          rule: 'toll.victim-and-companions',
        };
      // "زعيم التنظيم و10 مقاتلين آخرين قتلوا"، "قتل زعيم التنظيم و10 مقاتلين آخرين": the one named
      // before "و N … آخرين" is one more (after the killing word when the count follows it).
      else if (
        !chosen.vague &&
        oneListedBefore(
          tokens,
          tokenIndexAt(chosen.start),
          tokenIndexAt(chosen.end - 1),
          chosen.end <= cue.span.start ? 0 : endAt + 1,
        )
      )
        figure = { value: chosen.value + 1, vague: false, span: chosen, rule: 'toll.enumeration' };
      // "وفاة 3 أمنيين وسائق السيارة"، "لقي 3 من أفراد الشرطة ومدني": one more listed after the count.
      // From eleven on a count takes a singular noun (30 جنديا): one singular joined to it by و
      // (30 جنديا وعنصر أمن) is more of the counted, not one more; a dual (15 طفلا وامرأتان) is two more.
      else if (!chosen.vague && !reference) {
        const joined =
          chosen.start >= cue.span.end
            ? joinedCountAfter(tokens, numbers, tokenIndexAt(chosen.end - 1), casualty, cue, tokenIndexAt)
            : null;
        const listed = listedAfterCount(tokens, tokenIndexAt(chosen.end - 1), casualty, cue);
        const moreOfTheCounted =
          chosen.value >= SINGULAR_COUNTED_FROM &&
          listed.value === 1 &&
          listed.end !== null &&
          forceMember(tokens[tokenIndexAt(listed.end - 1)]);
        if (joined)
          figure = {
            value: chosen.value + joined.number.value,
            vague: false,
            span: { start: chosen.start, end: joined.end },
            rule: JOINED_COUNTS,
            parts: [
              { value: chosen.value, counted: countedAfter(chosen) },
              // "وثلاثة عشر "إرهابيا"": past a quote mark, the noun the count was read by.
              { value: joined.number.value, counted: countedAfter(joined.number) ?? joined.counted },
            ],
          };
        else if (listed.value && !moreOfTheCounted)
          figure = {
            value: chosen.value + listed.value,
            vague: false,
            span: { start: chosen.start, end: Math.max(chosen.end, listed.end ?? chosen.end) },
            rule: 'toll.enumeration',
          };
      }
    } else {
      // The victim inside a split phrase (لقي طفل حتفه) or right after the killing word.
      const victimAt = endAt > at && cue.form === SPLIT_FATE ? at + 1 : endAt + 1;
      const victim = tokens[victimAt];
      const dual = dualAt(victim);
      // "عضوان من مسلحي حماس قد قتلا": a dual subject a few words before its verb; not one that
      // another casualty word between them claims, nor the one right after or inside another
      // casualty word, which counts it ("مقتل حارسين وإصابة ثالث"، "لقي فلسطينيان مصرعهما").
      const dualBefore = tokens
        .slice(Math.max(0, at - reach - 3), at)
        .reverse()
        .find((t, k, window) => {
          if (!dualAt(t) || otherCueBetween(cue, t.end, cue.span.start)) return false;
          const before = window[k + 1];
          const owned = (c: CueMatch) =>
            (before !== undefined && c.span.end > before.start && c.span.end <= before.end) ||
            (c.span.start <= t.start && c.span.end >= t.end);
          return !casualty.some((c) => c !== cue && owned(c));
        });
      const subject = at === endAt && cue.kind === 'killed' ? subjectVictimBefore(tokens, at) : null;
      if (dual) figure = { value: 2, vague: false, span: victim, rule: 'toll.dual' };
      else if (dualBefore && cue.span.start - dualBefore.end < 40)
        figure = { value: 2, vague: false, span: dualBefore, rule: 'toll.dual' };
      else if (subject) figure = { value: 1, vague: false, span: subject, rule: 'toll.single-victim' };
      else if (victim && singleVictimAfter(doc, tokens, endAt, victimAt, cue)) {
        // "مقتل امرأة وطفليها": a list of victims counts each.
        const listed = enumerated(tokens, victimAt);
        figure = {
          value: 1 + listed.value,
          vague: false,
          span: { start: victim.start, end: listed.end ?? victim.end },
          rule: listed.value ? 'toll.enumeration' : 'toll.single-victim',
        };
        // "مقتل القيادي … و5 من مرافقيه"، "يلقى مصرعه مع عشرات آخرين": the one and his companions.
        const companions = companionsAfter(tokens, numbers, victimAt, casualty, cue, tokenIndexAt);
        if (companions)
          figure = {
            value: figure.value + companions.value,
            vague: companions.vague,
            span: { start: victim.start, end: companions.end },
            rule: 'toll.victim-and-companions',
          };
      } else if (at === endAt && inList(DUAL_VERBS, tokens[at]))
        // "امرأة وابنتها قتلتا"، "أصيبا بجروح": the verb's dual counts its two.
        figure = { value: 2, vague: false, span: tokens[at], rule: 'toll.dual-verb' };
      else if (victim && KILLING_HEADS.test(stemOf(tokens[endAt])) && unnumberedPlural(victim))
        // "مقتل مدنيين"، "مقتل آخرين": victims without a number are "several" (events.md: 3).
        figure = { value: VAGUE_SEVERAL, vague: true, span: victim, rule: 'toll.unnumbered' };
      else if (
        cue.kind === 'killed' &&
        // The noun alone, or the cue "سقوط قتلى" that holds the word before it.
        endAt - at <= 1 &&
        COUNTED_NOUNS.has(stemOf(tokens[endAt])) &&
        !tokens[endAt].proclitics.includes('ال') &&
        // وقوع، whose و is its own, not a conjunction: its whole written form counts too.
        (inList(DEAD_OCCURRED, tokens[endAt - 1]) || DEAD_OCCURRED.has(tokens[endAt - 1]?.norm ?? '')) &&
        // "دون وقوع قتلى": no dead.
        !inList(NO_DEAD_BEFORE, tokens[endAt - 2])
      )
        // "ما تسبب في وقوع قتلى وجرحى"، "أوقع قتلى": dead with no number are "several" too; a
        // singular (سقوط قتيل) is one.
        figure = inList(SINGULAR_DEAD, tokens[endAt])
          ? { value: 1, vague: false, span: tokens[endAt], rule: 'toll.single-victim' }
          : { value: VAGUE_SEVERAL, vague: true, span: tokens[endAt], rule: 'toll.unnumbered' };
    }
    if (!figure) continue;
    const start = Math.min(cue.span.start, figure.span.start);
    const end = Math.max(cue.span.end, figure.span.end);
    const numberAt = tokenIndexAt(figure.span.start);
    const numberEnd = Math.max(numberAt, tokenIndexAt(figure.span.end - 1));
    const anchorStart = earlierAnchorStart(tokens, at);
    const earlier =
      anchorStart === null
        ? null
        : `earlier: "${writtenWords(tokens, anchorStart, at + 1)}" dates it before what its sentence tells ahead of it`;
    figures.push({
      start,
      end,
      kind: cue.kind,
      value: figure.value,
      vague: figure.vague,
      // "ارتفع العدد إلى 60 قتيلا بعد وفاة الشاب"، "… بوفاة شابين": the deaths that raised a total
      // (after بعد/عقب or a glued ب) are not the total.
      revised:
        earlier === null &&
        tokens[at].proclitics[0] !== 'ب' &&
        figure.rule !== 'toll.single-victim' &&
        revisedFrom.some((r) => r < start && start - r < 60),
      preliminary:
        preliminaryFrom.some((r) => r < start && start - r < 60) ||
        // "قتل على الفور 3"، "مقتل 3 أشخاص على الفور".
        [endAt + 1, numberEnd + 1, numberEnd + 2].some((k) => diedAtOnce(tokens, k)),
      additional:
        figure.rule === 'toll.number' &&
        isAdditional(tokens, Math.min(at, numberAt), Math.max(endAt, numberEnd), (t) =>
          casualty.some((c) => c !== cue && startsIn(c, t)),
        ),
      earlier,
      rejected: inList(PART_OF_COUNT, tokens[at - 1])
        ? `a part: "${tokens[at - 1].text} ${tokens[at].text}" counts some of a total`
        : FROM_NUMBER.has(figure.rule)
          ? rejection(tokens, figure, numberAt, Math.min(at, numberAt), Math.max(endAt, numberEnd))
          : null,
      // A part told again later (وقتلت القوات 13 إرهابيا) is no lower report, as a breakdown's is not.
      breakdown: [...(figure.parts ?? []), ...breakdownAfter(end)],
      parts: figure.parts ?? [],
      // Counts joined by و count different nouns: their parts carry them.
      counted: figure.parts ? null : countedAfter(figure.span),
      rule: figure.rule,
      number: { start: figure.span.start, end: figure.span.end },
      distance: Math.min(Math.abs(figure.span.start - cue.span.end), Math.abs(cue.span.start - figure.span.end)),
    });
  }
  const kept = onePerNumber(figures);
  sharedPeriod(kept, tokens, tokenIndexAt);
  // "قتل 3 وأصيب 5 آخرون"، "مقتل العشرات بالإضافة إلى مئات الجرحى": others or an addition after
  // a count of the other kind, with none of its own kind before it in the sentence, add to that
  // count, not to an earlier figure of their own kind.
  const counts = kept.filter((g) => g.rejected === null);
  for (const f of kept)
    if (
      f.additional &&
      counts.some((g) => g.start < f.start && g.kind !== f.kind) &&
      !counts.some((g) => g.start < f.start && g.kind === f.kind)
    )
      f.additional = false;
  // "مقتل أربعة جنود … تمكنت القوة من قتل 43 مسلحا": the dead of the two sides of one fight add up.
  for (const f of counts) {
    if (f.kind !== 'killed' || f.vague || f.additional) continue;
    const side = sideOf(f.counted);
    if (
      side &&
      counts.some((g) => g.kind === 'killed' && g.start < f.start && !g.vague && sidesOf(g).includes(OTHER_SIDE[side]))
    )
      f.additional = true;
  }
  return kept;
}

/**
 * Where the words begin that date the casualty word at token `at` before what its sentence
 * tells: غداة or بعد right before it (بعد مقتل), or with a span of time between (بعد أسبوع على
 * مقتل، بعد يومين من مقتل، بعد ثلاثة أيام على مقتل); null when none do.
 */
function earlierAnchorStart(tokens: readonly Token[], at: number): number | null {
  if (inList(EARLIER_OCCURRENCE, tokens[at - 1])) return at - 1;
  const spanOfTime = tokens[at - 1]?.norm === 'علي' || tokens[at - 1]?.norm === 'من';
  if (!spanOfTime || !inList(MEASURE_UNITS, tokens[at - 2])) return null;
  // The unit alone (أسبوع، يومين) or after its number (ثلاثة أيام).
  for (const k of [at - 3, at - 4]) if (inList(EARLIER_OCCURRENCE, tokens[k])) return k;
  return null;
}

/** Whether a cue begins inside a token (after its proclitics: وإصابة). */
const startsIn = (c: CueMatch, t: Token) => c.span.start >= t.start && c.span.start < t.end;

/**
 * Where each "of whom" (بينهم، منهم) counts a part of the figure before it: from the word to the
 * end of its clause, which a punctuation mark or a new casualty word joined by و closes ("مقتل 9
 * أشخاص من بينهم طفلان وإصابة 14 آخرين"، "لقي 6 جنود مصرعهم، من بينهم ضابط، كما قتل 4").
 */
function subcountRegions(
  tokens: readonly Token[],
  casualty: readonly CueMatch[],
  tokenIndexAt: (offset: number) => number,
): Span[] {
  const regions: Span[] = [];
  for (const c of casualty) {
    if (c.kind !== 'subcount') continue;
    const from = tokenIndexAt(c.span.end - 1);
    let end = tokens.at(-1)?.end ?? c.span.end;
    for (let k = from + 1; k < tokens.length; k++) {
      const t = tokens[k];
      const opensCount =
        t.proclitics[0] === 'و' &&
        casualty.some((x) => (x.kind === 'killed' || x.kind === 'injured') && startsIn(x, t));
      if (t.kind === 'punct' || opensCount) {
        end = t.start;
        break;
      }
    }
    regions.push({ start: c.span.start, end });
  }
  return regions;
}

/**
 * Whether the word after a killing word is its single victim: a person noun or title in the
 * singular (مقتل مسلح، قُتل قيادي، مقتل أحد أبناء، مصرع القيادي)، or a person's name (قتل خالد
 * محسود). Only after the killing word itself: "قتلى" or "جرحى" count nobody alone.
 */
function singleVictimAfter(
  doc: Doc,
  tokens: readonly Token[],
  endAt: number,
  victimAt: number,
  cue: CueMatch,
): boolean {
  const victim = tokens[victimAt];
  if (victim.kind !== 'word') return false;
  const heads = cue.kind === 'injured' ? WOUNDING_HEADS : KILLING_HEADS;
  if (cue.form !== SPLIT_FATE && !heads.test(stemOf(tokens[endAt]))) return false;
  // "قتل في …"، "مقتل وإصابة": a preposition or conjunction is no victim.
  if (victim.proclitics.some((p) => p === 'و' || p === 'ب' || p === 'ل' || p === 'ف')) return false;
  if (inList(SINGLE_VICTIMS, victim)) return true;
  return doc.entities.some((e) => e.type === 'PER' && e.start === victim.start);
}

/**
 * "إن فتى فلسطينيا في الخامسة عشرة من العمر قتل بنيران": the one victim a passive or intransitive
 * killing verb has before it. The verb must not take an object (رجل قتل زوجته is a killer): a
 * word of cause or place (بنيران، في، متأثرا), a stop or the sentence's end follows it.
 */
function subjectVictimBefore(tokens: readonly Token[], at: number): Token | null {
  if (!inList(SUBJECT_VICTIM_VERBS, tokens[at]) || tokens[at].proclitics.length) return null;
  // "قتل أمس مدنيين": a day may come before the verb's object, and "قتل بالرصاص شرطيين" a cause.
  let after = at + 1;
  while (inList(TIME_AFTER, tokens[after])) after++;
  const next = tokens[after];
  const object = (t: Token | undefined) => t?.kind === 'number' || isPersonNoun(t) || !!dualOf(t);
  const passive =
    next === undefined ||
    next.kind === 'punct' ||
    (next.kind === 'word' &&
      (inList(PASSIVE_AFTER, next) || (next.proclitics[0] === 'ب' && !object(tokens[after + 1]))));
  if (!passive) return null;
  let k = at - 1;
  // An age between them: "(15 عاما)"، "في الخامسة عشرة من العمر".
  if (tokens[k]?.text === ')') {
    const open = tokens.slice(Math.max(0, k - 4), k).findLastIndex((t) => t.text === '(');
    if (open >= 0) k = Math.max(0, k - 4) + open - 1;
  } else if (/^(العمر|عمره|عمرها)$/.test(tokens[k]?.text ?? '') && tokens[k - 1]?.stem === 'من') {
    const from = tokens.slice(Math.max(0, k - 5), k - 1).findLastIndex((t) => t.stem === 'في');
    if (from >= 0) k = Math.max(0, k - 5) + from - 1;
  }
  if (isComma(tokens[k])) return titledVictimBefore(tokens, k, at);
  if (NISBA.test(stemOf(tokens[k])) && !inList(SUBJECT_VICTIMS, tokens[k])) k--;
  const victim = tokens[k];
  if (!victim || victim.kind !== 'word' || victim.proclitics.length || !inList(SUBJECT_VICTIMS, victim)) return null;
  return victim;
}

/** Tokens of a man's name between two commas (الملا فضل الله). */
const APPOSITIVE_NAME_TOKENS = 5;
/** Words of a title's group between the title and the name (زعيم طالبان الباكستانية). */
const TITLE_GROUP_WORDS = 3;

/**
 * "زعيم طالبان الباكستانية، الملا فضل الله، قتل في ضربة جوية": the verb's one victim is a title
 * (titles, perhaps with its article), its group, then the man's name between commas; `comma` is
 * the comma right before the verb at `verb`. The title opens its clause (or follows أن): after a
 * verb of speech (وقال مدير الصحة، فلان، قتل في الانفجار مدنيون) it is the speaker, and victims
 * named after the verb are its subject.
 */
function titledVictimBefore(tokens: readonly Token[], comma: number, verb: number): Token | null {
  const from = Math.max(0, comma - APPOSITIVE_NAME_TOKENS - 1);
  const open = tokens.slice(from, comma).findLastIndex(isComma);
  if (open < 0 || from + open === comma - 1) return null;
  if (tokens.slice(verb + 1, verb + 1 + VICTIMS_AFTER_TOKENS).some((t) => unnumberedPlural(t) || t.kind === 'number'))
    return null;
  for (let j = from + open - 1; j >= Math.max(0, from + open - 1 - TITLE_GROUP_WORDS); j--) {
    const t = tokens[j];
    if (t.kind !== 'word') return null;
    if (!inList(TITLE_VICTIMS, t) || !(t.proclitics.length === 0 || t.proclitics.join('') === 'ال')) continue;
    const before = tokens[j - 1];
    return before === undefined || before.kind === 'punct' || before.stem === THAT ? t : null;
  }
  return null;
}

/** Tokens after the verb where victims named would be its subject (قتل في الانفجار مدنيون). */
const VICTIMS_AFTER_TOKENS = 4;

function isComma(token: Token | undefined): boolean {
  return token?.kind === 'punct' && (token.text === '،' || token.text === ',');
}

/**
 * Tokens after a single victim within which his companions may be counted: his name, a day and
 * commas may stand between (القيادي …، عبدالملك أبو طه، السبت، مع عدد من مرافقيه).
 */
const COMPANIONS_REACH = 16;

/** "و5 من مرافقيه"، "مع عشرات آخرين" within a few words after a single victim, as one count. */
function companionsAfter(
  tokens: readonly Token[],
  numbers: readonly NumberMention[],
  victimAt: number,
  casualty: readonly CueMatch[],
  cue: CueMatch,
  tokenIndexAt: (offset: number) => number,
): NumberMention | null {
  const last = tokens[Math.min(tokens.length - 1, victimAt + COMPANIONS_REACH)];
  for (const n of numbers) {
    if (n.start <= tokens[victimAt].end) continue;
    if (n.end > last.end) break; // numbers are in text order

    const i = tokenIndexAt(n.start);
    const nextWord = tokens.slice(i + 1, i + 3).find((t) => t.kind === 'word' && t.stem !== 'من');
    if (!inList(COMPANIONS, nextWord)) continue;
    // "مقتل القيادي وإصابة 3 آخرين": a casualty word between makes them another count.
    if (casualty.some((c) => c !== cue && c.span.start > tokens[victimAt].start && c.span.start < n.start)) continue;
    return n;
  }
  return null;
}

/**
 * "قتل مع N من مرافقيه"، "قتل جنديان مع 3 آخرين": a count after مع (ومع) whose next word (من
 * aside) is of companions adds to whom the casualty word at `cueEnd` names between them: two for
 * a dual, one otherwise (the victim named before the verb, or one after it); none for victims
 * already counted or plural (قتل مدنيون مع 3 آخرين). Returns how many the count adds to, or 0.
 */
function killedWith(tokens: readonly Token[], cueEnd: number, numberAt: number, numberEnd: number): number {
  if (tokens[numberAt - 1]?.stem !== WITH) return 0;
  const nextWord = tokens.slice(numberEnd + 1, numberEnd + 3).find((t) => t.kind === 'word' && t.stem !== 'من');
  if (!inList(COMPANIONS, nextWord)) return 0;
  const between = tokens.slice(cueEnd + 1, numberAt - 1).filter((t) => t.kind === 'word');
  if (between.some(unnumberedPlural)) return 0;
  return between.some((t) => dualOf(t) !== null) ? 2 : 1;
}

/** The victims joined by و right after a single one: وطفليها (+2)، وزوجته (+1); up to three. */
function enumerated(tokens: readonly Token[], victimAt: number): { value: number; end: number | null } {
  let value = 0;
  let end: number | null = null;
  for (let k = victimAt + 1; k <= victimAt + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    // وخمسة، واحدا: a number is a count of its own (companions), not a listed victim.
    if (t.kind !== 'word' || t.proclitics[0] !== 'و' || /^واحد/.test(t.norm)) break;
    const own = t.stem.replace(/(هما|هم|ها|ه)$/, '');
    const bareForm = { ...t, stem: own };
    const dual = dualOf(bareForm) ?? (BROKEN_PLURAL_PERSONS.has(own.replace(/ي$/, '')) && own.endsWith('ي') ? 2 : null);
    const one = inList(SINGLE_VICTIMS, bareForm) || inList(SINGLE_VICTIMS, { ...t, stem: own.replace(/ت$/, 'ه') });
    if (!dual && !one) break;
    value += dual ?? 1;
    end = t.end;
  }
  return { value, end };
}

/**
 * "زعيم التنظيم و10 مقاتلين آخرين": a count joined by و to one person named before it (a singular
 * person noun or title within the four words before the و), its noun followed by "آخرين"
 * (others), which says the one before was of them. Only words from `from` on are read (after the
 * killing word when the count follows it).
 */
function oneListedBefore(tokens: readonly Token[], numberAt: number, numberEnd: number, from: number): boolean {
  if (!isPersonNoun(tokens[numberEnd + 1]) || !OTHERS.test(stemOf(tokens[numberEnd + 2]))) return false;
  const number = tokens[numberAt];
  const joined = number.proclitics[0] === 'و' ? numberAt : tokens[numberAt - 1]?.norm === 'و' ? numberAt - 1 : -1;
  if (joined < 0) return false;
  for (let k = joined - 1; k >= Math.max(from, joined - 4); k--) {
    const t = tokens[k];
    if (t.kind !== 'word' || t.sentence !== number.sentence) return false;
    if (inList(SINGLE_VICTIMS, t) && !unnumberedPlural(t)) return true;
  }
  return false;
}

/**
 * A victim listed with و within five words after a count (3 أمنيين وسائق), before any
 * punctuation or other casualty word, with those it lists in turn.
 */
function listedAfterCount(
  tokens: readonly Token[],
  numberEnd: number,
  casualty: readonly CueMatch[],
  cue: CueMatch,
): { value: number; end: number | null } {
  for (let k = numberEnd + 1; k <= numberEnd + 5 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'punct' || casualty.some((c) => c !== cue && c.span.start <= t.start && c.span.end > t.start)) break;
    if (t.kind === 'word' && t.proclitics[0] === 'و') return enumerated(tokens, k - 1);
  }
  return { value: 0, end: null };
}

/** Whether the words from token `at` on say the dead died at once (على الفور، في الحال). */
function diedAtOnce(tokens: readonly Token[], at: number): boolean {
  return phraseAt(tokens, at, INSTANT_DEATHS) !== undefined;
}

/** A word that may stand in a count's noun phrase: its noun, a nisba, "others", "at least", a partitive. */
function describesCount(t: Token): boolean {
  if (QUOTE_MARKS.test(t.text)) return true;
  if (t.kind !== 'word') return false;
  const stem = stemOf(t);
  return (
    isPersonNoun(t) ||
    inList(PERSON_PLURALS, t) ||
    inList(FORCE_MEMBERS, t) ||
    inList(APPROXIMATORS, t) ||
    inList(POLICE_VICTIMS, t) ||
    inList(MILITARY_VICTIMS, t) ||
    NISBA.test(stem) ||
    OTHERS.test(stem)
  );
}

/** The rule of counts joined by و. */
const JOINED_COUNTS = 'toll.joined-counts';

/** How many words after a count the و of a count joined to it may come (3 جنود ماليين على الأقل و13). */
const JOINED_COUNT_WORDS = 5;

/**
 * "قتل ثلاثة جنود على الأقل وثلاثة عشر مسلحا"، "مقتل أربعة عناصر من الشرطة وستة من المسلحين": a
 * count of persons joined by و to the count of persons right after it, under one casualty word,
 * counts them both (the dead of both sides, events.md). Its number, its noun and where that
 * ends, or null. Not across punctuation or another casualty word, and not a count of some of the first
 * (و3 منهم أطفال) nor a vague one (وعشرات المسلحين).
 */
function joinedCountAfter(
  tokens: readonly Token[],
  numbers: readonly NumberMention[],
  numberEnd: number,
  casualty: readonly CueMatch[],
  cue: CueMatch,
  tokenIndexAt: (offset: number) => number,
): { number: NumberMention; counted: string; end: number } | null {
  const personAt = (k: number) => {
    while (QUOTE_MARKS.test(tokens[k]?.text ?? '')) k++;
    if (tokens[k]?.stem === 'من') k++;
    return isPersonNoun(tokens[k]) || inList(PERSON_PLURALS, tokens[k]) ? k : -1;
  };
  if (personAt(numberEnd + 1) < 0) return null;
  for (let k = numberEnd + 1; k <= numberEnd + JOINED_COUNT_WORDS && k < tokens.length; k++) {
    const t = tokens[k];
    if ((t.kind === 'punct' && !QUOTE_MARKS.test(t.text)) || casualty.some((c) => c !== cue && startsIn(c, t))) break;
    const numberToken = t.norm === 'و' ? tokens[k + 1] : t;
    const n = numberToken && numbers.find((m) => m.start >= numberToken.start && m.start < numberToken.end);
    // وأحد عشر: the و of a number word its stem keeps (واحد) is joined by the number's start.
    const joinedByWa = t.norm === 'و' || t.proclitics[0] === 'و' || (n !== undefined && n.start > t.start);
    if (!joinedByWa) {
      // Only what describes the first count may stand before the second: its noun, an adjective,
      // "at least", a partitive (5 أشخاص في تفجير ببغداد و7 في هجوم بالموصل are two acts).
      if (!describesCount(t)) return null;
      continue;
    }
    if (!n || n.vague) return null;
    const noun = personAt(Math.max(tokenIndexAt(n.start), tokenIndexAt(n.end - 1)) + 1);
    if (noun < 0 || casualty.some((c) => c !== cue && startsIn(c, tokens[noun]))) return null;
    return { number: n, counted: stemOf(tokens[noun]), end: tokens[noun].end };
  }
  return null;
}

/** "مدنيين"، "آخرين": a sound plural of a person noun, or "others", with no number. */
function unnumberedPlural(token: Token): boolean {
  const stem = stemOf(token);
  if (stem === 'اخرين' || stem === 'اخرون') return true;
  const base = stem.replace(/(ين|ون)$/, '');
  return base !== stem && SOUND_PLURAL_PERSONS.has(base);
}

/** A person noun a number counts: جنديا، أشخاص، مدنيين (singular, accusative or plural). */
function isPersonNoun(token: Token | undefined): boolean {
  return !!token && (inList(SINGLE_VICTIMS, token) || unnumberedPlural(token));
}

/**
 * A possessive pronoun ending a word as written (مصرعه، حتفهم، وقائدهم): the word names its
 * victims itself. Tested on the written word: normalisation writes ة as ه (وفاة → وفاه).
 */
const OWN_PRONOUN = /(ه|ها|هم|هما)$/;
/** "مع" (with), normalised. */
const WITH = 'مع';
/**
 * The first number whose counted noun is singular (أحد عشر جنديا، 30 شخصا): from it on, one member
 * of the forces joined by و (30 جنديا وعنصر أمن) is more of the counted, not one more; a civilian,
 * a dual or one with his pronoun (12 جنديا وطفل، 25 مسلحا وقائدهم) is one more still.
 */
const SINGULAR_COUNTED_FROM = 11;

/** A member of a state's forces named alone, without a pronoun: عنصر، جندي، شرطي، ضابط. */
function forceMember(token: Token | undefined): boolean {
  if (!token || OWN_PRONOUN.test(token.text)) return false;
  const stem = stemOf(token);
  return stem === 'عنصر' || MILITARY_VICTIMS.has(stem) || POLICE_VICTIMS.has(stem);
}
/** Figures read from a written number, which may be a year, cumulative or implausible. */
const FROM_NUMBER = new Set([
  'toll.number',
  'toll.reference',
  'toll.victim-and-companions',
  'toll.enumeration',
  JOINED_COUNTS,
]);

/** "أربعة آخرون"، "قُتلوا أيضا"، "بالإضافة لمقتل 8": a figure that adds to the one before it. */
function isAdditional(
  tokens: readonly Token[],
  from: number,
  to: number,
  casualtyWord: (t: Token) => boolean,
): boolean {
  // "وقتل ثمانية من المهاجمين أيضا": the word may close a partitive; "فقتل ثلاثة وجرح آخرين":
  // the others after another casualty word are that word's.
  const window = tokens.slice(to + 1, to + 5);
  const stop = window.findIndex(casualtyWord);
  const after = (stop < 0 ? window : window.slice(0, stop)).some((t) => inList(ADDITIVES_AFTER, t));
  const before = tokens.slice(Math.max(0, from - 2), from).some((t) => inList(ADDITIVES_BEFORE, t));
  return after || before;
}

/**
 * "46 قتيلا منذ 17 يونيو"، "ومنذ بدء المظاهرات قُتل 110"، "طيلة الحرب": the words that make a
 * figure a count since a date or over a period, or null. "منذ صباح اليوم" is not one.
 */
function cumulativeMarker(tokens: readonly Token[], from: number, to: number): string | null {
  const { within, before } = PACK.cumulative;
  // "قتل 12 شخصا في أعنف هجوم منذ عام 2015": words of time after a superlative or an ordinal
  // describe the attack, not a count over time.
  const describesAttack = (a: number, b: number) => tokens.slice(a, b).some((t) => inList(SUPERLATIVES, t));
  const window: number[] = [];
  for (let i = Math.max(0, from - before); i < from; i++) window.push(i);
  for (let i = to + 1; i < Math.min(tokens.length, to + 1 + within); i++) window.push(i);
  for (const i of window) {
    const t = tokens[i];
    if (i > to && describesAttack(to + 1, i)) break;
    if (inList(CUMULATIVE_THROUGHOUT, t)) return t.text;
    // "خلال الأسابيع الماضية … قتل العشرات", in the figure's stretch of the sentence.
    const period =
      i < from && !tokens.slice(i, from).some((w) => w.kind === 'punct') ? periodAt(tokens, i, DURING) : null;
    if (period) return period;
    if (!inList(CUMULATIVE, t)) continue;
    const what = tokens.slice(i + 1, i + 4);
    if (what.some((w) => w.kind === 'number' || /^\d/.test(w.text) || inList(CUMULATIVE_SINCE, w)))
      return writtenWords(tokens, i, i + 3);
  }
  // "وقتلت سلسلة تفجيرات بكابول العشرات في الأشهر الأخيرة"، "قتل 200 مدني في غارات على ريف إدلب خلال
  // الأسابيع الماضية": a span of time later in the figure's stretch of the sentence.
  for (let i = to + 1; i < Math.min(tokens.length, to + 1 + PERIOD_AFTER_REACH); i++) {
    if (tokens[i].kind === 'punct' || inList(SUPERLATIVES, tokens[i])) break;
    const period = periodAt(tokens, i, DURING_AFTER);
    if (period) return period;
  }
  return null;
}

/** How many words after a figure a span of time it was counted over may begin (CUMULATIVE_PERIODS). */
const PERIOD_AFTER_REACH = 10;

/** The span of time (الأسابيع الماضية) written at token i after a word of `during`, or null. */
function periodAt(tokens: readonly Token[], i: number, during: ReadonlySet<string>): string | null {
  if (!inList(during, tokens[i - 1])) return null;
  const period = phraseAt(tokens, i, CUMULATIVE_PERIODS);
  return period ? writtenWords(tokens, i, i + period.length) : null;
}

/** The phrase of `list` whose words the tokens from `at` on are (stemOf), if any. */
function phraseAt(tokens: readonly Token[], at: number, list: readonly string[][]): string[] | undefined {
  return list.find((words) => words.every((w, k) => stemOf(tokens[at + k]) === w));
}

/** The tokens from `from` to `to` (exclusive) as written, joined by spaces: a rule's evidence. */
function writtenWords(tokens: readonly Token[], from: number, to: number): string {
  return tokens
    .slice(from, to)
    .map((t) => t.text)
    .join(' ');
}

/** Words between two counts joined by و that still make one statement (قتل نحو 90 شخصا برصاص الجنود وأصيب). */
const JOINED_COUNT_REACH = 8;

/**
 * "قتل نحو 123 فلسطينيا وجرح الآلاف منذ بدء الحملة": a count joined by و to the next count of the
 * other kind, in one stretch without punctuation, shares the period the next is counted over.
 */
function sharedPeriod(figures: TollFigure[], tokens: readonly Token[], tokenIndexAt: (offset: number) => number): void {
  const ordered = [...figures].sort((a, b) => a.start - b.start);
  for (let k = ordered.length - 2; k >= 0; k--) {
    const [f, next] = [ordered[k], ordered[k + 1]];
    if (f.rejected !== null || f.kind === next.kind || !next.rejected?.startsWith('cumulative')) continue;
    const from = tokenIndexAt(f.end - 1) + 1;
    const to = tokenIndexAt(next.start);
    if (from < 0 || to < from || to - from > JOINED_COUNT_REACH) continue;
    const between = tokens.slice(from, to + 1);
    if (between.some((t) => t.kind === 'punct') || !between.some((t) => t.proclitics[0] === 'و')) continue;
    f.rejected = next.rejected;
  }
}

/** Why a figure cannot be a toll of this event, or null. */
function rejection(
  tokens: readonly Token[],
  figure: { value: number; span: Span },
  numberAt: number,
  from: number,
  to: number,
): string | null {
  if (figure.value > PLAUSIBLE_MAXIMUM) return `implausible: ${figure.value} is above ${PLAUSIBLE_MAXIMUM}`;
  const written = tokens[numberAt];
  if (
    written?.kind !== 'word' &&
    /^\d{4}$/.test(String(figure.value)) &&
    figure.value >= 1900 &&
    figure.value <= 2100 &&
    (inList(YEAR_MARKERS, tokens[numberAt - 1]) || !inList(PERSONS, tokens[numberAt + 1]))
  )
    return `a year: ${figure.value}`;
  const since = cumulativeMarker(tokens, from, to);
  if (since) return `cumulative: counted "${since}", more than this event`;
  return null;
}

/** Casualty nouns written after their number (normalised). */
const COUNTED_NOUNS = new Set([
  'قتيل',
  'قتلي',
  'قتيلا',
  'جريح',
  'جرحي',
  'جريحا',
  'مصاب',
  'مصابين',
  'مصابون',
  'مصابا',
  'شهيد',
  'شهداء',
  'جثه',
  'جثث',
  'ضحيه',
  'ضحايا',
]);

/** The tokens of one sentence, by binary search (tokens are in text order). */
function sentenceTokens(doc: Doc, sentence: Span): Token[] {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end].end <= sentence.end) end++;
  return tokens.slice(lo, end);
}

const FIGHTERS = wordSet(PACK.fighterNouns.words);
const OTHER_SIDE = { forces: 'fighters', fighters: 'forces' } as const;

/** Which side a count's noun names: a state's forces (جنود، شرطيين) or fighters against them (مسلحا، إرهابيين). */
function sideOf(counted: string | null): 'forces' | 'fighters' | null {
  if (counted === null) return null;
  // "خمسة من مقاتليها": a plural with its owner's pronoun, read without it (مقاتلي → مقاتل); not
  // a bare ه, which is also a normalised ة (مسلحة).
  const owned = counted.replace(/(هما|هم|ها)$/, '');
  const noun = owned === counted ? counted : owned.replace(/ي$/, '');
  if ([counted, noun].some((n) => listed(POLICE_VICTIMS, n) || listed(MILITARY_VICTIMS, n))) return 'forces';
  return listed(FIGHTERS, counted) || listed(FIGHTERS, noun) ? 'fighters' : null;
}

/** The sides a figure counts: its noun's, or for counts joined by و each part's (أربعة جنود وستة مدنيين). */
function sidesOf(f: TollFigure): ('forces' | 'fighters' | null)[] {
  return f.parts.length ? f.parts.map((part) => sideOf(part.counted)) : [sideOf(f.counted)];
}

/** A number next to two casualty words (قتلى and جرحى) counts once: for the nearer word. */
function onePerNumber(figures: TollFigure[]): TollFigure[] {
  const best = new Map<number, TollFigure>();
  for (const f of figures) {
    const held = best.get(f.number.start);
    if (!held || f.distance < held.distance) best.set(f.number.start, f);
  }
  return figures.filter((f) => best.get(f.number.start) === f);
}

export interface TollSummary {
  value: number;
  /** The figure the value rests on (the first of a sum). */
  chosen: TollFigure;
  /** The accepted figures of this kind. */
  figures: TollFigure[];
  rule: string;
}

/**
 * The toll of one event from its figures: a precise figure beats a vague one (31 over عشرات);
 * a figure that says "N others" or "also" adds to the one before it; a revised total replaces
 * earlier ones; else the lowest report (ACLED). Rejected figures take no part.
 */
export function summariseToll(figures: readonly TollFigure[], kind: 'killed' | 'injured'): TollSummary | null {
  const of = figures.filter((f) => f.kind === kind && f.rejected === null).sort((a, b) => a.start - b.start);
  if (of.length === 0) return null;
  const precise = of.filter((f) => !f.vague);
  // "عدد كبير من القتلى" beside "عشرات القتلى": several (events.md: 3) is what a text says when
  // it names no size; a named size (dozens, hundreds) says more, as a precise figure does.
  const sized = of.filter((f) => f.vague && f.value > VAGUE_SEVERAL);
  const vagueOnes = sized.length ? of.filter((f) => f.value > VAGUE_SEVERAL || f.additional) : of;
  // A vague count that adds to another ("مع عشرات آخرين") is a part, not a rival report.
  const candidates = precise.length ? of.filter((f) => !f.vague || f.additional) : vagueOnes;
  // "وكانت الشرطة ذكرت في حصيلة أولية 5 قتلى": a first count gives way to any other report.
  // A first count that a figure adds to (قتل على الفور 3 … وقتل أيضا 2 آخرون) is a part of a sum.
  const settled = candidates.filter((f) => !f.preliminary || candidates.some((g) => g.additional && g.start > f.start));
  const ranked = settled.length ? settled : candidates;
  const revised = ranked.filter((f) => f.revised);
  if (revised.length) {
    const last = revised[revised.length - 1];
    return { value: last.value, chosen: last, figures: of, rule: 'toll.revised' };
  }
  const reports: { value: number; chosen: TollFigure; parts: number; values: number[] }[] = [];
  for (const f of ranked) {
    const previous = reports[reports.length - 1];
    if (f.additional && previous) {
      previous.value += f.value;
      previous.parts++;
      previous.values.push(f.value);
    } else reports.push({ value: f.value, chosen: f, parts: 1, values: [f.value] });
  }
  // A victim named alone ("مقتل القيادي فلان") is one of those a count elsewhere includes: it
  // is the toll only when no report counts. A report that equals one part of a sum ("مقتل 7
  // أشخاص بالإضافة لمقتل 3 مهاجمين" and later "قتل المهاجمون 7") tells that part again, not a
  // lower total; so does a sum of its own ("مسلحان قتلا هنا وقتل آخر هناك" for those 3).
  // "مقتل 25 شخصا بينهم 9 صحفيين" and later "9 صحفيين لقوا مصرعهم": the breakdown told again.
  const partOfSum = (r: (typeof reports)[number]) =>
    !r.chosen.vague &&
    reports.some(
      (x) =>
        x !== r &&
        x.value > r.value &&
        ((x.parts > 1 && x.values.includes(r.value)) ||
          x.chosen.breakdown.some((b) => b.value === r.value && b.counted !== null && b.counted === r.chosen.counted)),
    );
  const counted = reports.filter((r) => (r.parts > 1 || !PARTIAL_RULES.has(r.chosen.rule)) && !partOfSum(r));
  const lowest = (counted.length ? counted : reports).reduce((a, b) => (b.value < a.value ? b : a));
  const rule =
    lowest.parts > 1
      ? 'toll.sum-of-parts'
      : reports.length > 1
        ? 'toll.lowest'
        : ranked.length < of.length
          ? precise.length
            ? 'toll.precise-over-vague'
            : 'toll.sized-over-several'
          : lowest.chosen.rule;
  return { value: lowest.value, chosen: lowest.chosen, figures: of, rule };
}

/** How far after a figure its breakdown (بينهم، من بينهم) may open. */
const BREAKDOWN_REACH = 24;

/** Figures that name or point back to victims a count elsewhere includes. */
const PARTIAL_RULES = new Set(['toll.single-victim', 'toll.reference']);

/** Whether the figures report someone killed: a kept count of the dead above zero. */
export function reportsDead(figures: readonly TollFigure[]): boolean {
  return figures.some((f) => f.kind === 'killed' && f.rejected === null && f.earlier === null && f.value > 0);
}

/** The figures of `kind` that were read but rejected, each with its reason. */
export function rejectedTolls(figures: readonly TollFigure[], kind: 'killed' | 'injured'): TollFigure[] {
  return figures.filter((f) => f.kind === kind && f.rejected !== null);
}

/** Words from a toll's number to its victims' force noun: "اثنان من أفراد الشرطة". */
const FORCE_VICTIM_WORDS = 3;

/**
 * The state force a toll's victims belong to, by the words right after its number (packs/ar/tolls.json,
 * forceVictims): 'police' for "ثلاثة من رجال الأمن"، "شرطيان"; 'military' for "أربعة جنود"; null
 * when another word comes first (مسلحين، أشخاص، عناصر داعش).
 */
export function victimsForce(doc: Doc, figure: TollFigure): 'police' | 'military' | null {
  const tokens = doc.tokens;
  const first = spanIndexAt(tokens, figure.number.start);
  if (first < 0) return null;
  let military = false;
  for (let k = first; k < tokens.length && k <= first + FORCE_VICTIM_WORDS; k++) {
    const t = tokens[k];
    // The number's own tokens may be digits (3 جنود) or the force noun itself (شرطيان).
    const ofNumber = t.start < figure.number.end;
    if (t.sentence !== tokens[first].sentence || (!ofNumber && t.kind !== 'word')) break;
    // "ضابط شرطة": a police officer.
    const kind = forceNounKind(t);
    if (kind === 'police') return 'police';
    if (kind === 'military') military = true;
    else if (!ofNumber && !inList(FORCE_MEMBERS, t)) break;
  }
  return military ? 'military' : null;
}

/**
 * The force a word names, by the same words a toll's victims are named with (packs/ar/tolls.json,
 * forceVictims): "الشرطة"، "عناصر الأمن" the police, "الجيش"، "الجنود" the army.
 */
export function forceNounKind(token: Token): 'police' | 'military' | null {
  return inList(POLICE_VICTIMS, token) ? 'police' : inList(MILITARY_VICTIMS, token) ? 'military' : null;
}

/** How many nouns may stand between a toll's number and the group of its victims. */
const VICTIM_GROUP_REACH = 2;

/**
 * Whether the name at `name` is the group a figure's victims belonged to: after the number, up to
 * two person or member nouns and at most one من or في, then the name ("50 عنصرا من حركة الشباب"،
 * "3 من مسلحي التنظيم"، "قياديان في الجماعة"). Not across a comma or another word.
 */
export function victimsGroupOf(doc: Doc, figure: TollFigure, name: Span): boolean {
  const tokens = doc.tokens;
  // A victim named with his companions ("القيادي في المليشيات … مع عدد من مرافقيه") is read from
  // the victim: his group comes before the companions that end the figure.
  const fromVictim = figure.rule === 'toll.victim-and-companions';
  const numberAt = spanIndexAt(tokens, fromVictim ? figure.number.start : figure.number.end - 1);
  if (numberAt < 0 || name.start < tokens[numberAt].end) return false;
  const seen = { nouns: 0, prepositions: 0 };
  const isNoun = (t: Token) => inList(PERSONS, t) || inList(VICTIM_GROUP_NOUNS, t) || inList(SINGLE_VICTIMS, t);
  for (let k = numberAt + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.end > name.start) return t.start <= name.start && seen.nouns + seen.prepositions > 0;
    if (t.sentence !== tokens[numberAt].sentence || !extendsGroupPhrase(t, seen, isNoun)) return false;
  }
  return false;
}

/**
 * Whether the name at `name` is counted as victims right after a casualty word: "قتلت 30 من قوات
 * الأمن"، "أصاب 3 من عناصر الشرطة": a number (after the casualty word, `casualtyBefore` says),
 * then up to two person or member nouns and at most one من or في, then the name. Such a name is
 * who was hit, not who struck.
 */
export function countedVictims(doc: Doc, name: Span, casualtyBefore: (offset: number) => boolean): boolean {
  const tokens = doc.tokens;
  const at = spanIndexAt(tokens, name.start);
  if (at < 0) return false;
  const seen = { nouns: 0, prepositions: 0 };
  const isNoun = (t: Token) => inList(PERSONS, t) || inList(VICTIM_GROUP_NOUNS, t);
  for (let k = at - 1; k >= 0; k--) {
    const t = tokens[k];
    if (t.sentence !== tokens[at].sentence) return false;
    const number = doc.numbers[spanIndexAt(doc.numbers, t.start)];
    if (number && t.end <= number.end) return !number.vague && casualtyBefore(number.start);
    if (!extendsGroupPhrase(t, seen, isNoun)) return false;
  }
  return false;
}

/**
 * One more word of the phrase between a toll's number and the name of its victims or their
 * group: at most one من or في and VICTIM_GROUP_REACH person or member nouns (`seen` counts them).
 */
function extendsGroupPhrase(
  t: Token,
  seen: { nouns: number; prepositions: number },
  isNoun: (t: Token) => boolean,
): boolean {
  if (t.kind !== 'word') return false;
  if (t.stem === 'من' || t.stem === 'في') return ++seen.prepositions <= 1;
  return isNoun(t) && ++seen.nouns <= VICTIM_GROUP_REACH;
}

/** Characters from a name to the killing word after it, the name's apposition between (زعيم الحركة، الملا فلان، قتل). */
const KILLED_SUBJECT_REACH = 60;
/** Between a name and its verb: nothing, an apposition between commas, or where it is (في البلاد). */
const APPOSITION_ONLY = viewPattern(/^\s*([،,][^،,.]{1,40}[،,]|(في|ب)\s*\S+)?\s*$/);
/** Between a killing word and the attack word it happened in: في، جراء، إثر, or ب glued to it (قتل في غارة، لقي حتفه بقصف). */
const KILLED_IN = viewPattern(/^\s*((في|جراء|إثر|اثر|خلال)\s+)?$/);

/**
 * Whether the name at `name`, before an attack word starting at `attackStart`, is the subject of a
 * killing word that opens on it: "قائد في الحركة قتل في غارة"، "زعيم الجماعة، فلان، لقي حتفه
 * بقصف". A verb of killing with its own object (قتلت الحركة 5 جنود في هجوم) is no such word: a
 * number or a name follows it first. `cues` are the sentence's.
 */
export function killedIn(doc: Doc, name: Span, attackStart: number, cues: readonly CueMatch[]): boolean {
  return cues.some(
    (c) =>
      c.list === 'casualty' &&
      c.kind === 'killed' &&
      c.span.start >= name.end &&
      c.span.start - name.end <= KILLED_SUBJECT_REACH &&
      c.span.end <= attackStart &&
      KILLED_IN.test(viewText(doc, c.span.end, attackStart)) &&
      APPOSITION_ONLY.test(viewText(doc, name.end, c.span.start)),
  );
}
