import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cdataParts, elements, replaceTags, withoutComments, withoutElements } from './markup-scan.js';
import { htmlToText, xmlInnerText } from './html-text.js';

// The scanners replace regular expressions that were quadratic on unclosed markup; on any input
// they must find what those expressions found. Inputs are made of the pieces that matter.
const PIECES = [
  '<',
  '>',
  '/',
  ' ',
  '\n',
  'x',
  'ب',
  '<p>',
  '</p>',
  '<P class="a">',
  '<pre>',
  '<br/>',
  '<h1>',
  '<script>',
  '</script>',
  '</SCRIPT >',
  '<scripts>',
  '<style',
  '</style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<DOC>',
  '<doc id="1">',
  '</DOC>',
  '</doc\n>',
  '<DOCNO>',
  '</DOCNO>',
  '&amp;',
  'İ',
];
const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join(''));
const RUNS = { numRuns: 2000 };

const DROPPED = ['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head'];
const BLOCKS = ['p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'table'];

test('withoutComments finds what /<!--[\\s\\S]*?-->/g found', () => {
  fc.assert(
    fc.property(markup, (s) => withoutComments(s) === s.replace(/<!--[\s\S]*?-->/g, '')),
    RUNS,
  );
});

test('withoutElements finds what /<(name)\\b[\\s\\S]*?<\\/\\1\\s*>/gi found', () => {
  const pattern = new RegExp(`<(${DROPPED.join('|')})\\b[\\s\\S]*?<\\/\\1\\s*>`, 'gi');
  fc.assert(
    fc.property(markup, (s) => withoutElements(s, (n) => DROPPED.includes(n), false) === s.replace(pattern, '')),
    RUNS,
  );
});

test('elements with attributes find what /<(name)\\b[^>]*>([\\s\\S]*?)<\\/\\1\\s*>/gi found', () => {
  const pattern = /<(DOC|DOCNO)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
  fc.assert(
    fc.property(markup, (s) => {
      const scanned = elements(s, (n) => n === 'doc' || n === 'docno', true).map((e) => [
        e.start,
        e.name,
        s.slice(e.contentStart, e.contentEnd),
      ]);
      const matched = [...s.matchAll(pattern)].map((m) => [m.index, m[1], m[2]]);
      assert.deepEqual(scanned, matched);
    }),
    RUNS,
  );
});

test('replaceTags finds what /<\\/?(name)\\b[^>]*>/gi and /<[^>]*>/g found', () => {
  const blocks = new RegExp(`<\\/?(${BLOCKS.join('|')})\\b[^>]*>`, 'gi');
  fc.assert(
    fc.property(markup, (s) => {
      assert.equal(
        replaceTags(s, (n) => BLOCKS.includes(n), '\n'),
        s.replace(blocks, '\n'),
      );
      assert.equal(replaceTags(s, null, ''), s.replace(/<[^>]*>/g, ''));
    }),
    RUNS,
  );
});

test('cdataParts splits where /<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>/g did', () => {
  fc.assert(
    fc.property(markup, (s) => {
      const { outside, inside } = cdataParts(s);
      const matches = [...s.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)];
      assert.deepEqual(
        inside,
        matches.map((m) => m[1]),
      );
      assert.equal(outside.length, inside.length + 1);
      assert.equal(outside.map((o, i) => o + (i < inside.length ? `<![CDATA[${inside[i]}]]>` : '')).join(''), s);
    }),
    RUNS,
  );
});

test('htmlToText and xmlInnerText on ordinary markup', () => {
  assert.equal(
    htmlToText('<div><p>قصف <b>المطار</b></p><script>x()</script><!-- c --><p>ثم &amp; هدوء</p></div>'),
    'قصف المطار\nثم & هدوء',
  );
  assert.equal(xmlInnerText('a &amp; <![CDATA[<b>&amp;</b>]]> c'), 'a & <b>&amp;</b> c');
});
