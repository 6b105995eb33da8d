import { articleItem, type IngestItem } from '../types.js';

const TITLE_MAX_CHARS = 120;
/** A first line ending like a sentence is the start of the body, not a headline. */
const SENTENCE_END = /[.!?؟。۔…:]$/;

/**
 * A plain-text article: a short first line without a final stop is its title; the body is the
 * rest, exactly as written except for the blank lines before it (spans point into it).
 */
export function parseTxt(text: string, where: string): IngestItem {
  const firstBreak = text.indexOf('\n');
  if (firstBreak !== -1) {
    const firstLine = text.slice(0, firstBreak).trim();
    const rest = text.slice(firstBreak + 1);
    if (
      firstLine !== '' &&
      firstLine.length <= TITLE_MAX_CHARS &&
      !SENTENCE_END.test(firstLine) &&
      rest.trim() !== ''
    ) {
      return articleItem(where, { title: firstLine, text: trimLeadingBlankLines(rest) });
    }
  }
  return articleItem(where, { title: '', text: trimLeadingBlankLines(text) });
}

function trimLeadingBlankLines(s: string): string {
  return s.replace(/^(?:[ \t\r\u00a0]*\n)+/, '');
}
