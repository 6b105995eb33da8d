/**
 * The word lists of packs/ar/coreference.json: recap openers, the attack nouns that with the
 * article point back to an event already told (الهجوم، القصف), demonstratives, and the verbs of
 * using a weapon. The merge rules and the coreference model both read them.
 */
import { z } from 'zod';
import { join } from 'node:path';
import { readPack, PackMeta, repositoryPacksDir } from '../knowledge/pack.js';
import { normalizeForMatch } from '../text/normalize.js';

const WordList = z.strictObject({ note: z.string().min(1), stems: z.array(z.string().min(1)).min(1) });
const CoreferenceWordsSchema = z.strictObject({
  $meta: PackMeta,
  summary: z.strictObject({ note: z.string().min(1), phrases: z.array(z.string().min(1)).min(1) }),
  back_reference: WordList,
  demonstratives: WordList,
  separate: z.strictObject({ note: z.string().min(1), phrases: z.array(z.string().min(1)).min(1) }),
  instrument: WordList,
});

/** The word lists of packs/ar/coreference.json, normalised as token stems are. */
export interface CoreferenceWords {
  /** Each phrase as its words' normalised forms. */
  summary: string[][];
  backReference: ReadonlySet<string>;
  demonstratives: ReadonlySet<string>;
  /** Any of the phrases that tell another occurrence, on the normalised view (a proclitic allowed). */
  separate: RegExp;
  /** Verbs of using a weapon: a weapon right after one is how an event was fought. */
  instrument: ReadonlySet<string>;
}

let words: CoreferenceWords | null = null;

export function loadCoreferenceWords(packsDir: string = repositoryPacksDir()): CoreferenceWords {
  if (words && packsDir === repositoryPacksDir()) return words;
  const file = readPack(join(packsDir, 'ar', 'coreference.json'), CoreferenceWordsSchema);
  const norm = (s: string) => normalizeForMatch(s);
  const loaded: CoreferenceWords = {
    summary: file.summary.phrases.map((p) => norm(p).split(' ')),
    backReference: new Set(file.back_reference.stems.map(norm)),
    demonstratives: new Set(file.demonstratives.stems.map(norm)),
    separate: anyPhrase(file.separate.phrases.map(norm)),
    instrument: new Set(file.instrument.stems.map(norm)),
  };
  if (packsDir === repositoryPacksDir()) words = loaded;
  return loaded;
}

function anyPhrase(phrases: readonly string[]): RegExp {
  const escaped = phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(^|\\s)[وفب]?(${escaped.join('|')})`);
}
