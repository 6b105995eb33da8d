/**
 * The histogram of events per day, drawn as SVG bars. Over a long span the days are summed into
 * wider bins so that each bar stays a few pixels wide. Dragging selects a date range.
 */
import { formatNumber } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY_MS = 86_400_000;
const HEIGHT = 90;
const AXIS = 16;

const toDay = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const fromDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export class Timeline {
  private first = 0;
  private last = 0;
  private width = 0;
  private range: [string, string] | null = null;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly onRange: (range: [string, string] | null) => void,
  ) {
    let dragFrom: number | null = null;
    root.addEventListener('pointerdown', (e) => {
      dragFrom = this.dayAt(e.clientX);
      root.setPointerCapture(e.pointerId);
    });
    root.addEventListener('pointermove', (e) => {
      if (dragFrom === null) return;
      this.drawBrush(Math.min(dragFrom, this.dayAt(e.clientX)), Math.max(dragFrom, this.dayAt(e.clientX)));
    });
    root.addEventListener('pointerup', (e) => {
      if (dragFrom === null) return;
      const to = this.dayAt(e.clientX);
      const [a, b] = [Math.min(dragFrom, to), Math.max(dragFrom, to)];
      dragFrom = null;
      if (b - a < 1) return; // a click, not a drag
      this.range = [fromDay(a), fromDay(b)];
      this.onRange(this.range);
    });
    root.addEventListener('dblclick', () => {
      this.range = null;
      this.onRange(null);
    });
  }

  private dayAt(clientX: number): number {
    const box = this.root.getBoundingClientRect();
    // Time runs left to right in both languages, as on the map's axes.
    const x = Math.max(0, Math.min(box.width, clientX - box.left));
    return Math.round(this.first + (x / Math.max(1, box.width)) * (this.last - this.first));
  }

  private xOf(day: number): number {
    return ((day - this.first) / Math.max(1, this.last - this.first)) * this.width;
  }

  setRange(range: [string, string] | null): void {
    this.range = range;
    this.root.querySelector('.brush')?.remove();
    if (range) this.drawBrush(toDay(range[0]), toDay(range[1]));
  }

  private drawBrush(a: number, b: number): void {
    this.root.querySelector('.brush')?.remove();
    const x = this.xOf(a);
    this.root.append(
      svg('rect', { class: 'brush', x, y: 0, width: Math.max(2, this.xOf(b) - x), height: HEIGHT - AXIS }),
    );
  }

  draw(byDay: { date: string; count: number }[]): void {
    this.root.replaceChildren();
    this.width = this.root.clientWidth || 800;
    this.root.setAttribute('viewBox', `0 0 ${this.width} ${HEIGHT}`);
    this.root.setAttribute('height', String(HEIGHT));
    if (byDay.length === 0) return;
    const days = byDay.map((d) => toDay(d.date));
    this.first = Math.min(...days);
    this.last = Math.max(...days) + 1;
    const span = this.last - this.first;
    const binDays = Math.max(1, Math.ceil(span / (this.width / 3)));
    const bins = new Map<number, number>();
    byDay.forEach((d, i) => {
      const bin = Math.floor((days[i] - this.first) / binDays);
      bins.set(bin, (bins.get(bin) ?? 0) + d.count);
    });
    const max = Math.max(...bins.values());
    const barWidth = Math.max(1, (binDays / span) * this.width - 1);
    for (const [bin, count] of bins) {
      const start = this.first + bin * binDays;
      const h = Math.max(2, (count / max) * (HEIGHT - AXIS - 4));
      const bar = svg('rect', { class: 'bar', x: this.xOf(start), y: HEIGHT - AXIS - h, width: barWidth, height: h });
      const tip = svg('title', {});
      tip.textContent = `${fromDay(start)}${binDays > 1 ? ` … ${fromDay(start + binDays - 1)}` : ''}: ${formatNumber(count)}`;
      bar.append(tip);
      this.root.append(bar);
    }
    for (const [day, anchor] of [
      [this.first, 'start'],
      [this.last - 1, 'end'],
    ] as const) {
      const label = svg('text', { class: 'axis', x: this.xOf(day), y: HEIGHT - 3, 'text-anchor': anchor });
      label.textContent = fromDay(day);
      this.root.append(label);
    }
    if (this.range) this.drawBrush(toDay(this.range[0]), toDay(this.range[1]));
  }
}
