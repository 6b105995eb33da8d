/**
 * The Leaflet map: an offline base layer of world countries (world-atlas TopoJSON, bundled) and
 * the events as markers coloured by type and sized by fatalities, clustered at low zoom.
 */
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { EventFeature } from './api.js';
import { eventTypeLabel, t } from './i18n.js';

export const TYPE_COLOURS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#27ae60',
  Riots: '#795548',
  'Strategic developments': '#2980b9',
};

const LIBYA_BOUNDS = L.latLngBounds([19.5, 9.3], [33.3, 25.2]);
const LIBYA_ISO_NUMERIC = '434';

export function markerDiameter(fatalities: number): number {
  return Math.min(34, 12 + 5 * Math.log2(1 + Math.max(0, fatalities)));
}

export class EventMap {
  private readonly map: L.Map;
  private readonly cluster: L.MarkerClusterGroup;
  private readonly markers = new Map<string, L.Marker>();
  private selected: string | null = null;

  constructor(
    container: HTMLElement,
    private readonly onSelect: (id: string) => void,
  ) {
    this.map = L.map(container, {
      zoomControl: true,
      attributionControl: true,
      minZoom: 2,
      maxZoom: 14,
      worldCopyJump: true,
    });
    this.map.attributionControl.setPrefix(false);
    this.map.fitBounds(LIBYA_BOUNDS);
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      disableClusteringAtZoom: 9,
      showCoverageOnHover: false,
    });
    this.map.addLayer(this.cluster);
  }

  async loadBaseLayer(url = 'countries-50m.json'): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- world-atlas's countries map, bundled with the app by scripts/build-web.ts
    const topology = (await (await fetch(url)).json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const countries = feature(topology, topology.objects.countries);
    L.geoJSON(countries, {
      style: (f) =>
        f?.id === LIBYA_ISO_NUMERIC
          ? { color: '#7a6a4f', weight: 1.2, fillColor: '#f4ecd8', fillOpacity: 1 }
          : { color: '#a8a39a', weight: 0.6, fillColor: '#e6e2da', fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map);
    this.map.attributionControl.addAttribution('Natural Earth (world-atlas)');
    this.map.getContainer().style.background = '#cfe0ea';
  }

  setEvents(features: EventFeature[]): void {
    this.cluster.clearLayers();
    this.markers.clear();
    const layers: L.Marker[] = [];
    for (const f of features) {
      const [lon, lat] = f.geometry.coordinates;
      const marker = L.marker([lat, lon], { icon: eventIcon(f), keyboard: true, title: markerTitle(f) });
      marker.on('click', () => this.onSelect(f.properties.id));
      this.markers.set(f.properties.id, marker);
      layers.push(marker);
    }
    this.cluster.addLayers(layers);
    if (this.selected) this.markSelected(this.selected);
  }

  /** Opens the clusters around the event's marker and marks it. */
  select(id: string): void {
    this.selected = id;
    const marker = this.markers.get(id);
    if (!marker) return;
    this.cluster.zoomToShowLayer(marker, () => this.markSelected(id));
  }

  private markSelected(id: string): void {
    for (const [markerId, marker] of this.markers) marker.getElement()?.classList.toggle('selected', markerId === id);
  }

  invalidateSize(): void {
    this.map.invalidateSize();
  }
}

function markerTitle(f: EventFeature): string {
  return [
    f.properties.date ?? t('unknown'),
    eventTypeLabel(f.properties.event_type),
    f.properties.location_ar ?? '',
  ].join(' · ');
}

/** A round marker built as a node (not an HTML string): ids and names stay data. */
function eventIcon(f: EventFeature): L.DivIcon {
  const size = markerDiameter(f.properties.fatalities);
  const dot = document.createElement('div');
  dot.className = 'event-marker';
  dot.dataset.eventId = f.properties.id;
  dot.style.background = TYPE_COLOURS[f.properties.event_type] ?? '#555';
  dot.style.width = dot.style.height = `${size}px`;
  return L.divIcon({ html: dot, className: 'event-icon', iconSize: [size, size] });
}
