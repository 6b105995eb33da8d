/**
 * Tolls: how many were killed and injured, from casualty words and the numbers next to them
 * (خمسة قتلى، مقتل ثلاثة، سقوط 5 قتلى، 11 جريحاً، إصابة سبعة آخرين، مقتل طفلين). Sub-counts after
 * بينهم/منهم are not added again; several figures for the same toll keep the lowest; "the toll
 * rose to N" reports a revised total.
 */
import type { Doc, NumberMention, Token } from '../core/document.js';
import type { Span } from '../core/span.js';
import type { CueMatch } from './triggers.js';
import { toNormOffset } from '../text/normalize.js';

export interface TollFigure extends Span {
  kind: 'killed' | 'injured';
  value: number;
  vague: boolean;
  /** A revised total ("ارتفعت الحصيلة إلى"): it replaces earlier figures instead of competing. */
  revised: boolean;
  /** The casualty word and number as written. */
  evidence: Span;
}

/** Singular nouns for people whose dual (طفلين، شخصين) counts two. */
const PERSON_SINGULARS = new Set([
  'شخص', 'طفل', 'مدني', 'جندي', 'عنصر', 'مسلح', 'شرطي', 'رجل', 'مواطن', 'مهاجر', 'عسكري', 'ضابط', 'مقاتل', 'صحفي', 'ناشط', 'قتيل', 'جريح', 'مصاب', 'شقيق', 'امراه', 'سائق', 'حارس', 'موظف',
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

export function findTolls(doc: Doc, cues: readonly CueMatch[], sentence: Span): TollFigure[] {
  const figures: TollFigure[] = [];
  const casualty = cues.filter((c) => c.list === 'casualty' && c.span.start >= sentence.start && c.span.end <= sentence.end);
  if (casualty.length === 0) return figures;
  const subcountAt = casualty.find((c) => c.kind === 'subcount')?.span.start ?? Infinity;
  const numbers = doc.numbers.filter((n) => n.start >= sentence.start && n.end <= sentence.end && n.start < subcountAt);
  const tokens = doc.tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  const tokenIndexAt = (offset: number) => tokens.findIndex((t) => t.start <= offset && offset < t.end);
  const revisedFrom = casualty.filter((c) => c.kind === 'toll').map((c) => c.span.start);

  for (const cue of casualty) {
    if (cue.kind !== 'killed' && cue.kind !== 'injured') continue;
    if (cue.span.start >= subcountAt) continue;
    const at = tokenIndexAt(cue.span.start);
    if (at < 0) continue;
    const endAt = Math.max(at, tokenIndexAt(cue.span.end - 1));
    // A number just before (خمسة قتلى، 11 جريحا) or just after (مقتل خمسة، إصابة سبعة آخرين)
    // the casualty word, or between a "fall" verb and it (سقوط 5 قتلى).
    // Before the word: two words (خمسة قتلى), or up to five for "3 أشخاص على الأقل مصرعهم"
    // after لقي. After it: two words, unless another casualty word stands between ("مصرعهم وأصيب 12").
    const reach = cue.kind === 'killed' && /^(لقي|لقيت|لقوا)/.test(doc.view.norm.slice(toNormOffset(doc.view, sentence.start), toNormOffset(doc.view, cue.span.start)).trim().split(/\s+/).slice(-6).join(' ')) ? 5 : 2;
    const otherCueBetween = (from: number, to: number) => casualty.some((c) => c !== cue && c.span.start >= from && c.span.end <= to);
    const near = (n: NumberMention) => {
      const i = tokenIndexAt(n.start);
      if (i < 0) return false;
      if (i < at) return at - i <= reach;
      return i > endAt && i - endAt <= 2 && !otherCueBetween(cue.span.end, n.start);
    };
    // A phrase cue may hold its own number (سقوط خمسة قتلى): that one wins.
    const inside = numbers.filter((n) => n.start >= cue.span.start && n.end <= cue.span.end);
    const candidates = inside.length ? inside : numbers.filter(near);
    let figure: { value: number; vague: boolean; span: Span } | null = null;
    // A dual casualty word counts itself: "سقوط قتيلين وثلاثة جرحى" is two dead, whatever follows.
    const ownDual = at === endAt ? dualOf(tokens[at]) : null;
    if (ownDual) figure = { value: ownDual, vague: false, span: tokens[at] };
    else if (candidates.length) {
      // Prefer the number before the word when both sides have one (5 قتلى و11 جريحا).
      const before = candidates.filter((n) => n.end <= cue.span.start);
      const chosen = before.length ? before[before.length - 1] : candidates[0];
      figure = { value: chosen.value, vague: chosen.vague, span: chosen };
    } else {
      const dual = tokens[endAt + 1] ? dualOf(tokens[endAt + 1]) : null;
      const self = dualOf(tokens[at]);
      if (self) figure = { value: 2, vague: false, span: tokens[at] };
      else if (dual) figure = { value: 2, vague: false, span: tokens[endAt + 1] };
      else if (/^(قتل|مقتل|مصرع|استشهاد)$/.test(tokens[at].stem) && tokens[endAt + 1]?.kind === 'word' && !/^(و|في|من|على|ب)/.test(tokens[endAt + 1].norm)) {
        // "مقتل شخص"، "إصابة جندي": a singular victim counts one.
        if (PERSON_SINGULARS.has(tokens[endAt + 1].stem.replace(/^ال/, ''))) figure = { value: 1, vague: false, span: tokens[endAt + 1] };
      }
    }
    if (!figure) continue;
    const start = Math.min(cue.span.start, figure.span.start);
    const end = Math.max(cue.span.end, figure.span.end);
    const revised = revisedFrom.some((r) => r < start && start - r < 60);
    figures.push({
      start,
      end,
      kind: cue.kind,
      value: figure.value,
      vague: figure.vague,
      revised,
      evidence: { start, end },
    });
  }
  return dedupe(figures);
}

/** The same number read from two cues (قتلى and جرحى both next to it) counts once, for the nearer cue. */
function dedupe(figures: TollFigure[]): TollFigure[] {
  const seen = new Map<string, TollFigure>();
  for (const f of figures) {
    const key = `${f.kind}:${f.start}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

/** The toll of one event from its figures: revised totals win, else the lowest report. */
export function summariseToll(figures: readonly TollFigure[], kind: 'killed' | 'injured'): { value: number; figures: TollFigure[] } | null {
  const of = figures.filter((f) => f.kind === kind);
  if (of.length === 0) return null;
  const revised = of.filter((f) => f.revised);
  const pool = revised.length ? revised.slice(-1) : of;
  const lowest = pool.reduce((a, b) => (b.value < a.value ? b : a));
  return { value: lowest.value, figures: of };
}
