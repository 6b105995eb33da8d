import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { binaryKind, declaredCharset, decodeText } from './encoding.js';

const ARABIC = 'أعلنت البلدية إغلاق المدارس بعد سقوط قذائف قرب الحي الغربي، ودعت السكان إلى الحذر.\n';

test('decodeText picks the encoding, table', () => {
  const table: Array<[string, Buffer, string | null, string]> = [
    ['plain UTF-8', Buffer.from(ARABIC), null, 'utf-8'],
    ['UTF-8 with BOM', iconv.encode(ARABIC, 'utf-8', { addBOM: true }), null, 'utf-8'],
    ['UTF-16LE with BOM', iconv.encode(ARABIC, 'utf-16le', { addBOM: true }), null, 'utf-16le'],
    ['UTF-16BE with BOM', iconv.encode(ARABIC, 'utf-16be', { addBOM: true }), null, 'utf-16be'],
    ['UTF-16LE without BOM', iconv.encode(ARABIC, 'utf-16le'), null, 'utf-16le'],
    ['UTF-16BE without BOM', iconv.encode(ARABIC, 'utf-16be'), null, 'utf-16be'],
    ['Windows-1256, undeclared', iconv.encode(ARABIC, 'windows-1256'), null, 'windows-1256'],
    ['Windows-1256, declared', iconv.encode(ARABIC, 'windows-1256'), 'windows-1256', 'windows-1256'],
    ['valid UTF-8 wins over a stale declaration', Buffer.from(ARABIC), 'windows-1256', 'utf-8'],
    ['Windows-1256 mislabelled as UTF-8', iconv.encode(ARABIC, 'windows-1256'), 'utf-8', 'windows-1256'],
  ];
  for (const [label, bytes, declared, encoding] of table) {
    const out = decodeText(bytes, declared);
    assert.ok(out.ok, label);
    if (!out.ok) continue;
    assert.equal(out.encoding, encoding, label);
    assert.equal(out.text, ARABIC, label);
  }
});

test('decodeText refuses bytes that are neither UTF-8 nor plausibly Arabic', () => {
  const latin1 = iconv.encode('Le café était fermé à cause des combats près du marché.', 'latin1');
  const out = decodeText(latin1);
  assert.equal(out.ok, false);
  if (!out.ok) assert.match(out.message, /^cannot decode: invalid UTF-8 at byte 6,/);
  // ...unless the document declares it
  const declared = decodeText(latin1, 'iso-8859-1');
  assert.ok(declared.ok && declared.text.startsWith('Le café'));
});

test('binaryKind names common binaries and leaves text alone', () => {
  const table: Array<[string, Buffer, string | null]> = [
    ['pdf', Buffer.from('%PDF-1.7\n%\u00e2\u00e3', 'latin1'), 'PDF'],
    ['docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'ZIP archive, e.g. DOCX or XLSX'],
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'PNG image'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'JPEG image'],
    ['NULs without a UTF-16 pattern', Buffer.from([0x41, 0x00, 0x00, 0x00, 0x7f, 0x13, 0x00, 0x88]), 'binary data'],
    ['UTF-8 text', Buffer.from(ARABIC), null],
    ['UTF-16LE text', iconv.encode(ARABIC, 'utf-16le'), null],
    ['Windows-1256 text', iconv.encode(ARABIC, 'windows-1256'), null],
  ];
  for (const [label, bytes, kind] of table) assert.equal(binaryKind(bytes), kind, label);
});

test('declaredCharset reads <meta charset>, http-equiv and the XML declaration', () => {
  const table: Array<[string, string | null]> = [
    ['<html><head><meta charset="windows-1256">', 'windows-1256'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=Windows-1256">', 'windows-1256'],
    ['<?xml version="1.0" encoding="ISO-8859-6"?><rss>', 'iso-8859-6'],
    ['<html><head><title>x</title>', null],
  ];
  for (const [head, charset] of table) assert.equal(declaredCharset(Buffer.from(head)), charset, head);
});
