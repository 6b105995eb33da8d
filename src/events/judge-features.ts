/**
 * Features for the learned judge (src/learn/): what a linear model reads to decide whether a
 * passage reports an event of a PLOVER type that happened, as opposed to one that is threatened,
 * denied, remembered, or only a topic. They are read off the layers the pipeline has built
 * (tokens, triggers, cues, numbers, temporals, entities, events), never off the raw text, so the
 * same function can run inside the pipeline on every candidate.
 *
 * Feature names are stable strings: a model file stores weights by name, and
 * JUDGE_FEATURE_VERSION names this code's features. Change what a name means, or add or drop a
 * family, and the version must change (models of another version are refused; retrain them).
 */
import type { Doc, Token } from '../core/document.js';
import type { Span } from '../core/span.js';
import type { FeatureVector } from '../learn/vocabulary.js';
import { ARGUMENT_LISTS } from './lexicon.js';
import { clausesOf } from './clauses.js';
import type { TriggerMatch } from './triggers.js';

export const JUDGE_FEATURE_VERSION = 'judge-sentence/3';

/** Words around a trigger that name its immediate context (سيتم قصف، نفى الهجوم). */
const WINDOW = 2;

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The word a token counts as: its stem without proclitics, numbers as one symbol. */
function wordOf(t: Token): string | null {
  if (t.kind === 'number') return '#';
  if (t.kind !== 'word') return null;
  return t.stem || t.norm;
}

function add(features: Map<string, number>, name: string, value = 1): void {
  features.set(name, Math.max(features.get(name) ?? 0, value));
}

/** A count as a coarse bucket ("0", "1", "2", "3+"), so that one weight covers the many. */
function bucket(n: number): string {
  return n >= 3 ? '3+' : String(n);
}

/**
 * Features of one trigger in its document: which lexicon entry it is and how it was written, the
 * words just before and after it, and the cue lists (negation, plans, threats, background,
 * attribution …) in its clause before and after it.
 */
export function triggerFeatures(doc: Doc, trigger: TriggerMatch, clauses: Span[][] = clausesOf(doc)): FeatureVector {
  const f = new Map<string, number>();
  add(f, `trigger:${trigger.entryId}`);
  add(f, `trigger-rule:${trigger.rule}`);
  add(f, `trigger-pos:${trigger.pos}`);
  add(f, `trigger-tense:${trigger.tense ?? 'none'}`);
  add(f, `trigger-proclitic:${trigger.proclitic || 'none'}`);
  if (trigger.weak) add(f, 'trigger-weak');
  if (trigger.modality_hint !== null) add(f, `trigger-hint:${trigger.modality_hint}`);
  for (const c of trigger.context) add(f, `trigger-context:${c}`);

  const tokens = doc.tokens;
  const first = tokens.findIndex((t) => overlaps(t, trigger.fullSpan));
  const sentence = first >= 0 ? doc.sentences[tokens[first].sentence] : undefined;
  if (first >= 0) {
    let last = first;
    while (last + 1 < tokens.length && overlaps(tokens[last + 1], trigger.fullSpan)) last++;
    const around = (from: number, step: number, side: string) => {
      for (let k = 1, i = from + step; k <= WINDOW; i += step) {
        const t = tokens[i];
        if (t === undefined || t.sentence !== tokens[first].sentence) break;
        const w = wordOf(t);
        if (w === null) {
          // A comma or a stop ends the context; a symbol is skipped.
          if (t.kind !== 'punct') continue;
          add(f, `${side}${k}:punct:${t.norm}`);
          break;
        }
        add(f, `${side}${k}:${w}`);
        add(f, `${side}:${w}`);
        k++;
      }
    };
    around(first, -1, 'before');
    around(last, 1, 'after');
    // A report leads with its event (تظاهر مئات …); talk about one mentions it late.
    let wordsBefore = 0;
    for (let i = first - 1; i >= 0 && tokens[i].sentence === tokens[first].sentence; i--) {
      if (tokens[i].kind === 'word') wordsBefore++;
    }
    add(f, `trigger-at:${bucket(wordsBefore)}`);
  }
  // A count beside the trigger (مئات المتظاهرين، قتل 5) is how a report sizes what happened.
  for (const n of doc.numbers) {
    const gap = n.end <= trigger.fullSpan.start ? trigger.fullSpan.start - n.end : n.start - trigger.fullSpan.end;
    if (gap >= 0 && gap <= 20) add(f, `number-near${n.vague ? ':vague' : ''}`);
  }

  const sentenceClauses = clauses.find((list) => list.some((c) => overlaps(c, trigger.span))) ?? [];
  const clauseIndex = sentenceClauses.findIndex((c) => overlaps(c, trigger.span));
  const clause = clauseIndex < 0 ? undefined : sentenceClauses[clauseIndex];
  if (clause !== undefined) {
    // The main clause tells the news; a later one (فيما، بعد أن، مما أدى) its setting or consequence.
    add(f, `trigger-clause:${bucket(clauseIndex)}`);
    const opener = tokens.find((t) => t.start >= clause.start && t.kind === 'word');
    if (opener !== undefined && clauseIndex > 0) add(f, `clause-opener:${wordOf(opener)}`);
    // When the clause dates what it tells (أمس، الأحد، عام 2005): news, or history.
    for (const t of doc.temporals) if (within(t, clause)) add(f, `clause-temporal:${t.kind}`);
  }
  for (const cue of doc.cues) {
    if (ARGUMENT_LISTS.has(cue.list)) continue;
    // A cue earlier in the sentence, even in another clause, frames it (قال … إن، في ذكرى …).
    if (sentence !== undefined && cue.span.end <= trigger.span.start && within(cue.span, sentence)) {
      add(f, `cue-earlier:${cue.list}`);
    }
    if (clause === undefined || !within(cue.span, clause)) continue;
    const side = cue.span.end <= trigger.span.start ? 'before' : cue.span.start >= trigger.span.end ? 'after' : null;
    if (side === null) continue;
    add(f, `cue-${side}:${cue.list}`);
    add(f, `cue-${side}:${cue.list}:${cue.form}`);
  }
  return f;
}

