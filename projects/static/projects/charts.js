/*
 * Charts of the showcase and the impact page, drawn with Chart.js (served from our static files).
 *
 * Each <canvas data-chart="ID"> draws the chart described in <script type="application/json" id="ID">
 * (the json_script filter: no inline script): {"type": "bar" | "line", "labels": [...],
 * "datasets": [{"label", "data"}], "stacked": bool, "horizontal": bool}. The canvases are images with a
 * label for screen readers; a table next to each carries the same numbers.
 */
(function () {
  "use strict";

  var COLOURS = ["#1f5f8b", "#2e7d32", "#b26a00", "#7b1fa2", "#c62828", "#00838f", "#5d4037", "#455a64"];

  function readJson(id) {
    var element = document.getElementById(id);
    if (!element) return null;
    try { return JSON.parse(element.textContent); } catch (error) { return null; }
  }

  function draw(canvas) {
    var spec = readJson(canvas.dataset.chart);
    if (!spec || typeof Chart === "undefined") return;
    var datasets = (spec.datasets || []).map(function (dataset, index) {
      var colour = COLOURS[index % COLOURS.length];
      return {
        label: dataset.label,
        data: dataset.data,
        backgroundColor: colour,
        borderColor: colour,
        spanGaps: true,
      };
    });
    var horizontal = !!spec.horizontal;
    var stacked = !!spec.stacked;
    new Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels || [], datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        plugins: { legend: { display: datasets.length > 1 } },
        scales: {
          x: { stacked: stacked, beginAtZero: true },
          y: { stacked: stacked, beginAtZero: true },
        },
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var canvases = document.querySelectorAll("canvas[data-chart]");
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
  });
})();
