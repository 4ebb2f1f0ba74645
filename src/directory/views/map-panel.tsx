import type { ViewContext } from '../../web/layout.js';

/**
 * The map on town and clinic pages, fetched only when the visitor asks for it. The page holds
 * the button, a note saying which host the map comes from, and the data; nothing from Leaflet
 * or the tile server loads before "Vis kort" (map.js then fetches Leaflet and draws the tiles).
 * Without JavaScript the panel stays hidden: the list or address above it is the content.
 */

export interface MapMarker {
  lat: number;
  lon: number;
  name: string;
  url: string;
}

/** The scripts a page with a map needs up front: only our small loader, never Leaflet itself. */
export function mapScripts(ctx: ViewContext): string[] {
  return ctx.map ? [ctx.assets.url('map.js')] : [];
}

export function MapPanel({ ctx, center, zoom, markers, label }: { ctx: ViewContext; center: [number, number]; zoom: number; markers: MapMarker[]; label: string }) {
  const { map, assets } = ctx;
  if (!map || markers.length === 0) return null;
  return (
    <section
      class="map-panel"
      hidden
      aria-labelledby="kort-titel"
      data-map-panel=""
      data-leaflet-js={assets.url('leaflet.js')}
      data-leaflet-css={assets.url('leaflet.css')}
      data-tiles={map.tileUrl}
      data-attribution={map.attribution}
      data-attribution-url={map.attributionUrl ?? undefined}
    >
      <h2 id="kort-titel">Kort</h2>
      <p class="map-note" id="kort-note">
        Kortet hentes fra {map.tileHost}, som derved ser din IP-adresse. Siden henter intet fra andre, før du vælger at
        vise kortet.
      </p>
      <p class="map-actions">
        <button type="button" class="button-secondary map-show" aria-describedby="kort-note">
          Vis kort
        </button>
      </p>
      <p class="map-status" role="status" />
      <div class="map" hidden data-map={JSON.stringify({ center, zoom, markers })} role="region" aria-label={label} />
      <p class="map-remembered" hidden>
        Din browser husker, at du vil se kort, og henter det af sig selv, når du når hertil.{' '}
        <button type="button" class="button-secondary map-forget">
          Vis ikke kortet automatisk
        </button>
      </p>
    </section>
  );
}
