// The campaign page: confirms a launch or a cancel, and while the campaign is sent polls its JSON every few seconds to
// move the progress bar and the counts; when it ends (done, canceled) or its status changes, the page is read again so
// that its steps and report are current. The page works without this script (reload it to see progress).
(function () {
  'use strict';

  var SENDING = ['running', 'waiting'];

  function format(text, values) {
    return text.replace(/\{(\d)\}/g, function (m, i) { return String(values[Number(i)]); });
  }

  function start() {
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.dataset.confirm)) {
          event.preventDefault();
        }
      });
    });
    var panel = document.getElementById('campaign-counts');
    if (!panel || SENDING.indexOf(panel.dataset.status) < 0) {
      return;
    }
    var bar = document.getElementById('campaign-progress-bar');
    var progress = document.getElementById('campaign-progress');
    var counts = document.getElementById('campaign-counts-text');
    var left = document.getElementById('campaign-left');

    function show(c) {
      var total = Number(c.total);
      var handled = total - c.left;
      var percent = total > 0 ? Math.floor(100 * handled / total) : 0;
      bar.style.width = percent + '%';
      bar.textContent = percent + ' %';
      progress.setAttribute('aria-valuenow', String(handled));
      counts.textContent = format(panel.dataset.countsText, [c.sent, c.failed, c.skipped]);
      left.textContent = format(panel.dataset.leftText, [c.left]);
    }

    function poll() {
      fetch(panel.dataset.url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (c) {
          if (!c) {
            return;
          }
          show(c);
          if (c.status !== panel.dataset.status) {
            window.location.reload();
            return;
          }
          window.setTimeout(poll, 2000);
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }

    window.setTimeout(poll, 2000);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
