import type { ArticleInput } from '../core/article.js';
import { parsePublished } from './dates.js';
import type { ResponseLimits } from './fetch-url.js';

export type InputFormat = 'txt' | 'html' | 'rss' | 'atom' | 'jsonl' | 'json' | 'trec';

/** Our field names, as `fieldMap` keys. */
export type RecordField = 'id' | 'title' | 'text' | 'published' | 'url' | 'source';

export interface IngestOptions {
  /** Map our field names to the input's (JSON lines/arrays): e.g. { published: 'published_raw', text: 'body' }. */
  fieldMap?: Partial<Record<RecordField, string>>;
  /** Force a format instead of detecting it. */
  format?: InputFormat;
  /** Abort HTTP fetches after this many ms (default 20000). */
  timeoutMs?: number;
  /** Injected for tests; defaults to global fetch. */
  fetch?: typeof fetch;
  /** Size and redirect caps of HTTP fetches (defaults: DEFAULT_RESPONSE_LIMITS in fetch-url.ts). */
  limits?: Partial<ResponseLimits>;
  /** Injected for tests; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** The transport's Content-Type (HTTP), when known: helps pick the format and the charset. */
  contentType?: string;
}

export type IngestItem =
  | { kind: 'article'; article: ArticleInput; where: string; warning?: string }
  | { kind: 'error'; where: string; message: string };

/** The fields an input gives for one article, before checks. */
export interface RawArticle {
  title?: string | null;
  text?: string | null;
  published?: string | null;
  url?: string | null;
  source?: string | null;
  externalId?: string | null;
  /** `origin.input`; defaults to `where`. */
  input?: string;
}

export function errorItem(where: string, message: string): IngestItem {
  return { kind: 'error', where, message: `${where}: ${message}` };
}

/**
 * An article item, or an error item when it has neither title nor text. A headline without a
 * body (feeds and wire services publish them) is kept, with a warning.
 */
export function articleItem(where: string, raw: RawArticle): IngestItem {
  const text = raw.text ?? '';
  const emptyText = text.trim() === '';
  if (emptyText && !raw.title?.trim()) return errorItem(where, 'empty article (no title and no text)');
  const publishedRaw = blankToNull(raw.published);
  const published = publishedRaw === null ? null : parsePublished(publishedRaw);
  return {
    kind: 'article',
    where,
    ...(emptyText ? { warning: `${where}: no body text, stored with its title only` } : {}),
    article: {
      title: (raw.title ?? '').trim(),
      text,
      published: published?.date ?? null,
      publishedAt: published?.at ?? null,
      publishedRaw,
      origin: {
        url: blankToNull(raw.url),
        source: blankToNull(raw.source),
        input: raw.input ?? where,
        externalId: blankToNull(raw.externalId),
      },
    },
  };
}

function blankToNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  return t === '' ? null : t;
}

/** Counts lines incrementally, for the line of each record in one pass over a text. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}
  /** 1-based line of `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    for (let i = this.text.indexOf('\n', this.offset); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1))
      this.line++;
    this.offset = Math.max(this.offset, offset);
    return this.line;
  }
}
