/** The observatory's page: filters, timeline, map, table and event panel kept in step; and the paste page. */
import { api, queryString, type Filters } from './api.js';
import { byId, el, errorMessage, formText, inputNamed } from './dom.js';
import { currentLang, eventTypeLabel, setLang, t } from './i18n.js';
import { EventMap } from './map.js';
import { renderEventPanel } from './panel.js';
import { setupPaste } from './paste.js';
import { markSelectedRow, renderEventTable } from './table.js';
import { Timeline } from './timeline.js';

const TABLE_LIMIT = 500;

const filterForm = byId('filters', HTMLFormElement);
const tableBody = byId('event-table', HTMLTableElement).tBodies[0];
const panel = byId('event-panel', HTMLElement);
let selected: string | null = null;
let lastEvents: Awaited<ReturnType<typeof api.events>> | null = null;
let lastTypes: string[] = [];
/** A newer refresh makes older answers stale. */
let generation = 0;

const map = new EventMap(byId('map', HTMLElement), (id) => void select(id));
const timeline = new Timeline(byId('timeline', SVGSVGElement), (range) => {
  inputNamed(filterForm, 'since').value = range?.[0] ?? '';
  inputNamed(filterForm, 'until').value = range?.[1] ?? '';
  void refresh();
});

function currentFilters(): Filters {
  const data = new FormData(filterForm);
  const value = (name: string) => formText(data, name).trim() || undefined;
  return {
    type: value('type'),
    actor: value('actor'),
    place: value('place'),
    q: value('q'),
    since: value('since'),
    until: value('until'),
  };
}

async function refresh(): Promise<void> {
  const mine = ++generation;
  const filters = currentFilters();
  const { since, until, ...withoutDates } = filters;
  byId('export-csv', HTMLAnchorElement).href = `/api/events.csv?${queryString(filters, { limit: 100000 })}`;
  byId('export-geojson', HTMLAnchorElement).href = `/api/events.geojson?${queryString(filters, { limit: 100000 })}`;
  try {
    const [events, features, stats] = await Promise.all([
      api.events(filters, TABLE_LIMIT),
      api.features(filters),
      api.stats(withoutDates),
    ]);
    if (mine !== generation) return;
    lastEvents = events;
    document.body.dataset.state = 'ready';
    map.setEvents(features.features);
    timeline.draw(stats.byDay);
    timeline.setRange(since && until ? [since, until] : null);
    renderTable();
    if (lastTypes.length === 0) fillTypes(stats.byType.map((x) => x.event_type));
  } catch (err) {
    byId('table-summary', HTMLElement).textContent = t('error', { message: errorMessage(err) });
  }
}

function renderTable(): void {
  if (!lastEvents) return;
  byId('table-summary', HTMLElement).textContent = t('tableSummary', {
    shown: lastEvents.events.length,
    total: lastEvents.total,
  });
  renderEventTable(tableBody, lastEvents.events, selected, (id) => void select(id));
}

function fillTypes(types: string[]): void {
  lastTypes = types;
  const select = byId('filter-type', HTMLSelectElement);
  const current = select.value;
  select.replaceChildren(
    el('option', { text: t('allTypes'), attrs: { value: '' } }),
    ...types.map((x) => el('option', { text: eventTypeLabel(x), attrs: { value: x } })),
  );
  select.value = current;
}

async function select(id: string): Promise<void> {
  selected = id;
  markSelectedRow(tableBody, id);
  map.select(id);
  try {
    const detail = await api.event(id);
    if (selected === id) renderEventPanel(panel, detail);
  } catch (err) {
    panel.replaceChildren(el('p', { text: t('error', { message: errorMessage(err) }) }));
  }
}

async function fillLookups(): Promise<void> {
  const [actors, places] = await Promise.all([api.actors(), api.places()]);
  const option = (x: { id: string; name: string; name_ar: string }) =>
    el('option', { attrs: { value: currentLang() === 'ar' ? x.name_ar : x.name } });
  byId('actor-list', HTMLElement).replaceChildren(...actors.actors.map(option));
  byId('place-list', HTMLElement).replaceChildren(...places.places.map(option));
}

function showRoute(): void {
  const paste = location.hash.startsWith('#/paste');
  byId('view-map', HTMLElement).hidden = paste;
  byId('view-paste', HTMLElement).hidden = !paste;
  byId('tab-map', HTMLElement).classList.toggle('active', !paste);
  byId('tab-paste', HTMLElement).classList.toggle('active', paste);
  if (!paste) map.invalidateSize();
}

function applyLang(): void {
  setLang(currentLang());
  byId('lang-toggle', HTMLElement).textContent = t('langToggle');
  fillTypes(lastTypes);
  renderTable();
  if (selected) void select(selected);
  else renderEventPanel(panel, null);
  void fillLookups().catch(() => undefined);
}

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterForm.addEventListener('input', () => {
  clearTimeout(filterTimer);
  filterTimer = setTimeout(() => void refresh(), 300);
});
filterForm.addEventListener('reset', () => setTimeout(() => void refresh(), 0));
filterForm.addEventListener('submit', (e) => e.preventDefault());
byId('lang-toggle', HTMLElement).addEventListener('click', () => {
  setLang(currentLang() === 'ar' ? 'en' : 'ar');
  applyLang();
});
window.addEventListener('hashchange', showRoute);

setupPaste(byId('paste-form', HTMLFormElement), () => void refresh());
applyLang();
showRoute();
void map.loadBaseLayer().catch((err) => console.error('base layer', err));
void refresh();
