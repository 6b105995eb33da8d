/**
 * Lookups that event extraction makes for every trigger: what a sentence holds, which cue ends
 * just before an offset. Built once per document, so each trigger looks at its own sentence's
 * few items instead of the whole document's (which made a long text cost its square).
 */
import type { Span } from '../core/span.js';
import { spanIndexAt } from '../core/span.js';
import type { CueMatch } from './triggers.js';
import type { CueProclitic } from './lexicon.js';

/** What a proclitic cue says of the word it is glued to: a cue match less its span and form. */
export type GluedCue = Pick<CueMatch, 'list' | 'kind' | 'geo_precision' | 'direction'>;

/** Items grouped by the sentence that holds them whole, each group in the items' own order. */
export function groupBySentence<T>(items: readonly T[], spanOf: (item: T) => Span, sentences: readonly Span[]): T[][] {
  const groups: T[][] = sentences.map(() => []);
  for (const item of items) {
    const span = spanOf(item);
    const s = spanIndexAt(sentences, span.start);
    if (s >= 0 && span.end <= sentences[s].end) groups[s].push(item);
  }
  return groups;
}

/** Index of the first of `sorted` (ascending) that is at least `value`. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A document's cues, by sentence and by where they end. */
export class CueIndex {
  readonly bySentence: CueMatch[][];
  /** The cues in order of their end (ties in document order), and those ends. */
  private readonly byEnd: CueMatch[];
  private readonly ends: number[];

  /** The lexicon's one-letter proclitic cues (the locative ب), which the word search cannot match. */
  private readonly glued: readonly GluedCue[];

  constructor(
    readonly all: readonly CueMatch[],
    sentences: readonly Span[],
    proclitics: readonly CueProclitic[],
  ) {
    this.bySentence = groupBySentence(all, (c) => c.span, sentences);
    this.byEnd = [...all].sort((a, b) => a.span.end - b.span.end);
    this.ends = this.byEnd.map((c) => c.span.end);
    this.glued = proclitics.map(({ list, item }) => ({
      list,
      kind: item.kind ?? null,
      geo_precision: item.geo_precision ?? null,
      direction: item.direction === true,
    }));
  }

  /** The proclitic cue of `list` (cues.json's ب of location_prepositions), or null when the lexicon has none. */
  proclitic(list: string): GluedCue | null {
    return this.glued.find((c) => c.list === list) ?? null;
  }

  /** The cues inside sentence `s`, in document order. */
  inSentence(s: number): readonly CueMatch[] {
    return this.bySentence[s] ?? [];
  }

  /**
   * The cue of `list` (and one of `kinds`, or any kind when null) ending at most `maxGap`
   * characters before `at`: the latest-ending, the first in document order on a tie.
   */
  before(list: string, kinds: readonly string[] | null, at: number, maxGap: number): CueMatch | null {
    let best: CueMatch | null = null;
    for (let i = lowerBound(this.ends, at - maxGap); i < this.byEnd.length && this.ends[i] <= at; i++) {
      const c = this.byEnd[i];
      if (c.list !== list || (kinds && !kinds.includes(c.kind ?? ''))) continue;
      if (!best || c.span.end > best.span.end) best = c;
    }
    return best;
  }
}
