/**
 * Plain text from an HTML fragment (feed descriptions, Readability's output): block elements end
 * a line, other tags go, entities are decoded. Scanners, not a DOM: feeds carry thousands of
 * small fragments and this runs on each; and not regular expressions, which retried from every
 * `<` of an unclosed run (markup-scan.ts).
 */
import { cdataParts, replaceTags, withoutComments, withoutElements } from './markup-scan.js';

/** Elements dropped with their content. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'head']);
/** Tags that end a line. */
const BLOCK_TAGS = new Set(
  'p div br hr h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table tr section article header footer aside figure figcaption main nav address'.split(
    ' ',
  ),
);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  icirc: 'î',
};

/** Decodes character references; unknown or malformed ones (a stray `&`) stay as written. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Text of an HTML fragment, one line per block, spaces collapsed, no blank lines. */
export function htmlToText(html: string): string {
  const withoutDropped = withoutElements(withoutComments(html), (name) => DROPPED_ELEMENTS.has(name), false);
  const withBreaks = replaceTags(
    replaceTags(withoutDropped, (name) => BLOCK_TAGS.has(name), '\n'),
    null,
    '',
  );
  return decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Inner text of an XML element as a feed writes it: CDATA sections unwrapped, entities decoded. */
export function xmlInnerText(raw: string): string {
  const { outside, inside } = cdataParts(raw);
  let out = '';
  for (let i = 0; i < inside.length; i++) out += decodeEntities(outside[i]) + inside[i];
  return out + decodeEntities(outside[inside.length]);
}
