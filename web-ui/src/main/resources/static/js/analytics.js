// The analytics pages' chart: drawn with ECharts from the report's own JSON (the API's answer for the page's filters).
// When drawn, the chart's element carries data-points (how many values it shows), which tests read.
(function () {
  'use strict';

  function pairs(answer, report) {
    switch (report) {
      case 'income': return answer.months.map(function (m) { return [m.month, Number(m.received)]; });
      case 'sales': return answer.items.map(function (i) { return [i.product, Number(i.amount)]; });
      case 'requests': return [['total', answer.total], ['primary', answer.primary],
        ['subsequent', answer.subsequent], ['converted', answer.converted]];
      case 'lead-sources': return answer.sources.map(function (s) { return [s.source, s.count]; });
      case 'conversion': return [['requests', answer.requests], ['won', answer.won]];
      case 'closing-reasons': return answer.reasons.map(function (r) { return [r.reason, r.count]; });
      case 'deals': return [['open', answer.open], ['won', answer.won], ['lost', answer.lost]];
      case 'funnel': return answer.stages.map(function (s) { return [s.stage, s.count]; });
      default: return [];
    }
  }

  function option(report, name, data) {
    if (report === 'lead-sources' || report === 'closing-reasons') {
      return {
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', name: name, radius: '65%',
          data: data.map(function (d) { return { name: d[0], value: d[1] }; }) }]
      };
    }
    if (report === 'funnel') {
      return {
        tooltip: { trigger: 'item' },
        series: [{ type: 'funnel', name: name, sort: 'none', minSize: '5%',
          data: data.map(function (d) { return { name: d[0], value: d[1] }; }) }]
      };
    }
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'category', data: data.map(function (d) { return d[0]; }), axisLabel: { rotate: data.length > 6 ? 45 : 0 } },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', name: name, data: data.map(function (d) { return d[1]; }) }]
    };
  }

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('analytics-chart');
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    fetch(el.dataset.url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        var data = pairs(answer, el.dataset.report);
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(option(el.dataset.report, el.dataset.series, data));
        window.addEventListener('resize', function () { chart.resize(); });
        el.dataset.points = String(data.length);
      });
  });
})();
