import { articleItem, errorItem, LineCounter, type IngestItem } from '../types.js';
import { decodeEntities, htmlToText } from '../html-text.js';

// TREC collections are rarely well-formed XML (no root element, bare `&`), so documents and their
// fields are cut out by pattern rather than parsed.
const DOC = /<DOC\b[^>]*>([\s\S]*?)<\/DOC\s*>/gi;
const FIELD =
  /<(DOCNO|DOCID|HEADLINE|TITLE|HL|HEAD|DATE|DATE_TIME|PUBDATE|TEXT|BODY|URL|SOURCE)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;

export function parseTrec(text: string, name: string): IngestItem[] {
  const items: IngestItem[] = [];
  const lines = new LineCounter(text);
  for (const doc of text.matchAll(DOC)) {
    const where = `${name}:${lines.lineAt(doc.index ?? 0)}`;
    const fields = new Map<string, string>();
    const bodies: string[] = [];
    for (const f of doc[1].matchAll(FIELD)) {
      const tag = f[1].toUpperCase();
      const value = fieldText(f[2]);
      if (tag === 'TEXT' || tag === 'BODY') bodies.push(value);
      else if (!fields.has(tag)) fields.set(tag, value);
    }
    const pick = (...tags: string[]) => tags.map((t) => fields.get(t)).find((v) => v !== undefined && v !== '') ?? null;
    items.push(
      articleItem(where, {
        title: pick('HEADLINE', 'TITLE', 'HL', 'HEAD'),
        text: bodies.filter(Boolean).join('\n'),
        published: pick('DATE', 'DATE_TIME', 'PUBDATE'),
        url: pick('URL'),
        source: pick('SOURCE'),
        externalId: pick('DOCNO', 'DOCID'),
      }),
    );
  }
  if (items.length === 0) items.push(errorItem(name, 'no <DOC> elements'));
  return items;
}

function fieldText(raw: string): string {
  const unwrapped = raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  return /<[a-z/!]/i.test(unwrapped) ? htmlToText(unwrapped) : decodeEntities(unwrapped).trim();
}
