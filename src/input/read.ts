/**
 * Reading what users have: files, directories, stdin and URLs, in whatever of our formats and
 * encodings they come, as a stream of articles and one-line errors, in input order.
 */
import { constants, type Stats } from 'node:fs';
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { binaryKind, declaredCharset, decodeFrom, decodeText } from './encoding.js';
import { charsetOf, contentTypeFormat, extensionHint, sniffFormat } from './detect.js';
import { errorItem, withinLengthLimit, type IngestItem, type IngestOptions, type InputFormat } from './types.js';
import { parseTxt } from './formats/txt.js';
import { parseHtml } from './formats/html.js';
import { parseFeed } from './formats/feed.js';
import { parseJsonDocument, parseJsonLines } from './formats/json.js';
import { jsonLinesUnit, parseJsonLinesBuffer, readJsonLines } from './json-lines.js';
import { parseTrec } from './formats/trec.js';
import { fetchBounded, RedirectFailure, ResponseTooLarge, type BoundedResponse } from './fetch-url.js';
import { errorCode } from '../core/unknown.js';
import { readSidecar, SIDECAR_SUFFIX, withDefaults } from './defaults.js';

export type { IngestItem, IngestOptions, InputFormat, RecordField } from './types.js';

const DEFAULT_TIMEOUT_MS = 20_000;
const STREAM_CHUNK_BYTES = 1 << 20;
/**
 * Formats other than JSON lines are read whole: a cap far above any real page, feed or TREC file
 * keeps a device or a mislabelled dump from filling memory.
 */
const DEFAULT_MAX_FILE_BYTES = 128 * 1024 * 1024;
/** Enough of standard input to tell JSON lines from other formats. */
const STDIN_HEAD_BYTES = 64 * 1024;

/** Reads paths (files, directories recursively), http(s) URLs, and '-' (stdin), streaming items in input order. */
export async function* readInputs(inputs: string[], options: IngestOptions = {}): AsyncGenerator<IngestItem> {
  for (const input of inputs) {
    const items =
      input === '-'
        ? readStdin(options)
        : /^https?:\/\//i.test(input)
          ? readUrl(input, options)
          : readPath(input, options);
    const fallback = options.published ? { published: options.published } : null;
    for await (const item of items) yield withinLengthLimit(withDefaults(item, fallback), options.maxArticleChars);
  }
}

/** Parses a buffer of known origin (the HTTP API, feeds polled by `watch`). */
export function parseBuffer(buf: Buffer, name: string, options: IngestOptions = {}): IngestItem[] {
  return parseWhole(buf, name, options).map((item) => withinLengthLimit(item, options.maxArticleChars));
}

function parseWhole(buf: Buffer, name: string, options: IngestOptions): IngestItem[] {
  if (readsAsJsonLines(name, buf, options)) return parseJsonLinesBuffer(buf, name, options);
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
    // A sidecar describes its file; it is no article itself.
    for (const file of files) if (!file.endsWith(SIDECAR_SUFFIX)) yield* readFileWithSidecar(file, options);
  } else {
    yield* readFileWithSidecar(path, options);
  }
}

/** A file's items, with what its sidecar (`<file>.meta.json`) says filling what the file leaves empty. */
async function* readFileWithSidecar(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const sidecar = await readSidecar(path);
  if (sidecar && 'error' in sidecar) {
    yield sidecar.error;
    return;
  }
  for await (const item of readFileItems(path, options)) yield withDefaults(item, sidecar);
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
  let handle: FileHandle | null = null;
  try {
    // Non-blocking, so that opening a FIFO does not wait for a writer; what it is decides next.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) {
      yield errorItem(path, `not a regular file (${fileKind(info)}), skipped`);
      return;
    }
    const head = await readChunk(handle, 0);
    if (readsAsJsonLines(path, head, options)) {
      // The chunks close the file when they end.
      const chunks = chunksOf(handle, head, head.length);
      handle = null;
      yield* readJsonLines(chunks, path, options);
      return;
    }
    const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (info.size > maxBytes) {
      yield errorItem(path, overLimit(info.size, maxBytes));
      return;
    }
    // Read to the end, not to the size stat gave: the file may be growing.
    const whole: Buffer[] = [head];
    let size = head.length;
    for (let chunk = head; chunk.length > 0 && size <= maxBytes; size += chunk.length)
      whole.push((chunk = await readChunk(handle, size)));
    if (size > maxBytes) {
      yield errorItem(path, overLimit(Math.max(size, info.size), maxBytes));
      return;
    }
    yield* parseWhole(Buffer.concat(whole), path, options);
  } catch (e) {
    yield errorItem(path, fsMessage(e));
  } finally {
    await handle?.close();
  }
}

