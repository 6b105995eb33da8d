/**
 * How the API shows fused events: one item per occurrence with its sources and corroboration,
 * the decision in force, and (in detail) the whole record, its members and the explanation.
 */
import type { EventRecord } from '../events/record.js';
import type { FusedEvent } from '../store/repository.js';
import { withoutBidiControls, visibleUrl } from '../core/printable.js';

export interface FusedSourceView {
  articleId: string;
  eventId: string;
  /** The outlet's name (`source` says the same, as in the article summaries). */
  outlet: string | null;
  source: string | null;
  title: string;
  url: string | null;
  published: string | null;
}

type CodedFields = Omit<EventRecord, 'evidence' | 'sources'>;

export type FusedItemView = CodedFields & {
  id: string;
  fatalities_range: [number, number];
  sources: FusedSourceView[];
  /** Reports fused into this event. */
  reports: number;
  /** Distinct outlets among them: how many corroborate it. */
  outlets: number;
  review: FusedEvent['review'];
  review_status: string;
};

export interface FusedDetailView extends FusedItemView {
  /** The whole record: evidence of the earliest report and every field's source. */
  record: EventRecord;
  members: FusedEvent['members'];
  explanation: string[];
}

export function fusedItemView(f: FusedEvent): FusedItemView {
  const { evidence: _evidence, sources: _sources, ...coded } = f.record;
  return {
    ...coded,
    id: f.id,
    fatalities_range: f.fatalities_range,
    sources: f.members.map((m) => {
      const outlet = m.article.source === null ? null : withoutBidiControls(m.article.source);
      return {
        articleId: m.article.id,
        eventId: m.eventId,
        outlet,
        source: outlet,
        title: withoutBidiControls(m.article.title),
        url: m.article.url === null ? null : visibleUrl(m.article.url),
        published: m.article.published,
      };
    }),
    reports: f.members.length,
    outlets: f.outlets,
    review: f.review,
    review_status: f.review?.status ?? 'unreviewed',
  };
}

export function fusedDetailView(f: FusedEvent): FusedDetailView {
  return { ...fusedItemView(f), record: f.record, members: f.members, explanation: f.explanation };
}
