/** leaflet.markercluster extends the global `L`: it must exist before the plugin is evaluated. */
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;

export default L;
