/**
 * The analyst's workbench: filters, map, event table and panel, and trends kept in step, their
 * state in the URL; and the paste page. Loading, empty, error and offline states are shown.
 */
import { api, exportUrl, FILTER_NAMES, Unreachable, type Filters, type FusedPage, type Trends } from './api.js';
import { Basemap } from './basemap.js';
import { byId, el, errorMessage } from './dom.js';
import {
  currentLang,
  EVENT_TYPES,
  eventTypeLabel,
  localName,
  MODALITIES,
  modalityLabel,
  REVIEW_STATUSES,
  reviewStatusLabel,
  setLang,
  subTypeLabel,
  subTypesOf,
  t,
} from './i18n.js';
import { EventMap } from './map.js';
import { renderEmptyPanel, renderFusedPanel } from './panel.js';
import { setupPaste } from './paste.js';
import { PAGE_SIZE, readState, SORTS, writeState, type ViewState } from './state.js';
import { markSelectedRow, renderEventTable } from './table.js';
import { TrendsView } from './trends.js';

const MOBILE = window.matchMedia('(max-width: 700px)');

const filterForm = byId('filters', HTMLFormElement);
const tableBody = byId('event-table', HTMLTableElement).tBodies[0];
const panel = byId('event-panel', HTMLElement);
let state: ViewState = readState(location.search);
let basemap: Basemap | null = null;
let lastPage: FusedPage | null = null;
let lastTrends: Trends | null = null;
let lastFeatures: Awaited<ReturnType<typeof api.features>> | null = null;
/** The filters and period the map and trends were drawn for. */
let lastViewKey: string | null = null;
/** The admin1 spellings events use, by country ('' for all), for the admin1 filter's options. */
const admin1Options = new Map<string, { country: string; admin1: string }[]>();
/** A newer refresh makes older answers stale. */
let generation = 0;

const map = new EventMap(byId('map', HTMLElement), {
  onSelect: (id) => void select(id),
  onArea: (country, admin1) => {
    const known = admin1Options
      .get('')
      ?.find((o) => o.country === country && basemap?.area(o.country, o.admin1)?.properties.name === admin1);
    changeFilters({ country, admin1: known?.admin1 ?? admin1 });
  },
  onColouring: (colour) => {
    setState({ colour });
    map.setColouring(colour);
  },
});
const trends = new TrendsView(byId('trend-chart', HTMLCanvasElement), (change) => changeFilters(change));

function setState(next: Partial<ViewState>): void {
  state = { ...state, ...next };
  history.replaceState(null, '', `${location.pathname}${writeState(state)}${location.hash}`);
}

/** New filters: back to the first page, and no selection that they may have excluded. */
function changeFilters(change: Partial<Filters>, replace = false): void {
  const filters = replace ? { ...change } : { ...state.filters, ...change };
  for (const name of FILTER_NAMES) if (!filters[name]) delete filters[name];
  setState({ filters, page: 0 });
  writeForm();
  void refresh();
}

function readForm(): Filters {
  const data = new FormData(filterForm);
  const filters: Filters = {};
  for (const name of FILTER_NAMES) {
    const value = data.get(name);
    if (typeof value === 'string' && value.trim()) filters[name] = value.trim();
  }
  if (state.filters.placed) filters.placed = state.filters.placed;
  return filters;
}

function writeForm(): void {
  fillSelects();
  for (const name of FILTER_NAMES) {
    const field = filterForm.elements.namedItem(name);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)
      field.value = state.filters[name] ?? '';
  }
  const active = FILTER_NAMES.filter((n) => state.filters[n]).length;
  byId('filters-count', HTMLElement).textContent = active ? String(active) : '';
}

function options(select: HTMLSelectElement, all: string, values: [string, string][]): void {
  const current = select.value;
  select.replaceChildren(
    el('option', { text: all, attrs: { value: '' } }),
    ...values.map(([value, label]) => el('option', { text: label, attrs: { value } })),
  );
  select.value = current;
}

