// Live progress of scans on the scans page: polls /api/scans/progress every 2 s.
// - A running scan's row shows "412 av 1 500 VM"; when it ends the page reloads to show its final counts.
// - After "Skanna nu" the page waits for the queued job to start (a scan of that source newer than the
//   newest one when the page was drawn), then reloads so the running row appears. After a minute without
//   a start it says so, since every worker may be busy with other jobs.
(function () {
  'use strict';
  var rows = document.querySelectorAll('tr[data-status="running"]');
  var awaiting = document.getElementById('scan-awaiting');
  if (rows.length === 0 && !awaiting) {
    return;
  }

  var lang = document.documentElement.lang || 'sv';
  var numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE');
  var awaitingSince = Date.now();

  function format(template, done, total) {
    return template.replace('{0}', numberFormat.format(done)).replace('{1}', numberFormat.format(total));
  }

  function reloadWithoutAwaiting() {
    var url = new URL(window.location.href);
    url.searchParams.delete('awaiting');
    window.location.replace(url.toString());
  }

  function started(scans) {
    var sourceId = Number(awaiting.dataset.sourceId);
    var after = Number(awaiting.dataset.afterScanId);
    return scans.some(function (s) { return s.sourceId === sourceId && s.id > after; });
  }

  function poll() {
    fetch('/api/scans/progress', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (scans) {
        if (awaiting && started(scans)) {
          reloadWithoutAwaiting();
          return;
        }
        if (awaiting && Date.now() - awaitingSince > 60000) {
          awaiting.querySelector('.awaiting-text').textContent = awaiting.dataset.slowText;
        }
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
          reloadWithoutAwaiting();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 10000); });
  }

  window.setTimeout(poll, awaiting ? 1000 : 2000);
})();
