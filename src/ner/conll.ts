/**
 * CoNLL-style token files (`token [LABEL ...]` per line, blank line between sentences) and an
 * entity-level scorer that counts like conlleval: an entity is right only when its type and both
 * boundaries match exactly.
 */

export interface ConllSentence {
  tokens: string[];
  /** Label columns: `columns[k][i]` is the k-th label of token i. Empty when the file has only tokens. */
  columns: string[][];
}

const LABEL = /^(?:O|[BIES]-[A-Za-z]+)$/;

/**
 * Reads sentences. Trailing fields that look like BIO labels are label columns; the fields before
 * them form the token (ANERcorp has a few tokens carrying stray direction marks that split them).
 * A sentence's label columns are kept only when every token has the same number of labels.
 */
export function parseConll(text: string): ConllSentence[] {
  const sentences: ConllSentence[] = [];
  let tokens: string[] = [];
  let labels: string[][] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    const width = Math.min(...labels.map((l) => l.length));
    const uniform = labels.every((l) => l.length === width);
    const columns: string[][] = [];
    if (uniform) for (let k = 0; k < width; k++) columns.push(labels.map((l) => l[k]));
    sentences.push({ tokens, columns });
    tokens = [];
    labels = [];
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const fields = rawLine
      .trim()
      .split(/\s+/)
      .filter((f) => f.length > 0);
    if (fields.length === 0 || (fields.length === 1 && /^-DOCSTART-/.test(fields[0]))) {
      flush();
      continue;
    }
    let firstLabel = fields.length;
    while (firstLabel > 1 && LABEL.test(fields[firstLabel - 1])) firstLabel--;
    tokens.push(fields.slice(0, firstLabel).join(' '));
    labels.push(fields.slice(firstLabel));
  }
  flush();
  return sentences;
}

/** Writes sentences back: one `token label...` line per token, a blank line after each sentence. */
export function formatConll(sentences: readonly ConllSentence[]): string {
  const out: string[] = [];
  for (const s of sentences) {
    for (let i = 0; i < s.tokens.length; i++) {
      out.push([s.tokens[i], ...s.columns.map((c) => c[i])].join(' '));
    }
    out.push('');
  }
  return out.join('\n');
}

export interface EntitySpan {
  type: string;
  /** First token, inclusive. */
  start: number;
  /** Token after the last one. */
  end: number;
}

/**
 * Entities of a BIO sequence, read the way conlleval reads them: an I- that does not continue an
 * entity of its own type starts a new one.
 */
export function bioEntities(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: EntitySpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag.length > 2 && tag[1] === '-' ? tag[0] : 'O';
    const type = prefix === 'O' ? '' : tag.slice(2);
    const continues = open !== null && prefix === 'I' && type === open.type;
    if (continues) continue;
    if (open) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (prefix === 'B' || prefix === 'I') open = { type, start: i, end: i + 1 };
  }
  if (open) {
    open.end = tags.length;
    spans.push(open);
  }
  return spans;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  /** Entities in the gold standard. */
  gold: number;
  /** Entities predicted. */
  predicted: number;
  /** Predicted entities that match a gold one exactly. */
  correct: number;
}

export interface EntityScores {
  micro: PRF;
  perType: Record<string, PRF>;
}

function prf(gold: number, predicted: number, correct: number): PRF {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Entity-level exact-match precision, recall and F1, per type and micro-averaged. */
export function scoreEntities(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
): EntityScores {
  if (gold.length !== pred.length)
    throw new Error(`scoreEntities: ${gold.length} gold sentences, ${pred.length} predicted`);
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  for (let s = 0; s < gold.length; s++) {
    if (gold[s].length !== pred[s].length)
      throw new Error(`scoreEntities: sentence ${s} has ${gold[s].length} gold tags, ${pred[s].length} predicted`);
    const goldSpans = bioEntities(gold[s]);
    const predSpans = bioEntities(pred[s]);
    const goldKeys = new Set(goldSpans.map((e) => `${e.type}:${e.start}:${e.end}`));
    for (const e of goldSpans) count(e.type).gold++;
    for (const e of predSpans) {
      const c = count(e.type);
      c.predicted++;
      if (goldKeys.has(`${e.type}:${e.start}:${e.end}`)) c.correct++;
    }
  }
  const perType: Record<string, PRF> = {};
  let g = 0,
    p = 0,
    k = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    perType[type] = prf(c.gold, c.predicted, c.correct);
    g += c.gold;
    p += c.predicted;
    k += c.correct;
  }
  return { micro: prf(g, p, k), perType };
}
