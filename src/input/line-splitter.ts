/**
 * Splitting bytes into lines as they arrive, holding at most one line of bounded size: a line
 * longer than the limit is counted and skipped, never buffered whole (a 230 MB line must not
 * become a 230 MB buffer, then a 460 MB string).
 */

/** How lines end: a 0x0A byte, or a U+000A code unit of UTF-16 in either byte order. */
export type LineUnit = 'byte' | 'utf-16le' | 'utf-16be';

export type SplitLine =
  | { number: number; bytes: Buffer }
  /** A line over the limit: only its length is known. */
  | { number: number; tooLong: number };

const NEWLINE: Record<LineUnit, Buffer> = {
  byte: Buffer.from([0x0a]),
  'utf-16le': Buffer.from([0x0a, 0x00]),
  'utf-16be': Buffer.from([0x00, 0x0a]),
};

export class LineSplitter {
  private readonly newline: Buffer;
  private readonly step: number;
  /** Pieces of the current line, from earlier chunks (each referenced, not copied). */
  private parts: Buffer[] = [];
  private size = 0;
  /** Bytes of the current line, counted once it is over the limit and its bytes are dropped. */
  private skipped = 0;
  /** UTF-16: the odd byte at the end of a chunk, to be joined to the next one. */
  private carry: Buffer | null = null;
  private line = 1;

  constructor(
    private readonly maxLineBytes: number,
    unit: LineUnit = 'byte',
  ) {
    this.newline = NEWLINE[unit];
    this.step = this.newline.length;
  }

  /** The lines this chunk completes. The chunk must not be reused by its producer afterwards. */
  push(input: Uint8Array): SplitLine[] {
    let chunk = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    if (this.step === 2) {
      if (this.carry) chunk = Buffer.concat([this.carry, chunk]);
      this.carry = chunk.length % 2 === 1 ? chunk.subarray(chunk.length - 1) : null;
      if (this.carry) chunk = chunk.subarray(0, chunk.length - 1);
    }
    const lines: SplitLine[] = [];
    let start = 0;
    for (;;) {
      const nl = this.findNewline(chunk, start);
      if (nl === -1) {
        this.add(chunk.subarray(start));
        return lines;
      }
      this.add(chunk.subarray(start, nl));
      lines.push(this.takeLine());
      start = nl + this.step;
    }
  }

  /** The last line, when the input does not end with a newline. */
  end(): SplitLine[] {
    if (this.carry) this.add(this.carry);
    this.carry = null;
    return this.size > 0 || this.skipped > 0 ? [this.takeLine()] : [];
  }

  private findNewline(chunk: Buffer, from: number): number {
    let at = chunk.indexOf(this.newline, from);
    // UTF-16: only a code unit boundary counts (0x0A 0x00 can straddle two characters).
    while (this.step === 2 && at !== -1 && (at - from) % 2 === 1) at = chunk.indexOf(this.newline, at + 1);
    return at;
  }

  private add(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.skipped > 0) {
      this.skipped += piece.length;
    } else if (this.size + piece.length > this.maxLineBytes) {
      this.skipped = this.size + piece.length;
      this.parts = [];
      this.size = 0;
    } else {
      this.parts.push(piece);
      this.size += piece.length;
    }
  }

  private takeLine(): SplitLine {
    const number = this.line++;
    if (this.skipped > 0) {
      const tooLong = this.skipped;
      this.skipped = 0;
      return { number, tooLong };
    }
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return { number, bytes };
  }
}
