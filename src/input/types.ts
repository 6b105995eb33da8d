import type { ArticleInput } from '../core/article.js';
import { parsePublished } from './dates.js';
import { escapeControls } from '../core/printable.js';
import { isBlankAfterNormalization } from '../text/normalize.js';
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
  /** JSON lines: a longer line is skipped with an error, never buffered whole (default 5 MiB). */
  maxRecordBytes?: number;
  /** Other formats, read whole: a larger file or standard input is skipped with an error (default 128 MiB). */
  maxFileBytes?: number;
  /** An article whose title and text are longer (UTF-16 code units) is skipped with an error (default 500,000). */
  maxArticleChars?: number;
  /**
   * The publication date of articles whose input gives none (and no sidecar does): as the user
   * wrote it, and parsed (see defaults.ts).
   */
  published?: { raw: string; date: string; at: string | null };
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

/** An error about `where`; its message is one printable line whatever bytes the input held. */
export function errorItem(where: string, message: string): IngestItem {
  return { kind: 'error', where, message: escapeControls(`${where}: ${message}`) };
}

/**
 * An article item, or an error item when it has neither title nor text. A headline without a
 * body (feeds and wire services publish them) is kept, with a warning.
 */
export function articleItem(where: string, raw: RawArticle): IngestItem {
  const text = raw.text ?? '';
  // Blank as the pipeline sees it: zero-width characters or harakat alone are no text.
  const emptyText = isBlankAfterNormalization(text);
  if (emptyText && isBlankAfterNormalization(raw.title ?? '')) {
    return errorItem(
      where,
      text.trim() === '' && !raw.title?.trim()
        ? 'empty article (no title and no text)'
        : 'empty article (only invisible characters or marks, no letters)',
    );
  }
  const publishedRaw = blankToNull(raw.published);
  const published = publishedRaw === null ? null : parsePublished(publishedRaw);
  const warnings = [
    ...(emptyText ? ['no body text, stored with its title only'] : []),
    // An impossible day (2019-02-31) or an unknown form: the raw value is kept, the date is null.
    ...(publishedRaw !== null && published === null
      ? [`publication date "${publishedRaw.slice(0, 80)}" is not a valid date, stored without one`]
      : []),
  ];
  return {
    kind: 'article',
    where,
    ...(warnings.length ? { warning: escapeControls(`${where}: ${warnings.join('; ')}`) } : {}),
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

/**
 * The pipeline's time grows with an article's length (about 5 s for 500,000 characters): a longer
 * "article" is a dump or a mistake, and must not hold up the batch.
 */
export const DEFAULT_MAX_ARTICLE_CHARS = 500_000;

/** The item, or an error naming the record when its article is over the length limit. */
export function withinLengthLimit(item: IngestItem, maxChars = DEFAULT_MAX_ARTICLE_CHARS): IngestItem {
  if (item.kind !== 'article') return item;
  const length = item.article.title.length + item.article.text.length;
  if (length <= maxChars) return item;
  return errorItem(
    item.where,
    `article of ${length} characters is over the limit of ${maxChars} (--max-article-chars), skipped`,
  );
}

function blankToNull(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  const t = s.trim();
  return t === '' ? null : t;
}

/** Counts lines incrementally, for the line of each record in one pass over a text. */
export class LineCounter {
  private line = 1;
  /** The first line break not yet counted (-1: none left). Kept, so that many offsets on one long line do not each look for it again. */
  private nextBreak: number;
  constructor(private readonly text: string) {
    this.nextBreak = text.indexOf('\n');
  }
  /** 1-based line of `offset`; offsets must not decrease between calls. */
  lineAt(offset: number): number {
    while (this.nextBreak !== -1 && this.nextBreak < offset) {
      this.line++;
      this.nextBreak = this.text.indexOf('\n', this.nextBreak + 1);
    }
    return this.line;
  }
}
