/**
 * What to watch: feed URLs given on the command line or listed in a feeds file (one URL a line,
 * `#` comments, an optional label after the URL), and the `--every` interval.
 */
import { readFile } from 'node:fs/promises';

export interface FeedSpec {
  url: string;
  /** A human name for logs ("وكالة الأنباء الليبية"); null when the file gives none. */
  label: string | null;
}

/** How a feed is named in logs: its label and URL, or the URL alone. */
export function feedName(feed: FeedSpec): string {
  return feed.label ? `${feed.label} <${feed.url}>` : feed.url;
}

/** Parses a feeds file; a line that is not an http(s) URL is an error naming the file and line. */
export function parseFeedList(text: string, where: string): FeedSpec[] {
  const feeds: FeedSpec[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|\s)#.*$/, '').trim();
      if (line === '') return;
      const [url, ...rest] = line.split(/\s+/);
      if (!isHttpUrl(url)) throw new Error(`${where}:${i + 1}: not an http(s) URL: ${url}`);
      feeds.push({ url, label: rest.length > 0 ? rest.join(' ') : null });
    });
  return feeds;
}

/** Each argument is a feed URL or a feeds file; a URL listed twice is watched once. */
export async function resolveFeeds(args: string[]): Promise<FeedSpec[]> {
  const feeds: FeedSpec[] = [];
  for (const arg of args) {
    if (isHttpUrl(arg)) feeds.push({ url: arg, label: null });
    else feeds.push(...parseFeedList(await readFile(arg, 'utf8'), arg));
  }
  const seen = new Set<string>();
  return feeds.filter((f) => !seen.has(f.url) && seen.add(f.url));
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `10m`, `1h`, `500ms` → milliseconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(value.trim());
  const ms = m ? Number(m[1]) * UNIT_MS[m[2]] : NaN;
  if (!(ms > 0)) throw new Error(`invalid duration "${value}": expected a number and a unit, e.g. 30s, 10m, 1h`);
  return ms;
}

function isHttpUrl(s: string): boolean {
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
