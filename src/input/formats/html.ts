import type * as Linkedom from 'linkedom';
import type * as MozillaReadability from '@mozilla/readability';
import { articleItem, type IngestItem } from '../types.js';
import { htmlToText } from '../html-text.js';
import { isArray, isRecord } from '../../core/unknown.js';
import { lazyModule } from '../../core/lazy-module.js';

// Loaded at the first page read: some hundred and forty modules.
const linkedom = lazyModule<typeof Linkedom>('linkedom');
const readability = lazyModule<typeof MozillaReadability>('@mozilla/readability');

/** Meta tags that carry a publication date, most specific first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'dc.date',
  'dc.date.issued',
  'date',
];

/** What this module reads from a parsed page's elements. */
interface PageElement {
  getAttribute(name: string): string | null;
  readonly textContent: string | null;
}

/** What this module reads from a parsed page. */
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** linkedom types parseHTML's result with the DOM lib's `Window`, which a Node build lacks (so it is
 * untyped here): the document is given the shape this module reads, once, here. */
function parsePage(html: string): PageDocument {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- see above
  return linkedom().parseHTML(html).document;
}

/** An HTML page: body and title by Readability, date, URL and site from the page's metadata. */
export function parseHtml(html: string, where: string, pageUrl: string | null = null): IngestItem {
  const document = parsePage(html);
  // Read metadata first: Readability strips scripts (JSON-LD) and rewrites the tree.
  const jsonLd = readJsonLd(document);
  const published = jsonLd.datePublished ?? metaDate(document) ?? timeDate(document);
  const url =
    attr(document.querySelector('link[rel="canonical"]'), 'href') ?? metaContent(document, 'og:url') ?? pageUrl;
  const source = metaContent(document, 'og:site_name') ?? jsonLd.publisher;
  // The publisher's headline metadata, unlike <title>, carries no " - Site name" tail.
  const headline = jsonLd.headline ?? metaContent(document, 'og:title');

  let title = document.querySelector('title')?.textContent ?? '';
  let text = '';
  try {
    const result = new (readability().Readability)(document).parse();
    if (result) {
      title = result.title || title;
      text = htmlToText(result.content ?? '');
    }
  } catch {
    // Readability gives up on some malformed pages; the paragraphs below still hold the text.
  }
  if (text.trim() === '') {
    const again = parsePage(html);
    text = [...again.querySelectorAll('p')]
      .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  }
  const finalTitle = (headline ?? title).replace(/\s+/g, ' ').trim();
  return articleItem(where, {
    title: finalTitle,
    text: withoutLeadingTitle(text, finalTitle),
    published,
    url,
    source,
    input: where,
  });
}

/** The page's <h1> usually repeats the headline as the body's first line; the title field has it already. */
function withoutLeadingTitle(text: string, title: string): string {
  const firstBreak = text.indexOf('\n');
  if (title === '' || firstBreak === -1) return text;
  return text.slice(0, firstBreak).trim() === title ? text.slice(firstBreak + 1) : text;
}

function attr(el: PageElement | null, name: string): string | null {
  const v = el?.getAttribute(name);
  return v && v.trim() !== '' ? v.trim() : null;
}

function metaContent(document: PageDocument, key: string): string | null {
  for (const meta of document.querySelectorAll('meta')) {
    const name = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop') ??
      ''
    ).toLowerCase();
    if (name === key) {
      const v = meta.getAttribute('content');
      if (v && v.trim() !== '') return v.trim();
    }
  }
  return null;
}

function metaDate(document: PageDocument): string | null {
  for (const key of DATE_META) {
    const v = metaContent(document, key);
    if (v) return v;
  }
  return null;
}

function timeDate(document: PageDocument): string | null {
  return (
    attr(document.querySelector('[itemprop="datePublished"]'), 'datetime') ??
    attr(document.querySelector('[itemprop="datePublished"]'), 'content') ??
    attr(document.querySelector('time[datetime]'), 'datetime')
  );
}

interface JsonLdFacts {
  datePublished: string | null;
  headline: string | null;
  publisher: string | null;
}

/** The first article-like node of the page's JSON-LD, looking inside arrays and `@graph`. */
function readJsonLd(document: PageDocument): JsonLdFacts {
  const facts: JsonLdFacts = { datePublished: null, headline: null, publisher: null };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is common and says nothing about the article
    }
    // Breadth first, by an index into the queue (shift() and push(...) cost the square of a long
    // array, and a spread of one overflows the stack).
    const queue: unknown[] = [data];
    for (let next = 0; next < queue.length; next++) {
      const node = queue[next];
      if (isArray(node)) for (const item of node) queue.push(item);
      else if (isRecord(node)) {
        const graph = node['@graph'];
        if (isArray(graph)) for (const item of graph) queue.push(item);
        facts.datePublished ??= stringOf(node.datePublished) ?? stringOf(node.dateCreated);
        facts.headline ??= stringOf(node.headline);
        if (isRecord(node.publisher)) facts.publisher ??= stringOf(node.publisher.name);
      }
    }
  }
  return facts;
}

function stringOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}
