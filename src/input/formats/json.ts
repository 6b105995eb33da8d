import { isRecord } from '../../core/unknown.js';
import {
  articleItem,
  errorItem,
  LineCounter,
  type IngestItem,
  type IngestOptions,
  type RecordField,
} from '../types.js';

type FieldMap = IngestOptions['fieldMap'];

/** Keys tried for a field the field map does not name, most common first. */
const DEFAULT_KEYS: Record<RecordField, string[]> = {
  id: ['id', 'docno', 'guid', '_id'],
  title: ['title', 'headline'],
  text: ['text', 'body', 'content', 'article'],
  published: ['published', 'date', 'published_at', 'publishedAt', 'pubDate', 'published_raw', 'datePublished'],
  url: ['url', 'link'],
  source: ['source', 'site', 'outlet'],
};

/** One JSON line, `where` being `file.jsonl:LINE`. */
export function parseJsonLine(line: string, where: string, fieldMap?: FieldMap, input = where): IngestItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return errorItem(where, `invalid JSON (${shortMessage(e)})`);
  }
  return recordItem(value, where, fieldMap, input);
}

/** JSON lines held in memory (stdin, HTTP bodies, non-UTF-8 files); big files are streamed by the reader. */
export function* parseJsonLines(text: string, name: string, fieldMap?: FieldMap): Generator<IngestItem> {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end).trim();
    if (content !== '') yield parseJsonLine(content, `${name}:${line}`, fieldMap);
    start = end + 1;
  }
}

/**
 * A JSON document: an array of records (each reported at the line it starts on), one record, or
 * an object holding an array of records (`{"articles": [...]}`). Text that is not one JSON value
 * but starts with an object is read as JSON lines.
 */
export function parseJsonDocument(text: string, name: string, fieldMap?: FieldMap): IngestItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (text.trimStart().startsWith('{')) return [...parseJsonLines(text, name, fieldMap)];
    return [errorItem(name, `invalid JSON (${shortMessage(e)})`)];
  }
  if (Array.isArray(value)) {
    const starts = topLevelElementOffsets(text);
    const lines = new LineCounter(text);
    const wheres = starts.length === value.length ? starts.map((s) => `${name}:${lines.lineAt(s)}`) : null;
    if (value.length === 0) return [errorItem(name, 'empty JSON array')];
    return value.map((v, i) => recordItem(v, wheres?.[i] ?? `${name}[${i}]`, fieldMap));
  }
  if (isRecord(value) && findKey(value, 'text', fieldMap) === undefined) {
    for (const [key, inner] of Object.entries(value)) {
      if (
        Array.isArray(inner) &&
        inner.length > 0 &&
        inner.every((x) => x && typeof x === 'object' && !Array.isArray(x))
      ) {
        return inner.map((v, i) => recordItem(v, `${name}:${key}[${i}]`, fieldMap));
      }
    }
  }
  return [recordItem(value, name, fieldMap)];
}

function recordItem(value: unknown, where: string, fieldMap: FieldMap, input = where): IngestItem {
  if (!isRecord(value)) return errorItem(where, 'not a JSON object');
  const record = value;
  const textKey = findKey(record, 'text', fieldMap);
  if (textKey === undefined) {
    const tried = fieldMap?.text ? [fieldMap.text] : DEFAULT_KEYS.text;
    return errorItem(where, `no text field (looked for ${tried.map((k) => `"${k}"`).join(', ')})`);
  }
  const get = (field: RecordField) => {
    const key = field === 'text' ? textKey : findKey(record, field, fieldMap);
    return key === undefined ? null : stringOf(lookup(record, key));
  };
  return articleItem(where, {
    title: get('title'),
    text: get('text'),
    published: get('published'),
    url: get('url'),
    source: get('source'),
    externalId: get('id'),
    input,
  });
}

/** The input's key for `field`: the mapped one when given (dotted paths reach nested objects), else the first default present. */
function findKey(record: Record<string, unknown>, field: RecordField, fieldMap: FieldMap): string | undefined {
  const mapped = fieldMap?.[field];
  if (mapped !== undefined) return lookup(record, mapped) === undefined ? undefined : mapped;
  return DEFAULT_KEYS[field].find((k) => record[k] !== undefined);
}

function lookup(record: Record<string, unknown>, key: string): unknown {
  if (key in record || !key.includes('.')) return record[key];
  let v: unknown = record;
  for (const part of key.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = Reflect.get(v, part); // an array's items too: "items.0.text"
  }
  return v;
}

function stringOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Offsets where each element of a top-level JSON array starts (the text is known to be valid JSON). */
function topLevelElementOffsets(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    if (depth === 1 && expectValue && c !== 0x5d) {
      starts.push(i);
      expectValue = false;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) expectValue = true;
  }
  return starts;
}

function shortMessage(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 120);
}
