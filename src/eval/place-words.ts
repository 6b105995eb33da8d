/**
 * The place-word table (eval/places/place-words.json): occurrences of the most frequent
 * place-like words of the development corpora (names the gazetteer dictionary matches as a place
 * or a country), each judged by an annotator reading the Arabic — a place here (its gazetteer id,
 * a world city's `city:` id or a country's `country:XX`) or not a place (and why). Offsets, ids
 * and labels only, never article text. Built by scripts/place-word-table.ts; rules in
 * eval/places/README.md.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { packagePath } from '../core/paths.js';
import { ANT_CORPUS, ANT_MULTISOURCE_CORPUS, sharedFile } from '../core/shared-data.js';
import { parseJsonLine } from '../input/formats/json.js';
import type { IngestItem } from '../input/types.js';
import { parseEvalFile } from './eval-file.js';

export const PLACE_WORD_CORPORA = ['ant-v1.1', 'ant-ms-v2.1'] as const;
export type PlaceWordCorpus = (typeof PLACE_WORD_CORPORA)[number];

/** Why a place-like word is no place where it stands. */
export const PLACE_WORD_REASONS = [
  'common-word',
  'person-name',
  'organisation',
  'adjective',
  'time-word',
  'other',
] as const;

const OccurrenceSchema = z
  .strictObject({
    corpus: z.enum(PLACE_WORD_CORPORA),
    /** The record's `id`. */
    doc: z.string().min(1),
    /** The mention, half-open, in UTF-16 code units of the record's `text`. */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    /** The name key the dictionary matched (normalised words, the first without ال). */
    key: z.string().min(1),
    verdict: z.enum(['place', 'not-place']),
    /** For a place: the gazetteer id, `city:…` or `country:XX`. */
    place: z.string().min(1).nullable(),
    reason: z.enum(PLACE_WORD_REASONS).nullable(),
    note: z.string().optional(),
  })
  .superRefine((o, ctx) => {
    if (o.end <= o.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'an empty span' });
    if (o.verdict === 'place' && (o.place === null || o.reason !== null))
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'a place has its id and no reason' });
    if (o.verdict === 'not-place' && (o.place !== null || o.reason === null))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a not-place has its reason and no id' });
  });

export const PlaceWordsFileSchema = z.strictObject({
  $meta: z.looseObject({
    description: z.string().min(1),
    built: z.string().min(1),
    guidelines: z.string().min(1),
    annotator: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    licence: z.string().min(1),
  }),
  /** sha256 of each article's text, to notice a corpus that changed under the offsets. */
  documents: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** The keys of the table with their number of candidates in the corpora, most frequent first. */
  keys: z.record(z.string(), z.number().int().min(1)),
  occurrences: z.array(OccurrenceSchema),
});

export type PlaceWordsFile = z.infer<typeof PlaceWordsFileSchema>;
export type PlaceWordOccurrence = PlaceWordsFile['occurrences'][number];

export const PLACE_WORDS_PATH = packagePath('eval', 'places', 'place-words.json');

export function parsePlaceWords(data: unknown, where: string): PlaceWordsFile {
  return parseEvalFile(PlaceWordsFileSchema, data, where, 'a place-word table');
}

export function loadPlaceWords(path: string = PLACE_WORDS_PATH): PlaceWordsFile {
  return parsePlaceWords(JSON.parse(readFileSync(path, 'utf8')), path);
}

/** The corpus files of ../shared, by the name the table gives them. */
export const PLACE_WORD_CORPUS_FILES: Record<PlaceWordCorpus, string[]> = {
  'ant-v1.1': ANT_CORPUS,
  'ant-ms-v2.1': ANT_MULTISOURCE_CORPUS,
};

/** Where a record's id is written: the corpora open each line with it. */
const LEADING_ID = /^\{\s*"id"\s*:\s*"([^"]+)"/;

/**
 * The articles of the given documents as ingest reads them (its JSON reader, `published_raw` the
 * date), by `corpus/doc`; only the records asked for are parsed. Null when a corpus is absent.
 */
export async function readPlaceWordArticles(
  wanted: ReadonlySet<string>,
): Promise<Map<string, Extract<IngestItem, { kind: 'article' }>['article']> | null> {
  const found = new Map<string, Extract<IngestItem, { kind: 'article' }>['article']>();
  for (const corpus of PLACE_WORD_CORPORA) {
    if (![...wanted].some((w) => w.startsWith(`${corpus}/`))) continue;
    const path = sharedFile(...PLACE_WORD_CORPUS_FILES[corpus]);
    if (!path) return null;
    let lineNo = 0;
    for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
      lineNo++;
      const id = LEADING_ID.exec(line)?.[1];
      const key = `${corpus}/${id}`;
      if (id === undefined || !wanted.has(key)) continue;
      const item = parseJsonLine(line, `${path}:${lineNo}`, { published: 'published_raw' });
      if (item.kind === 'article') found.set(key, item.article);
    }
  }
  return found;
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
