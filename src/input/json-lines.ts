/**
 * JSON lines read as they arrive, one line at a time: a large file starts yielding at once and
 * never becomes one giant string, and a record over the size limit is skipped with an error
 * naming its line instead of exhausting memory. Each line is decoded on its own (files grow by
 * appending records from different tools: UTF-8 and Windows-1256 lines mix), so a bad line is one
 * error and the rest are read; UTF-16 files are split on UTF-16 newlines.
 */
import { LineSplitter, type LineUnit, type SplitLine } from './line-splitter.js';
import { binarySignature, bomLength, decodeFrom, decodeLine, utf16Encoding } from './encoding.js';
import { errorItem, type IngestItem, type IngestOptions } from './types.js';
import { parseJsonLine } from './formats/json.js';

/** Far larger than any real article with its metadata (the longest line of the ANT corpus is 18.6 kB). */
export const DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024;

/** A file whose first lines are all undecodable is a binary file, not a file of bad records. */
const BINARY_AFTER_BAD_LINES = 10;

/**
 * How JSON lines starting with `head` are to be split, or null when the head shows something
 * else (a binary file, an array, markup, plain text): those are read whole, by their format.
 * A first line that does not decode is taken as a bad record of a JSON-lines file.
 */
export function jsonLinesUnit(head: Buffer): LineUnit | null {
  if (binarySignature(head) !== null) return null;
  const unit = utf16Encoding(head) ?? 'byte';
  const body = head.subarray(bomLength(head));
  if (unit !== 'byte') return /^\s*\{/.test(decodeFrom(body.subarray(0, 4096), unit)) ? unit : null;
  const firstChar = body.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (firstChar === 0x7b) return 'byte';
  const firstLineEnd = body.indexOf(0x0a);
  const firstLine = body.subarray(0, firstLineEnd === -1 ? Math.min(body.length, 4096) : firstLineEnd);
  return firstLineEnd !== -1 && !decodeLine(firstLine).ok ? 'byte' : null;
}

/** Turns bytes into the items of their lines, `name` being the input (lines are `name:LINE`). */
export class JsonLinesReader {
  private splitter: LineSplitter | null = null;
  private unit: LineUnit = 'byte';
  private readonly maxBytes: number;
  private good = 0;
  private undecodable = 0;
  private pending: IngestItem[] = [];
  /** Set when the input proves binary: the rest is not read. */
  done = false;

  constructor(
    private readonly name: string,
    private readonly options: IngestOptions,
  ) {
    this.maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  }

  push(chunk: Buffer): IngestItem[] {
    if (this.done) return [];
    if (this.splitter === null) {
      // The first chunk decides the byte order and holds the byte order mark.
      this.unit = utf16Encoding(chunk) ?? 'byte';
      this.splitter = new LineSplitter(this.maxBytes, this.unit);
      chunk = chunk.subarray(bomLength(chunk));
    }
    return this.itemsOf(this.splitter.push(chunk));
  }

  end(): IngestItem[] {
    if (this.splitter === null || this.done) return [];
    const items = this.itemsOf(this.splitter.end());
    return [...this.pending.splice(0), ...items];
  }

  private itemsOf(lines: SplitLine[]): IngestItem[] {
    const items: IngestItem[] = [];
    for (const line of lines) {
      const item = this.itemOf(line);
      if (this.done) return [item!];
      if (item === null) continue;
      // Until a line decodes, undecodable ones wait: they may be the lines of a binary file.
      if (this.good === 0 && item.kind === 'error' && this.pending.length < BINARY_AFTER_BAD_LINES) {
        this.pending.push(item);
        continue;
      }
      items.push(...this.pending.splice(0), item);
    }
    return items;
  }

  private itemOf(line: SplitLine): IngestItem | null {
    const where = `${this.name}:${line.number}`;
    if ('tooLong' in line) {
      this.good++;
      return errorItem(
        where,
        `record of ${line.tooLong} bytes is over the limit of ${this.maxBytes} (--max-record-bytes), skipped`,
      );
    }
    const decoded =
      this.unit === 'byte' ? decodeLine(line.bytes) : { ok: true as const, text: decodeFrom(line.bytes, this.unit) };
    if (!decoded.ok) {
      if (this.good === 0 && ++this.undecodable >= BINARY_AFTER_BAD_LINES) {
        this.done = true;
        this.pending = [];
        return errorItem(this.name, `binary file (no text in its first ${this.undecodable} lines), skipped`);
      }
      return errorItem(where, `${decoded.message}, skipped`);
    }
    if (decoded.text.trim() === '') return null;
    this.good++;
    return parseJsonLine(decoded.text, where, this.options.fieldMap);
  }
}

/** The items of the JSON lines in `chunks`, as they arrive. */
export async function* readJsonLines(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  name: string,
  options: IngestOptions,
): AsyncGenerator<IngestItem> {
  const reader = new JsonLinesReader(name, options);
  for await (const chunk of chunks) {
    yield* reader.push(chunk);
    if (reader.done) return;
  }
  yield* reader.end();
}

/** The items of JSON lines held in memory (stdin, an HTTP body). */
export function parseJsonLinesBuffer(buf: Buffer, name: string, options: IngestOptions): IngestItem[] {
  const reader = new JsonLinesReader(name, options);
  return [...reader.push(buf), ...reader.end()];
}
