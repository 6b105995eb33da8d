/** Renders a stretch of article text with spans marked, from offsets alone (textContent only). */
import { el } from './dom.js';

export interface Mark {
  start: number;
  end: number;
  /** CSS class suffix: trigger, actor, place, date, number, claim, evidence, name. */
  kind: string;
  title?: string;
}

/** The highlight kind of an event field (from the record's `sources`). */
export function kindOfField(field: string): string {
  if (field === 'trigger') return 'trigger';
  if (field === 'claimed_by') return 'claim';
  if (field === 'evidence') return 'evidence';
  if (/^(actor|assoc_actor)/.test(field)) return 'actor';
  if (/^(location|place|admin)/.test(field)) return 'place';
  if (/^(date|time)/.test(field)) return 'date';
  if (/^(fatalities|injured)/.test(field)) return 'number';
  return 'other';
}

/**
 * `text` covers article offsets [base, base + text.length). Marks may nest or overlap: the text
 * is cut at every mark boundary and each piece carries the classes of all marks covering it.
 */
export function renderMarked(text: string, base: number, marks: Mark[]): DocumentFragment {
  const end = base + text.length;
  const inside = marks.filter((m) => m.end > base && m.start < end && m.end > m.start);
  const cuts = new Set<number>([base, end]);
  for (const m of inside) {
    cuts.add(Math.max(base, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = document.createDocumentFragment();
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from - base, to - base);
    const covering = inside.filter((m) => m.start <= from && m.end >= to);
    if (covering.length === 0) {
      out.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((m) => m.kind))];
    const title = covering
      .map((m) => m.title)
      .filter(Boolean)
      .join(' · ');
    out.append(el('mark', { class: kinds.map((k) => `hl hl-${k}`).join(' '), text: piece, title }));
  }
  return out;
}
