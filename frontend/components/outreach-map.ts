import { LitElement, css, html, unsafeCSS, PropertyValues } from 'lit';
import * as L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import { feature, mesh } from 'topojson-client';

/**
 * What the server sends (JSON in the `data` property). Names and details are plain text; `tooltip` is HTML
 * that the server built with every name escaped, and the only text given to Leaflet as markup.
 */
interface Place {
  id: string;
  name: string;
  kind: string;
  lat: number | null;
  lon: number | null;
  zip: string | null;
  color: string;
  detail: string;
  link: string | null;
  tooltip: string;
}

interface TerritoryShape {
  id: string;
  name: string;
  color: string;
  zips: string[];
  /** Known positions inside the territory (providers' coordinates, ZIP centres the server knows). */
  points: [number, number][];
  tooltip: string;
}

interface RouteStop {
  order: number;
  name: string;
  lat: number;
  lon: number;
  done: boolean;
  tooltip: string;
}

interface MapData {
  tileUrl: string | null;
  places: Place[];
  territories: TerritoryShape[];
  route: { start: [number, number] | null; stops: RouteStop[] } | null;
  legend: { label: string; color: string }[];
}

const EMPTY: MapData = { tileUrl: null, places: [], territories: [], route: null, legend: [] };
const COUNTY_ZOOM = 7;

/**
 * The outreach map: Leaflet over packaged US state outlines (and county outlines when zoomed in) from the
 * Census-derived us-atlas data, so it draws with no network at all; an optional tile server underneath.
 * Places without coordinates are put at their ZIP code's centre from the packaged zipcodes data, loaded only
 * when such a place exists. Territories are drawn as the outline around their known points, the week's
 * route as a numbered line. After each render the element sets data-place-count, data-route-stops,
 * data-territory-count and data-ready.
 */
export class OutreachMap extends LitElement {
  static properties = {
    data: { type: String },
  };

  static styles = [
    unsafeCSS(leafletCss),
    css`
      :host {
        display: block;
        position: relative;
        height: 480px;
        min-height: 240px;
      }
      .map {
        position: absolute;
        inset: 0;
        background: #eef3f8;
        border-radius: var(--lumo-border-radius-l, 8px);
      }
      .legend {
        position: absolute;
        right: 8px;
        bottom: 8px;
        z-index: 1000;
        background: rgba(255, 255, 255, 0.92);
        border-radius: 6px;
        padding: 4px 8px;
        font: 12px/1.5 var(--lumo-font-family, sans-serif);
        max-width: 60%;
      }
      .legend span.swatch {
        display: inline-block;
        width: 10px;
        height: 10px;
        border-radius: 50%;
        margin: 0 4px 0 8px;
      }
      .stop-label {
        background: #1565c0;
        color: white;
        border-radius: 50%;
        width: 20px;
        height: 20px;
        line-height: 20px;
        text-align: center;
        font: bold 11px sans-serif;
        border: 2px solid white;
        box-shadow: 0 1px 3px rgba(0, 0, 0, 0.4);
      }
      .stop-label.done {
        background: #2e7d32;
      }
    `,
  ];

  data = '';

  private map?: any;
  private content?: any;
  private counties?: any;
  private countiesLoading = false;
  private resizeObserver?: ResizeObserver;

  render() {
    const legend = this.parsed().legend;
    return html`<div class="map"></div>
      ${legend.length
        ? html`<div class="legend">${legend.map((l) => html`<span class="swatch" style="background:${l.color}"></span>${l.label}`)}</div>`
        : ''}`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('.map') as HTMLElement;
    this.map = L.map(container, { zoomSnap: 0.25, preferCanvas: true, attributionControl: false }).setView([39.5, -98.35], 4);
    // the outlines sit in a pane of their own, under the territories, places and route
    this.map.createPane('outlines');
    this.map.getPane('outlines').style.zIndex = '350';
    this.content = L.layerGroup().addTo(this.map);
    this.resizeObserver = new ResizeObserver(() => this.map?.invalidateSize());
    this.resizeObserver.observe(this);
    this.map.on('zoomend', () => this.showCounties());
    this.drawBase();
    this.draw();
  }

