// The events map: Natural Earth country shapes (world-atlas, served locally) as the base map,
// so it works with no internet; events as markers coloured by type, clustered.
/* global L, topojson */

export async function createMap(container) {
  const map = L.map(container, { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 12 });
  map.setView([25, 20], 2);
  map.attributionControl.addAttribution("Country shapes: Natural Earth (world-atlas)");
  try {
    const topo = await (await fetch("/static/vendor/world-atlas/countries-50m.json")).json();
    const land = topojson.feature(topo, topo.objects.countries);
    L.geoJSON(land, {
      style: { color: "#8a8a7a", weight: 0.6, fillColor: "#efece3", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
  } catch (e) {
    container.dataset.basemap = "missing";
  }
  return map;
}

export function showPoints(map, layer, points, colour, onClick, fit) {
  if (layer) map.removeLayer(layer);
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 40,
    // a cluster takes the colour of its most frequent event type
    iconCreateFunction(cluster) {
      const counts = new Map();
      for (const m of cluster.getAllChildMarkers()) counts.set(m.options.etype, (counts.get(m.options.etype) || 0) + 1);
      const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const n = cluster.getChildCount();
      const size = n < 10 ? 28 : n < 100 ? 34 : 42;
      const div = document.createElement("div");
      div.className = "cluster";
      div.style.background = colour(top);
      div.style.width = div.style.height = `${size}px`;
      div.textContent = String(n);
      return L.divIcon({ html: div, className: "cluster-wrap", iconSize: [size, size] });
    },
  });
  const markers = points.map(([id, lat, lon, type, date, location]) => {
    const m = L.circleMarker([lat, lon], { radius: 7, weight: 1, color: "#222", fillColor: colour(type),
                                            fillOpacity: 0.9, etype: type });
    // Leaflet treats a string tooltip as HTML: give it a text node so place names stay text
    const tip = document.createElement("span");
    tip.textContent = `${date || "undated"} · ${type} · ${location || ""}`;
    m.bindTooltip(tip);
    m.on("click", () => onClick(id));
    return m;
  });
  group.addLayers(markers);
  group.addTo(map);
  if (fit && markers.length) map.fitBounds(group.getBounds(), { maxZoom: 8, padding: [20, 20] });
  return group;
}
