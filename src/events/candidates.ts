/**
 * Every trigger the lexicon finds is a candidate event mention, and every candidate gets a
 * verdict: kept (it reports an event, and which one it ended in) or rejected, by a named rule
 * with the reason class of eval/gold/README.md. Nothing is dropped without a trace, so an analyst
 * can ask why a real event is missing (`marsad extract --explain`).
 */
import type { Span } from '../core/span.js';

/** Why a candidate is not an event: the gold's not_event reasons, and the extractor's own. */
export type RejectReason =
  | 'history'
  | 'generic'
  | 'plan_threat_call'
  | 'speculation'
  | 'negation'
  | 'judicial'
  | 'sense'
  | 'crime'
  | 'no_place'
  /** A required argument is missing (the victims of a killing, the agent of a weak word). */
  | 'no_argument'
  /** The words around it make it part of something else (an ally's support, a building stormed). */
  | 'structure'
  /** A headline or a generic word that sums up what another mention reports. */
  | 'summary'
  /** The learned judge scores it below its threshold. */
  | 'model';

export interface RejectionRule {
  reason: RejectReason;
  /** What the rule says, for a reader of --explain. */
  why: string;
}

/** The rules that reject a candidate, by name. Word lists they use live in packs/ar/cues.json. */
export const REJECTION_RULES = {
  'reject.outside-sentence': { reason: 'structure', why: 'the trigger crosses a sentence boundary' },
  'reject.heading': { reason: 'summary', why: 'a headline sums up what the body reports' },
  'reject.front-noun': { reason: 'sense', why: 'a front or a battlefield, not a fight (جبهات القتال)' },
  'reject.site-name': {
    reason: 'sense',
    why: 'the name of a square, a street or a building (ساحة التحرير، ميدان التحرير), not a taking of territory',
  },
  'reject.quoted-title': {
    reason: 'sense',
    why: 'a word of a quoted name: a website, a programme, a book (موقع "الرصد")',
  },
  'reject.not-an-event-before': {
    reason: 'structure',
    why: 'the word before makes it something else: support, an end, its perpetrator (بمساندة، وقف، منفذ)',
  },
  'reject.verbal-attack': {
    reason: 'sense',
    why: 'an attack in words: biting, sharp, harsh or verbal (شن هجوما لاذعا على الحكومة)',
  },
  'reject.topic': {
    reason: 'history',
    why: 'named as what an inquiry, a case, a charge, an accusation or an anniversary is about (التحقيق في اغتيال، قضية مقتل، اتهمتها بتنفيذ التفجير، ذكرى الهجوم): told elsewhere or before',
  },
  'reject.weapon-object': {
    reason: 'generic',
    why: 'a weapon named as a thing found, seized, held, smuggled or handed over, not fired or set off (صادرت قنابل يدوية)',
  },
  'reject.accident-explained': {
    reason: 'sense',
    why: 'a blast of unknown cause the article explains as an accident (انفجار مستودع للذخيرة، تسرب غاز)',
  },
  'reject.struck-object': {
    reason: 'structure',
    why: 'reinforcements named as what a strike hit (غارات على تعزيزات للميليشيات، استهدفت الغارات تعزيزات): the strike is the event',
  },
  'reject.participants-referred': {
    reason: 'structure',
    why: 'protesters named after a preposition or another noun, neither acting nor counted (على المتظاهرين، تفريق المحتجين): the protest is told elsewhere, or not at all',
  },
  'reject.said-not-terror': {
    reason: 'crime',
    why: 'an attack no known group made, or an arrest, in an article that says its incident was no terror (الحادث ليس إرهابيا): ordinary crime',
  },
  'reject.attempted-blast': {
    reason: 'negation',
    why: 'a blast attempted (حاول تفجير سيارة مفخخة، محاولة تفجير موكب): not told to have gone off',
  },
  'reject.crowd-voices': {
    reason: 'structure',
    why: 'the protesters, definite, after a verb of what they chanted or carried (وهتف المتظاهرون، ورفع المحتجون لافتات): a detail of a protest told elsewhere',
  },
  'reject.time-reference': {
    reason: 'history',
    why: 'named as a point in time (قبل اعتقاله، بعد الإفراج عنه، منذ الهجوم الكيميائي)',
  },
  'modality.denied': { reason: 'negation', why: 'denied in its sentence' },
  'modality.negated': { reason: 'negation', why: 'negated just before' },
  'modality.threatened': { reason: 'plan_threat_call', why: 'a threat' },
  'modality.planned.future': { reason: 'plan_threat_call', why: 'in the future tense' },
  'modality.planned': { reason: 'plan_threat_call', why: 'a plan or intent word before it' },
  'modality.planned.sentence': { reason: 'plan_threat_call', why: 'an intent verb earlier in the sentence' },
  'modality.planned.coming-days': { reason: 'plan_threat_call', why: 'set in the coming days' },
  'modality.called-for': {
    reason: 'plan_threat_call',
    why: 'demanded or called for (للمطالبة بالإفراج عن المعتقلين، دعا إلى وقف إطلاق النار): not done',
  },
  'modality.planned.purpose': { reason: 'plan_threat_call', why: 'a purpose (ل before a verbal noun)' },
  'history.cue': { reason: 'history', why: 'a background cue in its clause' },
  'history.earlier': { reason: 'history', why: 'told as an earlier occurrence (ليست المرة الأولى، سبق أن)' },
  'reject.announced-violence': { reason: 'plan_threat_call', why: 'violence announced, not reported as done' },
  'reject.history-date': { reason: 'history', why: 'its date is over a year before publication' },
  'reject.clause-history': {
    reason: 'history',
    why: 'its own clause dates it more than two weeks before publication: recalled, not news',
  },
  'reject.history-lead-date': {
    reason: 'history',
    why: "no date of its own, and the article's lead dates the story more than two weeks before publication: recalled, not news",
  },
  'reject.building-object': { reason: 'structure', why: 'a building stormed or seized, not territory' },
  'reject.tentative': { reason: 'speculation', why: 'expected or proposed (محتمل، مرتقب)' },
  'reject.non-conflict-cause': {
    reason: 'sense',
    why: 'near a word its entry lists as no conflict (unless_any_nearby: a storm, maintenance, an epidemic)',
  },
  'reject.judicial-act': {
    reason: 'judicial',
    why: "a court's words near it (its entry's unless_any_nearby): a sentence or a ruling, not violence",
  },
  'reject.self-harm': {
    reason: 'sense',
    why: 'turned on oneself (قتل نفسه): a suicide or self-harm, no political violence',
  },
  'reject.agreement-not-concluded': {
    reason: 'plan_threat_call',
    why: 'an agreement not reached, signed or announced',
  },
  'reject.no-place': { reason: 'no_place', why: 'the word needs a place and its sentence names none' },
  'reject.no-victims': { reason: 'no_argument', why: 'a killing word with no victims named' },
  'reject.weak-no-place': { reason: 'no_place', why: 'a weak word with no place in its clause' },
  'reject.weak-no-actor': { reason: 'no_argument', why: 'a weak word with no agent' },
  'merge.generic-alone': {
    reason: 'summary',
    why: 'a generic attack word with no specific event, toll, date or named place to stand on',
  },
  'merge.generic-about-another': { reason: 'structure', why: 'an attack named beside an arrest: what it is about' },
  'judge.model': { reason: 'model', why: 'the learned judge scores it below its threshold' },
} as const satisfies Record<string, RejectionRule>;

