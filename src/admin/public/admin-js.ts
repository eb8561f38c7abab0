// The little JavaScript the admin uses, served at /static/admin.js (the CSP allows scripts from
// the app only). Everything works without it; it adds confirmations and progress for long actions.

export const ADMIN_JS = `
(function () {
  'use strict';
  function busy(form, on, text) {
    var box = form.querySelector('.busy');
    form.querySelectorAll('button[type=submit], button:not([type])').forEach(function (b) { b.disabled = on; });
    if (!box) return;
    box.classList.toggle('on', on);
    var label = box.querySelector('.busy-text');
    if (label && text) label.textContent = text;
    var bar = box.querySelector('progress');
    if (bar && !on) bar.removeAttribute('value');
  }
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { e.preventDefault(); return; }
    if (form.hasAttribute('data-download')) { e.preventDefault(); download(form); return; }
    if (form.hasAttribute('data-long')) busy(form, true);
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-long]').forEach(function (f) { busy(f, false); });
  });
  // A live count of the characters typed where there is a limit (data-counter); the server
  // counts after normalising, which only ever shortens the text.
  document.querySelectorAll('textarea[data-counter]').forEach(function (area) {
    var max = Number(area.getAttribute('data-counter'));
    var out = document.getElementById(area.id + '-count');
    var text = area.getAttribute('data-counter-text') || '{n}/{max}';
    if (!out || !max) return;
    function update() {
      var n = area.value.normalize('NFC').trim().length;
      out.textContent = text.replace('{n}', String(n)).replace('{max}', String(max));
      out.classList.toggle('over', n > max);
    }
    area.addEventListener('input', update);
    update();
  });
  // A part of the page that follows a long action on the server (data-refresh="<seconds>", with
  // an id): fetched again and replaced in place until the server stops marking it.
  function refresh(el) {
    var seconds = Number(el.getAttribute('data-refresh')) || 5;
    setTimeout(function () {
      fetch(window.location.href, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.text();
      }).then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById(el.id);
        if (!next) return;
        el.replaceWith(next);
        if (next.hasAttribute('data-refresh')) refresh(next);
      }).catch(function () { refresh(el); });
    }, seconds * 1000);
  }
  document.querySelectorAll('[data-refresh][id]').forEach(refresh);
  // Read-only texts to pass on (a personal link, a message): a tap selects all of it, and the copy
  // button (hidden without JavaScript) puts it on the clipboard. Over plain http the Clipboard API
  // is missing, hence the older execCommand.
  document.querySelectorAll('[data-select-all]').forEach(function (el) {
    el.addEventListener('focus', function () { el.select(); });
    el.addEventListener('click', function () { el.select(); });
  });
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    var field = document.getElementById(button.getAttribute('data-copy'));
    var status = document.getElementById(button.getAttribute('data-copy') + '-status');
    if (!field) return;
    button.hidden = false;
    function say(text) { if (status) status.textContent = text; }
    button.addEventListener('click', function () {
      field.focus();
      field.select();
      var legacy = function () {
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        say(button.getAttribute(ok ? 'data-copied' : 'data-copy-failed'));
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () { say(button.getAttribute('data-copied')); }, legacy);
      } else {
        legacy();
      }
    });
  });
  function download(form) {
    var url = form.action + '?' + new URLSearchParams(new FormData(form)).toString();
    var bar = form.querySelector('.busy progress');
    busy(form, true, form.getAttribute('data-busy-text'));
    fetch(url, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) return res.text().then(function (t) { throw new Error(res.status + ''); });
      var total = Number(res.headers.get('content-length') || 0);
      var name = (/filename\\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') || '') || [])[1];
      var reader = res.body.getReader();
      var chunks = [], got = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) return;
          chunks.push(r.value); got += r.value.length;
          if (bar && total) { bar.max = total; bar.value = got; }
          return pump();
        });
      }
      return pump().then(function () {
        var blob = new Blob(chunks, { type: res.headers.get('content-type') || 'application/octet-stream' });
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = name ? decodeURIComponent(name) : 'tai-ve';
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
        busy(form, false);
      });
    }).catch(function () {
      busy(form, false);
      form.submit();
    });
  }
})();
`;
