// The processors page: while a rebuild runs, polls GET /api/admin/processors and moves each processor's position,
// lag, segments and rebuild bar; the page as served shows the same state without the script.
(function () {
  'use strict';

  function start() {
    var table = document.getElementById('processors-table');
    if (!table) {
      return;
    }
    var d = table.dataset;

    function stateText(state) {
      var key = 'state' + state.split('-').map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join('');
      return d[key] || state;
    }

    function running(rebuild) {
      return rebuild && rebuild.state !== 'done' && rebuild.state !== 'failed';
    }

    function show(p) {
      var row = table.querySelector('tr.processor-row[data-name="' + p.name + '"]');
      if (!row) {
        return;
      }
      row.querySelector('.processor-position').textContent = String(p.position);
      var lag = row.querySelector('.processor-lag');
      lag.textContent = String(p.lag);
      lag.classList.toggle('text-bg-warning', p.lag > 0);
      lag.classList.toggle('text-bg-success', p.lag <= 0);
      (p.segments || []).forEach(function (s) {
        var li = row.querySelector('.processor-segment[data-segment="' + s.segment + '"] .segment-owner');
        if (li) {
          li.textContent = s.owner || d.freeText;
        }
      });
      var r = p.rebuild;
      var box = row.querySelector('.processor-rebuild');
      if (!r) {
        return;
      }
      box.classList.remove('d-none');
      var bar = box.querySelector('.processor-progress-bar');
      bar.style.width = r.percent + '%';
      bar.textContent = r.percent + ' %';
      box.querySelector('.processor-progress').setAttribute('aria-valuenow', String(r.percent));
      var live = running(r);
      bar.classList.toggle('progress-bar-striped', live);
      bar.classList.toggle('progress-bar-animated', live);
      bar.classList.toggle('bg-success', r.state === 'done');
      bar.classList.toggle('bg-danger', r.state === 'failed');
      var state = box.querySelector('.processor-rebuild-state');
      if (!state) {
        state = document.createElement('small');
        state.className = 'processor-rebuild-state';
        state.setAttribute('aria-live', 'polite');
        box.insertBefore(state, box.querySelector('.processor-rebuild-eta'));
      }
      state.textContent = stateText(r.state);
      state.dataset.state = r.state;
      var counter = box.querySelector('.processor-rebuild-counter');
      if (!counter) {
        counter = document.createElement('small');
        counter.className = 'processor-rebuild-counter text-body-secondary';
        box.insertBefore(counter, box.querySelector('.processor-rebuild-eta'));
      }
      counter.textContent = ' ' + d.doneText.replace('{0}', r.done).replace('{1}', r.total);
      box.querySelector('.processor-rebuild-eta').textContent =
        live && r.etaSeconds !== null && r.etaSeconds !== undefined ? ' ' + d.etaText.replace('{0}', r.etaSeconds) : '';
    }

    function poll() {
      fetch(d.api, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (list) {
          var any = false;
          list.items.forEach(function (p) {
            show(p);
            any = any || running(p.rebuild);
          });
          window.setTimeout(poll, any ? 500 : 3000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }

    poll();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
