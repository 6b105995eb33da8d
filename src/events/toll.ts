/**
 * Tolls: how many were killed and injured, from casualty words and the numbers next to them
 * (خمسة قتلى، مقتل ثلاثة، سقوط 5 قتلى، 11 جريحاً، إصابة سبعة آخرين، مقتل طفلين). Sub-counts after
 * بينهم/منهم are not added again; several figures for the same toll keep the lowest; "the toll
 * rose to N" reports a revised total.
 */
import type { Doc, NumberMention, Token } from '../core/document.js';
import { spanIndexAt, type Span } from '../core/span.js';
import type { CueMatch } from './triggers.js';

export interface TollFigure extends Span {
  kind: 'killed' | 'injured';
  value: number;
  vague: boolean;
  /** A revised total ("ارتفعت الحصيلة إلى"): it replaces earlier figures instead of competing. */
  revised: boolean;
  /** Where the number itself is written. */
  number: Span;
  /** Characters between the number and its casualty word. */
  distance: number;
}

/** Singular nouns for people whose dual (طفلين، شخصين) counts two. */
const PERSON_SINGULARS = new Set([
  'شخص',
  'طفل',
  'مدني',
  'جندي',
  'عنصر',
  'مسلح',
  'شرطي',
  'رجل',
  'مواطن',
  'مهاجر',
  'عسكري',
  'ضابط',
  'مقاتل',
  'صحفي',
  'ناشط',
  'قتيل',
  'جريح',
  'مصاب',
  'شقيق',
  'امراه',
  'سائق',
  'حارس',
  'موظف',
]);
const DUAL_SUFFIXES = ['ين', 'ان'];

function dualOf(token: Token): number | null {
  const stem = token.stem.replace(/^ال/, '');
  for (const suffix of DUAL_SUFFIXES) {
    if (stem.endsWith(suffix)) {
      const base = stem.slice(0, -suffix.length);
      if (PERSON_SINGULARS.has(base) || PERSON_SINGULARS.has(base.replace(/ت$/, 'ه'))) return 2;
    }
  }
  return null;
}

/**
 * The toll figures of a sentence. `cues` and `numbers` may be the whole document's or, for a
 * caller that asks of every sentence, already the sentence's own (the same figures, found
 * without reading the document each time).
 */
