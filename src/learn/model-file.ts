/**
 * The file of a trained linear model: JSON (gzipped when the name ends in .gz) holding the bias,
 * the weight of each vocabulary feature, the decision threshold, and a `$meta` block saying what
 * the model decides, what it was trained on, when, under which licence, its cross-validated
 * figures and the version of the feature code it expects. Read through the project's one pack
 * loader (src/knowledge/pack.ts).
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { bulkRecord, isFiniteNumber, PackMeta, readPack } from '../knowledge/pack.js';
import type { LinearModel } from './logistic.js';
import { vocabularyOf } from './vocabulary.js';

export const LINEAR_MODEL_FORMAT = 'marsad-logistic/1';

/** Significant digits kept of each weight: far below what changes a decision, and a small file. */
const DIGITS = 6;

const Figures = z.looseObject({
  precision: z.number().min(0).max(1),
  recall: z.number().min(0).max(1),
  f1: z.number().min(0).max(1),
});

export const LinearModelMetaSchema = PackMeta.extend({
  /** Where the training examples come from (and under which terms). */
  training_data: z.string().min(1),
  /** `YYYY-MM-DD` of training. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The feature code the weights were learned with; a model of another version is refused. */
  feature_version: z.string().min(1),
  /** How the figures were measured, and the figures. */
  cross_validation: z.looseObject({ method: z.string().min(1), figures: Figures }),
});

export type LinearModelMeta = z.infer<typeof LinearModelMetaSchema>;

export const LinearModelFileSchema = z.strictObject({
  $meta: LinearModelMetaSchema,
  format: z.literal(LINEAR_MODEL_FORMAT),
  /** Examples with a probability at or above it are positive. */
  threshold: z.number().min(0).max(1),
  bias: z.number(),
  /** Feature name → weight; features whose weight rounds to zero are left out. */
  weights: bulkRecord(isFiniteNumber, 'number'),
});

export type LinearModelFile = z.infer<typeof LinearModelFileSchema>;

/** A model ready to score, with its threshold and provenance. */
export interface SavedModel {
  model: LinearModel;
  threshold: number;
  meta: LinearModelMeta;
}

export function toModelFile(saved: SavedModel): LinearModelFile {
  const weights: Record<string, number> = {};
  saved.model.vocabulary.names.forEach((name, i) => {
    const w = round(saved.model.weights[i]);
    if (w !== 0) weights[name] = w;
  });
  return {
    $meta: saved.meta,
    format: LINEAR_MODEL_FORMAT,
    threshold: round(saved.threshold),
    bias: round(saved.model.bias),
    weights,
  };
}

export function fromModelFile(file: LinearModelFile): SavedModel {
  const vocabulary = vocabularyOf(Object.keys(file.weights));
  const weights = Float64Array.from(vocabulary.names, (name) => file.weights[name]);
  return { model: { vocabulary, weights, bias: file.bias }, threshold: file.threshold, meta: file.$meta };
}

/** The file's text: keys in a fixed order, so that the same model always gives the same bytes. */
export function serializeModel(saved: SavedModel): string {
  return `${JSON.stringify(toModelFile(saved), null, 1)}\n`;
}

export function writeModel(path: string, saved: SavedModel): void {
  const text = serializeModel(saved);
  writeFileSync(path, path.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
}

/** A model file trained on features other than those the code computes. */
export class StaleModelError extends Error {}

/** Reads and validates a model file; `featureVersion`, when given, must be the file's. */
export function readModel(path: string, featureVersion?: string): SavedModel {
  return fromModelFile(readModelFile(path, featureVersion));
}

/** The model file as written, validated: for a scorer that looks weights up by name (relevance.ts). */
export function readModelFile(path: string, featureVersion?: string): LinearModelFile {
  const file = readPack(path, LinearModelFileSchema);
  if (featureVersion !== undefined && file.$meta.feature_version !== featureVersion) {
    throw new StaleModelError(
      `${path}: trained with features ${file.$meta.feature_version}, the code computes ${featureVersion}; retrain it (npm run train)`,
    );
  }
  return file;
}

function round(x: number): number {
  const r = Number(x.toPrecision(DIGITS));
  return Object.is(r, -0) ? 0 : r;
}
