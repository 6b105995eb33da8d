/**
 * The Leaflet map, offline: world countries (world-atlas, bundled), the theatres' admin1 areas
 * shaded by the filtered events (a choropleth; click an area to filter on it), city labels that
 * appear as one zooms in, the events as markers coloured by type or fatalities (clustered), and
 * a legend.
 */
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { EventFeature, Trends } from './api.js';
import type { AreaFeature, Basemap } from './basemap.js';

/** From this zoom on (a town and its surroundings) every event has its own marker. */
const UNCLUSTERED_ZOOM = 9;
import { currentLang, eventTypeLabel, formatNumber, localName, t } from './i18n.js';

export const TYPE_COLOURS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#27ae60',
  Riots: '#795548',
  'Strategic developments': '#2980b9',
};

/** Fatalities of one event: the lower bound of each class, and its colour. */
export const FATALITY_CLASSES: [number, string][] = [
  [0, '#fdd49e'],
  [1, '#fc8d59'],
  [5, '#d7301f'],
  [25, '#7f0000'],
];

/** Events in an area, as a share of the busiest area's: five classes. */
const CHOROPLETH = ['#fff3c4', '#fdd98a', '#f9b050', '#e3803a', '#b5532a'];

const START_BOUNDS = L.latLngBounds([12, -17], [42, 63]);

export function markerDiameter(fatalities: number): number {
  return Math.min(34, 12 + 5 * Math.log2(1 + Math.max(0, fatalities)));
}

export function fatalityColour(fatalities: number): string {
  let colour = FATALITY_CLASSES[0][1];
  for (const [from, c] of FATALITY_CLASSES) if (fatalities >= from) colour = c;
  return colour;
}

export type Colouring = 'type' | 'fatalities';

export class EventMap {
  private readonly map: L.Map;
  private cluster: L.MarkerClusterGroup;
  private readonly markers = new Map<string, L.Marker>();
  private readonly legend: L.Control;
  private readonly legendBox = document.createElement('div');
  private areaLayer: L.GeoJSON | null = null;
  private cityLayer: L.LayerGroup | null = null;
  private basemap: Basemap | null = null;
  /** Events per area, keyed on the area's feature object (the one Leaflet's style callback is given). */
  private counts = new Map<object, number>();
  private features: EventFeature[] = [];
  private selected: string | null = null;
  private fitted = false;
  colouring: Colouring = 'type';

  constructor(
    container: HTMLElement,
    private readonly handlers: {
      onSelect: (id: string) => void;
      onArea: (country: string, admin1: string) => void;
      onColouring: (colouring: Colouring) => void;
    },
  ) {
    this.map = L.map(container, { zoomControl: true, attributionControl: true, minZoom: 2, maxZoom: 14 });
    this.map.attributionControl.setPrefix(false);
    this.map.fitBounds(START_BOUNDS);
    this.cluster = newCluster();
    this.map.addLayer(this.cluster);
    this.legendBox.className = 'map-legend';
    this.legend = new (L.Control.extend({ onAdd: () => this.legendBox }))({ position: 'topright' });
    this.legend.addTo(this.map);
    L.DomEvent.disableClickPropagation(this.legendBox);
    this.map.on('zoomend', () => this.showZoom());
    this.showZoom();
  }

  /** City labels show by rank as one zooms in (CSS reads the zoom class). */
  private showZoom(): void {
    const container = this.map.getContainer();
    const zoom = this.map.getZoom();
    container.classList.toggle('show-r1', zoom >= 5);
    container.classList.toggle('show-r2', zoom >= 7);
  }

