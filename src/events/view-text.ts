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

/** Below this many characters a span is tested as it is: reading it is as cheap as remembering. */
const SHORT_SPAN = 256;

/**
 * Pattern tests on parts of long spans (a clause, a sentence) that many triggers share: "does
 * the clause before this trigger hold X", "does the clause after it". Each span is read once per
 * pattern and the answer for any trigger follows from where the pattern's matches lie, so a
 * sentence of n triggers costs n, not n². Exact for the patterns given, which look at nothing
 * outside their match (no anchors, lookarounds or \b).
 */
export class SpanTests {
  /** Where, in the view, the earliest-ending match of a span's prefixes ends (Infinity: none). */
  private readonly firstEnds = new Map<string, number>();
  /** Where, in the view, the latest match of a span's suffixes starts (-1: none). */
  private readonly lastStarts = new Map<string, number>();
  private readonly whole = new Map<string, boolean>();
  private readonly ids = new Map<RegExp, number>();

  constructor(private readonly doc: Doc) {}

  private key(pattern: RegExp, from: number, to: number): string {
    let id = this.ids.get(pattern);
    if (id === undefined) this.ids.set(pattern, (id = this.ids.size));
    return `${id}:${from}:${to}`;
  }

  /** `pattern.test(viewText(doc, from, to))`, remembered per span. */
  test(pattern: RegExp, from: number, to: number): boolean {
    const key = this.key(pattern, from, to);
    let found = this.whole.get(key);
    if (found === undefined) this.whole.set(key, (found = pattern.test(viewText(this.doc, from, to))));
    return found;
  }

  /** `pattern.test(viewText(doc, from, until))` for a prefix of the span [from, spanEnd). */
  testPrefix(pattern: RegExp, from: number, until: number, spanEnd: number): boolean {
    if (until - from < SHORT_SPAN || until > spanEnd) return pattern.test(viewText(this.doc, from, until));
    const view = this.doc.view;
    const key = this.key(pattern, from, spanEnd);
    let firstEnd = this.firstEnds.get(key);
    if (firstEnd === undefined) {
      const start = toNormOffset(view, from);
      const text = viewText(this.doc, from, spanEnd);
      const m = pattern.exec(text);
      if (!m) firstEnd = Infinity;
      else {
        // No match starts before the leftmost one, and this one ends by m.index + length: the
        // earliest end lies between, at the shortest prefix from m.index that holds a match.
        let end = m.index + Math.max(1, m[0].length);
        for (let p = m.index + 1; p < end; p++) {
          if (pattern.test(text.slice(m.index, p))) end = p;
        }
        firstEnd = start + end;
      }
      this.firstEnds.set(key, firstEnd);
    }
    return toNormOffset(view, Math.max(from, until)) >= firstEnd;
  }

  /** `pattern.test(viewText(doc, from, to))` for a suffix of the span [spanStart, to). */
  testSuffix(pattern: RegExp, from: number, to: number, spanStart: number): boolean {
    if (to - from < SHORT_SPAN || from < spanStart) return pattern.test(viewText(this.doc, from, to));
    const view = this.doc.view;
    const key = this.key(pattern, spanStart, to);
    let lastStart = this.lastStarts.get(key);
    if (lastStart === undefined) {
      const start = toNormOffset(view, spanStart);
      const text = viewText(this.doc, spanStart, to);
      // Every position where a match starts, overlapping ones too: the last is what counts.
      const all = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '') + 'g');
      lastStart = -1;
      for (let m = all.exec(text); m; m = all.exec(text)) {
        lastStart = start + m.index;
        all.lastIndex = m.index + 1;
      }
      this.lastStarts.set(key, lastStart);
    }
    const at = toNormOffset(view, from);
    return lastStart >= at && lastStart < toNormOffset(view, Math.max(from, to));
  }
}
