// Map enhancement: shows clinics on an OpenStreetMap map where the page has a
// <div class="map" data-map="{center, zoom, markers}">. The list on the page is complete
// without it; if Leaflet or the tiles cannot load, nothing is lost.
(function () {
  'use strict';
  if (typeof window.L === 'undefined') return;
  var L = window.L;
  // Set both: Leaflet otherwise probes its CSS for the icon folder (a request that 404s).
  L.Icon.Default.imagePath = '/assets/';
  L.Icon.Default.prototype.options.imagePath = '/assets/';
  var containers = document.querySelectorAll('.map[data-map]');
  for (var i = 0; i < containers.length; i++) {
    var el = containers[i];
    var data;
    try {
      data = JSON.parse(el.getAttribute('data-map'));
    } catch (e) {
      continue;
    }
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false }).setView(data.center, data.zoom);
    L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bidragydere',
    }).addTo(map);
    var bounds = [];
    for (var j = 0; j < data.markers.length; j++) {
      var m = data.markers[j];
      var link = document.createElement('a');
      link.href = m.url;
      link.textContent = m.name;
      L.marker([m.lat, m.lon], { title: m.name, alt: m.name }).addTo(map).bindPopup(link);
      bounds.push([m.lat, m.lon]);
    }
    if (bounds.length > 1) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
  }
})();