/** The selects' options in the interface's language; a value from the URL is kept even if unknown. */
function fillSelects(): void {
  const f = state.filters;
  const countries = (basemap?.countries ?? []).map((c): [string, string] => [c.code, localName(c)]);
  options(byId('filter-country', HTMLSelectElement), t('allCountries'), withCurrent(countries, f.country));
  const areas = (admin1Options.get(f.country ?? '') ?? [])
    .map((o): [string, string] => [o.admin1, basemap ? basemap.admin1Label(o.country, o.admin1) : o.admin1])
    .sort((a, b) => a[1].localeCompare(b[1], currentLang()));
  options(byId('filter-admin1', HTMLSelectElement), t('allAdmin1'), withCurrent(areas, f.admin1));
  const types = EVENT_TYPES;
  options(
    byId('filter-type', HTMLSelectElement),
    t('allTypes'),
    withCurrent(
      types.map((x) => [x, eventTypeLabel(x)]),
      f.type,
    ),
  );
  const subTypes = subTypesOf(f.type);
  options(
    byId('filter-subtype', HTMLSelectElement),
    t('allSubTypes'),
    withCurrent(
      subTypes.map((x) => [x, subTypeLabel(x)]),
      f.subType,
    ),
  );
  options(
    byId('filter-modality', HTMLSelectElement),
    t('allModalities'),
    MODALITIES.map((m) => [m, modalityLabel(m)]),
  );
  options(
    byId('filter-review', HTMLSelectElement),
    t('allReview'),
    REVIEW_STATUSES.map((s) => [s, reviewStatusLabel(s)]),
  );
}

const withCurrent = (values: [string, string][], current: string | undefined): [string, string][] =>
  current && !values.some(([v]) => v === current) ? [...values, [current, current]] : values;

async function loadAdmin1Options(country: string): Promise<void> {
  if (admin1Options.has(country)) return;
  const stats = await api.stats(country ? { country } : {}, 'month');
  admin1Options.set(
    country,
    stats.fused.byAdmin1.map(({ country: c, admin1 }) => ({ country: c, admin1 })),
  );
  writeForm();
}

async function refresh(): Promise<void> {
  const mine = ++generation;
  const { filters } = state;
  document.body.dataset.state = 'loading';
  if (!lastPage) showMapMessage(t('loading'));
  byId('export-csv', HTMLAnchorElement).href = exportUrl('csv', filters);
  byId('export-geojson', HTMLAnchorElement).href = exportUrl('geojson', filters);
  try {
    // Another page or order of the same view: the map and the trends stay as they are.
    const viewKey = JSON.stringify([filters, state.interval]);
    const sameView = viewKey === lastViewKey && lastFeatures !== null && lastTrends !== null;
    const [page, features, trendsNow] = await Promise.all([
      api.fusedEvents(filters, { sort: state.sort, limit: PAGE_SIZE, offset: state.page * PAGE_SIZE }),
      sameView ? lastFeatures! : api.features(filters),
      sameView ? lastTrends! : api.stats(filters, state.interval).then((s) => s.fused),
      loadAdmin1Options(filters.country ?? ''),
    ]);
    if (mine !== generation) return;
    lastViewKey = viewKey;
    lastFeatures = features;
    const stats = { fused: trendsNow };
    hideBanner();
    lastPage = page;
    lastTrends = stats.fused;
    const empty = page.total === 0;
    document.body.dataset.state = empty ? 'empty' : 'ready';
    map.setEvents(features.features);
    showMapCap(features.features.length, features.total);
    map.setAreaCounts(stats.fused.byAdmin1);
    renderTable();
    renderTrends();
    renderUnplaced();
    if (empty) {
      setState({ selected: null });
      map.select(null);
      renderEmptyPanel(panel, 'noEvents');
      showMapMessage(`${t('noEvents')} ${t('noEventsHint')}`);
    } else {
      showMapMessage(null);
      if (state.selected) void select(state.selected);
    }
  } catch (err) {
    if (mine !== generation) return;
    showFailure(err);
  }
}

function showFailure(err: unknown): void {
  const offline = err instanceof Unreachable;
  document.body.dataset.state = offline ? 'offline' : 'error';
  const banner = byId('banner', HTMLElement);
  banner.dataset.kind = offline ? 'offline' : 'error';
  byId('banner-text', HTMLElement).textContent = offline
    ? t('offlineBanner')
    : t('errorBanner', { message: errorMessage(err) });
  banner.hidden = false;
  if (!lastPage) showMapMessage(offline ? t('offlineBanner') : t('errorBanner', { message: errorMessage(err) }));
}

function hideBanner(): void {
  byId('banner', HTMLElement).hidden = true;
}

