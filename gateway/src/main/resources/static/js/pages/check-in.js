// The self-compassion check-in: twelve statements, one per screen, then the results with the six subscales and the
// history. It is a reflection, not a test and not a diagnosis, and the words say so. A low result brings a gentle
// offer of support.

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
    const kind = result.subscales.filter((sub) => !sub.harsh);
    const harsh = result.subscales.filter((sub) => sub.harsh);
    const subTable = (caption, list) => h('table', { class: 'data-table' },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Part' }), h('th', { scope: 'col', class: 'num', text: 'Score (1 to 5)' }))),
      h('tbody', {}, list.map((sub) => h('tr', {}, h('th', { scope: 'row', text: sub.label }), h('td', { class: 'num', text: sub.score.toFixed(1) })))));
    replace(stage,
      h('section', { class: 'panel', dataset: { testid: 'checkin-result' } },
        h('p', { class: 'lead', text: BANDS[result.band] || '' }),
        h('p', { text: result.interpretation }),
        h('p', {}, h('strong', { text: `Overall: ${result.total.toFixed(2)} out of 5` }), ' (higher means kinder to yourself).')),
      result.band === 'LOW' ? gentleSuggestion('h2') : null,
      h('h2', { text: 'The six parts' }),
      h('div', { class: 'grid-2' },
        h('div', { class: 'table-wrap' }, subTable('Kind ways of relating to yourself (higher is kinder)', kind)),
        h('div', { class: 'table-wrap' }, subTable('Harsher ways (lower is gentler)', harsh))),
      h('p', { class: 'meta', text: questions.note || 'A moment of reflection, not a test and not a diagnosis.' }),
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: '#/library?q=self-compassion', text: 'Find a practice' }),
        h('a', { class: 'button', href: '#/journal/new', text: 'Write about it' })),
      historySection(history));
    heading.focus();
    announce('Your reflection is ready.');
  }

  intro();
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
