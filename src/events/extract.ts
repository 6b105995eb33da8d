/**
 * Event extraction: every trigger is a candidate mention; modality, history and requirements
 * decide whether it reports a new event; its arguments are attached within its clause, then its
 * sentence; mentions of the same occurrence (the lead and a quotation) merge into one event with
 * several evidence spans. Each field records the rule and the words it rests on.
 */
import { createHash } from 'node:crypto';
import type { Doc } from '../core/document.js';
import type { Entity } from '../entities/recognize.js';
import { evidenceOf, spanContains, spanIndexAt, type Evidence, type Span } from '../core/span.js';
import { daysBetween, parseIsoDate } from '../text/calendar.js';
import type { TemporalExpression } from '../text/temporal.js';
import { actorValidAt } from '../knowledge/actors.js';
import type { EntityKnowledge } from '../entities/knowledge.js';
import { SpanTests, viewPattern, viewText } from './view-text.js';
import { toNormOffset } from '../text/normalize.js';
import { CueIndex, groupBySentence, lowerBound } from './doc-index.js';
import { loadCues, loadTriggerLexicon, type CueLexicon, type TriggerLexicon } from './lexicon.js';
import type { CueMatch, TriggerMatch } from './triggers.js';
import { clausesOf } from './clauses.js';
import { loadCandidateJudge, type CandidateJudge } from './judge.js';
import { loadRelevanceModel, type RelevanceModel } from './relevance.js';
import {
  articleFeatures,
  candidateFeatures,
  daysBeforePublication,
  type ArticleFeatures,
} from './candidate-features.js';
import { rejection, type CandidateVerdict, type EventCandidate, type RejectionRuleId } from './candidates.js';
import {
  findTolls,
  forceNounKind,
  rejectedTolls,
  reportsDead,
  summariseToll,
  victimsForce,
  victimsGroupOf,
  type TollFigure,
} from './toll.js';
import {
  actorMentions,
  claimantOfNextSentence,
  attachActors,
  attachClaimant,
  attachDate,
  scheduledDay,
  attachPlaces,
  CATEGORY_KINDS,
  localArguments,
  mainPlace,
  mainCountry,
  TELLING_DATE,
  type ActorMention,
  type LocalArguments,
} from './arguments.js';
import {
  eventActorOf,
  isUnidentifiedActor,
  type EventActor,
  type EventLocation,
  type EventRecord,
  type FieldSource,
  type Modality,
} from './record.js';
import { loadCoreferenceWords } from './coreference-words.js';
import { BLAST_RANK, GENERIC_TRIGGERS, mergeMentions } from './merge.js';
import { datesTheSaying, datesThePast, YEAR } from './background-cue.js';
import { THAT } from './complementizer.js';
import { responsibilityClaim, type ResponsibilityClaim } from './responsibility.js';
import { loadCoreferenceModel, resolveCoreference, type CoreferenceModel } from './coreference.js';
import { VIOLENT, type Mention } from './mention.js';
import {
  forceOfKind,
  forceOwnerAgent,
  governmentOf,
  nationalityAgent,
  nationalityOfFire,
  nationalitySubjectAgent,
  nationalityVictims,
  stateForcesOf,
} from './nationality-agent.js';
import { isSpace } from '../core/whitespace.js';
import { actsOrCounted, reportsParticipants } from './participants.js';

export interface EventKnowledge {
  triggers: TriggerLexicon;
  cues: CueLexicon;
  /** The learned judge of the candidates the rules keep; null: the rules alone decide. */
  judge: CandidateJudge | null;
  /** How much an article reads like world news (a feature of the judge); null when absent. */
  relevance: RelevanceModel | null;
  /** The learned merging of mentions of one occurrence; null: the rules alone merge. */
  coreference: CoreferenceModel | null;
}

let eventKnowledge: EventKnowledge | null = null;
let eventLexicons: Pick<EventKnowledge, 'triggers' | 'cues'> | null = null;

/** The trigger and cue lexicons alone, compiled once per process (training loads the models itself). */
export function loadEventLexicons(): Pick<EventKnowledge, 'triggers' | 'cues'> {
  eventLexicons ??= { triggers: loadTriggerLexicon(), cues: loadCues() };
  return eventLexicons;
}

/** The lexicons and the learned models, once per process. */
export function loadEventKnowledge(): EventKnowledge {
  eventKnowledge ??= {
    ...loadEventLexicons(),
    judge: loadCandidateJudge(),
    relevance: loadRelevanceModel(),
    coreference: loadCoreferenceModel(),
  };
  return eventKnowledge;
}

/** Events a toll can belong to: violence, and protests met with force (Excessive force against protesters). */
const TAKES_TOLL = new Set([...VIOLENT, 'Protests']);
/** Nouns that make a battle word a place or a front, not an event (جبهات القتال). */
const FRONT_NOUNS = viewPattern(/(^|\s)(جبهات|جبهه|ساحات|خطوط|محاور)\s*$/);
/** A demand with ب before a verbal noun (للمطالبة بالإفراج، طالبوا بإطلاق سراح). */
const DEMANDED_BEFORE = viewPattern(
  /(^|\s)[وفل]?(ال|ل)?(مطالبة|مطالبين|مطالبا|يطالب|يطالبون|تطالب|طالب|طالبت|طالبوا)\s+$/,
);
/** A call to it, its caller perhaps between (دعا إلى، دعت أحزاب المعارضة إلى، الدعوة إلى). */
const CALLED_TO_BEFORE = viewPattern(
  /(^|\s)[وف]?(دعا|دعت|دعوا|يدعو|تدعو|يدعون|دعوة|الدعوة|دعوات)\s+(\S+\s+){0,2}(إلى|الى)\s+$/,
);

