// Refreshes the server-rendered deadline countdowns (<time data-countdown datetime="...">) every minute.
// The page works without it: the text is right when the page is served.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  function unit(name, value) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
    } catch (error) {
      return value + " " + name + (value === 1 ? "" : "s");
    }
  }

  function left(seconds) {
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var parts = [];
    if (days) { parts.push(unit("day", days)); }
    if (days || hours) { parts.push(unit("hour", hours)); }
    if (!days) { parts.push(unit("minute", days || hours ? minutes : Math.max(1, minutes))); }
    return parts.join(" ");
  }

  function refresh() {
    var now = Date.now();
    document.querySelectorAll("time[data-countdown]").forEach(function (element) {
      var moment = Date.parse(element.getAttribute("datetime"));
      if (isNaN(moment)) { return; }
      var seconds = Math.floor((moment - now) / 1000);
      if (seconds <= 0) {
        element.textContent = element.getAttribute("data-countdown-ended") || "";
      } else {
        var template = element.getAttribute("data-countdown-template") || "{time}";
        element.textContent = template.replace("{time}", left(seconds));
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    window.setInterval(refresh, 60000);
  });
})();
