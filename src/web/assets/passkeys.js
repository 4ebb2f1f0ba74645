// Passkeys (WebAuthn) on /konto and /konto/log-ind: the one part of accounts that needs
// JavaScript. The buttons stay hidden unless the browser can use passkeys; the password forms
// work without any of this. SimpleWebAuthn's browser bundle (webauthn.js) is loaded first.
(function () {
  'use strict';
  var lib = window.SimpleWebAuthnBrowser;
  if (!lib || !lib.browserSupportsWebAuthn()) return;

  function post(url, csrf, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body || {}),
    });
  }

  function problem(box, error, status) {
    var text = 'Det lykkedes ikke. Prøv igen.';
    if (error && error.name === 'NotAllowedError') text = 'Handlingen blev afbrudt eller tog for lang tid.';
    else if (error && error.name === 'InvalidStateError') text = 'Denne enhed har allerede en adgangsnøgle til din konto.';
    else if (status === 401) text = 'Adgangsnøglen blev ikke godkendt. Prøv igen, eller log ind med adgangskode.';
    else if (status === 403) text = 'Siden er for gammel. Genindlæs den, og prøv igen.';
    else if (status === 429) text = 'Du har prøvet mange gange på kort tid. Vent lidt, og prøv igen.';
    var p = box.querySelector('[data-passkey-error]');
    p.textContent = text;
    p.hidden = false;
  }

  async function run(box, csrf, optionsUrl, verifyUrl, ceremony, extra) {
    var button = box.querySelector('[data-passkey-button]');
    button.disabled = true;
    box.querySelector('[data-passkey-error]').hidden = true;
    var status = 0;
    try {
      var options = await post(optionsUrl, csrf);
      status = options.status;
      if (!options.ok) throw null;
      var credential = await ceremony({ optionsJSON: await options.json() });
      var answer = await post(verifyUrl, csrf, Object.assign({ credential: credential }, extra));
      status = answer.status;
      if (!answer.ok) throw null;
      window.location.assign((await answer.json()).next);
    } catch (error) {
      problem(box, error, status);
      button.disabled = false;
    }
  }

  var register = document.querySelector('[data-passkey-register]');
  if (register) {
    register.hidden = false;
    register.querySelector('[data-passkey-button]').addEventListener('click', function () {
      run(register, register.dataset.csrf, '/konto/adgangsnoegler/muligheder', '/konto/adgangsnoegler', lib.startRegistration, {});
    });
  }

  var signIn = document.querySelector('[data-passkey-sign-in]');
  if (signIn) {
    var token = document.querySelector('#log-ind input[name="_csrf"]');
    signIn.hidden = false;
    signIn.querySelector('[data-passkey-button]').addEventListener('click', function () {
      run(signIn, token ? token.value : '', '/konto/log-ind/adgangsnoegle/muligheder', '/konto/log-ind/adgangsnoegle', lib.startAuthentication, {
        tilbage: signIn.dataset.return,
      });
    });
  }
})();
