/** The extractor's JSON output for one article (events.md's record, plus the entities). */
import type { Doc } from '../core/document.js';
import { evidenceOf, type Evidence } from '../core/span.js';
import type { CandidateVerdict } from './candidates.js';
import type { ExtractionRecord } from './record.js';

export function toExtractionRecord(doc: Doc): ExtractionRecord {
  const { article } = doc;
  const origin = article.origins.find((o) => o.url || o.source) ?? article.origins[0];
  return {
    article: {
      id: article.id,
      title: article.title,
      published: article.published,
      source: origin?.source ?? null,
      url: origin?.url ?? null,
      input_id: origin?.externalId ?? null,
    },
    events: doc.events,
    entities: doc.entities.map((e) => ({
      type: e.type,
      text: e.text,
      start: e.start,
      end: e.end,
      ref: e.resolution?.id ?? null,
      rule: e.rule,
      confidence: e.confidence,
    })),
  };
}

/** A candidate as `--explain` prints it: its words, what it would be, and its verdict. */
export interface ExplainedCandidate {
  trigger: Evidence;
  entry: string;
  event_type: string;
  sub_event_type: string;
  verdict: CandidateVerdict;
  score?: number;
  /** The words of the mention it merged into, when it did (the rule and why are in its verdict). */
  merged_into?: Evidence;
}

export function explainCandidates(doc: Doc): ExplainedCandidate[] {
  return doc.candidates.map((c) => ({
    trigger: evidenceOf(doc.article.text, c.trigger),
    entry: c.entryId,
    event_type: c.event_type,
    sub_event_type: c.sub_event_type,
    verdict: c.verdict,
    ...(c.score !== undefined ? { score: c.score } : {}),
    ...(c.verdict.kept && c.verdict.mergedInto
      ? { merged_into: evidenceOf(doc.article.text, c.verdict.mergedInto) }
      : {}),
  }));
}
