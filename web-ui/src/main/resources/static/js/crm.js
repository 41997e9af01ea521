// Page behaviour for the CRM. No inline scripts (CSP script-src 'self'): everything lives here.
(function () {
  'use strict';

  function initTooltips(root) {
    if (!window.bootstrap || !root || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (el) {
      window.bootstrap.Tooltip.getOrCreateInstance(el);
    });
  }

  function disposeTooltips(root) {
    if (!window.bootstrap || !root || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (el) {
      var tip = window.bootstrap.Tooltip.getInstance(el);
      if (tip) {
        tip.dispose();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initTooltips(document);
  });
  // htmx swaps in new content: give it tooltips too, and drop the ones of content that goes away.
  document.addEventListener('htmx:beforeSwap', function (event) {
    disposeTooltips(event.detail.target);
  });
  document.addEventListener('htmx:afterSwap', function (event) {
    initTooltips(event.detail.target);
  });
  document.addEventListener('htmx:load', function (event) {
    initTooltips(event.detail.elt);
  });
  // a link that loads content elsewhere on the page keeps the focus, and with it its tooltip (shown just after the
  // click, by a timer): close it once the answer is in
  document.addEventListener('htmx:afterRequest', function (event) {
    var tip = window.bootstrap && window.bootstrap.Tooltip.getInstance(event.detail.elt);
    if (tip) {
      tip.hide();
    }
  });

  // A lines field (object/fields :: lines): without scripts it has one empty row to add a line and a row is removed by
  // choosing no object; with them "Add a line" copies an empty row (ids made unique) and each row has a remove button.
  function initLines(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('[data-lines]').forEach(function (lines) {
      if (lines.dataset.linesReady) {
        return;
      }
      lines.dataset.linesReady = 'true';
      var rows = lines.querySelector('.lines-rows');
      var add = lines.querySelector('[data-lines-add]');
      var blank = rows.lastElementChild.cloneNode(true);
      var next = rows.children.length;
      function showRemove(row) {
        var remove = row.querySelector('[data-lines-remove]');
        remove.classList.remove('d-none');
        initTooltips(row);
      }
      rows.querySelectorAll('[data-lines-row]').forEach(showRemove);
      add.classList.remove('d-none');
      add.addEventListener('click', function () {
        var row = blank.cloneNode(true);
        row.querySelectorAll('[id]').forEach(function (el) {
          var id = el.id.replace(/-\d+$/, '-' + next);
          var label = row.querySelector('label[for="' + el.id + '"]');
          if (label) {
            label.htmlFor = id;
          }
          el.id = id;
        });
        next += 1;
        rows.appendChild(row);
        showRemove(row);
        row.querySelector('select').focus();
      });
      rows.addEventListener('click', function (event) {
        var remove = event.target.closest('[data-lines-remove]');
        if (!remove) {
          return;
        }
        var row = remove.closest('[data-lines-row]');
        disposeTooltips(row);
        var tip = window.bootstrap && window.bootstrap.Tooltip.getInstance(remove);
        if (tip) {
          tip.dispose();
        }
        row.remove();
        add.focus();
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initLines(document);
  });
  document.addEventListener('htmx:load', function (event) {
    initLines(event.detail.elt);
  });
})();
