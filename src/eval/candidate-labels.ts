/**
 * Labelled candidates (eval/labels/candidates-*.json): the extractor's candidate event mentions
 * in articles outside the gold, each judged by an annotator — an event (and its right type) or
 * not (and the reason class of eval/gold/README.md). They add to the candidates the gold labels
 * (src/events/judge-train.ts) where full event annotation would cost too much. Offsets and labels
 * only, never article text; `split` is the gold's rule (a hash of the id), and test candidates
 * are never trained on.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { packagePath } from '../core/paths.js';
import { ACLED_SUB_EVENT_TYPES } from '../events/lexicon.js';
import { NOT_EVENT_REASONS } from './gold.js';
import { loadEvalFiles, parseEvalFile } from './eval-file.js';

const Span = z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) });

const LabelledCandidateSchema = z
  .strictObject({
    doc: z.string().min(1),
    split: z.enum(['dev', 'test']),
    trigger: Span,
    /** The trigger lexicon's entry and the type the rules proposed. */
    entry: z.string(),
    event_type: z.string(),
    sub_event_type: z.string(),
    /** The rules' verdict when drawn: kept, or the rule that rejected it. */
    kept: z.boolean(),
    rule: z.string(),
    /** The annotator's answer; null while unlabelled. */
    label: z.enum(['event', 'not_event']).nullable(),
    reason: z.enum(NOT_EVENT_REASONS).nullable(),
    gold_type: z.string().nullable(),
    gold_sub_type: z.string().nullable(),
    /**
     * For an event in an article with more than one: which occurrence of the article it tells
     * (1, 2 …; the same number for two tellings of one occurrence). Absent until grouped.
     */
    occurrence: z.number().int().min(1).optional(),
    note: z.string(),
  })
  .superRefine((c, ctx) => {
    if (c.occurrence !== undefined && c.label !== 'event')
      ctx.addIssue({ code: 'custom', path: ['occurrence'], message: 'only an event has an occurrence' });
    if (c.label === 'not_event' && c.reason === null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a not_event needs its reason class' });
    if (c.label === 'event') {
      const subs = (ACLED_SUB_EVENT_TYPES as Record<string, readonly string[]>)[c.gold_type ?? ''];
      if (!subs)
        ctx.addIssue({ code: 'custom', path: ['gold_type'], message: `not an ACLED event type: ${c.gold_type}` });
      else if (!subs.includes(c.gold_sub_type ?? ''))
        ctx.addIssue({
          code: 'custom',
          path: ['gold_sub_type'],
          message: `not a sub-type of ${c.gold_type}: ${c.gold_sub_type}`,
        });
    }
  });

export const CandidateLabelsFileSchema = z.strictObject({
  $meta: z.looseObject({
    description: z.string().min(1),
    corpus: z.literal('ant-ms-v2.1'),
    annotator: z.string().min(1),
    guidelines: z.string().min(1),
    licence: z.string().min(1),
    batch: z.number().int().min(1),
  }),
  /** sha256 of each article's text, to notice a corpus that changed under the offsets. */
  documents: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  candidates: z.array(LabelledCandidateSchema),
});

export type CandidateLabelsFile = z.infer<typeof CandidateLabelsFileSchema>;
export type LabelledCandidateRecord = CandidateLabelsFile['candidates'][number];

export const CANDIDATE_LABELS_DIR = packagePath('eval', 'labels');

/** The publication day, which ends every ANT multi-source id (AL-culture-1-20180218). */
export function publishedOfId(doc: string): string | null {
  const m = /-(\d{4})(\d{2})(\d{2})$/.exec(doc);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** The gold's split rule: a third of the ids, by hash, are test. */
export function splitOf(doc: string): 'dev' | 'test' {
  return parseInt(createHash('sha256').update(`split:${doc}`).digest('hex').slice(0, 8), 16) % 3 === 0 ? 'test' : 'dev';
}

export function parseCandidateLabels(data: unknown, where: string): CandidateLabelsFile {
  return parseEvalFile(CandidateLabelsFileSchema, data, where, 'a candidate labels file');
}

/** Every candidate labels file of eval/labels (none when the folder is absent). */
export function loadCandidateLabels(dir: string = CANDIDATE_LABELS_DIR): { path: string; file: CandidateLabelsFile }[] {
  return loadEvalFiles(dir, /^candidates-\d+\.json$/, parseCandidateLabels);
}