  updated(changed: PropertyValues) {
    if (changed.has('data') && this.map) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  private parsed(): MapData {
    try {
      return this.data ? { ...EMPTY, ...JSON.parse(this.data) } : EMPTY;
    } catch (e) {
      return EMPTY;
    }
  }

  private async drawBase() {
    const data = this.parsed();
    if (data.tileUrl) {
      L.tileLayer(data.tileUrl, { maxZoom: 18 }).addTo(this.map);
    }
    const us = (await import('us-atlas/states-10m.json')).default;
    L.geoJSON(feature(us, us.objects.nation), {
      style: { color: '#9fb3c8', weight: 1, fillColor: '#ffffff', fillOpacity: data.tileUrl ? 0 : 1 },
      interactive: false,
      pane: 'outlines',
    }).addTo(this.map);
    L.geoJSON(mesh(us, us.objects.states, (a: any, b: any) => a !== b), {
      style: { color: '#7d93aa', weight: 1.2, fill: false },
      interactive: false,
      pane: 'outlines',
    }).addTo(this.map);
    this.showCounties();
  }

  private async showCounties() {
    if (!this.map || this.map.getZoom() < COUNTY_ZOOM || this.counties || this.countiesLoading) {
      return;
    }
    this.countiesLoading = true;
    const us = (await import('us-atlas/counties-10m.json')).default;
    this.counties = L.geoJSON(mesh(us, us.objects.counties, (a: any, b: any) => a !== b), {
      style: { color: '#b4c3d3', weight: 0.8, fill: false, dashArray: '3 3' },
      interactive: false,
      pane: 'outlines',
    }).addTo(this.map);
  }

  private async draw() {
    const data = this.parsed();
    const centre = await this.zipCentres(data);
    this.content.clearLayers();
    const bounds: [number, number][] = [];
    let territoryCount = 0;
    for (const t of data.territories) {
      const points = [...t.points];
      for (const zip of t.zips) {
        const c = centre(zip);
        if (c) {
          points.push(c);
        }
      }
      if (points.length === 0) {
        continue;
      }
      territoryCount++;
      const hull = convexHull(points);
      const shape = hull.length >= 3
        ? L.polygon(hull, { color: t.color, weight: 2, fillOpacity: 0.08 })
        : L.circle(hull[0], { radius: 2500, color: t.color, weight: 2, fillOpacity: 0.08 });
      shape.bindTooltip(t.tooltip, { sticky: true });
      this.content.addLayer(shape);
      bounds.push(...points);
    }
    let placeCount = 0;
    for (const p of data.places) {
      const at: [number, number] | null = p.lat != null && p.lon != null ? [p.lat, p.lon] : (p.zip ? centre(p.zip) : null);
      if (!at) {
        continue;
      }
      placeCount++;
      const marker = L.circleMarker(at, {
        radius: p.kind === 'Facility' ? 7 : 5, color: '#ffffff', weight: 1, fillColor: p.color, fillOpacity: 0.9,
      });
      marker.bindTooltip(p.tooltip);
      if (p.link) {
        marker.on('click', () => this.dispatchEvent(new CustomEvent('place-click', {
          detail: { id: p.id, link: p.link, zip: p.zip }, bubbles: true, composed: true,
        })));
      }
      this.content.addLayer(marker);
      bounds.push(at);
    }
    let stops = 0;
    if (data.route && data.route.stops.length) {
      const line: [number, number][] = [];
      if (data.route.start) {
        line.push(data.route.start);
        this.content.addLayer(L.circleMarker(data.route.start, { radius: 6, color: '#1565c0', weight: 3, fillColor: '#fff', fillOpacity: 1 })
          .bindTooltip('Start'));
      }
      for (const s of data.route.stops) {
        line.push([s.lat, s.lon]);
        const icon = L.divIcon({ className: '', html: `<div class="stop-label${s.done ? ' done' : ''}">${s.order}</div>`, iconSize: [24, 24] });
        this.content.addLayer(L.marker([s.lat, s.lon], { icon, keyboard: false }).bindTooltip(s.tooltip));
        stops++;
      }
      this.content.addLayer(L.polyline(line, { color: '#1565c0', weight: 3, opacity: 0.8, dashArray: '6 4' }));
      bounds.push(...line);
    }
    if (bounds.length) {
      this.map.fitBounds(L.latLngBounds(bounds).pad(0.08), { maxZoom: 13 });
    }
    this.dataset.placeCount = String(placeCount);
    this.dataset.routeStops = String(stops);
    this.dataset.territoryCount = String(territoryCount);
    this.dataset.ready = 'true';
  }

  /** A lookup of ZIP centres; loads the packaged ZIP data only when some ZIP lacks a known position. */
  private async zipCentres(data: MapData): Promise<(zip: string) => [number, number] | null> {
    const known = new Set<string>();
    const needed = new Set<string>();
    for (const t of data.territories) {
      t.zips.forEach((z) => needed.add(z));
    }
    data.places.filter((p) => (p.lat == null || p.lon == null) && p.zip).forEach((p) => needed.add(p.zip as string));
    // a territory's points already cover the ZIPs the server knows positions for
    for (const t of data.territories) {
      if (t.points.length) {
        t.zips.forEach((z) => known.add(z));
      }
    }
    const missing = [...needed].filter((z) => !known.has(z));
    if (missing.length === 0) {
      return () => null;
    }
    const zipcodes = (await import('zipcodes')).default;
    return (zip: string) => {
      if (known.has(zip)) {
        return null;
      }
      const hit = zipcodes.lookup(zip);
      return hit && hit.latitude != null ? [hit.latitude, hit.longitude] : null;
    };
  }
}

/** Andrew's monotone chain: the convex hull of the points, counter-clockwise. */
function convexHull(points: [number, number][]): [number, number][] {
  const pts = [...new Map(points.map((p) => [p.join(','), p])).values()].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  if (pts.length < 3) {
    return pts;
  }
  const cross = (o: number[], a: number[], b: number[]) => (a[1] - o[1]) * (b[0] - o[0]) - (a[0] - o[0]) * (b[1] - o[1]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

customElements.define('liaison-outreach-map', OutreachMap);
