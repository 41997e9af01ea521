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
})();
