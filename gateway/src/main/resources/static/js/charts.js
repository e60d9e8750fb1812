// Hand-made SVG charts. Each one is a figure with a title and a caption that says what it shows, and a table with
// the same numbers for anyone who cannot see the picture. Colours come from CSS classes (light and dark), and the
// moving average is dashed, so colour is never the only difference.

import { h, s, formatLocalDay, UI_LOCALE } from './dom.js';
import { moodLabel } from './ui.js';

let chartCount = 0;

/** Charts are drawn at the width they will be shown, so that their text keeps a readable size on a phone. */
function chartWidth() {
  const page = document.getElementById('page');
  const width = page ? page.clientWidth : 0;
  return Math.max(300, Math.min(760, Math.round(width || 640)));
}

function figure(titleText, summary, svg, table) {
  chartCount += 1;
  const captionId = `chart-caption-${chartCount}`;
  svg.setAttribute('aria-describedby', captionId);
  return h('figure', {},
    svg,
    h('figcaption', { id: captionId, text: summary }),
    h('details', {}, h('summary', { text: `${titleText}: the numbers as a table` }), h('div', { class: 'table-wrap' }, table)));
}

function svgRoot(width, height, label) {
  chartCount += 1;
  const titleId = `chart-title-${chartCount}`;
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': titleId, preserveAspectRatio: 'xMidYMid meet' },
    s('title', { id: titleId, text: label }));
}

function table(caption, headings, rows) {
  return h('table', { class: 'data-table' },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, headings.map((text, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : null, text })))),
    h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell, i) => (i === 0
      ? h('th', { scope: 'row', text: cell })
      : h('td', { class: 'num', text: cell })))))));
}

