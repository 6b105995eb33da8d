/**
 * Whether a background cue (cues.json's `background`: عام 2012، في 2012، في وقت سابق …) dates
 * what its clause tells in the past. A cue that names a year dates the past only when the year is
 * before the article's: "في عام 2018" in a report of 2018 tells of this year's news.
 */
import type { Doc } from '../core/document.js';
import type { CueMatch } from './triggers.js';
import { viewText } from './view-text.js';

/** A year written in digits (1800-2099). */
export const YEAR = /(1[89]|20)\d\d/;

export function datesThePast(cue: CueMatch, doc: Doc): boolean {
  if (cue.list !== 'background') return false;
  const year = YEAR.exec(viewText(doc, cue.span.start, cue.span.end))?.[0];
  const published = doc.article.published?.slice(0, 4);
  return year === undefined || !published || year < published;
}
