// The memo's files panel: drag-and-drop onto the upload box, and an upload with a progress bar.
// Without JavaScript the form posts as usual and the page comes back with a message.
(function () {
  'use strict';

  function csrfHeaders() {
    // the layout puts the CSRF header on <body hx-headers> for htmx; uploads send it the same way
    var raw = document.body.getAttribute('hx-headers');
    if (!raw) {
      return {};
    }
    try {
      return JSON.parse(raw);
    } catch (e) {
      return {};
    }
  }

  function tooltips(root, dispose) {
    if (!window.bootstrap) {
      return;
    }
    root.querySelectorAll('[data-bs-toggle="tooltip"]').forEach(function (el) {
      if (dispose) {
        var tip = window.bootstrap.Tooltip.getInstance(el);
        if (tip) {
          tip.dispose();
        }
      } else {
        window.bootstrap.Tooltip.getOrCreateInstance(el);
      }
    });
  }

  function showError(form, text) {
    var box = form.querySelector('#file-error');
    box.textContent = text;
    box.classList.remove('d-none');
  }

  function clearError(form) {
    form.querySelector('#file-error').classList.add('d-none');
  }

  function setProgress(form, percent) {
    var progress = form.querySelector('#file-progress');
    var bar = progress.querySelector('.progress-bar');
    progress.classList.remove('d-none');
    progress.setAttribute('aria-valuenow', String(percent));
    bar.style.width = percent + '%';
    bar.textContent = percent + ' %';
  }

  function busy(form, on) {
    form.querySelectorAll('button, input').forEach(function (el) {
      el.disabled = on;
    });
  }

  /** Puts the answer's <main> (the memo page with its message and new file list) in place of ours. */
  function showPage(xhr) {
    var url = xhr.responseURL || '';
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    var fresh = doc.getElementById('main');
    var main = document.getElementById('main');
    if (!fresh || !main || url.indexOf('/memos/') < 0) {
      window.location.assign(url || window.location.href); // signed out meanwhile, or something unexpected
      return;
    }
    tooltips(main, true);
    main.innerHTML = fresh.innerHTML;
    tooltips(main, false);
    var panel = document.getElementById('files-panel');
    if (panel && panel.scrollIntoView) {
      panel.scrollIntoView({block: 'nearest'});
    }
  }

  function upload(form, file) {
    clearError(form);
    var max = Number(form.getAttribute('data-max-bytes'));
    if (max > 0 && file.size > max) {
      showError(form, form.getAttribute('data-too-large'));
      return;
    }
    var data = new FormData();
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    var headers = csrfHeaders();
    Object.keys(headers).forEach(function (name) {
      xhr.setRequestHeader(name, headers[name]);
    });
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable && event.total > 0) {
        setProgress(form, Math.round(event.loaded * 100 / event.total));
      }
    };
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300) {
        setProgress(form, 100);
        // let the full bar be seen for a moment, then show the new list with its message
        window.setTimeout(function () {
          showPage(xhr);
        }, 300);
      } else if (xhr.status === 403 || xhr.status === 404) {
        showPage(xhr);
      } else {
        busy(form, false);
        showError(form, form.getAttribute('data-failed'));
      }
    };
    xhr.onerror = function () {
      busy(form, false);
      showError(form, form.getAttribute('data-failed'));
    };
    setProgress(form, 0);
    busy(form, true);
    xhr.send(data);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || form.id !== 'file-upload' || !window.FormData || !window.XMLHttpRequest) {
      return;
    }
    var input = form.querySelector('#file-input');
    if (!input.files || input.files.length === 0) {
      return; // the browser's "required" check says so
    }
    event.preventDefault();
    upload(form, input.files[0]);
  });

  // The size check as soon as a file is chosen, before anything is sent.
  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input || input.id !== 'file-input' || !input.files || input.files.length === 0) {
      return;
    }
    var form = input.form;
    var max = Number(form.getAttribute('data-max-bytes'));
    if (max > 0 && input.files[0].size > max) {
      showError(form, form.getAttribute('data-too-large'));
    } else {
      clearError(form);
    }
  });

  function dropZone(event) {
    return event.target && event.target.closest ? event.target.closest('#file-drop') : null;
  }

  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var zone = dropZone(event);
      if (zone) {
        event.preventDefault();
        zone.classList.add('file-drop-active');
      }
    });
  });
  document.addEventListener('dragleave', function (event) {
    var zone = dropZone(event);
    if (zone && !zone.contains(event.relatedTarget)) {
      zone.classList.remove('file-drop-active');
    }
  });
  document.addEventListener('drop', function (event) {
    var zone = dropZone(event);
    if (!zone) {
      return;
    }
    event.preventDefault();
    zone.classList.remove('file-drop-active');
    var files = event.dataTransfer && event.dataTransfer.files;
    if (files && files.length > 0) {
      upload(zone.closest('form'), files[0]);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.documentElement.classList.add('js-files');
  });
})();
