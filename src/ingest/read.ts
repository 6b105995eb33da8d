/**
 * Reading what users have: files, directories, stdin and URLs, in whatever of our formats and
 * encodings they come, as a stream of articles and one-line errors, in input order.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { binaryKind, declaredCharset, decodeText, invalidUtf8Offset } from './encoding.js';
import { charsetOf, contentTypeFormat, extensionHint, sniffFormat } from './detect.js';
import { errorItem, type IngestItem, type IngestOptions, type InputFormat } from './types.js';
import { parseTxt } from './formats/txt.js';
import { parseHtml } from './formats/html.js';
import { parseFeed } from './formats/feed.js';
import { parseJsonDocument, parseJsonLine, parseJsonLines } from './formats/json.js';
import { parseTrec } from './formats/trec.js';
import { errorCode } from '../core/unknown.js';

export type { IngestItem, IngestOptions, InputFormat, RecordField } from './types.js';

const DEFAULT_TIMEOUT_MS = 20_000;
const STREAM_CHUNK_BYTES = 1 << 20;

/** Reads paths (files, directories recursively), http(s) URLs, and '-' (stdin), streaming items in input order. */
export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    if (input === '-') yield* readStdin(options);
    else if (/^https?:\/\//i.test(input)) yield* readUrl(input, options);
    else yield* readPath(input, options);
  }
}

/** Parses a buffer of known origin (used by readInputs and by the HTTP API later). */
export function parseBuffer(buf: Buffer, name: string, options: IngestOptions = {}): IngestItem[] {
  const binary = binaryKind(buf);
  if (binary !== null) return [errorItem(name, `binary file (${binary}), skipped`)];
  const decoded = decodeText(buf, charsetOf(options.contentType) ?? declaredCharset(buf));
  if (!decoded.ok) return [errorItem(name, decoded.message)];
  const format = options.format ?? chooseFormat(name, decoded.text, options.contentType);
  if (typeof format === 'object') return [errorItem(name, format.error)];
  return parseText(decoded.text, name, format, options);
}