  async loadBaseLayer(url = 'countries-50m.json'): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- world-atlas's countries map, bundled with the app by scripts/build-web.ts
    const topology = (await (await fetch(url)).json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    L.geoJSON(feature(topology, topology.objects.countries), {
      style: { color: '#a8a39a', weight: 0.6, fillColor: '#eeeae2', fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map);
    this.map.getContainer().style.background = '#cfe0ea';
  }

  /** The admin1 areas and the city labels; drawn once, shaded and relabelled as the view changes. */
  setBasemap(basemap: Basemap): void {
    this.basemap = basemap;
    this.areaLayer = L.geoJSON(basemap.areas, {
      style: (f) => this.areaStyle(f),
      onEachFeature: (f: AreaFeature, layer) => {
        layer.on('click', () => this.handlers.onArea(f.properties.country, f.properties.name));
        layer.bindTooltip(() => this.areaTip(f), { sticky: true, direction: 'top' });
      },
    }).addTo(this.map);
    this.cityLayer = L.layerGroup().addTo(this.map);
    this.relabel();
  }

  private areaStyle(f: object | undefined): L.PathOptions {
    const count = f ? (this.counts.get(f) ?? 0) : 0;
    const max = Math.max(1, ...this.counts.values());
    const cls = Math.max(0, Math.min(CHOROPLETH.length - 1, Math.ceil((count / max) * CHOROPLETH.length) - 1));
    return {
      color: '#8c7b62',
      weight: 0.7,
      fillColor: count > 0 ? CHOROPLETH[cls] : '#ffffff',
      fillOpacity: count > 0 ? 0.6 : 0.15,
    };
  }

  private areaTip(f: AreaFeature): string {
    const name = localName({ name: f.properties.name, name_ar: f.properties.name_ar });
    const country = this.basemap?.countryLabel(f.properties.country) ?? f.properties.country;
    return `${escapeHtml(name)} · ${escapeHtml(country)}<br>${escapeHtml(t('colEvents'))}: ${formatNumber(this.counts.get(f) ?? 0)}`;
  }

  /** City labels and the legend in the interface's language. */
  relabel(): void {
    if (this.basemap && this.cityLayer) {
      this.cityLayer.clearLayers();
      for (const city of this.basemap.cities) {
        const label = document.createElement('span');
        label.textContent = localName(city);
        this.cityLayer.addLayer(
          L.marker([city.lat, city.lon], {
            icon: L.divIcon({ html: label, className: `city-label city-r${city.rank}`, iconSize: undefined }),
            interactive: false,
            keyboard: false,
          }),
        );
      }
    }
    this.map.attributionControl.remove();
    // The credit in the interface's direction (the map itself is left to right).
    const credit = `<span dir="${currentLang() === 'ar' ? 'rtl' : 'ltr'}">${escapeHtml(t('credits'))}</span>`;
    this.map.attributionControl = L.control.attribution({ prefix: false }).addAttribution(credit);
    this.map.addControl(this.map.attributionControl);
    this.drawLegend();
  }

  /** Shades the areas by the filtered events per admin1. */
  setAreaCounts(byAdmin1: Trends['byAdmin1']): void {
    this.counts = new Map();
    for (const row of byAdmin1) {
      const area = this.basemap?.area(row.country, row.admin1);
      if (area) this.counts.set(area, (this.counts.get(area) ?? 0) + row.count);
    }
    this.areaLayer?.setStyle((f) => this.areaStyle(f));
    this.drawLegend();
  }

  setEvents(features: EventFeature[], force = false): void {
    // The same view again (another page of the table): the markers stay, and so do open clusters.
    if (features === this.features && !force) return;
    this.features = features;
    // A new group rather than clearLayers(): a selection still zooming to its marker holds the
    // old markers, and finds them off the map instead of failing on emptied ones.
    this.map.removeLayer(this.cluster);
    this.cluster = newCluster();
    this.map.addLayer(this.cluster);
    this.markers.clear();
    const layers: L.Marker[] = [];
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.marker([lat, lon], { icon: this.eventIcon(f), keyboard: true, title: markerTitle(f) });
      marker.on('click', () => this.handlers.onSelect(f.properties.id));
      // A marker's element is made anew each time a cluster opens onto it: it is marked then,
      // whether or not the zoom that opened it reported its end (an interrupted one does not).
      marker.on('add', () => marker.getElement()?.classList.toggle('selected', f.properties.id === this.selected));
      this.markers.set(f.properties.id, marker);
      layers.push(marker);
    }
    this.cluster.addLayers(layers);
    if (!this.fitted && layers.length > 0) {
      this.fitted = true;
      // Not animated: a selection made while it ran would be undone when it ends.
      this.map.fitBounds(this.cluster.getBounds(), { maxZoom: 7, padding: [20, 20], animate: false });
    }
    if (this.selected) this.markSelected(this.selected);
  }

  setColouring(colouring: Colouring): void {
    if (colouring === this.colouring) return;
    this.colouring = colouring;
    this.setEvents(this.features, true);
    this.drawLegend();
  }

  /**
   * Shows the event's marker and marks it. A marker inside a cluster or off screen is brought
   * into view at a zoom where nothing clusters, without animation: an animated zoom that another
   * one interrupts (a refresh, a resize) never reports its end, and left the marker unmarked.
   */
  select(id: string | null): void {
    this.selected = id;
    const marker = id ? this.markers.get(id) : undefined;
    if (!marker || !id || !this.cluster.hasLayer(marker)) {
      this.markSelected(null);
      return;
    }
    if (!marker.getElement() || !this.map.getBounds().contains(marker.getLatLng())) {
      this.map.setView(marker.getLatLng(), Math.max(this.map.getZoom(), UNCLUSTERED_ZOOM), { animate: false });
    }
    this.markSelected(id);
  }

  private markSelected(id: string | null): void {
    for (const [markerId, marker] of this.markers) marker.getElement()?.classList.toggle('selected', markerId === id);
  }

  invalidateSize(): void {
    this.map.invalidateSize();
  }

  /** A round marker built as a node (not an HTML string): ids and names stay data. */
  private eventIcon(f: EventFeature): L.DivIcon {
    const size = markerDiameter(f.properties.fatalities);
    const dot = document.createElement('div');
    dot.className = 'event-marker';
    dot.dataset.eventId = f.properties.id;
    dot.style.background =
      this.colouring === 'type'
        ? (TYPE_COLOURS[f.properties.event_type] ?? '#555')
        : fatalityColour(f.properties.fatalities);
    dot.style.width = dot.style.height = `${size}px`;
    return L.divIcon({ html: dot, className: 'event-icon', iconSize: [size, size] });
  }

  private drawLegend(): void {
    const box = this.legendBox;
    box.replaceChildren();
    const switcher = document.createElement('div');
    switcher.className = 'legend-switch';
    const caption = document.createElement('span');
    caption.textContent = `${t('colourBy')}:`;
    switcher.append(caption);
    for (const [value, key] of [
      ['type', 'colourType'],
      ['fatalities', 'colourFatalities'],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t(key);
      button.dataset.colour = value;
      button.classList.toggle('active', this.colouring === value);
      button.addEventListener('click', () => this.handlers.onColouring(value));
      switcher.append(button);
    }
    box.append(switcher);
    const rows: [string, string][] =
      this.colouring === 'type'
        ? Object.entries(TYPE_COLOURS).map(([type, colour]) => [colour, eventTypeLabel(type)])
        : FATALITY_CLASSES.map(([from, colour], i) => {
            const next = FATALITY_CLASSES[i + 1]?.[0];
            const label =
              next === undefined
                ? `${formatNumber(from)}+`
                : next - 1 === from
                  ? formatNumber(from)
                  : `${formatNumber(from)}–${formatNumber(next - 1)}`;
            return [colour, label];
          });
    if (this.colouring === 'fatalities') box.append(legendTitle(t('legendFatalities')));
    for (const [colour, label] of rows) box.append(legendRow(colour, label, 'dot'));
    const max = Math.max(0, ...this.counts.values());
    if (max > 0) {
      box.append(legendTitle(t('choroplethLegend')));
      CHOROPLETH.forEach((colour, i) => {
        const from = Math.floor((i / CHOROPLETH.length) * max) + 1;
        const to = Math.floor(((i + 1) / CHOROPLETH.length) * max);
        if (to >= from)
          box.append(
            legendRow(colour, from === to ? formatNumber(from) : `${formatNumber(from)}–${formatNumber(to)}`, 'square'),
          );
      });
    }
  }
}

function newCluster(): L.MarkerClusterGroup {
  return L.markerClusterGroup({
    maxClusterRadius: 40,
    disableClusteringAtZoom: UNCLUSTERED_ZOOM,
    showCoverageOnHover: false,
  });
}

function legendTitle(text: string): HTMLElement {
  const node = document.createElement('div');
  node.className = 'legend-title';
  node.textContent = text;
  return node;
}

function legendRow(colour: string, label: string, shape: 'dot' | 'square'): HTMLElement {
  const row = document.createElement('div');
  row.className = 'legend-row';
  const swatch = document.createElement('span');
  swatch.className = `swatch ${shape}`;
  swatch.style.background = colour;
  const text = document.createElement('span');
  text.textContent = label;
  row.append(swatch, text);
  return row;
}

function markerTitle(f: EventFeature): string {
  return [f.properties.date ?? t('unknown'), eventTypeLabel(f.properties.event_type)].join(' · ');
}

/** Leaflet's tooltips and attributions take HTML: names pass through this first. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
