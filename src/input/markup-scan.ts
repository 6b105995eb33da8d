/**
 * Scanners for the few markup shapes the readers cut out of text: elements, tags, comments and
 * CDATA sections. Each finds exactly what its regular expression (given in its comment) finds,
 * in one pass: the expressions retried from every `<` to the end of the text when nothing closed
 * the shape, so a run of `<`, `<!--` or `<DOC>` cost the square of its length.
 */

import { isSpace } from '../core/whitespace.js';

/** What `\w` (and so `\b`) counts as a word character. */
function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/**
 * `text.indexOf(needle, from)` for a scan that asks again and again: a miss is remembered (a
 * needle absent after some offset is absent after any later one), and so is the last hit (the
 * first at or after an earlier offset is also the first after a later one that it is not before).
 */
class Finder {
  private readonly missFrom = new Map<string, number>();
  private readonly hits = new Map<string, { from: number; at: number }>();

  constructor(readonly text: string) {}

  indexOf(needle: string, from: number): number {
    const miss = this.missFrom.get(needle);
    if (miss !== undefined && from >= miss) return -1;
    const hit = this.hits.get(needle);
    if (hit && hit.from <= from && hit.at >= from) return hit.at;
    const at = this.text.indexOf(needle, from);
    if (at === -1) this.missFrom.set(needle, Math.min(from, miss ?? Infinity));
    else this.hits.set(needle, { from, at });
    return at;
  }
}

/** ASCII letters lower-cased, nothing else: offsets stay those of the text (toLowerCase may not). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** An element found by `elements`: offsets into the text. */
export interface ScannedElement {
  /** Where `<` is. */
  start: number;
  /** The name as written. */
  name: string;
  /** The content between the opening tag and the closing tag. */
  contentStart: number;
  contentEnd: number;
  /** Just after the closing tag's `>`. */
  end: number;
}

/**
 * The elements whose lower-cased name `accept` takes, left to right and not nested, as
 * /<(name)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi finds them; without `attributes`, as
 * /<(name)\b([\s\S]*?)<\/\1\s*>/gi (the content starts right after the name).
 */
export function elements(text: string, accept: (name: string) => boolean, attributes: boolean): ScannedElement[] {
  const found: ScannedElement[] = [];
  const lower = asciiLower(text);
  const finder = new Finder(lower);
  for (let i = finder.indexOf('<', 0); i !== -1; i = finder.indexOf('<', i + 1)) {
    let k = i + 1;
    while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
    const name = lower.slice(i + 1, k);
    if (name === '' || !accept(name)) continue;
    let contentStart = k;
    if (attributes) {
      const gt = finder.indexOf('>', k);
      if (gt === -1) break; // no tag closes after here, so no element does
      contentStart = gt + 1;
    }
    const close = closingTag(finder, name, contentStart);
    if (!close) continue;
    found.push({ start: i, name: text.slice(i + 1, k), contentStart, contentEnd: close.start, end: close.end });
    i = close.end - 1;
  }
  return found;
}

/** The first `</name\s*>` at or after `from` (case already folded in the finder's text). */
function closingTag(finder: Finder, name: string, from: number): { start: number; end: number } | null {
  const text = finder.text;
  for (let at = finder.indexOf(`</${name}`, from); at !== -1; at = finder.indexOf(`</${name}`, at + 1)) {
    let k = at + 2 + name.length;
    while (k < text.length && isSpace(text.charCodeAt(k))) k++;
    if (text.charCodeAt(k) === 0x3e) return { start: at, end: k + 1 };
  }
  return null;
}

/** `text` without the elements `elements` finds (names as it takes them). */
export function withoutElements(text: string, accept: (name: string) => boolean, attributes: boolean): string {
  let out = '';
  let last = 0;
  for (const e of elements(text, accept, attributes)) {
    out += text.slice(last, e.start);
    last = e.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * Tags replaced, as text.replace(/<\/?(name)\b[^>]*>/gi, replacement) with the names `accept`
 * takes (lower-cased), or as text.replace(/<[^>]*>/g, replacement) for any tag when `accept` is
 * null.
 */
export function replaceTags(text: string, accept: ((name: string) => boolean) | null, replacement: string): string {
  let out = '';
  let last = 0;
  let gt = -1; // the first '>' at or after the scan, once looked for
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    if (gt !== -2 && gt < i) gt = text.indexOf('>', i);
    if (gt === -1) gt = -2; // no '>' from here on: no more tags
    if (gt === -2) break;
    if (accept) {
      let k = i + 1;
      if (text.charCodeAt(k) === 0x2f) k++;
      const nameStart = k;
      while (k < text.length && isWordChar(text.charCodeAt(k))) k++;
      if (k === nameStart || !accept(asciiLower(text.slice(nameStart, k)))) continue;
    }
    out += text.slice(last, i) + replacement;
    last = gt + 1;
    i = gt;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** `text` without its comments, as text.replace(/<!--[\s\S]*?-->/g, ''). */
export function withoutComments(text: string): string {
  let out = '';
  let last = 0;
  for (let i = text.indexOf('<!--'); i !== -1; i = text.indexOf('<!--', last)) {
    const close = text.indexOf('-->', i + 4);
    if (close === -1) break; // nothing closes this one or any after it
    out += text.slice(last, i);
    last = close + 3;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * The text split at its CDATA sections, as /<!\[CDATA\[([\s\S]*?)\]\]>/g finds them: `outside`
 * and `inside` alternate, starting and ending with text outside (possibly empty).
 */
export function cdataParts(text: string): { outside: string[]; inside: string[] } {
  const outside: string[] = [];
  const inside: string[] = [];
  let last = 0;
  for (let i = text.indexOf('<![CDATA['); i !== -1; i = text.indexOf('<![CDATA[', last)) {
    const close = text.indexOf(']]>', i + 9);
    if (close === -1) break;
    outside.push(text.slice(last, i));
    inside.push(text.slice(i + 9, close));
    last = close + 3;
  }
  outside.push(text.slice(last));
  return { outside, inside };
}