function overLimit(size: number, maxBytes: number): string {
  return `${size} bytes, over the limit of ${maxBytes} for formats read whole (--max-file-bytes), skipped; JSON lines have no such limit`;
}

function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a directory';
  return 'not a file';
}

/** The chunk of the file at `position`; empty at the end. */
async function readChunk(handle: FileHandle, position: number): Promise<Buffer> {
  const chunk = Buffer.allocUnsafe(STREAM_CHUNK_BYTES);
  const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
  return chunk.subarray(0, bytesRead);
}

/** The file's bytes from `position` on, after `head`, in fresh chunks; closes the file at the end. */
async function* chunksOf(handle: FileHandle, head: Buffer, position: number): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head;
    for (;;) {
      const chunk = await readChunk(handle, position);
      if (chunk.length === 0) return;
      position += chunk.length;
      yield chunk;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Whether input named `name` whose first bytes are `head` is read as JSON lines, line by line:
 * by its extension or the format asked for, or, without an extension (stdin, URLs), by its start.
 */
function readsAsJsonLines(name: string, head: Buffer, options: IngestOptions): boolean {
  if (options.format !== undefined && options.format !== 'jsonl') return false;
  const unit = jsonLinesUnit(head);
  if (unit === null) return false;
  const ext = extensionHint(name);
  if (options.format === 'jsonl' || ext === 'jsonl') return true;
  if (ext !== null) return false;
  const start = head.subarray(0, 8192);
  return sniffFormat(unit === 'byte' ? start.toString('utf8') : decodeFrom(start, unit)) === 'jsonl';
}

/** Standard input: JSON lines are read as they arrive; anything else whole. */
async function* readStdin(options: IngestOptions): AsyncGenerator<IngestItem> {
  const chunks = buffersOf(options.stdin ?? process.stdin)[Symbol.asyncIterator]();
  // The first chunks decide how the rest is read.
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < STDIN_HEAD_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headBytes += next.value.length;
  }
  const head = Buffer.concat(headChunks);
  if (readsAsJsonLines('stdin', head, options)) {
    yield* readJsonLines(ended ? [head] : prepended(head, chunks), 'stdin', options);
    return;
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const all: Buffer[] = [head];
  let size = head.length;
  if (!ended) {
    for (let next = await chunks.next(); !next.done && size <= maxBytes; next = await chunks.next()) {
      all.push(next.value);
      size += next.value.length;
    }
  }
  if (size > maxBytes) {
    yield errorItem('stdin', overLimit(size, maxBytes));
    return;
  }
  yield* parseWhole(Buffer.concat(all), 'stdin', options);
}

async function* buffersOf(stream: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream)
    yield typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
}

async function* prepended(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

async function* readUrl(url: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: BoundedResponse;
  try {
    // Bounded: a huge or endless body, or a gzip bomb, is refused once past its cap.
    response = await fetchBounded(url, {
      fetch: options.fetch,
      signal: controller.signal,
      limits: options.limits,
      headers: { accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' },
    });
  } catch (e) {
    const message =
      e instanceof ResponseTooLarge || e instanceof RedirectFailure
        ? e.message
        : controller.signal.aborted
          ? `timed out after ${timeoutMs} ms`
          : `fetch failed (${fsMessage(e)})`;
    yield errorItem(url, message);
    return;
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    yield errorItem(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    return;
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  yield* parseWhole(response.body, url, { ...options, contentType: options.contentType ?? contentType });
}

function fsMessage(e: unknown): string {
  const code = errorCode(e);
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  const message =
    e instanceof Error ? (e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message) : String(e);
  return message.split('\n')[0];
}
