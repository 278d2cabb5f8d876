/* CityNet maps: member cities as keyboard-reachable markers linking to their pages, and a project's lead city
   joined to its partners. Leaflet comes from the npm registry and is served from our own static files; with no
   tile server configured the cities are drawn on a plain background. */
(function () {
  "use strict";

  function marker(city, lead) {
    var icon = L.divIcon({
      className: "city-marker" + (lead ? " city-marker--lead" : "") + (city.role ? " city-marker--" + city.role : ""),
      iconSize: lead ? [28, 28] : [24, 24], // touch targets of at least 24 px (WCAG 2.2, 2.5.8)
    });
    // A marker is focusable (Tab) and opens its popup with Enter; the popup links to the city's page.
    var m = L.marker([city.lat, city.lng], { icon: icon, title: city.name, alt: city.name, keyboard: true });
    var link = document.createElement("a");
    link.href = city.url;
    link.textContent = city.name;
    m.bindPopup(link);
    m.bindTooltip(city.name);
    return m;
  }

  // A map of the whole network groups nearby cities (most are in Europe): separate markers would overlap,
  // too close together to tap or tell apart. A group is a button that zooms in on its cities.
  function cluster(data) {
    if (typeof L.markerClusterGroup === "undefined") return L.featureGroup();
    return L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 48,
      iconCreateFunction: function (group) {
        var count = String(group.getChildCount());
        var content = document.createElement("span");
        var shown = content.appendChild(document.createElement("span"));
        shown.setAttribute("aria-hidden", "true");
        shown.textContent = count;
        var spoken = content.appendChild(document.createElement("span"));
        spoken.className = "visually-hidden";
        spoken.textContent = data.clusterLabel.replace("%(count)s", count);
        return L.divIcon({ html: content, className: "city-cluster", iconSize: [36, 36] });
      },
    });
  }

  function draw(element) {
    var source = document.getElementById(element.dataset.mapData);
    // Each map includes the script: the first run draws every map on the page, later runs find them drawn.
    if (!source || typeof L === "undefined" || element.dataset.mapDrawn) return;
    element.dataset.mapDrawn = "true";
    var data = JSON.parse(source.textContent);
    // maxZoom is the tile layer's, or ours on a plain background (grouping nearby cities needs one).
    var map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true, attributionControl: !!data.tiles, maxZoom: 18 });
    if (data.tiles) {
      L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
    } else {
      element.classList.add("city-map__canvas--plain");
    }
    var points = [];
    var markers = (data.lead ? L.featureGroup() : cluster(data)).addTo(map);
    data.cities.forEach(function (city) {
      marker(city, false).addTo(markers);
      points.push([city.lat, city.lng]);
      if (data.lead) {
        L.polyline([[data.lead.lat, data.lead.lng], [city.lat, city.lng]], { className: "city-map__link", weight: 2 }).addTo(map);
      }
    });
    if (data.lead) {
      marker(data.lead, true).addTo(markers);
      points.push([data.lead.lat, data.lead.lng]);
    }
    if (points.length === 1) {
      map.setView(points[0], 6);
    } else {
      map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 7 });
    }
  }

  function start() {
    document.querySelectorAll("[data-map-data]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
