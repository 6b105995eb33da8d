import type * as FastXmlParser from 'fast-xml-parser';
import { articleItem, errorItem, LineCounter, type IngestItem } from '../types.js';
import { htmlToText, xmlInnerText } from '../html-text.js';
import { isArray, isRecord } from '../../core/unknown.js';
import { lazyModule } from '../../core/lazy-module.js';

const fastXmlParser = lazyModule<typeof FastXmlParser>('fast-xml-parser');
let xmlParser: FastXmlParser.XMLParser | undefined;

/** The feed parser, made at the first feed read. */
function parser(): FastXmlParser.XMLParser {
  if (!xmlParser) {
    const { XMLParser } = fastXmlParser();
    // Text-bearing elements are kept raw: feeds put HTML in them escaped, in CDATA, or (wrongly)
    // as bare markup, and a raw string lets one function handle all three.
    xmlParser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      stopNodes: ['*.title', '*.description', '*.content:encoded', '*.content', '*.summary'],
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
    });
  }
  return xmlParser;
}

type XmlNode = Record<string, unknown>;

/** The element v, if it is one (not text, not absent). */
function nodeOf(v: unknown): XmlNode | undefined {
  return isRecord(v) ? v : undefined;
}

/** One article per RSS 2.0 / RSS 1.0 item or Atom entry. */
export function parseFeed(xml: string, name: string): IngestItem[] {
  let doc: XmlNode | undefined;
  try {
    doc = nodeOf(parser().parse(xml));
  } catch (e) {
    return [errorItem(name, `invalid XML (${oneLine(e)})`)];
  }
  const rss = nodeOf(nodeOf(doc?.rss)?.channel);
  const rdf = nodeOf(doc?.['rdf:RDF']);
  const atom = nodeOf(doc?.feed);
  const entries: XmlNode[] = [];
  let feedTitle: string | null = null;
  let isAtom = false;
  if (rss) {
    for (const entry of asNodes(rss.item)) entries.push(entry); // not push(...): 150,000 items overflow the stack
    feedTitle = plainText(rss.title);
  } else if (rdf) {
    for (const entry of asNodes(rdf.item)) entries.push(entry);
    feedTitle = plainText(nodeOf(rdf.channel)?.title);
  } else if (atom) {
    isAtom = true;
    for (const entry of asNodes(atom.entry)) entries.push(entry);
    feedTitle = plainText(atom.title);
  } else {
    return [errorItem(name, 'XML that is neither an RSS nor an Atom feed')];
  }
  if (entries.length === 0) return [errorItem(name, 'feed has no items')];
  const wheres = entryWheres(xml, name, isAtom ? 'entry' : 'item', entries.length);
  return entries.map((entry, i) =>
    isAtom ? atomEntry(entry, wheres[i], name, feedTitle) : rssItem(entry, wheres[i], name, feedTitle),
  );
}

function rssItem(item: XmlNode, where: string, feed: string, feedTitle: string | null): IngestItem {
  // Some feeds send an empty content:encoded beside a full description.
  const text =
    [item['content:encoded'], item.description]
      .map((body) => (body === undefined ? '' : htmlToText(xmlInnerText(rawOf(body)))))
      .find((t) => t !== '') ?? '';
  return articleItem(where, {
    title: plainText(item.title),
    text,
    published: textOf(item.pubDate) ?? textOf(item['dc:date']),
    url: (isArray(item.link) ? item.link.map(textOf).find(Boolean) : undefined) ?? textOf(item['@_rdf:about']),
    source: textOf(item.source) ?? feedTitle,
    externalId: textOf(item.guid),
    input: feed,
  });
}

function atomEntry(entry: XmlNode, where: string, feed: string, feedTitle: string | null): IngestItem {
  const text =
    [entry.content, entry.summary].map((body) => (body === undefined ? '' : atomText(body))).find((t) => t !== '') ??
    '';
  const links = asNodes(entry.link);
  const link = links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ?? links[0];
  return articleItem(where, {
    title: plainText(entry.title),
    text,
    published: textOf(entry.published) ?? textOf(entry.updated),
    url: textOf(link?.['@_href']),
    source: plainText(nodeOf(entry.source)?.title) ?? feedTitle,
    externalId: textOf(entry.id),
    input: feed,
  });
}

/** Atom says how its text is written: `text` (escaped), `html` (escaped HTML) or `xhtml` (markup). */
function atomText(node: unknown): string {
  const type = nodeOf(node)?.['@_type'];
  const raw = rawOf(node);
  if (type === 'xhtml') return htmlToText(raw);
  if (type === 'text' || type === undefined) return xmlInnerText(raw).trim();
  return htmlToText(xmlInnerText(raw));
}

/** Each entry's line, found by scanning for its start tag; `#n` when the scan disagrees with the parser. */
function entryWheres(xml: string, name: string, tag: string, count: number): string[] {
  const starts: number[] = [];
  const re = new RegExp(`<${tag}[\\s>/]`, 'g');
  for (let m: RegExpExecArray | null; (m = re.exec(xml));) starts.push(m.index);
  if (starts.length !== count) return Array.from({ length: count }, (_, i) => `${name}#${i + 1}`);
  const lines = new LineCounter(xml);
  return starts.map((offset) => `${name}:${lines.lineAt(offset)}`);
}

function asNodes(v: unknown): XmlNode[] {
  if (v === undefined || v === null) return [];
  return (isArray(v) ? v : [v]).filter(isRecord);
}

/** The raw inner content of a stop node (a string, or `#text` beside attributes). */
function rawOf(v: unknown): string {
  if (typeof v === 'string') return v;
  const text = nodeOf(v)?.['#text'];
  return typeof text === 'string' || typeof text === 'number' ? String(text) : '';
}

/** A short text element (title): markup and entities resolved, spaces collapsed. */
function plainText(v: unknown): string | null {
  if (v === undefined) return null;
  const t = htmlToText(xmlInnerText(rawOf(v)))
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

function textOf(v: unknown): string | null {
  const s = typeof v === 'string' ? v : nodeOf(v)?.['#text'];
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : null;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);
}
