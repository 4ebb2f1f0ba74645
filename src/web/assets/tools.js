// Calculators recompute while you type. The server does the sums: this script asks for the
// same GET URL the form would load, and swaps in the result and the field messages, so the
// formulas exist once. A field's message shows only after it has been touched. Without this
// script the form works as a normal GET form.
(function () {
  'use strict';
  var forms = document.querySelectorAll('form[data-tool-form]');
  for (var i = 0; i < forms.length; i++) enhance(forms[i]);

  function enhance(form) {
    var region = document.querySelector('[data-tool-result]');
    if (!region) return;
    var waiting = region.innerHTML;
    var touched = {};
    var timer = null;
    var latest = 0;

    form.addEventListener('input', function (event) {
      if (event.target && event.target.name) touched[event.target.name] = true;
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
    form.addEventListener('change', function (event) {
      if (event.target && event.target.name) touched[event.target.name] = true;
      clearTimeout(timer);
      timer = setTimeout(update, 50);
    });

    function query() {
      var params = new URLSearchParams();
      var data = new FormData(form);
      data.forEach(function (value, key) {
        params.append(key, String(value));
      });
      return params.toString();
    }

    function update() {
      var qs = query();
      var url = form.getAttribute('action') + '?' + qs;
      var ticket = ++latest;
      fetch(url, { headers: { accept: 'text/html' }, credentials: 'same-origin' })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          if (ticket !== latest) return;
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var fresh = doc.querySelector('[data-tool-result]');
          var anyError = false;
          var fields = form.querySelectorAll('[data-field]');
          for (var j = 0; j < fields.length; j++) {
            var name = fields[j].getAttribute('data-field');
            var next = doc.querySelector('[data-field="' + name + '"]');
            if (!next) continue;
            var shown = touched[name] ? next : clean(next);
            if (shown.querySelector('.field-error')) anyError = true;
            swapField(fields[j], shown);
          }
          if (fresh) {
            var solved = !fresh.querySelector('.tool-waiting');
            region.innerHTML = solved || anyError ? fresh.innerHTML : waiting;
          }
          history.replaceState(null, '', url);
        })
        .catch(function () {
          // Offline or the server is away: the Beregn button still works.
        });
    }

    // The field without its error: what an untouched field looks like.
    function clean(field) {
      var copy = field.cloneNode(true);
      var error = copy.querySelector('.field-error');
      if (error) error.remove();
      var controls = copy.querySelectorAll('[aria-invalid]');
      for (var k = 0; k < controls.length; k++) {
        controls[k].removeAttribute('aria-invalid');
        var ids = (controls[k].getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
          return id && !/-fejl$/.test(id);
        });
        if (ids.length) controls[k].setAttribute('aria-describedby', ids.join(' '));
        else controls[k].removeAttribute('aria-describedby');
      }
      return copy;
    }

    // Only the message and the ARIA state change: the input the user types in stays put.
    function swapField(current, next) {
      var oldError = current.querySelector('.field-error');
      var newError = next.querySelector('.field-error');
      if (oldError) oldError.remove();
      if (newError) current.appendChild(document.importNode(newError, true));
      var controls = current.querySelectorAll('input, select');
      for (var k = 0; k < controls.length; k++) {
        var twin = next.querySelectorAll('input, select')[k];
        if (!twin) continue;
        copyAttribute(controls[k], twin, 'aria-invalid');
        copyAttribute(controls[k], twin, 'aria-describedby');
      }
      if (current.tagName === 'FIELDSET') copyAttribute(current, next, 'aria-describedby');
    }

    function copyAttribute(target, source, name) {
      var value = source.getAttribute(name);
      if (value === null) target.removeAttribute(name);
      else target.setAttribute(name, value);
    }
  }
})();
