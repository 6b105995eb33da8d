/** leaflet.markercluster extends the global `L`: it must exist before the plugin is evaluated. */
import L from 'leaflet';

Object.assign(window, { L });

export default L;
