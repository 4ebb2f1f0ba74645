// The map on town and clinic pages, loaded only when the visitor asks for it. The page holds
// a hidden panel (<section data-map-panel>) with a "Vis kort" button, a note naming the tile
// server, and the map's data; nothing from Leaflet or the tile server is fetched before the
// click. The choice is remembered in localStorage: later pages load the map when its panel
// scrolls into view, until the visitor says "Vis ikke kortet automatisk". Without this
// script the panel stays hidden and the page's list or address is the content.
(function () {
  'use strict';
  var REMEMBER = 'fysio.kort';
  var panels = document.querySelectorAll('[data-map-panel]');
  if (panels.length === 0) return;
  var leaflet = { state: 'idle', waiting: [] };

  for (var i = 0; i < panels.length; i++) enhance(panels[i]);

  function enhance(panel) {
    var show = panel.querySelector('.map-show');
    var rememberedNote = panel.querySelector('.map-remembered');
    var forget = panel.querySelector('.map-forget');
    var status = panel.querySelector('.map-status');
    var container = panel.querySelector('.map[data-map]');
    var started = false;
    panel.hidden = false;

    show.addEventListener('click', function () {
      remember(true);
      start(true);
    });
    forget.addEventListener('click', function () {
      remember(false);
      rememberedNote.hidden = true;
      status.textContent = 'Kortet vises ikke længere automatisk. Du kan stadig vise det med knappen.';
    });
    if (remembered() && 'IntersectionObserver' in window) {
      var observer = new IntersectionObserver(
        function (entries) {
          for (var j = 0; j < entries.length; j++) {
            if (entries[j].isIntersecting) {
              observer.disconnect();
              start(false);
              return;
            }
          }
        },
        { rootMargin: '200px' },
      );
      observer.observe(panel);
    }

    function start(clicked) {
      if (started) return;
      started = true;
      show.disabled = true;
      status.textContent = 'Henter kortet …';
      loadLeaflet(panel, function (ok) {
        if (!ok) {
          started = false;
          show.disabled = false;
          status.textContent = 'Kortet kunne ikke hentes. Prøv igen senere.';
          return;
        }
        show.hidden = true;
        rememberedNote.hidden = !remembered();
        status.textContent = '';
        draw(panel, container);
        // Someone who pressed the button continues in the map, which is keyboard-operable.
        if (clicked) container.focus();
      });
    }
  }

  function remembered() {
    try {
      return window.localStorage.getItem(REMEMBER) === 'ja';
    } catch (e) {
      return false;
    }
  }

  function remember(yes) {
    try {
      if (yes) window.localStorage.setItem(REMEMBER, 'ja');
      else window.localStorage.removeItem(REMEMBER);
    } catch (e) {
      // Storage off (private mode, policy): the button still works each time.
    }
  }

  // Leaflet's stylesheet and script, fetched once per page however many panels ask.
  function loadLeaflet(panel, done) {
    if (leaflet.state === 'ready') return done(true);
    leaflet.waiting.push(done);
    if (leaflet.state === 'loading') return;
    leaflet.state = 'loading';
    var pending = 2;
    var failed = false;
    var finish = function (ok) {
      failed = failed || !ok;
      if (--pending > 0) return;
      leaflet.state = failed ? 'idle' : 'ready';
      var waiting = leaflet.waiting;
      leaflet.waiting = [];
      for (var k = 0; k < waiting.length; k++) waiting[k](!failed);
    };
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = panel.getAttribute('data-leaflet-css');
    css.onload = function () {
      finish(true);
    };
    css.onerror = function () {
      finish(false);
    };
    document.head.appendChild(css);
    if (typeof window.L !== 'undefined') return finish(true);
    var script = document.createElement('script');
    script.src = panel.getAttribute('data-leaflet-js');
    script.onload = function () {
      finish(typeof window.L !== 'undefined');
    };
    script.onerror = function () {
      finish(false);
    };
    document.head.appendChild(script);
  }

  function draw(panel, container) {
    var L = window.L;
    var data;
    try {
      data = JSON.parse(container.getAttribute('data-map'));
    } catch (e) {
      return;
    }
    // Set both: Leaflet otherwise probes its CSS for the icon folder (a request that 404s).
    L.Icon.Default.imagePath = '/assets/';
    L.Icon.Default.prototype.options.imagePath = '/assets/';
    container.hidden = false;
    var map = L.map(container, { scrollWheelZoom: false }).setView(data.center, data.zoom);
    L.tileLayer(panel.getAttribute('data-tiles'), {
      maxZoom: 19,
      attribution: credit(panel.getAttribute('data-attribution'), panel.getAttribute('data-attribution-url')),
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

  // The tile server's credit as Leaflet wants it (HTML), built from text so nothing in the
  // setting can become markup.
  function credit(text, url) {
    var el = document.createElement(url ? 'a' : 'span');
    el.textContent = text;
    if (url) el.setAttribute('href', url);
    return el.outerHTML;
  }
})();
