/*
 * The map of properties (the catalogue) or of re-use projects (the showcase): Leaflet (served from our
 * static files) with clustered markers.
 *
 * <div id="property-map" data-geojson-url="..."> shows the features of that GeoJSON (the filtered
 * results of the catalogue or the showcase); <div id="property-map" data-lat data-lng> shows one point
 * (a property's page).
 * data-tile-url / data-tile-attribution come from the MAP_TILE_URL / MAP_TILE_ATTRIBUTION settings:
 * without a tile URL the markers stand on a plain background. The page never depends on the map: a
 * table or text carries the same information, and a tile that fails to load only shows a notice.
 */
(function () {
  "use strict";

  function escapeHtml(text) {
    var element = document.createElement("span");
    element.textContent = text == null ? "" : String(text);
    return element.innerHTML;
  }

  function showNotice(selector) {
    var notice = document.querySelector(selector);
    if (notice) notice.hidden = false;
  }

  function hideFallback() {
    var fallback = document.querySelectorAll("[data-map-fallback]");
    for (var i = 0; i < fallback.length; i++) fallback[i].hidden = true;
  }

  function addTiles(map, element) {
    var url = element.dataset.tileUrl;
    if (!url) return;
    var layer = L.tileLayer(url, { attribution: escapeHtml(element.dataset.tileAttribution), maxZoom: 19 });
    var reported = false;
    layer.on("tileerror", function () {
      if (!reported) {
        reported = true;
        showNotice("[data-map-tile-error]");
      }
    });
    layer.addTo(map);
  }

  function popup(properties) {
    return '<a href="' + escapeHtml(properties.url) + '">' + escapeHtml(properties.title) + "</a><br>" +
      escapeHtml(properties.municipality) + " · " + escapeHtml(properties.type) + " · " + escapeHtml(properties.status);
  }

  function initialise(element) {
    if (typeof L === "undefined") return;  // Leaflet failed to load: the table or text stays.
    hideFallback();
    // maxZoom on the map itself: without a tile layer (no MAP_TILE_URL) the map has none, and the
    // marker clusters refuse to work ("Map has no maxZoom specified").
    var map = L.map(element, { scrollWheelZoom: false, maxZoom: 19 }).setView([43.5, 20.5], 6);
    addTiles(map, element);

    if (element.dataset.lat && element.dataset.lng) {
      var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lng)];
      if (element.dataset.precision === "approximate") {
        L.circle(point, { radius: 1500 }).addTo(map);
      } else {
        L.marker(point, { keyboard: true }).addTo(map);
      }
      map.setView(point, element.dataset.precision === "approximate" ? 12 : 15);
      return;
    }

    var url = element.dataset.geojsonUrl;
    if (!url) return;
    fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var cluster = L.markerClusterGroup ? L.markerClusterGroup() : L.featureGroup();
        L.geoJSON(data, {
          onEachFeature: function (feature, layer) { layer.bindPopup(popup(feature.properties)); },
        }).eachLayer(function (layer) { cluster.addLayer(layer); });
        cluster.addTo(map);
        if (cluster.getLayers().length) map.fitBounds(cluster.getBounds(), { maxZoom: 14, padding: [20, 20] });
      })
      .catch(function () { showNotice("[data-map-tile-error]"); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var element = document.getElementById("property-map");
    if (element) initialise(element);
  });
})();
