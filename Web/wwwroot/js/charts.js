// Draws the charts of a page from their data-* attributes (no inline script: the CSP forbids it).
// Every chart has a text and a table alternative in the page, so a missing Chart.js loses nothing.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var lang = document.documentElement.lang || 'sv';
  var numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE');
  var styles = getComputedStyle(document.documentElement);
  var accent = styles.getPropertyValue('--accent').trim() || '#0b5cad';
  var text = styles.getPropertyValue('--text').trim() || '#1b1f24';
  var grid = styles.getPropertyValue('--border').trim() || '#d5dae1';

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var labels = JSON.parse(canvas.dataset.labels || '[]');
    var values = JSON.parse(canvas.dataset.values || '[]');
    new window.Chart(canvas, {
      type: canvas.dataset.chart,
      data: {
        labels: labels,
        datasets: [{
          label: canvas.dataset.series || '',
          data: values,
          borderColor: accent,
          backgroundColor: canvas.dataset.chart === 'bar' ? accent : accent + '22',
          fill: true,
          tension: 0.25,
          pointRadius: values.length > 40 ? 0 : 3
        }]
      },
      options: {
        maintainAspectRatio: false,
        animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + numberFormat.format(c.parsed.y); } } }
        },
        scales: {
          x: { ticks: { color: text, maxTicksLimit: 8 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: text, callback: function (v) { return numberFormat.format(v); } }, grid: { color: grid } }
        }
      }
    });
  });
})();
