// Insights: mood over time with its moving average, how often each feeling appears, and weekday patterns.

import { h, replace, uid, todayIn, addDays } from '../dom.js';
import { api, query } from '../api.js';
import { userZone } from '../session.js';
import { pageTitle, problemBox, emptyState, loading, daysOf } from '../ui.js';
import { moodChart, emotionChart, weekdayChart } from '../charts.js';

const RANGES = [
  { days: 7, label: 'The last 7 days' },
  { days: 30, label: 'The last 30 days' },
  { days: 90, label: 'The last 90 days' },
  { days: 365, label: 'The last year' },
];

export default async function render(root, ctx) {
  ctx.title('Insights');
  const zone = userZone();
  const days = Number(ctx.query.get('days')) || 30;
  const range = h('select', { id: uid('range'), name: 'days' },
    RANGES.map((r) => h('option', { value: r.days, text: r.label, selected: r.days === days })));
  const form = h('form', { class: 'inline-fields' },
    h('div', { class: 'field' }, h('label', { for: range.id, text: 'Period' }), range),
    h('div', { class: 'field' }, h('button', { type: 'submit', class: 'button', text: 'Show' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(`/insights?days=${range.value}`);
  });
  const slot = h('div', {}, loading('Gathering your insights…'));
  root.append(...pageTitle('Insights', 'Gentle patterns from your journal. They describe; they never judge.'), form, slot);

  const to = todayIn(zone);
  const from = addDays(to, -(days - 1));
  let insights;
  try {
    insights = await api(`/api/journal/insights${query({ from, to, timeZone: zone })}`, { signal: ctx.signal });
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(slot, problemBox(error));
    return;
  }

  if (insights.entries === 0) {
    replace(slot, emptyState('Nothing to show for this period yet.',
      'Once you have written a few entries, patterns will gently appear here.',
      h('a', { class: 'button primary', href: '#/journal/new', text: 'Write an entry' })));
    return;
  }

  const c = insights.consistency;
  const p = insights.practice;
  let practiceText = null;
  if (p && p.difference !== null && p.difference !== undefined) {
    const diff = Math.abs(p.difference).toFixed(1);
    practiceText = p.difference > 0
      ? `On days with a practice, your mood was ${diff} higher on average (${p.withPractice.days} days with a practice, ${p.withoutPractice.days} without).`
      : p.difference < 0
        ? `On days with a practice, your mood was ${diff} lower on average. Practices often come on harder days, and that is exactly when they are for.`
        : 'Your mood was about the same on days with and without a practice.';
  }

  replace(slot,
    h('section', { class: 'panel', attrs: { 'aria-labelledby': 'summary-title' } },
      h('h2', { id: 'summary-title', text: 'At a glance' }),
      h('p', { dataset: { testid: 'days-written' }, text: `${insights.entries} ${insights.entries === 1 ? 'entry' : 'entries'} on ${daysOf(c)}.` }),
      h('p', { text: c.message }),
      practiceText ? h('p', { text: practiceText }) : null),
    h('section', { attrs: { 'aria-labelledby': 'mood-title' } },
      h('h2', { id: 'mood-title', text: 'Mood over time' }), moodChart(insights.moodByDay)),
    h('section', { attrs: { 'aria-labelledby': 'emotions-title' } },
      h('h2', { id: 'emotions-title', text: 'Feelings you named' }),
      insights.emotions.length ? emotionChart(insights.emotions) : h('p', { text: 'No feelings named in this period. You can add them when you write.' })),
    h('section', { attrs: { 'aria-labelledby': 'weekday-title' } },
      h('h2', { id: 'weekday-title', text: 'Days of the week' }), weekdayChart(insights.weekdays)));
}
