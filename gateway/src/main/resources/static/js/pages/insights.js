// Insights: mood over time with its moving average, practice days against mood, how often each feeling appears, and
// weekday patterns.

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
  replace(slot,
    h('section', { class: 'panel', attrs: { 'aria-labelledby': 'summary-title' } },
      h('h2', { id: 'summary-title', text: 'At a glance' }),
      h('p', { dataset: { testid: 'days-written' }, text: `${insights.entries} ${insights.entries === 1 ? 'entry' : 'entries'} on ${daysOf(c)}.` }),
      h('p', { text: c.message })),
    practiceSection(insights.practice),
    h('section', { attrs: { 'aria-labelledby': 'mood-title' } },
      h('h2', { id: 'mood-title', text: 'Mood over time' }), moodChart(insights.moodByDay)),
    h('section', { attrs: { 'aria-labelledby': 'emotions-title' } },
      h('h2', { id: 'emotions-title', text: 'Feelings you named' }),
      insights.emotions.length ? emotionChart(insights.emotions) : h('p', { text: 'No feelings named in this period. You can add them when you write.' })),
    h('section', { attrs: { 'aria-labelledby': 'weekday-title' } },
      h('h2', { id: 'weekday-title', text: 'Days of the week' }), weekdayChart(insights.weekdays)));
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * Practice days against mood: days with a practice (finished in the player, or named by an entry) beside days
 * without. The averages are given only when each side has enough days with a mood; before that, the counts and why.
 */
function practiceSection(p) {
  const section = h('section', { attrs: { 'aria-labelledby': 'practice-title' }, dataset: { testid: 'practice-mood' } },
    h('h2', { id: 'practice-title', text: 'Practice and mood' }));
  if (!p || (p.daysPractised === 0 && p.completions === 0)) {
    section.append(h('p', {}, 'No practices in this period yet. When you finish one in the ',
      h('a', { href: '#/library?type=practice', text: 'library' }), ', its day shows here beside your mood.'));
    return section;
  }
  section.append(h('p', { text: `You practised on ${plural(p.daysPractised, 'day', 'days')} of this period`
    + (p.completions ? ` (${plural(p.completions, 'practice', 'practices')} finished in the player).` : '.') }));
  if (!p.enoughToCompare) {
    section.append(h('p', { text: `There are not enough days yet to compare moods: that needs at least ${p.minimumDays} days `
      + `with a mood on each side, and so far there ${p.withPractice.days === 1 ? 'is' : 'are'} `
      + `${plural(p.withPractice.days, 'day', 'days')} with a practice and ${p.withoutPractice.days} without.` }));
    return section;
  }
  const diff = Math.abs(p.difference).toFixed(1);
  section.append(
    h('p', { text: `Average mood on days with a practice: ${p.withPractice.averageMood.toFixed(1)} (${plural(p.withPractice.days, 'day', 'days')}). `
      + `On days without: ${p.withoutPractice.averageMood.toFixed(1)} (${plural(p.withoutPractice.days, 'day', 'days')}).` }),
    h('p', { text: p.difference > 0
      ? `That is ${diff} higher on days with a practice.`
      : p.difference < 0
        ? `That is ${diff} lower on days with a practice. Practices often come on harder days, and that is exactly when they are for.`
        : 'Your mood was about the same on days with and without a practice.' }),
    h('p', { class: 'meta', text: 'This shows what went together, not what caused what.' }));
  return section;
}
