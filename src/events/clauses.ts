/**
 * Clauses inside a sentence: arguments attach within the clause first, then the sentence.
 * Boundaries are commas, semicolons and colons, and the words that open a new clause in news
 * Arabic (فيما، بينما، في حين، حيث، بعد أن، قبل أن، ما أدى …).
 */
import type { Span } from '../core/span.js';
import type { Doc } from '../core/document.js';

const CLAUSE_OPENERS = new Set(['فيما', 'بينما', 'حيث', 'كما', 'لكن', 'اذ', 'وسط']);
const TWO_WORD_OPENERS = new Set(['في حين', 'بعد ان', 'قبل ان', 'غير ان', 'ما ادي', 'ما اسفر', 'مما ادي', 'مما اسفر']);
/** The first words of TWO_WORD_OPENERS: only after one of them is a pair worth making. */
const TWO_WORD_FIRSTS = new Set([...TWO_WORD_OPENERS].map((pair) => pair.split(' ')[0]));
const PUNCT_BREAK = new Set([',', ';', ':']);

/** Clause spans (original offsets) of every sentence, in order; each sentence has at least one. */
export function clausesOf(doc: Doc): Span[][] {
  const result: Span[][] = doc.sentences.map(() => []);
  const cuts: number[][] = doc.sentences.map(() => []);
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && PUNCT_BREAK.has(t.norm)) cuts[t.sentence].push(t.end);
    if (t.kind !== 'word') continue;
    const word = t.proclitics.length === 1 && (t.proclitics[0] === 'و' || t.proclitics[0] === 'ف') ? t.stem : t.norm;
    const next = tokens[i + 1];
    const pair = next && next.sentence === t.sentence && TWO_WORD_FIRSTS.has(word) ? `${word} ${next.norm}` : '';
    if (TWO_WORD_OPENERS.has(pair) || CLAUSE_OPENERS.has(word)) cuts[t.sentence].push(t.start);
  }
  doc.sentences.forEach((s, k) => {
    let start = s.start;
    for (const cut of [...new Set(cuts[k])].sort((a, b) => a - b)) {
      if (cut > start && cut < s.end) {
        result[k].push({ start, end: cut });
        start = cut;
      }
    }
    result[k].push({ start, end: s.end });
  });
  return result;
}
