/**
 * The evaluation run: find each gold document's article in ../shared, read it through the ingest
 * code (so offsets are the product's), run the extractor and score its events against the gold.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article, ArticleInput } from '../core/article.js';
import type { Doc } from '../core/document.js';
import { ANT_CORPUS, ANT_MULTISOURCE_CORPUS, SHARED_DIR } from '../core/shared-data.js';
import type { EventRecord } from '../events/record.js';
import { toArticle } from '../app/analyze.js';
import { parseBuffer, readInputs } from '../input/read.js';
import { runPipeline } from '../pipeline/pipeline.js';
import type { PipelineContext } from '../pipeline/stages.js';
import type { GoldDocument, GoldFile } from './gold.js';
import { scoreDocuments, type PredictedEvent, type Scores } from './score.js';

/** The article a gold document is coded on, as the product reads it. */
export interface GoldArticle {
  gold: GoldDocument;
  article: Article;
}

export interface LoadedArticles {
  articles: GoldArticle[];
  /** Gold documents whose article was not found (left out of the scores). */
  missing: string[];
  /** Texts that differ from the annotated ones, body offsets that moved. */
  warnings: string[];
}

/** Gives the events an extractor finds in an article. */
export type Predictor = (article: Article) => PredictedEvent[];

export interface EvaluatedDocument extends GoldArticle {
  predicted: PredictedEvent[];
}

export interface EvalReport {
  gold: { path: string; corpus: string; version: number; documents: number; events: number };
  missing: string[];
  warnings: string[];
  scores: Scores;
}

export interface EvalRun {
  report: EvalReport;
  /** Each scored document with its article and predictions, in gold order (for --verbose). */
  documents: EvaluatedDocument[];
}

/** Raised when ../shared (or the corpus file in it) is absent; `path` names what is missing. */
export class MissingSharedDataError extends Error {
  constructor(
    readonly path: string,
    what: string,
  ) {
    super(
      `${what} not found: ${path} (the development data lives in ../shared beside the checkout; pass --shared <dir> to point elsewhere)`,
    );
    this.name = 'MissingSharedDataError';
  }
}

export async function loadGoldArticles(gold: GoldFile, sharedDir: string = SHARED_DIR): Promise<LoadedArticles> {
  if (!existsSync(sharedDir)) throw new MissingSharedDataError(sharedDir, 'shared data directory');
  const loaded = gold.$meta.corpus === 'seeds' ? await loadSeeds(gold, sharedDir) : await loadJsonl(gold, sharedDir);
  const warnings = [...loaded.warnings];
  const articles = gold.documents.flatMap((g) => {
    const read = loaded.found.get(g.doc);
    if (read === undefined) return [];
    if (sha256(read.hashed) !== g.text_sha256)
      warnings.push(`${g.doc}: text differs from the annotated one (sha256 mismatch); offsets may be wrong`);
    const article = toArticle({ ...read.input, published: g.published });
    return [{ gold: g, article }];
  });
  const missing = gold.documents.filter((g) => !loaded.found.has(g.doc)).map((g) => g.doc);
  return { articles, missing, warnings };
}

/** The product's extractor: the pipeline's events. */
export function pipelinePredictor(context: PipelineContext): Predictor {
  return (article) => eventsOf(runPipeline(article, context));
}

export async function evaluateGold(
  gold: GoldFile,
  goldPath: string,
  predict: Predictor,
  sharedDir?: string,
): Promise<EvalRun> {
  const loaded = await loadGoldArticles(gold, sharedDir);
  const documents = loaded.articles.map((a) => ({ ...a, predicted: predict(a.article) }));
  const scores = scoreDocuments(
    documents.map((d) => ({
      doc: d.gold.doc,
      gold: d.gold.events,
      predicted: d.predicted,
      notEvents: d.gold.not_events ?? [],
    })),
  );
  return {
    report: {
      gold: {
        path: goldPath,
        corpus: gold.$meta.corpus,
        version: gold.$meta.version,
        documents: gold.documents.length,
        events: gold.documents.reduce((n, d) => n + d.events.length, 0),
      },
      missing: loaded.missing,
      warnings: loaded.warnings,
      scores,
    },
    documents,
  };
}

/** The events stage fills `doc.events`; a pipeline without it finds none. */
function eventsOf(doc: Doc): EventRecord[] {
  return (doc as Doc & { events?: EventRecord[] }).events ?? [];
}

interface ReadDocument {
  input: ArticleInput;
  /** What `text_sha256` hashes: the whole file for seeds, the text for ANT. */
  hashed: string;
}

interface Found {
  found: Map<string, ReadDocument>;
  warnings: string[];
}

async function loadSeeds(gold: GoldFile, sharedDir: string): Promise<Found> {
  const dir = join(sharedDir, 'seeds');
  if (!existsSync(dir)) throw new MissingSharedDataError(dir, 'seed articles directory');
  const found = new Map<string, ReadDocument>();
  const warnings: string[] = [];
  for (const g of gold.documents) {
    const path = join(dir, g.doc);
    if (!existsSync(path)) continue;
    const buf = await readFile(path);
    const item = parseBuffer(buf, path)[0];
    if (item === undefined || item.kind === 'error') {
      warnings.push(`${g.doc}: ${item?.message ?? 'nothing read'}`);
      continue;
    }
    const file = buf.toString('utf8');
    const bodyStart = file.length - item.article.text.length;
    if (g.body_start !== undefined && g.body_start !== bodyStart) {
      warnings.push(`${g.doc}: the body starts at ${bodyStart}, the gold says ${g.body_start}; offsets may be shifted`);
    }
    found.set(g.doc, { input: item.article, hashed: file });
  }
  return { found, warnings };
}

async function loadJsonl(gold: GoldFile, sharedDir: string): Promise<Found> {
  const path = join(sharedDir, ...(gold.$meta.corpus === 'ant-ms-v2.1' ? ANT_MULTISOURCE_CORPUS : ANT_CORPUS));
  if (!existsSync(path)) throw new MissingSharedDataError(path, `${gold.$meta.corpus} corpus`);
  const wanted = new Set(gold.documents.map((g) => g.doc));
  const found = new Map<string, ReadDocument>();
  for await (const item of readInputs([path])) {
    // An unreadable record is reported only if it is a gold document, as missing.
    if (item.kind === 'error') continue;
    const id = item.article.origin.externalId;
    if (id === null || !wanted.has(id)) continue;
    found.set(id, { input: item.article, hashed: item.article.text });
    if (found.size === wanted.size) break;
  }
  return { found, warnings: [] };
}

function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}