/** A demand or a call, read in the TOPIC_REACH characters before the trigger. */
function calledFor(t: TriggerMatch, before: string): boolean {
  return (t.proclitic.startsWith('ب') && DEMANDED_BEFORE.test(before)) || CALLED_TO_BEFORE.test(before);
}
/** Sites a name follows: a territory word right after one is the site's name (ساحة التحرير). */
const NAMED_SITE_BEFORE = viewPattern(
  /(^|\s)[وبل]?(ال)?(ساحة|ميدان|شارع|جسر|دوار|مستديرة|حي|مطار|جامعة|مدرسة|مستشفى|ملعب|مسجد)\s*["«]?\s*$/,
);
/** ل (with a conjunction or the article: ول، لل، ولل) before a verbal noun marks a purpose. */
const PURPOSE_PROCLITIC = /^[وف]?لل?$/;
/** "انطلاق معركة"، "بدء عملية": the start of an operation is announced, not reported as fought. */
const START_OF = viewPattern(/(انطلاق|بدء|إطلاق|اطلاق|انطلاقة)\s*["«»“]?\s*$/);
/** Words before a trigger that make it something else: an ally (بمساندة سلاح الجو), or what is
 * stopped or left (الانسحاب من القتال، وقف القتال). */
const NOT_AN_EVENT_BEFORE = viewPattern(
  /(بمساندة|بدعم|بإسناد|باسناد|مساندة|الانسحاب من|انسحاب من|وقف|إنهاء|انهاء|عدم|فض|لفض|منفذ|منفذي|منفذو|منفذة|المسؤولة عن|المسؤول عن|مسؤولية|مسؤوليته عن|تفجير|استهداف|مهاجمة|رفضا|رفضاً|تنديدا|تنديداً|احتجاجا على|احتجاجاً على)\s*(من\s*)?["«»“]?\s*$/,
);
/** "بمسؤولية الجهاز عن اغتيال": whose the act is, told about an act reported elsewhere. */
const RESPONSIBILITY_OF = viewPattern(
  /(^|\s)[وب]?(المسؤولية|مسؤولية|مسؤوليته|مسؤوليتها|مسؤوليتهم)\s+(\S+\s+){1,3}عن\s*["«»“]?\s*$/,
);
/** The blast words of NOT_AN_EVENT_BEFORE: what follows them may be the device that blew up. */
const BLAST_OF = viewPattern(/(تفجير)\s*["«»“]?\s*$/);
/**
 * "حاول تفجير سيارة مفخخة"، "محاولة تفجير موكب": a blast attempted, not told to have gone off.
 * The words of an attempt right before the trigger, with تفجير between unless the trigger is it.
 */
const ATTEMPT = viewPattern(
  /(^|\s)[وف]?[بل]?(حاول|حاولا|حاولت|حاولوا|يحاول|تحاول|يحاولون|محاولة|محاولات|محاولته|محاولتهم)\s+$/,
);
const BLAST_WORD = viewPattern(/^تفجير/);
function attemptedBlast(t: TriggerMatch, sentence: Span, doc: Doc): boolean {
  const before = viewText(doc, Math.max(sentence.start, t.fullSpan.start - 30), t.fullSpan.start);
  if (BLAST_WORD.test(viewText(doc, t.fullSpan.start, t.fullSpan.end))) return ATTEMPT.test(before);
  const blastOf = before.match(BLAST_OF);
  return blastOf !== null && ATTEMPT.test(before.slice(0, blastOf.index));
}
/** Quote marks that open or close a name. */
const QUOTES = /["«»“”]/;
/** How long a quoted name may be, in characters. */
const TITLE_REACH = 40;

/**
 * Whether the trigger lies inside quotes that a title noun of cues.json opens (موقع "الرصد"): a
 * word of a name. Straight quotes open and close alike; the noun just before the opening one
 * tells which it is.
 */
function inQuotedTitle(doc: Doc, t: TriggerMatch, sentence: Span, cues: CueIndex): boolean {
  const text = doc.article.text;
  let open = t.fullSpan.start - 1;
  while (open >= Math.max(sentence.start, t.fullSpan.start - TITLE_REACH) && !QUOTES.test(text[open])) open--;
  if (open < sentence.start || !QUOTES.test(text[open] ?? '')) return false;
  let close = t.fullSpan.end;
  while (close < Math.min(sentence.end, t.fullSpan.end + TITLE_REACH) && !QUOTES.test(text[close])) close++;
  if (!QUOTES.test(text[close] ?? '')) return false;
  return cues.before('title_nouns', null, open, 2) !== null;
}
/**
 * How far before a weapon noun a word of weapon_handling may end, in its clause: a few words
 * between (عثرت الشرطة على صواريخ) or a list of weapons (صادرت بنادق وقذائف).
 */
const WEAPON_HANDLING_REACH = 32;
/**
 * Further, a long subject and a count (انتزعت الفرق الهندسية التابعة لقوات الجيش المئات من الألغام
 * والعبوات), where no casualty word stands between: "عثرت الشرطة على جثث ثلاثة أشخاص قتلوا جراء
 * انفجار لغم" found the dead of a blast, not the mine.
 */
const WEAPON_HANDLING_LONG_REACH = 90;

/**
 * "وصادرت قنابل يدوية"، "عثر على صواريخ"، "يحملون صواريخ": a weapon noun (a shell, a rocket, a
 * bomb, a car bomb) just after a word of cues.json's weapon_handling is a thing held or taken, not
 * a strike or a blast; the seizure, when there is one, is its own event (weapons_seizure).
 */
function weaponObject(
  t: TriggerMatch,
  clause: Span,
  cues: CueIndex,
  sentenceCues: readonly CueMatch[],
  doc: Doc,
): boolean {
  if (t.event_type !== 'Explosions/Remote violence' || t.pos === 'verb') return false;
  const cue = cues.before('weapon_handling', null, t.fullSpan.start, WEAPON_HANDLING_LONG_REACH);
  if (cue === null || cue.span.start < clause.start) return false;
  // "انتزعت القوات السيطرة على البلدة بالصواريخ": another act between them has the weapon (not
  // another weapon of a list: صادرت بنادق وقذائف).
  const between = (s: Span) => s.start >= cue.span.end && s.end <= t.fullSpan.start;
  const act = (x: TriggerMatch) => x.event_type !== 'Explosions/Remote violence' || x.pos === 'verb';
  if (doc.triggers.some((x) => between(x.fullSpan) && act(x))) return false;
  if (t.fullSpan.start - cue.span.end <= WEAPON_HANDLING_REACH) return true;
  return !sentenceCues.some((c) => c.list === 'casualty' && between(c.span));
}
/**
 * How far before reinforcements a strike word may end (استهدفت الغارات تعزيزات وتجمعات، قصفت
 * مقاتلات التحالف تعزيزات): its subject may stand between.
 */
const STRIKE_OBJECT_REACH = 32;
/**
 * Whether a strike word (قصفت، طالت، دمرت), a target word (استهدفت) or an attack noun (غارات
 * على) stands before the trigger in its clause: what follows is what was hit. Not an attack noun
 * named as a time (عقب الهجوم دفع الجيش بتعزيزات): the reinforcements came after it.
 */
function struckObject(t: TriggerMatch, clause: Span, cues: CueIndex, doc: Doc): boolean {
  const inClause = (c: CueMatch | null) => (c && c.span.start >= clause.start ? c : null);
  const attack = inClause(cues.before('author_nouns', null, t.fullSpan.start, STRIKE_OBJECT_REACH));
  return (
    inClause(cues.before('strike_objects', null, t.fullSpan.start, STRIKE_OBJECT_REACH)) !== null ||
    inClause(cues.before('target_markers', ['target'], t.fullSpan.start, STRIKE_OBJECT_REACH)) !== null ||
    (attack !== null &&
      !TIME_REFERENCE_BEFORE.test(viewText(doc, Math.max(0, attack.span.start - 12), attack.span.start)))
  );
}
/**
 * "التحقيق في اغتيال فلان"، "قضية مقتل الشابة"، "ذكرى الهجوم"، "بتهمة تفجير"، "اتهمتها السلطات
 * بتنفيذ التفجير": an attack named as what an inquiry, a case, a charge, an accusation or an
 * anniversary is about is its topic, not its report.
 */
const TOPIC_OF = viewPattern(
  /(^|\s)[وفلب]?(ال)?(تحقيق|تحقيقات)\s+(في|حول|بشأن)\s+((عملية|جريمة|حادث|حادثة)\s+)?$|(^|\s)[وفب]?(ال)?(قضية|ذكرى|تهمة|محاكمة)\s+((عملية|جريمة)\s+)?$|(^|\s)[وف]?(اتهم|اتهمت|اتهموا|يتهم|تتهم|متهم|متهمة|متهمين|متهمون)(ه|ها|هم|هما)?\s+(\S+\s+){0,3}ب(تنفيذ|ارتكاب|التخطيط\s+ل)\s*$/,
);
/** How far before an act its topic's words may begin: an accuser between (اتهمتها السلطات بتنفيذ). */
const TOPIC_REACH = 40;
/** "وسيؤدي قتل فلان إلى …": an act named as what will lead to something is spoken of, not told. */
const CONSEQUENCE_TO_COME = viewPattern(/(^|\s)[وف]?(س|قد\s+)[يت](ؤدي|ودي)\s+$/);
/** Before a word named as a point in time: قبل اعتقاله، عقب الهجوم (a cue may start after its article). */
const TIME_REFERENCE_BEFORE = viewPattern(/(^|\s)(قبل|بعد|عقب|اثر|إثر|منذ)\s*(ال)?$/);
/** Right before an act named as the point since which something goes on (منذ الهجوم، منذ اغتيال). */
const SINCE_REFERENCE_BEFORE = viewPattern(/(^|\s)و?منذ\s*(ال)?$/);
/** Words that put what follows in the past of the report: "ليست المرة الأولى التي …"، "سبق أن". */
const EARLIER_IN_CLAUSE = viewPattern(/(ليست المرة الأولى|ليست المرة الاولى|سبق أن|سبق وأن|سبق ان|سبق وان)/);
/** An agreement, a truce or a ceasefire is an event when it is reached, signed or announced. */
const AGREEMENT_CONCLUDED = viewPattern(
  /(وقع|وقعت|توقيع|التوقيع|توصل|توصلت|التوصل|أبرم|ابرم|إبرام|ابرام|اتفق|اتفقت|أعلن|اعلن|أعلنت|اعلنت|دخل حيز|سريان|بدء|عقد|عقدت)/,
);
/** What a storming or a seizure takes when it is a building, not territory (مقر، منزل، سجن), maybe after its subject (اقتحم مسلحون مقر). */
const BUILDING_OBJECT = viewPattern(
  /^\s*(\S+\s+){0,2}(ال)?(مقر|منزل|مبنى|بيت|سجن|مستشفى|فندق|مصرف|بنك|مكتب|مكاتب|مدرسة|مسجد|محل|ورشة|شقة|سفارة|قنصلية|كمين|حاجز|نقطة|ثكنة|مركز|بوابة)/,
);
/** "خلال الأيام المقبلة": what is to come. */
const FUTURE_AFTER = viewPattern(/(الأيام|الايام|الساعات|الأسابيع|الاسابيع|الفترة|المرحلة)\s+(المقبلة|القادمة)/);
/** "اتفاق محتمل"، "هدنة مرتقبة": expected, not reached. */
/** "شن هجوما لاذعا على الحكومة": an attack in words, biting, sharp or harsh (or "شديد اللهجة"). */
const VERBAL_ATTACK_AFTER = viewPattern(
  /^\s*(ال)?(لاذع|لاذعا|لاذعة|حاد|حادا|حادة|قاس|قاسيا|قاسية|كلامي|كلاميا|إعلامي|إعلاميا|شديد اللهجة|شديدا اللهجة)(?![\u0621-\u064A])/,
);
const TENTATIVE_AFTER = viewPattern(/^\s*(ال)?(محتمل|محتملة|مرتقب|مرتقبة|مقترح|مقترحة|منتظر|منتظرة)/);
/**
 * A violent act turned on oneself (قتل نفسه، تحاول قتل نفسها، أطلق النار على نفسه) is a suicide or
 * self-harm, no political violence. Not for a blast (فجر نفسه is a suicide bombing) or a crowd.
 */
const SELF_OBJECT = viewPattern(
  /^\s*(على\s+)?(نفسه|نفسها|نفسي|نفسك|أنفسهم|أنفسهن|أنفسنا|انفسهم|انفسهن)(?![\u0621-\u064A])/,
);

/** Days and times between a verb and its object (اقتحموا أمس الاثنين مقر …). */
const LEADING_DATE_WORDS = viewPattern(
  /^(\s*(على|امس|أمس|اليوم|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|صباح|مساء|ليلة|فجر)(?=\s|$))+/,
);

/** The words a trigger acts on (normalised), past the dates and prepositions before them. */
function objectWords(after: string): string {
  // A slice, not a replace: the rest of a long clause is not copied for each trigger.
  const dates = LEADING_DATE_WORDS.exec(after);
  return dates ? after.slice(dates[0].length) : after;
}

/** Targets that make an attack a clash rather than violence against civilians. */
const ARMED_TARGETS = viewPattern(
  /(قوات|القوات|جنود|الجنود|جندي|دورية|كمين|حاجز|نقطة|ثكنة|معسكر|مقر أمني|مركز شرطة|مركز للشرطة|الشرطة|الجيش|عسكري|عسكرية|أمنية|امنية|الأمن|الامن|مسلحين|مسلحي|عناصر)/,
);
/** Words for civilian victims: a killing or shooting is violence against civilians only with them. */
const CIVILIAN_WORDS = viewPattern(
  /(مدني|مدنيين|مدنيون|مواطن|مواطنين|مواطنون|طفل|اطفال|أطفال|طفلين|نساء|امرأة|سيدة|صحفي|صحفيين|ناشط|ناشطين|مهاجر|مهاجرين|لاجئ|لاجئين|سكان|المصلين|مصلين|تلاميذ|طلاب|عائلة|أسرة|شخص|أشخاص|اشخاص|رجل)/,
);
/** Words for armed victims: a killing of soldiers or fighters is a clash. */
const ARMED_WORDS = viewPattern(
  /(جندي|جنود|جنديان|جنديين|عسكري|عسكريين|عسكريون|شرطي|شرطيين|رجال الأمن|أمنيين|امنيين|عناصر|مقاتل|مقاتلين|مسلحين|مسلحون|ضابط|ضباط)/,
);
/** Words of fighting in a report: taking territory among them is a battle. */
const FIGHTING_WORDS = viewPattern(
  /(اشتباك|معارك|معركة|قتال|قصف|غارة|غارات|هجوم|قتلى|قتيل|مقتل|جرحى|مواجهات|اقتتال|قذائف|صواريخ)/,
);
/** A clash of protesters is coded as the riot triggers are (packs/ar/triggers.json, riot). */
const CROWD_CLASH_PLOVER = { type: 'PROTEST', mode: 'riot' } as const;
/** Events dated this long before publication are history, not news. */
const HISTORY_DAYS = 365;
/**
 * When the trigger's own clause names the day (a date, not a span: "للمرة الأولى منذ عام" is no
 * day), a shorter span: news tells of the last days (no event of the development gold is dated
 * more than 10 days before its article), and a clause that dates its act weeks back (الهجوم الذي
 * وقع في 15 يوليو) recalls it. So does an article's lead for the mentions it would date.
 */
const CLAUSE_HISTORY_DAYS = 14;

/** An actor mention the dictionary resolved. */
type NamedActorMention = ActorMention & { actor: EventActor };
const isNamed = (m: ActorMention): m is NamedActorMention => m.actor !== null;

/** "منذ أوائل يوليو": what goes on since a day, not what happened on it. */
const SINCE_BEFORE = viewPattern(/(^|\s)منذ(\s+(بداية|أوائل|مطلع|منتصف|نهاية))?\s*$/);

/** Whether a date is written after منذ (a span from that day on). */
function afterSince(doc: Doc, t: Span): boolean {
  return SINCE_BEFORE.test(viewText(doc, t.start - 24, t.start));
}

/**
 * Whether the trigger's own clause names the act's day or month (not a span, not after منذ), or
 * its sentence opens on it: "وفي فبراير الماضي، استهدف هجوم …" dates all that the sentence tells.
 */
function datedByItsClause(date: { temporal: TemporalExpression; rule: string }, doc: Doc): boolean {
  const t = date.temporal;
  if (t.kind !== 'absolute' && t.kind !== 'month') return false;
  const sentence = doc.sentences[spanIndexAt(doc.sentences, t.start)];
  const opens =
    date.rule === 'date.sentence' && !!sentence && FRAME_OPENING.test(viewText(doc, sentence.start, t.start));
  return (date.rule === 'date.clause' || opens) && !afterSince(doc, t);
}
/** The article of a definite noun: the protesters already told of. */
const DEFINITE = 'ال';

/**
 * "ورفع المتظاهرون لافتات"، "وهتف المحتجون": the protesters, definite, right after a verb of what
 * they chanted or carried add to a protest told before, and report none of their own (a count,
 * مئات المتظاهرين, is read apart and still reports one): a protest the article tells in other
 * words, or, when the text opens on و and the verb, one told before the text began (an excerpt).
 * Where the article tells of no other protest, they are its report.
 */
function voicesOfATold(t: TriggerMatch, doc: Doc, cueIndex: CueIndex): boolean {
  const voice = voiceOfACrowd(t, cueIndex);
  if (!voice) return false;
  if (CONTINUES_ANOTHER_TEXT.test(viewText(doc, 0, voice.span.start))) return true;
  return doc.triggers.some((o) => o !== t && CROWD_OF_TYPE.has(o.event_type) && !voiceOfACrowd(o, cueIndex));
}

/** The verb of what the protesters chanted or carried right before them, definite. */
function voiceOfACrowd(t: TriggerMatch, cueIndex: CueIndex): CueMatch | null {
  if (!t.participants || !t.proclitic.endsWith(DEFINITE)) return null;
  return cueIndex.before('crowd_voices', null, t.fullSpan.start, 2);
}
/** A text that opens on و or ف goes on from another. */
const CONTINUES_ANOTHER_TEXT = viewPattern(/^\s*["«]?\s*[وف]$/);
/** Before a date that opens its sentence: nothing, or و and في (وفي فبراير الماضي،). */
const FRAME_OPENING = viewPattern(/^\s*و?(في|خلال)?\s*$/);

export function disorderType(eventType: string, subType: string): string {
  if (eventType === 'Protests')
    return subType === 'Excessive force against protesters' ? 'Political violence; Demonstrations' : 'Demonstrations';
  if (eventType === 'Riots') return subType === 'Mob violence' ? 'Political violence' : 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return 'Political violence';
}

/** Decides what the words around a trigger make of it: asserted, claimed, or not an event. */
function modalityOf(
  t: TriggerMatch,
  clause: Span,
  sentence: Span,
  /** The cues of the trigger's sentence: every test below looks inside it. */
  cues: readonly CueMatch[],
  doc: Doc,
  tests: SpanTests,
): { modality: Modality; rule: string } | { drop: RejectionRuleId } {
  const inClause = cues.filter((c) => c.span.start >= clause.start && c.span.end <= clause.end);
  const beforeInClause = inClause.filter((c) => c.span.end <= t.span.start);
  if (cues.some((c) => c.list === 'denial' && c.span.start >= sentence.start && c.span.end <= t.span.start))
    return { drop: 'modality.denied' };
  // A negation at most two words before the trigger. The latest negation is the one to look
  // at: an earlier one has all its words between it and the trigger, and more.
  let negation: CueMatch | null = null;
  for (const c of beforeInClause)
    if (c.list === 'negation' && (!negation || c.span.end > negation.span.end)) negation = c;
  if (negation && wordsAtMost(doc, negation.span.end, t.fullSpan.start, 2)) return { drop: 'modality.negated' };
  if (beforeInClause.some((c) => c.list === 'threatened')) return { drop: 'modality.threatened' };
  if (t.tense === 'future') return { drop: 'modality.planned.future' };
  if (beforeInClause.some((c) => c.list === 'planned')) return { drop: 'modality.planned' };
  // "وتعتزم القوات، بحسب المتحدث، مواصلة التقدم …": an intent verb earlier in the sentence.
  if (
    cues.some(
      (c) =>
        c.list === 'planned' && c.kind === 'intent' && c.span.start >= sentence.start && c.span.end <= t.span.start,
    )
  )
    return { drop: 'modality.planned.sentence' };
  if (tests.testSuffix(FUTURE_AFTER, t.span.end, clause.end, clause.start))
    return { drop: 'modality.planned.coming-days' };
  // A verbal noun of taking territory after ل is a purpose (للبدء بعملية لاستعادة المدينة).
  if ((t.territory || t.event_type === 'Strategic developments') && PURPOSE_PROCLITIC.test(t.proclitic))
    return { drop: 'modality.planned.purpose' };
  if (inClause.some((c) => datesThePast(c, doc) && !datesTheSaying(c, doc, t.span.start)))
    return { drop: 'history.cue' };
  if (tests.testPrefix(EARLIER_IN_CLAUSE, clause.start, t.span.start, clause.end)) return { drop: 'history.earlier' };
  const justBefore = viewText(doc, Math.max(clause.start, t.fullSpan.start - 24), t.fullSpan.start);
  if (
    t.modality_hint === 'announced' ||
    beforeInClause.some((c) => c.list === 'announced') ||
    START_OF.test(justBefore)
  ) {
    return { modality: 'announced', rule: 'modality.announced' };
  }
  const attributed = cues.some(
    (c) =>
      c.list === 'attribution' &&
      c.span.start >= sentence.start &&
      c.span.end <= sentence.end &&
      (c.span.end <= t.span.start || c.kind === 'according_to'),
  );
  return attributed
    ? { modality: 'claimed', rule: 'modality.attribution' }
    : { modality: 'asserted', rule: 'modality.default' };
}

/**
 * Whether the view between two original offsets holds at most `limit` words (runs of non-space),
 * counted from the end back and stopped past the limit: the words just before a trigger, not all
 * of its clause.
 */
function wordsAtMost(doc: Doc, from: number, to: number, limit: number): boolean {
  const view = doc.view;
  const start = toNormOffset(view, Math.max(0, from));
  let words = 0;
  let inWord = false;
  for (let k = toNormOffset(view, Math.max(from, to)) - 1; k >= start; k--) {
    const space = isSpace(view.norm.charCodeAt(k));
    if (!space && !inWord && ++words > limit) return false;
    inWord = !space;
  }
  return true;
}

function eventActor(m: ActorMention | null): EventActor | null {
  return m?.actor ?? null;
}

/** A framing label (ميليشيات) names the other side: an actor of the article that is not the agent. */
function resolveLabel(
  m: ActorMention | null,
  other: EventActor | null,
  context: readonly NamedActorMention[],
  date: string | null,
  /** The event's country: its place's, else the article's main place's. */
  theatre: string | null,
  knowledge: EntityKnowledge,
): ActorMention | null {
  if (!m || m.actor || !m.label) return m;
  const allies = new Set(other ? knowledge.actors.affiliationsAt(other.id, date).map((a) => a.actor) : []);
  const eligible = (a: EventActor) => a.id !== other?.id && !allies.has(a.id) && a.inter <= 4;
  const listed = m.label.mayReferTo;
  const fromContext = context
    .map((c) => c.actor)
    .find((a) => eligible(a) && (listed.length === 0 || listed.includes(a.id)));
  if (fromContext) return { ...m, actor: fromContext, rule: 'actor.framing-label.context' };
  // "مواقع الانقلابيين" in a Yemeni report of 2018 with no Houthi named: the one actor of the
  // event's country the label may refer to on that day.
  const ofTheatre = listed.flatMap((id) => {
    const entry = knowledge.actors.byId.get(id);
    return entry?.type === 'actor' && entry.country === theatre && actorValidAt(entry, date) ? [entry] : [];
  });
  if (ofTheatre.length === 1 && eligible(eventActorOf(ofTheatre[0])))
    return { ...m, actor: eventActorOf(ofTheatre[0]), rule: 'actor.framing-label.theatre' };
  const fallback = knowledge.actors.byId.get(UNIDENTIFIED_ARMED_GROUP);
  if (fallback?.type === 'actor' && (listed.length === 0 || listed.includes(fallback.id))) {
    return {
      ...m,
      actor: eventActorOf(fallback),
      rule: 'actor.framing-label.unidentified',
    };
  }
  return null;
}

/** What extraction reads besides the document: names, and the judge when there is one. */
export interface ExtractionKnowledge {
  entities: EntityKnowledge;
  events?: Pick<EventKnowledge, 'judge' | 'relevance' | 'cues'> & { coreference?: CoreferenceModel | null };
}

export function extractEvents(doc: Doc, knowledge: ExtractionKnowledge): EventRecord[] {
  return extractEventsExplained(doc, knowledge).events;
}

/** The events of a document, and every candidate mention with its verdict. */
export function extractEventsExplained(
  doc: Doc,
  knowledge: ExtractionKnowledge,
): { events: EventRecord[]; candidates: EventCandidate[] } {
  const found = ruleMergedMentions(doc, knowledge);
  if (found.events.length === 0) return { events: [], candidates: found.candidates };
  const coreference = knowledge.events?.coreference;
  const merged = coreference ? resolveCoreference(doc, found.events, coreference) : found.events;
  attachToOnlyEvent(merged, found.figuresAlone);
  for (const m of merged) armedVictimsMakeAClash(m, doc);
  const facts = articleFacts(doc, found.responsibility, found.country, found.main, found.named);
  // A mention the article's lead would date weeks back ("قتلت في فبراير 2012" then "القصف"):
  // the story is a recollection, and so is what it tells undated. Not what goes on since that day
  // (تتواصل المعارك منذ أوائل أبريل).
  const lead = facts.lead;
  const leadRecalled =
    lead !== null && isHistory(lead, doc.article.published, CLAUSE_HISTORY_DAYS) && !afterSince(doc, lead);
  const recalled = (m: Mention) => leadRecalled && !m.date;
  for (const m of merged)
    if (recalled(m))
      for (const c of m.candidates) if (c.verdict.kept) c.verdict = rejection('reject.history-lead-date');
  // "قالت الشرطة إن الحادث ليس إرهابيا": what no known group did, told in the sentences up to
  // such a statement, is ordinary crime (a stabbing, a shooting, a car driven into a crowd), and
  // so is the arrest of its author.
  const statements = noTerrorSentences(doc);
  const saidOfIt = (m: Mention) => statements.some((s) => m.sentence <= s && s - m.sentence <= NOT_TERROR_REACH);
  const records = merged
    .filter((m) => !recalled(m))
    .map((m) => ({ m, record: toRecord(m, doc, knowledge.entities, found.contextMentions, facts) }));
  const crimes = new Set(
    records
      .filter(
        ({ m, record }) =>
          saidOfIt(m) &&
          ((ORDINARY_CRIME_TYPES.has(record.event_type) && !namedAttacker(record.actor1)) ||
            record.sub_event_type === 'Arrests'),
      )
      .map(({ record }) => record),
  );
  const events: EventRecord[] = [];
  for (const { m, record } of records) {
    const crime = crimes.has(record);
    for (const c of m.candidates)
      if (c.verdict.kept) {
        if (crime) c.verdict = rejection('reject.said-not-terror');
        else c.verdict.event = record.id;
      }
    if (!crime) events.push(record);
  }
  return { events, candidates: found.candidates };
}

/**
 * An article's own words that its incident was no terror (الحادث ليس إرهابيا، لا توجد مؤشرات على
 * عمل إرهابي، لا يوجد ما يشير إلى أن الواقعة عمل إرهابي، استبعدت السلطات فرضية العمل الإرهابي).
 * Not "not only terror" (ليس إرهابيا فحسب), not a claim or a culprit unknown (لا توجد جهة أعلنت
 * مسؤوليتها عن العمل الإرهابي), not terror favoured over another hypothesis ruled out.
 */
const NOT_TERROR = viewPattern(
  new RegExp(
    [
      '(^|[\\s"«»])و?(الحادث|الحادثة|الهجوم|الانفجار|الواقعة|الاعتداء)["«»]?\\s+(ليس|لم يكن)\\s+["«»]?(عملا\\s+)?إرهابي(?![^.\\n]{0,12}(فحسب|فقط))',
      '(^|[\\s"«»])و?لا\\s+(شيء|يوجد|توجد|مؤشرات|مؤشر|دليل|أدلة)((?!أعلن|مسؤولي|تورط|هوية|منفذ|جهة)[^.\\n]){0,60}\\s((عمل|عملا|دافع|دوافع|الطابع|طبيعة)\\s+(ال)?إرهابي|أن\\s+(الحادث|الحادثة|الهجوم|الواقعة)\\s+(\\S+\\s+)?إرهابي)',
      '(^|[\\s"«»])و?استبعد\\S*((?!فرضية|رجح)[^.\\n]){0,30}(فرضية|شبهة|احتمال|أن يكون|أن تكون)((?!فرضية|رجح)[^.\\n]){0,25}(الإرهاب|إرهابي)',
    ].join('|'),
    'g',
  ),
);
/** Where an article names terror at all (normalised): only then is NOT_TERROR tried. */
const TERROR_STEM = 'رهاب';
/** Sentences before such a statement whose attacks it speaks of (it follows the report). */
const NOT_TERROR_REACH = 6;

/** The sentences of an article that say its incident was no terror. */
function noTerrorSentences(doc: Doc): number[] {
  const norm = doc.view.norm;
  if (!norm.includes(TERROR_STEM)) return [];
  return [...norm.matchAll(NOT_TERROR)].map((match) => spanIndexAt(doc.sentences, doc.view.starts[match.index]));
}

/** Event types an ordinary crime would take. */
const ORDINARY_CRIME_TYPES: ReadonlySet<string> = new Set([
  'Violence against civilians',
  'Explosions/Remote violence',
  'Battles',
]);

/** An attacker the report names: a group or a state's forces, not an unidentified one. */
function namedAttacker(actor: EventActor | null): boolean {
  return actor !== null && !actor.id.startsWith(UNIDENTIFIED_ARMED_GROUP) && actor.inter !== 7;
}

/** A document's events as the rules (and the judge) merged them, before the coreference model. */
export interface RuleMergedMentions {
  events: Mention[];
  /** Every candidate, sorted by position, with its verdict. */
  candidates: EventCandidate[];
  /**
   * The first mention of each actor the article names, in order (framing labels are resolved
   * against them; a battle's other side is one).
   */
  contextMentions: NamedActorMention[];
  /** Every mention of an actor the article names, in order (a crowd's other side, a victim's group). */
  named: NamedActorMention[];
  /** The one armed group the article says claimed its attacks, if any. */
  responsibility: ResponsibilityClaim | null;
  /** Sentences of figures alone that no mention near them took, with their figures. */
  figuresAlone: FiguresAlone[];
  /** The country the article names as where things happen (see mainCountry). */
  country: ReturnType<typeof mainCountry>;
  /** The place the article names most (see mainPlace). */
  main: ReturnType<typeof mainPlace>;
}

export function ruleMergedMentions(doc: Doc, knowledge: ExtractionKnowledge): RuleMergedMentions {
  const { triggers, cues } = doc;
  if (triggers.length === 0 && !cues.some((c) => c.list === 'casualty'))
    return {
      events: [],
      candidates: [],
      contextMentions: [],
      named: [],
      responsibility: null,
      figuresAlone: [],
      country: null,
      main: null,
    };
  const clauses = clausesOf(doc);
  const sentences = doc.sentences;
  const cueLexicon = knowledge.events?.cues ?? loadEventLexicons().cues;
  const cueIndex = new CueIndex(cues, sentences, cueLexicon.proclitics);
  // The words of a protesting crowd in a clause, tested word by word (a wider cue, "بين المتظاهرين
  // و", may hold one): found once a clause, from its first token on.
  let starts: Int32Array | null = null;
  const tokenStarts = () => (starts ??= Int32Array.from(doc.tokens, (t) => t.start));
  const crowdWords = new Map<number, number[]>();
  const crowdWordsIn = (clause: Span): number[] => {
    let found = crowdWords.get(clause.start);
    if (found === undefined) {
      found = [];
      const tokens = doc.tokens;
      for (let i = lowerBound(tokenStarts(), clause.start); i < tokens.length && tokens[i].end <= clause.end; i++)
        if (cueLexicon.forms.crowd_nouns.has(tokens[i].stem)) found.push(i);
      crowdWords.set(clause.start, found);
    }
    return found;
  };
  const crowdIn = (clause: Span): boolean => crowdWordsIn(clause).length > 0;
  // A crowd word of a clause that acts or is counted (أحرق المحتجون، أقدم مئات من المتظاهرين)
  // or opens what a source says they did (أكد مراسلنا أن المتظاهرين أحرقوا).
  const crowdActsIn = (clause: Span, s: number): boolean =>
    crowdWordsIn(clause).some(
      (i) => doc.tokens[i - 1]?.stem === THAT || actsOrCounted(doc.tokens, i, doc.tokens[i].stem, numbers[s]),
    );
  const numbers = groupBySentence(doc.numbers, (n) => n, sentences);
  const tests = new SpanTests(doc);
  const actors = actorMentions(doc, knowledge.entities, cueIndex);
  const local = localArguments(doc, actors);
  const published = doc.article.published;
  const contextMentions: NamedActorMention[] = [];
  const named = new Set<string>();
  for (const m of actors)
    if (isNamed(m) && !named.has(m.actor.id)) {
      named.add(m.actor.id);
      contextMentions.push(m);
    }

  const candidates: EventCandidate[] = [];
  const candidateOf = (t: TriggerMatch, s: number, verdict: CandidateVerdict): EventCandidate => {
    const c: EventCandidate = {
      trigger: t.span,
      entryId: t.entryId,
      event_type: t.event_type,
      sub_event_type: t.sub_event_type,
      sentence: s,
      verdict,
    };
    candidates.push(c);
    return c;
  };
  const reject = (t: TriggerMatch, s: number, rule: RejectionRuleId, found?: readonly string[]) =>
    void candidateOf(t, s, rejection(rule, found));
  let articleLevel: ArticleFeatures | null = null;
  const article = () => (articleLevel ??= articleFeatures(doc, knowledge.events?.relevance?.score(doc) ?? null));

  // Each sentence's figures, read once for every use below.
  const figures = new Map<number, TollFigure[]>();
  const tollsOf = (s: number) =>
    figures.get(s) ?? figures.set(s, findTolls(doc, cueIndex.inSentence(s), sentences[s], numbers[s])).get(s)!;
  const mentions: Mention[] = [];
  // Sentences that tell of an event of the past: their figures are not lent to a neighbour's.
  const pastSentences = new Set<number>();
  // A heading sums up a body; a text of headings alone (one line typed or piped in) is the report.
  const hasBody = sentences.some((sentence) => !sentence.heading);
  for (const t of triggers) {
    const s = spanIndexAt(sentences, t.span.start);
    const sentence = sentences[s];
    if (!sentence || t.span.start < sentence.start || t.span.end > sentence.end) {
      reject(t, s, 'reject.outside-sentence');
      continue;
    }
    // Headlines and sub-headings sum up what the body reports.
    if (sentence.heading && hasBody) {
      reject(t, s, 'reject.heading');
      continue;
    }
    const clause = clauses[s][spanIndexAt(clauses[s], t.span.start)];
    const before = viewText(doc, Math.max(sentence.start, t.fullSpan.start - 20), t.fullSpan.start);
    const farBefore = viewText(doc, Math.max(sentence.start, t.fullSpan.start - TOPIC_REACH), t.fullSpan.start);
    if (FRONT_NOUNS.test(before)) {
      reject(t, s, 'reject.front-noun');
      continue;
    }
    // "للمطالبة بالإفراج عن المعتقلين"، "دعا إلى وقف إطلاق النار": what is demanded or called for
    // has not happened.
    if (t.pos !== 'verb' && calledFor(t, farBefore)) {
      reject(t, s, 'modality.called-for');
      continue;
    }
    // "ساحة التحرير"، "ميدان التحرير": a square or a street named after a liberation.
    if (t.territory && t.pos !== 'verb' && NAMED_SITE_BEFORE.test(before)) {
      reject(t, s, 'reject.site-name');
      continue;
    }
    if (inQuotedTitle(doc, t, sentence, cueIndex)) {
      reject(t, s, 'reject.quoted-title');
      continue;
    }
    // "تفجير سيارة مفخخة": the blast of a car bomb reports the car bomb; a weak word after تفجير
    // (تفجير انفجار …) or any after the other words is something else.
    if (
      (NOT_AN_EVENT_BEFORE.test(before) && !(BLAST_OF.test(before) && !t.weak)) ||
      RESPONSIBILITY_OF.test(viewText(doc, Math.max(sentence.start, t.fullSpan.start - 50), t.fullSpan.start))
    ) {
      reject(t, s, 'reject.not-an-event-before');
      continue;
    }
    if (t.event_type === 'Explosions/Remote violence' && attemptedBlast(t, sentence, doc)) {
      reject(t, s, 'reject.attempted-blast');
      continue;
    }
    if (t.pos !== 'verb' && (TOPIC_OF.test(farBefore) || CONSEQUENCE_TO_COME.test(before))) {
      reject(t, s, 'reject.topic');
      continue;
    }
    if (t.participants && !reportsParticipants(doc, t, numbers[s])) {
      reject(t, s, 'reject.participants-referred');
      continue;
    }
    if (voicesOfATold(t, doc, cueIndex)) {
      reject(t, s, 'reject.crowd-voices');
      continue;
    }
    if (weaponObject(t, clause, cueIndex, cueIndex.inSentence(s), doc)) {
      reject(t, s, 'reject.weapon-object');
      continue;
    }
    if (t.struckAsTarget && t.pos !== 'verb' && struckObject(t, clause, cueIndex, doc)) {
      reject(t, s, 'reject.struck-object');
      continue;
    }
    // "قبل اعتقاله"، "بعد الإفراج عنه": an arrest or release named as a point in time is told elsewhere.
    if (t.event_type === 'Strategic developments' && TIME_REFERENCE_BEFORE.test(before)) {
      reject(t, s, 'reject.time-reference');
      continue;
    }
    const sentenceCues = cueIndex.inSentence(s);
    const decided = modalityOf(t, clause, sentence, sentenceCues, doc, tests);
    if ('drop' in decided) {
      if (decided.drop.startsWith('history.')) pastSentences.add(s);
      reject(t, s, decided.drop);
      continue;
    }
    if (decided.modality === 'announced' && VIOLENT.has(t.event_type)) {
      reject(t, s, 'reject.announced-violence');
      continue;
    }
    const date = attachDate(t, clause, sentence, local.temporals[s], doc, sentenceCues);
    if (date && isHistory(date.temporal, published, HISTORY_DAYS)) {
      pastSentences.add(s);
      reject(t, s, 'reject.history-date');
      continue;
    }
    if (date && datedByItsClause(date, doc) && isHistory(date.temporal, published, CLAUSE_HISTORY_DAYS)) {
      pastSentences.add(s);
      reject(t, s, 'reject.clause-history');
      continue;
    }
    // "منذ الهجوم الكيميائي": any act named as the point since which something goes on is past,
    // told elsewhere, and so are the figures of its sentence (after the rules of history, which
    // say so first). Not one its clause dates to the report's day or the day before (منذ القصف
    // الذي استهدفها فجر اليوم).
    if (
      t.pos !== 'verb' &&
      SINCE_REFERENCE_BEFORE.test(before) &&
      !(date && date.rule !== TELLING_DATE && !isHistory(date.temporal, published, 1))
    ) {
      pastSentences.add(s);
      reject(t, s, 'reject.time-reference');
      continue;
    }
    if (t.territory && BUILDING_OBJECT.test(objectWords(viewText(doc, t.fullSpan.end, clause.end)))) {
      reject(t, s, 'reject.building-object');
      continue;
    }
    if (t.voidedBy.length > 0) {
      reject(t, s, t.voidedAs === 'judicial' ? 'reject.judicial-act' : 'reject.non-conflict-cause', t.voidedBy);
      continue;
    }
    if (TENTATIVE_AFTER.test(viewText(doc, t.fullSpan.end, Math.min(clause.end, t.fullSpan.end + 16)))) {
      reject(t, s, 'reject.tentative');
      continue;
    }
    if (
      t.pos !== 'verb' &&
      VERBAL_ATTACK_AFTER.test(viewText(doc, t.fullSpan.end, Math.min(clause.end, t.fullSpan.end + 24)))
    ) {
      reject(t, s, 'reject.verbal-attack');
      continue;
    }
    if (
      (t.event_type === 'Violence against civilians' || t.event_type === 'Battles') &&
      SELF_OBJECT.test(viewText(doc, t.fullSpan.end, Math.min(clause.end, t.fullSpan.end + 16)))
    ) {
      reject(t, s, 'reject.self-harm');
      continue;
    }
    if (t.sub_event_type === 'Agreement' && !tests.test(AGREEMENT_CONCLUDED, clause.start, clause.end)) {
      reject(t, s, 'reject.agreement-not-concluded');
      continue;
    }
    const places = attachPlaces(t, clause, sentence, doc, cueIndex, local, s);
    if (t.requires === 'place' && places.length === 0) {
      reject(t, s, 'reject.no-place');
      continue;
    }
    // قتل needs its victims: civilians make it violence against civilians, soldiers or fighters a clash.
    const civilianVictims = () => tests.test(CIVILIAN_WORDS, clause.start, clause.end);
    const armedVictims =
      t.requires === 'civilian_target' && !civilianVictims() && tests.test(ARMED_WORDS, clause.start, clause.end);
    if (t.requires === 'civilian_target' && !civilianVictims() && !armedVictims) {
      reject(t, s, 'reject.no-victims');
      continue;
    }
    // Clashes (اشتباكات، مواجهات) of protesters with the police or troops, or their burning and
    // looting (أقدم متظاهرون على إحراق مقار الأحزاب): the crowd turned violent, a riot, whose
    // place is the protest's. The burning must be the crowd's own: acting or counted, not
    // another's object (حرق خيام المحتجين).
    const crowdViolence =
      (t.event_type === 'Battles' && t.sub_event_type === 'Armed clash' && crowdIn(clause)) ||
      (t.riotAct && crowdActsIn(clause, s));
    // A blast that killed people at a place its clause names is an event even when nobody is
    // named for it (قتل 17 شخصا في تفجير وقع في مسجد بإقليم خوست): bombings are mostly
    // unclaimed, and the dead are what make a weak word a report (the wounded of an explosion
    // may be an accident's). With the dead in its sentence it needs no place of its clause either
    // (في تفجير استهدف نقطة تفتيش غربي أكبر الموانئ): the article's place stands for it.
    const blastWithToll = () => t.event_type === 'Explosions/Remote violence' && reportsDead(tollsOf(s));
    if (
      t.weak &&
      !crowdViolence &&
      !blastWithToll() &&
      !places.some((p) => p.entity.start >= clause.start && p.entity.end <= clause.end)
    ) {
      reject(t, s, 'reject.weak-no-place');
      continue;
    }
    const actorArgs = attachActors(
      doc,
      t,
      clause,
      sentence,
      local.actors[s],
      cueIndex,
      t.passive || passiveBefore(doc, t),
      s,
    );
    if (t.weak && !actorArgs.actor1 && !blastWithToll()) {
      reject(t, s, 'reject.weak-no-actor');
      continue;
    }
    const claimant = attachClaimant(t, sentence, doc, sentenceCues, s, local.speakers, cueIndex);
    // An attack on civilians (هجوم على المصلين) is violence against civilians, not a battle.
    const armedWords =
      tests.testSuffix(ARMED_TARGETS, t.span.end, clause.end, clause.start) ||
      tests.testPrefix(ARMED_TARGETS, sentence.start, t.span.start, sentence.end);
    const actor2 = actorArgs.actor2?.actor;
    const onCivilians =
      t.requires === 'armed_target' &&
      (tests.testSuffix(CIVILIAN_WORDS, t.span.end, clause.end, clause.start) ||
        (!armedWords && (!actor2 || actor2.inter === 7)));
    const eventType = onCivilians
      ? 'Violence against civilians'
      : crowdViolence
        ? 'Riots'
        : armedVictims
          ? 'Battles'
          : t.event_type;
    const subType = onCivilians
      ? 'Attack'
      : crowdViolence
        ? 'Violent demonstration'
        : armedVictims
          ? 'Armed clash'
          : t.sub_event_type;
    const candidate = candidateOf(t, s, { kept: true, rule: `${t.rule} ${decided.rule}`, event: null });
    candidate.event_type = eventType;
    candidate.sub_event_type = subType;
    const placeInClause = places.find((p) => p.entity.start >= clause.start && p.entity.end <= clause.end);
    candidate.features = candidateFeatures(
      doc,
      {
        trigger: t,
        sentenceIndex: s,
        sentence,
        clause,
        modality: decided.modality,
        eventType,
        placeInClause: placeInClause !== undefined,
        placePrecision: (placeInClause ?? places[0])?.geoPrecision ?? null,
        actor1Inter: actorArgs.actor1?.actor?.inter ?? null,
        actor2Inter: actorArgs.actor2?.actor?.inter ?? null,
        daysBeforePublication: daysBeforePublication(date?.temporal.resolved.date ?? null, published),
        sentenceCues,
        sentenceNumbers: numbers[s],
      },
      article(),
    );
    const judge = knowledge.events?.judge;
    if (judge) {
      const score = judge.score(candidate.features);
      candidate.score = score;
      if (score < judge.threshold) {
        const against = judge.against(candidate.features, 3).join(', ');
        const verdict = rejection('judge.model');
        candidate.verdict = {
          ...verdict,
          why: `${verdict.why}: ${score.toFixed(2)} < ${judge.threshold} (${against})`,
        };
        continue;
      }
    }
    for (const place of places.length ? places : [null]) {
      mentions.push({
        trigger: t,
        sentence: s,
        clause,
        event_type: eventType,
        sub_event_type: subType,
        plover: crowdViolence
          ? CROWD_CLASH_PLOVER
          : { type: t.plover.type, mode: onCivilians ? 'firearms' : (t.plover.mode ?? null) },
        modality: decided.modality,
        claimant,
        place,
        actors: actorArgs,
        date,
        tolls: [],
        evidence: [{ start: sentence.start, end: sentence.end }],
        triggers: [t.span],
        rules: [t.rule, decided.rule, ...actorArgs.rules, ...(place ? [place.rule] : []), ...(date ? [date.rule] : [])],
        candidates: [candidate],
      });
    }
  }
  const publishedYear = published?.slice(0, 4);
  // What a sentence tells after words that date it only weeks before the article (ففي مايو، وفي
  // 2014، قتل …) is another occurrence; a date after it (التي انطلقت في 30 مارس) may be another thing's.
  const datedEarlier = (s: number, upTo: number) => {
    const before = local.temporals[s].filter((t) => t.start < upTo);
    return (
      !!publishedYear &&
      before.length > 0 &&
      before.every((t) =>
        t.kind === 'year'
          ? (YEAR.exec(viewText(doc, t.start, t.end))?.[0] ?? publishedYear) < publishedYear
          : isHistory(t, published, CLAUSE_HISTORY_DAYS),
      )
    );
  };
  const responsibility = responsibilityClaim(doc, actors, knowledge.entities, pastSentences);
  const accidents = responsibility ? new Set<number>() : dropExplainedAccidents(mentions, candidates);
  for (const m of casualtyMentions(doc, cueIndex, clauses, mentions, accidents, local, tests, tollsOf, datedEarlier)) {
    m.candidates = [candidateOf(m.trigger, m.sentence, { kept: true, rule: m.rules.join(' '), event: null })];
    mentions.push(m);
  }
  // The exact days each sentence's words name.
  const daysOf = (s: number) =>
    local.temporals[s].flatMap((t) => (t.resolved.timePrecision === 1 && t.resolved.date ? [t.resolved.date] : []));
  const noLending = accidents.size ? new Set([...pastSentences, ...accidents]) : pastSentences;
  const orphans = attachTolls(mentions, doc, tollsOf, noLending, daysOf, datedEarlier);
  const events = mergeMentions(mentions, doc, loadCoreferenceWords());
  // A lead told in the outlet's voice takes the source of the sentence after it.
  const lead = sentences.findIndex((x) => !x.heading);
  for (const e of events)
    if (e.sentence === lead) e.claimant ??= claimantOfNextSentence(lead, doc, cueIndex, local.speakers);
  candidates.sort((a, b) => a.trigger.start - b.trigger.start);
  return {
    events,
    candidates,
    contextMentions,
    named: actors.filter((m): m is NamedActorMention => isNamed(m) && !m.leader),
    responsibility,
    country: mainCountry(doc, cueIndex),
    main: mainPlace(doc, cueIndex),
    figuresAlone: orphans.map((s) => ({
      sentence: sentences[s],
      figures: tollsOf(s),
      days: daysOf(s),
    })),
  };
}

const PASSIVE_BEFORE = viewPattern(/(^|\s)(تم|جرى|يتم|ويتم|وتم|وجرى)\s*$/);

/** "تم ضبط"، "جرى اعتقال": a passive construction names no agent before the trigger. */
function passiveBefore(doc: Doc, t: TriggerMatch): boolean {
  const before = viewText(doc, Math.max(0, t.fullSpan.start - 8), t.fullSpan.start);
  return PASSIVE_BEFORE.test(before);
}

/**
 * Killings told without an event word (قتل جنديان برصاص عناصر داعش): a sentence with a casualty
 * word, a figure and the agent who caused it (برصاص، على يد، من قبل) reports an attack, a clash
 * when the victims are armed, violence against civilians otherwise.
 */
function casualtyMentions(
  doc: Doc,
  cueIndex: CueIndex,
  clauses: Span[][],
  mentions: readonly Mention[],
  /** Sentences of an accident the article explains: their dead were killed by no one. */
  accidents: ReadonlySet<number>,
  local: LocalArguments,
  tests: SpanTests,
  tollsOf: (sentence: number) => TollFigure[],
  datedEarlier: (sentence: number, upTo: number) => boolean,
): Mention[] {
  const found: Mention[] = [];
  const covered = new Set([...mentions.map((m) => m.sentence), ...accidents]);
  doc.sentences.forEach((sentence, s) => {
    if (covered.has(s) || sentence.heading) return;
    const cues = cueIndex.inSentence(s);
    const killed = cues.find((c) => c.list === 'casualty' && c.kind === 'killed');
    const agent = cues.find((c) => c.list === 'agent_markers' && c.kind === 'agent');
    if (!killed || !agent || datedEarlier(s, killed.span.start)) return;
    // A figure after "بعد"، "غداة" (بعد مقتل عشرات الفلسطينيين برصاص الجيش) is the occasion of what
    // the sentence tells, not its dead (reportsDead leaves it out).
    if (!reportsDead(tollsOf(s))) return;
    if (CONSEQUENCE_TO_COME.test(viewText(doc, Math.max(sentence.start, killed.span.start - 24), killed.span.start)))
      return;
    const text = viewText(doc, sentence.start, sentence.end);
    const armed = ARMED_WORDS.test(text) && !CIVILIAN_WORDS.test(text);
    const trigger: TriggerMatch = {
      span: killed.span,
      fullSpan: killed.span,
      entryId: 'casualty_by_agent',
      event_type: armed ? 'Battles' : 'Violence against civilians',
      sub_event_type: armed ? 'Armed clash' : 'Attack',
      plover: { type: 'ASSAULT', mode: 'firearms' },
      pos: 'phrase',
      form: killed.form,
      rule: 'casualty-with-agent',
      confidence: 0.6,
      proclitic: '',
      tense: null,
      requires: null,
      territory: false,
      responds: false,
      crowdAct: false,
      sub_event_type_by_actor: null,
      weak: false,
      passive: false,
      participants: false,
      riotAct: false,
      struckAsTarget: false,
      modality_hint: null,
      context: [],
      voidedBy: [],
      voidedAs: null,
    };
    const clause = clauses[s][spanIndexAt(clauses[s], killed.span.start)];
    const decided = modalityOf(trigger, clause, sentence, cues, doc, tests);
    if ('drop' in decided) return;
    const place = attachPlaces(trigger, clause, sentence, doc, cueIndex, local, s)[0] ?? null;
    const date = attachDate(trigger, clause, sentence, local.temporals[s], doc, cues);
    found.push({
      trigger,
      sentence: s,
      clause,
      event_type: trigger.event_type,
      sub_event_type: trigger.sub_event_type,
      plover: { type: 'ASSAULT', mode: 'firearms' },
      modality: decided.modality,
      claimant: attachClaimant(trigger, sentence, doc, cues, s, local.speakers, cueIndex),
      place,
      actors: attachActors(doc, trigger, clause, sentence, local.actors[s], cueIndex, false, s),
      date,
      tolls: [],
      evidence: [{ start: sentence.start, end: sentence.end }],
      triggers: [killed.span],
      rules: ['casualty-with-agent', decided.rule],
      candidates: [],
    });
  });
  return found;
}

/** Sentences holding a trigger (indexes into doc.sentences). */
export function triggerSentences(doc: Doc): Set<number> {
  const found = new Set<number>();
  for (const t of doc.triggers) {
    const s = spanIndexAt(doc.sentences, t.span.start);
    if (s >= 0) found.add(s);
  }
  return found;
}

function isHistory(t: TemporalExpression, published: string | null, days: number): boolean {
  const from = t.resolved.date ? parseIsoDate(t.resolved.date) : null;
  const to = published ? parseIsoDate(published) : null;
  return !!from && !!to && daysBetween(from, to) > days;
}

/**
 * "أدى انفجار في مدينة الصدر إلى مقتل 17 … وقال البيان إن الانفجار وقع نتيجة انفجار مستودع للذخيرة":
 * once the article explains a blast of unknown cause as an accident (a blast word its entry's
 * unless_any_nearby voided), its other weak mentions of that word tell the same accident, no
 * bombing. Not where the article names a bomb, a strike or a shell (a mention of a word that is
 * no weak blast word), nor where a group claims its attacks (the caller asks that).
 * They are removed (their candidates rejected). Returns the sentences of the accident, voided or
 * removed: their dead are no casualty event, and their figures are lent to nothing.
 */
function dropExplainedAccidents(mentions: Mention[], candidates: readonly EventCandidate[]): Set<number> {
  const sentences = new Set<number>();
  // A bomb, a strike or a shell the article names is what its blast words tell, accident or not.
  if (mentions.some((m) => m.event_type === 'Explosions/Remote violence' && !m.trigger.weak)) return sentences;
  // The blast words voided as an accident, and the sentences they stood in.
  const explained = new Set<string>();
  for (const c of candidates)
    if (
      c.verdict.kept === false &&
      c.verdict.rule === 'reject.non-conflict-cause' &&
      c.event_type === 'Explosions/Remote violence'
    ) {
      explained.add(c.entryId);
      sentences.add(c.sentence);
    }
  if (explained.size === 0) return sentences;
  const voided = new Set(sentences);
  for (let i = mentions.length - 1; i >= 0; i--) {
    const m = mentions[i];
    // "قتل 39 شخصا في انفجار مستودع أسلحة": a killing with no agent in the accident's sentence is its dead.
    const itsDead = voided.has(m.sentence) && m.event_type === 'Violence against civilians' && !m.actors.actor1?.actor;
    if (!itsDead && (!m.trigger.weak || !explained.has(m.trigger.entryId))) continue;
    for (const c of m.candidates) c.verdict = rejection('reject.accident-explained');
    sentences.add(m.sentence);
    mentions.splice(i, 1);
  }
  return sentences;
}

/**
 * Figures of a sentence go to its violent (or protest) mentions; a sentence of figures alone (or
 * whose mentions take no toll) continues the one before.
 */
function attachTolls(
  mentions: Mention[],
  doc: Doc,
  tollsOf: (sentence: number) => TollFigure[],
  pastSentences: ReadonlySet<number>,
  daysOf: (sentence: number) => string[],
  /** Whether a sentence's words before an offset date it only weeks or years before the article (وفي 2014 …). */
  datedEarlier: (sentence: number, upTo: number) => boolean,
): number[] {
  /** Sentences of figures alone that no mention near them took. */
  const orphans: number[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (!TAKES_TOLL.has(m.event_type)) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  // The same for every sentence of figures alone: worked out once, not once per sentence.
  const violent = [...bySentence.values()].flat();
  const onlyViolent = new Set(violent.map((m) => m.sentence)).size === 1 ? violent : undefined;
  const evidenceStarts = new Map<Mention, Set<number>>();
  doc.sentences.forEach((sentence, s) => {
    const figures = tollsOf(s);
    if (figures.length === 0) return;
    let targets = bySentence.get(s);
    // A sentence of figures alone, or whose mentions take no toll (an arrest: "اعتقل عشرات
    // بالإضافة إلى مقتل آخرين"), continues the report before it, else the one after it, else the
    // article's only violent event.
    if (!targets && !pastSentences.has(s) && !datedEarlier(s, figures[0].start)) {
      targets = bySentence.get(s - 1) ?? bySentence.get(s + 1) ?? onlyViolent;
      if (!targets) orphans.push(s);
      else if (datedBefore(daysOf(s), targets)) return;
    }
    if (!targets || targets.length === 0) return;
    // Each figure belongs to the nearest violent mention before it (else the first after it); one
    // dated before what precedes it (غداة مقتل) to the first after it only.
    for (const f of figures) {
      const before = targets.filter((m) => m.trigger.span.start <= f.start);
      const owner = f.earlier
        ? (targets.find((m) => m.trigger.span.start > f.start) ?? before.at(-1))
        : before.length
          ? before[before.length - 1]
          : targets[0];
      if (!owner) continue;
      const figure = f.earlier && owner.trigger.span.start <= f.start ? { ...f, rejected: f.earlier } : f;
      owner.tolls.push(figure);
      // A set of the sentences each owner rests on: one owner may gather a long text's figures.
      let starts = evidenceStarts.get(owner);
      if (!starts) evidenceStarts.set(owner, (starts = new Set(owner.evidence.map((e) => e.start))));
      if (!starts.has(sentence.start)) {
        starts.add(sentence.start);
        owner.evidence.push({ start: sentence.start, end: sentence.end });
      }
    }
  });
  return orphans;
}

/**
 * "وكان تفجير سابق قد ضرب المدينة يوم 17 مارس فقتل 3": a sentence of figures whose words
 * date it only to days before those of the mentions it would continue tells another occurrence.
 * Only a day the mention's own words give counts: the day a source spoke (قالت … صباح الاثنين)
 * may be after the occurrence it tells of.
 */
function datedBefore(days: readonly string[], mentions: readonly Mention[]): boolean {
  if (days.length === 0) return false;
  const dated = mentions.flatMap((m) =>
    m.date?.temporal.resolved.date && m.date.rule !== TELLING_DATE ? [m.date.temporal.resolved.date] : [],
  );
  return dated.length > 0 && days.every((d) => dated.every((m) => d < m));
}

/** A sentence of figures alone, and the days its words name (exact days only). */
interface FiguresAlone {
  sentence: Span;
  figures: TollFigure[];
  days: string[];
}

/**
 * Figures alone that no mention near them took belong to the article's only violent event once
 * its mentions are merged ("هاجم … فقتل ثلاثة" and, paragraphs on, "وقتلت الشرطة المهاجم"),
 * and to nothing when the article tells several.
 */
function attachToOnlyEvent(events: readonly Mention[], figuresAlone: readonly FiguresAlone[]): void {
  const violent = events.filter((e) => TAKES_TOLL.has(e.event_type));
  if (violent.length !== 1) return;
  const [only] = violent;
  for (const { sentence, figures, days } of figuresAlone) {
    if (datedBefore(days, [only])) continue;
    // A figure dated before what its sentence tells (غداة مقتل) is shown, rejected, not counted.
    only.tolls.push(
      ...figures.map((f) => ({ ...f, rejected: f.rejected ?? f.earlier, attachedBy: 'toll.attach.only-event' })),
    );
    if (!only.evidence.some((e) => e.start === sentence.start))
      only.evidence.push({ start: sentence.start, end: sentence.end });
  }
}

function uniqueActors(list: ActorMention[], exclude: (EventActor | null)[]): EventActor[] {
  const out: EventActor[] = [];
  for (const m of list) {
    const a = m.actor;
    if (!a || exclude.some((x) => x?.id === a.id) || out.some((x) => x.id === a.id)) continue;
    out.push(a);
  }
  return out;
}

/** What every event of an article looks up about the article as a whole, worked out once. */
interface ArticleFacts {
  /** Whether the article tells of fighting (asked only of territory taken: read when first asked). */
  fighting(): boolean;
  main: ReturnType<typeof mainPlace>;
  country: ReturnType<typeof mainCountry>;
  lead: TemporalExpression | null;
  responsibility: ResponsibilityClaim | null;
  named: readonly NamedActorMention[];
}

function articleFacts(
  doc: Doc,
  responsibility: ResponsibilityClaim | null,
  country: ReturnType<typeof mainCountry>,
  main: ReturnType<typeof mainPlace>,
  named: readonly NamedActorMention[],
): ArticleFacts {
  let fighting: boolean | undefined;
  return {
    fighting: () => (fighting ??= FIGHTING_WORDS.test(doc.view.norm)),
    main,
    country,
    lead: leadDate(doc),
    responsibility,
    named,
  };
}

function toRecord(
  m: Mention,
  doc: Doc,
  knowledge: EntityKnowledge,
  contextMentions: readonly NamedActorMention[],
  article: ArticleFacts,
): EventRecord {
  const original = doc.view.original;
  const published = doc.article.published;
  const sources: FieldSource[] = [
    { field: 'event_type', rule: m.trigger.rule, evidence: evidenceOf(original, m.trigger.span) },
  ];
  const notes: string[] = [];

  // Actors, with framing labels resolved against the other party.
  let a1 = m.actors.actor1;
  let a2 = m.actors.actor2;
  const theatre = m.place?.place.country ?? article.main?.resolution.country ?? null;
  a1 = resolveLabel(a1, eventActor(a2), contextMentions, published, theatre, knowledge);
  a2 = resolveLabel(a2, eventActor(a1), contextMentions, published, theatre, knowledge);
  let actor1 = eventActor(a1);
  let actor2 = eventActor(a2);
  // "قتل 20 من مسلحي الجماعة في غارات للتحالف": the group the dead belonged to was
  // hit; it did not strike: it is actor 2, and the other party named, if any, actor 1. Not in a
  // battle, where either side may lose men.
  const victimsGroup =
    a1 && actor1 && (m.event_type === 'Explosions/Remote violence' || m.event_type === 'Violence against civilians')
      ? m.tolls.find((f) => f.rejected === null && victimsGroupOf(doc, f, a1!))
      : undefined;
  if (victimsGroup && a1) {
    sources.push({ field: 'actor2', rule: 'actor2.victims-group', evidence: evidenceOf(original, a1) });
    [actor1, actor2] = [actor2, actor1];
    a1 = null;
  }
  // "الغارة الإسرائيلية": an attack named by the nationality of its author is that state's forces,
  // whoever else the sentence names before the trigger (the victims' group in "قتل قيادي في حركة
  // الشباب بغارة أمريكية") or after a verb (the target in "قصفت المدفعية التركية مواقع لحزب …").
  // So is one carried out by a force noun a state owns (غارة نفذتها طائرة تابعة للولايات المتحدة).
  // Not for a protest or a riot: the crowd is its first actor (the embassy of "محتجون أمام
  // السفارة الإيرانية" is where they stood).
  const guessedActor1 = m.actors.rules.some((r) => WEAK_ACTOR1_RULES.has(r));
  // "أعلنت الشرطة أن انتحاريا فجر حزامه": the body that tells of a bombing is not its author
  // (a state's forces plant no suicide bombs); the speaker of another attack may be its agent.
  if (a1 && guessedActor1 && BLAST_RANK.has(m.sub_event_type) && m.claimant && spanContains(m.claimant.span, a1)) {
    actor1 = null;
    a1 = null;
  }
  if ((!actor1 || guessedActor1) && !CROWD_OF_TYPE.has(m.event_type)) {
    const after = nationalityAgent(m, doc, knowledge, published);
    const owner = after ? null : forceOwnerAgent(m, doc, knowledge, published);
    const agent = after ?? owner ?? nationalitySubjectAgent(m, doc, knowledge, published);
    if (agent && agent.actor.id !== actor1?.id) {
      if (actor1 && !actor2) {
        actor2 = actor1;
        a2 = a1;
      }
      actor1 = agent.actor;
      a1 = null;
      sources.push({
        field: 'actor1',
        rule: after ? 'actor1.nationality-adjective' : owner ? 'actor1.force-owner' : 'actor1.nationality-subject',
        evidence: evidenceOf(original, agent.span),
      });
    }
  }
  // "أصيب متظاهرون بنيران إسرائيلية": the forces that fired on a crowd faced it (actor 2).
  // Not for other events: "برصاص فلسطيني" names a gunman, not a state's forces.
  if (CROWD_OF_TYPE.has(m.event_type) && !actor2) {
    const fire = nationalityOfFire(m, doc, knowledge, published);
    if (fire && fire.actor.id !== actor1?.id) {
      actor2 = fire.actor;
      sources.push({ field: 'actor2', rule: 'actor2.nationality-of-fire', evidence: evidenceOf(original, fire.span) });
    }
  }
  if (actor1 && actor2 && actor1.id === actor2.id) actor2 = null;
  // Civilians never fight: named first in a battle or a strike, they are its victims.
  if (ARMED_FIGHTING.has(m.event_type) && actor1?.inter === 7) {
    if (!actor2) actor2 = actor1;
    actor1 = null;
  }
  // Victims are actor 2 in violence against civilians.
  if (m.event_type === 'Violence against civilians' && actor1?.inter === 7 && !actor2)
    [actor1, actor2] = [null, actor1];
  // State forces named alone in a protest or a riot faced the crowd, which is actor 1 (below).
  if (CROWD_OF_TYPE.has(m.event_type) && isStateForces(actor1) && !actor2) [actor1, actor2] = [null, actor1];
  for (const mention of [a1, a2]) {
    if (!mention?.actor) continue;
    const field = actor1?.id === mention.actor.id ? 'actor1' : actor2?.id === mention.actor.id ? 'actor2' : null;
    if (field) sources.push({ field, rule: mention.rule, evidence: evidenceOf(original, mention) });
  }
  const assoc_actor_1 = uniqueActors(m.actors.assoc1, [actor1, actor2]);
  const assoc_actor_2 = uniqueActors(m.actors.assoc2, [actor1, actor2, ...assoc_actor_1]);

  // Territory: the sub-type follows the actor taking it (events.md).
  let subType = m.sub_event_type;
  const byActor = m.trigger.sub_event_type_by_actor;
  let eventType = m.event_type;
  let plover = m.plover;
  if (m.trigger.territory && m.event_type === 'Battles') {
    if (!article.fighting()) {
      // Taking territory without fighting (events.md).
      eventType = 'Strategic developments';
      subType = 'Non-violent transfer of territory';
      plover = { type: 'COERCE', mode: 'seize' };
      notes.push('territory taken with no fighting reported');
    } else if (byActor && actor1) subType = actor1.inter === 1 ? byActor.state : byActor.non_state;
  }

  // Place: the attached one, else the article's main place at precision 2 or 3.
  let location: EventLocation | null = null;
  let locationReason: string | null = null;
  const place = m.place;
  const main = article.main;
  if (place && place.place.feature === 'country' && main && main.resolution.country === place.place.country) {
    // "في ليبيا" in a report about Sirte: the article's own place, near it.
    location = toLocation(main.resolution, main.resolution.geo_precision === 3 ? 3 : 2);
    sources.push({
      field: 'location',
      rule: 'place.country-to-article-main',
      evidence: evidenceOf(original, main),
      note: 'the sentence names only the country; the place the article names most',
    });
  } else if (place) {
    location = toLocation(place.place, place.geoPrecision);
    sources.push({ field: 'location', rule: place.rule, evidence: evidenceOf(original, place.entity) });
  } else {
    const abroad =
      m.event_type === 'Strategic developments'
        ? foreignStateCountry(actor1, knowledge, main?.resolution.country ?? null)
        : null;
    if (abroad) {
      location = {
        id: `country:${abroad.iso2}`,
        name: abroad.name_en,
        name_ar: abroad.name_ar,
        country: abroad.iso2,
        admin1: null,
        admin2: null,
        lat: abroad.lat,
        lon: abroad.lon,
        geo_precision: 3,
        direction: null,
      };
      sources.push({
        field: 'location',
        rule: 'place.actor-country',
        evidence: null,
        note: "no place in the sentence; the acting state's own country",
      });
    } else if (main) {
      const precision = main.resolution.geo_precision === 3 ? 3 : 2;
      location = toLocation(main.resolution, precision);
      sources.push({
        field: 'location',
        rule: 'place.article-main',
        evidence: evidenceOf(original, main),
        note: 'no place in the sentence; the place the article names most',
      });
    } else if (article.country) {
      // "في غرب أفغانستان" and no place within it the gazetteer knows: the country, at its precision.
      location = toLocation(article.country.resolution, 3);
      sources.push({
        field: 'location',
        rule: 'place.article-country',
        evidence: evidenceOf(original, article.country),
        note: 'the article names no place within the country it tells of',
      });
    } else {
      locationReason = 'no place named in the article';
    }
  }

  // Date: the clause's or sentence's expression, else the article's lead, else publication.
  let date: string | null = null;
  let timePrecision: 1 | 2 | 3 | null = null;
  let dateText: string | null = null;
  let dateReason: string | null;
  const lead = article.lead;
  const dated = m.date ?? (lead ? { temporal: lead, rule: 'date.article-lead' } : null);
  if (dated) {
    const t = dated.temporal;
    date = t.resolved.date;
    timePrecision = t.resolved.timePrecision;
    dateText = original.slice(t.start, t.end);
    dateReason = t.resolved.reason;
    sources.push({ field: 'date', rule: `${dated.rule}/${t.rule}`, evidence: evidenceOf(original, t) });
  } else if (published) {
    date = published;
    timePrecision = 2;
    dateReason = 'no date in the text: the publication week';
    sources.push({ field: 'date', rule: 'date.publication-week', evidence: null });
  } else {
    dateReason = 'no date in the text and no publication date';
  }

  // Toll.
  const killed = summariseToll(m.tolls, 'killed');
  const injured = summariseToll(m.tolls, 'injured');
  const fatalities = killed?.value ?? 0;
  // A demonstration where people were killed met lethal force: ACLED's excessive force against
  // protesters, whatever word named the protest (وقتل شاب برصاص الجيش في احتجاجات الجمعة).
  if (eventType === 'Protests' && fatalities > 0 && subType !== 'Excessive force against protesters') {
    subType = 'Excessive force against protesters';
    notes.push('people killed at the protest: excessive force against protesters');
  }
  // A figure told in a sentence of its own, given to the article's only violent event, says so.
  const attached = (f: TollFigure) =>
    f.attachedBy ? `told apart, given to the article's only violent event (${f.attachedBy})` : undefined;
  if (killed)
    sources.push({
      field: 'fatalities',
      rule: killed.rule,
      evidence: evidenceOf(original, killed.chosen),
      note: attached(killed.chosen),
    });
  else if (VIOLENT.has(m.event_type)) notes.push('no fatality figure reported');
  if (injured)
    sources.push({
      field: 'injured',
      rule: injured.rule,
      evidence: evidenceOf(original, injured.chosen),
      note: attached(injured.chosen),
    });
  for (const kind of ['killed', 'injured'] as const)
    for (const f of rejectedTolls(m.tolls, kind)) {
      const field = kind === 'killed' ? 'fatalities.rejected' : 'injured.rejected';
      sources.push({ field, rule: 'toll.rejected', evidence: evidenceOf(original, f), note: f.rejected ?? undefined });
      notes.push(`${kind} figure ${f.value} rejected: ${f.rejected}`);
    }

  /** ACLED's Civilians as actor 2, with the rule that says why. */
  const civiliansAs = (rule: string, note: string): EventActor | null => {
    const civilians = knowledge.actors.byId.get(CIVILIANS);
    if (civilians?.type !== 'actor') return null;
    sources.push({ field: 'actor2', rule, evidence: null, note });
    return eventActorOf(civilians);
  };
  const countryCode = location?.country ?? main?.resolution.country ?? null;
  const sentence = doc.sentences[m.sentence];
  // A foreign state's strike on military sites (غارات إسرائيلية على مواقع عسكرية سورية) hits the
  // struck country's forces, whoever the toll names (the allied fighters killed at an air base
  // are no civilians). Read before the victims, and again once actor 1 is settled. Only the
  // trigger's own sentence says what was struck: figures attached from elsewhere do not.
  const takeMilitaryTarget = () => {
    if (actor2 || !actor1 || !countryCode || m.event_type !== 'Explosions/Remote violence') return;
    const struck = foreignStrikeTarget(
      actor1,
      countryCode,
      date ?? published,
      viewText(doc, sentence.start, sentence.end),
      knowledge,
    );
    if (!struck) return;
    actor2 = struck;
    sources.push({
      field: 'actor2',
      rule: 'actor2.military-target',
      evidence: evidenceOf(original, sentence),
      note: "military sites struck, named in the trigger's sentence",
    });
  };
  takeMilitaryTarget();
  // "قتل القيادي في مليشيات الحوثي … مع عدد من مرافقيه في غارة للتحالف": the group named right
  // after those killed (after their count, or the one victim) is who was hit.
  if (!actor2 && VIOLENT.has(m.event_type) && !CROWD_OF_TYPE.has(m.event_type)) {
    const group = article.named.find(
      (n) =>
        n.actor.id !== actor1?.id &&
        m.tolls.some((f) => f.rejected === null && f.kind === 'killed' && victimsGroupOf(doc, f, n)),
    );
    if (group) {
      actor2 = group.actor;
      sources.push({ field: 'actor2', rule: 'actor2.victims-group-named', evidence: evidenceOf(original, group) });
    }
  }
  // "مقتل جنديين فرنسيين": soldiers a toll names by nationality are that state's forces;
  // "مقتل ثلاثة فلسطينيين" names civilians (not in a battle, which civilians never fight).
  if (!actor2 && VIOLENT.has(m.event_type) && !CROWD_OF_TYPE.has(m.event_type)) {
    const victims = nationalityVictims(m, doc, knowledge, date ?? published);
    if (victims?.victims === 'state_forces' && victims.actor.id !== actor1?.id) {
      actor2 = victims.actor;
      sources.push({
        field: 'actor2',
        rule: 'actor2.victims-nationality',
        evidence: evidenceOf(original, victims.span),
      });
    } else if (victims?.victims === 'civilians' && m.event_type !== 'Battles' && actor1?.inter !== 7) {
      actor2 = civiliansAs('actor2.victims-nationality', 'the victims are named by their nationality alone');
    }
  }
  // "قتل ثلاثة من أفراد الشرطة في انفجار": victims a toll names as police or soldiers, with no
  // nationality, are the event's country's force, targeted, not civilians. Not in violence against
  // civilians, whose victims are civilians by definition. A bomb that killed a force's own men was
  // planted against it: that force named as the author is its target (a state plants no bombs).
  if (!actor2 && countryCode && VIOLENT.has(m.event_type) && !CROWD_OF_TYPE.has(m.event_type)) {
    const targeted = m.event_type === 'Violence against civilians' ? null : forceOfVictims(m, doc);
    const force = targeted ? forceOfKind(countryCode, targeted.kind, date ?? published, knowledge) : null;
    if (force && force.id === actor1?.id && BLAST_RANK.has(m.sub_event_type)) {
      actor1 = null;
      for (let i = sources.length - 1; i >= 0; i--) if (sources[i].field === 'actor1') sources.splice(i, 1);
    }
    if (targeted && force && force.id !== actor1?.id) {
      actor2 = eventActorOf(force);
      sources.push({ field: 'actor2', rule: 'actor2.victims-force', evidence: evidenceOf(original, targeted.figure) });
    }
  }
  // "هاجمت الحركة بسيارة ملغومة موكبا عسكريا": an armed group's bomb or attack on a convoy, a patrol
  // or a base of the army hits the army of the event's country, whoever else fell beside it.
  if (
    !actor2 &&
    countryCode &&
    actor1 &&
    !isStateForces(actor1) &&
    ARMED_FIGHTING.has(m.event_type) &&
    ARMY_UNIT_ATTACKED.test(viewText(doc, sentence.start, sentence.end))
  ) {
    const army = forceOfKind(countryCode, 'military', date ?? published, knowledge);
    if (army && army.id !== actor1.id) {
      actor2 = eventActorOf(army);
      sources.push({
        field: 'actor2',
        rule: 'actor2.army-unit-attacked',
        evidence: evidenceOf(original, sentence),
        note: "an army's convoy, patrol or base the attack's sentence names",
      });
    }
  }
  // Violence against civilians has civilians as its victims by definition; a bombing or an attack
  // that the report says killed or hurt civilians has them too.
  if (
    !actor2 &&
    (m.event_type === 'Violence against civilians' ||
      (VIOLENT.has(m.event_type) && CIVILIAN_VICTIMS.test(evidenceText(doc, m))))
  ) {
    actor2 = civiliansAs('actor2.civilian-victims', 'the victims are civilians');
  }
  // A bomb or a strike on a mosque, a market, a school or homes hits civilians.
  if (!actor2 && m.event_type === 'Explosions/Remote violence' && CIVILIAN_PLACES.test(evidenceText(doc, m))) {
    actor2 = civiliansAs('actor2.civilian-place', 'a civilian place was hit');
  }
  // Those an arrest takes, named as no group, are civilians (ACLED's "Civilians (X)"): a refugee,
  // a journalist, "أشخاص" suspected of a crime.
  if (!actor2 && subType === 'Arrests') {
    actor2 = civiliansAs('actor2.detained-civilians', 'the detained name no group');
  }
  // "احتج العشرات من سكان جرادة": residents who demonstrate are the protesters; civilians a riot
  // names are its victims.
  if (CROWD_OF_TYPE.has(m.event_type) && actor1?.id === CIVILIANS) {
    if (m.event_type === 'Riots' && !actor2) actor2 = actor1;
    actor1 = null;
  }
  // A crowd met by force (a riot, protesters hurt or a protest dispersed) faces the police or the
  // soldiers its report names: "وقال الجيش إن قواته أطلقت النار وأصابت ثلاثة" (ACLED's actor 2 of a
  // protest with intervention or excessive force, of a riot against them).
  const metForce =
    m.event_type === 'Riots' ||
    (m.event_type === 'Protests' && (subType !== 'Peaceful protest' || (injured?.value ?? 0) > 0));
  if (metForce && (!actor2 || actor2.id === actor1?.id || actor2.id === CIVILIANS)) {
    // Another country's forces only where the crowd was shot (قتل متظاهر برصاص الجيش الإسرائيلي).
    const hurt = fatalities > 0 || (injured?.value ?? 0) > 0;
    const force = article.named.find((f) => {
      if (f.actor.id === actor1?.id || !m.evidence.some((e) => f.start >= e.start && f.end <= e.end)) return false;
      const entry = knowledge.actors.byId.get(f.actor.id);
      if (entry?.type !== 'actor' || !ARMED_STATE_KINDS.has(entry.kind)) return false;
      return entry.country === null || entry.country === countryCode || hurt;
    });
    const generic = force ? null : countryCode ? forceWordIn(doc, m.evidence) : null;
    const forceActor =
      force?.actor ?? (generic ? forceOfKind(countryCode!, generic.kind, date ?? published, knowledge) : null);
    if (forceActor && forceActor.id !== actor1?.id) {
      actor2 = eventActorOf(forceActor);
      sources.push({
        field: 'actor2',
        rule: 'actor2.crowd-met-force',
        evidence: evidenceOf(original, force ?? generic!.entity),
        note: "the state's forces its report names face the crowd",
      });
    }
  }
  const stateBody = m.claimant?.stateBody ?? null;
  const government = stateBody ? governmentOf(stateBody.country, date ?? published, knowledge) : null;
  const named = m.claimant?.actor ?? null;
  const namedEntry = named ? knowledge.actors.byId.get(named.actor.id) : undefined;
  // A category (civilians, journalists, protesters, an unidentified group) is who a source is,
  // not an organisation it speaks for: "مراسل بي بي سي" is no claim by Journalists.
  const organisation = named && !(namedEntry?.type === 'actor' && CATEGORY_KINDS.has(namedEntry.kind)) ? named : null;
  const claimantActor =
    organisation ??
    (government && stateBody
      ? { actor: eventActorOf(government), span: stateBody.span, rule: 'claimant.state-body' }
      : null);
  // A suicide bombing is a non-state armed group's: a state's forces, police or government, an
  // international force or anyone else found as its author stood near the words as their teller,
  // their target or who stopped the bomber (جرى إيقافه من قبل الشرطة، الشرطة الأفغانية); the
  // bombing is the claimer's, or unclaimed.
  const bomber = actor1 ? knowledge.actors.byId.get(actor1.id) : undefined;
  if (subType === 'Suicide bomb' && bomber?.type === 'actor' && !SUICIDE_BOMBER_KINDS.has(bomber.kind)) {
    sources.push({
      field: 'actor1',
      rule: 'actor1.not-a-suicide-bomber',
      evidence: null,
      note: `${bomber.name} (${bomber.kind}) carries out no suicide bombing`,
    });
    actor1 = null;
  }
  // Whom the words accuse (اتهمت السلطات طالبان بتنفيذ الهجوم) is accused, not reported as the
  // author: an attack only blamed on a group stays unclaimed (eval/gold/README.md), unless the
  // group claims it (below).
  if (a1 && actor1?.id === eventActor(a1)?.id && accusedAt(doc, a1)) {
    sources.push({
      field: 'actor1',
      rule: 'actor1.accused-only',
      evidence: evidenceOf(original, a1),
      note: 'the words accuse it of the attack; they do not report it as its author',
    });
    actor1 = null;
  }
  // "أعلن التنظيم مسؤوليته عن التفجير": the group that claims the article's attacks is the
  // author of one whose own words name none (or only an unidentified one).
  const claim = article.responsibility;
  if (
    claim &&
    VIOLENT.has(m.event_type) &&
    (!actor1 || isUnidentifiedActor(actor1)) &&
    !CROWD_OF_TYPE.has(m.event_type)
  ) {
    // The claimer named after the attack is no victim of it (… وأعلن التنظيم مسؤوليته).
    if (actor2?.id === claim.actor.id) actor2 = null;
    actor1 = claim.actor;
    sources.push({
      field: 'actor1',
      rule: 'actor1.claimed-responsibility',
      evidence: evidenceOf(original, claim.span),
    });
  }
  // "قال اللواء إنه … دمر": a claimant telling of its own act did it.
  if (
    (!actor1 || guessedActor1) &&
    m.claimant?.speaksOfItself &&
    claimantActor &&
    claimantActor.actor.id !== actor1?.id &&
    !CROWD_OF_TYPE.has(m.event_type)
  ) {
    // What the clause named before it is the other party (قالت الوزارة إنها قتلت ستة مسلحين).
    if (actor1 && !actor2) actor2 = actor1;
    actor1 = claimantActor.actor;
    sources.push({
      field: 'actor1',
      rule: 'actor1.claimant-of-its-own-act',
      evidence: evidenceOf(original, claimantActor.span),
    });
  }
  // ACLED codes the demonstrators of a protest or a riot as its first actor, named for its country.
  const crowd = !actor1 ? CROWD_OF_TYPE.get(m.event_type) : undefined;
  const crowdEntry = crowd ? knowledge.actors.byId.get(crowd) : undefined;
  if (crowdEntry?.type === 'actor') {
    actor1 = eventActorOf(crowdEntry);
    sources.push({
      field: 'actor1',
      rule: `actor1.${crowdEntry.id}`,
      evidence: null,
      note: `the participants of ${m.event_type.toLowerCase()}`,
    });
  }
  // A crowd is not its own other side; nor, in a peaceful protest, is what it protests to (a
  // government, a company): ACLED names a second actor only for the forces that met it. The crowd
  // stays where the forces that met it were named first (أصيب متظاهرون برصاص قوات الأمن).
  const facing = actor2 ? knowledge.actors.byId.get(actor2.id) : undefined;
  if (
    actor2 &&
    CROWD_OF_TYPE.has(eventType) &&
    (actor2.id === actor1?.id ||
      (subType === 'Peaceful protest' &&
        !isCrowd(actor2) &&
        !(facing?.type === 'actor' && ARMED_STATE_KINDS.has(facing.kind))))
  ) {
    for (const source of sources) if (source.field === 'actor2') source.field = 'actor2.rejected';
    sources.push({ field: 'actor2.rejected', rule: 'actor2.not-facing-crowd', evidence: null, note: actor2.name });
    actor2 = null;
  }
  // "قصفت طائرات الحكومة": a government fights with its forces, and ACLED codes
  // them (its one army then, or in the government's term when undated; Libya's two are left as
  // the words name them).
  const fighter = actor1 ? knowledge.actors.byId.get(actor1.id) : undefined;
  if (
    fighter?.type === 'actor' &&
    fighter.kind === 'government' &&
    fighter.country &&
    ARMED_FIGHTING.has(m.event_type)
  ) {
    const forces = stateForcesOf(fighter.country, date ?? published ?? fighter.valid_from, knowledge);
    if (forces.length === 1 && forces[0].id !== actor2?.id) {
      actor1 = eventActorOf(forces[0]);
      sources.push({
        field: 'actor1',
        rule: 'actor1.forces-of-government',
        evidence: null,
        note: `the forces of ${fighter.name}`,
      });
    }
  }
  // An attack whose author the report does not name: ACLED's Unidentified Armed Group, or its
  // Unidentified Military Forces for an air strike (only armed forces fly).
  const unclaimedBy = UNCLAIMED_ATTACKERS.get(subType);
  const unidentified = unclaimedBy ? knowledge.actors.byId.get(unclaimedBy) : undefined;
  if (!actor1 && unidentified?.type === 'actor') {
    actor1 = eventActorOf(unidentified);
    sources.push({
      field: 'actor1',
      rule: `actor1.${unidentified.id}`,
      evidence: null,
      note: 'the report names no author of the attack',
    });
  }
  takeMilitaryTarget();
  // A battle has two sides: when its sentence names one, the other is the first armed actor the
  // article names elsewhere that is neither it, nor its ally, nor an associate of the event, nor
  // its own government's other forces (the army of "قال الجيش إنه استعاد …" against the group the
  // article names elsewhere), one of the event's country first. The source that tells it may be
  // that side: a party often reports its own fight.
  if (!actor2 && actor1 && eventType === 'Battles') {
    const onEvent = new Set([...assoc_actor_1, ...assoc_actor_2].map((a) => a.id));
    const side = otherSideOfBattle(actor1, contextMentions, {
      country: countryCode,
      date: date ?? published,
      excluded: onEvent,
      ownSentence: doc.sentences[m.sentence],
      knowledge,
    });
    if (side?.actor) {
      actor2 = side.actor;
      sources.push({
        field: 'actor2',
        rule: 'actor2.other-side-in-article',
        evidence: evidenceOf(original, side),
        note: "the sentence names one side; the article's other armed party",
      });
    }
  }
  // Journalists, health workers or migrants an attack or a blast hit are civilians: ACLED's actor 2
  // is Civilians, the identity its associate (مقتل 25 شخصا بينهم 9 صحفيين).
  const identity = actor2 ? knowledge.actors.byId.get(actor2.id) : undefined;
  if (
    actor2 &&
    actor2.id !== CIVILIANS &&
    identity?.type === 'actor' &&
    identity.kind === CIVILIAN_KIND &&
    ON_CIVILIANS.has(eventType)
  ) {
    const civilians = knowledge.actors.byId.get(CIVILIANS);
    if (civilians?.type === 'actor') {
      if (!assoc_actor_2.some((a) => a.id === actor2!.id)) assoc_actor_2.unshift(actor2);
      // The words that named the identity are the associate's evidence now.
      for (const source of sources) if (source.field === 'actor2') source.field = 'assoc_actor_2';
      actor2 = eventActorOf(civilians);
      sources.push({
        field: 'actor2',
        rule: 'actor2.civilian-identity',
        evidence: null,
        note: `${identity.name} are civilians; kept as the associate`,
      });
    }
  }
  // Civilians, protesters, unidentified gunmen and the Islamic State are named for the country
  // the event happened in: its place's, else the article's main place's.
  const country = countryCode ? (knowledge.gazetteer.countryByIso2.get(countryCode) ?? null) : null;
  actor1 = namedForCountry(actor1, country, knowledge);
  actor2 = namedForCountry(actor2, country, knowledge);

  const claimedBy: Evidence | null = m.claimant ? evidenceOf(original, m.claimant.span) : null;
  if (m.claimant) sources.push({ field: 'claimed_by', rule: m.claimant.rule, evidence: claimedBy });
  if (claimantActor)
    sources.push({
      field: 'claimed_by_actor',
      rule: claimantActor.rule,
      evidence: evidenceOf(original, claimantActor.span),
    });

  const evidence = m.evidence.sort((x, y) => x.start - y.start).map((span) => evidenceOf(original, span));
  const confidence =
    Math.round(
      m.trigger.confidence * (location && place ? 1 : 0.85) * (actor1 ? 1 : 0.9) * (m.trigger.weak ? 0.8 : 1) * 100,
    ) / 100;
  const id = createHash('sha256')
    .update(`${doc.article.id}:${m.trigger.span.start}:${location?.id ?? ''}`)
    .digest('hex')
    .slice(0, 16);
  return {
    id,
    event_type: eventType,
    sub_event_type: subType,
    disorder_type: disorderType(eventType, subType),
    plover,
    date,
    time_precision: timePrecision,
    date_text: dateText,
    date_reason: dateReason,
    actor1,
    assoc_actor_1,
    actor2,
    assoc_actor_2,
    location,
    location_reason: locationReason,
    fatalities,
    injured: injured?.value ?? null,
    modality: m.modality,
    claimed_by: claimedBy,
    claimed_by_actor: namedForCountry(claimantActor?.actor ?? null, country, knowledge),
    evidence,
    trigger: evidenceOf(original, m.trigger.span),
    rule: [...new Set(m.rules)].join(' '),
    confidence,
    sources,
    notes: notes.length ? notes : undefined,
  };
}

/** Words for military sites as a strike's object: مواقع عسكرية، مطار … العسكري، قاعدة جوية، ثكنة. */
const MILITARY_TARGET = viewPattern(
  /(مواقع|موقع|اهداف|أهداف|مقرات|مقر|مستودعات|مخازن|منشآت)\s+(\S+\s+)?(عسكري|عسكرية|للجيش|لقوات\s+النظام|للنظام)|(مطار|قاعدة)\s+\S+\s+(العسكري|العسكرية|الجوية|الجوي)|ثكنة|ثكنات/,
);

/**
 * An army's convoy, patrol, base or checkpoint (موكبا عسكريا، دورية للجيش، قاعدة عسكرية), not one
 * a nationality names (رتلا عسكريا تركيا، قاعدة عسكرية روسية): another state's.
 */
const ARMY_UNIT_ATTACKED = viewPattern(
  /(موكب|موكبا|رتل|رتلا|دورية|قافلة|قاعدة|معسكر|معسكرا|نقطة تفتيش|حاجز|حاجزا)\s+(عسكريا|عسكرية|عسكري|للجيش|تابعة للجيش|تابعا للجيش)(?=[\s،,.]|$)(?!\s+(?!ال)\S{2,}(ي|ية|يا)(?=[\s،,.]|$))/,
);

/**
 * The state forces of `country` at `date` when `actor1` is another state's forces striking its
 * military sites: its one army then (stateForcesOf), or null.
 */
function foreignStrikeTarget(
  actor1: EventActor,
  country: string,
  date: string | null,
  evidence: string,
  knowledge: EntityKnowledge,
): EventActor | null {
  const striker = knowledge.actors.byId.get(actor1.id);
  if (striker?.type !== 'actor' || !striker.country || striker.country === country) return null;
  if (!isStateForces(actor1) || !MILITARY_TARGET.test(evidence)) return null;
  const forces = stateForcesOf(country, date, knowledge);
  return forces.length === 1 ? eventActorOf(forces[0]) : null;
}

/** Event types fought with arms, where a government's act is its forces'. */
const ARMED_FIGHTING: ReadonlySet<string> = new Set(['Battles', 'Explosions/Remote violence']);

/** Actor kinds that fight (the actor files' kind): a battle's side may be one of them. */
const FIGHTING_KINDS: ReadonlySet<string> = new Set([
  'state_forces',
  'police',
  'jihadist',
  'rebel_group',
  'militia',
  'communal_militia',
  'foreign_forces',
  'mercenaries',
  'pmc',
]);

/** Kinds of force that fight outside their own country. */
const FOREIGN_KINDS: ReadonlySet<string> = new Set(['foreign_forces', 'mercenaries', 'pmc']);

/**
 * The first mention of an armed actor of the article that can be a battle's other side: a force
 * that fights (no government, organisation or category of people), not `side` itself nor one
 * related to it at the date (an ally, a backer, a part), of the event's country when one is.
 */
function otherSideOfBattle(
  side: EventActor,
  mentions: readonly ActorMention[],
  how: {
    country: string | null;
    date: string | null;
    /** Actors already on the event: its associates. */
    excluded: ReadonlySet<string>;
    /** The sentence that names one side: the other is sought elsewhere. */
    ownSentence: Span;
    knowledge: EntityKnowledge;
  },
): ActorMention | null {
  const { country, date, excluded, ownSentence, knowledge } = how;
  const related = new Set(knowledge.actors.affiliationsAt(side.id, date).map((a) => a.actor));
  // Forces of one government at the date (its army and its police) are one side; rival
  // governments' forces (Sanaa's and Aden's) are not.
  const governmentsOf = (id: string) =>
    knowledge.actors
      .affiliationsAt(id, date)
      .filter((a) => a.direction === 'out' && a.relation === 'part_of')
      .map((a) => a.actor);
  const sideGovernments = new Set(governmentsOf(side.id));
  const inOwnSentence = (m: ActorMention) => m.start >= ownSentence.start && m.end <= ownSentence.end;
  const fighters: { mention: ActorMention; country: string | null; kind: string }[] = [];
  for (const m of mentions) {
    const entry = m.actor ? knowledge.actors.byId.get(m.actor.id) : undefined;
    if (
      m.actor &&
      entry?.type === 'actor' &&
      FIGHTING_KINDS.has(entry.kind) &&
      entry.id !== side.id &&
      !related.has(entry.id) &&
      !excluded.has(entry.id) &&
      !governmentsOf(entry.id).some((g) => sideGovernments.has(g)) &&
      !inOwnSentence(m) &&
      !isUnidentifiedActor(m.actor)
    )
      fighters.push({ mention: m, country: entry.country, kind: entry.kind });
  }
  // A group of another country fights abroad only as a foreign force (the Syrian opposition
  // that an ambiguous label named is no side of a South Sudanese battle).
  const abroad = (f: (typeof fighters)[number]) => f.country === null || FOREIGN_KINDS.has(f.kind);
  return (fighters.find((f) => f.country === country) ?? fighters.find(abroad))?.mention ?? null;
}

/**
 * The first name of an unnamed force in the spans (الشرطة، عناصر الأمن، الجيش: an organisation
 * the dictionary does not resolve), with the kind of force its words say.
 */
function forceWordIn(doc: Doc, spans: readonly Span[]): { entity: Entity; kind: 'police' | 'military' } | null {
  for (const e of doc.entities) {
    if (e.type !== 'ORG' || e.resolution || !spans.some((s) => e.start >= s.start && e.end <= s.end)) continue;
    for (let k = spanIndexAt(doc.tokens, e.start); k >= 0 && k < doc.tokens.length && doc.tokens[k].end <= e.end; k++) {
      const kind = forceNounKind(doc.tokens[k]);
      if (kind) return { entity: e, kind };
    }
  }
  return null;
}

/** The armed forces of a state a crowd may face: its army or police, or another state's forces. */
const ARMED_STATE_KINDS: ReadonlySet<string> = new Set(['state_forces', 'police', 'foreign_forces']);

/** Event types whose victims may be civilians (a battle is fought between armed sides). */
const ON_CIVILIANS: ReadonlySet<string> = new Set(['Violence against civilians', 'Explosions/Remote violence']);

/** Protesters or rioters: ACLED's inter codes 6 and 5. */
function isCrowd(actor: EventActor): boolean {
  return actor.inter === 6 || actor.inter === 5;
}

/** A state's forces, at home or abroad: ACLED's inter codes 1 and 8. */
function isStateForces(actor: EventActor | null): boolean {
  return actor?.inter === 1 || actor?.inter === 8;
}

/** ACLED's generic categories (packs/world/actors.json): the victims of violence against civilians, and unclaimed attackers. */
const CIVILIANS = 'civilians';
/** The actor kind of civilians and their identities (journalists, health workers, migrants). */
const CIVILIAN_KIND = 'civilians';
const UNIDENTIFIED_ARMED_GROUP = 'unidentified-armed-group';
/** Who ACLED codes as the author of an attack (or the side of a clash) the report names nobody for, by sub-event type. */
const UNCLAIMED_ATTACKERS: ReadonlyMap<string, string> = new Map([
  ['Attack', UNIDENTIFIED_ARMED_GROUP],
  ['Abduction/forced disappearance', UNIDENTIFIED_ARMED_GROUP],
  ['Remote explosive/landmine/IED', UNIDENTIFIED_ARMED_GROUP],
  ['Suicide bomb', UNIDENTIFIED_ARMED_GROUP],
  ['Grenade', UNIDENTIFIED_ARMED_GROUP],
  ['Shelling/artillery/missile attack', UNIDENTIFIED_ARMED_GROUP],
  ['Armed clash', UNIDENTIFIED_ARMED_GROUP],
  ['Air/drone strike', 'unidentified-military-forces'],
]);

/** An accusation verb, then at most two words (its subject), right before a name: its object. */
const ACCUSED_BEFORE = viewPattern(/(^|\s)[وف]?(اتهم|اتهمت|يتهم|تتهم|اتهموا|يتهمون)\s+(\S+\s+){0,2}$/);
/** Characters before a name that may hold the accusation verb and its subject. */
const ACCUSATION_REACH = 40;

/** Whether the name is the object of an accusation verb in its sentence. */
function accusedAt(doc: Doc, name: Span): boolean {
  const sentence = doc.sentences[spanIndexAt(doc.sentences, name.start)];
  const from = Math.max(sentence?.start ?? 0, name.start - ACCUSATION_REACH);
  return ACCUSED_BEFORE.test(viewText(doc, from, name.start));
}

/** The kinds of actor that carry out suicide bombings: non-state armed groups (packs' `kind`). */
const SUICIDE_BOMBER_KINDS: ReadonlySet<string> = new Set([
  'jihadist',
  'rebel_group',
  'militia',
  'communal_militia',
  'unidentified',
]);

/** How attachActors guesses an agent when no word marks it: a nationality adjective outranks these. */
const WEAK_ACTOR1_RULES = new Set(['actor1.subject-in-clause', 'actor1.subject-in-sentence', 'actor1.after-verb']);

/** The generic actor of the people taking part in a protest or a riot. */
const CROWD_OF_TYPE = new Map([
  ['Protests', 'protesters'],
  ['Riots', 'rioters'],
]);

/** Casualty words for civilians in a report's evidence (normalised). */
const CIVILIAN_VICTIMS = viewPattern(
  /(مدني|مدنيين|مدنيون|مواطن|اشخاص|أشخاص|شخصا|شخص|اطفال|أطفال|طفل|نساء|امرأة|سكان|مصلين|صحفي|تلاميذ|طلاب|عائلة)/,
);

/**
 * Places where a blast or a strike hits civilians: worship, trade, schooling, care, homes, a
 * polling centre, a political party's offices.
 */
const CIVILIAN_PLACES = viewPattern(
  /(مسجد|جامع|كنيسة|حسينية|سوق|أسواق|اسواق|مدرسة|مدارس|جامعة|مستشفى|مستوصف|منزل|منازل|حي سكني|أحياء سكنية|احياء سكنية|منطقة سكنية|مناطق سكنية|مبنى سكني|مخيم|ملعب|حفل|عزاء|جنازة|تشييع|الناخبين|ناخبين|مركز تسوق|مطعم|مقهى|(مقر|مقرات|مكتب|مكاتب)\s+(ال)?(حزب|أحزاب))/,
);

/**
 * "قتل 17 جنديا … وأعلنت طالبان تبنيها الهجوم": an attack word that read as violence against
 * civilians for want of armed words in its own clause, whose toll is of soldiers or police, was a
 * fight with them: a battle (the victims-force rule then names them as actor 2).
 */
function armedVictimsMakeAClash(m: Mention, doc: Doc): void {
  if (m.event_type !== 'Violence against civilians' || m.sub_event_type !== 'Attack') return;
  if (!GENERIC_TRIGGERS.has(m.trigger.entryId)) return;
  // The toll the event reports must be the soldiers' or police's own (not a civilian toll with a
  // gendarme among the dead).
  const force = forceOfVictims(m, doc);
  if (!force || summariseToll(m.tolls, 'killed')?.chosen !== force.figure) return;
  m.event_type = 'Battles';
  m.sub_event_type = 'Armed clash';
  m.rules.push('type.armed-victims');
}

/** The first kept toll figure of a mention whose victims are a state's police or soldiers, and which. */
function forceOfVictims(m: Mention, doc: Doc): { kind: 'police' | 'military'; figure: TollFigure } | null {
  for (const figure of m.tolls) {
    if (figure.rejected !== null) continue;
    const kind = victimsForce(doc, figure);
    if (kind) return { kind, figure };
  }
  return null;
}

function evidenceText(doc: Doc, m: Mention): string {
  return m.evidence.map((span) => viewText(doc, span.start, span.end)).join(' ');
}

/**
 * An actor ACLED names per country (`per_country` in its pack), named for `country`; with no
 * country known, by its bare name ("Islamic State", not the Libyan entry's "Islamic State
 * (Libya)" for a bombing in a country the packs lack); others unchanged.
 */
function namedForCountry(
  actor: EventActor | null,
  country: { iso2: string; name_en: string } | null,
  knowledge: EntityKnowledge,
): EventActor | null {
  const entry = actor ? knowledge.actors.byId.get(actor.id) : undefined;
  if (!actor || entry?.type !== 'actor' || entry.per_country === undefined || entry.country === country?.iso2) {
    return actor;
  }
  const slug = entry.per_country.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  if (!country) return entry.country === null ? actor : { ...actor, id: slug, name: entry.per_country };
  return { ...actor, id: `${slug}-${country.iso2.toLowerCase()}`, name: `${entry.per_country} (${country.name_en})` };
}

/** The home country of a foreign state's government or forces, when the article is about another country. */
function foreignStateCountry(actor: EventActor | null, knowledge: EntityKnowledge, focus: string | null) {
  if (!actor) return null;
  const entry = knowledge.actors.byId.get(actor.id);
  if (entry?.type !== 'actor' || !entry.country || entry.country === focus) return null;
  if (!['foreign_state', 'foreign_forces', 'government', 'state_forces'].includes(entry.kind)) return null;
  return knowledge.gazetteer.countryByIso2.get(entry.country) ?? null;
}

function toLocation(
  p: {
    id: string;
    name: string;
    name_ar: string;
    country: string;
    admin1: string | null;
    admin2: string | null;
    lat: number;
    lon: number;
    direction: string | null;
  },
  precision: 1 | 2 | 3,
): EventLocation {
  return {
    id: p.id,
    name: p.name,
    name_ar: p.name_ar,
    country: p.country,
    admin1: p.admin1,
    admin2: p.admin2,
    lat: p.lat,
    lon: p.lon,
    geo_precision: precision,
    direction: p.direction,
  };
}

/** The article's leading date: the first dated expression of its first two sentences. */
function leadDate(doc: Doc): TemporalExpression | null {
  const lead = doc.sentences.slice(0, 2);
  if (lead.length === 0) return null;
  const end = lead[lead.length - 1].end;
  const scheduled = doc.cues.filter((c) => c.list === 'scheduled' && c.span.end <= end);
  const t = doc.temporals.find((x) => x.end <= end && x.kind !== 'year' && !scheduledDay(x, doc, scheduled));
  return t ?? null;
}
