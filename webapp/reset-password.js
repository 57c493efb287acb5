// The password-reset page: reads the token from the link (#token=...), takes it out of the
// address bar, checks the two passwords, and posts them to mobile_api/complete_password_reset.
// No inline handlers and no external resources, so a strict Content-Security-Policy works.
(function () {
  'use strict';

  var EXPIRED = 'This link has expired or was already used. Please ask for a new one in the app';
  var MISMATCH = 'The two passwords are not the same';
  var LENGTH = 'The password must be 6 to 20 characters long';
  var SENDING = 'Changing your password…';
  var OFFLINE = 'The server could not be reached. Check your internet connection and try again.';
  var SLOW = 'The server did not answer in time. Check your internet connection and try again.';
  var UNEXPECTED = 'Something went wrong on our side. Please try again in a few minutes.';
  var TIMEOUT_MS = 30000;

  var form = document.getElementById('reset-form');
  var password = document.getElementById('password');
  var repeat = document.getElementById('password-repeat');
  var submit = document.getElementById('submit');
  var message = document.getElementById('message');
  var intro = document.getElementById('intro');
  var busy = false;

  // The token travels in the fragment, which browsers never send to a server; read it once and
  // drop it from the address bar (and so from the history and from anything shared or bookmarked).
  function readToken() {
    var fragment = window.location.hash.replace(/^#/, '');
    var token = new URLSearchParams(fragment).get('token');
    if (window.location.hash) {
      try {
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
      } catch (ignored) {
        // a browser that refuses keeps the address; the page works the same
      }
    }
    return token ? token.trim() : '';
  }

  function show(text, kind) {
    message.textContent = text;
    message.className = kind ? 'message-' + kind : '';
  }

  function markInvalid(input) {
    [password, repeat].forEach(function (each) {
      if (each === input) {
        each.setAttribute('aria-invalid', 'true');
      } else {
        each.removeAttribute('aria-invalid');
      }
    });
  }

  function characters(text) {
    return Array.from(text).length;
  }

  function setBusy(value) {
    busy = value;
    submit.disabled = value;
    form.setAttribute('aria-busy', value ? 'true' : 'false');
  }

  var token = readToken();
  if (!token) {
    form.hidden = true;
    intro.hidden = true;
    show(EXPIRED, 'error');
    return;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    if (password.value !== repeat.value) {
      markInvalid(repeat);
      show(MISMATCH, 'error');
      repeat.focus();
      return;
    }
    var length = characters(password.value);
    if (length < 6 || length > 20) {
      markInvalid(password);
      show(LENGTH, 'error');
      password.focus();
      return;
    }
    markInvalid(null);
    send(password.value, repeat.value);
  });

  function send(newPassword, newPasswordRepeat) {
    setBusy(true);
    show(SENDING, 'pending');
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : 0;
    var body = new URLSearchParams();
    body.append('token', token);
    body.append('password', newPassword);
    body.append('password_repeat', newPasswordRepeat);

    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: body.toString(),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json().then(function (envelope) {
        answered(envelope);
      }, function () {
        show(UNEXPECTED, 'error');
      });
    }).catch(function (error) {
      if (error && error.name === 'AbortError') {
        show(SLOW, 'error');
      } else if (error instanceof TypeError) {
        show(OFFLINE, 'error');
      } else {
        show(UNEXPECTED, 'error');
      }
    }).then(function () {
      window.clearTimeout(timer);
      setBusy(false);
    });
  }

  function answered(envelope) {
    var text = envelope && typeof envelope.message === 'string' && envelope.message ? envelope.message : UNEXPECTED;
    if (envelope && envelope.code === 200) {
      password.value = '';
      repeat.value = '';
      form.hidden = true;
      intro.hidden = true;
      show(text, 'success');
      message.focus(); // the focused button just disappeared: keep the reader's place
      return;
    }
    show(text, 'error');
    if (text === MISMATCH) {
      markInvalid(repeat);
    } else if (text === LENGTH) {
      markInvalid(password);
    }
  }
}());
