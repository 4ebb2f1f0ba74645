// Town autocomplete for the "find a physiotherapist" form (ARIA 1.2 combobox with a listbox).
// Without this script the form still works: the server resolves what was typed.
(function () {
  'use strict';
  var inputs = document.querySelectorAll('input[data-town-autocomplete]');
  for (var i = 0; i < inputs.length; i++) enhance(inputs[i]);

  function enhance(input) {
    var form = input.form;
    var list = document.createElement('ul');
    var listId = input.id + '-forslag';
    var options = [];
    var active = -1;
    var timer = null;
    var latest = 0;

    list.id = listId;
    list.className = 'town-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Forslag til by eller postnummer');
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + options.length) % options.length);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', function () {
      setTimeout(close, 150);
    });

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 1) return close();
      var request = ++latest;
      fetch('/api/v1/towns?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : { towns: [] };
        })
        .then(function (body) {
          if (request === latest) render(body.towns || []);
        })
        .catch(close);
    }

    function render(towns) {
      list.textContent = '';
      options = towns.map(function (town, index) {
        var li = document.createElement('li');
        li.id = listId + '-' + index;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = town.label;
        li.addEventListener('mousedown', function (event) {
          event.preventDefault();
          choose(li);
        });
        li.dataset.label = town.label;
        list.appendChild(li);
        return li;
      });
      active = -1;
      var open = options.length > 0;
      list.hidden = !open;
      input.setAttribute('aria-expanded', String(open));
      input.removeAttribute('aria-activedescendant');
    }

    function setActive(index) {
      if (options[active]) options[active].setAttribute('aria-selected', 'false');
      active = index;
      options[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[active].id);
    }

    function choose(option) {
      input.value = option.dataset.label;
      close();
      form.submit();
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
  }
})();

// "Brug min placering": the browser's position → the nearest postcode, from our own server
// (/api/v1/towns/nearest; nothing is stored, no third party is asked). The button is hidden
// in the HTML and shown only where the browser can tell a position.
(function () {
  'use strict';
  if (!('geolocation' in navigator) || !window.fetch) return;
  var buttons = document.querySelectorAll('button[data-use-location]');
  for (var i = 0; i < buttons.length; i++) enhance(buttons[i]);

  function enhance(button) {
    var field = button.parentNode;
    var input = field.querySelector('input[name="by"]');
    if (!input) return;
    var status = document.createElement('p');
    status.className = 'use-location-status';
    status.setAttribute('role', 'status');
    field.appendChild(status);
    button.hidden = false;

    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = 'Finder din placering …';
      navigator.geolocation.getCurrentPosition(found, failed, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
    });

    function found(position) {
      var lat = position.coords.latitude.toFixed(4);
      var lon = position.coords.longitude.toFixed(4);
      fetch('/api/v1/towns/nearest?lat=' + lat + '&lon=' + lon, { headers: { accept: 'application/json' } })
        .then(function (response) {
          if (response.status === 404) throw new Error('far');
          if (!response.ok) throw new Error('server');
          return response.json();
        })
        .then(function (town) {
          input.value = town.label;
          status.textContent = 'Nærmeste by: ' + town.label + '. Tryk på Find fysioterapeut for at se klinikkerne.';
          input.focus();
        })
        .catch(function (error) {
          status.textContent =
            error && error.message === 'far'
              ? 'Din placering ligger ikke i nærheden af en dansk by. Skriv din by eller dit postnummer.'
              : 'Vi kunne ikke finde byen lige nu. Skriv din by eller dit postnummer.';
        })
        .then(function () {
          button.disabled = false;
        });
    }

    function failed(error) {
      button.disabled = false;
      status.textContent =
        error && error.code === 1
          ? 'Du har ikke givet lov til at bruge din placering. Skriv din by eller dit postnummer.'
          : 'Vi kunne ikke finde din placering. Skriv din by eller dit postnummer.';
    }
  }
})();
