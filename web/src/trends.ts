/**
 * Trends of the filtered events: events or fatalities by week or month stacked by type
 * (chart.js, bundled), and by admin1, actor and outlet (ranked tables). A bar or a row is a link
 * to the events behind it: clicking it narrows the filters.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { Filters, Trends } from './api.js';
import type { Basemap } from './basemap.js';
import { byId, el, shownText } from './dom.js';
import { currentLang, eventTypeLabel, formatNumber, localName, t } from './i18n.js';
import { TYPE_COLOURS } from './map.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const RANK_ROWS = 15;
const DAY_MS = 86_400_000;

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, interval: 'week' | 'month'): string {
  const time = Date.parse(`${start}T00:00:00Z`);
  if (interval === 'week') return new Date(time + 6 * DAY_MS).toISOString().slice(0, 10);
  const d = new Date(time);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Every period from the first to the last, so that quiet weeks show as gaps. */
function periodsBetween(first: string, last: string, interval: 'week' | 'month'): string[] {
  const out: string[] = [];
  let at = first;
  for (let i = 0; at <= last && i < 2000; i++) {
    out.push(at);
    at = new Date(Date.parse(`${periodEnd(at, interval)}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  }
  return out;
}

export class TrendsView {
  private chart: Chart<'bar', number[], string> | null = null;
  private periods: string[] = [];
  private types: string[] = [];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onFilter: (change: Partial<Filters>) => void,
  ) {}

  draw(trends: Trends, measure: 'count' | 'fatalities', basemap: Basemap | null): void {
    const { interval } = trends;
    const byPeriod = trends.byPeriod;
    const empty = trends.total === 0;
    document.getElementById('trend-empty')!.hidden = !empty;
    document.getElementById('trend-empty')!.textContent = t('noEvents');
    document.getElementById('trend-title')!.textContent = t('trendsTitle', {
      interval: t(interval === 'week' ? 'intervalWeek' : 'intervalMonth'),
    });
    document.getElementById('trend-total')!.textContent = t('trendsTotal', {
      events: trends.total,
      fatalities: trends.fatalities,
    });
    const shown = byPeriod.periods;
    this.periods = shown.length ? periodsBetween(shown[0], shown[shown.length - 1], interval) : [];
    this.types = byPeriod.types;
    const datasets = this.types.map((type, row) => {
      const value = new Map(shown.map((p, i) => [p, byPeriod[measure][row][i]]));
      return {
        label: eventTypeLabel(type),
        data: this.periods.map((p) => value.get(p) ?? 0),
        backgroundColor: TYPE_COLOURS[type] ?? '#777',
        stack: 'types',
      };
    });
    const config: ChartConfiguration<'bar', number[], string> = {
      type: 'bar',
      data: { labels: this.periods, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: currentLang() === 'ar' ? 'ar-LY' : 'en-GB',
        scales: {
          x: { stacked: true, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
          y: {
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0 },
            title: { display: true, text: t(measure === 'count' ? 'measureEvents' : 'measureFatalities') },
          },
        },
        plugins: {
          legend: { position: 'bottom', rtl: currentLang() === 'ar' },
          tooltip: {
            rtl: currentLang() === 'ar',
            callbacks: {
              title: (items) => (items[0] ? `${items[0].label} … ${periodEnd(items[0].label, interval)}` : ''),
            },
          },
        },
        onClick: (_event, elements) => {
          const hit = elements[0];
          if (!hit) return;
          const start = this.periods[hit.index];
          this.onFilter({ since: start, until: periodEnd(start, interval), type: this.types[hit.datasetIndex] });
        },
      },
    };
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, config);
    this.canvas.dataset.periods = String(this.periods.length);
    this.canvas.dataset.total = String(byPeriod[measure].flat().reduce((n, v) => n + v, 0));

    rankTable(
      byId('admin1-table', HTMLTableElement),
      [t('colAdmin1'), t('colCountry'), t('colEvents'), t('measureFatalities')],
      trends.byAdmin1.map((r) => ({
        cells: [
          basemap ? basemap.admin1Label(r.country, r.admin1) : r.admin1,
          basemap ? basemap.countryLabel(r.country) : r.country,
        ],
        tally: r,
        key: `${r.country}/${r.admin1}`,
        filter: { country: r.country, admin1: r.admin1 },
      })),
      measure,
      this.onFilter,
    );
    rankTable(
      byId('actor-table', HTMLTableElement),
      [t('colActor'), t('colEvents'), t('measureFatalities')],
      trends.byActor.map((r) => ({ cells: [localName(r)], tally: r, key: r.id, filter: { actor: localName(r) } })),
      measure,
      this.onFilter,
    );
    rankTable(
      byId('outlet-table', HTMLTableElement),
      [t('colOutlet'), t('colEvents'), t('measureFatalities')],
      trends.byOutlet.map((r) => ({
        cells: [shownText(r.outlet)],
        tally: r,
        key: r.outlet,
        filter: { outlet: r.outlet },
        source: true,
      })),
      measure,
      this.onFilter,
    );
  }
}

interface RankRow {
  cells: string[];
  tally: { count: number; fatalities: number };
  key: string;
  filter: Partial<Filters>;
  /** The first cell is a name from the articles (an outlet), not an interface string. */
  source?: boolean;
}

function rankTable(
  table: HTMLTableElement,
  heads: string[],
  rows: RankRow[],
  measure: 'count' | 'fatalities',
  onFilter: (change: Partial<Filters>) => void,
): void {
  const sorted = [...rows].sort((a, b) => b.tally[measure] - a.tally[measure]).slice(0, RANK_ROWS);
  const max = Math.max(1, ...sorted.map((r) => r.tally[measure]));
  table.replaceChildren(
    el('thead', {}, [
      el(
        'tr',
        {},
        heads.map((h) => el('th', { text: h })),
      ),
    ]),
    el(
      'tbody',
      {},
      sorted.length === 0
        ? [el('tr', {}, [el('td', { class: 'empty', text: t('noEvents'), attrs: { colspan: String(heads.length) } })])]
        : sorted.map((r) => {
            const bar = el('span', { class: 'rank-bar' });
            bar.style.inlineSize = `${Math.round((r.tally[measure] / max) * 100)}%`;
            const figure = (m: 'count' | 'fatalities') =>
              el('td', { class: 'num' }, [m === measure ? bar : null, el('span', { text: formatNumber(r.tally[m]) })]);
            const row = el('tr', { attrs: { 'data-key': r.key, tabindex: '0' } }, [
              ...r.cells.map((c, i) =>
                el('td', { text: c, attrs: r.source && i === 0 ? { dir: 'auto', 'data-source': '' } : {} }),
              ),
              figure('count'),
              figure('fatalities'),
            ]);
            row.addEventListener('click', () => onFilter(r.filter));
            row.addEventListener('keydown', (k) => {
              if (k.key === 'Enter') onFilter(r.filter);
            });
            return row;
          }),
    ),
  );
}
