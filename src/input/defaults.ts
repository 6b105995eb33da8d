/**
 * What an input does not say about its articles, given beside it: a publication date for every
 * input (`marsad ingest --published`), and per file a sidecar `<file>.meta.json` holding
 * `{"published": "2019-04-08", "source": "…", "url": "…"}`. What the input itself says wins;
 * these only fill what it left empty.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { errorItem, type IngestItem } from './types.js';
import { parsePublished } from './dates.js';
import { errorCode } from '../core/unknown.js';

export interface ArticleDefaults {
  /** As written (the raw value), and parsed. */
  published?: { raw: string; date: string; at: string | null };
  source?: string;
  url?: string;
}

/** The suffix of a sidecar file: `report.txt.meta.json` describes `report.txt`. */
export const SIDECAR_SUFFIX = '.meta.json';

const sidecarSchema = z
  .object({
    published: z.string().trim().min(1).optional(),
    source: z.string().trim().min(1).max(500).optional(),
    url: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

/** A publication date as users write it (ISO 8601, RFC 822, DD/MM/YYYY, YYYYMMDD); null when it is none. */
export function publishedDefault(raw: string): ArticleDefaults['published'] | null {
  const parsed = parsePublished(raw);
  return parsed ? { raw, date: parsed.date, at: parsed.at } : null;
}

/** The sidecar of `path`: its defaults, null when there is none, or an error naming its file and field. */
export async function readSidecar(path: string): Promise<ArticleDefaults | { error: IngestItem } | null> {
  const file = `${path}${SIDECAR_SUFFIX}`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return null;
    return { error: errorItem(file, `cannot read: ${err instanceof Error ? err.message : String(err)}`) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: errorItem(file, 'not valid JSON: expected {"published": "YYYY-MM-DD", "source": …, "url": …}') };
  }
  const parsed = sidecarSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? '');
    return {
      error: errorItem(
        file,
        `field "${field}": ${issue.code === 'unrecognized_keys' ? 'unknown field (published, source, url)' : issue.message}`,
      ),
    };
  }
  const { published, source, url } = parsed.data;
  const date = published === undefined ? undefined : publishedDefault(published);
  if (date === null) return { error: errorItem(file, `field "published": "${published}" is not a date`) };
  return { published: date, source, url };
}

/** The item with the defaults filling what its input left empty. */
export function withDefaults(item: IngestItem, defaults: ArticleDefaults | null | undefined): IngestItem {
  if (!defaults || item.kind !== 'article') return item;
  const a = item.article;
  const published = a.published === null && defaults.published ? defaults.published : null;
  return {
    ...item,
    article: {
      ...a,
      ...(published ? { published: published.date, publishedAt: published.at, publishedRaw: published.raw } : {}),
      origin: {
        ...a.origin,
        source: a.origin.source ?? defaults.source ?? null,
        url: a.origin.url ?? defaults.url ?? null,
      },
    },
  };
}
