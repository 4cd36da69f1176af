// Statistics dashboard: draws each indicator's chart from the numbers of its table (the server-rendered truth), with
// ECharts' aria description and decal patterns so the chart reads without colour. The table stays visible: without
// JavaScript, or with a screen reader, the page gives the same figures.
(function () {
    'use strict';
    if (!window.echarts) return;
    const palette = ['#00408a', '#b8003e', '#1d6b2f', '#7a4b00', '#5b2a86', '#006b75', '#4a4a4a', '#9a3412', '#365314'];

    function readTable(table) {
        const headers = [...table.tHead.rows[0].cells];
        const seriesColumns = headers.map((th, i) => ({ name: th.dataset.series, index: i })).filter(c => c.name);
        const rows = [...table.tBodies[0].rows];
        const categories = rows.map(row => row.cells[0].textContent.trim());
        const series = seriesColumns.map(column => ({
            name: column.name,
            values: rows.map(row => {
                const text = row.cells[column.index].dataset.value;
                return text === undefined || text === '' ? null : Number(text);
            }),
        }));
        return { categories, series };
    }

    function option(kind, title, data, unit) {
        const suffix = unit ? ` ${unit}` : '';
        const description = `Graphique : ${title}. Les mêmes chiffres figurent dans le tableau qui suit.`;
        const base = {
            color: palette,
            animation: false,
            aria: { enabled: true, label: { description }, decal: { show: true } },
            textStyle: { fontFamily: 'DejaVu Sans, Arial, sans-serif', color: '#1b1b1b' },
        };
        if (kind === 'pie') {
            return Object.assign(base, {
                legend: { bottom: 0, type: 'scroll' },
                series: [{
                    type: 'pie', radius: ['0%', '62%'], center: ['50%', '44%'],
                    label: { formatter: '{b} : {c}' },
                    data: data.categories.map((name, i) => ({ name, value: data.series[0].values[i] })),
                }],
            });
        }
        const horizontal = kind === 'hbar';
        const categoryAxis = { type: 'category', data: data.categories, axisLabel: { interval: 0, width: horizontal ? 150 : 90, overflow: 'break' } };
        const valueAxis = { type: 'value', axisLabel: { formatter: `{value}${suffix}` } };
        return Object.assign(base, {
            legend: data.series.length > 1 ? { top: 0 } : undefined,
            grid: { left: horizontal ? 160 : 48, right: 24, top: data.series.length > 1 ? 32 : 16, bottom: horizontal ? 24 : 48, containLabel: false },
            xAxis: horizontal ? valueAxis : categoryAxis,
            yAxis: horizontal ? Object.assign(categoryAxis, { inverse: true }) : valueAxis,
            series: data.series.map(s => ({
                name: s.name, type: 'bar', data: s.values,
                label: { show: true, position: horizontal ? 'right' : 'top', formatter: p => p.value === null ? '' : `${String(p.value).replace('.', ',')}${suffix}` },
            })),
        });
    }

    const charts = [];
    for (const figure of document.querySelectorAll('figure.indicator[data-chart]')) {
        const table = figure.querySelector('table.chart-data');
        if (!table) continue;
        const title = figure.querySelector('h3, h4')?.textContent.trim() ?? '';
        const data = readTable(table);
        // All zeros (or nothing): no chart — a pie would draw equal slices of nothing. Say so, the table keeps its zeros.
        if (!data.series.some(s => s.values.some(v => v !== null && v !== 0))) {
            if (!figure.querySelector('.chart-empty')) {
                const empty = document.createElement('p');
                empty.className = 'chart-empty';
                empty.textContent = 'Aucune donnée';
                figure.insertBefore(empty, table);
            }
            continue;
        }
        const container = document.createElement('div');
        container.className = 'chart';
        container.setAttribute('role', 'img');
        figure.insertBefore(container, table);
        const chart = echarts.init(container, null, { renderer: 'canvas' });
        chart.setOption(option(figure.dataset.chart, title, data, figure.dataset.unit));
        // ECharts writes its aria description on the container: a labelled image, its figures in the table below.
        if (!container.getAttribute('aria-label')) container.setAttribute('aria-label', `Graphique : ${title}`);
        charts.push(chart);
    }
    window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
