/**
 * The features the learned judge reads of a candidate the rules kept: what the trigger is, the
 * words around it, the cues of its sentence (negation, plans, background, attribution...), the
 * arguments the rules found for it, its date against publication, its place in the article, and
 * the article as a whole. Binary features as strings, so a linear model can weigh them and a
 * reader can see why it scored as it did. Bump FEATURE_VERSION when their meaning changes: a
 * model trained on other features must not be used.
 */
import type { Doc, NumberMention, Sentence } from '../core/document.js';
import { spanIndexAt, type Span } from '../core/span.js';
import { daysBetween, parseIsoDate } from '../text/calendar.js';
import { ARGUMENT_LISTS } from './lexicon.js';
import type { CueMatch, TriggerMatch } from './triggers.js';
import type { Modality } from './record.js';

export const FEATURE_VERSION = 'candidate/3';

/** What the rules found for a kept candidate, as the judge reads it. */
export interface CandidateFacts {
  trigger: TriggerMatch;
  sentenceIndex: number;
  sentence: Sentence;
  clause: Span;
  modality: Modality;
  /** The event type after the rules re-typed it. */
  eventType: string;
  placeInClause: boolean;
  placePrecision: 1 | 2 | 3 | null;
  actor1Inter: number | null;
  actor2Inter: number | null;
  /** Days from the event's date to publication (negative: after it), null when either is unknown. */
  daysBeforePublication: number | null;
  /** The cues and numbers of the trigger's sentence, in document order. */
  sentenceCues: readonly CueMatch[];
  sentenceNumbers: readonly NumberMention[];
}

/** Features of the whole article, computed once per document. */
export interface ArticleFeatures {
  features: string[];
  /** The event types the headings' triggers name: a candidate of one tells the story's news. */
  headingTypes: ReadonlySet<string>;
  /** How many triggers of each lexicon entry the article holds: the story's event is told again and again. */
  entryCounts: ReadonlyMap<string, number>;
}

const WINDOW = 3;
const VIOLENT = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Riots']);

/** `relevance`: the article relevance model's score (relevance.ts), when there is one. */
export function articleFeatures(doc: Doc, relevance: number | null): ArticleFeatures {
  const violentSentences = new Set<number>();
  for (const t of doc.triggers) {
    if (!VIOLENT.has(t.event_type) || t.weak) continue;
    violentSentences.add(spanIndexAt(doc.sentences, t.span.start));
  }
  const share = doc.sentences.length ? violentSentences.size / doc.sentences.length : 0;
  const headingTypes = new Set<string>();
  const entryCounts = new Map<string, number>();
  for (const t of doc.triggers) {
    entryCounts.set(t.entryId, (entryCounts.get(t.entryId) ?? 0) + 1);
    if (!t.weak && doc.sentences[spanIndexAt(doc.sentences, t.span.start)]?.heading) headingTypes.add(t.event_type);
  }
  const title = doc.sentences[0]?.heading ? doc.sentences[0] : null;
  const titleTrigger = title ? doc.triggers.some((t) => t.span.start < title.end && VIOLENT.has(t.event_type)) : false;
  return {
    features: [
      `art.violent-sentences=${bucket(violentSentences.size, [0, 1, 2, 4])}`,
      `art.violent-share=${bucket(Math.round(share * 10), [0, 1, 2, 4])}`,
      `art.sentences=${bucket(doc.sentences.length, [1, 3, 8, 20])}`,
      ...(titleTrigger ? ['art.heading-violent'] : []),
      ...(relevance === null ? [] : [`art.relevance=${Math.min(4, Math.floor(relevance * 5))}`]),
    ],
    headingTypes,
    entryCounts,
  };
}

export function candidateFeatures(doc: Doc, facts: CandidateFacts, article: ArticleFeatures): string[] {
  const { trigger: t, sentence, clause } = facts;
  const f: string[] = [
    'bias',
    `entry=${t.entryId}`,
    `type=${facts.eventType}`,
    `pos=${t.pos}`,
    `tense=${t.tense ?? '-'}`,
    `form=${t.form}`,
    `modality=${facts.modality}`,
    `proclitic=${t.proclitic || '-'}`,
    `sentence=${bucket(facts.sentenceIndex, [0, 1, 2, 5])}`,
    `place=${facts.placePrecision ?? '-'}${facts.placeInClause ? '-clause' : ''}`,
    `actor1=${facts.actor1Inter ?? '-'}`,
    `actor2=${facts.actor2Inter ?? '-'}`,
    `days=${daysBucket(facts.daysBeforePublication)}`,
    ...article.features,
  ];
  if (t.weak) f.push('weak');
  if (article.headingTypes.has(t.event_type)) f.push('heading-same-type');
  f.push(`entry-told=${bucket(article.entryCounts.get(t.entryId) ?? 1, [1, 2, 4])}`);
  if (t.territory) f.push('territory');

  // Words around the trigger, inside its sentence, by position and as a bag.
  const tokens = doc.tokens;
  const at = spanIndexAt(tokens, t.span.start);
  for (let d = -WINDOW; d <= WINDOW; d++) {
    if (d === 0) continue;
    const token = tokens[at + d];
    if (!token || token.sentence !== facts.sentenceIndex || token.kind !== 'word') continue;
    f.push(`w${d > 0 ? '+' : ''}${d}=${token.stem}`, `win=${token.stem}`);
  }
  for (const token of tokens.slice(Math.max(0, at - 12), at + 12)) {
    if (token.sentence === facts.sentenceIndex && token.kind === 'word' && token.stem.length > 2) {
      f.push(`near=${token.stem}`);
    }
  }

  // Cues: before the trigger in its clause, elsewhere in its sentence.
  for (const c of facts.sentenceCues) {
    if (ARGUMENT_LISTS.has(c.list)) continue;
    const where = c.span.end <= t.span.start ? (c.span.start >= clause.start ? 'clause-before' : 'before') : 'after';
    f.push(`cue.${where}=${c.list}`, `cue.${c.list}=${c.kind ?? '-'}`);
  }

  // The sentence's shape: a question, a quotation, numbers, years of the past.
  const text = doc.article.text.slice(sentence.start, sentence.end);
  if (/[؟?]/.test(text)) f.push('question');
  const quotesBefore = (doc.article.text.slice(sentence.start, t.span.start).match(/[«»"“”]/g) ?? []).length;
  if (quotesBefore % 2 === 1) f.push('in-quotation');
  const numbers = facts.sentenceNumbers;
  if (numbers.length) f.push('numbers');
  const published = doc.article.published ? Number(doc.article.published.slice(0, 4)) : null;
  if (numbers.some((n) => n.value >= 1900 && n.value <= 2100 && published !== null && n.value < published)) {
    f.push('past-year');
  }
  return f;
}

/** Days from `date` to `published`, or null. */
export function daysBeforePublication(date: string | null, published: string | null): number | null {
  const from = date ? parseIsoDate(date) : null;
  const to = published ? parseIsoDate(published) : null;
  return from && to ? daysBetween(from, to) : null;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return String(e);
  return `>${edges[edges.length - 1]}`;
}

function daysBucket(days: number | null): string {
  if (days === null) return '-';
  if (days < 0) return 'after';
  if (days <= 1) return String(days);
  if (days <= 7) return 'week';
  if (days <= 31) return 'month';
  return 'older';
}
