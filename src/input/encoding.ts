/**
 * Turning bytes into text. Arabic news comes as UTF-8 (with or without BOM), UTF-16 from Windows
 * tools, and Windows-1256 from older Arabic sites; a file that is none of these is reported, not
 * decoded into mojibake.
 */
import type * as IconvLite from 'iconv-lite';
import type * as Chardet from 'chardet';
import { lazyModule } from '../core/lazy-module.js';

// Loaded when a text is not UTF-8: reading UTF-8, as most news is, needs neither.
const iconv = lazyModule<typeof IconvLite>('iconv-lite');
const chardet = lazyModule<typeof Chardet>('chardet');

/** `bytes` decoded from `encoding` (a name iconv-lite knows). */
export function decodeFrom(bytes: Buffer, encoding: string): string {
  return iconv().decode(bytes, encoding);
}

export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false; message: string };

const SAMPLE_BYTES = 8192;
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Magic numbers of the binary files people most often feed a text tool by mistake. */
const SIGNATURES: Array<[string, number[]]> = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive, e.g. DOCX or XLSX', [0x50, 0x4b, 0x03, 0x04]],
  ['OLE document, e.g. DOC or XLS', [0xd0, 0xcf, 0x11, 0xe0]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['gzip archive', [0x1f, 0x8b]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

/** The kind of binary file these first bytes start, by its magic number; null when none matches. */
export function binarySignature(buf: Uint8Array): string | null {
  for (const [kind, magic] of SIGNATURES) {
    if (buf.length >= magic.length && magic.every((b, i) => buf[i] === b)) return kind;
  }
  return null;
}

/** What kind of binary file this is, or null when it may be text. */
export function binaryKind(buf: Uint8Array): string | null {
  const signed = binarySignature(buf);
  if (signed !== null) return signed;
  if (bomEncoding(buf) !== null || utf16Guess(buf) !== null) return null;
  const n = Math.min(buf.length, SAMPLE_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return 'binary data';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > n / 20 ? 'binary data' : null;
}

/** The charset an HTML or XML document declares for itself in its first bytes, if any. */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const m =
    /<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ??
    /<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/**
 * Decodes `buf`: BOM first, then UTF-16 without BOM, then valid UTF-8 (whatever a page declares:
 * sites often declare a charset they no longer use), then the declared charset, then Windows-1256
 * when the bytes look like Arabic in it.
 */
export function decodeText(buf: Uint8Array, declared?: string | null): DecodedText {
  const encoding = bomEncoding(buf) ?? utf16Guess(buf);
  if (encoding !== null) {
    return {
      ok: true,
      text: decodeFrom(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding),
      encoding,
    };
  }
  try {
    return { ok: true, text: utf8Strict.decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the declared charset, then Windows-1256
  }
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (declared && !/^utf-?8$/i.test(declared) && iconv().encodingExists(declared)) {
    return { ok: true, text: decodeFrom(bytes, declared), encoding: declared.toLowerCase() };
  }
  const arabic = arabicSingleByteGuess(buf);
  if (arabic !== null) return { ok: true, text: decodeFrom(bytes, arabic), encoding: arabic };
  return {
    ok: false,
    message: `cannot decode: invalid UTF-8 at byte ${invalidUtf8Offset(buf)}, and not UTF-16 or Windows-1256 text`,
  };
}

/**
 * One line of a file whose lines may differ in encoding (records appended by different tools):
 * UTF-8, else Windows-1256 when it looks like Arabic in it; a line with a NUL byte is binary.
 */
export function decodeLine(line: Uint8Array): DecodedText {
  const nul = line.indexOf(0);
  if (nul !== -1) return { ok: false, message: `binary data (a NUL byte at byte ${nul + 1} of the line)` };
  try {
    return { ok: true, text: utf8Strict.decode(line), encoding: 'utf-8' };
  } catch {
    // not UTF-8: Windows-1256?
  }
  const arabic = arabicSingleByteGuess(line);
  if (arabic !== null) {
    return {
      ok: true,
      text: decodeFrom(Buffer.from(line.buffer, line.byteOffset, line.byteLength), arabic),
      encoding: arabic,
    };
  }
  return {
    ok: false,
    message: `cannot decode: invalid UTF-8 at byte ${invalidUtf8Offset(line) + 1} of the line, and not Windows-1256 text`,
  };
}

/** UTF-16 by its byte order mark or, without one, by the pattern of its bytes; null otherwise. */
export function utf16Encoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const encoding = bomEncoding(head) ?? utf16Guess(head);
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : null;
}

/** The length of the byte order mark these bytes start with (UTF-8 or UTF-16), 0 without one. */
export function bomLength(head: Uint8Array): number {
  const encoding = bomEncoding(head);
  return encoding === null ? 0 : encoding === 'utf-8' ? 3 : 2;
}

function bomEncoding(buf: Uint8Array): string | null {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without BOM: in Arabic or Latin text nearly every high byte is 0x00 (ASCII, spaces,
 * newlines), 0x06 (Arabic block) or 0x20 (punctuation), and some are 0x00.
 */
function utf16Guess(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, SAMPLE_BYTES) & ~1;
  if (n < 4) return null;
  const pairs = n / 2;
  let leHigh = 0,
    leZero = 0,
    beHigh = 0,
    beZero = 0;
  for (let i = 0; i < n; i += 2) {
    const a = buf[i];
    const b = buf[i + 1];
    if (b === 0x00 || b === 0x06 || b === 0x20) leHigh++;
    if (b === 0x00) leZero++;
    if (a === 0x00 || a === 0x06 || a === 0x20) beHigh++;
    if (a === 0x00) beZero++;
  }
  if (leHigh >= pairs * 0.9 && leZero > 0 && beZero < pairs * 0.1) return 'utf-16le';
  if (beHigh >= pairs * 0.9 && beZero > 0 && leZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  try {
    utf8Strict.decode(buf);
    return -1;
  } catch {
    // Slow path only for the error message: find where it breaks.
  }
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return buf.length;
}

/** Latin letters that Windows-1256 keeps in its upper half (for French); not Arabic evidence. */
const CP1256_LATIN = new Set([0xe0, 0xe2, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xee, 0xef, 0xf4, 0xf9, 0xfb, 0xfc]);

/**
 * Windows-1256 when most high bytes are its Arabic letters (0xC1-0xFE) and they come in runs,
 * as letters of words do; chardet's Arabic model decides the close cases.
 */
function arabicSingleByteGuess(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, SAMPLE_BYTES * 8);
  let high = 0,
    letters = 0,
    inRuns = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x80) continue;
    high++;
    if (b >= 0xc1 && b <= 0xfe && !CP1256_LATIN.has(b)) letters++;
    if ((i > 0 && buf[i - 1] >= 0x80) || (i + 1 < n && buf[i + 1] >= 0x80)) inRuns++;
  }
  if (high === 0) return null;
  if (letters >= high * 0.8 && inRuns >= high * 0.8) return 'windows-1256';
  const best = chardet().analyse(buf.subarray(0, n))[0];
  if (best && best.confidence >= 50 && (best.name === 'windows-1256' || best.name === 'ISO-8859-6')) {
    return best.name.toLowerCase();
  }
  return null;
}
