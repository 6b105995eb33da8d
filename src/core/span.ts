/** A half-open range `[start, end)` in UTF-16 code units of an article's ORIGINAL text. */
export interface Span {
  start: number;
  end: number;
}

/** A span together with the text it covers, as written in the original. */
export interface Evidence extends Span {
  text: string;
}

export function evidenceOf(original: string, span: Span): Evidence {
  return { start: span.start, end: span.end, text: original.slice(span.start, span.end) };
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the span containing `offset` in sorted, non-overlapping spans, or -1 (binary search). */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < spans[mid].start) hi = mid - 1;
    else if (offset >= spans[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
