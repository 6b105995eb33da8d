/**
 * The normalised views of the articles being ingested, kept a little while: an article's id, its
 * full-text row and the pipeline each read the view of its text, and making one is a pass over
 * the text with two offset arrays. The id is computed first, on the thread that stores, and keeps
 * the view (`rememberedView`); the others take it from here (`viewOf`) or make their own (a
 * pipeline worker thread has its own, empty cache). Bounded by characters, oldest out first.
 */
import { normalize, type NormalizedText } from './normalize.js';

/** About 1,250 articles of the ANT corpus: a batch being extracted and the one being stored. */
const MAX_CHARS = 2_000_000;

const views = new Map<string, NormalizedText>();
let chars = 0;

/** The view of `text`, kept for the calls that follow. */
export function rememberedView(text: string): NormalizedText {
  const known = views.get(text);
  if (known) return known;
  const view = normalize(text);
  if (text.length > MAX_CHARS) return view;
  views.set(text, view);
  chars += text.length;
  for (const old of views.keys()) {
    if (chars <= MAX_CHARS) break;
    views.delete(old);
    chars -= old.length;
  }
  return view;
}

/** The view of `text`: the one kept, or a new one (not kept). */
export function viewOf(text: string): NormalizedText {
  return views.get(text) ?? normalize(text);
}