export type RejectionRuleId = keyof typeof REJECTION_RULES;

export type CandidateVerdict =
  | {
      kept: true;
      /** The rules that kept it (trigger, modality...). */
      rule: string;
      /** The event it is evidence of; null until the events are built. */
      event: string | null;
      /** Another mention of the same event that it merged into, when it did. */
      mergedInto?: Span;
      /** The rule or model that merged it, and why (merge.ts, coreference.ts). */
      mergeRule?: string;
      mergeWhy?: string;
    }
  | { kept: false; rule: RejectionRuleId; reason: RejectReason; why: string };

export interface EventCandidate {
  /** The trigger words, as a span of the original text. */
  trigger: Span;
  /** The lexicon entry (or 'casualty_by_agent' for a toll told with its agent). */
  entryId: string;
  event_type: string;
  sub_event_type: string;
  sentence: number;
  verdict: CandidateVerdict;
  /** What the learned judge reads of a kept candidate (candidate-features.ts). */
  features?: string[];
  /** The judge's probability that it reports an event, when a judge ran. */
  score?: number;
}

export function rejection(
  rule: RejectionRuleId,
  found?: readonly string[],
): Extract<CandidateVerdict, { kept: false }> {
  const { reason, why } = REJECTION_RULES[rule];
  return { kept: false, rule, reason, why: found?.length ? `${why}: ${found.join('، ')}` : why };
}