/**
 * Features of a passage (a sentence, or a one-sentence article) with respect to a PLOVER type:
 * the features of its triggers of that type, what the rules made of them (events, modality,
 * toll, arguments), the other types it mentions, its words and word pairs, and the signs of
 * talk rather than report: questions, quotation marks, years, attribution.
 */
export function sentenceFeatures(doc: Doc, span: Span, ploverType: string): FeatureVector {
  const f = new Map<string, number>();
  const clauses = clausesOf(doc);
  const triggers = doc.triggers.filter((t) => within(t.span, span));
  const own = triggers.filter((t) => t.plover.type === ploverType);
  add(f, `triggers:${bucket(own.length)}`);
  for (const t of own) for (const [name, value] of triggerFeatures(doc, t, clauses)) add(f, name, value);
  for (const t of triggers) if (t.plover.type !== ploverType) add(f, `other-trigger:${t.plover.type}`);

  const events = doc.events.filter((e) => within(e.trigger, span));
  const ownEvents = events.filter((e) => e.plover.type === ploverType);
  add(f, `events:${bucket(ownEvents.length)}`);
  for (const e of ownEvents) {
    add(f, `event:${e.event_type}/${e.sub_event_type}`);
    add(f, `event-modality:${e.modality}`);
    if (e.plover.mode !== null) add(f, `event-mode:${e.plover.mode}`);
    if (e.fatalities > 0) add(f, 'event-fatalities');
    if ((e.injured ?? 0) > 0) add(f, 'event-injured');
    if (e.actor1 !== null) add(f, 'event-actor1');
    if (e.actor2 !== null) add(f, 'event-actor2');
    if (e.location !== null) add(f, `event-place:${e.location.geo_precision}`);
    if (e.date_text !== null) add(f, 'event-date-text');
    if (e.claimed_by !== null) add(f, 'event-claimed');
  }
  for (const e of events) if (e.plover.type !== ploverType) add(f, `other-event:${e.plover.type}`);

  for (const cue of doc.cues) if (within(cue.span, span) && !ARGUMENT_LISTS.has(cue.list)) add(f, `cue:${cue.list}`);
  for (const n of doc.numbers) if (within(n, span)) add(f, n.vague ? 'number:vague' : 'number');
  for (const t of doc.temporals) {
    if (!within(t, span)) continue;
    add(f, `temporal:${t.kind}`);
    if (t.year !== undefined && t.year !== null) add(f, 'temporal:year-named');
  }
  for (const e of doc.entities) if (within(e, span)) add(f, `entity:${e.type}`);

  const tokens = doc.tokens.filter((t) => within(t, span));
  let previous: string | null = null;
  for (const t of tokens) {
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if (t.norm === '?' || t.norm === '؟') add(f, 'question');
      if (/["«»“”]/.test(t.norm)) add(f, 'quotation');
      previous = null;
      continue;
    }
    const w = wordOf(t);
    if (w === null) continue;
    add(f, `w:${w}`);
    if (previous !== null) add(f, `w2:${previous} ${w}`);
    previous = w;
  }
  add(f, `length:${Math.min(6, Math.floor(Math.log2(tokens.length + 1)))}`);
  return f;
}
