/**
 * A theatre's hand-written additions to its gazetteer, named by the manifest's
 * `places_additions` and read when the gazetteer loads (no rebuild, no shared dataset needed):
 *
 * - `fixes`: press spellings of places the theatre's gazetteer already holds, by id
 *   ("ye-gn-71234" gets "التحيتا" beside the source's "التحيتاء");
 * - `places`: places it lacks, in the place schema (src/knowledge/places-schema.ts).
 *
 * Every entry carries its evidence: how often each spelling follows a place cue (مدينة، بلدة،
 * مديرية، جنوب...) in each corpus it was counted in, and why it is that place (the source record
 * it maps to, or where the coordinates come from). Counts and ids only: no article text.
 */
import { z } from 'zod';
import { PackMeta } from './pack.js';
import { placeSchema } from './places-schema.js';

const nonEmpty = z.string().trim().min(1);

const corpusCounts = z.record(z.string().regex(/^[a-z0-9-]+$/, 'a corpus folder name'), z.number().int().nonnegative());

export const additionEvidenceSchema = z.strictObject({
  /**
   * Spelling → corpus (a folder of ../shared/datasets) → times it follows a place cue there,
   * the spelling read as the matcher reads it (harakat, hamza forms, ة/ه, ى/ي ignored; ال and a
   * glued preposition allowed).
   */
  cue_counts: z.record(nonEmpty, corpusCounts),
  /** Spelling → corpus → times it is written there at all (after a cue or not). */
  mentions: z.record(nonEmpty, corpusCounts).optional(),
  /** The place it is and how that was decided: the source record (name, id) and what the press form changes. */
  why: nonEmpty,
});
export type AdditionEvidence = z.infer<typeof additionEvidenceSchema>;

/** The spellings counted that are none of the entry's names (each counted spelling must be one). */
function strangers(names: readonly string[], evidence: AdditionEvidence): string[] {
  const counted = [...Object.keys(evidence.cue_counts), ...Object.keys(evidence.mentions ?? {})];
  return [...new Set(counted)].filter((spelling) => !names.includes(spelling));
}

const notAName = (spelling: string) => ({
  code: 'custom' as const,
  path: ['evidence', 'cue_counts', spelling],
  message: `"${spelling}" is not one of the entry's names`,
});

export const placeFixSchema = z
  .strictObject({
    /** The id of a place of the theatre's gazetteer. */
    id: z.string().regex(/^[a-z]{2,3}-[a-z0-9-]+$/),
    aliases_ar: z.array(nonEmpty).min(1),
    aliases_en: z.array(nonEmpty).optional(),
    evidence: additionEvidenceSchema,
  })
  .superRefine((fix, ctx) => strangers(fix.aliases_ar, fix.evidence).forEach((s) => ctx.addIssue(notAName(s))));
export type PlaceFix = z.infer<typeof placeFixSchema>;

export const addedPlaceSchema = placeSchema
  .extend({ evidence: additionEvidenceSchema })
  .superRefine((place, ctx) =>
    strangers([place.name_ar, ...place.aliases_ar], place.evidence).forEach((s) => ctx.addIssue(notAName(s))),
  );

export const placeAdditionsFileSchema = z.strictObject({
  $meta: PackMeta,
  fixes: z.array(placeFixSchema).default([]),
  places: z.array(addedPlaceSchema).default([]),
});
export type PlaceAdditionsFile = z.infer<typeof placeAdditionsFileSchema>;