/** Mood over time: each day's mean as a point, the seven-day moving average as a dashed line. */
export function moodChart(days) {
  const width = chartWidth();
  const height = 260;
  const pad = { left: 72, right: 12, top: 12, bottom: 36 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (days.length <= 1 ? plotW / 2 : (i * plotW) / (days.length - 1));
  const y = (v) => pad.top + plotH - ((v - 1) / 4) * plotH;

  const svg = svgRoot(width, height, 'Mood over time, with a seven-day moving average');
  for (let v = 1; v <= 5; v += 1) {
    svg.append(s('line', { class: v === 1 ? 'axis' : 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'label', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: moodLabel(v) }));
  }
  const tickEvery = Math.max(1, Math.ceil(days.length / Math.max(2, Math.floor(plotW / 90))));
  days.forEach((day, i) => {
    if (i % tickEvery === 0 || i === days.length - 1) {
      svg.append(s('text', { class: 'label', x: x(i), y: height - 12, 'text-anchor': 'middle', text: shortDay(day.date) }));
    }
  });
  const path = (key) => {
    let d = '';
    let pen = false;
    days.forEach((day, i) => {
      const v = day[key];
      if (v === null || v === undefined) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const average = path('movingAverage7');
  if (average) svg.append(s('path', { class: 'line-average', d: average }));
  days.forEach((day, i) => {
    if (day.mean !== null && day.mean !== undefined) {
      svg.append(s('circle', { class: 'point', cx: x(i), cy: y(day.mean), r: 4.5 }));
    }
  });

  const written = days.filter((d) => d.mean !== null && d.mean !== undefined);
  const lastAverage = [...days].reverse().find((d) => d.movingAverage7 !== null && d.movingAverage7 !== undefined);
  const summary = written.length === 0
    ? 'No moods recorded in this period yet.'
    : `Moods on ${written.length} ${written.length === 1 ? 'day' : 'days'}. Dots show each day’s average mood, the dashed line the seven-day moving average${
      lastAverage ? `, which ended at ${lastAverage.movingAverage7.toFixed(1)} (${moodLabel(lastAverage.movingAverage7).toLowerCase()})` : ''}.`;
  const rows = written.map((d) => [formatLocalDay(d.date), d.mean.toFixed(1), String(d.entries),
    d.movingAverage7 === null || d.movingAverage7 === undefined ? '–' : d.movingAverage7.toFixed(1)]);
  const legend = h('ul', { class: 'legend', attrs: { 'aria-hidden': 'true' } },
    h('li', {}, h('span', { class: 'key' }), 'Daily mood'),
    h('li', {}, h('span', { class: 'key average' }), 'Seven-day average'));
  const fig = figure('Mood over time', summary, svg,
    table('Mood by day (1 very low to 5 very good)', ['Day', 'Average mood', 'Entries', '7-day average'], rows));
  fig.prepend(legend);
  return fig;
}

function shortDay(isoDate) {
  const [yy, mm, dd] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(UI_LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(yy, mm - 1, dd)));
}

/** How often each feeling was named: horizontal bars, most frequent first. */
export function emotionChart(emotions) {
  const top = emotions.slice(0, 10);
  const rowH = 28;
  const width = chartWidth();
  const labelW = 130;
  const height = Math.max(1, top.length) * rowH + 8;
  const max = Math.max(1, ...top.map((e) => e.count));
  const svg = svgRoot(width, height, 'How often each feeling was named');
  top.forEach((e, i) => {
    const y = 4 + i * rowH;
    const w = ((width - labelW - 60) * e.count) / max;
    svg.append(
      s('text', { class: 'label', x: labelW - 8, y: y + 17, 'text-anchor': 'end', text: e.label }),
      s('rect', { class: 'bar-bg', x: labelW, y: y + 4, width: width - labelW - 60, height: rowH - 10, rx: 4 }),
      s('rect', { class: 'bar', x: labelW, y: y + 4, width: Math.max(2, w), height: rowH - 10, rx: 4 }),
      s('text', { class: 'value-label', x: labelW + Math.max(2, w) + 6, y: y + 17, text: String(e.count) }));
  });
  const summary = top.length === 0
    ? 'No feelings named in this period yet.'
    : `The feelings you named most: ${top.slice(0, 3).map((e) => `${e.label.toLowerCase()} (${e.count})`).join(', ')}.`;
  return figure('Feelings', summary, svg, table('Feelings named', ['Feeling', 'Times', 'Share'],
    emotions.map((e) => [e.label, String(e.count), `${Math.round(e.share * 100)}%`])));
}

const WEEKDAY_NAMES = { MONDAY: 'Monday', TUESDAY: 'Tuesday', WEDNESDAY: 'Wednesday', THURSDAY: 'Thursday', FRIDAY: 'Friday', SATURDAY: 'Saturday', SUNDAY: 'Sunday' };

/** Average mood by weekday, with how many entries each has. */
export function weekdayChart(weekdays) {
  const width = chartWidth();
  const height = 240;
  const pad = { left: 72, right: 8, top: 12, bottom: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const slot = plotW / 7;
  const svg = svgRoot(width, height, 'Average mood by day of the week');
  for (let v = 1; v <= 5; v += 1) {
    const y = pad.top + plotH - ((v - 1) / 4) * plotH;
    svg.append(s('line', { class: v === 1 ? 'axis' : 'grid', x1: pad.left, x2: width - pad.right, y1: y, y2: y }),
      s('text', { class: 'label', x: pad.left - 6, y: y + 4, 'text-anchor': 'end', text: moodLabel(v) }));
  }
  weekdays.forEach((w, i) => {
    const cx = pad.left + slot * i + slot / 2;
    const name = WEEKDAY_NAMES[w.day] || w.day;
    svg.append(s('text', { class: 'label', x: cx, y: height - 24, 'text-anchor': 'middle', text: name.slice(0, 3) }),
      s('text', { class: 'label', x: cx, y: height - 8, 'text-anchor': 'middle', text: `${w.entries}×` }));
    if (w.averageMood !== null && w.averageMood !== undefined) {
      const top = pad.top + plotH - ((w.averageMood - 1) / 4) * plotH;
      const barTop = Math.min(top, pad.top + plotH - 3);
      svg.append(s('rect', { class: 'bar second', x: cx - slot * 0.3, y: barTop, width: slot * 0.6, height: pad.top + plotH - barTop, rx: 3 }));
    }
  });
  const withMood = weekdays.filter((w) => w.averageMood !== null && w.averageMood !== undefined);
  let summary = 'No entries in this period yet.';
  if (withMood.length) {
    const best = withMood.reduce((a, b) => (b.averageMood > a.averageMood ? b : a));
    const most = weekdays.reduce((a, b) => (b.entries > a.entries ? b : a));
    summary = `Your mood has been highest on ${WEEKDAY_NAMES[best.day]}s (${best.averageMood.toFixed(1)}), and you write most often on ${WEEKDAY_NAMES[most.day]}s (${most.entries} ${most.entries === 1 ? 'entry' : 'entries'}). The numbers under each day count its entries.`;
  }
  return figure('Weekdays', summary, svg, table('By day of the week', ['Day', 'Entries', 'Average mood'],
    weekdays.map((w) => [WEEKDAY_NAMES[w.day] || w.day, String(w.entries), w.averageMood === null || w.averageMood === undefined ? '–' : w.averageMood.toFixed(1)])));
}

/** Check-in totals over time (1 to 5), oldest on the left. */
export function checkInChart(items) {
  const points = [...items].reverse();
  const width = chartWidth();
  const height = 200;
  const pad = { left: 40, right: 12, top: 12, bottom: 32 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v) => pad.top + plotH - ((v - 1) / 4) * plotH;
  const svg = svgRoot(width, height, 'Check-in totals over time');
  for (let v = 1; v <= 5; v += 1) {
    svg.append(s('line', { class: v === 1 ? 'axis' : 'grid', x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v) }),
      s('text', { class: 'label', x: pad.left - 6, y: y(v) + 4, 'text-anchor': 'end', text: String(v) }));
  }
  if (points.length > 1) {
    svg.append(s('path', { class: 'line-daily', d: points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ') }));
  }
  points.forEach((p, i) => {
    svg.append(s('circle', { class: 'point', cx: x(i), cy: y(p.total), r: 5 }));
    if (points.length <= Math.floor(width / 90) || i === 0 || i === points.length - 1) {
      svg.append(s('text', { class: 'label', x: x(i), y: height - 10, 'text-anchor': 'middle', text: shortDay(p.localDate) }));
    }
  });
  const summary = `Your totals across ${points.length} check-ins, from ${points[0].total.toFixed(2)} to ${points[points.length - 1].total.toFixed(2)}. Higher means kinder to yourself.`;
  return figure('Check-ins', summary, svg, table('Check-in totals', ['Day', 'Total'],
    items.map((p) => [formatLocalDay(p.localDate), p.total.toFixed(2)])));
}
