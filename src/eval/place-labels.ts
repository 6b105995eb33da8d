/**
 * Place labels (eval/labels/places-*.json): the place of each labelled event occurrence of
 * eval/labels/candidates-*.json, in the gold's form (src/eval/gold.ts `location`), so that place
 * selection can be tuned on the dev split and measured on the test one. One file a batch; each
 * entry names its occurrence by (doc, occurrence) or, for an article's only event, by the
 * trigger's start. Ids, names and coordinates only, never article text.
 */
import { z } from 'zod';
import { CANDIDATE_LABELS_DIR, type CandidateLabelsFile } from './candidate-labels.js';
import { loadEvalFiles, parseEvalFile } from './eval-file.js';

/** Why an event occurrence has no place label. */
export const NO_PLACE_REASONS = ['no_place_named', 'country_only', 'not_in_gazetteer', 'unclear'] as const;

/** Where the coordinates come from: our packs (the id is the pipeline's ref) or the Arab-world gazetteer. */
export const PLACE_SOURCES = ['packs', 'gazetteer-arab-world'] as const;

const Location = z.strictObject({
  name: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

const PlaceLabelSchema = z
  .strictObject({
    doc: z.string().min(1),
    split: z.enum(['dev', 'test']),
    /** The occurrence number of candidates-N.json, or null for an article's only event… */
    occurrence: z.number().int().min(1).nullable(),
    /** …which is then named by its trigger's start. */
    trigger_start: z.number().int().min(0).nullable(),
    location: Location.nullable(),
    /** The entry the coordinates come from: a pipeline ref (`city:…`, `country:XX`, a pack id) or `gn:…`. */
    gazetteer_id: z.string().min(1).nullable(),
    source: z.enum(PLACE_SOURCES).nullable(),
    /** Why there is no location. */
    reason: z.enum(NO_PLACE_REASONS).nullable(),
    note: z.string(),
  })
  .superRefine((p, ctx) => {
    if ((p.occurrence === null) === (p.trigger_start === null))
      ctx.addIssue({
        code: 'custom',
        path: ['occurrence'],
        message: 'give an occurrence or a trigger_start, not both',
      });
    if (p.location === null && p.reason === null)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a null location needs its reason' });
    if (p.location !== null && (p.reason !== null || p.gazetteer_id === null || p.source === null))
      ctx.addIssue({
        code: 'custom',
        path: ['location'],
        message: 'a location needs its gazetteer_id and source, no reason',
      });
    if (p.source === 'gazetteer-arab-world' && !p.gazetteer_id?.startsWith('gn:'))
      ctx.addIssue({ code: 'custom', path: ['gazetteer_id'], message: 'an Arab-world gazetteer id is gn:<n>' });
  });

export const PlaceLabelsFileSchema = z.strictObject({
  $meta: z.looseObject({
    description: z.string().min(1),
    corpus: z.literal('ant-ms-v2.1'),
    annotator: z.string().min(1),
    guidelines: z.string().min(1),
    licence: z.string().min(1),
    batch: z.number().int().min(1),
  }),
  places: z.array(PlaceLabelSchema),
});

export type PlaceLabelsFile = z.infer<typeof PlaceLabelsFileSchema>;
export type PlaceLabel = PlaceLabelsFile['places'][number];
type Candidate = CandidateLabelsFile['candidates'][number];

/** An event occurrence of a candidates file: its key and its candidates (tellings). */
export interface Occurrence {
  doc: string;
  split: 'dev' | 'test';
  occurrence: number | null;
  trigger_start: number | null;
  candidates: Candidate[];
}

export const occurrenceKey = (o: { doc: string; occurrence: number | null; trigger_start: number | null }): string =>
  o.occurrence !== null ? `${o.doc}#${o.occurrence}` : `${o.doc}@${o.trigger_start}`;

/** The event occurrences of a candidates file, in file order. */
export function occurrencesOf(file: CandidateLabelsFile): Occurrence[] {
  const byKey = new Map<string, Occurrence>();
  for (const c of file.candidates) {
    if (c.label !== 'event') continue;
    const o: Occurrence = {
      doc: c.doc,
      split: c.split,
      occurrence: c.occurrence ?? null,
      trigger_start: c.occurrence === undefined ? c.trigger.start : null,
      candidates: [],
    };
    const key = occurrenceKey(o);
    const hit = byKey.get(key) ?? o;
    hit.candidates.push(c);
    byKey.set(key, hit);
  }
  return [...byKey.values()];
}

export function parsePlaceLabels(data: unknown, where: string): PlaceLabelsFile {
  return parseEvalFile(PlaceLabelsFileSchema, data, where, 'a place labels file');
}

/** Problems of a place file against its candidates file: unknown occurrences, wrong splits, duplicates. */
export function placeLabelProblems(places: PlaceLabelsFile, candidates: CandidateLabelsFile): string[] {
  const occurrences = new Map(occurrencesOf(candidates).map((o) => [occurrenceKey(o), o]));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const p of places.places) {
    const key = occurrenceKey(p);
    const o = occurrences.get(key);
    if (!o) problems.push(`${key}: no such event occurrence in batch ${candidates.$meta.batch}`);
    else if (o.split !== p.split) problems.push(`${key}: split ${p.split}, the candidates say ${o.split}`);
    if (seen.has(key)) problems.push(`${key}: labelled twice`);
    seen.add(key);
  }
  return problems;
}

/** Every place labels file of eval/labels (none when the folder is absent). */
export function loadPlaceLabels(dir: string = CANDIDATE_LABELS_DIR): { path: string; file: PlaceLabelsFile }[] {
  return loadEvalFiles(dir, /^places-\d+\.json$/, parsePlaceLabels);
}
