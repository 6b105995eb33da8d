/**
 * Training data for the candidate judge, made from the gold (eval/gold/): the pipeline runs over
 * each gold article with the rules alone, and each candidate the rules keep is labelled by the
 * gold — an event when its trigger lies in the evidence of a gold event, not one otherwise (with
 * the reason of the gold's not_event around it, when there is one). Gold events no kept candidate
 * points to are kept as missed positives, so cross-validated figures are those of the whole
 * system, rules then judge.
 */
import { spanContains, spansOverlap, type Span } from '../core/span.js';
import type { GoldDocument, GoldFile } from '../eval/gold.js';
import { loadGoldArticles } from '../eval/harness.js';
import type { CvItem } from '../learn/index.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';
import type { EventCandidate } from './candidates.js';

export interface LabelledCandidate {
  doc: string;
  trigger: Span;
  entry: string;
  event_type: string;
  sub_event_type: string;
  /** The rules' verdict: kept, or the rule that rejected it. */
  rule: string;
  kept: boolean;
  label: 'event' | 'not_event';
  /** For a not_event: the reason class of the gold's not_event around it, else 'unlisted'. */
  reason: string | null;
  /** For an event: the gold event's type and sub-type. */
  gold_type: string | null;
  gold_sub_type: string | null;
}

/** The gold's answer for one candidate of a document. */
export function labelCandidate(gold: GoldDocument, c: EventCandidate): LabelledCandidate {
  const event = gold.events.find(
    (e) => e.evidence.some((span) => spanContains(span, c.trigger)) || spansOverlap(e.trigger, c.trigger),
  );
  const notEvent = event ? undefined : (gold.not_events ?? []).find((n) => spanContains(n, c.trigger));
  return {
    doc: gold.doc,
    trigger: c.trigger,
    entry: c.entryId,
    event_type: c.event_type,
    sub_event_type: c.sub_event_type,
    rule: c.verdict.rule,
    kept: c.verdict.kept,
    label: event ? 'event' : 'not_event',
    reason: event ? null : (notEvent?.reason ?? 'unlisted'),
    gold_type: event?.event_type ?? null,
    gold_sub_type: event?.sub_event_type ?? null,
  };
}

export interface JudgeData {
  /** Kept candidates (with features) and the gold events no kept candidate found. */
  items: CvItem[];
  /** Every candidate of every document, kept or not, with the gold's label. */
  labelled: LabelledCandidate[];
}

/** Runs the rules over the gold documents and labels what they propose. */
export async function judgeData(golds: readonly GoldFile[], context: PipelineContext): Promise<JudgeData> {
  const rulesOnly: PipelineContext = { ...context, events: { ...context.events, judge: null } };
  const items: CvItem[] = [];
  const labelled: LabelledCandidate[] = [];
  for (const gold of golds) {
    const loaded = await loadGoldArticles(gold);
    for (const { gold: g, article } of loaded.articles) {
      const doc = runPipeline(article, rulesOnly);
      const kept: EventCandidate[] = [];
      for (const c of doc.candidates) {
        const l = labelCandidate(g, c);
        labelled.push(l);
        if (!c.verdict.kept || c.features === undefined) continue;
        kept.push(c);
        items.push({
          features: new Map(c.features.map((f) => [f, 1])),
          label: l.label === 'event',
          group: g.doc,
          candidate: true,
        });
      }
      for (const e of g.events) {
        if (!kept.some((c) => hasTrigger(e, c.trigger))) {
          items.push({ features: new Map(), label: true, group: g.doc, candidate: false });
        }
      }
    }
  }
  return { items, labelled };
}

function hasTrigger(e: GoldDocument['events'][number], trigger: Span): boolean {
  return e.evidence.some((span) => spanContains(span, trigger)) || spansOverlap(e.trigger, trigger);
}

/** Kept candidates of these articles as examples of one label (articles a section says are no conflict news). */
export function weakExamples(
  articles: readonly { id: string; article: Parameters<typeof runPipeline>[0] }[],
  label: boolean,
  context: PipelineContext,
): CvItem[] {
  const rulesOnly: PipelineContext = { ...context, events: { ...context.events, judge: null } };
  const items: CvItem[] = [];
  for (const { id, article } of articles) {
    for (const c of runPipeline(article, rulesOnly).candidates) {
      if (!c.verdict.kept || c.features === undefined) continue;
      items.push({ features: new Map(c.features.map((f) => [f, 1])), label, group: id, candidate: true });
    }
  }
  return items;
}
