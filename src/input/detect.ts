import type { InputFormat } from './types.js';

/** What a file name's extension says: a format, 'xml' (a feed or TREC, to be sniffed), 'unknown', or null (no extension). */
export type ExtensionHint = InputFormat | 'xml' | 'unknown' | null;

const EXTENSIONS: Record<string, InputFormat | 'xml'> = {
  txt: 'txt',
  text: 'txt',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rss: 'rss',
  atom: 'atom',
  xml: 'xml',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  trec: 'trec',
  sgml: 'trec',
  sgm: 'trec',
};

export function extensionHint(name: string): ExtensionHint {
  if (/^https?:\/\//i.test(name) || name === 'stdin') return null;
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? 'unknown';
}

/** What an HTTP Content-Type says, when it says something definite. */
export function contentTypeFormat(contentType: string | undefined): InputFormat | 'xml' | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/rss+xml' || type === 'application/rdf+xml') return 'rss';
  if (type === 'application/atom+xml') return 'atom';
  if (type === 'application/xml' || type === 'text/xml') return 'xml';
  if (type === 'application/json') return 'json';
  if (type === 'application/x-ndjson' || type === 'application/jsonl') return 'jsonl';
  if (type === 'text/plain') return 'txt';
  return null;
}

export function charsetOf(contentType: string | undefined): string | null {
  const m = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : null;
}

/** The format the text itself shows by its first element or character; null for plain text. */
export function sniffFormat(text: string): InputFormat | null {
  const head = text
    .slice(0, 8192)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) {
    // The first element after the XML declaration, comments and doctype decides.
    const afterProlog = head.replace(/^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>|\s+)*/i, '');
    const root = /^<([\w:.-]+)/.exec(afterProlog)?.[1].toLowerCase() ?? '';
    if (root === 'rss' || root === 'rdf:rdf') return 'rss';
    if (root === 'feed') return 'atom';
    if (root === 'doc' || /<DOC>/i.test(head)) return 'trec';
    if (/^<!doctype html/i.test(head) || /<(html|head|body|meta|article|p|div)[\s>]/i.test(head)) return 'html';
    return null;
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // Two lines that each open an object: JSON lines; otherwise one (perhaps pretty-printed) object.
    const second = head
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)[1];
    return second === undefined || second.startsWith('{') ? 'jsonl' : 'json';
  }
  return null;
}
