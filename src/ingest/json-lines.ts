/**
 * JSON lines read as they arrive, one line at a time: a large file starts yielding at once and
 * never becomes one giant string, and a record over the size limit is skipped with an error
 * naming its line instead of exhausting memory.
 */
import { LineSplitter, type SplitLine } from './line-splitter.js';
import { errorItem, type IngestItem, type IngestOptions } from './types.js';
import { parseJsonLine } from './formats/json.js';

/** Larger than any real article with its metadata (the longest of the ANT corpus is ~60 kB). */
export const DEFAULT_MAX_RECORD_BYTES = 5 * 1024 * 1024;

/** Items of the JSON lines in `chunks`, `name` being the file (lines are reported as `name:LINE`). */
export async function* readJsonLines(
  chunks: AsyncIterable<Uint8Array>,
  name: string,
  options: IngestOptions,
): AsyncGenerator<IngestItem> {
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const splitter = new LineSplitter(maxBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const itemOf = (line: SplitLine): IngestItem | null => {
    const where = `${name}:${line.number}`;
    if ('tooLong' in line) {
      return errorItem(
        where,
        `record of ${line.tooLong} bytes is over the limit of ${maxBytes} (--max-record-bytes), skipped`,
      );
    }
    let text: string;
    try {
      text = decoder.decode(line.bytes);
    } catch {
      return errorItem(where, 'invalid UTF-8');
    }
    return text.trim() === '' ? null : parseJsonLine(text, where, options.fieldMap);
  };
  let first = true;
  for await (const chunk of chunks) {
    // A UTF-8 byte order mark before the first record.
    const bytes = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? chunk.subarray(3) : chunk;
    first = false;
    for (const line of splitter.push(bytes)) {
      const item = itemOf(line);
      if (item) yield item;
    }
  }
  for (const line of splitter.end()) {
    const item = itemOf(line);
    if (item) yield item;
  }
}
