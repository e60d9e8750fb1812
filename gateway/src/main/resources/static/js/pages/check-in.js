// The self-compassion check-in: twelve statements, one per screen, then the results with the six parts and the
// history. Every part reads the same way, higher is kinder (the service turns the harsh parts round and names them
// for their opposite), and the part that asked the most leads to a matching practice from the library. It is a
// reflection, not a test and not a diagnosis, and the words say so. A low result brings a gentle offer of support.

import { h, replace, announce, formatLocalDay } from '../dom.js';
import { api } from '../api.js';
import { userZone } from '../session.js';
import { problemBox, loading, busy } from '../ui.js';
import { checkInChart } from '../charts.js';
import { gentleSuggestion } from '../care.js';

const BANDS = { LOW: 'Being kind to yourself seems hard right now', MODERATE: 'Some kindness, some struggle', HIGH: 'A good measure of kindness towards yourself' };

export default async function render(root, ctx) {
  ctx.title('Check-in');
  const heading = h('h1', { id: 'page-title', attrs: { tabindex: '-1' }, text: 'A gentle check-in' });
  const stage = h('div', {}, loading());
  root.append(heading, stage);

  let questions;
  let history;
  try {
    [questions, history] = await Promise.all([
      api('/api/journal/checkins/questions', { signal: ctx.signal }),
      api('/api/journal/checkins', { signal: ctx.signal }),
    ]);
  } catch (error) {
    if (error.name === 'AbortError') return;
    replace(stage, problemBox(error));
    return;
  }

  const items = questions.items;
  const answers = new Array(items.length).fill(null);
  const scale = Object.entries(questions.scale).map(([value, label]) => ({ value: Number(value), label })).sort((a, b) => a.value - b.value);

  function intro() {
    heading.textContent = 'A gentle check-in';
    replace(stage,
      h('p', { class: 'lead', text: 'Twelve short statements about how you treat yourself when things are hard. It takes about three minutes.' }),
      h('p', { class: 'panel', text: questions.note || 'This is a moment of reflection, not a test and not a diagnosis.' }),
      h('p', { text: 'Answer with how you usually are, not how you think you should be. There are no right answers, and you can go back at any time.' }),
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', text: 'Begin the check-in', on: { click: () => ask(0) } })),
      historySection(history));
  }

  function ask(index) {
    const item = items[index];
    heading.textContent = `Statement ${index + 1} of ${items.length}`;
    ctx.title(`Check-in, ${index + 1} of ${items.length}`);
    const legendId = `statement-${index}`;
    const radios = scale.map((option) => h('label', {},
      h('input', { type: 'radio', name: 'answer', value: option.value, checked: answers[index] === option.value, required: true, attrs: { 'aria-describedby': 'answer-error' } }),
      h('span', { text: `${option.label}` })));
    const error = h('p', { class: 'field-error', hidden: true, id: 'answer-error' });
    const back = h('button', { type: 'button', class: 'button', text: index === 0 ? 'Back to the start' : 'Previous statement',
      on: { click: () => (index === 0 ? intro() : ask(index - 1)) } });
    const next = h('button', { type: 'submit', class: 'primary', text: index + 1 < items.length ? 'Next statement' : 'See my reflection' });
    const form = h('form', {},
      h('progress', { max: items.length, value: index + 1, attrs: { 'aria-label': `Statement ${index + 1} of ${items.length}` } }),
      h('fieldset', {},
        h('legend', { id: legendId, class: 'statement', text: item.text }),
        h('p', { class: 'hint', text: 'How often is this true for you?' }),
        h('div', { class: 'scale' }, radios),
        error),
      h('div', { class: 'actions' }, back, next));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input[name="answer"]:checked');
      if (!chosen) {
        error.textContent = 'Please choose the answer that fits best. Any answer is fine.';
        error.hidden = false;
        form.querySelector('input[name="answer"]').focus();
        announce(error.textContent);
        return;
      }
      answers[index] = Number(chosen.value);
      if (index + 1 < items.length) {
        ask(index + 1);
      } else {
        await busy(next, submit, 'Working it out…');
      }
    });
    replace(stage, form);
    heading.focus();
  }

  async function submit() {
    try {
      const result = await api('/api/journal/checkins', { method: 'POST', body: { answers, timeZone: userZone() } });
      history = await api('/api/journal/checkins', { signal: ctx.signal }).catch(() => history);
      results(result);
    } catch (error) {
      if (error.name === 'AbortError') return;
      stage.prepend(problemBox(error));
    }
  }

  function results(result) {
    heading.textContent = 'Your reflection';
    ctx.title('Your check-in reflection');
    const parts = h('table', { class: 'data-table', dataset: { testid: 'checkin-parts' } },
      h('caption', { text: 'Each part from 1 to 5: higher is kinder to yourself' }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Part' }), h('th', { scope: 'col', class: 'num', text: 'Kindness (1 to 5)' }))),
      h('tbody', {}, result.subscales.map((sub) => h('tr', {}, h('th', { scope: 'row', text: sub.kindLabel }), h('td', { class: 'num', text: sub.kindness.toFixed(1) })))));
    replace(stage,
      h('section', { class: 'panel', dataset: { testid: 'checkin-result' } },
        h('p', { class: 'lead', text: BANDS[result.band] || '' }),
        h('p', { text: result.interpretation }),
        h('p', {}, h('strong', { text: `Overall: ${result.total.toFixed(2)} out of 5` }), ' (higher means kinder to yourself).')),
      result.band === 'LOW' ? gentleSuggestion('h2') : null,
      h('h2', { text: 'The six parts' }),
      h('div', { class: 'table-wrap' }, parts),
      practiceFor(result.practice, ctx.signal),
      h('p', { class: 'meta', text: questions.note || 'A moment of reflection, not a test and not a diagnosis.' }),
      h('div', { class: 'actions' },
        h('a', { class: 'button', href: '#/journal/new', text: 'Write about it' })),
      historySection(history));
    heading.focus();
    announce('Your reflection is ready.');
  }

  intro();
}

