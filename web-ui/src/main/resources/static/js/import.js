// The import's progress page: polls the job's status (JSON) and moves the bar until the job is done or failed.
(function () {
  'use strict';

  function start() {
    var panel = document.getElementById('import-progress-panel');
    if (!panel) {
      return;
    }
    var bar = document.getElementById('import-progress-bar');
    var progress = document.getElementById('import-progress');
    var counter = document.getElementById('import-counter');
    var state = document.getElementById('import-state');
    var errors = document.getElementById('import-job-errors');
    var toList = document.getElementById('import-to-list');

    function show(status) {
      var percent = status.total > 0 ? Math.round(100 * status.done / status.total) : 100;
      if (status.state === 'done') {
        percent = 100;
      }
      bar.style.width = percent + '%';
      bar.textContent = percent + ' %';
      progress.setAttribute('aria-valuenow', String(status.done));
      progress.setAttribute('aria-valuemax', String(status.total));
      counter.textContent = panel.dataset.counterText.replace('{0}', status.done).replace('{1}', status.total);
      if (status.state === 'done' || status.state === 'failed') {
        bar.classList.remove('progress-bar-animated', 'progress-bar-striped');
        bar.classList.add(status.state === 'done' ? 'bg-success' : 'bg-danger');
        state.textContent = (status.state === 'done' ? panel.dataset.doneText : panel.dataset.failedText)
          .replace('{0}', status.imported);
        panel.dataset.state = status.state;
        errors.textContent = '';
        (status.errors || []).forEach(function (e) {
          var li = document.createElement('li');
          li.textContent = (e.row > 0 ? '#' + e.row + ' ' : '') + e.field + ': ' + e.message;
          errors.appendChild(li);
        });
        toList.classList.remove('d-none');
        return true;
      }
      return false;
    }

    function poll() {
      fetch(panel.dataset.status, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (r) { return r.json(); })
        .then(function (status) {
          if (!show(status)) {
            window.setTimeout(poll, 400);
          }
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    }

    poll();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
