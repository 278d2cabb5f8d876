/* CityNet maps: member cities as keyboard-reachable markers linking to their pages, and a project's lead city
   joined to its partners. Leaflet comes from the npm registry and is served from our own static files; with no
   tile server configured the world's land and borders are drawn under the cities from Natural Earth's data
   (world-atlas, also our own static files): the coarse 1:110m outlines for the world and continents, the finer
   1:50m ones once the map is zoomed in on a country. */
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

  // Land and borders from a world-atlas TopoJSON file, in a pane of their own: above where tiles would be, below
  // the lines between cities and the markers. Not interactive: they are the background.
  // Natural Earth's outlines stop at the antimeridian: a ring that crosses it (Fiji, Chukotka) jumps from 180 to
  // -180 degrees, which the map draws as a line across the whole world. Each such jump is undone by carrying on past
  // 180 degrees, as the map itself does. Antarctica encircles the pole, which the map's projection cannot show, and
  // no member city is there: it is left out.
  function continuous(line) {
    var shift = 0;
    var previous = null;
    return line.map(function (point) {
      var longitude = point[0] + shift;
      if (previous !== null && longitude - previous > 180) {
        shift -= 360;
        longitude -= 360;
      }
      if (previous !== null && previous - longitude > 180) {
        shift += 360;
        longitude += 360;
      }
      previous = longitude;
      return [longitude, point[1]];
    });
  }

  function drawable(collection) {
    (collection.features || [collection]).forEach(function (feature) {
      var geometry = feature.geometry || feature; // a mesh is a bare geometry
      if (geometry.type === "MultiPolygon") {
        geometry.coordinates = geometry.coordinates
          .filter(function (polygon) {
            return !polygon[0].some(function (point) {
              return point[1] < -80;
            });
          })
          .map(function (polygon) {
            return polygon.map(continuous);
          });
      } else if (geometry.type === "MultiLineString") {
        geometry.coordinates = geometry.coordinates.map(continuous);
      }
    });
    return collection;
  }

  function landLayer(topology) {
    var land = L.geoJSON(drawable(topojson.feature(topology, topology.objects.land)), {
      pane: "land",
      interactive: false,
      style: { className: "city-map__land", stroke: false, fillOpacity: 1 },
    });
    var borders = L.geoJSON(
      drawable(
        topojson.mesh(topology, topology.objects.countries, function (a, b) {
          return a !== b;
        })
      ),
      { pane: "land", interactive: false, style: { className: "city-map__border", weight: 0.8, fill: false } }
    );
    return L.layerGroup([land, borders]);
  }

  function drawLand(map, land) {
    if (typeof topojson === "undefined" || !land) return;
    map.createPane("land").style.zIndex = 250;
    var layers = {};
    var shown = null;
    function show(detail) {
      if (shown === detail) return;
      shown = detail;
      if (!layers[detail]) {
        layers[detail] = fetch(land[detail])
          .then(function (response) {
            return response.json();
          })
          .then(landLayer);
      }
      layers[detail].then(
        function (layer) {
          Object.keys(layers).forEach(function (other) {
            if (other !== detail)
              layers[other].then(
                function (old) {
                  map.removeLayer(old);
                },
                function () {}
              );
          });
          if (shown === detail) layer.addTo(map);
        },
        function () {}
      ); // without the outlines the cities are still shown, on the plain sea colour
    }
    function pick() {
      show(map.getZoom() >= 4 ? "fine" : "coarse");
    }
    map.on("zoomend", pick);
    pick();
  }

  function draw(element) {
    var source = document.getElementById(element.dataset.mapData);
    // Each map includes the script: the first run draws every map on the page, later runs find them drawn.
    if (!source || typeof L === "undefined" || element.dataset.mapDrawn) return;
    element.dataset.mapDrawn = "true";
    var data = JSON.parse(source.textContent);
    // maxZoom is the tile layer's, or ours on a plain background (grouping nearby cities needs one).
    var map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true, maxZoom: 18 });
    if (data.tiles) {
      L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 18 }).addTo(map);
    } else {
      element.classList.add("city-map__canvas--plain");
      map.attributionControl.addAttribution(data.landAttribution);
    }
    var points = [];
    var markers = (data.lead ? L.featureGroup() : cluster(data)).addTo(map);
    data.cities.forEach(function (city) {
      marker(city, false).addTo(markers);
      points.push([city.lat, city.lng]);
      if (data.lead) {
        L.polyline(
          [
            [data.lead.lat, data.lead.lng],
            [city.lat, city.lng],
          ],
          { className: "city-map__link", weight: 2 }
        ).addTo(map);
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
    if (!data.tiles) drawLand(map, data.land);
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