/**
 * A practice for the part that asked the most of this check-in: the first published practice tagged with that
 * part's habit (content-service `?habit=`). Without an answer, the library's practices are one link away.
 */
function practiceFor(suggestion, signal) {
  const fallback = h('a', { class: 'button primary', href: '#/library?type=practice', text: 'Browse the practices' });
  const slot = h('div', {}, loading('Finding a practice for this…'));
  const section = h('section', { class: 'panel', dataset: { testid: 'checkin-practice' }, attrs: { 'aria-labelledby': 'practice-title' } },
    h('h2', { id: 'practice-title', text: 'A practice for this' }),
    suggestion ? h('p', { text: `The part that asked the most of you this time: ${suggestion.kindLabel}.` }) : null,
    slot);
  if (!suggestion) {
    replace(slot, fallback);
    return section;
  }
  api(`/api/content/items?type=practice&habit=${encodeURIComponent(suggestion.habit)}&size=1`, { signal })
    .then((page) => {
      const practice = page.items && page.items[0];
      replace(slot, practice
        ? h('p', {}, h('a', { class: 'button primary', href: `#/library/${encodeURIComponent(practice.slug)}`, text: `Try “${practice.title}”` }),
          ` ${practice.minutes} minutes. ${practice.summary || ''}`)
        : fallback);
    })
    .catch((error) => {
      if (error.name !== 'AbortError') replace(slot, fallback);
    });
  return section;
}

function historySection(history) {
  const section = h('section', { attrs: { 'aria-labelledby': 'history-title' } }, h('h2', { id: 'history-title', text: 'Your past check-ins' }));
  if (!history || !history.items || history.items.length === 0) {
    section.append(h('p', { text: 'Your check-ins will gather here, so you can see how things move over time.' }));
    return section;
  }
  if (history.trend) section.append(h('p', { class: 'lead', text: history.trend.message }));
  if (history.items.length > 1) section.append(checkInChart(history.items));
  section.append(h('ul', { class: 'plain-list' }, history.items.slice(0, 20).map((item) => h('li', {},
    h('strong', { text: formatLocalDay(item.localDate, 'long') }), ` · total ${item.total.toFixed(2)} · ${BANDS[item.band] || ''}`))));
  return section;
}
