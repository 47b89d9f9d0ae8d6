// Draws the estate-over-time chart from data-estate-chart (JSON built by the page model, same shape as
// the planning charts: type, labels, series[{label, data, fill, colour}], stacked, unit).
// No inline script (CSP); the page has a text summary and a table with the same numbers beside it.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var lang = document.documentElement.lang || 'sv';
  var numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 0 });
  var styles = getComputedStyle(document.documentElement);
  var text = styles.getPropertyValue('--text').trim() || '#1b1f24';
  var grid = styles.getPropertyValue('--border').trim() || '#d5dae1';
  // Colour-blind safe palette (Okabe–Ito), the same as the planning charts.
  var palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
  var reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  document.querySelectorAll('canvas[data-estate-chart]').forEach(function (canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.dataset.estateChart);
    } catch (e) {
      return;
    }
    var unit = spec.unit ? ' ' + spec.unit : '';
    var many = spec.labels.length > 60;
    var datasets = spec.series.map(function (s, i) {
      var colour = palette[(typeof s.colour === 'number' ? s.colour : i) % palette.length];
      return {
        label: s.label,
        data: s.data,
        borderColor: colour,
        backgroundColor: colour + '99',
        // Stacked areas: each förvaltning fills down to the one below it.
        fill: spec.stacked ? (i === 0 ? 'origin' : '-1') : false,
        borderWidth: 1.5,
        tension: 0.15,
        pointRadius: many ? 0 : 2
      };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        maintainAspectRatio: false,
        animation: reduced ? false : { duration: 400 },
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: true, labels: { color: text } },
          tooltip: {
            callbacks: {
              label: function (c) { return c.dataset.label + ': ' + numberFormat.format(c.parsed.y) + unit; }
            }
          }
        },
        scales: {
          x: { ticks: { color: text, maxTicksLimit: 12 }, grid: { display: false } },
          y: {
            stacked: !!spec.stacked,
            beginAtZero: true,
            ticks: { color: text, callback: function (v) { return numberFormat.format(v) + unit; } },
            grid: { color: grid }
          }
        }
      }
    });
  });
})();
