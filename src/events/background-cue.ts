/**
 * Whether a background cue (cues.json's `background`: عام 2012، في 2012، في وقت سابق …) dates
 * what its clause tells in the past. A cue that names a year dates the past only when the year is
 * before the article's: "في عام 2018" in a report of 2018 tells of this year's news.
 */
import type { Doc } from '../core/document.js';
import { spanIndexAt } from '../core/span.js';
import { isThat } from './complementizer.js';
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

/** The background cues of the news cycle's "earlier" (packs/ar/cues.json). */
const EARLIER = 'earlier';
/** How many words after a background cue the أن or إن of a reported clause may stand. */
const THAT_REACH = 3;

/**
 * "وذكرت الشبكة في وقت سابق أن زعيم التنظيم قتل في غارة": "earlier" (the background cues of kind
 * earlier: في وقت سابق، سابقا) right before the أن or إن that opens what was said (within three
 * words) dates the saying, not what the said clause after it reports at `offset`. Other
 * background cues (العام الماضي، قبل سنوات) date what was said too.
 */
export function datesTheSaying(cue: CueMatch, doc: Doc, offset: number): boolean {
  if (cue.kind !== EARLIER) return false;
  const after = spanIndexAt(doc.tokens, cue.span.end - 1) + 1;
  if (after === 0) return false;
  for (let k = after; k < after + THAT_REACH && k < doc.tokens.length; k++) {
    const token = doc.tokens[k];
    if (token.start >= offset || token.kind === 'punct') return false;
    if (isThat(token)) return true;
  }
  return false;
}
