import { articleItem, errorItem, LineCounter, type IngestItem } from '../types.js';
import { decodeEntities, htmlToText } from '../html-text.js';
import { cdataParts, elements } from '../markup-scan.js';

// TREC collections are rarely well-formed XML (no root element, bare `&`), so documents and their
// fields are cut out by a scanner rather than parsed: <DOC …>…</DOC>, and inside each the fields
// <NAME …>…</NAME> (markup-scan.ts; a pattern retried from every unclosed <DOC> to the end).
const isDoc = (name: string) => name === 'doc';
const FIELDS = new Set([
  'docno',
  'docid',
  'headline',
  'title',
  'hl',
  'head',
  'date',
  'date_time',
  'pubdate',
  'text',
  'body',
  'url',
  'source',
]);
const isField = (name: string) => FIELDS.has(name);

export function parseTrec(text: string, name: string): IngestItem[] {
  const items: IngestItem[] = [];
  const lines = new LineCounter(text);
  for (const doc of elements(text, isDoc, true)) {
    const where = `${name}:${lines.lineAt(doc.start)}`;
    const fields = new Map<string, string>();
    const bodies: string[] = [];
    const content = text.slice(doc.contentStart, doc.contentEnd);
    for (const f of elements(content, isField, true)) {
      const tag = f.name.toUpperCase();
      const value = fieldText(content.slice(f.contentStart, f.contentEnd));
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
  const { outside, inside } = cdataParts(raw);
  const unwrapped = outside.map((o, i) => o + (inside[i] ?? '')).join('');
  return /<[a-z/!]/i.test(unwrapped) ? htmlToText(unwrapped) : decodeEntities(unwrapped).trim();
}