function parseText(text: string, name: string, format: InputFormat, options: IngestOptions): IngestItem[] {
  switch (format) {
    case 'txt':
      return [parseTxt(text, name)];
    case 'html':
      return [parseHtml(text, name, /^https?:\/\//i.test(name) ? name : null)];
    case 'rss':
    case 'atom':
      return parseFeed(text, name);
    case 'jsonl':
      return [...parseJsonLines(text, name, options.fieldMap)];
    case 'json':
      return parseJsonDocument(text, name, options.fieldMap);
    case 'trec':
      return parseTrec(text, name);
  }
}

/**
 * The content decides when it is clearly of a structured kind (a `.txt` holding a web page is a
 * web page); the extension decides between what content cannot tell apart.
 */
function chooseFormat(name: string, text: string, contentType?: string): InputFormat | { error: string } {
  const sniffed = sniffFormat(text);
  const markup = sniffed === 'html' || sniffed === 'rss' || sniffed === 'atom' || sniffed === 'trec' ? sniffed : null;
  const ext = extensionHint(name);
  switch (ext) {
    case 'txt':
      return markup ?? 'txt';
    case 'html':
      return markup ?? 'html';
    case 'rss':
    case 'atom':
    case 'trec':
    case 'xml':
      return markup ?? { error: `unknown format (XML that is not a feed or TREC documents)` };
    case 'json':
    case 'jsonl':
      // A .json may hold JSON lines: the JSON reader falls back to lines when one value fails.
      if (sniffed === 'json' || sniffed === 'jsonl') return ext === 'json' ? 'json' : sniffed;
      return markup ?? { error: 'unknown format (not JSON)' };
    case 'unknown':
      return markup ?? { error: `unknown format (${name.slice(name.lastIndexOf('.'))})` };
    case null: {
      if (sniffed !== null) return sniffed;
      const declared = contentTypeFormat(contentType);
      return declared === 'txt' || declared === null
        ? 'txt'
        : { error: `unknown format (${contentType} that does not look like it)` };
    }
  }
}

async function* readPath(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    yield errorItem(path, fsMessage(e));
    return;
  }
  if (info.isDirectory()) {
    let files: string[];
    try {
      files = await listFiles(path);
    } catch (e) {
      yield errorItem(path, fsMessage(e));
      return;
    }
    for (const file of files) yield* readFileItems(file, options);
  } else {
    yield* readFileItems(path, options);
  }
}

/** Files under `dir`, recursively, sorted by path, hidden files and folders left out. */
async function listFiles(dir: string, seen = new Set<string>()): Promise<string[]> {
  // Real paths already listed: a symbolic link back up the tree must not loop.
  const real = await realpath(dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: string[] = [];
  for (const e of entries) {
    const path = join(dir, e.name);
    // A symbolic link counts as what it points to.
    const isDirectory = e.isDirectory() || (e.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (isDirectory) files.push(...(await listFiles(path, seen)));
    else files.push(path);
  }
  return files;
}

async function* readFileItems(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const wantsLines = options.format === 'jsonl' || (options.format === undefined && extensionHint(path) === 'jsonl');
  try {
    if (wantsLines) {
      const streamed = await streamJsonLines(path, options);
      if (streamed !== null) {
        yield* streamed;
        return;
      }
    }
    yield* parseBuffer(await readFile(path), path, options);
  } catch (e) {
    yield errorItem(path, fsMessage(e));
  }
}

/**
 * JSON lines read chunk by chunk, each line decoded on its own, so a large file starts yielding
 * at once and never becomes one giant string. Null when the file's start is not UTF-8 JSON
 * lines (UTF-16, Windows-1256, an array, a binary): the whole-buffer path handles those.
 */
async function streamJsonLines(path: string, options: IngestOptions): Promise<AsyncGenerator<IngestItem> | null> {
  const handle = await open(path);
  const first = Buffer.alloc(STREAM_CHUNK_BYTES);
  const { bytesRead } = await handle.read(first, 0, first.length, 0);
  const head = first.subarray(0, bytesRead);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const lastNewline = head.lastIndexOf(0x0a);
  const firstChar = head.subarray(bom).find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  const plausible =
    binaryKind(head) === null &&
    firstChar === 0x7b &&
    invalidUtf8Offset(head.subarray(bom, lastNewline === -1 ? bytesRead : lastNewline)) < 0;
  if (!plausible) {
    await handle.close();
    return null;
  }
  return linesFrom(handle, head.subarray(bom), bytesRead, path, options);
}

async function* linesFrom(
  handle: Awaited<ReturnType<typeof open>>,
  head: Buffer,
  position: number,
  path: string,
  options: IngestOptions,
): AsyncGenerator<IngestItem> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lineItem = (bytes: Buffer, lineNo: number): IngestItem | null => {
    const where = `${path}:${lineNo}`;
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return errorItem(where, 'invalid UTF-8');
    }
    return text.trim() === '' ? null : parseJsonLine(text, where, options.fieldMap);
  };
  let pending = head;
  let line = 1;
  try {
    for (;;) {
      let start = 0;
      for (let nl = pending.indexOf(0x0a); nl !== -1; nl = pending.indexOf(0x0a, start)) {
        const item = lineItem(pending.subarray(start, nl), line++);
        if (item) yield item;
        start = nl + 1;
      }
      pending = pending.subarray(start);
      const chunk = Buffer.alloc(STREAM_CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      pending =
        pending.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
    }
    const last = pending.length > 0 ? lineItem(pending, line) : null;
    if (last) yield last;
  } finally {
    await handle.close();
  }
}

async function* readStdin(options: IngestOptions): AsyncGenerator<IngestItem> {
  const stream: NodeJS.ReadableStream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  yield* parseBuffer(Buffer.concat(chunks), 'stdin', options);
}

async function* readUrl(url: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let body: Buffer;
  let contentType: string | undefined;
  try {
    const response = await fetchFn(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' },
    });
    if (!response.ok) {
      yield errorItem(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      return;
    }
    contentType = response.headers.get('content-type') ?? undefined;
    body = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    yield errorItem(
      url,
      controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `fetch failed (${fsMessage(e)})`,
    );
    return;
  } finally {
    clearTimeout(timer);
  }
  yield* parseBuffer(body, url, { ...options, contentType: options.contentType ?? contentType });
}

function fsMessage(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  const message =
    e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
  return message.split('\n')[0];
}