/** The map draws the newest markers only (the server's bound): says so when there are more. */
function showMapCap(shown: number, total: number): void {
  const note = byId('map-capped', HTMLElement);
  note.hidden = shown >= total;
  note.textContent = shown >= total ? '' : t('mapCapped', { shown, total });
}

function showMapMessage(text: string | null): void {
  const box = byId('map-message', HTMLElement);
  box.hidden = text === null;
  box.textContent = text ?? '';
}

function renderTable(): void {
  if (!lastPage) return;
  const { total, totalCapped, offset, items } = lastPage;
  const summary = totalCapped ? 'tableSummaryCapped' : 'tableSummary';
  byId('table-summary', HTMLElement).textContent =
    total === 0 ? t('noEvents') : t(summary, { from: offset + 1, to: offset + items.length, total });
  renderEventTable(tableBody, items, state.selected, basemap, (id) => void select(id));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  byId('page-info', HTMLElement).textContent =
    `${(state.page + 1).toLocaleString()} / ${pages.toLocaleString()}${totalCapped ? '+' : ''}`;
  byId('page-prev', HTMLButtonElement).disabled = state.page === 0;
  // Past a capped total, pages go on while they are full.
  byId('page-next', HTMLButtonElement).disabled = totalCapped ? items.length < PAGE_SIZE : state.page + 1 >= pages;
  for (const th of document.querySelectorAll<HTMLElement>('#event-table th[data-sort]')) {
    const column = th.dataset.sort;
    const on = state.sort === column || (column === 'date' && state.sort === 'date-asc');
    th.setAttribute('aria-sort', on ? (state.sort === 'date-asc' ? 'ascending' : 'descending') : 'none');
  }
}

function renderTrends(): void {
  if (lastTrends) trends.draw(lastTrends, state.measure, basemap);
  for (const [id, on] of [
    ['interval-week', state.interval === 'week'],
    ['interval-month', state.interval === 'month'],
    ['measure-count', state.measure === 'count'],
    ['measure-fatalities', state.measure === 'fatalities'],
  ] as const)
    byId(id, HTMLButtonElement).classList.toggle('active', on);
}

function renderUnplaced(): void {
  const listing = state.filters.placed === 'false';
  const count = lastTrends?.unplaced ?? 0;
  byId('unplaced', HTMLElement).textContent = listing ? t('unplacedOnly') : t('unplaced', { count });
  const button = byId('unplaced-list', HTMLButtonElement);
  button.textContent = listing ? t('unplacedShowAll') : t('unplacedList');
  button.hidden = !listing && count === 0;
}

let selecting = 0;
async function select(id: string): Promise<void> {
  const mine = ++selecting;
  setState({ selected: id });
  markSelectedRow(tableBody, id);
  map.select(id);
  try {
    const [detail, trail] = await Promise.all([api.fusedEvent(id), api.reviews(id)]);
    if (mine !== selecting) return;
    renderFusedPanel(panel, detail, trail.reviews, basemap, {
      onReview: async (eventId, body) => {
        await api.review(eventId, body);
        lastViewKey = null;
        await refresh();
        await select(eventId);
      },
      onClose: () => {
        setState({ selected: null });
        markSelectedRow(tableBody, null);
        map.select(null);
        renderEmptyPanel(panel);
      },
    });
    if (MOBILE.matches) panel.scrollIntoView({ block: 'start' });
  } catch (err) {
    if (mine !== selecting) return;
    if (err instanceof Unreachable) showFailure(err);
    panel.replaceChildren(el('p', { text: t('error', { message: errorMessage(err) }) }));
  }
}

async function fillActors(): Promise<void> {
  const { actors } = await api.actors();
  byId('actor-list', HTMLElement).replaceChildren(
    ...actors.map((a) => el('option', { attrs: { value: localName(a) } })),
  );
}

function showRoute(): void {
  const route = location.hash.startsWith('#/paste') ? 'paste' : location.hash.startsWith('#/trends') ? 'trends' : 'map';
  byId('view-map', HTMLElement).hidden = route !== 'map';
  byId('view-trends', HTMLElement).hidden = route !== 'trends';
  byId('view-paste', HTMLElement).hidden = route !== 'paste';
  byId('filters-box', HTMLElement).hidden = route === 'paste';
  for (const tab of ['map', 'trends', 'paste'])
    byId(`tab-${tab}`, HTMLElement).classList.toggle('active', tab === route);
  if (route === 'map') map.invalidateSize();
  if (route === 'trends') renderTrends();
}

