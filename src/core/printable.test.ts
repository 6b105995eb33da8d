import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeControls, visibleUrl, withoutBidiControls } from './printable.js';

test('control and bidi characters in messages are escaped', () => {
  assert.equal(escapeControls('a\u0000b\u001b[1m\n\u202ec\u0085'), 'a\\x00b\\x1b[1m\\x0a\\u202ec\\x85');
  assert.equal(escapeControls('طرابلس: خطأ'), 'طرابلس: خطأ');
});

test('titles lose their bidi controls; their letters stay', () => {
  assert.equal(withoutBidiControls('\u202eعنوان\u202c \u2067مقلوب\u2069\u200f\u061c'), 'عنوان مقلوب');
});

test('URLs show their invisible characters percent-encoded; the rest as written', () => {
  assert.equal(visibleUrl('https://example.com/\u202egpj.exe'), 'https://example.com/%E2%80%AEgpj.exe');
  assert.equal(visibleUrl('https://ex.com/a\u200bb c\u0000'), 'https://ex.com/a%E2%80%8Bb%20c%00');
  assert.equal(visibleUrl('https://ar.example/أخبار/1?q=ليبيا'), 'https://ar.example/أخبار/1?q=ليبيا');
});
