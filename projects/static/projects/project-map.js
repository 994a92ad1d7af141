/*
 * The map of re-use projects: Leaflet (served from our static files) with clustered markers.
 *
 * <div id="project-map" data-source="ID"> shows the GeoJSON embedded in <script type="application/json"
 * id="ID"> (the json_script filter: no inline script, no extra request). Every point in it was chosen by
 * the server (reuse_projects.privacy.public_location): exact, the municipality's centre, or absent.
 * data-tile-url / data-tile-attribution come from the MAP_TILE_URL / MAP_TILE_ATTRIBUTION settings:
 * without a tile URL the markers stand on a plain background. The list and the table carry the same
 * information; the map is never needed.
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

  function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try { return JSON.parse(element.textContent); } catch (error) { return null; }
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
      escapeHtml(properties.municipality) + ", " + escapeHtml(properties.country) + "<br>" +
      escapeHtml(properties.use) + " · " + escapeHtml(properties.status);
  }

  function initialise(element) {
    if (typeof L === "undefined") return;  // Leaflet failed to load: the list stays.
    var fallback = document.querySelectorAll("[data-map-fallback]");
    for (var i = 0; i < fallback.length; i++) fallback[i].hidden = true;
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

    var data = readJson(element.dataset.source);
    if (!data || !data.features) return;
    var cluster = L.markerClusterGroup ? L.markerClusterGroup() : L.featureGroup();
    L.geoJSON(data, {
      onEachFeature: function (feature, layer) { layer.bindPopup(popup(feature.properties)); },
    }).eachLayer(function (layer) { cluster.addLayer(layer); });
    cluster.addTo(map);
    if (cluster.getLayers().length) map.fitBounds(cluster.getBounds(), { maxZoom: 14, padding: [20, 20] });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var element = document.getElementById("project-map");
    if (element) initialise(element);
  });
})();
