// Draws the charts built by page models as JSON: the scenario and forecast charts (data-planning-chart)
// and the estate over time (data-estate-chart); shape: type, labels, series[{label, data, fill, dashed,
// colour}], stacked, horizontal, unit. No inline script (CSP); every chart has a text and a table
// alternative beside it.
(function () {
  'use strict';
  if (typeof window.Chart === 'undefined') {
    return;
  }

  var lang = document.documentElement.lang || 'sv';
  var numberFormat = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 });
  var styles = getComputedStyle(document.documentElement);
  var text = styles.getPropertyValue('--text').trim() || '#1b1f24';
  var grid = styles.getPropertyValue('--border').trim() || '#d5dae1';
  // Colour-blind safe palette (Okabe–Ito), distinguishable in print too.
  var palette = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];
  var reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  // A printed page is drawn at once: no animation to catch half-way.
  if (window.matchMedia('print').matches) {
    reduced = true;
  }

  function format(v) {
    if (Array.isArray(v)) {
      return numberFormat.format(v[0]) + ' – ' + numberFormat.format(v[1]);
    }
    return numberFormat.format(v);
  }

  var charts = [];
  document.querySelectorAll('canvas[data-planning-chart], canvas[data-estate-chart]').forEach(function (canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.dataset.planningChart || canvas.dataset.estateChart);
    } catch (e) {
      return;
    }
    var unit = spec.unit ? ' ' + spec.unit : '';
    // A horizontal chart's category names (a tornado's assumptions) wrap onto lines of about 28 characters, so a
    // long name is shown whole instead of clipped at the canvas edge.
    var labels = spec.horizontal ? spec.labels.map(function (label) {
      var lines = [];
      String(label).split(' ').forEach(function (word) {
        var last = lines.length - 1;
        if (last >= 0 && (lines[last] + ' ' + word).length <= 28) {
          lines[last] += ' ' + word;
        } else {
          lines.push(word);
        }
      });
      return lines.length > 1 ? lines : label;
    }) : spec.labels;
    var valueAxis = spec.horizontal ? 'x' : 'y';
    // A long daily series (estate over time) draws no points and thins its date labels.
    var many = spec.labels.length > 60;
    var datasets = spec.series.map(function (s, i) {
      var colour = palette[(typeof s.colour === 'number' ? s.colour : i) % palette.length];
      return {
        label: s.label,
        data: s.data,
        borderColor: colour,
        backgroundColor: s.fill || spec.type === 'bar' ? colour + (spec.type === 'bar' ? 'cc' : '55') : colour,
        fill: s.fill ? (spec.stacked && i > 0 ? '-1' : 'origin') : false,
        borderDash: s.dashed ? [6, 4] : [],
        tension: 0.2,
        pointRadius: many ? 0 : 3
      };
    });
    var scales = {};
    var hasBase = typeof spec.baseLine === 'number';
    scales[valueAxis] = {
      stacked: !!spec.stacked,
      beginAtZero: !hasBase,
      ticks: { color: text, callback: function (v) { return numberFormat.format(v) + unit; } },
      grid: { color: grid }
    };
    scales[valueAxis === 'x' ? 'y' : 'x'] = { stacked: !!spec.stacked, ticks: { color: text, maxTicksLimit: many ? 12 : undefined }, grid: { display: false } };
    // The tornado's base result: a dark line across the bars, so each bar reads as a move away from it.
    var baseLinePlugin = {
      id: 'baseLine',
      afterDatasetsDraw: function (chart) {
        if (!hasBase) {
          return;
        }
        var scale = chart.scales[valueAxis];
        var pos = scale.getPixelForValue(spec.baseLine);
        var ctx = chart.ctx;
        ctx.save();
        ctx.strokeStyle = text;
        ctx.lineWidth = 2;
        ctx.beginPath();
        if (valueAxis === 'x') {
          ctx.moveTo(pos, chart.chartArea.top);
          ctx.lineTo(pos, chart.chartArea.bottom);
        } else {
          ctx.moveTo(chart.chartArea.left, pos);
          ctx.lineTo(chart.chartArea.right, pos);
        }
        ctx.stroke();
        ctx.restore();
      }
    };
    charts.push(new window.Chart(canvas, {
      plugins: [baseLinePlugin],
      type: spec.type,
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: spec.horizontal ? 'y' : 'x',
        datasets: hasBase ? { bar: { grouped: false } } : undefined,
        maintainAspectRatio: false,
        interaction: spec.stacked && spec.type === 'line' ? { mode: 'index', intersect: false } : undefined,
        animation: reduced ? false : { duration: 400 },
        plugins: {
          legend: { display: true, labels: { color: text } },
          tooltip: {
            callbacks: {
              label: function (c) {
                var raw = c.raw;
                return c.dataset.label + ': ' + format(raw) + unit;
              }
            }
          }
        },
        scales: scales
      }
    }));
  });

  // Printing narrows the page: redraw each chart at its printed width (Chart.js does not on its own).
  window.addEventListener('beforeprint', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
