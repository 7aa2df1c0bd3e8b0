// Charts of the reports page, drawn with chart.js (served by the app at /console/assets). The figures and every label come
// from the page itself (<script type="application/json" id="report-data">), so this file holds no text and no numbers.
(function () {
  'use strict';
  var source = document.getElementById('report-data');
  if (!source || !window.Chart) { return; }
  var d = JSON.parse(source.textContent);
  var blue = '#0b5cad', green = '#1a7f37', red = '#b3261e', amber = '#c98a00', grey = '#8a96a3';
  // No animation: charts are complete at once, for printing, screenshots and readers who prefer less motion.
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif';

  function chart(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { new Chart(canvas, config); }
  }

  function horizontal(lines, series) {
    return {
      type: 'bar',
      data: {
        labels: lines.map(function (l) { return l.name; }),
        datasets: [
          { label: series.onTime, data: lines.map(function (l) { return l.answeredOnTime; }), backgroundColor: green, stack: 's' },
          { label: series.late, data: lines.map(function (l) { return l.answeredLate; }), backgroundColor: amber, stack: 's' },
          { label: series.overdue, data: lines.map(function (l) { return l.overdue; }), backgroundColor: red, stack: 's' },
          { label: series.openOnTime, data: lines.map(function (l) { return l.open - l.overdue; }), backgroundColor: blue, stack: 's' },
          { label: series.other, data: lines.map(function (l) { return l.total - l.open - l.answeredOnTime - l.answeredLate; }), backgroundColor: grey, stack: 's' }
        ]
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } }
    };
  }

  chart('chart-volume', {
    type: 'bar',
    data: {
      labels: d.volume.map(function (b) { return b.label; }),
      datasets: [
        { label: d.series.received, data: d.volume.map(function (b) { return b.received; }), backgroundColor: blue },
        { label: d.series.answered, data: d.volume.map(function (b) { return b.answered; }), backgroundColor: green },
        { label: d.series.overdue, data: d.volume.map(function (b) { return b.overdue; }), backgroundColor: red }
      ]
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  chart('chart-overdue', {
    type: 'doughnut',
    data: {
      labels: [d.series.onTime, d.series.late, d.series.overdue, d.series.openOnTime, d.series.other],
      datasets: [{ data: [d.share.onTime, d.share.late, d.share.overdue, d.share.openOnTime, d.share.other], backgroundColor: [green, amber, red, blue, grey] }]
    }
  });

  chart('chart-answer-time', {
    type: 'line',
    data: {
      labels: d.volume.map(function (b) { return b.label; }),
      datasets: [{ label: d.series.answerDays, data: d.volume.map(function (b) { return b.answerDays; }), borderColor: blue, backgroundColor: blue, spanGaps: true }]
    },
    options: { scales: { y: { beginAtZero: true } } }
  });

  chart('chart-csat', {
    type: 'bar',
    data: {
      labels: d.ratings.map(function (r) { return r.label; }),
      datasets: [{ label: d.series.ratings, data: d.ratings.map(function (r) { return r.count; }), backgroundColor: [green, '#5aa469', amber, '#d9653b', red] }]
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });

  chart('chart-unit', horizontal(d.units, d.series));
  chart('chart-ward', horizontal(d.wards, d.series));
  document.documentElement.dataset.chartsReady = 'true';
})();