export function findTolls(
  doc: Doc,
  cues: readonly CueMatch[],
  sentence: Span,
  sentenceNumbers: readonly NumberMention[] = doc.numbers,
): TollFigure[] {
  const figures: TollFigure[] = [];
  const casualty = cues.filter(
    (c) => c.list === 'casualty' && c.span.start >= sentence.start && c.span.end <= sentence.end,
  );
  if (casualty.length === 0) return figures;
  const subcountAt = casualty.find((c) => c.kind === 'subcount')?.span.start ?? Infinity;
  const numbers = sentenceNumbers.filter(
    (n) => n.start >= sentence.start && n.end <= sentence.end && n.start < subcountAt,
  );
  const tokens = sentenceTokens(doc, sentence);
  const tokenIndexAt = (offset: number) => spanIndexAt(tokens, offset);
  const revisedFrom = casualty.filter((c) => c.kind === 'toll').map((c) => c.span.start);
  const otherCueBetween = (cue: CueMatch, from: number, to: number) =>
    casualty.some((c) => c !== cue && c.span.start >= from && c.span.end <= to);

  for (const cue of casualty) {
    if (cue.kind !== 'killed' && cue.kind !== 'injured') continue;
    if (cue.span.start >= subcountAt) continue;
    const at = tokenIndexAt(cue.span.start);
    if (at < 0) continue;
    const endAt = Math.max(at, tokenIndexAt(cue.span.end - 1));
    // A number just before the casualty word (خمسة قتلى، 11 جريحا), up to five words before it
    // after لقي ("لقي 3 أشخاص على الأقل مصرعهم"), or just after it (مقتل خمسة، إصابة سبعة آخرين);
    // never across another casualty word ("مقتل 5 … وأصابوا 7"، "مصرعهم وأصيب 12").
    const afterLaqiya = cue.kind === 'killed' && tokens.slice(Math.max(0, at - 6), at).some((t) => LAQIYA.has(t.stem));
    const reach = afterLaqiya ? 5 : 2;
    const near = (n: NumberMention) => {
      const i = tokenIndexAt(n.start);
      if (i < 0) return false;
      if (i < at) return at - i <= reach && !otherCueBetween(cue, n.end, cue.span.start);
      return i > endAt && i - endAt <= 2 && !otherCueBetween(cue, cue.span.end, n.start);
    };
    // A phrase cue may hold its own number (سقوط خمسة قتلى): that one wins.
    const inside = numbers.filter((n) => n.start >= cue.span.start && n.end <= cue.span.end);
    const candidates = inside.length ? inside : numbers.filter(near);
    let figure: { value: number; vague: boolean; span: Span } | null = null;
    // A dual casualty word counts itself: "سقوط قتيلين وثلاثة جرحى" is two dead, whatever follows.
    const ownDual = at === endAt ? dualOf(tokens[at]) : null;
    if (ownDual) figure = { value: ownDual, vague: false, span: tokens[at] };
    else if (candidates.length) {
      // A counted noun follows its number (5 قتلى و11 جريحا); a verb or verbal noun precedes it
      // (مقتل خمسة، أصابوا 7): each takes its own side first.
      const before = candidates.filter((n) => n.end <= cue.span.start);
      const after = candidates.filter((n) => n.start >= cue.span.end);
      const counted = COUNTED_NOUNS.has(tokens[at].stem.replace(/^ال/, ''));
      const chosen = inside[0] ?? (counted ? (before.at(-1) ?? after[0]) : (after[0] ?? before.at(-1)));
      figure = { value: chosen.value, vague: chosen.vague, span: chosen };
    } else {
      const dual = tokens[endAt + 1] ? dualOf(tokens[endAt + 1]) : null;
      if (dual) figure = { value: 2, vague: false, span: tokens[endAt + 1] };
      else if (
        /^(قتل|مقتل|مصرع|استشهاد)$/.test(tokens[at].stem) &&
        tokens[endAt + 1]?.kind === 'word' &&
        !/^(و|في|من|على|ب)/.test(tokens[endAt + 1].norm)
      ) {
        // "مقتل شخص"، "إصابة جندي": a singular victim counts one.
        if (PERSON_SINGULARS.has(tokens[endAt + 1].stem.replace(/^ال/, '')))
          figure = { value: 1, vague: false, span: tokens[endAt + 1] };
      }
    }
    if (!figure) continue;
    const start = Math.min(cue.span.start, figure.span.start);
    const end = Math.max(cue.span.end, figure.span.end);
    figures.push({
      start,
      end,
      kind: cue.kind,
      value: figure.value,
      vague: figure.vague,
      revised: revisedFrom.some((r) => r < start && start - r < 60),
      number: { start: figure.span.start, end: figure.span.end },
      distance: Math.min(Math.abs(figure.span.start - cue.span.end), Math.abs(cue.span.start - figure.span.end)),
    });
  }
  return onePerNumber(figures);
}

const LAQIYA = new Set(['لقي', 'لقيت', 'لقوا']);
/** Casualty nouns written after their number (normalised). */
const COUNTED_NOUNS = new Set([
  'قتيل',
  'قتلي',
  'قتيلا',
  'جريح',
  'جرحي',
  'جريحا',
  'مصاب',
  'مصابين',
  'مصابون',
  'مصابا',
  'شهيد',
  'شهداء',
  'جثه',
  'جثث',
  'ضحيه',
  'ضحايا',
]);

/** The tokens of one sentence, by binary search (tokens are in text order). */
function sentenceTokens(doc: Doc, sentence: Span): Token[] {
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < sentence.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end].end <= sentence.end) end++;
  return tokens.slice(lo, end);
}

/** A number next to two casualty words (قتلى and جرحى) counts once: for the nearer word. */
function onePerNumber(figures: TollFigure[]): TollFigure[] {
  const best = new Map<number, TollFigure>();
  for (const f of figures) {
    const held = best.get(f.number.start);
    if (!held || f.distance < held.distance) best.set(f.number.start, f);
  }
  return figures.filter((f) => best.get(f.number.start) === f);
}

/** The toll of one event from its figures: revised totals win, else the lowest report. */
export function summariseToll(
  figures: readonly TollFigure[],
  kind: 'killed' | 'injured',
): { value: number; chosen: TollFigure; figures: TollFigure[] } | null {
  const of = figures.filter((f) => f.kind === kind);
  if (of.length === 0) return null;
  const revised = of.filter((f) => f.revised);
  const pool = revised.length ? revised.slice(-1) : of;
  const chosen = pool.reduce((a, b) => (b.value < a.value ? b : a));
  return { value: chosen.value, chosen, figures: of };
}
