/**
 * "أعلن التنظيم مسؤوليته عن التفجير"، "تبنت الجماعة الكمين": an armed group
 * claiming an attack the article reports is its author. ACLED codes the claimant of an attack as
 * its first actor; the extractor lends it to the article's violent events whose author the words
 * around them do not name.
 */
import type { Doc } from '../core/document.js';
import { spanIndexAt, type Span } from '../core/span.js';
import type { EntityKnowledge } from '../entities/knowledge.js';
import type { ActorMention } from './arguments.js';
import type { EventActor } from './record.js';
import { viewPattern, viewText } from './view-text.js';
import { datesThePast } from './background-cue.js';

/** The group that claims the article's attacks, and the words that name it. */
export interface ResponsibilityClaim {
  actor: EventActor;
  span: Span;
  /** The words of the claim (مسؤوليته عن، تبنت). */
  claim: Span;
}

/** Kinds of the groups that claim attacks: non-state armed groups (states seldom claim; they announce). */
const ARMED_GROUP_KINDS: ReadonlySet<string> = new Set([
  'rebel_group',
  'jihadist',
  'militia',
  'communal_militia',
  'tribe',
]);
/** What a claim is of: an attack, a bombing, an operation, an assassination. */
const ATTACK_WORDS = viewPattern(
  /(هجوم|هجمات|هجومين|تفجير|انفجار|عملية|عمليات|اعتداء|اغتيال|كمين|خطف|اختطاف|قصف|إطلاق|اطلاق|ضربة|مجزرة|حادث)/,
);
/** How far from the words of a claim its author's name may stand, in characters. */
const CLAIMER_REACH = 80;
/** Just before a claim: it is denied ("لم تعلن أي جهة مسؤوليتها"). */
const DENIED_BEFORE = viewPattern(/(^|\s)[وف]?(لم|لا|لن|دون|بدون|نفى|نفت|نفوا|تنفي|ينفي|نفي)(\s|$)/);
/** Earlier in its sentence: the claim is a charge against the group (حمّلت الحكومة الجماعة مسؤولية الهجوم). */
const CHARGED_BEFORE = viewPattern(/(^|\s)[وف]?(حمل|حملت|يحمل|تحمل|حملوا|اتهم|اتهمت|يتهم|تتهم|اتهموا)(\s|$)/);
/** A claim of many attacks (مسؤوليتها عن العديد من التفجيرات): a record, not this attack's claim. */
const MANY_CLAIMED = viewPattern(/(^|\s)(الكثير|العديد|كثير|معظم|أغلب|اغلب|عدد|جميع|عشرات)\s+من\s/);
/** Several groups claiming together (أعلنت الجماعتان مسؤوليتهما المشتركة، كلتاهما تبنت). */
const JOINT_CLAIM = viewPattern(/(كلتاهما|كلاهما|كل من|مسؤوليتهما|مسؤوليتهم)/);

/**
 * The one group the article says claimed responsibility, or null when it names none, or more
 * than one (then the words do not say whose attack is whose). Its claim is a cue of cues.json's
 * responsibility_claims; its author is the nearest group named before the words (أعلن X
 * مسؤوليته) or, for a verb, right after them (تبنى X).
 */
export function responsibilityClaim(
  doc: Doc,
  actors: readonly ActorMention[],
  knowledge: EntityKnowledge,
  /** Sentences whose events were rejected as earlier ones (a date weeks back, a background cue). */
  pastSentences: ReadonlySet<number> = new Set(),
): ResponsibilityClaim | null {
  let found: ResponsibilityClaim | null = null;
  const isGroup = (m: ActorMention): m is ActorMention & { actor: EventActor } => {
    const entry = m.actor ? knowledge.actors.byId.get(m.actor.id) : undefined;
    return entry?.type === 'actor' && ARMED_GROUP_KINDS.has(entry.kind);
  };
  for (const cue of doc.cues) {
    if (cue.list !== 'responsibility_claims') continue;
    const sentenceIndex = spanIndexAt(doc.sentences, cue.span.start);
    const sentence = doc.sentences[sentenceIndex];
    if (!sentence) continue;
    // "استُهدف الحاجز بتفجير … في 25 يناير وتبنته الجماعة": the claim of the
    // earlier attack its sentence tells.
    if (pastSentences.has(sentenceIndex)) continue;
    if (DENIED_BEFORE.test(viewText(doc, Math.max(sentence.start, cue.span.start - 40), cue.span.start))) continue;
    if (CHARGED_BEFORE.test(viewText(doc, sentence.start, cue.span.start))) continue;
    // "وكانت الجماعة قد تبنت في العام الماضي هجوما": an earlier attack's claim.
    if (doc.cues.some((c) => datesThePast(c, doc) && c.span.start >= sentence.start && c.span.end <= sentence.end))
      continue;
    const inSentence = actors.filter((m) => m.start >= sentence.start && m.end <= sentence.end).filter(isGroup);
    const before = inSentence.filter((m) => m.end <= cue.span.start && cue.span.start - m.end <= CLAIMER_REACH);
    const joint =
      new Set(before.map((m) => m.actor.id)).size > 1 && JOINT_CLAIM.test(viewText(doc, before[0].start, cue.span.end));
    if (joint) return null;
    const after = inSentence.filter((m) => m.start >= cue.span.end && m.start - cue.span.end <= 3);
    const claimer = cue.kind === 'verb' ? (after[0] ?? before[before.length - 1]) : before[before.length - 1];
    if (!claimer) continue;
    // What is claimed is an attack (تبنى قرارا adopts a resolution).
    const claimed = viewText(doc, cue.span.start, Math.min(sentence.end, Math.max(cue.span.end, claimer.end) + 40));
    if (!ATTACK_WORDS.test(claimed) || MANY_CLAIMED.test(claimed)) continue;
    if (found && found.actor.id !== claimer.actor.id) return null;
    found ??= { actor: claimer.actor, span: { start: claimer.start, end: claimer.end }, claim: cue.span };
  }
  return found;
}
