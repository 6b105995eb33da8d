/**
 * Words that news text glues together without a space: جنوبطرابلس = جنوب + طرابلس. A word is
 * split only when it starts (after any proclitics) with a listed prefix word (packs/ar/
 * glued-prefixes.json) and the rest is a word the caller knows, so unknown words never split.
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../core/span.js';
import type { Token } from '../core/document.js';
import { cliticReadings } from './clitics.js';
import { normalizeForMatch, toNormOffset, toOriginalSpan, type NormalizedText } from './normalize.js';
import { isRecord } from '../core/unknown.js';

/** The rest of a glued word must keep at least this many letters. */
const MIN_REST = 3;

let prefixes: string[] | undefined;

/** Glued prefix words, normalised, longest first so غربي is tried before غرب. */
let startPattern: RegExp | null = null;

/**
 * A quick test for words that may be glued pairs: they open with a glued prefix word (after a
 * conjunction) and go on for at least two letters. Most words fail it, and skip `splitGlued`.
 */
export function mayBeGlued(normWord: string): boolean {
  startPattern ??= new RegExp(`^[وف]?(${gluedPrefixes().join('|')})..`);
  return startPattern.test(normWord);
}

function gluedPrefixes(): string[] {
  if (prefixes) return prefixes;
  const url = new URL('../../packs/ar/glued-prefixes.json', import.meta.url);
  const data: unknown = JSON.parse(readFileSync(url, 'utf8'));
  const groups = isRecord(data) ? data.prefixes : undefined;
  if (!isRecord(groups)) throw new Error(`${url.pathname}: missing "prefixes" object`);
  const words = new Set<string>();
  for (const [group, list] of Object.entries(groups)) {
    if (!Array.isArray(list)) throw new Error(`${url.pathname}: prefixes.${group} is not an array`);
    for (const w of list) words.add(normalizeForMatch(String(w)));
  }
  prefixes = [...words].sort((a, b) => b.length - a.length);
  return prefixes;
}

function knownWithClitics(normWord: string, isKnown: (w: string) => boolean): boolean {
  return cliticReadings(normWord).some((r) => isKnown(r.stem));
}

/**
 * Splits a glued normalised word into its parts, or returns null. The parts concatenate back to
 * the word; proclitics stay on the first part (وجنوبطرابلس → ['وجنوب', 'طرابلس']) and the second
 * part keeps its own (غربالزاوية → ['غرب', 'الزاويه']).
 */
export function splitGlued(normWord: string, isKnown: (w: string) => boolean): string[] | null {
  if (knownWithClitics(normWord, isKnown)) return null;
  for (const reading of cliticReadings(normWord)) {
    const head = normWord.length - reading.stem.length;
    for (const prefix of gluedPrefixes()) {
      if (reading.stem.length - prefix.length < MIN_REST || !reading.stem.startsWith(prefix)) continue;
      const cut = head + prefix.length;
      const rest = normWord.slice(cut);
      if (knownWithClitics(rest, isKnown)) return [normWord.slice(0, cut), rest];
    }
  }
  return null;
}

export interface GluedPart {
  /** The part's span in the original text. */
  span: Span;
  /** The part's normalised form. */
  norm: string;
}

/** `splitGlued` on a word token, with each part's original span. */
export function splitGluedToken(
  token: Token,
  view: NormalizedText,
  isKnown: (w: string) => boolean,
): GluedPart[] | null {
  if (token.kind !== 'word') return null;
  const parts = splitGlued(token.norm, isKnown);
  if (!parts) return null;
  let at = toNormOffset(view, token.start);
  return parts.map((norm) => {
    const span = toOriginalSpan(view, at, at + norm.length);
    at += norm.length;
    return { span, norm };
  });
}
