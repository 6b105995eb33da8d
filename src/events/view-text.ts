/**
 * Word tests on the normalised view. Rules look at the words around a trigger with regular
 * expressions; run on the original text they would miss "وَقْفِ" for "وقف" and "جبهة" for
 * "جبهه". Here both the text (a span of the view) and the patterns (written in ordinary Arabic)
 * are normalised alike.
 */
import type { Doc } from '../core/document.js';
import { normalize, toNormOffset } from '../text/normalize.js';

/** The normalised view of the original span [start, end). */
export function viewText(doc: Doc, start: number, end: number): string {
  const view = doc.view;
  return view.norm.slice(toNormOffset(view, Math.max(0, start)), toNormOffset(view, Math.max(start, end)));
}

/** A pattern written in ordinary Arabic, with its Arabic letters normalised (regex syntax untouched). */
export function viewPattern(pattern: RegExp): RegExp {
  const source = pattern.source.replace(/[\u0600-\u06ff\u00ab\u00bb\u201c\u201d]/g, (ch) => normalize(ch).norm);
  return new RegExp(source, pattern.flags);
}
