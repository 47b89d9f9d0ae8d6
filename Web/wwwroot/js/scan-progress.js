// Live progress of running scans on the scans page: polls /api/scans/progress every 2 s and
// updates "412 av 1 500 VM". When a scan ends the page reloads to show its final counts.
(function () {
  'use strict';
  var rows = document.querySelectorAll('tr[data-status="running"]');
  if (rows.length === 0) {
    return;
  }

  var lang = document.documentElement.lang || 'sv';
  var numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE');

  function format(template, done, total) {
    return template.replace('{0}', numberFormat.format(done)).replace('{1}', numberFormat.format(total));
  }

  function poll() {
    fetch('/api/scans/progress', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (scans) {
        var byId = {};
        scans.forEach(function (s) { byId[s.id] = s; });
        var finished = false;
        rows.forEach(function (row) {
          var scan = byId[row.dataset.scanId];
          if (!scan || scan.status !== 'running') {
            finished = true;
            return;
          }
          var box = row.querySelector('.scan-progress');
          if (!box) { return; }
          var bar = box.querySelector('progress');
          var label = box.querySelector('.progress-text');
          if (scan.total > 0) {
            bar.max = scan.total;
            bar.value = scan.done;
            label.textContent = format(box.dataset.progressFormat, scan.done, scan.total);
          } else {
            label.textContent = box.dataset.progressUnknown;
          }
        });
        if (finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }

  window.setTimeout(poll, 2000);
})();
