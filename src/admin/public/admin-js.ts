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
