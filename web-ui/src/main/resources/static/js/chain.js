// Verifiable history: the store-wide check on /admin/verify (reads the API's streamed JSON lines and moves the bar),
// re-checking a checkpoint, and the history page's "Verify chain" button. Each part marks its element
// data-ready once its handlers are attached.
(function () {
  'use strict';

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (m, i) {
      return values[Number(i)] === undefined ? m : String(values[Number(i)]);
    });
  }

  function reason(panel, broken) {
    var template = panel.dataset['reason' + broken.code.charAt(0).toUpperCase() + broken.code.slice(1)];
    return template ? fill(template, [broken.sequence]) : broken.reason;
  }

  function storeCheck() {
    var panel = document.getElementById('chain-verify-panel');
    if (!panel || !window.fetch || !window.TextDecoder) {
      return;
    }
    var form = document.getElementById('chain-verify-form');
    var button = document.getElementById('chain-verify-start');
    var bar = document.getElementById('chain-verify-bar');
    var progress = document.getElementById('chain-verify-progress');
    var counter = document.getElementById('chain-verify-counter');
    var result = document.getElementById('chain-verify-result');

    function showProgress(checked, total) {
      var percent = total > 0 ? Math.min(100, Math.round(100 * checked / total)) : 100;
      bar.style.width = percent + '%';
      bar.textContent = percent + ' %';
      progress.setAttribute('aria-valuenow', String(checked));
      progress.setAttribute('aria-valuemax', String(total));
      counter.textContent = fill(panel.dataset.counterText, [checked, total]);
    }

    function showResult(line) {
      var total = Number(progress.getAttribute('aria-valuemax'));
      showProgress(line.checked, Math.max(total, line.checked));
      bar.classList.remove('progress-bar-striped', 'progress-bar-animated');
      bar.classList.add(line.valid ? 'bg-success' : 'bg-danger');
      result.textContent = '';
      var p = document.createElement('p');
      p.className = 'fw-semibold ' + (line.valid ? 'text-success' : 'text-danger');
      if (line.valid) {
        p.textContent = fill(panel.dataset.validText, [line.checked]);
      } else {
        var b = line.firstBroken;
        p.textContent = fill(panel.dataset.brokenText, [b.id, b.sequence, reason(panel, b)]) + ' ';
        if (typeof b.id === 'number') {
          var a = document.createElement('a');
          a.id = 'chain-verify-broken-link';
          a.href = panel.dataset.history.replace('ID', String(b.id));
          a.textContent = panel.dataset.historyText || a.href;
          p.appendChild(a);
        }
      }
      result.appendChild(p);
      result.dataset.valid = String(line.valid);
    }

    function failed() {
      bar.classList.remove('progress-bar-striped', 'progress-bar-animated');
      bar.classList.add('bg-danger');
      result.textContent = panel.dataset.failedText;
      result.dataset.valid = 'error';
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      result.textContent = '';
      result.dataset.valid = '';
      bar.classList.remove('bg-success', 'bg-danger');
      bar.classList.add('progress-bar-striped', 'progress-bar-animated');
      showProgress(0, Number(progress.getAttribute('aria-valuemax')));
      fetch(panel.dataset.api, {headers: {Accept: 'application/x-ndjson'}, credentials: 'same-origin'})
        .then(function (response) {
          if (!response.ok || !response.body) {
            throw new Error(String(response.status));
          }
          var reader = response.body.getReader();
          var decoder = new TextDecoder();
          var buffer = '';
          function handle(text) {
            if (!text.trim()) {
              return;
            }
            var line = JSON.parse(text);
            if (line.valid === undefined) {
              showProgress(line.checked, line.total);
            } else {
              showResult(line);
            }
          }
          function pump() {
            return reader.read().then(function (chunk) {
              if (chunk.done) {
                handle(buffer);
                return;
              }
              buffer += decoder.decode(chunk.value, {stream: true});
              var lines = buffer.split('\n');
              buffer = lines.pop();
              lines.forEach(handle);
              return pump();
            });
          }
          return pump();
        })
        .catch(failed)
        .finally(function () {
          button.disabled = false;
        });
    });
    panel.dataset.ready = 'true';
  }

  function checkpoints() {
    var table = document.getElementById('chain-checkpoints');
    if (!table || !window.fetch) {
      return;
    }
    table.querySelectorAll('.chain-recheck').forEach(function (link) {
      link.addEventListener('click', function (event) {
        event.preventDefault();
        var out = link.parentElement.querySelector('.chain-recheck-result');
        out.textContent = '…';
        fetch(link.href, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
          .then(function (r) { return r.json(); })
          .then(function (c) {
            out.textContent = c.valid ? table.dataset.validText : table.dataset.invalidText;
            out.className = 'chain-recheck-result ms-2 fw-semibold ' + (c.valid ? 'text-success' : 'text-danger');
            out.dataset.valid = String(c.valid);
          });
      });
    });
    table.dataset.ready = 'true';
  }

  function objectCheck() {
    var panel = document.getElementById('chain-object');
    if (!panel || !window.fetch) {
      return;
    }
    var button = document.getElementById('chain-object-verify');
    var out = document.getElementById('chain-object-result');
    button.addEventListener('click', function (event) {
      event.preventDefault();
      out.textContent = '…';
      out.dataset.valid = '';
      fetch(panel.dataset.api, {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (r) {
          if (!r.ok) {
            throw new Error(String(r.status));
          }
          return r.json();
        })
        .then(function (v) {
          out.className = 'fw-semibold ' + (v.valid ? 'text-success' : 'text-danger');
          out.textContent = v.valid ? fill(panel.dataset.validText, [v.checked])
            : fill(panel.dataset.brokenText, [v.firstBroken.sequence, reason(panel, v.firstBroken)]);
          out.dataset.valid = String(v.valid);
        })
        .catch(function () {
          out.className = 'text-danger';
          out.textContent = panel.dataset.failedText;
          out.dataset.valid = 'error';
        });
    });
    panel.dataset.ready = 'true';
  }

  function start() {
    storeCheck();
    checkpoints();
    objectCheck();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
