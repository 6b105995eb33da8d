/**
 * Gold events (eval/gold/README.md): hand-coded events of a corpus, stored as offsets into the
 * article texts (never the texts themselves). The schema is strict so that a misspelt field in a
 * hand-edited file is an error rather than a silently missing value.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ACLED_SUB_EVENT_TYPES, isAcledEventType } from '../events/lexicon.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const GoldSpan = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start <= s.end, { message: 'span start is after its end' });

const GoldLocation = z.strictObject({
  name: z.string().min(1),
  country: z.string().length(2),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

/** Who asserts one report of the event: the span of the source's words, and the organisation it speaks for. */
const GoldClaimant = z
  .strictObject({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    organisation: z.string().min(1).nullable(),
    /** The source's other mentions in the article ("وكالة الأنباء الإماراتية" … "الوكالة"). */
    mentions: z.array(GoldSpan).optional(),
  })
  .refine((s) => s.start <= s.end, { message: 'span start is after its end' });

const Modality = z.enum(['asserted', 'claimed', 'announced', 'planned', 'denied', 'threatened']);

const GoldEvent = z
  .strictObject({
    event_type: z.string(),
    sub_event_type: z.string(),
    date: z.string().regex(DATE).nullable(),
    time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
    date_text: z.string().min(1).nullable(),
    location: GoldLocation.nullable(),
    actor1: z.string().min(1).nullable(),
    assoc_actor_1: z.array(z.string().min(1)).optional(),
    actor2: z.string().min(1).nullable(),
    assoc_actor_2: z.array(z.string().min(1)).optional(),
    /** Null when the annotator could not tell (the harness then accepts a predicted 0). */
    fatalities: z.number().int().min(0).nullable(),
    injured: z.number().int().min(0).nullable(),
    modality: Modality,
    trigger: GoldSpan,
    evidence: z.array(GoldSpan).min(1),
    /** Absent: not annotated; []: told in the outlet's own voice, no source named. */
    claimed_by: z.array(GoldClaimant).optional(),
    note: z.string().optional(),
  })
  .superRefine((e, ctx) => {
    const subTypes: readonly string[] | undefined = isAcledEventType(e.event_type)
      ? ACLED_SUB_EVENT_TYPES[e.event_type]
      : undefined;
    if (subTypes === undefined) {
      ctx.addIssue({ code: 'custom', path: ['event_type'], message: `unknown event_type "${e.event_type}"` });
    } else if (!subTypes.includes(e.sub_event_type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sub_event_type'],
        message: `"${e.sub_event_type}" is not a sub-event type of ${e.event_type}`,
      });
    }
  });

/** Why a tempting span is not an event (eval/gold/README.md, "Reason classes"). */
export const NOT_EVENT_REASONS = [
  'history',
  'aggregate',
  'generic',
  'plan_threat_call',
  'speculation',
  'negation',
  'judicial',
  'sense',
  'crime',
  'out_of_scope',
  'no_place',
] as const;

const GoldNotEvent = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  why: z.string().min(1),
  reason: z.enum(NOT_EVENT_REASONS).optional(),
});

const GoldDocument = z.strictObject({
  /** ANT: the record's `id`; seeds: the file name. */
  doc: z.string().min(1),
  /** The fixed test portion is never used to tune a rule or train a model. */
  split: z.enum(['dev', 'test']).optional(),
  published: z.string().regex(DATE).nullable(),
  text_sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Seeds: where the body (the offsets' origin) starts in the file. */
  body_start: z.number().int().min(0).optional(),
  events: z.array(GoldEvent),
  not_events: z.array(GoldNotEvent).optional(),
});

export const GOLD_CORPORA = ['seeds', 'ant-v1.1', 'ant-ms-v2.1'] as const;
export type GoldCorpus = (typeof GOLD_CORPORA)[number];

export const GoldFileSchema = z
  .strictObject({
    $meta: z.looseObject({
      description: z.string().min(1),
      annotator: z.string().min(1),
      guidelines: z.string().min(1),
      version: z.number().int(),
      corpus: z.enum(GOLD_CORPORA),
      licence: z.string().min(1),
    }),
    documents: z.array(GoldDocument),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.documents.forEach((d, i) => {
      if (seen.has(d.doc))
        ctx.addIssue({ code: 'custom', path: ['documents', i, 'doc'], message: `document "${d.doc}" listed twice` });
      seen.add(d.doc);
    });
  });

export type GoldFile = z.infer<typeof GoldFileSchema>;
export type GoldDocument = z.infer<typeof GoldDocument>;
export type GoldEvent = z.infer<typeof GoldEvent>;
export type GoldNotEvent = z.infer<typeof GoldNotEvent>;

/** Validates parsed JSON as a gold file; the error lists every problem with its path. */
export function parseGold(data: unknown, where = 'gold file'): GoldFile {
  const result = GoldFileSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${where} is not a valid gold file:\n${problems.join('\n')}`);
  }
  return result.data;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

export function loadGold(path: string): GoldFile {
  return parseGold(readJson(path), path);
}

/**
 * A second annotator's claimants for a sample of gold events (eval/gold/README.md, "Claimants"):
 * the gold file and event each entry belongs to, and its `claimed_by`.
 */
export const ClaimantReviewSchema = z.strictObject({
  $meta: z.strictObject({
    description: z.string(),
    annotator: z.string(),
    guidelines: z.string(),
    version: z.number().int(),
    licence: z.string(),
  }),
  claimants: z.array(
    z.strictObject({
      gold: z.string().min(1),
      doc: z.string().min(1),
      event: z.number().int().min(0),
      claimed_by: z.array(GoldClaimant),
    }),
  ),
});
export type ClaimantReview = z.infer<typeof ClaimantReviewSchema>;

export function loadClaimantReview(path: string): ClaimantReview {
  const result = ClaimantReviewSchema.safeParse(readJson(path));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${path} is not a valid claimant review:\n${problems.join('\n')}`);
  }
  return result.data;
}

/** Several gold files of one corpus as one: their documents in order (a document listed twice is an error). */
export function mergeGold(files: readonly { path: string; file: GoldFile }[]): GoldFile {
  const [first, ...rest] = files;
  if (first === undefined) throw new Error('no gold file given');
  for (const { path, file } of rest) {
    if (file.$meta.corpus !== first.file.$meta.corpus) {
      throw new Error(`${path}: corpus ${file.$meta.corpus}, but ${first.path} is ${first.file.$meta.corpus}`);
    }
  }
  return parseGold(
    { $meta: first.file.$meta, documents: files.flatMap(({ file }) => file.documents) },
    files.map((f) => f.path).join(', '),
  );
}

/** The documents of one split (all of them when `split` is undefined). */
export function selectSplit(gold: GoldFile, split: 'dev' | 'test' | undefined): GoldFile {
  return split === undefined ? gold : { ...gold, documents: gold.documents.filter((d) => d.split === split) };
}