function applyLang(): void {
  setLang(currentLang());
  byId('lang-toggle', HTMLElement).textContent = t('langToggle');
  byId('lang-toggle', HTMLElement).setAttribute('lang', currentLang() === 'ar' ? 'en' : 'ar');
  writeForm();
  map.relabel();
  renderTable();
  renderTrends();
  renderUnplaced();
  if (state.selected) void select(state.selected);
  else if (document.body.dataset.state === 'empty') renderEmptyPanel(panel, 'noEvents');
  else renderEmptyPanel(panel);
  void fillActors().catch(() => undefined);
}

let filterTimer: ReturnType<typeof setTimeout> | undefined;
filterForm.addEventListener('input', (e) => {
  clearTimeout(filterTimer);
  const typed = e.target instanceof HTMLInputElement && (e.target.type === 'search' || e.target.type === 'number');
  filterTimer = setTimeout(
    () => {
      const filters = readForm();
      // A sub-type of another type is dropped when the type changes.
      if (filters.type && filters.subType && !subTypesOf(filters.type).includes(filters.subType))
        delete filters.subType;
      if (filters.country !== state.filters.country) delete filters.admin1;
      changeFilters(filters, true);
    },
    typed ? 400 : 0,
  );
});
filterForm.addEventListener('reset', (e) => {
  e.preventDefault();
  changeFilters({}, true);
});
filterForm.addEventListener('submit', (e) => e.preventDefault());
byId('lang-toggle', HTMLElement).addEventListener('click', () => {
  setLang(currentLang() === 'ar' ? 'en' : 'ar');
  applyLang();
});
byId('banner-retry', HTMLButtonElement).addEventListener('click', () => {
  lastViewKey = null;
  void refresh();
});
byId('page-prev', HTMLButtonElement).addEventListener('click', () => {
  setState({ page: Math.max(0, state.page - 1) });
  void refresh();
});
byId('page-next', HTMLButtonElement).addEventListener('click', () => {
  setState({ page: state.page + 1 });
  void refresh();
});
for (const th of document.querySelectorAll<HTMLElement>('#event-table th[data-sort]')) {
  th.querySelector('button')?.addEventListener('click', () => {
    const column = th.dataset.sort;
    const sort = column === 'date' && state.sort === 'date' ? 'date-asc' : (SORTS.find((s) => s === column) ?? 'date');
    setState({ sort, page: 0 });
    void refresh();
  });
}
for (const [id, change] of [
  ['interval-week', { interval: 'week' }],
  ['interval-month', { interval: 'month' }],
  ['measure-count', { measure: 'count' }],
  ['measure-fatalities', { measure: 'fatalities' }],
] as const)
  byId(id, HTMLButtonElement).addEventListener('click', () => {
    setState(change);
    if ('interval' in change) void refresh();
    else renderTrends();
  });
byId('unplaced-list', HTMLButtonElement).addEventListener('click', () => {
  const listing = state.filters.placed === 'false';
  changeFilters({ placed: listing ? undefined : 'false' });
  if (!listing) {
    const box = byId('table-box', HTMLDetailsElement);
    box.open = true;
    box.scrollIntoView({ block: 'start' });
  }
});
window.addEventListener('hashchange', showRoute);
window.addEventListener('online', () => {
  lastViewKey = null;
  void refresh();
});

// Desktop opens the filters and the table; a phone shows the map first, the rest folded.
byId('filters-box', HTMLDetailsElement).open = !MOBILE.matches;
byId('table-box', HTMLDetailsElement).open = !MOBILE.matches;
map.colouring = state.colour;
setupPaste(byId('paste-form', HTMLFormElement), () => {
  admin1Options.clear();
  lastViewKey = null;
  void refresh();
});
applyLang();
showRoute();
void map.loadBaseLayer().catch((err) => console.error('base layer', err));
void Basemap.load()
  .then((loaded) => {
    basemap = loaded;
    map.setBasemap(loaded);
    if (lastTrends) map.setAreaCounts(lastTrends.byAdmin1);
    writeForm();
    renderTable();
    renderTrends();
  })
  .catch((err) => console.error('basemap', err));
void refresh();
